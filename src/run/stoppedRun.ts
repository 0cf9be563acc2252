import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { stoppedReport } from '../../reporters/buildReport.js';
import { writeReportFiles } from '../../reporters/reportFiles.js';
import { Secrets } from '../client/index.js';
import type { ConformanceConfig } from '../generated/types.js';
import { readConfigFile } from './configFile.js';
import { credentialsOf, secretVariables } from './resolveSettings.js';
import type { RunOptions } from './runOptions.js';
import { toolVersion } from './suiteConfig.js';

/**
 * The report files of a run that stopped before any test, so that a CI job's summary and artifact steps still find
 * them, saying why. Its settings are taken as far as they can be: the configuration file may be what is wrong.
 */
export function writeStoppedReport(
  flags: RunOptions,
  reason: string,
  env: NodeJS.ProcessEnv = process.env,
): { files: string[]; reason: string } {
  const config = readableConfig(flags.config);
  const shown = secretsOf(flags, config, env).redact(reason);
  const report = stoppedReport(
    {
      tool: { name: 'wa-account-conformance', version: toolVersion },
      target: flags.target ?? config.target ?? 'the embedded reference',
      profile: flags.profile ?? config.profile ?? 'sunset',
      seed: flags.seed ?? config.seed ?? randomInt(2 ** 31 - 1),
      startedAt: new Date().toISOString(),
    },
    shown,
  );
  return {
    files: writeReportFiles(report, resolve(flags.reportDir ?? config.reportDir ?? 'conformance-report')),
    reason: shown,
  };
}

function readableConfig(path: string | undefined): ConformanceConfig {
  try {
    return path ? readConfigFile(path) : {};
  } catch {
    return {};
  }
}

function secretsOf(flags: RunOptions, config: ConformanceConfig, env: NodeJS.ProcessEnv): Secrets {
  const { adminPassword, adminToken, nonAdminPassword } = credentialsOf(flags, config, env);
  const secrets = new Secrets();
  secrets.add(secretVariables.password, adminPassword);
  secrets.add(secretVariables.token, adminToken);
  secrets.add(secretVariables.userPassword, nonAdminPassword);
  secrets.add('WA_CONFORMANCE_PIN', config.numbers?.twoStep?.pin);
  return secrets;
}
