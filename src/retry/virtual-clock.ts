/**
 * A virtual clock for tests and simulations: time stands still until `advance`/`run` moves it,
 * timers fire in order of due time (ties in order of creation) and `random()` is a seeded
 * generator, so a run is the same every time.
 */
import type { RetryClock } from './clock.js';

interface Timer {
  readonly due: number;
  readonly seq: number;
  readonly fire: () => void;
  cancelled: boolean;
}

/** mulberry32: small, fast, good enough to spread jitter; deterministic for a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Lets every promise continuation that is already queued run before time moves on. (setImmediate
// runs after the microtask queue drains; elsewhere than Node a zero timeout does the same.)
const macrotask: (fn: () => void) => void = typeof setImmediate === 'function' ? (fn) => setImmediate(fn) : (fn) => setTimeout(fn, 0);
const settle = (): Promise<void> => new Promise((resolve) => macrotask(resolve));

/**
 * A `RetryClock` on virtual time. `now()` starts at `start` (default 0). Nothing happens until
 * `advance(ms)`, `runUntil(t)` or `run()` is awaited.
 */
export class VirtualClock implements RetryClock {
  #now: number;
  #seq = 0;
  #heap: Timer[] = [];
  readonly random: () => number;

  constructor(options: { seed?: number; start?: number } = {}) {
    this.#now = options.start ?? 0;
    this.random = seededRandom(options.seed ?? 1);
  }

  now(): number {
    return this.#now;
  }

  /** Number of timers still waiting. */
  get pending(): number {
    return this.#heap.filter((t) => !t.cancelled).length;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        timer.cancelled = true;
        reject(signal!.reason);
      };
      const timer: Timer = {
        due: this.#now + Math.max(0, ms),
        seq: this.#seq++,
        fire: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        cancelled: false,
      };
      this.#push(timer);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Fires, in order, every timer due up to `until`, then sets the time to `until`. */
  async runUntil(until: number): Promise<void> {
    await settle();
    for (;;) {
      const top = this.#heap[0];
      if (!top || top.due > until) break;
      this.#pop();
      if (top.cancelled) continue;
      this.#now = Math.max(this.#now, top.due);
      top.fire();
      await settle();
    }
    this.#now = Math.max(this.#now, until);
  }

  /** Moves time forward by `ms`, firing what falls due on the way. */
  advance(ms: number): Promise<void> {
    return this.runUntil(this.#now + ms);
  }

  /** Fires timers until none are left (or `limit` virtual ms have passed, as a safety net). */
  async run(limit = Number.POSITIVE_INFINITY): Promise<void> {
    const end = this.#now + limit;
    await settle();
    for (;;) {
      const top = this.#heap[0];
      if (!top || top.due > end) break;
      this.#pop();
      if (top.cancelled) continue;
      this.#now = Math.max(this.#now, top.due);
      top.fire();
      await settle();
    }
  }

  #less(a: Timer, b: Timer): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  #push(t: Timer): void {
    const h = this.#heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.#less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  #pop(): Timer | undefined {
    const h = this.#heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.#less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.#less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}
