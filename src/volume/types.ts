// Plain data containers for image volumes and label maps, shared by readers, the phantom, segmentation,
// surface reconstruction and the solvers. Transferable to workers (no classes, typed arrays only).
// Frames: voxel index space IJK (i fastest in memory); world = patient RAS+ in millimetres
// (+x = patient Right, +y = Anterior, +z = Superior; NIfTI/Slicer convention). DICOM/NRRD LPS inputs
// are converted to RAS by their readers (x and y negated).

export type VoxelArray =
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | Float32Array
  | Float64Array;

export type Vec3 = [number, number, number];

export type Modality = 'CT' | 'MR' | 'label' | 'field' | 'other';

/** Named label value in a label map (e.g. 22 -> vertebra_L3). Colour is sRGB 0..1. */
export interface LabelInfo {
  value: number;
  name: string;
  color?: Vec3;
}

export interface Volume {
  /** Source file name (or 'phantom'), used in messages. */
  name: string;
  /** Voxel counts along i, j, k. */
  dims: Vec3;
  /** Voxel size in mm along i, j, k (lengths of the affine's first three columns). */
  spacing: Vec3;
  /** 4x4 row-major affine mapping (i, j, k, 1) to world RAS mm. */
  ijkToWorld: Float64Array;
  /** Voxel values, index = i + dims[0] * (j + dims[1] * k). Scaled to physical units (HU for CT). */
  data: VoxelArray;
  modality: Modality;
  /** Physical units of data: 'HU', 'a.u.' (MR), 'label', 'mV', ... */
  units: string;
  /** Present for label maps: the names of the label values. */
  labels?: LabelInfo[];
}

/** A CT/MR volume with its (optional) label map on the same grid. */
export interface LabelledVolume {
  image: Volume;
  labels: Volume;
  /** Optional VerSe vertebral sub-region map (41–50; 49 = vertebral-body rim) on the same grid, kept apart
   * from `labels` so it does not overwrite the vertebra labels; read by the stress solver (cortical shell). */
  subregions?: Volume;
}
