/**
 * Opteo's google-ads-api: hooks that turn what its Customer methods throw into AdsErrors (and
 * log them, redacted), and a decoder that reads its numeric enums with the right API version.
 *
 * What google-ads-api throws: for gRPC calls, a protobufjs `GoogleAdsFailure` decoded from the
 * trailer, whose error codes are enum NUMBERS of the API version the package is pinned to
 * (google-ads-api 25.x → v25), and which does not say that version itself; for REST queries, a
 * `GoogleAdsFailure` built from the JSON body (names, and usually an `@type` with the version);
 * otherwise the underlying error (gax, axios, OAuth). Numbers read with another version's
 * catalog can name the wrong code, so the version is looked up once from the installed package
 * — or better, passed in (`import { googleAdsVersion } from 'google-ads-api'`).
 *
 * Nothing here loads google-ads-api at run time: its types only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hooks } from 'google-ads-api';
import { decode } from '../decode/decode.js';
import type { AdsError } from '../error/ads-error.js';
import { toLogRecord, type AdsLogRecord } from '../observe/log.js';

export interface GoogleAdsApiDecodeOptions {
  /**
   * The API version google-ads-api speaks (its `googleAdsVersion` export, e.g. `v25`). Default:
   * read from the installed google-ads-api (see `installedGoogleAdsApiVersion`).
   */
  readonly apiVersion?: string;
}

let installed: string | null | undefined;

/**
 * The API version of the google-ads-api package this module resolves to, read from its files
 * without loading it (loading it costs about a second of protobuf set-up), or null when it
 * cannot be found. Looked up once. Never throws.
 */
export function installedGoogleAdsApiVersion(): string | null {
  if (installed !== undefined) return installed;
  installed = null;
  try {
    const pkg = createRequire(import.meta.url).resolve('google-ads-api/package.json');
    for (const build of ['cjs', 'esm']) {
      try {
        const text = readFileSync(join(dirname(pkg), 'build', build, 'version.js'), 'utf8');
        const m = /googleAdsVersion\s*=\s*["'](v\d+)["']/.exec(text);
        if (m) return (installed = m[1]!);
      } catch {
        // try the other build
      }
    }
  } catch {
    // not installed, or not resolvable from here
  }
  return installed;
}

/**
 * Decodes anything google-ads-api threw (its GoogleAdsFailure, a gax/grpc error, an axios or
 * OAuth error) into an AdsError, reading numeric enums with `apiVersion` (default: the
 * installed google-ads-api's). Never throws; the input is the AdsError's `cause`.
 */
export function decodeGoogleAdsApiError(error: unknown, options: GoogleAdsApiDecodeOptions = {}): AdsError {
  const apiVersion = options.apiVersion ?? installedGoogleAdsApiVersion();
  return decode(error, apiVersion ? { apiVersion } : {});
}

/** A pino-style logger (pino, bunyan and most others fit): `logger.error(object, message)`. */
export interface LoggerLike {
  error(object: Record<string, unknown>, message?: string): unknown;
  warn(object: Record<string, unknown>, message?: string): unknown;
}

/** Which hook saw the failure, and on which call. Ids only: never credentials. */
export interface GoogleAdsApiErrorContext {
  readonly hook: 'onQueryError' | 'onStreamError' | 'onMutationError' | 'onServiceError';
  readonly customerId: string | null;
  readonly loginCustomerId: string | null;
  /** `GoogleAdsService.Mutate`, `CampaignService.MutateCampaigns`… for mutations and services. */
  readonly method: string | null;
  /** The GAQL of a query or stream. */
  readonly query: string | null;
}

export interface AdsErrorHooksOptions extends GoogleAdsApiDecodeOptions {
  /**
   * `true` (the default): the failed call rejects with the AdsError (the original in its
   * `cause`) — a hook that throws replaces the error google-ads-api was about to throw.
   * `false`: the original error is thrown as before; the hooks only observe.
   */
  readonly throwAdsError?: boolean;
  /** Logs each failure as one redacted record (`toLogRecord`), at `warn` when retryable, else `error`. */
  readonly logger?: LoggerLike;
  /** Called with each decoded failure; may be async (it is awaited). Errors it throws are swallowed. */
  readonly onError?: (error: AdsError, context: GoogleAdsApiErrorContext) => unknown;
  /** Your own hooks: all are kept, and your error hooks run before these. */
  readonly hooks?: Hooks;
}

/** What a log line gets beside the failure's own record. */
export type GoogleAdsApiLogRecord = AdsLogRecord & { hook: string; customerId: string | null; loginCustomerId: string | null; method: string | null };

type ErrorHookName = GoogleAdsApiErrorContext['hook'];
interface ErrorHookArgs {
  readonly error: unknown;
  readonly credentials?: { customer_id?: string; login_customer_id?: string | undefined };
  readonly method?: string;
  readonly query?: string;
}

/**
 * Hooks for `api.Customer(options, hooks)`: `onQueryError`, `onStreamError`,
 * `onMutationError` and `onServiceError` decode the failure, log it (if a logger is given),
 * tell `onError`, and — unless `throwAdsError` is false — make the call reject with the
 * AdsError. Other hooks given in `options.hooks` are passed through unchanged.
 */
export function adsErrorHooks(options: AdsErrorHooksOptions = {}): Hooks {
  const user = options.hooks ?? {};
  const throwAdsError = options.throwAdsError ?? true;
  const make = (hook: ErrorHookName) => {
    const own = user[hook] as ((a: ErrorHookArgs) => unknown) | undefined;
    return async (args: ErrorHookArgs): Promise<void> => {
      if (own) await own(args);
      const error = decodeGoogleAdsApiError(args.error, options);
      const context: GoogleAdsApiErrorContext = {
        hook,
        customerId: args.credentials?.customer_id ?? null,
        loginCustomerId: args.credentials?.login_customer_id ?? null,
        method: args.method ?? null,
        query: args.query ?? null,
      };
      if (options.logger) {
        try {
          const record: GoogleAdsApiLogRecord = { ...toLogRecord(error), hook, customerId: context.customerId, loginCustomerId: context.loginCustomerId, method: context.method };
          const fields = record as unknown as Record<string, unknown>;
          if (record.level === 'warn') options.logger.warn(fields, record.msg);
          else options.logger.error(fields, record.msg);
        } catch {
          // A broken logger must not change the outcome of the call.
        }
      }
      if (options.onError) {
        try {
          await options.onError(error, context);
        } catch {
          // Same for an observer.
        }
      }
      // Only a recognized failure replaces the original: anything else stays as thrown.
      if (throwAdsError && error.recognized) throw error;
    };
  };
  return {
    ...user,
    onQueryError: make('onQueryError'),
    onStreamError: make('onStreamError'),
    onMutationError: make('onMutationError'),
    onServiceError: make('onServiceError'),
  } as Hooks;
}
