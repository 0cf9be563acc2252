import { readdirSync, readFileSync } from 'node:fs';

/** A process as /proc shows it (Linux). */
export interface ProcessEntry {
  pid: number;
  ppid: number;
  pgrp: number;
  /** R, S, Z…: a zombie has ended and only waits for its parent to read its status. */
  state: string;
  command: string;
}

/** The processes alive now; one that ends while /proc is read is left out. */
export function processes(): ProcessEntry[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // The command name in parentheses may hold spaces: the fields after it start two characters past its ')'.
        const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
        return [{ pid: Number(entry), ppid: Number(ppid), pgrp: Number(pgrp), state: state!, command }];
      } catch {
        return [];
      }
    });
}

/** The children of process `parent` alive now (none where there is no /proc); a zombie has ended already. */
export function childrenOf(parent: number): Set<number> {
  return new Set(
    processes()
      .filter((entry) => entry.ppid === parent && entry.state !== 'Z')
      .map((entry) => entry.pid),
  );
}

/** The children of this process alive now. */
export function ownChildren(): Set<number> {
  return childrenOf(process.pid);
}

/**
 * Waits, at most `limitMs`, until every child started since `before` has ended. Playwright's runner returns at its
 * global timeout without waiting for its worker to stop, and the worker writes into the run's directory until it has.
 */
export async function childrenStartedSinceEnded(before: Set<number>, limitMs = 10_000): Promise<void> {
  const end = Date.now() + limitMs;
  while ([...ownChildren()].some((pid) => !before.has(pid)) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
