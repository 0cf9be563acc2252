import { spawn } from 'node:child_process';
import { type CodeSource, codeIn, SourceError } from './source.js';

export const codeRequestVariable = 'WA_CONFORMANCE_CODE_REQUEST';

/**
 * A command, as kubeconfig `exec` and AWS `credential_process` run them: an argv array without a shell, the request
 * as JSON in an environment variable, `{"code": "…"}` on stdout. A hang is ended (its whole process group).
 */
export function commandCodeSource(argv: string[], timeoutMs: number): CodeSource {
  const name = `the command ${JSON.stringify(argv[0])} (codeSource.type "command")`;
  return {
    name,
    interactive: false,
    covers: 'any',
    sentCode: (request) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(argv[0]!, argv.slice(1), {
          env: { ...process.env, [codeRequestVariable]: JSON.stringify({ ...request, answer: undefined }) },
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true,
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => {
          if (stdout.length < 65_536) stdout += d;
        });
        child.stderr.on('data', (d: Buffer) => {
          if (stderr.length < 4_096) stderr += d;
        });
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            child.kill('SIGKILL');
          }
          reject(new SourceError(`${name} did not finish within ${timeoutMs} ms`));
        }, timeoutMs);
        child.on('error', (error) => {
          clearTimeout(timer);
          reject(new SourceError(`${name} could not start: ${error.message}`));
        });
        child.on('close', (code, signal) => {
          clearTimeout(timer);
          if (signal) return reject(new SourceError(`${name} ended by ${signal}`));
          if (code !== 0)
            return reject(
              new SourceError(`${name} exited with ${code}${stderr.trim() ? `: ${errorLine(stderr)}` : ''}`),
            );
          let parsed: unknown;
          try {
            parsed = JSON.parse(stdout);
          } catch {
            return reject(
              new SourceError(
                `${name} printed no JSON on stdout (expected {"code": "…"}, got ${stdout.length} bytes that are not JSON)`,
              ),
            );
          }
          const found = codeIn(parsed);
          if (!found) return reject(new SourceError(`${name} printed JSON without a "code"`));
          resolve(found);
        });
      }),
  };
}

/**
 * The line of a failed command's stderr that says what went wrong: the first that names an error (node's ends with
 * its version, after the stack), else the last.
 */
export function errorLine(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (
    lines.find((line) => /\b\w*(Error|error|ERROR)\b|^fatal|not found|No such file/.test(line)) ??
    lines.at(-1) ??
    ''
  ).slice(0, 300);
}
