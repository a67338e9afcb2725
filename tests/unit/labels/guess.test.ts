// guessLabelNames on the REAL label maps in ../shared/data (their value sets, file names and centroids),
// plus the organ class of every guessed name (heart / lung / vertebra recognition). No tolerances: names.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readVolumeFromPath } from '../../../src/volume/io/node';
import {
  classifyLabel,
  guessLabelNames,
  labelCentroidsMm,
  labelValues,
  type LabelGuess,
} from '../../../src/volume/labels';

const DATA = '../shared/data';

async function guessFor(rel: string, modality: string, withCentroids = true): Promise<LabelGuess> {
  const v = await readVolumeFromPath(`${DATA}/${rel}`, { kind: 'label' });
  const values = labelValues(v).map((x) => x.value);
  return guessLabelNames(rel, values, modality, withCentroids ? { centroidsMm: labelCentroidsMm(v) } : {});
}
const names = (g: LabelGuess) => g.names.map((l) => l.name);
const classes = (g: LabelGuess) => g.names.map((l) => classifyLabel(l.name));

describe.skipIf(!existsSync(DATA))('guessLabelNames on the real label maps', () => {
  it('chest CTA single-structure masks are named after their files', async () => {
    const t12 = await guessFor('chest-cta/vertebrae_T12.nii.gz', 'CT');
    expect(t12).toMatchObject({ scheme: 'file-name', names: [{ value: 1, name: 'vertebrae_T12' }] });
    expect(classes(t12)).toEqual(['vertebra']);
    const heart = await guessFor('chest-cta/heart.nii.gz', 'CT');
    expect(names(heart)).toEqual(['heart']);
    expect(classes(heart)).toEqual(['heart']);
    const aorta = await guessFor('chest-cta/aorta.nii.gz', 'CT');
    expect(names(aorta)).toEqual(['aorta']);
    expect(classes(aorta)).toEqual(['vessel']);
  });

  it('lumbar seg-vert 21/22/23 are VerSe L2/L3/L4, by file name and by the stacked centroids alone', async () => {
    const byName = await guessFor('lumbar-ct/seg-vert.nii.gz', 'CT', false);
    expect(byName.scheme).toBe('verse');
    expect(names(byName)).toEqual(['L2', 'L3', 'L4']);
    expect(classes(byName)).toEqual(['vertebra', 'vertebra', 'vertebra']);
    // Same values under a neutral file name: the centroids (one column, 24-29 mm apart) decide.
    const v = await readVolumeFromPath(`${DATA}/lumbar-ct/seg-vert.nii.gz`, { kind: 'label' });
    const neutral = guessLabelNames('labels.nii.gz', [21, 22, 23], 'CT', {
      centroidsMm: labelCentroidsMm(v),
    });
    expect(neutral.scheme).toBe('verse');
    expect(names(neutral)).toEqual(['L2', 'L3', 'L4']);
    // Without centroids or a name hint the values alone are TotalSegmentator ids (the old behaviour).
    expect(names(guessLabelNames('labels.nii.gz', [21, 22, 23], 'CT'))).toEqual([
      'urinary_bladder',
      'prostate',
      'kidney_cyst_left',
    ]);
  });

  it('lumbar seg-subreg 41..50 get the VerSe sub-region names, all vertebra parts', async () => {
    const g = await guessFor('lumbar-ct/seg-subreg.nii.gz', 'CT');
    expect(g.scheme).toBe('verse_subregions');
    expect(names(g)).toEqual([
      'arcus_vertebrae',
      'spinous_process',
      'costal_process_left',
      'costal_process_right',
      'superior_articular_process_left',
      'superior_articular_process_right',
      'inferior_articular_process_left',
      'inferior_articular_process_right',
      'vertebral_body_rim',
      'vertebral_body',
    ]);
    expect(new Set(classes(g))).toEqual(new Set(['vertebra']));
    // Under a neutral name the sub-regions' centroids (within one vertebra's height) still decide.
    const v = await readVolumeFromPath(`${DATA}/lumbar-ct/seg-subreg.nii.gz`, { kind: 'label' });
    const values = labelValues(v).map((x) => x.value);
    const neutral = guessLabelNames('x.nii.gz', values, 'CT', { centroidsMm: labelCentroidsMm(v) });
    expect(neutral.scheme).toBe('verse_subregions');
  });

  it('abdomen MR seg uses TotalSegmentator total_mr ids', async () => {
    const g = await guessFor('abdomen-mr/seg.nii.gz', 'MR');
    expect(g.scheme).toBe('total_mr');
    const byValue = new Map(g.names.map((l) => [l.value, l.name]));
    expect(byValue.get(1)).toBe('spleen');
    expect(byValue.get(5)).toBe('liver');
    expect(byValue.get(11)).toBe('lung_right');
    expect(byValue.get(19)).toBe('vertebrae');
    expect(byValue.get(20)).toBe('intervertebral_discs');
    expect(byValue.get(23)).toBe('aorta');
    expect(classifyLabel(byValue.get(19)!)).toBe('vertebra');
    expect(classifyLabel(byValue.get(11)!)).toBe('lung');
    expect(classifyLabel(byValue.get(20)!)).toBe('other');
    // Its organs with ids in the VerSe range (1..25) do not stack into a column: not read as vertebrae.
    const v = await readVolumeFromPath(`${DATA}/abdomen-mr/seg.nii.gz`, { kind: 'label' });
    const low = labelValues(v)
      .map((x) => x.value)
      .filter((x) => x <= 28);
    const asCt = guessLabelNames('labels.nii.gz', low, 'CT', { centroidsMm: labelCentroidsMm(v) });
    expect(asCt.scheme).toBe('total');
  });

  it('an explicit table always wins; uncovered values fall back to the guess', async () => {
    const table = [{ value: 22, name: 'my_L3' }];
    const g = guessLabelNames('seg-vert.nii.gz', [21, 22, 23], 'CT', { table });
    expect(names(g)).toEqual(['L2', 'my_L3', 'L4']);
    const all = guessLabelNames('vertebrae_T12.nii.gz', [1], 'CT', { table: [{ value: 1, name: 'T12' }] });
    expect(all).toMatchObject({ scheme: 'table', names: [{ value: 1, name: 'T12' }] });
    const emb = guessLabelNames('seg.nrrd', [1, 2], 'CT', { embedded: [{ value: 1, name: 'heart' }] });
    expect(names(emb)).toEqual(['heart', 'kidney_right']);
  });
});
