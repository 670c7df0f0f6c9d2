/**
 * Command-line parsing shared by the commands: flags, options with values, positionals, and
 * reading the input a command works on.
 */
import { readFile } from 'node:fs/promises';
import { UsageError, type CliIO } from './io.js';

export interface ParsedArgs {
  readonly flags: ReadonlySet<string>;
  readonly options: ReadonlyMap<string, string>;
  readonly positional: readonly string[];
}

/**
 * Parses `--flag`, `--option value`, `--option=value` and positionals. `-` is a positional
 * (standard input); `--` ends the options. Unknown options are a UsageError naming them.
 */
export function parseArgs(argv: readonly string[], spec: { flags: readonly string[]; options: readonly string[] }): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h') {
      flags.add('help');
      continue;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (spec.flags.includes(name)) {
        if (eq > 0) throw new UsageError(`--${name} takes no value`);
        flags.add(name);
      } else if (spec.options.includes(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
        options.set(name, value);
      } else {
        throw new UsageError(`unknown option '--${name}'`);
      }
      continue;
    }
    positional.push(a);
  }
  return { flags, options, positional };
}

/** Largest input read, so a mistaken `decode /dev/zero` ends with a message, not an OOM. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * The bytes of FILE, or of standard input for `-` or no FILE. A missing file or a terminal on
 * standard input is a UsageError that says so.
 */
export async function readInput(file: string | undefined, io: CliIO): Promise<Buffer> {
  if (file === undefined || file === '-') {
    if (file === undefined && io.isStdinTTY?.()) throw new UsageError('no input: give a FILE, or pipe the failure into standard input');
    const buf = await io.readStdin();
    if (buf.length > MAX_INPUT_BYTES) throw new UsageError(`standard input is larger than ${MAX_INPUT_BYTES} bytes`);
    return buf;
  }
  try {
    const buf = await readFile(file);
    if (buf.length > MAX_INPUT_BYTES) throw new UsageError(`${file} is larger than ${MAX_INPUT_BYTES} bytes`);
    return buf;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such file: ${file}` : code === 'EISDIR' ? `${file} is a directory` : `cannot read ${file}: ${(e as Error).message}`);
  }
}
