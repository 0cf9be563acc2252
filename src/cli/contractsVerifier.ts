// The child process of `contracts verify` (see verifyInChild): it gets the run's settings, verifies the contract with
// the same client, sessions and sources as a run's specs, and sends back the result, or the one line of a usage error.
import type { ContractVerification } from '../../contracts/verifyContracts.js';
import { TargetClient, type Exchange } from '../client/index.js';
import { verifyTargetContracts } from '../fixtures/contractRun.js';
import { runSecrets } from '../fixtures/runSecrets.js';
import { Sessions, tokenOf } from '../fixtures/sessions.js';
import { Numbers } from '../sources/numbers.js';
import { openSources } from '../sources/openSources.js';
import type { RunSettings } from '../settings/runSettings.js';
import { UsageError } from './usageError.js';

export type VerifierAnswer = ContractVerification | { error: string };

/** The same client, sessions and sources as a run's specs, outside Playwright. */
async function verifyWithSources(settings: RunSettings): Promise<ContractVerification> {
  const secrets = runSecrets(settings);
  const client = new TargetClient({ ...settings, baseUrl: settings.target, secrets });
  const sessions = new Sessions(client, settings);
  let count = 0;
  const sources = await openSources(settings, async (method, path, body) => client.send({ method, path, body, headers: await sessions.headers('admin'), case: 'source' }));
  try {
    const numbers = new Numbers(settings, sources, (variable, value) => secrets.add(variable, value));
    const api = { post: async (path: string, body: unknown) => client.send({ method: 'POST', path, body, headers: await sessions.headers('admin'), case: `contracts-state#${++count}` }) };
    // A token the login interaction is issued is a secret like the admin's own.
    const onExchange = (exchange: Exchange) => secrets.add('WA_CONFORMANCE_ISSUED_TOKEN', tokenOf(exchange));
    const result = await verifyTargetContracts({ settings, client, sessions, numbers, api, caseName: 'contracts#pact', onExchange });
    return { ...result, output: secrets.redact(result.output) };
  } finally {
    await sources.close();
    await client.close();
  }
}

process.once('message', (settings: RunSettings) => {
  verifyWithSources(settings)
    .then((result): VerifierAnswer => result, (error: unknown): VerifierAnswer => {
      if (error instanceof UsageError) return { error: error.message };
      return { error: `the Pact verifier failed: ${error instanceof Error ? error.message : String(error)}` };
    })
    .then((answer) => process.send!(answer, undefined, undefined, () => process.exit(0)));
});
