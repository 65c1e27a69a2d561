/** What a CLI command sees of the outside world; tests pass their own. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

export interface CliCommand {
  name: string;
  /** One line for `shelfcast --help`. */
  summary: string;
  /** Usage text, e.g. "shelfcast info --workspace <file>". */
  usage: string;
  /** Returns the exit code: 0 success, 2 bad arguments or a file-level error, 1 internal failure. */
  run(argv: string[], io: CliIO): Promise<number>;
}

/**
 * A problem with the user's arguments or files. The CLI prints its message as one line
 * on stderr and exits with code 2.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
