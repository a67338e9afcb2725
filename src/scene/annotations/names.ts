// Display names for organ identifiers (teaching labels, hover read-out): 'vertebra_T12' -> 'T12',
// 'lung_left' -> 'Lung (left)', 'heart_myocardium' -> 'Heart myocardium'. No units.
export function displayName(id: string): string {
  const v = /^vertebra[e]?_([CTLS]\d+)$/i.exec(id);
  if (v) return v[1]!.toUpperCase();
  const side = /^(.*)_(left|right)$/i.exec(id);
  const base = (side ? side[1]! : id).replace(/_/g, ' ').trim();
  const nice = base.charAt(0).toUpperCase() + base.slice(1);
  return side ? `${nice} (${side[2]!.toLowerCase()})` : nice;
}
