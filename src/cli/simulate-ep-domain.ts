// `simulate ep` domain from the command line: analytic slab / cable / sheet (one voxel thick), or a label map,
// optionally with its CT: --volume <ct> --labels <map> [--label heart] builds the myocardium as the heart label
// minus the contrast blood pool (solvers/ep/myocardium.ts; the blood pool becomes the cavity for rule-based
// fibres); a label that already is myocardium (name contains "myocard") is used as it is. Label domains get the
// connectivity repair (solvers/ep/connectivity.ts). Units mm, HU; frame world RAS mm.
import { CliError } from './errors';
import type { ParsedArgs } from './args';
import { optNumber, optString } from './args';
import type { Volume } from '../volume/types';
import type { EpGrid } from '../solvers/ep';
import { CONTRAST_MIN_OTSU_HU } from '../volume/segment';


export interface DomainInfo {
  grid: EpGrid;
  kind: 'slab' | 'cable' | 'sheet' | 'labels';
  /** What the label pipeline did (myocardium split, connectivity), for summary.json. */
  report?: Record<string, unknown>;
}

function dims(spec: string, n: number, domain: string): number[] {
  const d = spec.split('x').map(Number);
  if (d.length !== n || d.some((x) => !(x > 0) || !Number.isFinite(x)))
    throw new CliError(`--domain needs ${n === 3 ? 'LXxLYxLZ' : 'LXxLY'} in mm, got '${domain}'`);
  return d;
}

export async function buildDomain(p: ParsedArgs, dx: number): Promise<DomainInfo> {
  const ep = await import('../solvers/ep');
  const domain = optString(p, 'domain');
  const volumePath = optString(p, 'volume');
  const labelsPath = optString(p, 'labels');
  if (domain && (volumePath || labelsPath))
    throw new CliError('give either --domain or --volume/--labels, not both');
  if (domain) {
    const [kind, size] = domain.split(':');
    if (kind === 'slab') {
      const d = dims(size ?? '', 3, domain);
      return { grid: ep.slabDomain(d[0]!, d[1]!, d[2]!, dx), kind };
    }
    if (kind === 'sheet') {
      const d = dims(size ?? '', 2, domain);
      return { grid: ep.sheetDomain(d[0]!, d[1]!, dx), kind };
    }
    if (kind === 'cable') {
      const L = Number(size);
      if (!(L > 0)) throw new CliError(`--domain cable needs a length in mm, got '${domain}'`);
      return { grid: ep.cableDomain(L, dx), kind };
    }
    throw new CliError(`--domain must be slab:LXxLYxLZ, sheet:LXxLY or cable:L, got '${domain}'`);
  }
  if (!labelsPath)
    throw new CliError(
      volumePath
        ? '--volume needs --labels <map> (the heart label map, on any grid in the same world space)'
        : 'give --domain slab:..|sheet:..|cable:.. or --volume <ct> --labels <map>',
    );
  const { readVolumeFromPath } = await import('../volume/io/node');
  const ct = volumePath ? await readVolumeFromPath(volumePath) : undefined; // first: a bad --volume fails fast
  const labels = await readVolumeFromPath(labelsPath, { kind: 'label' });
  const name = optString(p, 'label') ?? 'heart';
  const value = labelValue(labels, name, labelsPath);
  const byName = (n: string) => labels.labels?.find((l) => l.name === n)?.value;
  const report: Record<string, unknown> = { labels: labelsPath, label: name, labelValue: value };
  let domainLabels: Volume = labels;
  let tissue = [value];
  let cavities = ['lv_blood', 'rv_blood', 'heart_blood_pool', 'blood_pool']
    .map(byName)
    .filter((v): v is number => v !== undefined);
  const alreadyMyocardium = /myocard/i.test(labels.labels?.find((l) => l.value === value)?.name ?? name);
  if (ct && !alreadyMyocardium) {
    if (ct.units !== 'HU')
      throw new CliError(`--volume ${volumePath}: expected a CT in HU, got ${ct.modality} (${ct.units})`);
    const threshold = optNumber(p, 'blood-hu', -1000, 3000);
    const m = ep.myocardiumFromCt(ct, labels, [value], { thresholdHu: threshold });
    if (threshold === undefined && m.report.thresholdHu < CONTRAST_MIN_OTSU_HU)
      throw new CliError(
        `--volume ${volumePath}: no contrast-filled blood pool inside '${name}' (Otsu threshold ${m.report.thresholdHu} HU < ${CONTRAST_MIN_OTSU_HU} HU); ` +
          'give a myocardium label, or --blood-hu <HU>',
      );
    domainLabels = m.labels;
    tissue = [ep.MYOCARDIUM_VALUE];
    cavities = [ep.BLOOD_POOL_VALUE];
    report.volume = volumePath;
    report.myocardium = m.report;
  } else if (ct)
    report.note = `--label '${name}' is already myocardium: the CT's blood pool is not subtracted`;
  let connectivity: unknown;
  const grid = ep.epDomainFromLabels(domainLabels, tissue, dx, {
    cavityValues: cavities,
    repairConnectivity: true,
    onConnectivity: (r) => (connectivity = r),
  });
  report.connectivity = connectivity;
  report.fibres = cavities.length > 0 ? 'rule-based' : 'uniform';
  return { grid, kind: 'labels', report };
}

/** Label value by name, else a number, else the only non-zero value of a binary map (e.g. heart.nii.gz). */
function labelValue(labels: Volume, name: string, path: string): number {
  const named = labels.labels?.find((l) => l.name === name)?.value;
  if (named !== undefined) return named;
  if (name.trim() !== '' && Number.isFinite(Number(name))) return Number(name);
  const present = new Set<number>();
  for (let i = 0; i < labels.data.length && present.size < 3; i++)
    if (labels.data[i] !== 0) present.add(labels.data[i]!);
  if (present.size === 1 && !labels.labels?.length) return [...present][0]!;
  const names = labels.labels?.map((l) => l.name).join(', ');
  throw new CliError(`label '${name}' not found in ${path}${names ? ` (it has: ${names})` : ''}`);
}
