// Public face of label-map helpers: label tables, known schemes (TotalSegmentator, VerSe), label-name
// guessing, organ classes, value counts and centroids.
export { parseLabelTable } from './table';
export {
  knownLabelScheme,
  verseVertebraName,
  VERSE_SUBREGIONS,
  SCHEME_NAMES,
  type SchemeName,
} from './schemes';
export { guessLabelNames, fileStem, type LabelGuess, type LabelGuessHints, type LabelNaming } from './guess';
export { classifyLabel, classColor, type OrganClass } from './classify';
export { labelValues, labelVolumeMl, labelCentroidsMm } from './values';
