/**
 * Protobuf bytes of a GoogleAdsFailure or a google.rpc.Status, when the caller does not say
 * which: both are tried and the reading that makes more sense wins.
 */
import { statusByCode } from '../../classify/status.js';
import type { RpcDetail } from '../../error/types.js';
import type { Found } from '../assemble.js';
import { decodeFailureBytes, decodeRpcDetailBytes, decodeStatusBytes } from '../failure-binary.js';
import { typeNameOf } from '../failure-object.js';

/** Decodes bytes; `hint` says which message they are when the caller knows. */
export function decodeBytes(buf: Uint8Array, apiVersion: string | null, hint?: 'failure' | 'status'): Found {
  const statusIssues: string[] = [];
  const failureIssues: string[] = [];
  const asStatus = hint === 'failure' ? null : decodeStatusBytes(buf, statusIssues);
  const statusOk =
    asStatus !== null &&
    statusIssues.length === 0 &&
    (asStatus.code === null || statusByCode(asStatus.code) !== undefined) &&
    (asStatus.details.length > 0 ? asStatus.details.every((d) => d.typeUrl.includes('/')) : asStatus.code !== null);
  if (hint === 'status' || (statusOk && asStatus)) {
    const st = asStatus!;
    const issues = statusIssues;
    let entries: Found['entries'] = [];
    let requestId: string | null = null;
    let version = apiVersion;
    const rpcDetails: RpcDetail[] = [];
    for (const d of st.details) {
      const typeName = typeNameOf(d.typeUrl);
      if (/\.errors\.GoogleAdsFailure$/.test(typeName)) {
        const v = /googleads\.(v\d+)\./.exec(typeName)?.[1] ?? version;
        version = v;
        const f = decodeFailureBytes(d.value, v, issues);
        entries = [...(entries ?? []), ...f.entries];
        requestId ??= f.requestId;
        rpcDetails.push({ type: 'GoogleAdsFailure', apiVersion: v, errorCount: f.entries.length });
      } else {
        rpcDetails.push(decodeRpcDetailBytes(typeName, d.value) ?? { type: 'unknown', typeUrl: d.typeUrl });
      }
    }
    return {
      recognized: st.code !== null || (entries?.length ?? 0) > 0,
      source: 'binary',
      apiVersion: version,
      statusCode: st.code ?? 0,
      message: st.message,
      requestId,
      entries,
      rpcDetails,
      issues,
    };
  }
  const f = decodeFailureBytes(buf, apiVersion, failureIssues);
  const known = f.entries.filter((e) => e.code.known).length;
  if (f.entries.length > 0 && failureIssues.every((i) => !i.includes('malformed')) && known > 0) {
    if (apiVersion === null) failureIssues.push('numeric codes were read with the newest catalog: the bytes do not say their API version');
    return {
      recognized: true,
      source: 'binary',
      apiVersion,
      statusCode: null,
      message: f.entries[0]?.message ?? null,
      requestId: f.requestId,
      entries: f.entries,
      issues: failureIssues,
    };
  }
  return {
    recognized: false,
    source: 'binary',
    apiVersion,
    issues: [`${buf.length} bytes are neither a GoogleAdsFailure nor a google.rpc.Status`, ...failureIssues.slice(0, 3)],
  };
}
