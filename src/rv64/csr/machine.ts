// Machine-level CSRs (Priv §3.1; H-extension additions from Priv §9.4).
import {
  CSR_HVIP,
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
  CSR_TDATA1,
  CSR_TSELECT,
  ENVCFGH_ADUE,
  ENVCFGH_PBMTE,
  ENVCFGH_STCE,
  IRQ_VS_SOFT,
  MIDELEG_H_FIXED,
} from "../constants.js";
import { SIGNAL_STOP, type Hart } from "../hart.js";
import { effectiveMip } from "../interrupts.js";
import { timerSettingsChanged } from "../timer.js";
import { constCsr, csrOut, defineCsr, hasHypervisor, plainCsr, zeroCsr } from "./table.js";
import { readMstatus, writeMstatus } from "./status.js";

const ALL = 0xffffffff | 0;

/** misa (Priv §3.1.1): MXL = 64; extensions A C D F I M S U, and H when the hypervisor extension is loaded. */
function misaBits(letters: string): number {
  let v = 0;
  for (const l of letters) v |= 1 << (l.charCodeAt(0) - 65);
  return v;
}
defineCsr(CSR_MISA, {
  name: "misa",
  read() {
    csrOut.hi = 0x80000000 | 0;
    return misaBits("ACDFIMSU") | (hasHypervisor() ? misaBits("H") : 0);
  },
  // WARL: the extension set is fixed.
  write() {},
});
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
  write(h, _csrno, lo, hi) {
    writeMstatus(h, lo, ALL, hi);
  },
});

/**
 * Priv §3.1.8, §9.4: exceptions that can be delegated. Ecall from M (11)
 * cannot occur below M, so its bit is read-only zero; software check (18)
 * and hardware error (19) stay delegable although rvhv never raises them
 * (hedeleg must hold them writable, Priv §9.2.2); with H, ecall from VS (10)
 * and the guest-page faults / virtual instruction (20-23) are added.
 */
const MEDELEG_MASK = 0xcb3ff;
const MEDELEG_H_MASK = 0xfcb7ff;
defineCsr(CSR_MEDELEG, {
  ...plainCsr("medeleg", MEDELEG_H_MASK, 0),
  write(h, csrno, lo) {
    h.csrLo[csrno] = lo & (hasHypervisor() ? MEDELEG_H_MASK : MEDELEG_MASK);
  },
});

/** Only supervisor interrupts can be delegated (SSIP, STIP, SEIP); with H the VS bits and SGEIP are read-only one. */
export const MIDELEG_WRITABLE = (1 << 1) | (1 << 5) | (1 << 9);
defineCsr(CSR_MIDELEG, {
  name: "mideleg",
  read(h) {
    csrOut.hi = 0;
    return h.csrLo[CSR_MIDELEG];
  },
  write(h, csrno, lo) {
    h.csrLo[csrno] = (lo & MIDELEG_WRITABLE) | (hasHypervisor() ? MIDELEG_H_FIXED : 0);
    h.signal |= SIGNAL_STOP;
  },
});

/** Priv §3.1.9, §9.4.3: mie bits of the implemented interrupts (SSIE..MEIE, VSSIE, VSTIE, VSEIE, SGEIE). */
export const MIE_MASK = 0x1eee;
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

/**
 * mip bits software can write: SSIP, STIP, SEIP (the M bits are driven by
 * the CLINT/PLIC), and VSSIP, which aliases hvip.VSSIP (Priv §9.4.3).
 */
export const MIP_WRITABLE = (1 << 1) | (1 << 5) | (1 << 9);
defineCsr(CSR_MIP, {
  name: "mip",
  read(h) {
    csrOut.hi = 0;
    return effectiveMip(h);
  },
  write(h, _csrno, lo) {
    h.csrLo[CSR_MIP] = (h.csrLo[CSR_MIP] & ~MIP_WRITABLE) | (lo & MIP_WRITABLE);
    const vssip = 1 << IRQ_VS_SOFT;
    h.csrLo[CSR_HVIP] = (h.csrLo[CSR_HVIP] & ~vssip) | (lo & vssip);
    h.signal |= SIGNAL_STOP;
  },
  // Priv §3.1.9: only the software-writable SEIP bit takes part in a
  // CSRRS/CSRRC, never the PLIC's signal that a read ORs in (nor the
  // CLINT's or Sstc's timer lines): the writable bits as software left them.
  readForUpdate(h) {
    csrOut.hi = 0;
    return h.csrLo[CSR_MIP] | (h.csrLo[CSR_HVIP] & (1 << IRQ_VS_SOFT));
  },
});

/** xtvec (Priv §3.1.7): MODE is WARL over Direct (0) and Vectored (1). */
export function tvecCsr(name: string) {
  return {
    name,
    read(h: Hart, csrno: number) {
      csrOut.hi = h.csrHi[csrno];
      return h.csrLo[csrno];
    },
    write(h: Hart, csrno: number, lo: number, hi: number) {
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
export const ENVCFG_LO = 0xf1;
const MENVCFG_HI = ENVCFGH_STCE | ENVCFGH_PBMTE | ENVCFGH_ADUE;
defineCsr(CSR_MENVCFG, {
  ...plainCsr("menvcfg", ENVCFG_LO, MENVCFG_HI),
  write(h, csrno, lo, hi) {
    h.csrLo[csrno] = lo & ENVCFG_LO;
    h.csrHi[csrno] = hi & MENVCFG_HI;
    h.mmu.flush();
    timerSettingsChanged(h);
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
