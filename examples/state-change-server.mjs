// A tiny Pact state-change server for an emulator that keeps its state in memory: run it in the emulator's own
// process, beside its API, and give the suite its address as "stateChangeUrl" (or --state-change-url).
// The suite POSTs {state, params: {cc, phone_number, cert?, pin?}, action: "setup" | "teardown"}, exactly as the
// Pact verifier does with --provider-state-change-url; answer 2xx (a JSON object, if any, is taken as injected
// values), or 4xx/5xx to fail the test that asked, naming the state.
import { createServer } from 'node:http';

/**
 * `handlers` maps each state name the suite uses to a function of its params, over your emulator's in-memory state:
 *   'a number is registered', 'a number is not registered',
 *   'a number is not registered and has two-step verification on' (params.pin),
 *   'a number was registered on another client' (its PIN stays with it).
 * A state without a handler is answered 400, and the tests that need it fail naming it.
 */
export function startStateChangeServer(handlers, { port = 0, host = '127.0.0.1' } = {}) {
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    let change;
    try {
      change = JSON.parse(body);
    } catch {
      return void response.writeHead(400).end('not JSON');
    }
    if (change.action === 'teardown')
      return void response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    const handler = handlers[change.state];
    if (!handler) return void response.writeHead(400).end(`no handler for the state "${change.state}"`);
    try {
      const injected = (await handler(change.params ?? {})) ?? {};
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(injected));
    } catch (error) {
      response.writeHead(500).end(String(error?.message ?? error));
    }
  });
  return new Promise((resolve) =>
    server.listen(port, host, () => {
      resolve({
        url: `http://${host}:${server.address().port}`,
        close: () => new Promise((done) => server.close(done)),
      });
    }),
  );
}
