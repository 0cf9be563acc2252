import { MatchersV3 } from '@pact-foundation/pact';
import fc from 'fast-check';
import { invalidRegisterRequest, registerRequest } from '../src/arbitraries/index.js';
import { mintCertificate } from '../src/cert/index.js';
import { type ProviderState, providerStateNames } from '../src/protocol/index.js';
import type { Profile } from '../src/requirements/index.js';

const { fromProviderState, like, regex } = MatchersV3;

/** What a provider state asks of the target (one of src/protocol's states); the verifier sets it, or skips the interaction. */
export interface ContractState {
  name: string;
  kind: ProviderState;
  params: Record<string, string>;
}

export interface ContractInteraction {
  description: string;
  state?: ContractState;
  request: {
    method: 'POST';
    path: string;
    auth: 'bearer' | 'basic' | 'none';
    body?: Record<string, unknown>;
    example?: Record<string, unknown>;
  };
  response: { status: number; body?: Record<string, unknown> };
}

// Examples come from the schemas' arbitraries with fixed seeds, so regenerating writes the same contracts.
const sample = <T>(arbitrary: fc.Arbitrary<T>, seed: number): T => fc.sample(arbitrary, { numRuns: 1, seed })[0]!;

const registered = { cc: '1', phone_number: '5550100', vname: 'Registered Test Co' };
const unregistered = { cc: '81', phone_number: '9012345678', vname: '株式会社テスト' };
const twoStep = { cc: '44', phone_number: '7700900123', vname: 'Two-Step Test Ltd', pin: '246810' };

function numberBody(number: { cc: string; phone_number: string; vname: string }): Record<string, unknown> {
  const method = sample(registerRequest(), 1).method;
  return {
    cc: fromProviderState('${cc}', number.cc),
    phone_number: fromProviderState('${phone_number}', number.phone_number),
    method: regex('^(sms|voice)$', method),
    cert: fromProviderState('${cert}', mintCertificate({ verifiedName: number.vname })),
  };
}

// The params carry every value the request takes from the state, so a target's own fixtures can replace them.
function state(
  kind: ProviderState,
  number: { cc: string; phone_number: string; vname: string; pin?: string },
): ContractState {
  const { vname, ...params } = number;
  return {
    kind,
    name: providerStateNames[kind],
    params: { ...params, cert: mintCertificate({ verifiedName: vname }) },
  };
}

const blocked = { code: 1005, title: 'Access denied', details: 'Unknown error: biz_link_on_prem_reg_blocked' };

/** The documented responses of each profile, as interactions. */
export function contractInteractions(profile: Profile): ContractInteraction[] {
  const login: ContractInteraction = {
    description: 'a login with HTTP Basic credentials',
    request: { method: 'POST', path: '/v1/users/login', auth: 'basic' },
    response: {
      status: 200,
      body: {
        users: [
          {
            token: like('eyJhbGciOiJIUzI1NiJ9.token'),
            expires_after: regex(
              '^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d$',
              '2018-03-01 15:29:26+00:00',
            ),
          },
        ],
      },
    },
  };
  const noToken: ContractInteraction = {
    description: 'a registration without a bearer token',
    request: {
      method: 'POST',
      path: '/v1/account',
      auth: 'none',
      body: sample(registerRequest(), 2) as unknown as Record<string, unknown>,
    },
    response: { status: 401 },
  };
  if (profile === 'sunset') {
    return [
      {
        description: 'a registration while registration through the on-prem API is blocked',
        request: {
          method: 'POST',
          path: '/v1/account',
          auth: 'bearer',
          body: sample(registerRequest(), 3) as unknown as Record<string, unknown>,
        },
        response: { status: 403, body: { errors: [blocked] } },
      },
      login,
      noToken,
    ];
  }
  const missing = sample(invalidRegisterRequest(['missing-required']), 4);
  return [
    {
      description: 'a registration of a number that is registered',
      state: state('registered', registered),
      request: { method: 'POST', path: '/v1/account', auth: 'bearer', body: numberBody(registered) },
      response: { status: 201 },
    },
    {
      description: 'a registration of a number that is not registered',
      state: state('unregistered', unregistered),
      request: { method: 'POST', path: '/v1/account', auth: 'bearer', body: numberBody(unregistered) },
      response: { status: 202, body: { account: [{ vname: like(unregistered.vname) }] } },
    },
    {
      description: 'a registration without the PIN of a number with two-step verification on',
      state: state('two-step', twoStep),
      request: { method: 'POST', path: '/v1/account', auth: 'bearer', body: numberBody(twoStep) },
      response: { status: 400, body: { errors: [{ code: 1008, title: like('Required parameter is missing') }] } },
    },
    {
      description: 'a registration with the PIN of a number with two-step verification on',
      state: state('two-step', twoStep),
      request: {
        method: 'POST',
        path: '/v1/account',
        auth: 'bearer',
        body: { ...numberBody(twoStep), pin: fromProviderState('${pin}', twoStep.pin) },
      },
      response: { status: 202, body: { account: [{ vname: like(twoStep.vname) }] } },
    },
    {
      description: `a registration without ${missing.field}`,
      request: { method: 'POST', path: '/v1/account', auth: 'bearer', body: missing.body },
      response: { status: 400, body: { errors: [{ code: 1008, title: like('Required parameter is missing') }] } },
    },
    {
      description: 'a verification with the code that was sent',
      state: state('code-sent', unregistered),
      request: {
        method: 'POST',
        path: '/v1/account/verify',
        auth: 'bearer',
        body: { code: fromProviderState('${code}', '123456') },
      },
      response: { status: 201 },
    },
    login,
    noToken,
  ];
}
