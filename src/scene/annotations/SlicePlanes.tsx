// Placeholder until slice textures are wired (see src/ui/slices): renders nothing.
export function SlicePlanes() {
  return null;
}
