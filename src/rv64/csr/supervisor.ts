// Supervisor-level CSRs (Priv §4.1). sstatus, sie and sip are views of the
// machine registers; the rest are their own storage.
import {
  CSR_MIDELEG,
  CSR_MIE,
  CSR_MIP,
  CSR_MSTATUS,
  CSR_SATP,
  CSR_SCAUSE,
  CSR_SCOUNTEREN,
  CSR_SENVCFG,
  CSR_SEPC,
  CSR_SIE,
  CSR_SIP,
  CSR_SSCRATCH,
  CSR_SSTATUS,
  CSR_STIMECMP,
  CSR_STVAL,
  CSR_MCOUNTEREN,
  CSR_STVEC,
  MSTATUS_TVM,
  PRIV_M,
  PRIV_S,
} from "../constants.js";
import { SIGNAL_STOP } from "../hart.js";
import { effectiveMip } from "../interrupts.js";
import { isSupportedSatpMode } from "../mmu/page-walk.js";
import { CSR_ILLEGAL, CSR_OK, csrOut, defineCsr, plainCsr } from "./table.js";
import { SSTATUS_MASK_HI, SSTATUS_MASK_LO, readMstatus, writeMstatus } from "./status.js";
import { tvecCsr } from "./machine.js";
import { envcfgPredicate } from "./stateen.js";
import { sstcEnabled, timerSettingsChanged } from "../timer.js";

const ALL = 0xffffffff | 0;

defineCsr(CSR_SSTATUS, {
  name: "sstatus",
  read(h) {
    const v = readMstatus(h);
    csrOut.hi = v.hi & SSTATUS_MASK_HI;
    return v.lo & SSTATUS_MASK_LO;
  },
  write(h, _csrno, lo) {
    writeMstatus(h, lo, SSTATUS_MASK_LO);
  },
});

/**
 * Priv §4.1.3: sie/sip expose the delegated supervisor bits of mie/mip. The
 * VS-level and guest-external bits appear in hie/hip instead (Priv §9.2.3).
 */
const S_INTERRUPTS = (1 << 1) | (1 << 5) | (1 << 9);
defineCsr(CSR_SIE, {
  name: "sie",
  read(h) {
    csrOut.hi = 0;
    return h.csrLo[CSR_MIE] & h.csrLo[CSR_MIDELEG] & S_INTERRUPTS;
  },
  write(h, _csrno, lo) {
    const mask = h.csrLo[CSR_MIDELEG] & S_INTERRUPTS;
    h.csrLo[CSR_MIE] = (h.csrLo[CSR_MIE] & ~mask) | (lo & mask);
    h.signal |= SIGNAL_STOP;
  },
});

/** Only SSIP is writable through sip (STIP and SEIP are read-only there). */
const SIP_WRITABLE = 1 << 1;
defineCsr(CSR_SIP, {
  name: "sip",
  read(h) {
    csrOut.hi = 0;
    return effectiveMip(h) & h.csrLo[CSR_MIDELEG] & S_INTERRUPTS;
  },
  write(h, _csrno, lo) {
    const mask = h.csrLo[CSR_MIDELEG] & SIP_WRITABLE;
    h.csrLo[CSR_MIP] = (h.csrLo[CSR_MIP] & ~mask) | (lo & mask);
    h.signal |= SIGNAL_STOP;
  },
});

// Sstc §2.1: stimecmp. Below M it needs mcounteren.TM and menvcfg.STCE.
defineCsr(CSR_STIMECMP, {
  name: "stimecmp",
  predicate(h) {
    if (h.priv === PRIV_M) return CSR_OK;
    return (h.csrLo[CSR_MCOUNTEREN] & 2) !== 0 && sstcEnabled(h) ? CSR_OK : CSR_ILLEGAL;
  },
  read(h) {
    csrOut.hi = h.csrHi[CSR_STIMECMP];
    return h.csrLo[CSR_STIMECMP];
  },
  write(h, _csrno, lo, hi) {
    h.csrLo[CSR_STIMECMP] = lo;
    h.csrHi[CSR_STIMECMP] = hi;
    timerSettingsChanged(h);
  },
});

defineCsr(CSR_STVEC, tvecCsr("stvec"));
defineCsr(CSR_SCOUNTEREN, plainCsr("scounteren", ALL, 0));
// Priv §4.1.5 senvcfg: FIOM and the cache-block enables. Smstateen:
// mstateen0.ENVCFG (and hstateen0.ENVCFG in VS-mode) guards it.
defineCsr(CSR_SENVCFG, { ...plainCsr("senvcfg", 0xf1, 0), predicate: envcfgPredicate });
defineCsr(CSR_SSCRATCH, plainCsr("sscratch", ALL, ALL));
defineCsr(CSR_SEPC, plainCsr("sepc", ~1, ALL));
defineCsr(CSR_SCAUSE, plainCsr("scause", ALL, ALL));
defineCsr(CSR_STVAL, plainCsr("stval", ALL, ALL));

// Priv §4.1.11: satp. MODE is WARL: a write of an unsupported mode has no
// effect at all. mstatus.TVM makes S-mode access illegal (§3.1.6.5).
defineCsr(CSR_SATP, {
  name: "satp",
  predicate(h) {
    return h.priv === PRIV_S && (h.csrLo[CSR_MSTATUS] & MSTATUS_TVM) !== 0 ? CSR_ILLEGAL : CSR_OK;
  },
  read(h) {
    csrOut.hi = h.csrHi[CSR_SATP];
    return h.csrLo[CSR_SATP];
  },
  write(h, _csrno, lo, hi) {
    if (!isSupportedSatpMode(hi >>> 28)) return;
    h.csrLo[CSR_SATP] = lo;
    // ASID is 16 bits (44..59); PPN is 44 bits.
    h.csrHi[CSR_SATP] = hi;
    h.mmu.flushHost();
    h.signal |= SIGNAL_STOP;
  },
});
