// 3D markers for the field tools (world RAS mm → three frame via frames.ts): the EP stimulus site (yellow ball),
// the ablation line being drawn (white polyline with dots), pinned probes (their plot colours), and the stress
// loaded (orange) / fixed (blue) spheres at their picked radius. Not pickable (raycast disabled).
import { Line } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { useFields } from '../../app/fieldStore';
import type { Vec3 } from '../../volume/types';
import { rasToThree } from '../frames';

const noRaycast = () => null;

function Ball({ ras, r, color, opacity = 1 }: { ras: Vec3; r: number; color: string; opacity?: number }) {
  return (
    <mesh position={rasToThree(...ras)} raycast={noRaycast} renderOrder={3}>
      <sphereGeometry args={[r, 20, 14]} />
      <meshBasicMaterial color={color} transparent={opacity < 1} opacity={opacity} depthTest={opacity === 1} depthWrite={false} />
    </mesh>
  );
}

export function FieldMarkers() {
  const { stimulus, lesion, probes, load, fixed } = useFields();
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => invalidate(), [stimulus, lesion, probes, load, fixed, invalidate]);
  return (
    <group name="field-markers">
      {stimulus && <Ball ras={stimulus} r={3} color="#ffe14d" />}
      {lesion.map((p, i) => (
        <Ball key={i} ras={p} r={1.5} color="#ffffff" />
      ))}
      {lesion.length > 1 && <Line points={lesion.map((p) => rasToThree(...p))} color="#ffffff" lineWidth={3} depthTest={false} />}
      {probes.map((p) => (
        <Ball key={p.id} ras={p.ras} r={2} color={p.color} />
      ))}
      {load && <Ball ras={load.ras} r={load.radiusMm} color="#ff9f1c" opacity={0.35} />}
      {fixed && <Ball ras={fixed.ras} r={fixed.radiusMm} color="#3a86ff" opacity={0.35} />}
    </group>
  );
}
