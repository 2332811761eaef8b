import { describe, expect, it } from 'vitest';
import { mapLimited, Window } from '../../src/lib/build/bounded';

/** A promise with its resolve and reject outside. */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Window', () => {
  it('gives out at most `size` places and makes the next caller wait until one is given back', async () => {
    const window = new Window(2);
    const a = await window.enter();
    await window.enter();
    let third = false;
    const waiting = window.enter().then((release) => ((third = true), release));
    await tick();
    expect(third).toBe(false);
    expect(window.pending).toBe(2);
    expect(window.queued).toBe(1);
    a();
    await waiting;
    expect(third).toBe(true);
    expect(window.pending).toBe(2);
    expect(window.queued).toBe(0);
  });

  it('hands places over first come, first served, and never to two waiters for one place', async () => {
    const window = new Window(1);
    const first = await window.enter();
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) => window.enter().then((release) => (order.push(n), release)));
    first();
    first(); // a second call gives nothing back
    await tick();
    expect(order).toEqual([1]);
    (await waiters[0])();
    await tick();
    expect(order).toEqual([1, 2]);
    (await waiters[1])();
    (await waiters[2])();
    expect(window.pending).toBe(0);
  });

  it('bounds a fast producer by a slow consumer: no more than `size` tasks ever run at once', async () => {
    const window = new Window(3);
    let running = 0;
    let most = 0;
    const gates = Array.from({ length: 20 }, () => deferred());
    const runs = gates.map((gate) =>
      window.run(async () => {
        most = Math.max(most, ++running);
        await gate.promise;
        running--;
      }),
    );
    for (const gate of gates) {
      await tick();
      gate.resolve();
    }
    await Promise.all(runs);
    expect(most).toBe(3);
    expect(window.pending).toBe(0);
  });

  it('gives the place back when a task fails, and passes the failure on', async () => {
    const window = new Window(1);
    await expect(window.run(() => Promise.reject(new Error('page 7 failed')))).rejects.toThrow('page 7 failed');
    expect(window.pending).toBe(0);
    await expect(window.run(async () => 'next')).resolves.toBe('next');
  });

  it('refuses a size below 1', () => {
    expect(() => new Window(0)).toThrow(/size of 1 or more/);
  });
});

describe('mapLimited', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimited([5, 1, 4, 2, 3, 0, 6], 2, async (n) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(2);
  });

  it('rejects with the first failure', async () => {
    await expect(mapLimited([1, 2, 3], 2, async (n) => (n === 2 ? Promise.reject(new Error('two')) : n))).rejects.toThrow('two');
  });

  it('handles no items', async () => {
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
  });
});

describe('offerRenderedPage with a busy indexer (back-pressure on rendering)', () => {
  it('does not send the page on until the receiver has room', async () => {
    const { installFeed, offerRenderedPage, removeFeed } = await import('../../src/lib/search/build-feed');
    const room = deferred();
    installFeed(() => room.promise);
    try {
      let sent = false;
      const offered = offerRenderedPage('/en/a/', new Response('<p>a</p>', { headers: { 'content-type': 'text/html' } })).then((r) => ((sent = true), r));
      await tick();
      expect(sent).toBe(false);
      room.resolve();
      expect(await (await offered).text()).toBe('<p>a</p>');
    } finally {
      removeFeed();
    }
  });
});
