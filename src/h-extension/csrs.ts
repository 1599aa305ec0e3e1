// Hypervisor and virtual-supervisor CSRs (Priv §9.2), plus mtval2/mtinst
// (§9.4.4-5). With V=1 the S-level CSR numbers reach the VS copies here: the
// redirect itself is decided in one place, csrAccess (src/rv64/exec/zicsr.ts).
import {
  CSR_HCOUNTEREN,
  CSR_HEDELEG,
  CSR_HENVCFG,
  CSR_HGATP,
  CSR_HGEIE,
  CSR_HGEIP,
  CSR_HIDELEG,
  CSR_HIE,
  CSR_HIP,
  CSR_HSTATUS,
  CSR_HSTATEEN0,
  CSR_HTIMEDELTA,
  CSR_HTINST,
  CSR_HTVAL,
  CSR_HVIP,
  CSR_MCOUNTEREN,
  CSR_MENVCFG,
  CSR_MIE,
  CSR_MSTATUS,
  CSR_MTINST,
  CSR_MTVAL2,
  CSR_VSATP,
  CSR_VSCAUSE,
  CSR_VSEPC,
  CSR_VSIE,
  CSR_VSIP,
  CSR_VSSCRATCH,
  CSR_VSSTATUS,
  CSR_VSTIMECMP,
  CSR_VSTVAL,
  CSR_VSTVEC,
  ENVCFGH_ADUE,
  ENVCFGH_PBMTE,
  ENVCFGH_STCE,
  GEILEN,
  HSTATUS_GVA,
  HSTATUS_HU,
  HSTATUS_SPV,
  HSTATUS_SPVP,
  HSTATUS_VGEIN,
  HSTATUS_VGEIN_SHIFT,
  HSTATUS_VTSR,
  HSTATUS_VTVM,
  HSTATUS_VTW,
  IRQ_SG_EXT,
  IRQ_VS_SOFT,
  MSTATUSH_SD,
  MSTATUS_FS,
  MSTATUS_MXR,
  MSTATUS_SIE,
  MSTATUS_SPIE,
  MSTATUS_SPP,
  MSTATUS_SUM,
  MSTATUS_TVM,
  MSTATUS_XS,
  MSTATUS_VS,
  PRIV_S,
  PRIV_M,
  STATEEN_COUNT,
  VS_INTERRUPTS,
} from "../rv64/constants.js";
import { SIGNAL_STOP, type Hart } from "../rv64/hart.js";
import { effectiveMip } from "../rv64/interrupts.js";
import { isSupportedSatpMode } from "../rv64/mmu/page-walk.js";
import { timerSettingsChanged } from "../rv64/timer.js";
import { CSR_ILLEGAL, CSR_OK, CSR_VIRTUAL, type CsrDef, csrOut, defineCsr, plainCsr } from "../rv64/csr/table.js";
import { ENVCFG_LO, tvecCsr } from "../rv64/csr/machine.js";
import { envcfgPredicate, hstateenCsr } from "../rv64/csr/stateen.js";

const ALL = 0xffffffff | 0;

// ---- hstatus (Priv §9.2.1): VSXL is read-only 64; VSBE is read-only 0
// (little-endian only); VGEIN is WLRL over 0..GEILEN.
const HSTATUS_WRITABLE =
  HSTATUS_GVA | HSTATUS_SPV | HSTATUS_SPVP | HSTATUS_HU | HSTATUS_VGEIN | HSTATUS_VTVM | HSTATUS_VTW | HSTATUS_VTSR;
defineCsr(CSR_HSTATUS, {
  name: "hstatus",
  read(h) {
    csrOut.hi = h.csrHi[CSR_HSTATUS];
    return h.csrLo[CSR_HSTATUS];
  },
  write(h, _csrno, lo) {
    let v = lo & HSTATUS_WRITABLE;
    if ((v & HSTATUS_VGEIN) >>> HSTATUS_VGEIN_SHIFT > GEILEN) v &= ~HSTATUS_VGEIN;
    h.csrLo[CSR_HSTATUS] = v;
    h.signal |= SIGNAL_STOP; // VGEIN selects the VSEIP source
  },
});

// ---- delegation (Priv §9.2.2, the table of hedeleg bits): hedeleg can pass
// on the exceptions VS-mode can take (0-8, 12, 13, 15, software check 18 and
// hardware error 19) but not ecalls from HS/VS/M, guest-page faults or
// virtual instructions; hideleg the three VS-level interrupts.
defineCsr(CSR_HEDELEG, plainCsr("hedeleg", 0xcb1ff, 0));
defineCsr(CSR_HIDELEG, {
  ...plainCsr("hideleg", VS_INTERRUPTS, 0),
  write(h, csrno, lo) {
    h.csrLo[csrno] = lo & VS_INTERRUPTS;
    h.signal |= SIGNAL_STOP;
  },
});

// ---- hvip, hip, hie (Priv §9.2.3). hie/hip are the VS and SGEI bits of mie/mip.
const H_INTERRUPTS = VS_INTERRUPTS | (1 << IRQ_SG_EXT);
const VSSIP = 1 << IRQ_VS_SOFT;
defineCsr(CSR_HVIP, {
  ...plainCsr("hvip", VS_INTERRUPTS, 0),
  write(h, csrno, lo) {
    h.csrLo[csrno] = lo & VS_INTERRUPTS;
    h.signal |= SIGNAL_STOP;
  },
});
defineCsr(CSR_HIP, {
  name: "hip",
  read(h) {
    csrOut.hi = 0;
    return effectiveMip(h) & H_INTERRUPTS;
  },
  // Only VSSIP is writable in hip: an alias of hvip.VSSIP.
  write(h, _csrno, lo) {
    h.csrLo[CSR_HVIP] = (h.csrLo[CSR_HVIP] & ~VSSIP) | (lo & VSSIP);
    h.signal |= SIGNAL_STOP;
  },
});
defineCsr(CSR_HIE, {
  name: "hie",
  read(h) {
    csrOut.hi = 0;
    return h.csrLo[CSR_MIE] & H_INTERRUPTS;
  },
  write(h, _csrno, lo) {
    h.csrLo[CSR_MIE] = (h.csrLo[CSR_MIE] & ~H_INTERRUPTS) | (lo & H_INTERRUPTS);
    h.signal |= SIGNAL_STOP;
  },
});

// ---- hgeip/hgeie (Priv §9.2.4): GEILEN guest external interrupt lines, driven by the platform.
const HGEI_MASK = ((1 << (GEILEN + 1)) - 2) | 0;
defineCsr(CSR_HGEIE, {
  ...plainCsr("hgeie", HGEI_MASK, 0),
  write(h, csrno, lo) {
    h.csrLo[csrno] = lo & HGEI_MASK;
    h.signal |= SIGNAL_STOP;
  },
});
defineCsr(CSR_HGEIP, {
  name: "hgeip",
  read(h) {
    csrOut.hi = 0;
    return h.hgeipLines & HGEI_MASK;
  },
});

// ---- henvcfg (Priv §9.2.5): as senvcfg plus STCE/PBMTE/ADUE, each
// read-only zero while the matching menvcfg bit is zero. Smstateen:
// mstateen0.ENVCFG guards it below M.
const HENVCFG_HI = ENVCFGH_STCE | ENVCFGH_PBMTE | ENVCFGH_ADUE;
defineCsr(CSR_HENVCFG, {
  name: "henvcfg",
  predicate: envcfgPredicate,
  read(h) {
    csrOut.hi = h.csrHi[CSR_HENVCFG] & h.csrHi[CSR_MENVCFG];
    return h.csrLo[CSR_HENVCFG];
  },
  write(h, csrno, lo, hi) {
    h.csrLo[csrno] = lo & ENVCFG_LO;
    h.csrHi[csrno] = hi & HENVCFG_HI & h.csrHi[CSR_MENVCFG];
    h.mmu.flush();
    timerSettingsChanged(h);
  },
});

defineCsr(CSR_HCOUNTEREN, plainCsr("hcounteren", ALL, 0));

// ---- hstateen0..3 (Smstateen), beside mstateen/sstateen in src/rv64/csr/stateen.ts.
for (let n = 0; n < STATEEN_COUNT; n++) defineCsr(CSR_HSTATEEN0 + n, hstateenCsr(n));
defineCsr(CSR_HTIMEDELTA, {
  ...plainCsr("htimedelta", ALL, ALL),
  write(h, csrno, lo, hi) {
    h.csrLo[csrno] = lo;
    h.csrHi[csrno] = hi;
    timerSettingsChanged(h);
  },
});
defineCsr(CSR_HTVAL, plainCsr("htval", ALL, ALL));
defineCsr(CSR_HTINST, plainCsr("htinst", ALL, ALL));
defineCsr(CSR_MTVAL2, plainCsr("mtval2", ALL, ALL));
defineCsr(CSR_MTINST, plainCsr("mtinst", ALL, ALL));

// ---- hgatp (Priv §9.2.10): HS-mode access is illegal under mstatus.TVM.
// MODE is WARL (an unsupported mode keeps the old one); VMID has 14 bits
// (VMIDLEN = 14, discoverable by writing ones); PPN[1:0] read as zero
// (16 KiB root).
defineCsr(CSR_HGATP, {
  name: "hgatp",
  predicate(h) {
    return h.priv === PRIV_S && !h.virt && (h.csrLo[CSR_MSTATUS] & MSTATUS_TVM) !== 0 ? CSR_ILLEGAL : CSR_OK;
  },
  read(h) {
    csrOut.hi = h.csrHi[CSR_HGATP];
    return h.csrLo[CSR_HGATP];
  },
  write(h, _csrno, lo, hi) {
    let mode = hi >>> 28;
    if (!isSupportedSatpMode(mode)) mode = h.csrHi[CSR_HGATP] >>> 28;
    h.csrLo[CSR_HGATP] = lo & ~3;
    h.csrHi[CSR_HGATP] = (mode << 28) | (hi & 0x03fff000) | (hi & 0xfff);
    h.mmu.guestSpaceChanged(true);
  },
});

// ---- VS CSRs (Priv §9.2.11-19).

/** vsstatus: the sstatus layout; SD summarises vsstatus.FS only; UXL fixed at 64. */
const VSSTATUS_WRITABLE = MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_FS | MSTATUS_SUM | MSTATUS_MXR;
defineCsr(CSR_VSSTATUS, {
  name: "vsstatus",
  read(h) {
    const lo = h.csrLo[CSR_VSSTATUS];
    const dirty =
      (lo & MSTATUS_FS) === MSTATUS_FS || (lo & MSTATUS_XS) === MSTATUS_XS || (lo & MSTATUS_VS) === MSTATUS_VS;
    csrOut.hi = dirty ? h.csrHi[CSR_VSSTATUS] | MSTATUSH_SD : h.csrHi[CSR_VSSTATUS] & ~MSTATUSH_SD;
    return lo;
  },
  write(h, _csrno, lo) {
    const old = h.csrLo[CSR_VSSTATUS];
    const v = (old & ~VSSTATUS_WRITABLE) | (lo & VSSTATUS_WRITABLE);
    h.csrLo[CSR_VSSTATUS] = v;
    if (((old ^ v) & MSTATUS_MXR) !== 0) h.mmu.flush();
    if (((old ^ v) & MSTATUS_SUM) !== 0) h.mmu.selectContext();
    h.signal |= SIGNAL_STOP;
  },
});

/**
 * vsip/vsie (Priv §9.2.12): the guest's sip/sie. Bit n-1 (SSIP, STIP, SEIP)
 * shows VS-level bit n (VSSIP, VSTIP, VSEIP) where hideleg delegates it, and
 * reads zero otherwise.
 */
function delegatedVs(h: Hart): number {
  return h.csrLo[CSR_HIDELEG] & VS_INTERRUPTS;
}
defineCsr(CSR_VSIP, {
  name: "vsip",
  read(h) {
    csrOut.hi = 0;
    return (effectiveMip(h) & delegatedVs(h)) >>> 1;
  },
  // Only SSIP is writable: it is hvip.VSSIP (when delegated).
  write(h, _csrno, lo) {
    const mask = delegatedVs(h) & VSSIP;
    h.csrLo[CSR_HVIP] = (h.csrLo[CSR_HVIP] & ~mask) | ((lo << 1) & mask);
    h.signal |= SIGNAL_STOP;
  },
});
defineCsr(CSR_VSIE, {
  name: "vsie",
  read(h) {
    csrOut.hi = 0;
    return (h.csrLo[CSR_MIE] & delegatedVs(h)) >>> 1;
  },
  write(h, _csrno, lo) {
    const mask = delegatedVs(h);
    h.csrLo[CSR_MIE] = (h.csrLo[CSR_MIE] & ~mask) | ((lo << 1) & mask);
    h.signal |= SIGNAL_STOP;
  },
});

defineCsr(CSR_VSTVEC, tvecCsr("vstvec"));
defineCsr(CSR_VSSCRATCH, plainCsr("vsscratch", ALL, ALL));
defineCsr(CSR_VSEPC, plainCsr("vsepc", ~1, ALL));
defineCsr(CSR_VSCAUSE, plainCsr("vscause", ALL, ALL));
defineCsr(CSR_VSTVAL, plainCsr("vstval", ALL, ALL));

/**
 * vsatp (Priv §9.2.18): with V=1 (reached as satp) hstatus.VTVM makes access
 * a virtual instruction; an unsupported MODE write is ignored entirely.
 */
const vsatp: CsrDef = {
  name: "vsatp",
  predicate(h) {
    return h.virt && (h.csrLo[CSR_HSTATUS] & HSTATUS_VTVM) !== 0 ? CSR_VIRTUAL : CSR_OK;
  },
  read(h) {
    csrOut.hi = h.csrHi[CSR_VSATP];
    return h.csrLo[CSR_VSATP];
  },
  write(h, _csrno, lo, hi) {
    if (!isSupportedSatpMode(hi >>> 28)) return;
    h.csrLo[CSR_VSATP] = lo;
    h.csrHi[CSR_VSATP] = hi;
    h.mmu.guestSpaceChanged(false);
  },
};
defineCsr(CSR_VSATP, vsatp);

/**
 * vstimecmp (Sstc §2.2, Priv §9.2.6): below M it needs mcounteren.TM and
 * menvcfg.STCE (else illegal); with V=1 also hcounteren.TM and henvcfg.STCE
 * (else a virtual instruction).
 */
defineCsr(CSR_VSTIMECMP, {
  name: "vstimecmp",
  predicate(h) {
    if (h.priv === PRIV_M) return CSR_OK;
    if ((h.csrLo[CSR_MCOUNTEREN] & 2) === 0 || h.csrHi[CSR_MENVCFG] >= 0) return CSR_ILLEGAL;
    if (h.virt && ((h.csrLo[CSR_HCOUNTEREN] & 2) === 0 || h.csrHi[CSR_HENVCFG] >= 0)) return CSR_VIRTUAL;
    return CSR_OK;
  },
  read(h) {
    csrOut.hi = h.csrHi[CSR_VSTIMECMP];
    return h.csrLo[CSR_VSTIMECMP];
  },
  write(h, _csrno, lo, hi) {
    h.csrLo[CSR_VSTIMECMP] = lo;
    h.csrHi[CSR_VSTIMECMP] = hi;
    timerSettingsChanged(h);
  },
});
