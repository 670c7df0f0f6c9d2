/**
 * Text and JSON views of a split, for the `decode` command and for logs.
 */
import type { AdsErrorEntry } from '../error/types.js';
import type { DetectedResponse, OperationOutcome, OperationsSplit, StreamSplit } from './types.js';

export interface TableOptions {
  /** A short explanation title for an error (e.g. from the explain room); defaults to the error's own message. */
  readonly explainTitle?: (entry: AdsErrorEntry) => string | null | undefined;
  /** Runs of more than this many consecutive `ok` operations are shown as one line. Default 3; Infinity shows all. */
  readonly collapseOkRuns?: number;
}

const MAX_CODE = 48;
const MAX_FIELD = 44;
const MAX_TEXT = 90;

/**
 * A plain-text table: one block per operation (index, ok/failed/unknown, code, field path,
 * explanation title; several errors of one operation on consecutive lines), then the errors of
 * the request as a whole and those naming no sent operation. For a stream, what was received and
 * the restart advice. No colours; never throws.
 */
export function formatOperationsTable(view: DetectedResponse, options: TableOptions = {}): string {
  try {
    return view.kind === 'stream' ? formatStream(view, options) : formatOperations(view, options);
  } catch (e) {
    return `(the operations table could not be drawn: ${e instanceof Error ? e.message : String(e)})`;
  }
}

function title(e: AdsErrorEntry, options: TableOptions): string {
  let t: string | null | undefined;
  try {
    t = options.explainTitle?.(e);
  } catch {
    t = null;
  }
  return clip(t || e.message || '', MAX_TEXT);
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

function formatOperations(split: OperationsSplit, options: TableOptions): string {
  const ops = split.operations;
  const counts = { ok: 0, failed: 0, unknown: 0 };
  for (const o of ops) counts[o.status]++;
  const retryable = ops.filter((o) => o.status === 'failed' && o.retryable).length;
  const head = `${split.kind === 'batch' ? 'Batch job results' : 'Operations'}: ${ops.length} (${counts.ok} ok, ${counts.failed} failed${retryable ? `, ${retryable} worth resending` : ''}${counts.unknown ? `, ${counts.unknown} unknown` : ''})${split.requestId ? ` [request-id ${split.requestId}]` : ''}`;
  const rows: string[][] = [['#', 'status', 'retry', 'code', 'field', 'explanation']];
  const limit = options.collapseOkRuns ?? 3;
  let i = 0;
  while (i < ops.length) {
    const op = ops[i]!;
    if (op.status === 'ok') {
      let j = i;
      while (j + 1 < ops.length && ops[j + 1]!.status === 'ok') j++;
      const run = j - i + 1;
      if (run > limit) {
        rows.push([`${i}-${j}`, 'ok', '', '', '', `(${run} operations)`]);
        i = j + 1;
        continue;
      }
    }
    pushOperation(rows, op, options);
    i++;
  }
  const lines = [head, ...layout(rows)];
  if (split.requestErrors.length > 0) {
    lines.push(`Errors about the request as a whole (${split.requestErrors.length}):`);
    lines.push(...layout(split.requestErrors.map((e) => ['', e.code.key, clip(e.fieldPathText ?? '', MAX_FIELD), title(e, options)])));
  }
  if (split.outOfRange.length > 0) {
    lines.push(`Errors naming no operation that was sent (${split.outOfRange.length}):`);
    lines.push(...layout(split.outOfRange.map((e) => ['', e.code.key, clip(e.fieldPathText ?? '', MAX_FIELD), title(e, options)])));
  }
  return lines.join('\n');
}

function pushOperation(rows: string[][], op: OperationOutcome, options: TableOptions): void {
  const retry = op.status === 'failed' ? (op.retryable ? 'yes' : 'no') : '';
  if (op.errors.length === 0) {
    rows.push([String(op.index), op.status, retry, '', '', op.status === 'unknown' ? '(no result and no error)' : '']);
    return;
  }
  op.errors.forEach((e, k) => {
    rows.push([
      k === 0 ? String(op.index) : '',
      k === 0 ? op.status : '',
      k === 0 ? retry : '',
      clip(e.code.key, MAX_CODE),
      clip(e.fieldPathText ?? '', MAX_FIELD),
      title(e, options),
    ]);
  });
}

/** Columns padded to their widest cell; the last column is not padded. */
function layout(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : i === 0 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

function formatStream(s: StreamSplit, options: TableOptions): string {
  const lines = [
    `Search stream: ${s.messages} message(s), ${s.rows.length} row(s) received, ${s.complete ? 'completed' : 'then failed'}${s.requestId ? ` [request-id ${s.requestId}]` : ''}`,
  ];
  if (s.error) {
    const e = s.error.errors[0];
    lines.push(`Failure: ${s.error.status?.name ?? 'no status'}${e ? `  ${e.code.key}  ${title(e, options)}` : ''}`);
  }
  if (s.restart) lines.push(`Restart: ${s.restart.advisable ? 'advisable' : 'not advisable'} (safe). ${s.restart.advice}`);
  return lines.join('\n');
}

/** The `operations` array of `decode --json`: one object per operation, in index order. */
export function toOperationsJson(view: DetectedResponse): unknown {
  if (view.kind === 'stream') {
    return { kind: 'stream', rows: view.rows.length, messages: view.messages, complete: view.complete, requestId: view.requestId, restart: view.restart };
  }
  const entry = (e: AdsErrorEntry) => ({ code: e.code.key, message: e.message, fieldPath: e.fieldPathText, operationIndex: e.operationIndex });
  return view.operations.map((o) => ({
    index: o.index,
    status: o.status,
    retryable: o.retryable,
    kind: o.kind,
    errors: o.errors.map(entry),
  }));
}
