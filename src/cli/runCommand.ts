import type { ConformanceConfig } from '../generated/types.js';
import { startEmulator } from '../reference/index.js';
import type { RunSettings } from '../settings/runSettings.js';
import { readConfigFile } from './configFile.js';
import { listRequirements } from './listRequirements.js';
import { checkReachable } from './preflight.js';
import { resolveSettings } from './resolveSettings.js';
import type { RunOptions } from './runOptions.js';
import { runSuite } from './runSuite.js';
import { exitCodes } from './usageError.js';

/** `wa-account-conformance [run]`: the suite against --target, or against the embedded reference. */
export async function runCommand(flags: RunOptions): Promise<number> {
  const config: ConformanceConfig = flags.config ? readConfigFile(flags.config) : {};
  const resolved = resolveSettings(flags, config, process.env);
  if (flags.list) {
    console.log(listRequirements(flags.grep, flags.profile));
    return exitCodes.pass;
  }
  const playwrightArgs = [...(flags.grep ? ['--grep', flags.grep] : []), ...(flags.shard ? [`--shard=${flags.shard}`] : []), ...(flags.workers ? [`--workers=${flags.workers}`] : [])];
  if (resolved.target) {
    await checkReachable(resolved.target, { path: 'v1/users/login', timeoutMs: resolved.timeoutMs, insecure: resolved.insecure });
    return runSuite({ ...resolved, target: resolved.target }, playwrightArgs);
  }
  const reference = await startEmulator({ profile: resolved.profile });
  try {
    const settings: RunSettings = {
      ...resolved,
      target: reference.server.url,
      admin: reference.admin,
      user: reference.user,
      fixtures: reference.fixtures,
      emulator: true,
    };
    return await runSuite(settings, playwrightArgs);
  } finally {
    await reference.server.close();
  }
}
