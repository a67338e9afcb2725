// CLI error type for user mistakes (bad arguments, unreadable files): printed as one line, exit code 1.
export class CliError extends Error {
  readonly userError = true;
}
