/**
 * The exit codes of the tiegraph command, documented in docs/cli.md. Scripts
 * rely on them: 1 means "fix your data", 2 means "fix your command line".
 */

/** Exit codes of `tiegraph`. */
export const EXIT = {
  /** The command did what was asked. */
  ok: 0,
  /** Bad input: a file or a value in it is wrong; the message names the file and line. */
  badInput: 1,
  /** Bad usage: unknown command or option, missing or malformed argument. */
  usage: 2,
  /** A bug in tiegraph (an unexpected exception); the message asks for a report. */
  internal: 3,
} as const;

/** One of the {@link EXIT} codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
