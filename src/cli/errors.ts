// CLI error classification. CliError = a user mistake (bad arguments, unreadable files): printed as one line,
// exit code 1. userErrorMessage() also recognises, as user errors, errors the core throws on input it cannot
// take: anything marked `userError` (e.g. the memory-budget errors of volumes and EP grids), file-system
// errors (EACCES, ENOENT, ENOTDIR, ...) on a path the user gave on the command line (or inside it, e.g. a file
// in --out), and the solvers' size limits ("too large; use a larger element size"). Everything else is an
// internal error (exit 3). No units.
import { resolve, sep } from 'node:path';

export class CliError extends Error {
  readonly userError = true;
}

/** File-system error codes caused by the user's paths, and how to say them. */
const FS_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'is a directory',
  EROFS: 'read-only file system',
  EEXIST: 'already exists and is not a directory',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'file name too long',
  ELOOP: 'too many symbolic links',
};

const FS_VERBS: Record<string, string> = {
  mkdir: 'create directory',
  open: 'open',
  write: 'write',
  read: 'read',
  scandir: 'list',
  stat: 'find',
  lstat: 'find',
  rename: 'rename',
  unlink: 'remove',
  copyfile: 'copy to',
};

/** Size limits the solvers throw as plain Errors about the user's chosen resolution (they name the fix). */
const SIZE_LIMITS: RegExp[] = [
  /^mechanics: grid \S+ is too large; use a larger element size/,
  /^mechanics: mesh too large for float32 index tables/,
  /^EP( domain)?: .* too (large|many); use a larger dx/,
];

interface FsError {
  code?: unknown;
  syscall?: unknown;
  path?: unknown;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!;
}

/** The argv entry (and its option name) that `path` is, or lies inside, or is a parent directory of. */
function userPathFor(path: string, argv: readonly string[]): { arg: string; option?: string } | undefined {
  const p = resolve(path);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a.startsWith('--') && a.includes('=') ? a.slice(a.indexOf('=') + 1) : a;
    if (!value || (a.startsWith('--') && !a.includes('='))) continue;
    const r = resolve(value);
    if (p === r || p.startsWith(r + sep) || r.startsWith(p + sep)) {
      const prev = argv[i - 1];
      const option = a.startsWith('--')
        ? a.slice(0, a.indexOf('='))
        : prev?.startsWith('--')
          ? prev
          : undefined;
      return { arg: value, option };
    }
  }
  return undefined;
}

/** One-line message when `err` is a user error (see the header), undefined for an internal error. */
export function userErrorMessage(err: unknown, argv: readonly string[]): string | undefined {
  const msg = err instanceof Error ? err.message : String(err);
  if (err instanceof CliError || (err as { userError?: boolean } | null)?.userError) return firstLine(msg);
  const fs = (err ?? {}) as FsError;
  if (typeof fs.code === 'string' && fs.code in FS_REASONS && typeof fs.path === 'string') {
    const on = userPathFor(fs.path, argv);
    if (on) {
      const verb = FS_VERBS[String(fs.syscall)] ?? 'access';
      const where = on.option ? ` (${on.option} ${on.arg})` : '';
      return `cannot ${verb} ${fs.path}: ${FS_REASONS[fs.code]}${where}`;
    }
  }
  if (SIZE_LIMITS.some((re) => re.test(msg))) return firstLine(msg);
  return undefined;
}
