/**
 * The rate gate: how one policy shared by many calls honours a server that said "slow down".
 *
 * A rate-limit answer with a delay closes the gate for every call of the policy (the limit is
 * per account or per developer token, not per request) until the delay is over. It also turns on
 * pacing: calls are then let through one at a time at the rate the server was seen to accept,
 * which then creeps up (by 1 % a second, at least 0.1 call/s per second) until the next rate-limit
 * answer measures it again.
 * Without pacing, every call held at the gate would rush out together when it opens, and most
 * would be turned away again. After each rate-limit answer the pace drops to 90 % of the rate
 * that got through in the last window, so that the next refusal is some time away.
 */
import type { RetryClock } from './clock.js';

export interface RateGateOptions {
  /** Slowest pace, in calls per second, once pacing is on. Default 0.5. */
  readonly minRate?: number;
  /** Pacing turns itself off after this long without a rate-limit answer. Default 60,000 ms. */
  readonly quietMs?: number;
  /** After a rate-limit answer, the pace is this share of the rate the server accepted. Default 0.9. */
  readonly backoffFactor?: number;
  /** Growth of the pace per second without a rate-limit answer, as a share. Default 0.01. */
  readonly growth?: number;
  /** Checkpoints kept to measure the accepted rate (rounded up to a power of two). Default 4096. */
  readonly history?: number;
}

// While the gate is open, only every STRIDE-th success is written down: the fast path of a
// policy should touch as little memory as it can.
const STRIDE = 16;

export class RateGate {
  readonly minRate: number;
  readonly quietMs: number;
  readonly backoffFactor: number;
  readonly growth: number;
  #notBefore = Number.NEGATIVE_INFINITY;
  // Pace at the last rate-limit answer, and when that was; the pace grows linearly from there.
  #rate: number | null = null;
  #nextSlot = Number.NEGATIVE_INFINITY;
  #lastThrottle = Number.NEGATIVE_INFINITY;
  // True from a rate-limit answer until the slow path finds the gate open again.
  #engaged = false;
  // Successes so far, and checkpoints (time, count) in a ring buffer, to measure the rate the
  // server accepted without allocating per call.
  #count = 0;
  readonly #cpTime: Float64Array;
  readonly #cpCount: Float64Array;
  readonly #mask: number;
  #next = 0;

  constructor(options: RateGateOptions = {}) {
    this.minRate = options.minRate ?? 0.5;
    this.quietMs = options.quietMs ?? 60_000;
    this.backoffFactor = options.backoffFactor ?? 0.9;
    this.growth = options.growth ?? 0.01;
    const size = 2 ** Math.ceil(Math.log2(Math.max(2, options.history ?? 4096)));
    this.#cpTime = new Float64Array(size).fill(Number.NaN);
    this.#cpCount = new Float64Array(size);
    this.#mask = size - 1;
  }

  /** A new, open gate with the same settings (and the given history size). */
  fork(history = this.#cpTime.length): RateGate {
    return new RateGate({ minRate: this.minRate, quietMs: this.quietMs, backoffFactor: this.backoffFactor, growth: this.growth, history });
  }

  /** The pace in calls per second at `now`, or null when calls are not paced. */
  rateAt(now: number): number | null {
    const r = this.#rate;
    if (r === null) return null;
    return r + (Math.max(0.1, this.growth * r) * Math.max(0, now - this.#lastThrottle)) / 1000;
  }

  /** The time before which no call may start (clock ms). */
  get notBefore(): number {
    return this.#notBefore;
  }

  /**
   * False when the gate is surely open, without reading the clock (the fast path's test); true
   * means "ask `active(now)`".
   */
  get engaged(): boolean {
    return this.#engaged;
  }

  /** True when a call must go through `wait` (the fast path skips it otherwise). */
  active(now: number): boolean {
    if (!this.#engaged) return false;
    if (this.#rate !== null && now - this.#lastThrottle > this.quietMs) this.#rate = null;
    const held = this.#rate !== null || now < this.#notBefore;
    if (!held) this.#engaged = false;
    return held;
  }

  /**
   * How long the next call must wait from `now`; reserves its slot. Never returns a time before
   * the server's delay is over.
   */
  reserve(now: number): number {
    let start = Math.max(now, this.#notBefore);
    const rate = this.rateAt(start);
    if (rate !== null) {
      start = Math.max(start, this.#nextSlot);
      this.#nextSlot = start + 1000 / rate;
    }
    return start - now;
  }

  /** Waits for this call's turn. Rejects with the signal's reason when it aborts. */
  async wait(clock: RetryClock, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const ms = this.reserve(clock.now());
      if (ms <= 0) return;
      await clock.sleep(ms, signal);
      // A newer server delay may have arrived while this call slept on an older one.
      if (clock.now() >= this.#notBefore) return;
    }
  }

  /** The server asked every call to wait `delayMs` from `now`. */
  throttled(now: number, delayMs: number): void {
    this.#notBefore = Math.max(this.#notBefore, now + delayMs);
    const measured = this.#measure(now, Math.max(1000, delayMs));
    // The pace is what the server accepted lately, never faster than the pace already in force.
    const next = Math.max(this.minRate, measured * this.backoffFactor);
    const current = this.rateAt(now);
    this.#rate = current === null ? next : Math.max(this.minRate, Math.min(current, next));
    this.#lastThrottle = now;
    this.#engaged = true;
    this.#nextSlot = Math.max(this.#nextSlot, this.#notBefore);
  }

  /** A call succeeded at `now` (exact: one checkpoint per success). */
  succeeded(now: number): void {
    this.#count++;
    this.#checkpoint(now);
  }

  /** A call succeeded at `now`; only every 16th is written down (for the fast path). */
  succeededSampled(now: number): void {
    if (++this.#count % STRIDE === 1) this.#checkpoint(now);
  }

  #checkpoint(now: number): void {
    this.#cpTime[this.#next] = now;
    this.#cpCount[this.#next] = this.#count;
    this.#next = (this.#next + 1) & this.#mask;
  }

  /**
   * Successes per second over the last `windowMs`: counted from the newest checkpoint at least
   * that old; when the history is younger than the window, every success it holds is counted
   * over the whole window (so a short history never inflates the rate).
   */
  #measure(now: number, windowMs: number): number {
    const size = this.#mask + 1;
    let oldest = -1;
    for (let k = 1; k <= size; k++) {
      const i = (this.#next - k + size) & this.#mask;
      const t = this.#cpTime[i]!;
      if (Number.isNaN(t)) break;
      oldest = i;
      if (t <= now - windowMs) return ((this.#count - this.#cpCount[i]!) * 1000) / (now - t);
    }
    if (oldest < 0) return 0;
    return ((this.#count - this.#cpCount[oldest]! + 1) * 1000) / windowMs;
  }
}
