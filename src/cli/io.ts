/** What a CLI command gets to talk to the world: its streams and environment, injectable for tests. */
export interface CliIO {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  /** Reads all of standard input. */
  readonly readStdin: () => Promise<Buffer>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colours, widths). */
  readonly isTTY: boolean;
  /** Whether standard input is a terminal (nothing piped in). */
  readonly isStdinTTY?: () => boolean;
}

/** A CLI command: takes its own arguments (after the command name), returns the exit code. */
export type Command = (argv: readonly string[], io: CliIO) => Promise<number>;

/** Thrown for a bad command line; main() prints it with the usage and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    isStdinTTY: () => Boolean(process.stdin.isTTY),
  };
}
