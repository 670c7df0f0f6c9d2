/**
 * A mutate response in protobuf bytes, read without its schema. Every `Mutate*Response` with
 * partial failure is two fields: the repeated results and `partial_failure_error`, a
 * google.rpc.Status at field 1, 2 or 3 depending on the message. The status field is the one
 * that reads as a Status whose details hold a GoogleAdsFailure; the other repeated field holds
 * the results.
 */
import { decodeStatusBytes } from '../decode/failure-binary.js';
import { typeNameOf } from '../decode/failure-object.js';
import { WireReader, WIRE_LEN } from '../decode/wire.js';

export interface MutateBytes {
  /** The partial failure status's bytes, or null when the response has none. */
  readonly statusBytes: Uint8Array | null;
  readonly statusField: number | null;
  /** Each result's bytes, in order (an empty array for a failed operation's placeholder). */
  readonly results: readonly Uint8Array[];
  readonly resultField: number | null;
  readonly issues: readonly string[];
}

/** True when `bytes` read as a google.rpc.Status whose details include a GoogleAdsFailure. */
export function isFailureStatus(bytes: Uint8Array): boolean {
  const issues: string[] = [];
  const st = decodeStatusBytes(bytes, issues);
  return issues.length === 0 && st.details.some((d) => /\.errors\.GoogleAdsFailure$/.test(typeNameOf(d.typeUrl)));
}

/**
 * Splits mutate response bytes into the failure status and the results. `statusField` forces
 * the field number of `partial_failure_error`; otherwise fields 1–3 are tried. Never throws.
 */
export function readMutateResponseBytes(buf: Uint8Array, statusField?: number): MutateBytes {
  const issues: string[] = [];
  const r = new WireReader(buf);
  const byField = new Map<number, Uint8Array[]>();
  const order: number[] = [];
  while (r.more()) {
    const t = r.tag();
    if (t <= 0) break;
    const field = t >>> 3;
    if ((t & 7) !== WIRE_LEN) {
      r.skip(t & 7);
      issues.push(`field ${field} of the response is not a message; skipped`);
      continue;
    }
    const bytes = r.bytes();
    let list = byField.get(field);
    if (!list) {
      list = [];
      byField.set(field, list);
      order.push(field);
    }
    list.push(bytes);
  }
  if (r.error) issues.push(`the response bytes are malformed: ${r.error}`);

  let found: number | null = null;
  const candidates = statusField !== undefined ? [statusField] : [1, 2, 3];
  for (const n of candidates) {
    const list = byField.get(n);
    // A singular field; a repeated results field can hold a single element too, but a result
    // message never reads as a Status carrying a GoogleAdsFailure.
    if (list && list.length === 1 && (statusField !== undefined || isFailureStatus(list[0]!))) {
      found = n;
      break;
    }
  }
  const others = order.filter((n) => n !== found);
  let resultField: number | null = null;
  if (others.length === 1) resultField = others[0]!;
  else if (others.length > 1) {
    resultField = others.reduce((a, b) => ((byField.get(b)?.length ?? 0) > (byField.get(a)?.length ?? 0) ? b : a));
    issues.push(`the response has ${others.length} repeated fields besides the failure (${others.join(', ')}); field ${resultField} was read as the results`);
  }
  return {
    statusBytes: found !== null ? byField.get(found)![0]! : null,
    statusField: found,
    results: resultField !== null ? byField.get(resultField)! : [],
    resultField,
    issues,
  };
}
