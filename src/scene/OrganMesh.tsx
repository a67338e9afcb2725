// One organ surface: geometry built once from the registry mesh, material from the organ's display state.
// Transparent organs (opacity < 1) skip depth writes so inner organs stay visible through them.
import { useEffect, useMemo } from 'react';
import { Color, DoubleSide, FrontSide, SRGBColorSpace } from 'three';
import { meshRegistry } from '../app/meshRegistry';
import type { OrganState } from '../app/store';
import { toGeometry } from './toGeometry';
import { fieldPickActive, handleFieldPick, useOrganField } from './fields';

export function OrganMesh({ organ, selected, onSelect }: { organ: OrganState; selected: boolean; onSelect(id: string): void }) {
  const geometry = useMemo(() => {
    const mesh = meshRegistry.get(organ.id);
    return mesh ? toGeometry(mesh) : undefined;
  }, [organ.id]);
  useEffect(() => () => geometry?.dispose(), [geometry]);
  const color = useMemo(() => new Color().setRGB(...organ.color, SRGBColorSpace), [organ.color]);
  const fieldMaterial = useOrganField(organ.id, geometry);
  if (!geometry) return null;
  const transparent = organ.opacity < 0.999;
  return (
    <mesh
      geometry={geometry}
      visible={organ.visible}
      name={organ.name}
      userData={{ organId: organ.id }}
      renderOrder={transparent ? 1 : 0}
      onClick={(e) => {
        // Field picks pass through hidden or see-through organs (e.g. lungs) to the organ behind.
        if (!organ.visible || (fieldPickActive() && transparent)) return;
        e.stopPropagation();
        if (handleFieldPick(organ.id, e)) return;
        onSelect(organ.id);
      }}
    >
      {fieldMaterial ? (
        <primitive object={fieldMaterial} attach="material" />
      ) : (
      <meshStandardMaterial
        color={color}
        roughness={0.55}
        metalness={0.0}
        transparent={transparent}
        opacity={organ.opacity}
        depthWrite={!transparent}
        side={transparent ? FrontSide : DoubleSide}
        emissive={selected ? color : undefined}
        emissiveIntensity={selected ? 0.25 : 0}
      />
      )}
    </mesh>
  );
}
