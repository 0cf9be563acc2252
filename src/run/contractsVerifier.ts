// The child process of `contracts verify` (see verifyInChild): it gets the run's settings, verifies the contract with
// the same client, sessions and sources as a run's specs, and sends back the result, or the one line of a usage error.
import { contractVerifier } from '../../contracts/verifyContracts.js';
import type { Exchange } from '../client/index.js';
import { verifyTargetContracts } from '../harness/contractRun.js';
import { tokenOf } from '../harness/sessions.js';
import { TargetConnections } from '../harness/targetConnections.js';
import type { ContractVerification } from '../protocol/index.js';
import type { RunSettings } from '../settings/runSettings.js';
import { UsageError } from './usageError.js';

export type VerifierAnswer = ContractVerification | { error: string };

/** The same client, sessions and sources as a run's specs (a worker's connection to its target), outside Playwright. */
async function verifyWithSources(settings: RunSettings): Promise<ContractVerification> {
  const connections = new TargetConnections();
  try {
    const { client, sessions, numbers } = await connections.of(settings);
    let count = 0;
    const api = {
      post: async (path: string, body: unknown) =>
        client.send({
          method: 'POST',
          path,
          body,
          headers: await sessions.headers('admin'),
          case: `contracts-state#${++count}`,
        }),
    };
    // A token the login interaction is issued is a secret like the admin's own.
    const onExchange = (exchange: Exchange) => client.secrets.add('WA_CONFORMANCE_ISSUED_TOKEN', tokenOf(exchange));
    const result = await verifyTargetContracts({
      settings,
      client,
      sessions,
      numbers,
      api,
      caseName: 'contracts#pact',
      verify: contractVerifier(settings),
      onExchange,
    });
    return { ...result, output: client.secrets.redact(result.output) };
  } finally {
    await connections.close();
  }
}

process.once('message', (settings: RunSettings) => {
  verifyWithSources(settings)
    .then(
      (result): VerifierAnswer => result,
      (error: unknown): VerifierAnswer => {
        if (error instanceof UsageError) return { error: error.message };
        return { error: `the Pact verifier failed: ${error instanceof Error ? error.message : String(error)}` };
      },
    )
    .then((answer) => process.send!(answer, undefined, undefined, () => process.exit(0)));
});
