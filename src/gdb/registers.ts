// The register numbers the target description gives gdb, and reading and
// writing them on a hart. They are gdb's own RISC-V numbers
// (gdb/riscv-tdep.h): x0-x31 0-31, pc 32, f0-f31 33-64, CSR n at 65 + n,
// and the debug spec's virtual `priv` register after the last CSR. The
// `g` packet carries x0-x31, pc and f0-f31; gdb asks for the rest one by
// one (`p`).
import { csrOut, csrTable } from "../rv64/csr/all.js";
import type { Hart } from "../rv64/hart.js";
import { hexToWord, wordToHex } from "./hex.js";
import type { HartView } from "./hart-view.js";

export const REG_PC = 32;
export const REG_F0 = 33;
export const REG_CSR0 = 65;
export const REG_PRIV = REG_CSR0 + 4096;
/** Registers in the `g` packet: x0-x31, pc, f0-f31. */
export const G_PACKET_REGS = 65;

/** The value of register `regnum` as 16 hex digits (target byte order), or null if the view has none such. */
export function readRegister(view: HartView, h: Hart, regnum: number): string | null {
  if (regnum >= 0 && regnum < 32) return wordToHex(h.xl[regnum], h.xh[regnum]);
  if (regnum === REG_PC) return wordToHex(h.pcLo, h.pcHi);
  if (regnum >= REG_F0 && regnum < REG_F0 + 32) return wordToHex(h.fl[regnum - REG_F0], h.fh[regnum - REG_F0]);
  if (regnum === REG_PRIV) return wordToHex(view.readPriv(h), 0);
  const csrno = regnum - REG_CSR0;
  if (csrno < 0 || csrno >= 4096 || !view.csrs.includes(csrno)) return null;
  const storage = view.storageOf(csrno);
  const lo = csrTable[storage]!.read(h, storage);
  return wordToHex(lo, csrOut.hi);
}

/**
 * Sets register `regnum` from 16 hex digits; false if there is no such
 * register, it is read-only, or the value is malformed. CSRs are written
 * through their table rows (WARL rules, TLB flushes) as the firmware's
 * writeCsr does.
 */
export function writeRegister(view: HartView, h: Hart, regnum: number, hex: string): boolean {
  const value = hexToWord(hex);
  if (value === null) return false;
  const { lo, hi } = value;
  if (regnum > 0 && regnum < 32) {
    h.xl[regnum] = lo;
    h.xh[regnum] = hi;
  } else if (regnum === 0) {
    // x0 stays zero; gdb writes it back with the rest in a G packet.
  } else if (regnum === REG_PC) {
    h.pcLo = lo;
    h.pcHi = hi;
  } else if (regnum >= REG_F0 && regnum < REG_F0 + 32) {
    h.fl[regnum - REG_F0] = lo;
    h.fh[regnum - REG_F0] = hi;
  } else if (regnum === REG_PRIV) {
    return hi === 0 && view.writePriv(h, lo);
  } else {
    const csrno = regnum - REG_CSR0;
    if (csrno < 0 || csrno >= 4096 || !view.csrs.includes(csrno)) return false;
    const storage = view.storageOf(csrno);
    const def = csrTable[storage]!;
    if (def.write === undefined || storage >>> 10 === 3) return false;
    def.write(h, storage, lo, hi);
    // Between slices: the next slice re-reads whatever the write changed.
    h.signal = 0;
  }
  return true;
}
