/** Runs a build command and measures it: wall time, and peak resident memory of it and its children. */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

function rssTreeKb(rootPid: number): number {
  // Sum the resident memory of the build process and its children (Pagefind runs as a child).
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      if (Number(pid) === rootPid || isDescendant(Number(pid), ppid, rootPid)) total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      /* process ended */
    }
  }
  return total;
}
function isDescendant(pid: number, ppid: number, root: number): boolean {
  for (let depth = 0; depth < 6 && ppid > 1; depth++) {
    if (ppid === root) return true;
    try {
      ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${ppid}/status`, 'utf8'))?.[1]);
    } catch {
      return false;
    }
  }
  return false;
}


export interface MeasuredRun {
  code: number;
  seconds: number;
  peakMb: number;
  log: string;
}

export async function measureRun(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<MeasuredRun> {
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let peakKb = 0;
  const poll = setInterval(() => (peakKb = Math.max(peakKb, rssTreeKb(child.pid!))), 50);
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const code: number = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(poll);
  return { code, seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMb: peakKb / 1024, log };
}
