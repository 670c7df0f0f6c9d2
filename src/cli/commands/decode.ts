/**
 * `ads-errors decode [FILE|-] [--json] [--api-version vNN]`
 */
import { decode } from '../../decode/decode.js';
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
  const ops = operationsFor(input, version);
  if (args.flags.has('json')) {
    const out: Record<string, unknown> = toDecodeJson(err);
    if (ops) out.operations = ops.json;
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    io.stdout.write(formatDecoded(err, io.isTTY && !io.env.NO_COLOR));
    if (ops) io.stdout.write(`\n${ops.table}\n`);
  }
  return err.recognized || ops ? 0 : 1;
};

interface OperationsView {
  json: unknown;
  table: string;
}

/**
 * When the input is a mutate response with partial failure, a batch-results page or a broken
 * searchStream body, its per-operation view; null for anything else.
 */
function operationsFor(input: Buffer, version: string | undefined): OperationsView | null {
  let value: unknown = input;
  if (looksLikeJsonText(input)) {
    try {
      value = JSON.parse(input.toString('utf8'));
    } catch {
      value = input.toString('utf8');
    }
  }
  try {
    const view = detectOperationsResponse(value, version ? { apiVersion: version } : {});
    return view ? { json: toOperationsJson(view), table: formatOperationsTable(view) } : null;
  } catch {
    return null;
  }
}

function looksLikeJsonText(b: Buffer): boolean {
  const head = b.subarray(0, 256).toString('utf8').trimStart();
  return head.startsWith('{') || head.startsWith('[');
}
