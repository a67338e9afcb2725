// Public face of the file-opening UI: header pickers + drop target, and the label-choice dialog.
export { FileMenu } from './FileMenu';
export { LabelDialog } from './LabelDialog';
