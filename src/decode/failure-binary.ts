/**
 * GoogleAdsFailure and google.rpc.Status from protobuf bytes.
 */
import { API_VERSIONS, categoryByFieldNumber, codeByNumber, type CatalogCategory } from '../catalog/catalog.js';
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
import { EMPTY_DETAILS, makeEntry, ref, refOf } from './entry.js';
import { readDurationMs, WireReader, WIRE_LEN } from './wire.js';

/** QuotaErrorDetails.QuotaRateScope names, by number. */
export const RATE_SCOPES: readonly string[] = ['UNSPECIFIED', 'UNKNOWN', 'ACCOUNT', 'DEVELOPER'];

export interface BinaryFailure {
  entries: AdsErrorEntry[];
  requestId: string | null;
}

function categoryFor(version: string | null, field: number): CatalogCategory | undefined {
  if (version) {
    const hit = categoryByFieldNumber(version, field);
    if (hit) return hit;
  }
  // Oneof numbers never move between versions; take the newest version that has this one.
  for (let i = API_VERSIONS.length - 1; i >= 0; i--) {
    const hit = categoryByFieldNumber(API_VERSIONS[i]!, field);
    if (hit) return hit;
  }
  return undefined;
}

/** Decodes GoogleAdsFailure bytes. `version` picks the catalog used for enum numbers. */
export function decodeFailureBytes(buf: Uint8Array, version: string | null, issues: string[]): BinaryFailure {
  const r = new WireReader(buf);
  const entries: AdsErrorEntry[] = [];
  let requestId: string | null = null;
  while (r.more()) {
    const t = r.tag();
    if (t === 10) {
      const sub = r.sub();
      entries.push(readError(sub, version, issues));
      r.absorb(sub);
    } else if (t === 18) requestId = r.string();
    else if (t > 0) r.skip(t & 7);
  }
  if (r.error) issues.push(`GoogleAdsFailure bytes are malformed: ${r.error}`);
  return { entries, requestId };
}

function readError(r: WireReader, version: string | null, issues: string[]): AdsErrorEntry {
  let code = ref('status', 'UNKNOWN_ERROR_CODE', null, false);
  let message = '';
  let trigger: TriggerValue | null = null;
  let path: FieldPathElement[] = [];
  let details: AdsErrorDetails | null = null;
  while (r.more()) {
    const t = r.tag();
    switch (t) {
      case 10: {
        const s = r.sub();
        while (s.more()) {
          const ct = s.tag();
          if (ct <= 0) break;
          const field = ct >>> 3;
          if ((ct & 7) !== 0) {
            s.skip(ct & 7);
            continue;
          }
          const value = s.varint32();
          const cat = categoryFor(version, field);
          if (!cat) {
            issues.push(`ErrorCode field ${field} is not in the catalog`);
            code = ref(`errorCodeField${field}`, String(value), value, false);
          } else {
            const hit = codeByNumber(cat.category, value, version);
            if (hit) code = refOf(hit);
            else {
              issues.push(`${cat.category} value ${value} is not in the ${version ?? 'known'} catalog`);
              code = ref(cat.category, String(value), value, false);
            }
          }
        }
        r.absorb(s);
        break;
      }
      case 18:
        message = r.string();
        break;
      case 26: {
        const s = r.sub();
        trigger = readValue(s);
        r.absorb(s);
        break;
      }
      case 34: {
        const s = r.sub();
        path = readLocation(s);
        r.absorb(s);
        break;
      }
      case 42: {
        const s = r.sub();
        details = readDetails(s);
        r.absorb(s);
        break;
      }
      default:
        if (t > 0) r.skip(t & 7);
    }
  }
  return makeEntry({ code, message, trigger, fieldPath: path, details });
}

function readValue(r: WireReader): TriggerValue | null {
  let v: TriggerValue | null = null;
  while (r.more()) {
    const t = r.tag();
    if (t === 8) v = { kind: 'boolean', value: r.bool() };
    else if (t === 16) v = { kind: 'int64', value: r.int64String() };
    else if (t === 29) v = { kind: 'float', value: r.float() };
    else if (t === 33) v = { kind: 'double', value: r.double() };
    else if (t === 42) v = { kind: 'string', value: r.string() };
    else if (t > 0) r.skip(t & 7);
  }
  return v;
}

function readLocation(r: WireReader): FieldPathElement[] {
  const path: FieldPathElement[] = [];
  while (r.more()) {
    const t = r.tag();
    if (t === 18) {
      const s = r.sub();
      let fieldName = '';
      let index: number | null = null;
      while (s.more()) {
        const et = s.tag();
        if (et === 10) fieldName = s.string();
        else if (et === 24) index = s.int32();
        else if (et === 18) {
          // The oldest versions sent the index as a google.protobuf.Int64Value at field 2.
          const w = s.sub();
          index = 0;
          while (w.more()) {
            const wt = w.tag();
            if (wt === 8) index = w.int64Number();
            else if (wt > 0) w.skip(wt & 7);
          }
        } else if (et > 0) s.skip(et & 7);
      }
      r.absorb(s);
      path.push({ fieldName, index });
    } else if (t > 0) r.skip(t & 7);
  }
  return path;
}

function readDetails(r: WireReader): AdsErrorDetails {
  let unpublishedErrorCode: string | null = null;
  let quota: QuotaDetails | null = null;
  let resourceCount: ResourceCountDetails | null = null;
  let policyViolation: PolicyViolationDetails | null = null;
  let policyFinding: unknown = null;
  let budgetPerDayMinimum: unknown = null;
  let reservation: unknown = null;
  let incompatibleCloGoals: unknown = null;
  while (r.more()) {
    const t = r.tag();
    switch (t) {
      case 10:
        unpublishedErrorCode = r.string();
        break;
      case 18:
        policyViolation = readPolicyViolation(r.sub());
        break;
      case 26:
        policyFinding = readPolicyFinding(r.sub());
        break;
      case 34: {
        const s = r.sub();
        let rateScope: string | null = null;
        let rateName: string | null = null;
        let retryDelayMs: number | null = null;
        while (s.more()) {
          const qt = s.tag();
          if (qt === 8) {
            const n = s.varint32();
            rateScope = RATE_SCOPES[n] ?? String(n);
          } else if (qt === 18) rateName = s.string();
          else if (qt === 26) retryDelayMs = readDurationMs(s.sub());
          else if (qt > 0) s.skip(qt & 7);
        }
        quota = { rateScope, rateName, retryDelayMs };
        break;
      }
      case 42: {
        const s = r.sub();
        const rc = { enclosingId: null as string | null, limit: null as number | null, limitType: null as string | null, existingCount: null as number | null, enclosingResource: null as string | null };
        while (s.more()) {
          const ct = s.tag();
          if (ct === 10) rc.enclosingId = s.string();
          else if (ct === 16) rc.limit = s.int32();
          else if (ct === 24) rc.limitType = String(s.varint32());
          else if (ct === 32) rc.existingCount = s.int32();
          else if (ct === 42) rc.enclosingResource = s.string();
          else if (ct > 0) s.skip(ct & 7);
        }
        resourceCount = rc;
        break;
      }
      case 50: {
        const s = r.sub();
        const b: Record<string, string> = {};
        const names = ['', 'currencyCode', 'budgetPerDayMinimumMicros', 'minimumBudgetAmountMicros', 'minimumBudgetTotalAmountMicros', 'failedBudgetAmountMicros', 'failedBudgetTotalAmountMicros'];
        while (s.more()) {
          const bt = s.tag();
          const f = bt >>> 3;
          if (f === 1 && (bt & 7) === WIRE_LEN) b.currencyCode = s.string();
          else if (f >= 2 && f <= 6 && (bt & 7) === 0) b[names[f]!] = s.int64String();
          else if (bt > 0) s.skip(bt & 7);
        }
        budgetPerDayMinimum = b;
        break;
      }
      case 58:
        reservation = { bytesBase64: Buffer.from(r.bytes()).toString('base64') };
        break;
      case 66:
        incompatibleCloGoals = { bytesBase64: Buffer.from(r.bytes()).toString('base64') };
        break;
      default:
        if (t > 0) r.skip(t & 7);
    }
  }
  return { ...EMPTY_DETAILS, unpublishedErrorCode, quota, resourceCount, policyViolation, policyFinding, budgetPerDayMinimum, reservation, incompatibleCloGoals };
}

function readPolicyViolation(r: WireReader): PolicyViolationDetails {
  let externalPolicyDescription: string | null = null;
  let externalPolicyName: string | null = null;
  let isExemptible: boolean | null = null;
  let key: PolicyViolationDetails['key'] = null;
  while (r.more()) {
    const t = r.tag();
    if (t === 18) externalPolicyDescription = r.string();
    else if (t === 34) {
      const s = r.sub();
      let policyName: string | null = null;
      let violatingText: string | null = null;
      while (s.more()) {
        const kt = s.tag();
        if (kt === 10) policyName = s.string();
        else if (kt === 18) violatingText = s.string();
        else if (kt > 0) s.skip(kt & 7);
      }
      key = { policyName, violatingText };
    } else if (t === 42) externalPolicyName = r.string();
    else if (t === 48) isExemptible = r.bool();
    else if (t > 0) r.skip(t & 7);
  }
  return { externalPolicyName, externalPolicyDescription, isExemptible, key };
}

/** Policy topic entries: topic and type only (evidence layouts vary by version). */
function readPolicyFinding(r: WireReader): { policyTopicEntries: { topic: string; type: number }[] } {
  const entries: { topic: string; type: number }[] = [];
  while (r.more()) {
    const t = r.tag();
    if (t === 10) {
      const s = r.sub();
      let topic = '';
      let type = 0;
      while (s.more()) {
        const et = s.tag();
        if (et === 10) topic = s.string();
        else if (et === 16) type = s.varint32();
        else if (et > 0) s.skip(et & 7);
      }
      entries.push({ topic, type });
    } else if (t > 0) r.skip(t & 7);
  }
  return { policyTopicEntries: entries };
}

export interface BinaryStatus {
  code: number | null;
  message: string;
  details: { typeUrl: string; value: Uint8Array }[];
}

/**
 * Decodes google.rpc.Status bytes (details left as Any: type URL + bytes). With `skipFailures`,
 * a GoogleAdsFailure detail keeps its type URL but not its bytes (the caller already has it).
 */
export function decodeStatusBytes(buf: Uint8Array, issues: string[], skipFailures = false): BinaryStatus {
  const r = new WireReader(buf);
  let code: number | null = null;
  let message = '';
  const details: { typeUrl: string; value: Uint8Array }[] = [];
  while (r.more()) {
    const t = r.tag();
    if (t === 8) code = r.int32();
    else if (t === 18) message = r.string();
    else if (t === 26) {
      const s = r.sub();
      let typeUrl = '';
      let value: Uint8Array = new Uint8Array(0);
      while (s.more()) {
        const at = s.tag();
        if (at === 10) typeUrl = s.string();
        else if (at === 18 && !(skipFailures && typeUrl.endsWith('.GoogleAdsFailure'))) value = s.bytes();
        else if (at > 0) s.skip(at & 7);
      }
      r.absorb(s);
      details.push({ typeUrl, value });
    } else if (t > 0) r.skip(t & 7);
  }
  if (r.error) issues.push(`google.rpc.Status bytes are malformed: ${r.error}`);
  return { code, message, details };
}

/** Decodes one google.rpc detail message from its Any bytes. */
export function decodeRpcDetailBytes(typeName: string, buf: Uint8Array): RpcDetail | null {
  const r = new WireReader(buf);
  switch (typeName) {
    case 'google.rpc.ErrorInfo': {
      let reason = '';
      let domain = '';
      const metadata: Record<string, string> = {};
      while (r.more()) {
        const t = r.tag();
        if (t === 10) reason = r.string();
        else if (t === 18) domain = r.string();
        else if (t === 26) {
          const s = r.sub();
          let k = '';
          let v = '';
          while (s.more()) {
            const mt = s.tag();
            if (mt === 10) k = s.string();
            else if (mt === 18) v = s.string();
            else if (mt > 0) s.skip(mt & 7);
          }
          metadata[k] = v;
        } else if (t > 0) r.skip(t & 7);
      }
      return { type: 'ErrorInfo', reason, domain, metadata };
    }
    case 'google.rpc.RetryInfo': {
      let retryDelayMs: number | null = null;
      while (r.more()) {
        const t = r.tag();
        if (t === 10) retryDelayMs = readDurationMs(r.sub());
        else if (t > 0) r.skip(t & 7);
      }
      return { type: 'RetryInfo', retryDelayMs };
    }
    case 'google.rpc.QuotaFailure': {
      const violations = readRepeated(r, (s) => {
        const f: string[] = new Array(6).fill('');
        let quotaValue: string | null = null;
        while (s.more()) {
          const t = s.tag();
          const n = t >>> 3;
          if ((t & 7) === WIRE_LEN && n >= 1 && n <= 5) f[n] = s.string();
          else if (n === 7 && (t & 7) === 0) quotaValue = s.int64String();
          else if (t > 0) s.skip(t & 7);
        }
        return { subject: f[1]!, description: f[2]!, quotaMetric: f[4] || null, quotaId: f[5] || null, quotaValue };
      });
      return { type: 'QuotaFailure', violations };
    }
    case 'google.rpc.BadRequest': {
      const fieldViolations = readRepeated(r, (s) => {
        const f = readStrings(s, 3);
        return { field: f[1]!, description: f[2]!, reason: f[3] || null };
      });
      return { type: 'BadRequest', fieldViolations };
    }
    case 'google.rpc.PreconditionFailure': {
      const violations = readRepeated(r, (s) => {
        const f = readStrings(s, 3);
        return { type: f[1]!, subject: f[2]!, description: f[3]! };
      });
      return { type: 'PreconditionFailure', violations };
    }
    case 'google.rpc.Help': {
      const links = readRepeated(r, (s) => {
        const f = readStrings(s, 2);
        return { description: f[1]!, url: f[2]! };
      });
      return { type: 'Help', links };
    }
    case 'google.rpc.LocalizedMessage': {
      const f = readStrings(r, 2);
      return { type: 'LocalizedMessage', locale: f[1]!, message: f[2]! };
    }
    case 'google.rpc.RequestInfo': {
      const f = readStrings(r, 2);
      return { type: 'RequestInfo', requestId: f[1]!, servingData: f[2]! };
    }
    case 'google.rpc.ResourceInfo': {
      const f = readStrings(r, 4);
      return { type: 'ResourceInfo', resourceType: f[1]!, resourceName: f[2]!, owner: f[3]!, description: f[4]! };
    }
    case 'google.rpc.DebugInfo': {
      const stackEntries: string[] = [];
      let detail = '';
      while (r.more()) {
        const t = r.tag();
        if (t === 10) stackEntries.push(r.string());
        else if (t === 18) detail = r.string();
        else if (t > 0) r.skip(t & 7);
      }
      return { type: 'DebugInfo', detail, stackEntries };
    }
    default:
      return null;
  }
}

function readRepeated<T>(r: WireReader, item: (s: WireReader) => T): T[] {
  const out: T[] = [];
  while (r.more()) {
    const t = r.tag();
    if (t === 10) out.push(item(r.sub()));
    else if (t > 0) r.skip(t & 7);
  }
  return out;
}

/** Reads string fields 1..n of a flat message. */
function readStrings(r: WireReader, n: number): string[] {
  const f: string[] = new Array(n + 1).fill('');
  while (r.more()) {
    const t = r.tag();
    const num = t >>> 3;
    if ((t & 7) === WIRE_LEN && num >= 1 && num <= n) f[num] = r.string();
    else if (t > 0) r.skip(t & 7);
  }
  return f;
}
