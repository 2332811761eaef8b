/**
 * Bounded work for large builds: at most `size` tasks in flight, and a way for the producer to wait for
 * room, so that work handed from a fast stage (rendering) to a slower one (search indexing) never queues
 * without limit. Memory then depends on the window's size, not on the number of pages.
 */
export class Window {
  private inFlight = 0;
  private waiting: (() => void)[] = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`A work window needs a size of 1 or more, not ${size}.`);
  }

  /** How many places are taken (entered and not yet released). */
  get pending(): number {
    return this.inFlight;
  }

  /** How many callers wait for a place. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Takes a place, waiting (first come, first served) while all `size` are taken. Returns the function
   * that gives it back; calling it more than once gives it back once.
   */
  async enter(): Promise<() => void> {
    if (this.inFlight < this.size && !this.waiting.length) this.inFlight++;
    // A place given back is handed straight to the first waiter, so none can be taken in between.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.inFlight--;
    };
  }

  /** Runs a task in a place of its own: waits for one, and gives it back when the task settles. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    const release = await this.enter();
    try {
      return await task();
    } finally {
      release();
    }
  }
}

/**
 * Maps items through an async function with at most `limit` calls running at once, and returns the
 * results in the items' order. The first rejection rejects the whole (calls already started finish).
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`mapLimited needs a limit of 1 or more, not ${limit}.`);
  const results = new Array<R>(items.length);
  let next = 0;
  const runner = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
  return results;
}
