// MMIO emulation (as KVM's vcpu_insn.c kvm_riscv_vcpu_mmio_load/store): a
// guest-page fault on an emulated device's range is the guest's load or
// store to that device. The instruction comes from htinst when the hart
// wrote the transformed instruction there (Priv §9.6.3), otherwise from
// guest memory at sepc, fetched with HLVX as real hardware that leaves
// htinst 0 (Rocket) requires. The device performs the access, the result
// goes to rd, and the guest resumes after the instruction.
import {
  CAUSE_FETCH_ACCESS,
  CAUSE_FETCH_PAGE_FAULT,
  CAUSE_LOAD_ACCESS,
  CAUSE_LOAD_PAGE_FAULT,
  CAUSE_STORE_ACCESS,
  CSR_HTINST,
  CSR_SEPC,
  CSR_STVAL,
} from "../src/rv64/constants.js";
import { expandCompressed } from "../src/rv64/decode/compressed.js";
import { GUEST_ACCESS_OK, guestFault, guestValue, loadGuest, returnFromTrap } from "../src/rv64/firmware-access.js";
import type { Hart } from "../src/rv64/hart.js";
import type { MmioDevice } from "../src/rv64/memory.js";
import { injectException } from "./inject.js";
import type { HypervisorStats } from "./stats.js";

const OPCODE_LOAD = 0x03;
const OPCODE_STORE = 0x23;

/**
 * The trapping instruction in 32-bit form, its length in bytes (2 for a
 * compressed one), and whether it was fetched from guest memory (htinst was 0).
 */
export const trappedInsn = { bits: 0, length: 0, fetched: false };

/**
 * Finds the instruction at sepc: htinst if it holds a transformed
 * instruction (bit 0 set; bit 1 clear means the original was compressed),
 * else a fetch with HLVX. False when the fetch faulted: the fault has then
 * been delivered to the guest.
 */
export function fetchTrappedInstruction(h: Hart): boolean {
  const tinst = h.csrLo[CSR_HTINST];
  if ((tinst & 1) !== 0) {
    trappedInsn.length = (tinst & 2) !== 0 ? 4 : 2;
    trappedInsn.bits = tinst | 2;
    trappedInsn.fetched = false;
    return true;
  }
  trappedInsn.fetched = true;
  const pcLo = h.csrLo[CSR_SEPC];
  const pcHi = h.csrHi[CSR_SEPC];
  if (!fetchParcel(h, pcLo, pcHi)) return false;
  const low = guestValue.lo & 0xffff;
  if ((low & 3) !== 3) {
    trappedInsn.bits = expandCompressed(low);
    trappedInsn.length = 2;
    return true;
  }
  const nextLo = (pcLo + 2) | 0;
  if (!fetchParcel(h, nextLo, (pcHi + (nextLo >>> 0 < pcLo >>> 0 ? 1 : 0)) | 0)) return false;
  trappedInsn.bits = low | ((guestValue.lo & 0xffff) << 16);
  trappedInsn.length = 4;
  return true;
}

/** HLVX.HU of one parcel; on a fault, the guest gets the instruction fault it would have seen. */
function fetchParcel(h: Hart, lo: number, hi: number): boolean {
  const cause = loadGuest(h, lo, hi, 2, true);
  if (cause === GUEST_ACCESS_OK) return true;
  // HLVX reports load faults; the guest's view is a fetch fault at that address.
  injectException(
    h,
    cause === CAUSE_LOAD_PAGE_FAULT ? CAUSE_FETCH_PAGE_FAULT : CAUSE_FETCH_ACCESS,
    guestFault.tvalLo,
    guestFault.tvalHi,
  );
  return false;
}

/**
 * Emulates the guest's access to `device` at guest-physical `gpa`. The hart
 * is in HS-mode handling the guest-page fault; on return it runs the guest
 * again (after the instruction, or at the fault the guest was given).
 */
export function emulateMmio(h: Hart, device: MmioDevice, gpa: number, isStore: boolean, stats: HypervisorStats): void {
  if (!fetchTrappedInstruction(h)) return;
  if (trappedInsn.fetched) stats.mmioFetched++;
  else stats.mmioFromHtinst++;
  const insn = trappedInsn.bits;
  const opcode = insn & 0x7f;
  const funct3 = (insn >>> 12) & 7;
  const size = 1 << (funct3 & 3);
  const offset = gpa - device.base;
  const expected = isStore ? OPCODE_STORE : OPCODE_LOAD;
  // Only integer loads and stores that fit the device are emulated; anything
  // else (FP, AMOs, an access running off the device) is an access fault.
  if (opcode !== expected || (isStore && funct3 > 3) || funct3 === 7 || offset + size > device.size) {
    injectException(h, isStore ? CAUSE_STORE_ACCESS : CAUSE_LOAD_ACCESS, h.csrLo[CSR_STVAL], h.csrHi[CSR_STVAL]);
    return;
  }
  if (isStore) {
    const rs2 = (insn >>> 20) & 31;
    const lo = h.xl[rs2];
    device.write(offset, size, size >= 4 ? lo : lo & ((1 << (8 * size)) - 1), size === 8 ? h.xh[rs2] : 0);
  } else {
    const rd = (insn >>> 7) & 31;
    let lo = device.read(offset, size);
    let hi = size === 8 ? device.readHi : 0;
    if (size < 8) {
      const signed = funct3 < 4;
      const shift = 32 - 8 * size;
      if (size < 4) lo = signed ? (lo << shift) >> shift : lo & ((1 << (8 * size)) - 1);
      hi = signed ? lo >> 31 : 0;
    }
    if (rd !== 0) {
      h.xl[rd] = lo;
      h.xh[rd] = hi;
    }
  }
  const sepc = (h.csrLo[CSR_SEPC] + trappedInsn.length) | 0;
  if (sepc >>> 0 < h.csrLo[CSR_SEPC] >>> 0) h.csrHi[CSR_SEPC] = (h.csrHi[CSR_SEPC] + 1) | 0;
  h.csrLo[CSR_SEPC] = sepc;
  returnFromTrap(h);
}
