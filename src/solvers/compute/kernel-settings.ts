// House defaults for every gpu.js kernel (TOOLCHAIN.md): single precision, precision tactic, explicit loop bound,
// fixed output, constants. No units.
import type { IGPUKernelSettings } from 'gpu.js';

export function kernelSettings(
  output: number[],
  constants: Record<string, number> = {},
  loopMaxIterations = 1000,
): IGPUKernelSettings & { loopMaxIterations: number } {
  return {
    output,
    constants,
    precision: 'single',
    tactic: 'precision',
    loopMaxIterations,
    dynamicOutput: false,
    dynamicArguments: false,
  };
}
