import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline/promises';

export interface PromptServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Asks the operator, on the terminal this command owns, for the code their phone received, one question at a
 * time, for the workers' prompt code source. Loopback only, behind a path no other program can guess.
 */
export async function startPromptServer(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<PromptServer> {
  const secret = randomBytes(16).toString('hex');
  let queue = Promise.resolve();
  const ask = (question: string) => {
    const answer = queue.then(async () => {
      const rl = createInterface({ input, output, terminal: true });
      try {
        return (await rl.question(question)).trim();
      } finally {
        rl.close();
      }
    });
    queue = answer.then(
      () => undefined,
      () => undefined,
    );
    return answer;
  };
  const server = createServer(async (request, response) => {
    if (request.method !== 'POST' || request.url !== `/${secret}`) return void response.writeHead(404).end();
    let text = '';
    for await (const chunk of request) text += chunk;
    let asked: { cc?: unknown; phone_number?: unknown; method?: unknown } = {};
    try {
      asked = JSON.parse(text) as typeof asked;
    } catch {
      return void response.writeHead(400).end();
    }
    const code = await ask(
      `\nwa-account-conformance: the code sent by ${String(asked.method)} to +${String(asked.cc)} ${String(asked.phone_number)} (Enter to skip): `,
    );
    response
      .writeHead(code ? 200 : 404, { 'content-type': 'application/json' })
      .end(JSON.stringify(code ? { code } : {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${secret}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
