// Which vCPU runs when: every round gives each runnable vCPU of every guest
// one slice, in a fixed order (deterministic with --icount). A vCPU is
// runnable when HSM has it started and it is not halted in WFI, or when it
// is halted or suspended but an interrupt is now pending for it. The time a
// runnable vCPU spends waiting while another holds the processor is its
// steal time (SBI STA). Timers are checked after every slice.
import { wakesFromWfi } from "../src/rv64/interrupts.js";
import type { Hart } from "../src/rv64/hart.js";
import { updateTimerLines } from "../src/rv64/timer.js";
import { HSM_STARTED, HSM_SUSPENDED } from "../src/sbi/constants.js";
import type { Hypervisor } from "./hypervisor.js";
import { publishStealTime } from "./steal-time.js";
import type { Vcpu } from "./vcpu.js";
import { checkGuestTimer } from "./vcpu-timer.js";

/** Instructions per vCPU per round. */
export const SLICE = 1 << 14;

/** The processor the scheduler runs vCPUs on: how it runs a hart, its clock, and its accounting of steps. */
export interface Processor {
  /** Runs hart `h` for at most `budget` steps and returns the steps run (runHart, or a debugger's slice runner). */
  run(h: Hart, budget: number): number;
  now(): number;
  /** The hart about to run (icount time counts its steps as it goes). */
  enter(h: Hart): void;
  /** It ran `steps` instruction steps. */
  leave(steps: number): void;
}

/** Whether the vCPU should run now; wakes a halted or suspended one whose interrupt arrived. */
function ready(vcpu: Vcpu): boolean {
  const h = vcpu.hart;
  if (vcpu.hsmState === HSM_STARTED) return !h.waiting || wakesFromWfi(h);
  if (vcpu.hsmState !== HSM_SUSPENDED || !wakesFromWfi(h)) return false;
  // SBI v2.0 §9.4: a suspended hart resumes on a pending interrupt;
  // non-retentively at resume_addr, as though just started.
  vcpu.hsmState = HSM_STARTED;
  h.waiting = false;
  if (vcpu.resumePending) {
    vcpu.resumePending = false;
    vcpu.enterAt(vcpu.resumeLo, vcpu.resumeHi, vcpu.resumeOpaqueLo, vcpu.resumeOpaqueHi);
  }
  return true;
}

/** Runs one round, at most `maxSteps` instruction steps in all; returns the steps run. */
export function runRound(hv: Hypervisor, cpu: Processor, maxSteps: number, stop: () => boolean): number {
  let steps = 0;
  const vcpus = hv.vcpus;
  const stats = hv.stats;
  for (let i = 0; i < vcpus.length && steps < maxSteps && !stop(); i++) {
    const vcpu = vcpus[i];
    const t0 = stats.timed ? performance.now() : 0;
    if (!ready(vcpu)) continue;
    publishStealTime(vcpu, hv.guestOf(vcpu).memory);
    const start = cpu.now();
    cpu.enter(vcpu.hart);
    const t1 = stats.timed ? performance.now() : 0;
    const ran = cpu.run(vcpu.hart, Math.min(SLICE, maxSteps - steps));
    const t2 = stats.timed ? performance.now() : 0;
    cpu.leave(ran);
    steps += ran;
    const now = cpu.now();
    for (const other of vcpus) {
      if (other !== vcpu && other.hsmState === HSM_STARTED && !other.hart.waiting) other.stealTicks += now - start;
    }
    refreshTimers(hv, now);
    // The world switch: what the scheduler does around a slice (wake-up, steal time, timers).
    if (stats.timed) stats.switchMs += t1 - t0 + (performance.now() - t2);
  }
  return steps;
}

/** Raises due timer interrupts: SBI deadlines through hvip, Sstc comparators on the harts. */
export function refreshTimers(hv: Hypervisor, now: number): void {
  for (const vcpu of hv.vcpus) {
    checkGuestTimer(vcpu, now);
    updateTimerLines(vcpu.hart);
  }
}
