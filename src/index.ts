// rvhv as a library: the machines and what loading programs into them can
// throw. Bundled to dist/index.js by scripts/build.mjs.
export { BareMachine, type BareMachineOptions, type RunOptions, type RunResult } from "./devices/bare-machine.js";
export {
  VirtMachine,
  type VirtBootLayout,
  type VirtMachineOptions,
  type VirtRunOptions,
  type VirtRunResult,
} from "./devices/virt-machine.js";
export { ElfError } from "./loader/elf.js";
export {
  HypervisorMachine,
  type HypervisorMachineOptions,
  type HypervisorRunResult,
} from "./machine/hypervisor-machine.js";
export type { GuestConfig, GuestDevices } from "../firmware/guest.js";
