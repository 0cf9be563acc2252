import { missingNeeds, missingReasons } from '../harness/needs.js';
import { TargetConnections } from '../harness/targetConnections.js';
import { appliesTo, catalogue } from '../requirements/index.js';
import type { RunSettings } from '../settings/runSettings.js';

/** What a run with these settings will judge of a requirement, before it runs: as the gate of each test decides. */
export interface Promised {
  id: string;
  promise: 'judged' | 'missing' | 'other-profile';
  /** What would enable it: each need the run cannot meet, with the configuration that would. */
  why: string[];
}

/**
 * How deep a run with these settings goes, requirement by requirement, from the needs each declares and what the
 * settings and their sources can meet (sources opened, nothing sent to the target).
 */
export async function promisedDepth(settings: RunSettings): Promise<{ line: string; rows: Promised[] }> {
  const connections = new TargetConnections();
  try {
    const { numbers } = await connections.of(settings);
    const rows = catalogue.map((req): Promised => {
      if (!appliesTo(req, settings.profile))
        return { id: req.id, promise: 'other-profile', why: [`applies to the ${req.profiles.join('/')} profile`] };
      const why = missingReasons(missingNeeds(req, settings, numbers));
      return { id: req.id, promise: why.length ? 'missing' : 'judged', why };
    });
    const count = (promise: Promised['promise']) => rows.filter((r) => r.promise === promise).length;
    const other = settings.profile === 'legacy' ? 'sunset' : 'legacy';
    const line = `${count('judged')} of ${rows.length - count('other-profile')} requirements of the ${settings.profile} profile will be judged${count('missing') ? `, ${count('missing')} skipped for what the configuration lacks` : ''}; ${count('other-profile')} apply to the ${other} profile only`;
    return { line, rows };
  } finally {
    await connections.close();
  }
}
