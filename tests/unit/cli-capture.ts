// Test helper for in-process CLI runs: captures console.error lines (the CLI's one-line user errors) into an
// array that is emptied before each test, silences console.log, and restores both after each test.
import { afterEach, beforeEach, vi } from 'vitest';

/** Registers the hooks in the calling test file; read `.errors` inside tests (emptied before each). */
export function captureCliConsole(): { errors: string[] } {
  const captured = { errors: [] as string[] };
  beforeEach(() => {
    captured.errors.length = 0;
    vi.spyOn(console, 'error').mockImplementation(
      (...a: unknown[]) => void captured.errors.push(a.map(String).join(' ')),
    );
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());
  return captured;
}
