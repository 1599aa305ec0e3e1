// The CSR table (in the style of QEMU's target/riscv/csr.c): one row per CSR
// number with an access predicate separate from the value logic. Every CSR
// instruction goes through csrAccess() in exec/zicsr.ts, which applies the
// generic rules of Priv §2.1 and then the row's predicate.
import type { Hart } from "../hart.js";
import { CSR_HSTATUS } from "../constants.js";

/** Predicate outcomes. */
export const CSR_OK = 0;
export const CSR_ILLEGAL = 2; // illegal-instruction exception
export const CSR_VIRTUAL = 22; // virtual-instruction exception (H extension)

export interface CsrDef {
  name: string;
  /** Extra access rule beyond the privilege/read-only bits of the CSR number; returns CSR_OK or a cause. */
  predicate?: (h: Hart, csrno: number, write: boolean) => number;
  /** Returns the low word; the high word goes in csrOut.hi. */
  read: (h: Hart, csrno: number) => number;
  /** Absent for read-only CSRs. Values are the new 64-bit contents before WARL legalisation. */
  write?: (h: Hart, csrno: number, lo: number, hi: number) => void;
  /**
   * The value CSRRS/CSRRC set or clear bits in, where it differs from what
   * a read returns (mip.SEIP, Priv §3.1.9); high word in csrOut.hi.
   */
  readForUpdate?: (h: Hart, csrno: number) => number;
  /**
   * A write changes nothing the run loop or the translation engine keeps
   * (fflags, frm: compiled code reads them where it uses them), so the
   * instruction need not end the page loop or the compiled block.
   */
  writeKeepsRunning?: true;
}

/** High word of the last CSR read. */
export const csrOut = { hi: 0 };

export const csrTable: (CsrDef | undefined)[] = new Array(4096).fill(undefined);

export function defineCsr(csrno: number, def: CsrDef): void {
  if (csrTable[csrno] !== undefined) throw new Error(`CSR 0x${csrno.toString(16)} defined twice`);
  csrTable[csrno] = def;
}

/** A CSR that is plain storage with writable-bit masks (WARL bits outside the mask read as stored). */
export function plainCsr(name: string, maskLo: number, maskHi: number): CsrDef {
  return {
    name,
    read(h, csrno) {
      csrOut.hi = h.csrHi[csrno];
      return h.csrLo[csrno];
    },
    write(h, csrno, lo, hi) {
      h.csrLo[csrno] = (h.csrLo[csrno] & ~maskLo) | (lo & maskLo);
      h.csrHi[csrno] = (h.csrHi[csrno] & ~maskHi) | (hi & maskHi);
    },
  };
}

/** A read-only CSR with a constant value. */
export function constCsr(name: string, lo: number, hi: number): CsrDef {
  return {
    name,
    read() {
      csrOut.hi = hi;
      return lo;
    },
  };
}

/** A CSR that reads zero and ignores writes (unimplemented optional state such as mhpmevent). */
export function zeroCsr(name: string): CsrDef {
  return {
    name,
    read() {
      csrOut.hi = 0;
      return 0;
    },
    write() {},
  };
}

/** Whether the hypervisor extension's CSRs are registered (src/h-extension). */
export function hasHypervisor(): boolean {
  return csrTable[CSR_HSTATUS] !== undefined;
}
