// Error type of every volume reader: one line "<file>: <problem>", flagged as a user error so the CLI
// and the app show it as-is (no stack trace). No units or frames involved.

export class VolumeReadError extends Error {
  readonly userError = true;
  readonly file: string;
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'VolumeReadError';
    this.file = file;
  }
}

/** Throws a VolumeReadError for `file` unless `cond` holds. */
export function ensure(cond: unknown, file: string, problem: string | (() => string)): asserts cond {
  if (!cond) throw new VolumeReadError(file, typeof problem === 'string' ? problem : problem());
}
