// Public face of the anatomy tools UI: panel, hover read-out, tool store and actions used by shortcuts.
export { ToolsPanel } from './ToolsPanel';
export { HoverReadout } from './HoverReadout';
export { useTools } from './toolStore';
export { addClipPlane } from './ClipControls';
export { toggleTool } from './MeasureControls';
export { screenshot, exportOrgans } from './output';
