import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { getFfiLib } from '@pact-foundation/pact-core';
import { profiles } from '../src/requirements/index.js';
import { type ContractInteraction, contractInteractions } from './interactions.js';
import { type ContractNames, defaultNames } from './names.js';

const exampleAuth = { bearer: 'Bearer token-from-login', basic: 'Basic YWRtaW46c2VjcmV0' };

/** The one writer of contracts: a Pact V4 file per profile under `dir/<profile>/`, replacing what was there. */
export async function writeContracts(dir: string, names: ContractNames = defaultNames): Promise<string[]> {
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  const written: string[] = [];
  for (const profile of profiles) {
    const out = join(dir, profile);
    rmSync(out, { recursive: true, force: true });
    const pact = new PactV4({ ...names, dir: out, logLevel: 'error' });
    for (const interaction of contractInteractions(profile)) await record(pact, interaction);
    written.push(join(out, `${names.consumer}-${names.provider}.json`));
  }
  return written;
}

// Pact writes an interaction only once a real request has matched it on its mock server.
async function record(pact: PactV4, { description, state, request, response }: ContractInteraction): Promise<void> {
  const headers: Record<string, unknown> = {};
  if (request.auth !== 'none')
    headers.Authorization =
      request.auth === 'bearer'
        ? MatchersV3.regex('^Bearer .+$', exampleAuth.bearer)
        : MatchersV3.regex('^Basic [A-Za-z0-9+/=]+$', exampleAuth.basic);
  let builder = pact.addInteraction();
  if (state) builder = builder.given(state.name, state.params);
  await builder
    .uponReceiving(description)
    .withRequest(request.method, request.path, (b) => {
      b.headers(headers as Record<string, string>);
      if (request.body) b.jsonBody(request.body);
    })
    .willRespondWith(response.status, (b) => {
      if (response.body) b.jsonBody(response.body);
    })
    .executeTest(async (mock) => {
      const sent: Record<string, string> = { 'content-type': 'application/json' };
      if (request.auth !== 'none') sent.authorization = exampleAuth[request.auth];
      const answer = await fetch(`${mock.url}${request.path}`, {
        method: request.method,
        headers: sent,
        body: request.body ? JSON.stringify(MatchersV3.reify(request.body)) : undefined,
      });
      if (answer.status !== response.status) throw new Error(`${description}: the mock answered ${answer.status}`);
      await bookedBy(mock.port);
    });
}

// libpact_ffi 0.5.4 answers before it books the match, so under CPU load executeTest can read "expected but not
// received" for a request that matched (pact-foundation/pact-core-mock-server#13, fixed in pact-core 20.1, which
// needs Node 22). Waiting for the booking closes the race; a request that truly did not match still fails there.
async function bookedBy(port: number, deadline = Date.now() + 5000): Promise<void> {
  const ffi = getFfiLib();
  while (!ffi.pactffiMockServerMatched(port) && Date.now() < deadline) await sleep(5);
}
