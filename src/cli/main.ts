/**
 * `ads-errors` command line: decode | explain | codes | emulator.
 */
import { processIO, UsageError, type CliIO, type Command } from './io.js';

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  decode: {
    summary: 'decode [FILE|-] [--json]            decode a failure (any form) into one AdsError',
    load: async () => (await import('./commands/decode.js')).decodeCommand,
  },
  explain: {
    summary: 'explain [FILE|-|CODE] [--lang L] [--json]  explain each error: cause, fix, prevention',
    load: async () => (await import('./commands/explain.js')).explainCommand,
  },
  codes: {
    summary: 'codes [QUERY] [--version vNN] [--json]    list and search the error codes',
    load: async () => (await import('./commands/codes.js')).codesCommand,
  },
  web: {
    summary: 'web [--port N]                        serve the web explainer page',
    load: async () => (await import('./commands/web.js')).webCommand,
  },
  emulator: {
    summary: 'emulator [--grpc-port N] [--http-port N] [--scenario FILE] ...  run the local Google Ads API emulator',
    load: async () => (await import('./commands/emulator.js')).emulatorCommand,
  },
};

export function usage(): string {
  return [
    'Usage: ads-errors <command> [options]',
    '',
    'Commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.summary}`),
    '',
    'Run `ads-errors <command> --help` for a command\'s options.',
    '',
  ].join('\n');
}

/** Runs the CLI with these arguments (without `node` and the script). Returns the exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write('ads-errors 0.1.0\n');
    return 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.stderr.write(`ads-errors: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    return await (await cmd.load())(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`ads-errors ${name}: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(`ads-errors ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
