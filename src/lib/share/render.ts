/**
 * Share cards to PNG, for the og/ endpoint. A card already drawn from the same spec by the same code, colours
 * and fonts is read from the build cache (card-key.ts); the others are laid out and drawn by a child process
 * (card-process.mjs running draw.ts), so that the second core draws cards while this process renders pages.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { CardSpec } from './card';
import { specFile } from './card-key';
import { withMimallocDefaults } from '../build/process-env';

/**
 * Why a child process and not a worker thread: resvg-js 2.6 keeps native memory for each card until the
 * garbage collector happens to run (its issue 216), and memory a worker thread had freed stayed in the
 * build's process, about 0.5 MB a card over a build. A card process stays under about 340 MB (measured over
 * 400 cards); it still ends after CARDS_PER_PROCESS cards, which gives everything back, and starting one
 * costs about 0.35 s.
 */
const CARDS_PER_PROCESS = 500;
/** Card processes at once: one a core (up to 4), since a cold build's cards take longer than its pages. */
const PROCESSES = Math.max(1, Math.min(4, availableParallelism()));

class CardProcess {
  jobs = 0;
  private retired = false;
  // Read from src/ (builds run from the project's root): the bundled page code has no copy of it.
  private child: ChildProcess = fork(path.resolve('src/lib/share/card-process.mjs'), [], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: ['--disable-warning=ExperimentalWarning'],
    env: withMimallocDefaults(),
  });
  private waiting = new Map<number, { resolve: (file: string) => void; reject: (error: Error) => void }>();
  private next = 0;
  constructor() {
    this.idle();
    this.child.on('message', ({ id, file, error }: { id: number; file?: string; error?: string }) => {
      const job = this.waiting.get(id)!;
      this.waiting.delete(id);
      if (!this.waiting.size) {
        if (this.retired) this.child.disconnect();
        else this.idle();
      }
      if (error || !file) job.reject(new Error(`Share card not drawn: ${error}`));
      else job.resolve(file);
    });
    const fail = (error: Error) => {
      for (const job of this.waiting.values()) job.reject(error);
      this.waiting.clear();
    };
    this.child.on('error', fail);
    this.child.on('exit', (code, signal) => {
      if (this.waiting.size) fail(new Error(`the share card process ended (${signal ?? `exit code ${code}`}) with cards still to draw`));
    });
  }
  /** False once the process has ended (or crashed): a new one takes its place. */
  get running() {
    return this.child.connected;
  }
  /** Lets the build end while this process waits for work. */
  private idle() {
    this.child.unref();
    (this.child.channel as { unref?: () => void } | null | undefined)?.unref?.();
  }
  /** Takes no more cards; the process ends once the ones it has are drawn. */
  retire() {
    this.retired = true;
    if (!this.waiting.size && this.child.connected) this.child.disconnect();
  }
  draw(spec: CardSpec, name: string): Promise<string> {
    this.jobs++;
    const id = this.next++;
    this.child.ref();
    (this.child.channel as { ref?: () => void } | null | undefined)?.ref?.();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ id, spec, name });
    });
  }
}
const drawers: (CardProcess | undefined)[] = [];
let turn = 0;

/** The card's PNG, found in the cache or drawn there: the path of its file. `name` says which card in a warning. */
function cardFile(spec: CardSpec, name: string): Promise<string> {
  const bySpec = specFile(spec);
  if (existsSync(bySpec)) return Promise.resolve(bySpec);
  const slot = turn++ % PROCESSES;
  let drawer = drawers[slot];
  if (!drawer || drawer.jobs >= CARDS_PER_PROCESS || !drawer.running) {
    drawer?.retire();
    drawer = drawers[slot] = new CardProcess();
  }
  return drawer.draw(spec, name);
}

/** Cards being drawn ahead of their endpoint (see drawAhead): the cache file each will be in. */
const ahead = new Map<string, Promise<string>>();

/**
 * Starts drawing cards in the background, into the cache. Astro asks every route for its paths before it
 * renders any, and renders the card endpoint last (see src/pages/[...og]/[card].png.ts), so the card process
 * draws the cards on the second core while this process renders the pages, and each endpoint then finds its
 * card drawn. Two a process are asked for at a time, so each always has its next one; only file paths are kept.
 */
export function drawAhead(cards: Iterable<{ key: string; spec: CardSpec }>): void {
  const queue = [...cards].filter((card) => !ahead.has(card.key));
  const settle = new Map<string, (file: Promise<string>) => void>();
  for (const card of queue) {
    const done = new Promise<string>((resolve) => settle.set(card.key, resolve));
    done.catch(() => {}); // a failure is reported by the card's endpoint, which awaits it
    ahead.set(card.key, done);
  }
  const drawNext = async () => {
    for (let card = queue.shift(); card; card = queue.shift()) {
      const file = cardFile(card.spec, `og/${card.key}.png`);
      settle.get(card.key)!(file);
      await file.catch(() => {});
    }
  };
  // When every card is drawn, the processes end rather than wait, idle, for the rest of the build.
  void Promise.all(Array.from({ length: 2 * PROCESSES }, drawNext)).then(() => {
    drawers.forEach((drawer) => drawer?.retire());
    drawers.length = 0;
  });
}

/** The card of `key` as PNG bytes: drawn ahead if it was, else now. */
export async function cardPng(key: string, spec: CardSpec): Promise<Buffer> {
  const file = ahead.get(key) ?? cardFile(spec, `og/${key}.png`);
  ahead.delete(key);
  return readFileSync(await file);
}
