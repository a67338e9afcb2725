// Draws measurements in 3D: points as small spheres, segments as lines drawn over the organs, and an HTML
// label with the value (mm or degrees) at the segment middle / angle vertex. Input points world RAS mm,
// drawn in the three frame (frames.ts).
import { Html, Line } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { Vec3 } from '../../volume/types';
import { useTools, type Measurement } from '../../ui/tools/toolStore';
import { rasToThree } from '../frames';
import { formatMeasurement, midpoint } from './math';

const COLOR = '#ffd84a';
const PENDING = '#7fd4ff';
/** Point marker radius in mm. */
const POINT_MM = 1.6;

function Dot({ p, color }: { p: Vec3; color: string }) {
  return (
    <mesh position={rasToThree(...p)} renderOrder={1000}>
      <sphereGeometry args={[POINT_MM, 12, 8]} />
      <meshBasicMaterial color={color} depthTest={false} transparent />
    </mesh>
  );
}

function One({ m }: { m: Measurement }) {
  const pts = m.points.map((p) => rasToThree(...p));
  const at = m.kind === 'distance' ? midpoint(m.points[0]!, m.points[1]!) : m.points[1]!;
  return (
    <group name={`measurement-${m.id}`}>
      {m.points.map((p, i) => (
        <Dot key={i} p={p} color={COLOR} />
      ))}
      <Line points={pts} color={COLOR} lineWidth={3} depthTest={false} transparent renderOrder={1000} />
      <Html position={rasToThree(...at)} className="measure-label" zIndexRange={[20, 10]}>
        {formatMeasurement(m.kind, m.value)}
      </Html>
    </group>
  );
}

export function MeasureLayer() {
  const measurements = useTools((s) => s.measurements);
  const pending = useTools((s) => s.pending);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => invalidate(), [measurements, pending, invalidate]);
  return (
    <group name="measurements">
      {measurements.map((m) => (
        <One key={m.id} m={m} />
      ))}
      {pending.map((p, i) => (
        <Dot key={`p${i}`} p={p} color={PENDING} />
      ))}
      {pending.length >= 2 && (
        <Line points={pending.map((p) => rasToThree(...p))} color={PENDING} lineWidth={1.5} depthTest={false} transparent />
      )}
    </group>
  );
}
