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
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).flatMap((entry) => {
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
