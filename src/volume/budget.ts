// Memory budget for volumes: every reader checks the bytes a volume will need BEFORE allocating, and
// fails with a message that says what to change. Units: bytes (reported as MB/GB, 2^20 / 2^30).

/** App-wide default budget for one volume's voxel data: 1.5 GiB. Callers may pass their own. */
export const DEFAULT_BUDGET_BYTES = 1.5 * 2 ** 30;

/** Human-readable size: "1.9 GB", "256 MB", "12 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GB`;
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(0)} MB`;
  return `${Math.ceil(bytes / 2 ** 10)} KB`;
}

/** Error thrown by checkBudget; `userError` so the CLI prints one line. */
export class BudgetError extends Error {
  readonly userError = true;
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'BudgetError';
  }
}

/**
 * Throws when `bytes` exceed the budget. `what` describes the allocation (e.g. "volume 1024x1024x900 int16").
 * Message: "ct.nii.gz: volume 1024x1024x900 int16 needs 1.9 GB, over the 1.5 GB budget — crop or downsample
 * it (e.g. resample to 1.0 mm) or raise the budget".
 */
export function checkBudget(
  bytes: number,
  what: string,
  fileName: string,
  budget = DEFAULT_BUDGET_BYTES,
): void {
  if (!Number.isFinite(bytes) || bytes > budget) {
    const size = Number.isFinite(bytes) ? formatBytes(bytes) : 'an unbounded amount of memory';
    throw new BudgetError(
      fileName,
      `${fileName}: ${what} needs ${size}, over the ${formatBytes(budget)} budget — crop or downsample it ` +
        `(e.g. resample to 1.0 mm) or raise the budget`,
    );
  }
}
