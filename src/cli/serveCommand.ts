import { writeFileSync } from 'node:fs';
import type { SourceKind } from '../protocol/index.js';
import { describeEmulator, emulatorConfig, startEmulator } from '../reference/index.js';
import type { Profile } from '../requirements/index.js';

export interface ServeOptions {
  profile: Profile;
  port: number;
  host: string;
  configOut?: string;
  /** How the suite reaches state and codes: the control protocol, or (with the control protocol off) another source. */
  sources: SourceKind;
}

/** `wa-account-conformance serve`: the reference as an emulator until SIGINT or SIGTERM. */
export async function serveCommand(options: ServeOptions): Promise<number> {
  const emulator = await startEmulator({
    profile: options.profile,
    host: options.host,
    port: options.port,
    sources: options.sources,
  });
  console.log(describeEmulator(emulator));
  if (options.configOut) {
    writeFileSync(options.configOut, `${JSON.stringify(emulatorConfig(emulator), null, 2)}\n`);
    console.log(`wrote ${options.configOut}`);
  }
  console.log('stop with Ctrl-C');
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  await emulator.server.close();
  console.log(`stopped (${signal})`);
  return 0;
}
