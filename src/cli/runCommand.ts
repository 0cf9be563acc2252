import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '../reference/index.js';
import { readConfigFile } from '../run/configFile.js';
import { listedTests } from '../run/listedTests.js';
import { preflight } from '../run/preflight.js';
import { requirementsMatching, tagsOf } from '../run/requirementFilter.js';
import type { RunOptions } from '../run/runOptions.js';
import { runSuite } from '../run/runSuite.js';
import { writeStoppedReport } from '../run/stoppedRun.js';
import { exitCodes, UsageError } from '../run/usageError.js';
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
  const opened: { close(): Promise<void> }[] = [];
  try {
    const settings = await runSettings(flags, opened).catch((error: unknown) => {
      throw stopped(flags, error);
    });
    const grep = flags.grep === undefined ? undefined : tagsOf(requirementsMatching(flags.grep).map((r) => r.id));
    try {
      return await runSuite(settings, { grep, shard: flags.shard });
    } catch (error) {
      // A run that broke down before its reporter wrote anything leaves the same files as one stopped before it.
      if (existsSync(join(settings.reportDir, 'report.json'))) throw error;
      throw stopped({ ...flags, reportDir: settings.reportDir }, error);
    }
  } finally {
    for (const resource of opened.reverse()) await resource.close();
  }
}

/** The settings, the checks before any test, and what they start (the prompt server, the embedded reference). */
async function runSettings(flags: RunOptions, opened: { close(): Promise<void> }[]) {
  const resolved = announcedSettings(flags);
  // Only a person at a terminal can answer a prompt; without one the prompt source does not exist (its checks SKIP).
  const prompt = resolved.codeSource?.type === 'prompt' && process.stdin.isTTY ? await startPromptServer() : undefined;
  if (prompt) opened.push(prompt);
  if (resolved.codeSource?.type === 'prompt' && !prompt)
    say('notice: no terminal is attached, so nobody can be asked for a code: the checks that need one are skipped');
  const withPrompt = { ...resolved, promptUrl: prompt?.url };
  if (resolved.target) return preflight(withPrompt, { say });
  const reference = await startEmulator({ profile: resolved.profile });
  opened.push(reference.server);
  return preflight(withPrompt, { reference, say });
}

/**
 * A run that stops before any test is exit 2: the report files are written with the one-line reason (secrets
 * redacted) before the error goes on to be printed, so that CI's summary and artifact steps always find a file.
 * Returns the error to print.
 */
export function stopped(flags: RunOptions, error: unknown): UsageError {
  const reason =
    error instanceof UsageError ? error.message : `internal error: ${(error as Error).message ?? String(error)}`;
  try {
    // The report's place is where the run was told; stderr keeps its one line.
    return new UsageError(writeStoppedReport(flags, reason).reason);
  } catch (writing) {
    say(`notice: the report of the stopped run could not be written: ${(writing as Error).message}`);
    return new UsageError(reason);
  }
}
