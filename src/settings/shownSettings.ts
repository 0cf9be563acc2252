import type { ShownSettings } from '../generated/types.js';
import type { RunSettings } from './runSettings.js';

type CodeSource = NonNullable<RunSettings['codeSource']>;

const codeSources: Record<CodeSource['type'], (s: CodeSource) => string> = {
  header: (s) => `codes: the response header ${s.header}`,
  inbox: () => 'codes: an inbox URL',
  command: (s) => `codes: the command ${s.argv?.[0] ?? ''}`.trimEnd(),
  fixed: () => 'codes: fixed in the configuration',
  prompt: () => 'codes: asked at the terminal',
};

/** What heads a report: where the run's states and codes came from and which numbers it used (no secret in it). */
export function shownSettings(settings: RunSettings): ShownSettings {
  const sources = [
    ...(settings.controlProtocol ? ['the control protocol'] : []),
    ...(settings.stateChangeUrl ? [`a Pact state-change URL (${new URL(settings.stateChangeUrl).origin})`] : []),
    ...(settings.hooks ? ['a hooks module'] : []),
    ...(settings.codeSource ? [codeSources[settings.codeSource.type](settings.codeSource)] : []),
  ];
  const known = Object.entries({
    registered: settings.numbers.registered,
    unregistered: settings.numbers.unregistered,
    'two-step': settings.numbers.twoStep,
  }).flatMap(([state, number]) => (number ? [state] : []));
  const numbers = settings.mintedCertificates
    ? `fresh numbers (the target takes minted certificates)${known.length ? `, and the known ${known.join(', ')}` : ''}`
    : known.length
      ? `the known numbers of the configuration: ${known.join(', ')}`
      : 'none (no fresh numbers, no known ones)';
  return {
    sources,
    numbers,
    runs: settings.runs,
    concurrency: settings.concurrency,
    workers: settings.workers,
    authProbes: settings.authProbes,
    ...(settings.profile === 'legacy' ? { registrations: settings.registrations } : {}),
    sideEffects: settings.sideEffects,
    nonAdmin: settings.user !== undefined,
    ...(settings.maxTimeSeconds !== undefined ? { maxTimeSeconds: settings.maxTimeSeconds } : {}),
    ...(settings.budgetSeconds !== undefined ? { budgetSeconds: settings.budgetSeconds } : {}),
  };
}
