/**
 * Typed events of a retry policy, in the manner of cockatiel: `onRetry(listener)` returns a
 * handle whose `dispose()` removes the listener.
 */
import type { AdsError } from '../error/ads-error.js';
import type { GiveUpReason } from './give-up-error.js';

export interface RetryEvent {
  /** The attempt that will be made after the wait (2 for the first retry). */
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: AdsError;
  readonly requestId: string | null;
  /** What set the wait: the exponential schedule, the server's delay, or a fixed poll. */
  readonly schedule: 'backoff' | 'server-delay' | 'poll';
}

export interface GiveUpEvent {
  /** Attempts made, the first one included. */
  readonly attempts: number;
  readonly reason: GiveUpReason;
  readonly error: AdsError;
  readonly requestId: string | null;
  readonly retryAt: Date | null;
}

export interface Disposable {
  dispose(): void;
}

/** A list of listeners; emitting with no listener costs one length check. */
export class Emitter<T> {
  #listeners: ((event: T) => void)[] = [];

  get size(): number {
    return this.#listeners.length;
  }

  /** Adds a listener; a listener that throws does not stop the others or the policy. */
  readonly add = (listener: (event: T) => void): Disposable => {
    this.#listeners = [...this.#listeners, listener];
    return {
      dispose: () => {
        this.#listeners = this.#listeners.filter((l) => l !== listener);
      },
    };
  };

  emit(event: T): void {
    for (const l of this.#listeners) {
      try {
        l(event);
      } catch {
        // A broken listener must not change what the policy does.
      }
    }
  }
}
