// Display names for organ identifiers (teaching labels, hover read-out). Known structure ids get their
// anatomical term ('lv_blood' -> 'Left ventricle', 'heart_myocardium' -> 'Myocardium'); vertebrae show their
// level ('vertebra_T12' -> 'T12'); anything else is title-cased with its side ('lung_left' -> 'Lung (left)').
// No units.

const ANATOMICAL: Record<string, string> = {
  heart_myocardium: 'Myocardium',
  myocardium: 'Myocardium',
  heart_blood_pool: 'Blood pool',
  lv_blood: 'Left ventricle',
  rv_blood: 'Right ventricle',
  la_blood: 'Left atrium',
  ra_blood: 'Right atrium',
  heart_ventricle_left: 'Left ventricle',
  heart_ventricle_right: 'Right ventricle',
  heart_atrium_left: 'Left atrium',
  heart_atrium_right: 'Right atrium',
  inferior_vena_cava: 'Inferior vena cava',
  superior_vena_cava: 'Superior vena cava',
  spinal_cord: 'Spinal cord',
  body: 'Body',
};

export function displayName(id: string): string {
  const known = ANATOMICAL[id.toLowerCase()];
  if (known) return known;
  const v = /^vertebra[e]?_([CTLS]\d+)$/i.exec(id);
  if (v) return v[1]!.toUpperCase();
  const disc = /^(?:disc|intervertebral_disc)_([CTLS]\d+)_([CTLS]\d+)$/i.exec(id);
  if (disc) return `Disc ${disc[1]!.toUpperCase()}–${disc[2]!.toUpperCase()}`;
  const side = /^(.*)_(left|right)$/i.exec(id);
  const base = (side ? side[1]! : id).replace(/_/g, ' ').trim();
  const nice = base.charAt(0).toUpperCase() + base.slice(1);
  return side ? `${nice} (${side[2]!.toLowerCase()})` : nice;
}
