// Public face of the slice views: the panel, the canvas registry and display settings used by the 3D slice planes.
export { SlicePanel } from './SlicePanel';
export { sliceCanvas, onSliceCanvas } from './sliceCanvases';
export { useSliceInfo } from './sliceStore';
export { useSliceView } from './sliceViewStore';
