/**
 * A command line that cannot be run as given (a missing option, options that
 * exclude each other): exit code 2, unlike bad data, which is a
 * TiegraphError and exit code 1.
 */

/**
 * Thrown by a command when its arguments, not its input files, are wrong.
 *
 * @example throw new UsageError("intro", "--to: no person with id \"zz\" in net.json");
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** The command, e.g. `intro`, to point at its `--help`. */
  readonly command: string;

  constructor(command: string, message: string) {
    super(message);
    this.command = command;
  }
}
