import type { ConformanceConfig } from '../generated/types.js';
import { startEmulator } from '../reference/index.js';
import type { RunSettings } from '../settings/runSettings.js';
import { readConfigFile } from './configFile.js';
import { listRequirements } from './listRequirements.js';
import { checkReachable } from './preflight.js';
import { prepareTarget } from './prepareTarget.js';
import { startPromptServer } from './promptServer.js';
import { requirementsMatching, tagsOf } from './requirementFilter.js';
import { type ResolvedSettings, resolveSettings } from './resolveSettings.js';
import type { RunOptions } from './runOptions.js';
import { runSuite } from './runSuite.js';
import { exitCodes } from './usageError.js';

export const say = (line: string) => console.error(`wa-account-conformance: ${line}`);

/** The configuration file and flags, resolved; renamed keys are announced once each. */
export function settingsOf(flags: RunOptions): ResolvedSettings {
  const config: ConformanceConfig = flags.config ? readConfigFile(flags.config) : {};
  const resolved = resolveSettings(flags, config, process.env, flags.config);
  for (const notice of resolved.notices) say(`notice: ${notice}`);
  return resolved;
}

/** The settings of a run against the embedded reference: it speaks the control protocol and takes minted certificates. */
export function embeddedSettings(
  resolved: ResolvedSettings,
  reference: Awaited<ReturnType<typeof startEmulator>>,
): RunSettings {
  const { notices: _notices, ...rest } = resolved;
  return {
    ...rest,
    target: reference.server.url,
    admin: reference.admin,
    user: reference.user,
    fixtures: reference.fixtures,
    controlProtocol: true,
    mintedCertificates: true,
  };
}

/** `wa-account-conformance [run]`: the suite against --target, or against the embedded reference. */
export async function runCommand(flags: RunOptions): Promise<number> {
  // --list sends nothing, so it needs no credentials: only the profile, from the flag or the configuration file.
  if (flags.list) {
    const profile = flags.profile ?? (flags.config ? readConfigFile(flags.config).profile : undefined);
    console.log(listRequirements(flags.grep, profile));
    return exitCodes.pass;
  }
  const resolved = settingsOf(flags);
  const grep = flags.grep === undefined ? undefined : tagsOf(requirementsMatching(flags.grep).map((r) => r.id));
  const filter = { grep, shard: flags.shard };
  // Only a person at a terminal can answer a prompt; without one the prompt source does not exist (its checks SKIP).
  const prompt = resolved.codeSource?.type === 'prompt' && process.stdin.isTTY ? await startPromptServer() : undefined;
  if (resolved.codeSource?.type === 'prompt' && !prompt)
    say('notice: no terminal is attached, so nobody can be asked for a code: the checks that need one are skipped');
  try {
    if (resolved.pactBroker) await checkReachable(resolved.pactBroker.url, { what: 'Pact Broker' });
    const withPrompt = { ...resolved, promptUrl: prompt?.url };
    if (resolved.target)
      return await runSuite(await prepareTarget({ ...withPrompt, target: resolved.target }, say), filter);
    const reference = await startEmulator({ profile: resolved.profile });
    try {
      return await runSuite(embeddedSettings(withPrompt, reference), filter);
    } finally {
      await reference.server.close();
    }
  } finally {
    await prompt?.close();
  }
}
