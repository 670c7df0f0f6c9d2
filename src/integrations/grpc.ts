/**
 * grpc-js: an interceptor that decodes every failed call, a wrapper that makes a client fail
 * with `AdsError`s, and `retryingCall` to run a call under a retry policy.
 *
 * Why both an interceptor and a wrapper: grpc-js builds the error a caller sees itself, from
 * the status the interceptors hand on (`Object.assign(new Error(...), status)`), so an
 * interceptor cannot replace that error with an AdsError. It can add to it: the interceptor
 * leaves the ServiceError as it was (`code`, `details`, `metadata` — existing code keeps
 * working) and adds `adsError`. `withAdsErrors(client)` goes further and rejects with the
 * AdsError itself, the ServiceError in its `cause`.
 */
import { InterceptingCall, type Interceptor, type Metadata, type ServiceError, type StatusObject } from '@grpc/grpc-js';
import { decode, type DecodeOptions } from '../decode/decode.js';
import { isAdsError, type AdsError } from '../error/ads-error.js';
import type { Executable } from '../retry/compose.js';
import type { AttemptContext, ExecuteOptions } from '../retry/policy.js';

export interface AdsErrorInterceptorOptions {
  /** API version for numeric codes when the trailers do not name one. */
  readonly apiVersion?: string;
  /** Called with each decoded failure and the method path (for logs, metrics). Errors it throws are swallowed. */
  readonly onError?: (error: AdsError, method: string) => void;
}

/** A grpc-js ServiceError that went through `adsErrorInterceptor`. */
export type AdsServiceError = ServiceError & { readonly adsError: AdsError };

/**
 * A grpc-js client interceptor. Every call that ends with a non-OK status fails with the usual
 * ServiceError plus an `adsError` property: the failure decoded from status and trailers.
 * Successful calls are not touched. Never throws; decoding happens once per failed call.
 *
 * Install it on a client (`new Client(address, credentials, { interceptors: [adsErrorInterceptor()] })`)
 * or per call (`{ interceptors: [...] }` in the call options; with google-gax clients such as
 * google-ads-node, `{ otherArgs: { options: { interceptors: [...] } } }`).
 */
export function adsErrorInterceptor(options: AdsErrorInterceptorOptions = {}): Interceptor {
  const decodeOptions: DecodeOptions = options.apiVersion ? { apiVersion: options.apiVersion } : {};
  return (callOptions, nextCall) =>
    new InterceptingCall(nextCall(callOptions), {
      start(metadata, _listener, next) {
        next(metadata, {
          onReceiveStatus(status: StatusObject, nextStatus: (s: StatusObject) => void) {
            if (status.code === 0) return nextStatus(status);
            let adsError: AdsError;
            try {
              adsError = decode({ code: status.code, details: status.details, metadata: status.metadata }, decodeOptions);
            } catch {
              return nextStatus(status);
            }
            if (options.onError) {
              try {
                options.onError(adsError, callOptions.method_definition.path);
              } catch {
                // An observer must not change the outcome of the call.
              }
            }
            // Own and enumerable, so that grpc-js copies it onto the error it builds.
            nextStatus({ ...status, adsError } as StatusObject);
          },
        });
      },
    });
}

/**
 * The AdsError of a failure: the one the interceptor attached, else decoded now. Never throws.
 */
export function adsErrorOf(failure: unknown, options: DecodeOptions = {}): AdsError {
  if (isAdsError(failure)) return failure;
  const attached = typeof failure === 'object' && failure !== null ? (failure as { adsError?: unknown }).adsError : undefined;
  return isAdsError(attached) ? attached : decode(failure, options);
}

/**
 * A view of `client` whose calls fail with AdsErrors instead of ServiceErrors (or gax errors):
 * callback-style calls get the AdsError in the callback, promise-returning calls (google-gax
 * clients such as google-ads-node) reject with it, and streams emit it as their `error`. The
 * original error is the AdsError's `cause` (so `error.cause.metadata` still has the trailers),
 * and its numeric code is `error.status.code`. A thrown value that is not a recognized failure
 * passes through untouched. The client itself is not modified.
 */
export function withAdsErrors<C extends object>(client: C, options: DecodeOptions = {}): C {
  const convert = (e: unknown): unknown => {
    if (isAdsError(e)) return e;
    const d = adsErrorOf(e, options);
    return d.recognized ? d : e;
  };
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || prop === 'constructor') return value;
      return function (this: unknown, ...args: unknown[]) {
        const last = args.length - 1;
        if (last >= 0 && typeof args[last] === 'function') {
          const cb = args[last] as (err: unknown, ...rest: unknown[]) => void;
          args[last] = (err: unknown, ...rest: unknown[]) => cb(err ? convert(err) : err, ...rest);
        }
        // Methods run on the real client: private fields and channel state live there.
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(this === receiver ? target : this, args);
        if (result && typeof (result as PromiseLike<unknown>).then === 'function') {
          return Promise.resolve(result as PromiseLike<unknown>).then(undefined, (e: unknown) => {
            throw convert(e);
          });
        }
        if (result && typeof (result as { emit?: unknown }).emit === 'function' && typeof (result as { cancel?: unknown }).cancel === 'function') {
          // A call object (stream or unary): its 'error' events carry the AdsError.
          const call = result as { emit: (event: string | symbol, ...a: unknown[]) => boolean };
          const emit = call.emit;
          call.emit = function (event: string | symbol, ...a: unknown[]): boolean {
            if (event === 'error') a[0] = convert(a[0]);
            return emit.call(this, event, ...a);
          };
        }
        return result;
      };
    },
  });
}

/** The callback of a grpc-js unary call. */
export type UnaryCallback<T> = (error: ServiceError | null, response?: T) => void;

/** What `start` may return: a grpc-js call (cancelled on abort), a promise (gax clients), or nothing. */
export type StartedCall<T> = { cancel(): void } | PromiseLike<T> | void;

/**
 * Runs one gRPC call under a retry policy (an `AdsRetryPolicy`, or anything `wrap` makes).
 * `start` is called once per attempt with the attempt's context and a callback; it starts the
 * call and either passes the callback to a grpc-js method (the call it returns is cancelled
 * when the attempt is aborted or times out) or returns a promise (google-gax clients).
 *
 * ```ts
 * const rows = await retryingCall(policy, ({ signal }, done) =>
 *   client.search(request, metadata, { deadline: Date.now() + 30_000 }, done), { operation: 'read' });
 * ```
 *
 * Resolves with the response; rejects as the policy does (a `RetryGiveUpError` whose `cause`
 * is the last AdsError, or the abort reason).
 */
export function retryingCall<T>(
  policy: Executable,
  start: (context: AttemptContext, callback: UnaryCallback<T>) => StartedCall<T>,
  options: ExecuteOptions = {},
): Promise<T> {
  return policy.execute(
    (context) =>
      new Promise<T>((resolve, reject) => {
        let call: { cancel(): void } | null = null;
        const onAbort = (): void => call?.cancel();
        const settle = (): void => context.signal.removeEventListener('abort', onAbort);
        const started = start(context, (error, response) => {
          settle();
          if (error) reject(error);
          else resolve(response as T);
        });
        if (started && typeof (started as PromiseLike<T>).then === 'function') {
          (started as PromiseLike<T>).then(
            (v) => {
              settle();
              resolve(v);
            },
            (e: unknown) => {
              settle();
              reject(e);
            },
          );
        } else if (started && typeof (started as { cancel?: unknown }).cancel === 'function') {
          call = started as { cancel(): void };
          if (context.signal.aborted) call.cancel();
          else context.signal.addEventListener('abort', onAbort, { once: true });
        }
      }),
    options,
  );
}

/** Trailers of a failed call, from a ServiceError or an AdsError that wraps one; null when none. */
export function trailersOf(failure: unknown): Metadata | null {
  const own = typeof failure === 'object' && failure !== null ? (failure as { metadata?: unknown }).metadata : undefined;
  if (own && typeof (own as Metadata).get === 'function') return own as Metadata;
  const cause = isAdsError(failure) ? failure.cause : undefined;
  return cause && cause !== failure ? trailersOf(cause) : null;
}
