// Tiny argument parser shared by CLI subcommands: `--key value`, `--flag`, repeated keys, positionals.
// Unknown options are errors (one line), so typos never silently change a simulation.
import { CliError } from './errors';

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string[]>;
}

/** Parse argv; `known` maps option name to whether it takes a value. */
export function parseArgs(argv: string[], known: Record<string, boolean>): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (!(name in known)) throw new CliError(`unknown option --${name}`);
    let value = 'true';
    if (known[name]) {
      if (eq > 0) value = a.slice(eq + 1);
      else {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--')) throw new CliError(`option --${name} needs a value`);
        value = next;
        i++;
      }
    }
    const list = options.get(name) ?? [];
    list.push(value);
    options.set(name, list);
  }
  return { positionals, options };
}

export function optString(p: ParsedArgs, name: string): string | undefined {
  const v = p.options.get(name);
  return v ? v[v.length - 1] : undefined;
}

export function requireString(p: ParsedArgs, name: string): string {
  const v = optString(p, name);
  if (v === undefined) throw new CliError(`missing required option --${name}`);
  return v;
}

/** A finite number option within [min, max]. */
export function optNumber(p: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const s = optString(p, name);
  if (s === undefined) return undefined;
  const v = Number(s);
  if (!Number.isFinite(v)) throw new CliError(`--${name} must be a number, got '${s}'`);
  if (v < min || v > max) throw new CliError(`--${name} must be between ${min} and ${max}, got ${v}`);
  return v;
}
