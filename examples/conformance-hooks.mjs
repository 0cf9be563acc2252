// A hooks module for wa-account-conformance (--hooks examples/conformance-hooks.mjs, or "hooks" in the
// configuration file), for an emulator that keeps its state in memory and has two test endpoints of its own:
//   POST {EMULATOR_URL}/_pact/provider-states   {state, params, action}   sets a number's state
//   GET  {EMULATOR_URL}/_inbox/{cc}/{phone_number}                        the last code sent, {code, sentAt}
// (`wa-account-conformance serve --sources hooks` is such an emulator.) Replace the two calls with whatever your
// emulator offers: a database, an admin API, a log file. The state names are the ones of the suite's pacts.

const base = process.env.EMULATOR_URL;
if (!base) throw new Error("set EMULATOR_URL to the emulator's address, e.g. http://127.0.0.1:9090");

// A kept-alive connection the emulator closed while it was idle fails the request sent on it: sent again, once, on a
// new connection, as any client that keeps connections alive must.
async function call(url, init) {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

async function setState(state, params) {
  const answer = await call(`${base}/_pact/provider-states`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ state, params, action: 'setup' }),
  });
  if (!answer.ok) throw new Error(`${state}: the emulator answered ${answer.status}`);
}

// Shaped like Pact JS stateHandlers: a function is the setup; {setup, teardown} for both.
export const stateHandlers = {
  'a number is registered': (params) => setState('a number is registered', params),
  'a number is not registered': (params) => setState('a number is not registered', params),
  'a number is not registered and has two-step verification on': {
    setup: (params) => setState('a number is not registered and has two-step verification on', params),
    teardown: () => {},
  },
  'a number was registered on another client': (params) =>
    setState('a number was registered on another client', params),
};

// The code sent to this number after this request: poll the inbox until a message newer than the request is there.
export async function sentCode({ cc, phone_number, requestedAt }) {
  for (;;) {
    const answer = await call(`${base}/_inbox/${cc}/${phone_number}`);
    if (answer.ok) {
      const { code, sentAt } = await answer.json();
      if (Date.parse(sentAt) >= Date.parse(requestedAt) - 1000) return code;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
