// The slice crosshair shown in 3D: a small sphere with three short axis bars at the crosshair point (world RAS
// mm -> three frame), drawn over the organs so it stays visible inside them.
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { useTools } from '../../ui/tools/toolStore';
import { rasToThree } from '../frames';

const COLOR = '#39e0c8';
const ARM_MM = 10;

export function Crosshair() {
  const p = useTools((s) => s.crosshair);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => invalidate(), [p, invalidate]);
  if (!p) return null;
  const bars: [number, number, number][] = [
    [ARM_MM * 2, 0.6, 0.6],
    [0.6, ARM_MM * 2, 0.6],
    [0.6, 0.6, ARM_MM * 2],
  ];
  return (
    <group name="crosshair" position={rasToThree(...p)} renderOrder={1001}>
      <mesh renderOrder={1001}>
        <sphereGeometry args={[1.8, 12, 8]} />
        <meshBasicMaterial color={COLOR} depthTest={false} transparent />
      </mesh>
      {bars.map((b, i) => (
        <mesh key={i} renderOrder={1001}>
          <boxGeometry args={b} />
          <meshBasicMaterial color={COLOR} depthTest={false} transparent opacity={0.8} />
        </mesh>
      ))}
    </group>
  );
}
