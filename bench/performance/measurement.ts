// What one row of the performance table measured: one workload on one
// emulator configuration, as medians over the runs.

/**
 * How the workload runs: a bare M-mode program; a Linux kernel in S-mode
 * under OpenSBI (natively); or the same kernel in VS-mode under rvhv's
 * TypeScript hypervisor (`rvhv boot`, paravirtualized).
 */
export type Platform = "bare" | "OpenSBI" | "PV";

/** rvhv with its translation engine (the default), rvhv interpreting only, or QEMU's TCG. */
export type Emulator = "rvhv" | "rvhv --no-jit" | "qemu";

export interface Measurement {
  /** A program's name (bench/programs/), or "linux". */
  workload: string;
  platform: Platform;
  emulator: Emulator;
  guestRamMiB: number;
  /** rvhv's instruction count (a program retires the same count everywhere); NaN when unknown. */
  instructions: number;
  /** Seconds inside the machine's run, rvhv only (NaN for QEMU). */
  runS: number;
  /** Wall seconds of the whole process: spawn to exit (programs) or to the guest's marker (Linux). */
  processS: number;
  /** Peak resident set of the process in KiB, the largest over the runs; NaN when not measured (QEMU). */
  peakRssKiB: number;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The largest value (NaN when there are none, or when any is NaN). */
export function largest(values: number[]): number {
  return values.length === 0 ? NaN : Math.max(...values);
}
