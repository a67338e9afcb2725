// Orientation gizmo with all six patient directions labelled (drei's GizmoViewport labels only the positive
// axes): three frame per frames.ts, so +X = L / −X = R, +Y = S / −Y = I, +Z = A / −Z = P. Positive ends are
// filled discs, negative ends darker discs, each with its letter; clicking one turns the camera to look from
// that side. Goes inside drei's <GizmoHelper>. Textures are made once and disposed on unmount.
import { useGizmoContext } from '@react-three/drei';
import { useThree, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { CanvasTexture, SRGBColorSpace, type Vector3 } from 'three';

interface Head {
  label: string;
  pos: [number, number, number];
  color: string;
  negative: boolean;
}

const AXES: { pos: [string, string]; color: string; dir: [number, number, number] }[] = [
  { pos: ['L', 'R'], color: '#e05555', dir: [1, 0, 0] },
  { pos: ['S', 'I'], color: '#55c060', dir: [0, 1, 0] },
  { pos: ['A', 'P'], color: '#5588ee', dir: [0, 0, 1] },
];

const HEADS: Head[] = AXES.flatMap((a) => [
  { label: a.pos[0], pos: a.dir, color: a.color, negative: false },
  { label: a.pos[1], pos: a.dir.map((d) => -d) as [number, number, number], color: a.color, negative: true },
]);

function headTexture(h: Head): CanvasTexture {
  const c = document.createElement('canvas');
  c.width = c.height = 64;
  const g = c.getContext('2d')!;
  g.beginPath();
  g.arc(32, 32, 26, 0, 2 * Math.PI);
  g.fillStyle = h.negative ? '#1b2230' : h.color;
  g.fill();
  g.lineWidth = 5;
  g.strokeStyle = h.color;
  g.stroke();
  g.font = "bold 30px 'Liberation Sans', Arial, sans-serif";
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillStyle = h.negative ? h.color : '#ffffff';
  g.fillText(h.label, 32, 34);
  const t = new CanvasTexture(c);
  t.colorSpace = SRGBColorSpace;
  return t;
}

export function OrientationGizmo() {
  const { tweenCamera } = useGizmoContext();
  const invalidate = useThree((s) => s.invalidate);
  const textures = useMemo(() => HEADS.map(headTexture), []);
  useEffect(() => () => textures.forEach((t) => t.dispose()), [textures]);
  useEffect(() => invalidate(), [invalidate, textures]);
  const onDown = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    tweenCamera(e.object.position as Vector3);
  };
  return (
    <group scale={40}>
      {AXES.map((a) => (
        <mesh key={a.pos[0]} scale={[a.dir[0] ? 1.6 : 0.04, a.dir[1] ? 1.6 : 0.04, a.dir[2] ? 1.6 : 0.04]}>
          <boxGeometry />
          <meshBasicMaterial color={a.color} toneMapped={false} />
        </mesh>
      ))}
      {HEADS.map((h, i) => (
        <sprite key={h.label} position={h.pos} scale={0.62} onPointerDown={onDown} name={`gizmo-${h.label}`}>
          <spriteMaterial map={textures[i]} alphaTest={0.3} toneMapped={false} />
        </sprite>
      ))}
    </group>
  );
}
