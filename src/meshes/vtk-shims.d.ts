// Type declarations for the vtk.js filters that ship without .d.ts files (used only inside src/meshes).
// No units or frames: these are plain shapes of the vtk.js objects we call.
declare module '@kitware/vtk.js/Filters/General/ImageMarchingCubes.js' {
  import type { vtkAlgorithm, vtkObject } from '@kitware/vtk.js/interfaces';
  import type vtkPolyData from '@kitware/vtk.js/Common/DataModel/PolyData';
  import type vtkImageData from '@kitware/vtk.js/Common/DataModel/ImageData';
  export interface vtkImageMarchingCubes extends vtkObject, vtkAlgorithm {
    setContourValue(v: number): boolean;
    setComputeNormals(v: boolean): boolean;
    setMergePoints(v: boolean): boolean;
    setInputData(d: vtkImageData): void;
    getOutputData(): vtkPolyData;
  }
  const mod: { newInstance(init?: Record<string, unknown>): vtkImageMarchingCubes };
  export default mod;
}

declare module '@kitware/vtk.js/Filters/General/WindowedSincPolyDataFilter.js' {
  import type { vtkAlgorithm, vtkObject } from '@kitware/vtk.js/interfaces';
  import type vtkPolyData from '@kitware/vtk.js/Common/DataModel/PolyData';
  export interface vtkWindowedSincPolyDataFilter extends vtkObject, vtkAlgorithm {
    setInputData(d: vtkPolyData): void;
    getOutputData(): vtkPolyData;
  }
  const mod: { newInstance(init?: Record<string, unknown>): vtkWindowedSincPolyDataFilter };
  export default mod;
}
