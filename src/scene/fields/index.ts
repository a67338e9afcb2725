// Public face of field rendering in the scene: colormaps, the GPU field material, the per-organ hook, the
// playback clock and the hover read-out provider. Units: field units (mV, ms, kPa, MPa, mm); frames per frames.ts.
export { COLORMAP_NAMES, colormapCss, colormapLut, defaultColormap, sampleColormap, type ColormapName } from './colormaps';
export { createFieldMaterial, lutTexture, type FieldMaterial } from './fieldMaterial';
export { useOrganField } from './useOrganField';
export { fieldCommands, requestFieldRedraw } from './commands';
export { fieldPickActive, handleFieldPick } from './pick';
export { FieldMarkers } from './FieldMarkers';
export { fieldHoverValue } from './hoverValue';
