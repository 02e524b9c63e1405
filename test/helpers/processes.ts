/** The machine's processes as /proc shows them (Linux): each one's parent and command line, for tests that find and kill what speccc started. */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessTable {
  parents: Map<number, number>;
  commands: Map<number, string>;
  /** Whether `pid` is `ancestor` or runs under it. */
  under(pid: number, ancestor: number): boolean;
}

export function processTable(): ProcessTable {
  const parents = new Map<number, number>();
  const commands = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      commands.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, 'utf8'));
    } catch {
      // gone meanwhile
    }
  }
  const under = (pid: number, ancestor: number): boolean => pid === ancestor || (pid > 1 && parents.has(pid) && under(parents.get(pid)!, ancestor));
  return { parents, commands, under };
}
