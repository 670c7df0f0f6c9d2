/**
 * gRPC failures: grpc-js `ServiceError`s (`code`, `details`, `metadata` with the binary
 * `google.ads.googleads.vNN.errors.googleadsfailure-bin` and `grpc-status-details-bin`
 * trailers, and `request-id`), and what google-gax makes of them (`statusDetails` with the
 * undecoded Any, or a "Total timeout … exceeded" GoogleError whose trailers are gone).
 */
import { statusByCode, statusByName } from '../../classify/status.js';
import type { AdsErrorEntry, RpcDetail } from '../../error/types.js';
import type { Found } from '../assemble.js';
import { decodeFailureBytes, decodeStatusBytes } from '../failure-binary.js';
import { readStatusDetails, toBytes, typeNameOf } from '../failure-object.js';
import { decodeRpcDetailBytes } from '../failure-binary.js';
import { isObj, prop, str } from '../values.js';
import { oauthFromText } from './oauth.js';

const FAILURE_KEY = /^google\.ads\.googleads\.(v\d+)\.errors\.googleadsfailure-bin$/;

/** Metadata as key → first value, from a grpc-js Metadata, its JSON dump, or a plain map. */
export function metadataMap(md: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!md || typeof md !== 'object') return out;
  // grpc-js keeps key → values[] in `internalRepr`: read it directly, without copying.
  const internal = prop(md, 'internalRepr');
  if (internal instanceof Map) {
    for (const [k, v] of internal) out.set(String(k).toLowerCase(), Array.isArray(v) ? v[0] : v);
    return out;
  }
  let map: unknown;
  try {
    const getMap = (md as { getMap?: () => unknown }).getMap;
    map = typeof getMap === 'function' ? getMap.call(md) : undefined;
  } catch {
    map = undefined;
  }
  const src = isObj(map) ? map : isObj(prop(md, 'internalRepr')) ? prop(md, 'internalRepr') : md;
  if (src instanceof Map) {
    for (const [k, v] of src) out.set(String(k).toLowerCase(), Array.isArray(v) ? v[0] : v);
    return out;
  }
  const repr = prop(md, 'internalRepr');
  if (repr instanceof Map) {
    for (const [k, v] of repr) out.set(String(k).toLowerCase(), Array.isArray(v) ? v[0] : v);
    return out;
  }
  if (isObj(src)) {
    for (const k of Object.keys(src)) {
      const v = prop(src, k);
      out.set(k.toLowerCase(), Array.isArray(v) ? v[0] : v);
    }
  }
  return out;
}

/** Does this look like a gRPC error (a numeric gRPC `code` plus `details` or `metadata`)? */
export function looksLikeGrpcError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const code = prop(e, 'code');
  if (typeof code !== 'number') return false;
  // google-gax's GoogleError carries `metadata`, `details` and `statusDetails` keys that may all
  // be undefined (its "Total timeout" error): an Error with a gRPC status number is enough.
  return prop(e, 'metadata') !== undefined || typeof prop(e, 'details') === 'string' || Array.isArray(prop(e, 'statusDetails')) || (e instanceof Error && statusByCode(code) !== undefined);
}

/** Decodes a grpc-js ServiceError or a google-gax error. */
export function decodeGrpcError(e: object, apiVersionOption: string | null): Found {
  const issues: string[] = [];
  const md = metadataMap(prop(e, 'metadata'));
  const rawCode = prop(e, 'code');
  let statusCode: number | null = typeof rawCode === 'number' && statusByCode(rawCode) ? rawCode : null;
  let httpStatus: number | null = null;
  if (typeof rawCode === 'number' && statusCode === null) {
    // google-ads-api puts an HTTP number (400) in the gRPC field for a refused token refresh.
    if (rawCode >= 100 && rawCode < 600) httpStatus = rawCode;
    else issues.push(`code ${rawCode} is not a gRPC status`);
  }
  const details = str(prop(e, 'details'));
  const message = str(prop(e, 'message'));
  const text = details || message || '';

  let apiVersion: string | null = apiVersionOption;
  let entries: AdsErrorEntry[] = [];
  let requestId: string | null = null;
  let rpcDetails: RpcDetail[] = [];
  for (const [key, value] of md) {
    const m = FAILURE_KEY.exec(key);
    if (!m) continue;
    apiVersion = m[1]!;
    const bytes = toBytes(value);
    if (!bytes) {
      issues.push(`${key} is not binary`);
      continue;
    }
    const f = decodeFailureBytes(bytes, apiVersion, issues);
    entries = f.entries;
    requestId = f.requestId;
    break;
  }
  const statusBin = toBytes(md.get('grpc-status-details-bin'));
  if (statusBin) {
    const st = decodeStatusBytes(statusBin, issues, entries.length > 0);
    if (statusCode === null && st.code !== null && statusByCode(st.code)) statusCode = st.code;
    for (const d of st.details) {
      const typeName = typeNameOf(d.typeUrl);
      if (/\.errors\.GoogleAdsFailure$/.test(typeName)) {
        const v = /googleads\.(v\d+)\./.exec(typeName)?.[1] ?? apiVersion;
        if (entries.length === 0) {
          const f = decodeFailureBytes(d.value, v, issues);
          entries = f.entries;
          requestId ??= f.requestId;
          apiVersion ??= v;
        }
        rpcDetails.push({ type: 'GoogleAdsFailure', apiVersion: v, errorCount: entries.length });
        continue;
      }
      rpcDetails.push(decodeRpcDetailBytes(typeName, d.value) ?? { type: 'unknown', typeUrl: d.typeUrl });
    }
  } else {
    // google-gax keeps the details as Any objects in `statusDetails`.
    const sd = prop(e, 'statusDetails');
    if (Array.isArray(sd) && sd.length > 0) {
      const d = readStatusDetails(sd, apiVersion, issues);
      if (entries.length === 0) entries = d.entries;
      requestId ??= d.requestId;
      apiVersion ??= d.apiVersion;
      rpcDetails = d.rpcDetails;
    }
  }
  const rid = md.get('request-id');
  requestId ??= typeof rid === 'string' ? rid : rid instanceof Uint8Array ? Buffer.from(rid).toString('utf8') : null;

  // google-gax gave up retrying: the trailers are gone; only its text tells what kept failing.
  const gaveUp = !text.includes('Total timeout') ? null : /Total timeout of API .* exceeded (\d+) milliseconds .*?retrying error Error: (\d+) ([A-Z_]+)/s.exec(text);
  if (gaveUp) issues.push(`google-gax gave up after ${gaveUp[1]} ms of retrying ${gaveUp[2]} ${gaveUp[3]}; its trailers and request id were dropped`);

  // Credentials failed before the call went out ("Getting metadata from plugin failed …").
  if (entries.length === 0 && /metadata from plugin|invalid_grant|unauthorized_client|invalid_client|Could not refresh access token/i.test(text)) {
    const o = oauthFromText(text);
    if (o) {
      entries = [o];
      statusCode = 16;
    }
  }
  if (statusCode === null) {
    // "3 INVALID_ARGUMENT: …" at the start of the message also names the status.
    const m = /^\s*(\d{1,2}) ([A-Z_]+):/.exec(message ?? '');
    const byName = m ? statusByName(m[2]) : undefined;
    if (byName) statusCode = byName.code;
  }
  return {
    recognized: statusCode !== null || entries.length > 0,
    source: prop(e, 'note') !== undefined || prop(e, 'statusDetails') !== undefined || gaveUp ? 'gax' : 'grpc',
    apiVersion,
    statusCode,
    httpStatus,
    message: details || stripStatusPrefix(message) || null,
    requestId,
    entries,
    rpcDetails,
    issues,
  };
}

function stripStatusPrefix(s: string | null): string | null {
  return s ? s.replace(/^\s*\d{1,2} [A-Z_]+:\s*/, '') : s;
}
