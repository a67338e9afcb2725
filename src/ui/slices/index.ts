// Public face of the slice views: the panel and the canvas registry used by the 3D slice planes.
export { SlicePanel } from './SlicePanel';
export { sliceCanvas, onSliceCanvas } from './sliceCanvases';
export { useSliceInfo } from './sliceStore';
