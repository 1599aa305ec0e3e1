// Machine-level CSRs (Priv §3.1).
import {
  CSR_MARCHID,
  CSR_MCAUSE,
  CSR_MCONFIGPTR,
  CSR_MCOUNTEREN,
  CSR_MEDELEG,
  CSR_MENVCFG,
  CSR_MEPC,
  CSR_MHARTID,
  CSR_MIDELEG,
  CSR_MIE,
  CSR_MIMPID,
  CSR_MIP,
  CSR_MISA,
  CSR_MSCRATCH,
  CSR_MSTATUS,
  CSR_MTVAL,
  CSR_MTVEC,
  CSR_MVENDORID,
  CSR_TSELECT,
  CSR_TDATA1,
} from "../constants.js";
import { SIGNAL_STOP } from "../hart.js";
import { effectiveMip } from "../trap.js";
import { constCsr, csrOut, defineCsr, plainCsr, zeroCsr } from "./table.js";
import { readMstatus, writeMstatus } from "./status.js";
import { updateSstcLine } from "../timer.js";

const ALL = 0xffffffff | 0;

/** misa (Priv §3.1.1): MXL = 64; extensions A C D F I M S U. */
function misaBit(letter: string): number {
  return 1 << (letter.charCodeAt(0) - 65);
}
export const MISA_LO = ["A", "C", "D", "F", "I", "M", "S", "U"].reduce((a, l) => a | misaBit(l), 0);

defineCsr(CSR_MISA, constCsr("misa", MISA_LO, 0x80000000 | 0));
defineCsr(CSR_MVENDORID, constCsr("mvendorid", 0, 0));
defineCsr(CSR_MARCHID, constCsr("marchid", 0, 0));
defineCsr(CSR_MIMPID, constCsr("mimpid", 0, 0));
defineCsr(CSR_MCONFIGPTR, constCsr("mconfigptr", 0, 0));
defineCsr(CSR_MHARTID, {
  name: "mhartid",
  read(h) {
    csrOut.hi = 0;
    return h.hartId;
  },
});

defineCsr(CSR_MSTATUS, {
  name: "mstatus",
  read(h) {
    const v = readMstatus(h);
    csrOut.hi = v.hi;
    return v.lo;
  },
  write(h, _csrno, lo) {
    writeMstatus(h, lo, ALL);
  },
});

// Priv §3.1.8: exceptions that can be delegated. ecall from M (11) cannot
// occur below M, so its bit is read-only zero.
const MEDELEG_MASK = 0xb3ff;
defineCsr(CSR_MEDELEG, plainCsr("medeleg", MEDELEG_MASK, 0));
// Only supervisor interrupts can be delegated (SSIP, STIP, SEIP).
export const MIDELEG_MASK = (1 << 1) | (1 << 5) | (1 << 9);
defineCsr(CSR_MIDELEG, {
  ...plainCsr("mideleg", MIDELEG_MASK, 0),
  write(h, csrno, lo) {
    h.csrLo[csrno] = lo & MIDELEG_MASK;
    h.signal |= SIGNAL_STOP;
  },
});

/** Priv §3.1.9: mie bits of the implemented interrupts. */
export const MIE_MASK = (1 << 1) | (1 << 3) | (1 << 5) | (1 << 7) | (1 << 9) | (1 << 11);
defineCsr(CSR_MIE, {
  name: "mie",
  read(h) {
    csrOut.hi = 0;
    return h.csrLo[CSR_MIE];
  },
  write(h, _csrno, lo) {
    h.csrLo[CSR_MIE] = lo & MIE_MASK;
    h.signal |= SIGNAL_STOP;
  },
});

/** mip bits software can write: SSIP, STIP, SEIP (the M bits are driven by the CLINT/PLIC). */
export const MIP_WRITABLE = (1 << 1) | (1 << 5) | (1 << 9);
defineCsr(CSR_MIP, {
  name: "mip",
  read(h) {
    csrOut.hi = 0;
    return effectiveMip(h);
  },
  write(h, _csrno, lo) {
    h.csrLo[CSR_MIP] = (h.csrLo[CSR_MIP] & ~MIP_WRITABLE) | (lo & MIP_WRITABLE);
    h.signal |= SIGNAL_STOP;
  },
});

/** xtvec (Priv §3.1.7): MODE is WARL over Direct (0) and Vectored (1). */
export function tvecCsr(name: string) {
  return {
    name,
    read(h: { csrLo: Int32Array; csrHi: Int32Array }, csrno: number) {
      csrOut.hi = h.csrHi[csrno];
      return h.csrLo[csrno];
    },
    write(h: { csrLo: Int32Array; csrHi: Int32Array }, csrno: number, lo: number, hi: number) {
      h.csrLo[csrno] = lo & ~2;
      h.csrHi[csrno] = hi;
    },
  };
}
defineCsr(CSR_MTVEC, tvecCsr("mtvec"));

defineCsr(CSR_MCOUNTEREN, plainCsr("mcounteren", ALL, 0));
// Priv §3.1.18 menvcfg: FIOM, CBIE/CBCFE/CBZE (Zicbom/Zicboz); in the high
// word STCE (Sstc), PBMTE (Svpbmt) and ADUE (Svadu). PBMTE and ADUE change
// how page tables are walked, so cached translations go.
export const MENVCFG_LO = 0xf1;
export const MENVCFGH_STCE = 1 << 31;
const MENVCFG_HI = MENVCFGH_STCE | (1 << 30) | (1 << 29);
defineCsr(CSR_MENVCFG, {
  ...plainCsr("menvcfg", MENVCFG_LO, MENVCFG_HI),
  write(h, csrno, lo, hi) {
    h.csrLo[csrno] = lo & MENVCFG_LO;
    h.csrHi[csrno] = hi & MENVCFG_HI;
    h.mmu.flush();
    updateSstcLine(h);
  },
});
defineCsr(CSR_MSCRATCH, plainCsr("mscratch", ALL, ALL));
// xepc bit 0 is always zero; bit 1 is writable because C is always on (IALIGN = 16).
defineCsr(CSR_MEPC, plainCsr("mepc", ~1, ALL));
defineCsr(CSR_MCAUSE, plainCsr("mcause", ALL, ALL));
defineCsr(CSR_MTVAL, plainCsr("mtval", ALL, ALL));

// Sdtrig (debug triggers) is not implemented: tselect reads 0 and the
// trigger data registers read 0, which the debug spec defines as "no
// triggers" (tdata1.type = 0).
defineCsr(CSR_TSELECT, zeroCsr("tselect"));
for (let i = 0; i < 3; i++) defineCsr(CSR_TDATA1 + i, zeroCsr(`tdata${i + 1}`));
