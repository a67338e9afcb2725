// CLI error classification (src/cli/errors.ts): which errors are the user's (one line, exit 1) and which are
// internal (exit 3). File-system errors count as the user's only on a path given on the command line (or inside
// or above it); the solvers' size limits and anything marked userError (memory budgets) are the user's.
import { describe, expect, it } from 'vitest';
import { CliError, userErrorMessage } from '../../../src/cli/errors';
import { BudgetError } from '../../../src/volume/budget';

function fsError(code: string, syscall: string, path: string): Error {
  return Object.assign(new Error(`${code}: some text, ${syscall} '${path}'`), { code, syscall, path });
}

describe('userErrorMessage', () => {
  const argv = ['reconstruct', 'ct.nii.gz', '--out', '/data/results'];

  it('an unwritable --out names the path, the reason and the option', () => {
    expect(userErrorMessage(fsError('EACCES', 'mkdir', '/data/results'), argv)).toBe(
      'cannot create directory /data/results: permission denied (--out /data/results)',
    );
    expect(userErrorMessage(fsError('EROFS', 'open', '/data/results/summary.json'), argv)).toBe(
      'cannot open /data/results/summary.json: read-only file system (--out /data/results)',
    );
    // mkdir -p failing on a parent of --out
    expect(userErrorMessage(fsError('EACCES', 'mkdir', '/data'), argv)).toMatch(
      /^cannot create directory \/data: permission denied/,
    );
    expect(userErrorMessage(fsError('ENOTDIR', 'mkdir', '/x/f/out'), ['--out=/x/f/out'])).toBe(
      'cannot create directory /x/f/out: a part of the path is a file, not a directory (--out /x/f/out)',
    );
  });

  it('a positional input path counts too; a path the user never gave is an internal error', () => {
    expect(userErrorMessage(fsError('ENOENT', 'open', 'ct.nii.gz'), argv)).toBe(
      'cannot open ct.nii.gz: no such file or directory',
    );
    expect(
      userErrorMessage(fsError('ENOENT', 'open', '/usr/lib/organ-twin/table.json'), argv),
    ).toBeUndefined();
    expect(userErrorMessage(fsError('EBADF', 'write', '/data/results/a'), argv)).toBeUndefined();
  });

  it('CliError, budget errors and solver size limits are user errors (first line only); bugs are not', () => {
    expect(userErrorMessage(new CliError('bad option\nmore'), argv)).toBe('bad option');
    expect(userErrorMessage(new BudgetError('EP grid', 'EP: too big'), argv)).toBe('EP: too big');
    expect(
      userErrorMessage(
        new Error('mechanics: grid 20000×20000×20000 is too large; use a larger element size'),
        argv,
      ),
    ).toMatch(/^mechanics: grid/);
    expect(
      userErrorMessage(new RangeError('Invalid typed array length: 125075015001'), argv),
    ).toBeUndefined();
    expect(
      userErrorMessage(new TypeError("Cannot read properties of undefined (reading 'x')"), argv),
    ).toBeUndefined();
  });
});
