// Public face of label-map helpers: label tables, TotalSegmentator schemes, organ classes, value counts.
export { parseLabelTable } from './table';
export { knownLabelScheme } from './schemes';
export { classifyLabel, classColor, type OrganClass } from './classify';
export { labelValues, labelVolumeMl } from './values';
