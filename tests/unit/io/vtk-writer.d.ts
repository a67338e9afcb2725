// Type stub for vtk.js' XMLImageDataWriter (ships without .d.ts); used by the tests to produce VTI files.
declare module '@kitware/vtk.js/IO/XML/XMLImageDataWriter.js' {
  interface Writer {
    setFormat(f: 'binary' | 'ascii' | 'appended'): void;
    setBlockSize(n: number): void;
    write(data: unknown): string;
  }
  const w: { newInstance(): Writer };
  export default w;
}
