// Everything the anatomy tools add to the 3D scene, mounted once inside the Canvas: clipping (renderer flag +
// capped cross-sections), measurement picking and drawing, the slice crosshair, slice planes and teaching labels.
import { ClippingRoot } from '../clipping/ClippingRoot';
import { ClipCaps } from '../clipping/ClipCaps';
import { PointerTools } from '../measure/PointerTools';
import { MeasureLayer } from '../measure/MeasureLayer';
import { Crosshair } from './Crosshair';
import { AnatomyLabels } from './AnatomyLabels';
import { SlicePlanes } from './SlicePlanes';

export function AnatomyLayer() {
  return (
    <>
      <ClippingRoot />
      <ClipCaps />
      <PointerTools />
      <MeasureLayer />
      <Crosshair />
      <SlicePlanes />
      <AnatomyLabels />
    </>
  );
}
