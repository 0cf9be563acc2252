import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ContractVerification } from '../protocol/index.js';
import type { RunSettings } from '../settings/runSettings.js';
import type { VerifierAnswer } from './contractsVerifier.js';
import { UsageError } from './usageError.js';

/**
 * The Pact Verifier in a child process: from native code it writes a coloured report of its own to stdout, which no
 * option pact-js passes on turns off; the child's stdout is dropped, and this command prints the result once.
 */
export async function verifyInChild(settings: RunSettings): Promise<ContractVerification> {
  const child = fork(fileURLToPath(new URL('../run/contractsVerifier.js', import.meta.url)), {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  child.send(settings);
  const answer = await new Promise<VerifierAnswer | undefined>((resolve) => {
    child.once('message', (message) => resolve(message as VerifierAnswer));
    child.once('exit', () => resolve(undefined));
  });
  if (!answer)
    throw new UsageError(
      `the Pact verifier's process ended without a result (exit ${child.exitCode ?? child.signalCode})`,
    );
  if ('error' in answer) throw new UsageError(answer.error);
  return answer;
}
