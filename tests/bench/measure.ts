/**
 * Runs a build command and measures it: wall time, and peak memory of it and its children (proportional set
 * size, see pssKb).
 * Also, for the memory breakdown: the peak of each process kind (the Node build, Pagefind, other children)
 * and the peak of the whole tree in each phase of the build, the phase being named by the last build-log
 * line that starts one (see PHASES). With `maxMb`, a run whose tree grows past it is killed (a benchmark
 * must not take a shared machine down); the result says so.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

interface Sample {
  pid: number;
  ppid: number;
  name: string;
  kb: number;
}

/**
 * A process's proportional set size: its own pages plus its share of pages it shares with others. Summed over
 * a tree, each page counts once. Resident size (VmRSS, the fallback) counts a shared page in every process
 * that maps it: the Node binary in each Node child, and all of the build's memory in a child that has just
 * been forked and not yet replaced by its program, which made short false peaks of a GB or more.
 */
function pssKb(pid: string): number | undefined {
  try {
    const m = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function processes(): Sample[] {
  const out: Sample[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const exe = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0].split('/').pop();
      out.push({
        pid: Number(pid),
        ppid: Number(/PPid:\s+(\d+)/.exec(status)?.[1]),
        name: exe || (/Name:\s+(\S+)/.exec(status)?.[1] ?? '?'),
        kb: pssKb(pid) ?? Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0),
      });
    } catch {
      /* process ended */
    }
  }
  return out;
}

/** The process tree under root (root included): resident memory by process. */
export function treeOf(all: Sample[], root: number): Sample[] {
  const children = new Map<number, Sample[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const out: Sample[] = [];
  const todo = all.filter((p) => p.pid === root);
  while (todo.length) {
    const p = todo.pop()!;
    out.push(p);
    todo.push(...(children.get(p.pid) ?? []));
  }
  return out;
}

/** The phases of an Astro build, in order, each started by a log line (a phase is entered only from the one before). */
export const PHASES: [string, RegExp][] = [
  ['start-up, content sync, types', /^/],
  ['bundling (Vite)', /Building static entrypoints/],
  ['rendering, indexing beside it', /generating static routes/],
  ['sitemap and link check', /✓ Completed in|\[@astrojs\/sitemap\]/],
  ['CSP', /\[link-check\]/],
  ['search index: rest and write', /\[security\]/],
];

export interface MeasuredRun {
  code: number;
  seconds: number;
  peakMb: number;
  log: string;
  /** Peak of each process kind, MB: "node" is the build process (with its worker threads). */
  byKind: Record<string, number>;
  /** Peak of the whole tree in each phase, MB, and how long the phase took, s. */
  byPhase: { phase: string; peakMb: number; from: number; seconds: number }[];
  /** When it started, ms since 1970. */
  startedAt: number;
  /** The run passed maxMb and was killed. */
  killed: boolean;
}

export async function measureRun(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; maxMb?: number } = {}): Promise<MeasuredRun> {
  const startedAt = Date.now();
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let peakKb = 0;
  let killed = false;
  const byKind: Record<string, number> = {};
  const phases = new Map<string, { peakKb: number; from: number; to: number }>();
  let phase = PHASES[0][0];
  phases.set(phase, { peakKb: 0, from: 0, to: 0 });
  const poll = setInterval(() => {
    const tree = treeOf(processes(), child.pid!);
    const total = tree.reduce((s, p) => s + p.kb, 0);
    peakKb = Math.max(peakKb, total);
    const kinds: Record<string, number> = {};
    for (const p of tree) {
      const kind = p.pid === child.pid ? 'node' : /pagefind/i.test(p.name) ? 'pagefind' : p.name;
      kinds[kind] = (kinds[kind] ?? 0) + p.kb;
    }
    for (const [k, kb] of Object.entries(kinds)) byKind[k] = Math.max(byKind[k] ?? 0, kb / 1024);
    const current = phases.get(phase)!;
    current.peakKb = Math.max(current.peakKb, total);
    current.to = elapsed();
    if (options.maxMb && total / 1024 > options.maxMb && !killed) {
      killed = true;
      process.kill(-child.pid!, 'SIGKILL');
    }
  }, 100);
  let log = '';
  const onData = (d: Buffer) => {
    log += d;
    for (const line of String(d).split('\n')) {
      const i = PHASES.findIndex(([n]) => n === phase);
      if (i + 1 >= PHASES.length || !PHASES[i + 1][1].test(line)) continue;
      phase = PHASES[i + 1][0];
      phases.set(phase, { peakKb: 0, from: elapsed(), to: elapsed() });
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const code: number = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 137)));
  clearInterval(poll);
  const byPhase = [...phases].map(([name, p]) => ({ phase: name, peakMb: p.peakKb / 1024, from: p.from, seconds: p.to - p.from }));
  return { code, seconds: elapsed(), peakMb: peakKb / 1024, log, byKind, byPhase, killed, startedAt };
}
