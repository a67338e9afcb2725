// organ-twin command-line entry: dispatches to subcommands. Each subcommand lives in its own file and
// returns an exit code. User errors (bad arguments, bad files, unwritable output paths, grids over the memory
// budget; see errors.ts) print one line to stderr and exit 1; internal bugs print one 'internal error' line and
// exit 3 (stack traces only with ORGAN_TWIN_DEBUG=1).
import { userErrorMessage } from './errors';

const USAGE = `usage: organ-twin <command> [options]
commands:
  reconstruct <volume> [--labels <map>]... --out <dir>     organ surface meshes from a CT/MRI volume
  simulate ep ...  --out <dir>                             cardiac electrophysiology (monodomain)
  simulate stress ... --out <dir>                          linear-elastic stress
  phantom [--voxel <mm>] --out <dir>                       write the procedural phantom as NIfTI
run 'organ-twin <command> --help' for the options of one command`;

type Command = (args: string[]) => Promise<number>;

async function loadCommand(argv: string[]): Promise<{ run: Command; rest: string[] } | undefined> {
  const [cmd, sub, ...rest] = argv;
  if (cmd === 'reconstruct') return { run: (await import('./reconstruct')).runReconstruct, rest: argv.slice(1) };
  if (cmd === 'phantom') return { run: (await import('./phantom')).runPhantom, rest: argv.slice(1) };
  if (cmd === 'simulate' && sub === 'ep') return { run: (await import('./simulate-ep')).runSimulateEp, rest };
  if (cmd === 'simulate' && sub === 'stress')
    return { run: (await import('./simulate-stress')).runSimulateStress, rest };
  return undefined;
}

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    console.log(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  try {
    const found = await loadCommand(argv);
    if (!found) {
      console.error(`organ-twin: unknown command '${argv.slice(0, 2).join(' ')}' (try --help)`);
      return 2;
    }
    return await found.run(found.rest);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const user = userErrorMessage(err, argv);
    if (user !== undefined) {
      console.error(`organ-twin: ${user}`);
      if (process.env.ORGAN_TWIN_DEBUG) console.error(err);
      return 1;
    }
    console.error(`organ-twin: internal error: ${msg.split('\n')[0]}`);
    if (process.env.ORGAN_TWIN_DEBUG) console.error(err);
    return 3;
  }
}
