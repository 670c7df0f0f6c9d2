/**
 * GoogleAdsFailure, google.rpc.Status and their details from objects: proto3 JSON (camelCase,
 * enums as names, int64 as strings, durations as "30s") and the objects client libraries hand
 * out (snake_case, enums as numbers, protobufjs Longs). One reader serves them all, because
 * proto3 JSON parsers must accept both spellings anyway.
 */
import type {
  AdsErrorDetails,
  AdsErrorEntry,
  FieldPathElement,
  PolicyViolationDetails,
  QuotaDetails,
  ResourceCountDetails,
  RpcDetail,
  TriggerValue,
} from '../error/types.js';
import { versionIn } from '../catalog/catalog.js';
import { adsCodeRef, EMPTY_DETAILS, makeEntry, ref } from './entry.js';
import { decodeFailureBytes, decodeRpcDetailBytes, RATE_SCOPES } from './failure-binary.js';
import { durationMs, int, int64String, isObj, pick, prop, str, type Obj } from './values.js';


/** Does this object look like a GoogleAdsFailure (`errors` whose items have an error code)? */
export function looksLikeFailure(o: unknown): o is Obj {
  const errors = prop(o, 'errors');
  if (!Array.isArray(errors) || errors.length === 0) return false;
  const first = errors[0];
  return isObj(first) && (pick(first, 'errorCode', 'error_code') !== undefined);
}

export interface ObjectFailure {
  entries: AdsErrorEntry[];
  requestId: string | null;
}

/** Reads a GoogleAdsFailure object. Never throws; oddities go to `issues`. */
export function readFailureObject(o: Obj, version: string | null, issues: string[]): ObjectFailure {
  const errors = prop(o, 'errors');
  const entries: AdsErrorEntry[] = [];
  if (Array.isArray(errors)) {
    for (let i = 0; i < errors.length; i++) {
      const e = errors[i];
      if (!isObj(e)) {
        issues.push(`errors[${i}] is not an object`);
        continue;
      }
      entries.push(readErrorObject(e, version, issues, i));
    }
  }
  const requestId = str(pick(o, 'requestId', 'request_id'));
  return { entries, requestId };
}

function readErrorObject(e: Obj, version: string | null, issues: string[], i: number): AdsErrorEntry {
  const codeObj = pick(e, 'errorCode', 'error_code');
  let code = ref('status', 'UNKNOWN_ERROR_CODE', null, false);
  if (isObj(codeObj)) {
    let found = false;
    for (const key of Object.keys(codeObj)) {
      const v = prop(codeObj, key);
      if (typeof v !== 'string' && typeof v !== 'number') continue;
      // protobufjs adds a virtual `error_code` naming the member that is set.
      if (key === 'error_code' || key === 'errorCode') continue;
      code = adsCodeRef(key, v, version, issues);
      found = true;
      break;
    }
    if (!found) issues.push(`errors[${i}].errorCode has no code`);
  } else {
    issues.push(`errors[${i}] has no errorCode`);
  }
  const message = str(prop(e, 'message')) ?? '';
  const trigger = readTrigger(prop(e, 'trigger'));
  const location = prop(e, 'location');
  const fieldPath = readPath(pick(location, 'fieldPathElements', 'field_path_elements'), issues, i);
  // Text format cannot tell a singular message field from a one-element list, so a printed
  // failure may hand `details` over as a list.
  const rawDetails = prop(e, 'details');
  const detailsObj = Array.isArray(rawDetails) ? rawDetails.find(isObj) : rawDetails;
  const details = isObj(detailsObj) ? readDetails(detailsObj) : null;
  return makeEntry({ code, message, trigger, fieldPath, details });
}

function readTrigger(t: unknown): TriggerValue | null {
  if (!isObj(t)) return null;
  const s = pick(t, 'stringValue', 'string_value');
  if (typeof s === 'string') return { kind: 'string', value: s };
  const i = int64String(pick(t, 'int64Value', 'int64_value'));
  if (i !== null) return { kind: 'int64', value: i };
  const b = pick(t, 'booleanValue', 'boolean_value');
  if (typeof b === 'boolean') return { kind: 'boolean', value: b };
  const d = pick(t, 'doubleValue', 'double_value');
  if (typeof d === 'number' || typeof d === 'string') return { kind: 'double', value: Number(d) };
  const f = pick(t, 'floatValue', 'float_value');
  if (typeof f === 'number' || typeof f === 'string') return { kind: 'float', value: Number(f) };
  return null;
}

function readPath(v: unknown, issues: string[], i: number): FieldPathElement[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    issues.push(`errors[${i}].location.fieldPathElements is not a list`);
    return [];
  }
  const out: FieldPathElement[] = [];
  for (const el of v) {
    if (!isObj(el)) continue;
    const fieldName = str(pick(el, 'fieldName', 'field_name')) ?? '';
    const idx = int(prop(el, 'index'));
    out.push({ fieldName, index: idx });
  }
  return out;
}

function enumName(v: unknown, names: readonly string[]): string | null {
  if (typeof v === 'number') return names[v] ?? String(v);
  return str(v);
}

function readDetails(d: Obj): AdsErrorDetails {
  const q = pick(d, 'quotaErrorDetails', 'quota_error_details');
  const quota: QuotaDetails | null = isObj(q)
    ? {
        rateScope: enumName(pick(q, 'rateScope', 'rate_scope'), RATE_SCOPES),
        rateName: str(pick(q, 'rateName', 'rate_name')),
        retryDelayMs: durationMs(pick(q, 'retryDelay', 'retry_delay')),
      }
    : null;
  const rc = pick(d, 'resourceCountDetails', 'resource_count_details');
  const resourceCount: ResourceCountDetails | null = isObj(rc)
    ? {
        enclosingId: str(pick(rc, 'enclosingId', 'enclosing_id')),
        enclosingResource: str(pick(rc, 'enclosingResource', 'enclosing_resource')),
        limit: int(prop(rc, 'limit')),
        limitType: str(pick(rc, 'limitType', 'limit_type')),
        existingCount: int(pick(rc, 'existingCount', 'existing_count')),
      }
    : null;
  const pv = pick(d, 'policyViolationDetails', 'policy_violation_details');
  let policyViolation: PolicyViolationDetails | null = null;
  if (isObj(pv)) {
    const key = prop(pv, 'key');
    policyViolation = {
      externalPolicyName: str(pick(pv, 'externalPolicyName', 'external_policy_name')),
      externalPolicyDescription: str(pick(pv, 'externalPolicyDescription', 'external_policy_description')),
      isExemptible: typeof pick(pv, 'isExemptible', 'is_exemptible') === 'boolean' ? (pick(pv, 'isExemptible', 'is_exemptible') as boolean) : null,
      key: isObj(key)
        ? { policyName: str(pick(key, 'policyName', 'policy_name')), violatingText: str(pick(key, 'violatingText', 'violating_text')) }
        : null,
    };
  }
  return {
    ...EMPTY_DETAILS,
    unpublishedErrorCode: str(pick(d, 'unpublishedErrorCode', 'unpublished_error_code')),
    quota,
    resourceCount,
    policyViolation,
    policyFinding: pick(d, 'policyFindingDetails', 'policy_finding_details') ?? null,
    budgetPerDayMinimum: pick(d, 'budgetPerDayMinimumErrorDetails', 'budget_per_day_minimum_error_details') ?? null,
    reservation: pick(d, 'reservationErrorDetails', 'reservation_error_details') ?? null,
    incompatibleCloGoals: pick(d, 'incompatibleCloGoalErrorDetails', 'incompatible_clo_goal_error_details') ?? null,
  };
}

/** What the `details` list of a Status held. */
export interface StatusDetails {
  entries: AdsErrorEntry[];
  rpcDetails: RpcDetail[];
  requestId: string | null;
  apiVersion: string | null;
}

/** The type name of an Any's type URL: `type.googleapis.com/google.rpc.ErrorInfo` → `google.rpc.ErrorInfo`. */
export function typeNameOf(typeUrl: string): string {
  const slash = typeUrl.lastIndexOf('/');
  return slash >= 0 ? typeUrl.slice(slash + 1) : typeUrl;
}

/**
 * Reads a Status's `details` list, in JSON form (`{"@type": …, …fields}`) or as Any objects
 * holding bytes (`{ type_url, value }`, as google-gax exposes them).
 */
export function readStatusDetails(details: unknown, versionHint: string | null, issues: string[]): StatusDetails {
  const out: StatusDetails = { entries: [], rpcDetails: [], requestId: null, apiVersion: null };
  if (!Array.isArray(details)) return out;
  for (let i = 0; i < details.length && i < 1000; i++) {
    const d = details[i];
    if (!isObj(d)) continue;
    // Older PHP clients serialized an Any as two entries: `{"@type": 0, "data": "<type URL>"}`,
    // then `{"@type": 0, "data": [<the message's first field>]}`.
    const legacyType = typeof prop(d, '@type') === 'number' ? str(prop(d, 'data')) : null;
    if (legacyType !== null) {
      const next = details[i + 1];
      const data = prop(next, 'data');
      if (/\.errors\.GoogleAdsFailure$/.test(legacyType) && Array.isArray(data)) {
        const version = versionIn(legacyType) ?? versionHint;
        out.apiVersion ??= version;
        const f = readFailureObject({ errors: data }, version, issues);
        out.entries.push(...f.entries);
        out.rpcDetails.push({ type: 'GoogleAdsFailure', apiVersion: version, errorCount: f.entries.length });
        i++;
      }
      continue;
    }
    const typeUrl = str(pick(d, '@type', 'type_url', 'typeUrl')) ?? '';
    // PHP's ApiException lists the gRPC trailers among the details, keyed by metadata name:
    // `{"@type": "request-id", "data": "…"}`, `{"@type": "google.ads.googleads.v8.errors.googleadsfailure-bin", "data": …}`.
    if (METADATA_KEY.test(typeUrl)) {
      readMetadataDetail(typeUrl, prop(d, 'data'), versionHint, out, issues);
      continue;
    }
    const typeName = typeNameOf(typeUrl);
    const bytes = toBytes(prop(d, 'value'));
    if (/\.errors\.GoogleAdsFailure$/.test(typeName) || (!typeUrl && looksLikeFailure(d))) {
      const version = versionIn(typeName) ?? versionHint;
      out.apiVersion ??= version;
      const f = bytes && !looksLikeFailure(d) ? decodeFailureBytes(bytes, version, issues) : readFailureObject(d, version, issues);
      out.entries.push(...f.entries);
      out.requestId ??= f.requestId;
      out.rpcDetails.push({ type: 'GoogleAdsFailure', apiVersion: version, errorCount: f.entries.length });
      continue;
    }
    const detail = bytes && typeUrl ? decodeRpcDetailBytes(typeName, bytes) : readRpcDetailObject(typeName, d);
    if (detail) out.rpcDetails.push(detail);
    else out.rpcDetails.push({ type: 'unknown', typeUrl });
  }
  return out;
}

/** A gRPC metadata key standing where a type URL should be (no slash, lower case). */
const METADATA_KEY = /^(?:request-id|[a-z0-9.-]+-bin)$/;

function readMetadataDetail(key: string, data: unknown, versionHint: string | null, out: StatusDetails, issues: string[]): void {
  if (key === 'request-id') {
    const id = str(data);
    if (id && /^[A-Za-z0-9_-]{4,200}$/.test(id)) out.requestId ??= id;
    return;
  }
  const m = /^google\.ads\.googleads\.(v\d+)\.errors\.googleadsfailure-bin$/.exec(key);
  if (!m) return;
  const version = m[1] ?? versionHint;
  out.apiVersion ??= version;
  const bytes = toBytes(data);
  if (!bytes || bytes.length === 0) return;
  const local: string[] = [];
  const f = decodeFailureBytes(bytes, version, local);
  if (f.entries.length === 0 || local.some((i) => i.includes('malformed'))) return;
  issues.push(...local);
  out.entries.push(...f.entries);
  out.requestId ??= f.requestId;
}

/** Bytes from a Buffer/Uint8Array, a `{type:'Buffer', data:[…]}` JSON dump, or base64 text. */
export function toBytes(v: unknown): Uint8Array | null {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (isObj(v) && prop(v, 'type') === 'Buffer' && Array.isArray(prop(v, 'data'))) {
    return Uint8Array.from((prop(v, 'data') as unknown[]).map((x) => Number(x) & 0xff));
  }
  if (typeof v === 'string' && v.length > 0 && v.length % 4 !== 1 && /^[A-Za-z0-9+/_-]+={0,2}$/.test(v)) {
    return Buffer.from(v, v.includes('-') || v.includes('_') ? 'base64url' : 'base64');
  }
  return null;
}

function readRpcDetailObject(typeName: string, d: Obj): RpcDetail | null {
  const list = (k1: string, k2: string): Obj[] => {
    const v = pick(d, k1, k2);
    return Array.isArray(v) ? v.filter(isObj) : [];
  };
  const s = (o: unknown, ...keys: string[]) => str(pick(o, ...keys)) ?? '';
  switch (typeName) {
    case 'google.rpc.ErrorInfo': {
      const md = prop(d, 'metadata');
      const metadata: Record<string, string> = {};
      if (isObj(md)) for (const k of Object.keys(md)) metadata[k] = str(prop(md, k)) ?? '';
      return { type: 'ErrorInfo', reason: s(d, 'reason'), domain: s(d, 'domain'), metadata };
    }
    case 'google.rpc.RetryInfo':
      return { type: 'RetryInfo', retryDelayMs: durationMs(pick(d, 'retryDelay', 'retry_delay')) };
    case 'google.rpc.QuotaFailure':
      return {
        type: 'QuotaFailure',
        violations: list('violations', 'violations').map((v) => ({
          subject: s(v, 'subject'),
          description: s(v, 'description'),
          quotaMetric: str(pick(v, 'quotaMetric', 'quota_metric')),
          quotaId: str(pick(v, 'quotaId', 'quota_id')),
          quotaValue: int64String(pick(v, 'quotaValue', 'quota_value')),
        })),
      };
    case 'google.rpc.BadRequest':
      return {
        type: 'BadRequest',
        fieldViolations: list('fieldViolations', 'field_violations').map((v) => ({
          field: s(v, 'field'),
          description: s(v, 'description'),
          reason: str(prop(v, 'reason')),
        })),
      };
    case 'google.rpc.PreconditionFailure':
      return {
        type: 'PreconditionFailure',
        violations: list('violations', 'violations').map((v) => ({ type: s(v, 'type'), subject: s(v, 'subject'), description: s(v, 'description') })),
      };
    case 'google.rpc.Help':
      return { type: 'Help', links: list('links', 'links').map((v) => ({ description: s(v, 'description'), url: s(v, 'url') })) };
    case 'google.rpc.LocalizedMessage':
      return { type: 'LocalizedMessage', locale: s(d, 'locale'), message: s(d, 'message') };
    case 'google.rpc.RequestInfo':
      return { type: 'RequestInfo', requestId: s(d, 'requestId', 'request_id'), servingData: s(d, 'servingData', 'serving_data') };
    case 'google.rpc.ResourceInfo':
      return {
        type: 'ResourceInfo',
        resourceType: s(d, 'resourceType', 'resource_type'),
        resourceName: s(d, 'resourceName', 'resource_name'),
        owner: s(d, 'owner'),
        description: s(d, 'description'),
      };
    case 'google.rpc.DebugInfo': {
      const st = pick(d, 'stackEntries', 'stack_entries');
      return { type: 'DebugInfo', detail: s(d, 'detail'), stackEntries: Array.isArray(st) ? st.map((x) => String(x)) : [] };
    }
    default:
      return null;
  }
}
