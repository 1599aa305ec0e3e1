// The SBI extensions' view of the hypervisor for one calling vCPU
// (src/sbi/call.ts SbiHost): each service the specification describes,
// carried out on this guest's vCPUs and memory only.
import { CSR_HVIP, IRQ_VS_SOFT } from "../src/rv64/constants.js";
import { GUEST_ACCESS_OK, guestValue, loadGuest, readCsr, writeCsr } from "../src/rv64/firmware-access.js";
import type { Hart } from "../src/rv64/hart.js";
import type { SbiHost } from "../src/sbi/call.js";
import { HSM_STARTED, HSM_STOPPED, HSM_SUSPENDED } from "../src/sbi/constants.js";
import type { Guest } from "./guest.js";
import { registerStealArea } from "./steal-time.js";
import type { Vcpu } from "./vcpu.js";
import { setGuestTimer } from "./vcpu-timer.js";

const VSSIP = 1 << IRQ_VS_SOFT;
/** Ranged remote SFENCE.VMA beyond this many pages flushes everything (OpenSBI's tlb_range_flush_limit idea). */
const SFENCE_PAGE_LIMIT = 64;

export class VcpuSbiHost implements SbiHost {
  readonly hart: Hart;
  readonly hartId: number;
  readonly ram: Uint8Array;

  constructor(
    private readonly guest: Guest,
    private readonly vcpu: Vcpu,
  ) {
    this.hart = vcpu.hart;
    this.hartId = vcpu.hartId;
    this.ram = guest.memory.u8;
  }

  get hartCount(): number {
    return this.guest.vcpus.length;
  }

  setTimer(lo: number, hi: number): void {
    const g = this.guest;
    setGuestTimer(this.vcpu, g.sstc, lo, hi, g.timeDeltaLo, g.timeDeltaHi);
  }

  sendIpi(hartId: number): void {
    const h = this.guest.vcpus[hartId].hart;
    writeCsr(h, CSR_HVIP, readCsr(h, CSR_HVIP) | VSSIP, 0);
  }

  clearIpi(): boolean {
    const hvip = readCsr(this.hart, CSR_HVIP);
    writeCsr(this.hart, CSR_HVIP, hvip & ~VSSIP, 0);
    return (hvip & VSSIP) !== 0;
  }

  fenceI(): void {
    // Nothing to do: a store to a page of decoded code drops that page for
    // every hart (PhysicalMemory.noteRamWrite), and a vCPU that is not running
    // re-reads its code page when it next runs.
  }

  sfenceVma(hartId: number, startLo: number, startHi: number, sizeLo: number, sizeHi: number): void {
    const mmu = this.guest.vcpus[hartId].hart.mmu;
    const everything =
      (startLo === 0 && startHi === 0 && sizeLo === 0 && sizeHi === 0) || (sizeLo === -1 && sizeHi === -1);
    const pages = sizeHi !== 0 ? Infinity : Math.ceil(((startLo & 4095) + (sizeLo >>> 0)) / 4096);
    if (everything || pages > SFENCE_PAGE_LIMIT) {
      mmu.flush();
      return;
    }
    for (let k = 0; k < Math.max(pages, 1); k++) {
      const lo = ((startLo & -4096) + k * 4096) | 0;
      mmu.flushPage(lo, (startHi + (lo >>> 0 < (startLo & -4096) >>> 0 ? 1 : 0)) | 0);
    }
  }

  hartState(hartId: number): number {
    return this.guest.vcpus[hartId].hsmState;
  }

  startHart(hartId: number, addrLo: number, addrHi: number, opaqueLo: number, opaqueHi: number): void {
    const target = this.guest.vcpus[hartId];
    target.enterAt(addrLo, addrHi, opaqueLo, opaqueHi);
    target.hsmState = HSM_STARTED;
  }

  stopHart(): void {
    this.vcpu.hsmState = HSM_STOPPED;
    this.hart.endSlice();
  }

  suspendHart(nonRetentive: boolean, addrLo: number, addrHi: number, opaqueLo: number, opaqueHi: number): void {
    const v = this.vcpu;
    v.hsmState = HSM_SUSPENDED;
    v.resumePending = nonRetentive;
    v.resumeLo = addrLo;
    v.resumeHi = addrHi;
    v.resumeOpaqueLo = opaqueLo;
    v.resumeOpaqueHi = opaqueHi;
    this.hart.waiting = true;
    // Back to the scheduler, which resumes the vCPU once an interrupt is pending for it.
    this.hart.endSlice();
  }

  systemReset(type: number, reason: number): void {
    this.guest.requestReset(type, reason);
    this.hart.endSlice();
  }

  guestRamOffset(gpaLo: number, gpaHi: number, length: number): number {
    return this.guest.memory.offsetOf(gpaLo, gpaHi, length);
  }

  isExecutable(lo: number, hi: number): boolean {
    return this.guest.memory.contains(lo, hi);
  }

  loadGuestVirtual64(lo: number, hi: number): { lo: number; hi: number } | null {
    if (loadGuest(this.hart, lo, hi, 8, false) !== GUEST_ACCESS_OK) return null;
    return { lo: guestValue.lo, hi: guestValue.hi };
  }

  consoleWrite(bytes: Uint8Array): void {
    this.guest.console.write(bytes);
  }

  consoleRead(into: Uint8Array, max: number): number {
    const n = this.guest.console.read(into, max);
    if (n > 0 && into.buffer === this.ram.buffer) this.guest.memory.noteWrite(into.byteOffset, n);
    return n;
  }

  setStealTimeArea(gpa: number | null): void {
    const offset =
      gpa === null ? -1 : this.guest.memory.offsetOf((gpa % 4294967296) | 0, Math.floor(gpa / 4294967296), 64);
    registerStealArea(this.vcpu, this.guest.memory, offset);
  }
}
