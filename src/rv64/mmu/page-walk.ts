// Page-table walk (Priv §4.3-4.6, and the Svnapot, Svpbmt, Svade/Svadu chapters).
//
// One walker serves every stage: a stage is described by its level count and
// root; the walk reads PTEs from physical memory (PMP-checked as S-mode
// accesses, Priv §3.7.1), checks permissions for the effective privilege and
// returns the physical address. Faults are raised here.
import {
  CAUSE_FETCH_ACCESS,
  CAUSE_FETCH_PAGE_FAULT,
  CAUSE_LOAD_ACCESS,
  CAUSE_LOAD_PAGE_FAULT,
  CAUSE_STORE_ACCESS,
  CAUSE_STORE_PAGE_FAULT,
  CSR_MENVCFG,
  CSR_MSTATUS,
  MSTATUS_MXR,
  MSTATUS_SUM,
  PRIV_S,
  PRIV_U,
} from "../constants.js";
import type { Hart } from "../hart.js";
import { raiseException } from "../trap.js";

// satp.MODE values (Priv §4.1.11 Table 28).
export const SATP_MODE_BARE = 0;
export const SATP_MODE_SV39 = 8;
export const SATP_MODE_SV48 = 9;
export const SATP_MODE_SV57 = 10;

/** satp.MODE values this hart implements (unsupported writes are ignored). */
export function isSupportedSatpMode(mode: number): boolean {
  return mode === SATP_MODE_BARE || mode === SATP_MODE_SV39 || mode === SATP_MODE_SV48 || mode === SATP_MODE_SV57;
}

/** Number of page-table levels for a translation mode. */
export function levelsOf(mode: number): number {
  return mode - 5; // Sv39 = 3, Sv48 = 4, Sv57 = 5
}

// PTE bits (Priv §4.3.1, §4.4.1).
const PTE_V = 1 << 0;
const PTE_R = 1 << 1;
const PTE_W = 1 << 2;
const PTE_X = 1 << 3;
const PTE_U = 1 << 4;
const PTE_A = 1 << 6;
const PTE_D = 1 << 7;
// high word: bits 53:32 are PPN[43:22]; 60:54 reserved; 62:61 PBMT; 63 N.
const PTEH_PPN = 0x3fffff;
const PTEH_RESERVED = 0x7f << 22;
const PTEH_PBMT = 3 << 29;
const PTEH_N = 1 << 31;

// menvcfg high word (bits 63:32).
const MENVCFGH_PBMTE = 1 << 30; // Svpbmt enabled
const MENVCFGH_ADUE = 1 << 29; // Svadu: hardware A/D updates

/**
 * What a walk is for: it decides the permission checked and the cause of a
 * fault. A cache-block operation (Zicbom) needs only load permission but
 * reports store faults.
 */
export const WALK_FETCH = 0;
export const WALK_LOAD = 1;
export const WALK_STORE = 2;
export const WALK_AMO = 3;
export const WALK_CBO = 4;

const PAGE_FAULT = [CAUSE_FETCH_PAGE_FAULT, CAUSE_LOAD_PAGE_FAULT, CAUSE_STORE_PAGE_FAULT, CAUSE_STORE_PAGE_FAULT, CAUSE_STORE_PAGE_FAULT];
const ACCESS_FAULT = [CAUSE_FETCH_ACCESS, CAUSE_LOAD_ACCESS, CAUSE_STORE_ACCESS, CAUSE_STORE_ACCESS, CAUSE_STORE_ACCESS];

/** VPN[level] of a virtual address (9 bits each, from bit 12). */
function vpn(lo: number, hi: number, level: number): number {
  switch (level) {
    case 0:
      return (lo >>> 12) & 511;
    case 1:
      return (lo >>> 21) & 511;
    case 2:
      return ((lo >>> 30) | (hi << 2)) & 511;
    case 3:
      return (hi >>> 7) & 511;
    default:
      return (hi >>> 16) & 511;
  }
}

/**
 * Walks the page table rooted at physical address `root` with `levels`
 * levels for virtual address (hi:lo), for an access of `faultKind`
 * (WALK_*) at privilege `priv`. Returns the
 * physical address.
 */
export function walkPageTable(
  h: Hart,
  lo: number,
  hi: number,
  root: number,
  levels: number,
  faultKind: number,
  priv: number,
): number {
  // Priv §4.3.1 ff.: bits above the VA width must equal its top bit.
  const top = hi >> (levels * 9 + 12 - 1 - 32);
  if (top !== 0 && top !== -1) raiseException(h, PAGE_FAULT[faultKind], lo, hi);

  const ram = h.phys.ram;
  const menvcfgHi = h.csrHi[CSR_MENVCFG];
  let table = root;
  for (let level = levels - 1; level >= 0; level--) {
    const pteAddr = table + vpn(lo, hi, level) * 8;
    const off = ram.offsetOf(pteAddr, 8);
    if (off < 0 || !h.pmp.allowsAt(pteAddr, 8, 1, PRIV_S)) raiseException(h, ACCESS_FAULT[faultKind], lo, hi);
    const pteLo = ram.i32[off >>> 2];
    const pteHi = ram.i32[(off >>> 2) + 1];

    if ((pteLo & PTE_V) === 0 || (pteLo & (PTE_R | PTE_W)) === PTE_W) break;
    if ((pteHi & PTEH_RESERVED) !== 0) break;
    // Svpbmt: PBMT is reserved unless enabled; the value 3 is always reserved.
    const pbmt = pteHi & PTEH_PBMT;
    if (pbmt !== 0 && ((menvcfgHi & MENVCFGH_PBMTE) === 0 || pbmt === PTEH_PBMT)) break;
    const ppn = (pteHi & PTEH_PPN) * 4194304 + (pteLo >>> 10);

    if ((pteLo & (PTE_R | PTE_X)) === 0) {
      // Pointer to the next level: D, A, U, N and PBMT are reserved here (Priv §4.3.1, Svnapot, Svpbmt).
      if ((pteLo & (PTE_D | PTE_A | PTE_U)) !== 0 || (pteHi & (PTEH_N | PTEH_PBMT)) !== 0) break;
      table = ppn * 4096;
      continue;
    }

    // Leaf: permissions (Priv §4.3.2 step 5).
    const mstatus = h.csrLo[CSR_MSTATUS];
    if (priv === PRIV_U) {
      if ((pteLo & PTE_U) === 0) break;
    } else if ((pteLo & PTE_U) !== 0) {
      // S-mode may touch user pages only for data, and only with SUM.
      if (faultKind === WALK_FETCH || (mstatus & MSTATUS_SUM) === 0) break;
    }
    if (faultKind === WALK_FETCH) {
      if ((pteLo & PTE_X) === 0) break;
    } else if (faultKind === WALK_LOAD || faultKind === WALK_CBO) {
      if ((pteLo & PTE_R) === 0 && !((mstatus & MSTATUS_MXR) !== 0 && (pteLo & PTE_X) !== 0)) break;
    } else if ((pteLo & PTE_W) === 0 || (faultKind === WALK_AMO && (pteLo & PTE_R) === 0)) {
      break;
    }

    // Superpages must be aligned (step 6).
    const span = 2 ** (9 * level); // pages covered by this leaf
    if (ppn % span !== 0) break;

    // Svnapot: N marks a 64 KiB NAPOT page (ppn[3:0] = 1000 at level 0); other sizes are reserved.
    let napotPages = 1;
    if ((pteHi & PTEH_N) !== 0) {
      if (level !== 0 || (ppn & 15) !== 8) break;
      napotPages = 16;
    }

    // A/D (step 7): Svade faults; Svadu (menvcfg.ADUE) sets them in memory.
    const needD = faultKind === WALK_STORE || faultKind === WALK_AMO;
    if ((pteLo & PTE_A) === 0 || (needD && (pteLo & PTE_D) === 0)) {
      if ((menvcfgHi & MENVCFGH_ADUE) === 0) break;
      if (!h.pmp.allowsAt(pteAddr, 8, 2, PRIV_S)) raiseException(h, ACCESS_FAULT[faultKind], lo, hi);
      const updated = pteLo | PTE_A | (needD ? PTE_D : 0);
      ram.i32[off >>> 2] = updated;
      h.phys.noteRamWrite(pteAddr, 8, off >>> 12, ram.pageFlags[off >>> 12]);
    }

    // Physical address (step 8): low VPN bits come from the VA for superpages
    // and NAPOT pages.
    const pages = span * napotPages;
    const vpage = (hi >>> 0) * 1048576 + (lo >>> 12); // VA >> 12, exact below 2^53 (VA >> 12 < 2^52)
    const ppage = ppn - (ppn % pages) + (vpage % pages);
    return ppage * 4096 + (lo & 4095);
  }
  return raiseException(h, PAGE_FAULT[faultKind], lo, hi);
}
