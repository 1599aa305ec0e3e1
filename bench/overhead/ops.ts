// Per-operation costs: build/bench-guests/ops.elf (bench/guests/ops.c), a
// bare VS-mode guest, repeats one operation n times and reports the guest
// instructions and time it took. Each operation runs in a fresh
// HypervisorMachine (the bundle users run), timed by tinybench; its cost is
// the difference from the same guest running an empty loop, divided by the
// operations done (the guest's warm-up included), so what boot and the loop
// cost cancels out. A guest switch is measured apart: two guests spinning
// side by side against one guest doing the same work alone.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Bench } from "tinybench";
import type * as Rvhv from "../../src/index.js";
import { SLICE } from "../../firmware/scheduler.js";

type HypervisorMachine = InstanceType<typeof Rvhv.HypervisorMachine>;

export interface OpCost {
  op: string;
  what: string;
  /** Host nanoseconds per operation, beyond an empty loop iteration. */
  hostNs: number;
  /** Guest instructions per operation (the loop's own subtracted). */
  guestInsns: number;
  /** Exits into the hypervisor per operation. */
  exits: number;
}

interface OpSpec {
  op: string;
  what: string;
  n: number;
  /** Operations per guest-reported iteration (a batched console write carries 64 bytes). */
  perIteration?: number;
  sstc?: boolean;
  lazy?: boolean;
  devices?: "pv" | "emulated";
  /** The guest runs no warm-up for this operation. */
  noWarmup?: boolean;
}

const SPECS: OpSpec[] = [
  { op: "sbi-null", what: "SBI null call round trip (BASE get_spec_version)", n: 100_000 },
  { op: "dbcn-byte", what: "console byte, DBCN write_byte", n: 100_000 },
  { op: "dbcn-batch", what: "console byte, DBCN write of 64 bytes (per byte)", n: 20_000, perIteration: 64 },
  { op: "legacy-putchar", what: "console byte, legacy putchar", n: 100_000 },
  { op: "uart-byte", what: "console byte, UART THR store (MMIO)", n: 20_000 },
  { op: "mmio-read", what: "MMIO read exit (UART LSR load)", n: 20_000 },
  { op: "timer-sbi", what: "timer programming, SBI set_timer", n: 100_000 },
  { op: "timer-sstc", what: "timer programming, Sstc stimecmp write", n: 100_000, sstc: true },
  { op: "ipi", what: "IPI to self: send, deliver, clear", n: 100_000 },
  { op: "first-touch", what: "first touch of a guest page (G-stage fault)", n: 20_000, lazy: true, noWarmup: true },
];
const WARMUP = 100;
const MiB = 1024 * 1024;

interface Sample {
  instret: number;
  exits: number;
}

export async function measureOps(root: string, iterations: number): Promise<OpCost[]> {
  const { HypervisorMachine } = (await import(join(root, "dist/index.js"))) as typeof Rvhv;
  const elf = new Uint8Array(readFileSync(join(root, "build/bench-guests/ops.elf")));
  const machineFor = (spec: OpSpec, op: string): HypervisorMachine =>
    new HypervisorMachine({
      guests: [
        {
          memBytes: 128 * MiB, // first-touch walks 20,000 pages (80 MiB) from 16 MiB up
          vcpus: 1,
          kernel: elf,
          bootargs: `op=${op} n=${spec.n}`,
          sstc: spec.sstc ?? false,
          lazyGstage: spec.lazy ?? false,
          devices: spec.devices ?? "pv",
        },
      ],
      icount: false,
    });
  const samples = new Map<string, Sample>();
  /** Runs the guest once: returns run() seconds, remembers what the guest reported. */
  const runOnce = async (key: string, spec: OpSpec, op: string): Promise<number> => {
    const m = machineFor(spec, op);
    let text = "";
    const decoder = new TextDecoder();
    m.onConsoleOutput = (_g, bytes) => (text += decoder.decode(bytes, { stream: true }));
    const result = await m.run({ maxInsns: 2_000_000_000 });
    const line = /ops: op=\S+ n=(\d+) instret=(\d+) ticks=(\d+)/.exec(text);
    if (result.exitCode !== 0 || line === null) throw new Error(`ops ${op}: ${text.slice(-300)}`);
    samples.set(key, { instret: Number(line[2]), exits: m.hypervisor.stats.totalExits() });
    return result.seconds;
  };

  const bench = new Bench({ iterations, time: 0, warmup: false, throws: true });
  for (const spec of SPECS) {
    for (const [key, op] of [
      [`${spec.op}/loop`, "loop"],
      [spec.op, spec.op],
    ] as const) {
      bench.add(key, async () => ({ overriddenDuration: (await runOnce(key, spec, op)) * 1000 }), {
        beforeAll: async () => void (await runOnce(key, spec, op)),
      });
    }
  }
  await bench.run();
  const median = (key: string): number => {
    const task = bench.getTask(key)!;
    if (task.result.state !== "completed") throw new Error(`${key}: ${task.result.state}`);
    return task.result.latency.p50 / 1000;
  };
  return SPECS.map((spec) => {
    const ops = (spec.n + (spec.noWarmup ? 0 : Math.min(spec.n, WARMUP))) * (spec.perIteration ?? 1);
    const timed = spec.n * (spec.perIteration ?? 1);
    const op = samples.get(spec.op)!;
    const loop = samples.get(`${spec.op}/loop`)!;
    return {
      op: spec.op,
      what: spec.what,
      hostNs: ((median(spec.op) - median(`${spec.op}/loop`)) / ops) * 1e9,
      guestInsns: (op.instret - loop.instret) / timed,
      exits: (op.exits - loop.exits) / ops,
    };
  });
}

/**
 * A guest switch: two guests spinning side by side (no exits), so every
 * slice ends in a switch to the other guest's vCPU; the scheduler's work
 * around each slice (wake-up checks, steal time, timers) is timed by the
 * hypervisor's own counters (--stats), per switch.
 */
export async function measureGuestSwitch(root: string): Promise<{ hostNs: number; switches: number }> {
  const { HypervisorMachine } = (await import(join(root, "dist/index.js"))) as typeof Rvhv;
  const elf = new Uint8Array(readFileSync(join(root, "build/bench-guests/ops.elf")));
  const guest = { memBytes: 16 * MiB, vcpus: 1, kernel: elf, bootargs: "op=spin n=4000000", sstc: false };
  const m = new HypervisorMachine({ guests: [guest, guest], icount: false, timed: true });
  m.onConsoleOutput = () => {};
  const result = await m.run({ maxInsns: 4_000_000_000 });
  if (result.exitCode !== 0) throw new Error(`spin x2: exit ${result.exitCode}`);
  const switches = result.instructions / SLICE;
  return { hostNs: (m.hypervisor.stats.switchMs / switches) * 1e6, switches };
}
