// The guest's timer (as KVM's vcpu_timer.c). Without Sstc the guest asks
// for a timer event with SBI set_timer: the hypervisor keeps a host
// deadline and, once it passes, injects VSTIP through hvip. With Sstc the
// guest writes vstimecmp and the hart raises VSTIP itself; an SBI call then
// just writes vstimecmp for it. Guest time is host time + htimedelta.
import { CSR_HVIP, CSR_VSTIMECMP, IRQ_VS_TIMER } from "../src/rv64/constants.js";
import { readCsr, writeCsr } from "../src/rv64/firmware-access.js";
import { sub64, r, toNumberU } from "../src/rv64/int64.js";
import type { Vcpu } from "./vcpu.js";

const VSTIP = 1 << IRQ_VS_TIMER;
/** Deadlines at or past 2^62 ticks (over 14,000 years at 10 MHz) never come. */
const NEVER = 2 ** 62;

/**
 * SBI set_timer at guest time (hi:lo): clears the pending timer interrupt
 * and arms the next (SBI v2.0 §6.1). `deltaLo/Hi` is htimedelta.
 */
export function setGuestTimer(
  vcpu: Vcpu,
  sstc: boolean,
  lo: number,
  hi: number,
  deltaLo: number,
  deltaHi: number,
): void {
  const h = vcpu.hart;
  if (sstc) {
    writeCsr(h, CSR_VSTIMECMP, lo, hi);
    return;
  }
  writeCsr(h, CSR_HVIP, readCsr(h, CSR_HVIP) & ~VSTIP, 0);
  const hostLo = sub64(lo, hi, deltaLo, deltaHi);
  const host = toNumberU(hostLo, r.hi);
  vcpu.timerDeadline = hi < 0 || host >= NEVER ? Infinity : host;
}

/** Raises VSTIP when the SBI deadline has passed at host time `now` (ticks). */
export function checkGuestTimer(vcpu: Vcpu, now: number): void {
  if (now < vcpu.timerDeadline) return;
  vcpu.timerDeadline = Infinity;
  const h = vcpu.hart;
  writeCsr(h, CSR_HVIP, readCsr(h, CSR_HVIP) | VSTIP, 0);
}
