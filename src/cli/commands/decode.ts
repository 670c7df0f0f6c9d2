/**
 * `ads-errors decode [FILE|-] [--json] [--api-version vNN]`
 */
import { decode } from '../../decode/decode.js';
import type { AdsError } from '../../error/ads-error.js';
import type { AdsErrorEntry } from '../../error/types.js';
import { explainWith } from '../../explain/explain.js';
import { loadLocale } from '../../explain/locales.js';
import { detectOperationsResponse, formatOperationsTable, toOperationsJson } from '../../operations/index.js';
import { UsageError, type CliIO, type Command } from '../io.js';
import { parseArgs, readInput } from '../args.js';
import { formatDecoded, toDecodeJson } from '../format.js';

const HELP = `Usage: ads-errors decode [FILE|-] [--json] [--api-version vNN]

Decodes a failed Google Ads API call, in whatever form you have it, into one error report:
a REST error body or searchStream array, gRPC trailers dumped as JSON, a google-ads-api /
google-gax error object, an OAuth token error, an older Google API error body, protobuf
bytes or base64 of a GoogleAdsFailure or google.rpc.Status, or text pasted from a client
library's output or a log.

  FILE            read the failure from this file ("-" or nothing: standard input)
  --json          print exactly one JSON object instead of the report
  --api-version   API version for numeric codes when the payload does not name one

Exit status: 0 recognized, 1 not recognized (what was found is still printed), 2 usage error.
`;

export const decodeCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, { flags: ['json', 'help'], options: ['api-version'] });
  if (args.flags.has('help')) {
    io.stdout.write(HELP);
    return 0;
  }
  if (args.positional.length > 1) throw new UsageError(`expected at most one FILE, got ${args.positional.length}`);
  const version = args.options.get('api-version');
  if (version !== undefined && !/^v\d+$/.test(version)) throw new UsageError(`--api-version must look like v25, got '${version}'`);
  const input = await readInput(args.positional[0], io);
  const err = decode(input, version ? { apiVersion: version } : {});
  const ops = await operationsFor(input, version);
  // A mutate response is not a failure in itself: its partial-failure status is what to report.
  const shown = !err.recognized && ops?.error ? ops.error : err;
  if (args.flags.has('json')) {
    const out: Record<string, unknown> = toDecodeJson(shown);
    if (ops) out.operations = ops.json;
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    if (shown.recognized || !ops) io.stdout.write(formatDecoded(shown, io.isTTY && !io.env.NO_COLOR));
    if (ops) io.stdout.write(`${shown.recognized || !ops ? '\n' : ''}${ops.table}\n`);
  }
  return err.recognized || ops ? 0 : 1;
};

interface OperationsView {
  json: unknown;
  table: string;
  error: AdsError | null;
}

/**
 * When the input is a mutate response with partial failure, a batch-results page or a broken
 * searchStream body, its per-operation view (with each error's explanation title); null for
 * anything else.
 */
async function operationsFor(input: Buffer, version: string | undefined): Promise<OperationsView | null> {
  let value: unknown = input;
  if (looksLikeJsonText(input)) {
    try {
      value = JSON.parse(input.toString('utf8'));
    } catch {
      value = input.toString('utf8');
    }
  }
  let view: ReturnType<typeof detectOperationsResponse>;
  try {
    view = detectOperationsResponse(value, version ? { apiVersion: version } : {});
  } catch {
    return null;
  }
  if (!view) return null;
  const pack = await loadLocale('en');
  const explainTitle = (e: AdsErrorEntry) => explainWith(pack, e)[0]?.title;
  return { json: toOperationsJson(view), table: formatOperationsTable(view, { explainTitle }), error: view.error };
}

function looksLikeJsonText(b: Buffer): boolean {
  const head = b.subarray(0, 256).toString('utf8').trimStart();
  return head.startsWith('{') || head.startsWith('[');
}
