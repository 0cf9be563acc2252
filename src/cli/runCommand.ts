import { startEmulator } from '../reference/index.js';
import { readConfigFile } from '../run/configFile.js';
import { listedTests } from '../run/listedTests.js';
import { preflight } from '../run/preflight.js';
import { requirementsMatching, tagsOf } from '../run/requirementFilter.js';
import type { RunOptions } from '../run/runOptions.js';
import { runSuite } from '../run/runSuite.js';
import { exitCodes } from '../run/usageError.js';
import { listRequirements } from './listRequirements.js';
import { startPromptServer } from './promptServer.js';
import { announcedSettings, say } from './say.js';

/** `wa-account-conformance [run]`: the suite against --target, or against the embedded reference. */
export async function runCommand(flags: RunOptions): Promise<number> {
  // --list sends nothing, so it needs no credentials: only the profile, from the flag or the configuration file.
  if (flags.list) {
    const profile = flags.profile ?? (flags.config ? readConfigFile(flags.config).profile : undefined);
    console.log(listRequirements(await listedTests(), flags.grep, profile));
    return exitCodes.pass;
  }
  const resolved = announcedSettings(flags);
  const grep = flags.grep === undefined ? undefined : tagsOf(requirementsMatching(flags.grep).map((r) => r.id));
  const filter = { grep, shard: flags.shard };
  // Only a person at a terminal can answer a prompt; without one the prompt source does not exist (its checks SKIP).
  const prompt = resolved.codeSource?.type === 'prompt' && process.stdin.isTTY ? await startPromptServer() : undefined;
  if (resolved.codeSource?.type === 'prompt' && !prompt)
    say('notice: no terminal is attached, so nobody can be asked for a code: the checks that need one are skipped');
  try {
    const withPrompt = { ...resolved, promptUrl: prompt?.url };
    if (resolved.target) return await runSuite(await preflight(withPrompt, { say }), filter);
    const reference = await startEmulator({ profile: resolved.profile });
    try {
      return await runSuite(await preflight(withPrompt, { reference, say }), filter);
    } finally {
      await reference.server.close();
    }
  } finally {
    await prompt?.close();
  }
}
