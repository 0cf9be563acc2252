// リクエスト: "受信した応答に応じた手順に従ってください。" — the published Pact contract, verified on the target.
// Its provider states register numbers and send codes, so specs/registration.spec.ts runs it with the others, last.
import {
  Blocked,
  type Exchange,
  orSkip,
  SourceError,
  stoppedAnswering,
  test,
  verifies,
  verifyTargetContracts,
} from '../../src/harness/index.js';

/** Declares these tests in the file that calls it: registration.spec.ts, once per instance of it. */
export function contractTests(): void {
  test(...verifies('CONTRACT-HONOURED'), async ({ target }) => {
    // The legacy contract's verification completes a registration: one of --registrations.
    if (target.settings.profile === 'legacy') await orSkip(async () => target.numbers.mayRegister());
    const forwarded: Exchange[] = [];
    // Loaded here, not above: the Pact FFI costs every worker that never verifies a contract.
    const { contractVerifier } = await import('../../contracts/verifyContracts.js');
    const result = await verifyTargetContracts({
      settings: target.settings,
      client: target.client,
      sessions: target.sessions,
      numbers: target.numbers,
      api: target,
      caseName: 'CONTRACT-HONOURED#pact',
      requirement: 'CONTRACT-HONOURED',
      verify: contractVerifier(target.settings),
      onExchange: (exchange) => {
        forwarded.push(exchange);
        target.record([exchange]);
      },
    });
    const broker = target.settings.pactBroker;
    const pacts = broker
      ? `the pacts ${broker.url} selects for the provider`
      : `contracts/pacts/${target.settings.profile}`;
    const ran = result.interactions.filter((r) => r.result !== 'SKIPPED');
    test.skip(
      ran.length === 0,
      result.interactions.length
        ? `no interaction could run: ${result.interactions.map((r) => `${r.description}: ${r.reason}`).join('; ')}`
        : `no interaction to verify in ${pacts}: ${target.redact(result.output)}`,
    );
    target.judgedElsewhere(ran.length);
    // The verifier sends one request per interaction, in the order it reports them, but none for an interaction whose
    // state change was refused (it carries the reason). A pending pact's failure does not fail the verification.
    let sent = 0;
    const failed = ran.flatMap((r) => {
      const exchange = r.reason ? undefined : forwarded[sent++];
      return r.result === 'FAILED' && !r.pending ? [{ ...r, exchange }] : [];
    });
    // A state that could not be torn down after a verdict leaves the verdict; after a pass, nothing is judged (ERROR).
    if (failed.length === 0 && result.teardownFailed)
      throw new SourceError(`the contract passed, but ${target.redact(result.teardownFailed)}`);
    if (failed.length === 0) return;
    // An interaction whose state could not be set judged nothing of the target: when no other failed, the contract
    // was not judged (BLOCKED by the requirement the target broke on the way, or ERROR: a source failed).
    // An interaction whose request met a target that had stopped answering for another requirement judged nothing either.
    const silenced = failed.find((f) => f.exchange?.stoppedBy && f.exchange.stoppedBy !== 'CONTRACT-HONOURED');
    if (silenced && failed.every((f) => f.blockedBy || f.sourceFailed || f.exchange?.stoppedBy))
      throw stoppedAnswering(silenced.exchange!);
    if (failed.every((f) => f.blockedBy || f.sourceFailed)) {
      const first = failed.find((f) => f.blockedBy) ?? failed[0]!;
      const why = `the provider state of "${first.description}" could not be set: ${first.reason}`;
      throw first.blockedBy ? new Blocked(first.blockedBy, why) : new SourceError(why);
    }
    const last = failed.at(-1)!.exchange;
    if (last) target.record([last]);
    throw target.mismatch(
      `every interaction of ${pacts} verified`,
      `FAILED: ${failed.map((f) => `${f.description}${f.reason ? ` (${f.reason})` : ''}${f.exchange ? ` (X-Conformance-Case: ${f.exchange.case})` : ''}`).join('; ')}`,
      { note: result.output },
    );
  });
}
