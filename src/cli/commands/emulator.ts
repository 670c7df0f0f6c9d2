/**
 * `ads-errors emulator [--grpc-port N] [--http-port N] [--host H] [--scenario FILE] [--seed N] [--log]`
 */
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { UsageError, type CliIO, type Command } from '../io.js';
import { parseArgs } from '../args.js';

const HELP = `Usage: ads-errors emulator [--grpc-port N] [--http-port N] [--host H]
                           [--scenario FILE] [--seed N] [--log] [--ca-out FILE]
                           [--no-grpc] [--no-http]

Runs a local Google Ads API (gRPC and REST) that answers like the real one, errors
included, and fails on demand. Port 0 picks a free port. The addresses are printed as
soon as the servers listen; it runs until interrupted (Ctrl-C, SIGTERM).

  --grpc-port N   gRPC port (default 0)
  --http-port N   REST port, also serving POST /token (default 0)
  --host H        interface to listen on (default 127.0.0.1)
  --scenario FILE JSON: {"seed": 7, "faults": [{"method": "Search", "fault": "fail-times=2:unavailable"}]}
  --seed N        seed of request ids and chance= faults (default: the scenario's, else 1)
  --log           print every answered request as one JSON line
  --ca-out FILE   write the CA of the proxy's test certificate to FILE
  --no-grpc       serve REST only
  --no-http       serve gRPC only

Clients without an endpoint option (google-ads-api, other languages) can use the REST
port as an HTTPS proxy: https_proxy=http://127.0.0.1:PORT, and trust the --ca-out file
in that process only (Node: NODE_EXTRA_CA_CERTS and GRPC_DEFAULT_SSL_ROOTS_FILE_PATH).
Only Google's API and OAuth host names are answered; anything else is refused.

Faults per request: header (or gRPC metadata) x-emulator-fault, e.g.
  unavailable | deadline;delay=2s | internal | rate-limit;delay=3s | quota-exhausted
  fail-times=2:unavailable | mid-stream=5 | slow=300 | error=databaseError.CONCURRENT_MODIFICATION
`;

function port(value: string | undefined, name: string): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--${name} must be a port number (0 picks a free one), got '${value}'`);
  return n;
}

/**
 * Runs the emulator until `stop` resolves, printing its addresses first. Exposed for tests,
 * which stop it without signals.
 */
export async function runEmulator(argv: readonly string[], io: CliIO, stop: Promise<unknown>): Promise<number> {
  const args = parseArgs(argv, { flags: ['help', 'log', 'no-grpc', 'no-http'], options: ['grpc-port', 'http-port', 'host', 'scenario', 'seed', 'ca-out'] });
  if (args.flags.has('help')) {
    io.stdout.write(HELP);
    return 0;
  }
  if (args.positional.length) throw new UsageError(`unexpected argument '${args.positional[0]}'`);
  const seedText = args.options.get('seed');
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got '${seedText}'`);
  if (args.flags.has('no-grpc') && args.flags.has('no-http')) throw new UsageError('--no-grpc and --no-http together leave nothing to serve');
  // Loaded here so that other commands never load grpc-js.
  const { startEmulator } = await import('../../emulator/index.js');
  const scenario = args.options.get('scenario');
  const host = args.options.get('host');
  const emu = await startEmulator({
    grpcPort: args.flags.has('no-grpc') ? null : port(args.options.get('grpc-port'), 'grpc-port'),
    httpPort: args.flags.has('no-http') ? null : port(args.options.get('http-port'), 'http-port'),
    ...(host ? { host } : {}),
    ...(scenario ? { scenario } : {}),
    ...(seed !== undefined ? { seed } : {}),
  });
  const lines = [`ads-errors emulator: Google Ads API ${emu.apiVersion}, seed ${emu.seed}`];
  if (emu.grpcAddress) lines.push(`  gRPC   ${emu.grpcAddress}`);
  if (emu.httpUrl) lines.push(`  REST   ${emu.httpUrl}/${emu.apiVersion}`, `  OAuth  ${emu.httpUrl}/token`, `  log    ${emu.httpUrl}/emulator/log`, `  proxy  ${emu.proxyUrl}`);
  const caOut = args.options.get('ca-out');
  if (caOut) {
    try {
      await writeFile(caOut, emu.caCertificate);
    } catch (e) {
      await emu.close();
      throw new UsageError(`cannot write ${caOut}: ${e instanceof Error ? e.message : String(e)}`);
    }
    lines.push(`  CA     ${caOut} (trust it in test processes only)`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  const stopLog = args.flags.has('log') ? emu.log.onEntry((e) => io.stdout.write(`${JSON.stringify(e)}\n`)) : () => {};
  await stop;
  stopLog();
  await emu.close();
  io.stderr.write(`ads-errors emulator: stopped after ${emu.log.entries.length + emu.log.droppedCount} requests\n`);
  return 0;
}

/** The `emulator` command: runs until SIGINT or SIGTERM. */
export const emulatorCommand: Command = (argv, io) =>
  runEmulator(argv, io, Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]));
