import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './freePort.js';

export interface Gateway {
  url: string;
  /** nginx's access log: one line per request, its status second (`log_format status`). */
  accessLog: string;
  close(): Promise<void>;
}

/**
 * Debian's nginx (nginx-light, as .ci/run installs it) in front of `upstream` on loopback, with a configuration of
 * its own in a temporary folder: one process, in the foreground, bodies over `maxBody` answered 413.
 */
export async function startNginx(upstream: string, maxBody = '64k'): Promise<Gateway> {
  const dir = mkdtempSync(join(tmpdir(), 'wa-nginx-'));
  const port = await freePort();
  const accessLog = join(dir, 'access.log');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `
daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events {}
http {
  log_format status '$request_method $status $request_uri';
  access_log ${accessLog} status;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    client_max_body_size ${maxBody};
    location / {
      proxy_pass ${upstream};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
`,
  );
  const nginx = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], {
    stdio: 'ignore',
  });
  // Not found, it never exits: it fails to start.
  let failed = '';
  const exited = new Promise<void>((resolve) => {
    nginx.once('exit', () => resolve());
    nginx.once('error', (error) => resolve(void (failed = error.message)));
  });
  await listening(port, exited, () => failed);
  return {
    url: `http://127.0.0.1:${port}`,
    accessLog,
    close: async () => {
      nginx.kill('SIGQUIT');
      await exited;
    },
  };
}

async function listening(port: number, exited: Promise<void>, failure: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let tries = 0; tries < 100; tries += 1) {
    if (gone) {
      const why = failure() ? `could not start (${failure()})` : 'exited before it listened';
      throw new Error(`nginx ${why}: is nginx-light installed? .ci/run installs it`);
    }
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(() => resolve(true))).once('error', () =>
        resolve(false),
      );
    });
    if (up) return;
    await sleep(50);
  }
  throw new Error(`nginx did not listen on 127.0.0.1:${port} within 5 s`);
}
