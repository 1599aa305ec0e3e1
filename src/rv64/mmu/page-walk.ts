// Page-table walk (Priv §4.3-4.6, §9.5; Svnapot, Svpbmt, Svade/Svadu).
//
// One algorithm serves every stage, chosen by a stage argument:
//   STAGE_S  - single-stage translation (satp): PTEs at physical addresses;
//   STAGE_VS - the first stage under V=1 (vsatp): PTE addresses are guest
//              physical and are themselves G-stage translated;
//   STAGE_G  - the second stage (hgatp, Sv39x4/48x4/57x4): the root table
//              is 16 KiB with two extra index bits, every access counts as
//              U-mode, and faults are guest-page faults.
// PTE reads and A/D writes are PMP-checked as S-mode accesses (Priv §3.7.1).
import {
  CAUSE_FETCH_ACCESS,
  CAUSE_FETCH_GUEST_PAGE_FAULT,
  CAUSE_FETCH_PAGE_FAULT,
  CAUSE_LOAD_ACCESS,
  CAUSE_LOAD_GUEST_PAGE_FAULT,
  CAUSE_LOAD_PAGE_FAULT,
  CAUSE_STORE_ACCESS,
  CAUSE_STORE_GUEST_PAGE_FAULT,
  CAUSE_STORE_PAGE_FAULT,
  CSR_HENVCFG,
  CSR_MENVCFG,
  CSR_MSTATUS,
  CSR_VSSTATUS,
  ENVCFGH_ADUE,
  ENVCFGH_PBMTE,
  MSTATUS_MXR,
  MSTATUS_SUM,
  PRIV_S,
  PRIV_U,
  TINST_PSEUDO_READ64,
  TINST_PSEUDO_WRITE64,
} from "../constants.js";
import type { Hart } from "../hart.js";
import { raiseException, raiseGuestPageFault } from "../trap.js";

// satp/vsatp/hgatp MODE values (Priv §4.1.11 Table 28, §9.2.10).
export const SATP_MODE_BARE = 0;
export const SATP_MODE_SV39 = 8;
export const SATP_MODE_SV48 = 9;
export const SATP_MODE_SV57 = 10;

/** satp.MODE values this hart implements (unsupported writes are ignored). */
export function isSupportedSatpMode(mode: number): boolean {
  return mode === SATP_MODE_BARE || mode === SATP_MODE_SV39 || mode === SATP_MODE_SV48 || mode === SATP_MODE_SV57;
}

/** Number of page-table levels for a translation mode (also for the x4 G-stage modes). */
export function levelsOf(mode: number): number {
  return mode - 5; // Sv39 = 3, Sv48 = 4, Sv57 = 5
}

export const STAGE_S = 0;
export const STAGE_VS = 1;
export const STAGE_G = 2;

/**
 * What a walk is for: it decides the permission checked and the fault
 * cause. A cache-block operation (Zicbom) needs only load permission but
 * reports store faults; HLVX needs execute permission but reports load faults.
 */
export const WALK_FETCH = 0;
export const WALK_LOAD = 1;
export const WALK_STORE = 2;
export const WALK_AMO = 3;
export const WALK_CBO = 4;
export const WALK_HLVX = 5;

const PAGE_FAULT = [
  CAUSE_FETCH_PAGE_FAULT,
  CAUSE_LOAD_PAGE_FAULT,
  CAUSE_STORE_PAGE_FAULT,
  CAUSE_STORE_PAGE_FAULT,
  CAUSE_STORE_PAGE_FAULT,
  CAUSE_LOAD_PAGE_FAULT,
];
const GUEST_PAGE_FAULT = [
  CAUSE_FETCH_GUEST_PAGE_FAULT,
  CAUSE_LOAD_GUEST_PAGE_FAULT,
  CAUSE_STORE_GUEST_PAGE_FAULT,
  CAUSE_STORE_GUEST_PAGE_FAULT,
  CAUSE_STORE_GUEST_PAGE_FAULT,
  CAUSE_LOAD_GUEST_PAGE_FAULT,
];
const ACCESS_FAULT = [
  CAUSE_FETCH_ACCESS,
  CAUSE_LOAD_ACCESS,
  CAUSE_STORE_ACCESS,
  CAUSE_STORE_ACCESS,
  CAUSE_STORE_ACCESS,
  CAUSE_LOAD_ACCESS,
];

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

/** VPN[level] of a (hi:lo) address; `mask` is 511, or 2047 for the G-stage root level. */
function vpn(lo: number, hi: number, level: number, mask: number): number {
  switch (level) {
    case 0:
      return (lo >>> 12) & mask;
    case 1:
      return (lo >>> 21) & mask;
    case 2:
      return ((lo >>> 30) | (hi << 2)) & mask;
    case 3:
      return (hi >>> 7) & mask;
    default:
      return (hi >>> 16) & mask;
  }
}

/**
 * The virtual address of the access being translated, reported in
 * stval/mtval by every fault of the walk (including G-stage faults of a VS
 * access), set by translate.ts before each translation; and, once it
 * succeeds, `spanBits`: log2 of the size of the (VS-stage or single-stage)
 * leaf it used, or 0 when no page table was involved. The TLB keeps it so an
 * address-specific SFENCE.VMA can find every 4 KiB entry cut from a superpage.
 */
export const walkOrigin = { lo: 0, hi: 0, spanBits: 0 };

/**
 * Translates (hi:lo) through one stage; returns the resulting (guest)
 * physical address as a number.
 *
 * - `root`, `levels`: the table (from satp, vsatp or hgatp).
 * - `permission` (WALK_*): the access-type permission checked;
 *   `faultKind` (WALK_*): the access reported in fault causes. They differ
 *   only for G-stage walks of VS-level PTE addresses.
 * - `priv`: effective privilege (PRIV_S or PRIV_U) for the U-bit rules.
 * - `gRoot`/`gLevels`: for STAGE_VS, the G-stage for PTE addresses
 *   (gLevels = 0 when hgatp is Bare).
 * - `tinst`: for STAGE_G, the htinst/mtinst value of a guest-page fault
 *   (a pseudoinstruction for implicit accesses, else 0: trap entry then
 *   writes the transformed instruction).
 */
export function walk(
  h: Hart,
  lo: number,
  hi: number,
  stage: number,
  root: number,
  levels: number,
  permission: number,
  faultKind: number,
  priv: number,
  gRoot: number,
  gLevels: number,
  tinst: number,
): number {
  const topBits = levels * 9 + 12;
  if (stage === STAGE_G) {
    // Priv §9.5.1: GPA bits above the width (+2) must be zero.
    if (hi >>> (topBits + 2 - 32) !== 0) guestFault(h, lo, hi, faultKind, tinst);
    const hostPage = h.mmu.gstageCache.lookup(
      (hi >>> 0) * 1048576 + (lo >>> 12),
      permission,
      (h.csrLo[CSR_MSTATUS] & MSTATUS_MXR) !== 0,
    );
    if (hostPage >= 0) return hostPage * 4096 + (lo & 4095);
  } else {
    // Priv §4.3.1 ff.: VA bits above the width must equal its top bit.
    const top = hi >> (topBits - 1 - 32);
    if (top !== 0 && top !== -1) raiseException(h, PAGE_FAULT[faultKind], walkOrigin.lo, walkOrigin.hi);
  }

  const ram = h.phys.ram;
  const envcfgHi = stage === STAGE_VS ? h.csrHi[CSR_HENVCFG] & h.csrHi[CSR_MENVCFG] : h.csrHi[CSR_MENVCFG];
  const mstatus = h.csrLo[CSR_MSTATUS];
  // VS-stage uses vsstatus.SUM/MXR, and HS-level MXR too (Priv §9.5).
  const status = stage === STAGE_VS ? h.csrLo[CSR_VSSTATUS] | (mstatus & MSTATUS_MXR) : mstatus;
  let table = root;
  for (let level = levels - 1; level >= 0; level--) {
    const index = vpn(lo, hi, level, stage === STAGE_G && level === levels - 1 ? 2047 : 511);
    const pteGpa = table + index * 8;
    const pteAddr =
      stage === STAGE_VS ? ptePhysical(h, pteGpa, faultKind, gRoot, gLevels, TINST_PSEUDO_READ64) : pteGpa;
    const off = ram.offsetOf(pteAddr, 8);
    if (off < 0 || !h.pmp.allowsAt(pteAddr, 8, 1, PRIV_S)) {
      raiseException(h, ACCESS_FAULT[faultKind], walkOrigin.lo, walkOrigin.hi);
    }
    const pteLo = ram.i32[off >>> 2];
    const pteHi = ram.i32[(off >>> 2) + 1];

    if ((pteLo & PTE_V) === 0 || (pteLo & (PTE_R | PTE_W)) === PTE_W) break;
    if ((pteHi & PTEH_RESERVED) !== 0) break;
    // Svpbmt: PBMT is reserved unless enabled; the value 3 is always reserved.
    const pbmt = pteHi & PTEH_PBMT;
    if (pbmt !== 0 && ((envcfgHi & ENVCFGH_PBMTE) === 0 || pbmt === PTEH_PBMT)) break;
    const ppn = (pteHi & PTEH_PPN) * 4194304 + (pteLo >>> 10);

    if ((pteLo & (PTE_R | PTE_X)) === 0) {
      // Pointer to the next level: D, A, U, N and PBMT are reserved here.
      if ((pteLo & (PTE_D | PTE_A | PTE_U)) !== 0 || (pteHi & (PTEH_N | PTEH_PBMT)) !== 0) break;
      table = ppn * 4096;
      continue;
    }

    // Leaf: the U bit (Priv §4.3.2 step 5). The G-stage always checks as U-mode.
    if (stage === STAGE_G || priv === PRIV_U) {
      if ((pteLo & PTE_U) === 0) break;
    } else if ((pteLo & PTE_U) !== 0) {
      // S-mode may touch user pages only for data, and only with SUM.
      if (permission === WALK_FETCH || permission === WALK_HLVX || (status & MSTATUS_SUM) === 0) break;
    }
    // Access-type permission.
    if (permission === WALK_FETCH || permission === WALK_HLVX) {
      if ((pteLo & PTE_X) === 0) break;
    } else if (permission === WALK_LOAD || permission === WALK_CBO) {
      if ((pteLo & PTE_R) === 0 && !((status & MSTATUS_MXR) !== 0 && (pteLo & PTE_X) !== 0)) break;
    } else if ((pteLo & PTE_W) === 0) {
      break;
    }

    // Superpages must be aligned (step 6).
    const span = 2 ** (9 * level);
    if (ppn % span !== 0) break;

    // Svnapot: N marks a 64 KiB NAPOT page (ppn[3:0] = 1000 at level 0); other sizes are reserved.
    let pages = span;
    if ((pteHi & PTEH_N) !== 0) {
      if (level !== 0 || (ppn & 15) !== 8) break;
      pages = 16;
    }

    // A/D (step 7): Svade faults; Svadu (xenvcfg.ADUE) sets them in memory.
    const needD = permission === WALK_STORE || permission === WALK_AMO;
    if ((pteLo & PTE_A) === 0 || (needD && (pteLo & PTE_D) === 0)) {
      if ((envcfgHi & ENVCFGH_ADUE) === 0) break;
      const writeAddr =
        stage === STAGE_VS ? ptePhysical(h, pteGpa, faultKind, gRoot, gLevels, TINST_PSEUDO_WRITE64) : pteAddr;
      const wOff = ram.offsetOf(writeAddr, 8);
      if (wOff < 0 || !h.pmp.allowsAt(writeAddr, 8, 2, PRIV_S)) {
        raiseException(h, ACCESS_FAULT[faultKind], walkOrigin.lo, walkOrigin.hi);
      }
      ram.i32[wOff >>> 2] = pteLo | PTE_A | (needD ? PTE_D : 0);
      h.phys.noteRamWrite(writeAddr, 8, wOff >>> 12, ram.pageFlags[wOff >>> 12]);
    }

    // Physical address (step 8): low VPN bits come from the address for
    // superpages and NAPOT pages.
    const vpage = (hi >>> 0) * 1048576 + (lo >>> 12); // address >> 12, exact (< 2^52)
    const ppage = ppn - (ppn % pages) + (vpage % pages);
    if (stage !== STAGE_G) walkOrigin.spanBits = 12 + Math.log2(pages);
    else h.mmu.gstageCache.fill(vpage, ppage, pteLo | PTE_A | (needD ? PTE_D : 0));
    return ppage * 4096 + (lo & 4095);
  }
  if (stage === STAGE_G) return guestFault(h, lo, hi, faultKind, tinst);
  return raiseException(h, PAGE_FAULT[faultKind], walkOrigin.lo, walkOrigin.hi);
}

/** Guest-page fault at GPA (hi:lo), reported against the original virtual address. */
function guestFault(h: Hart, lo: number, hi: number, faultKind: number, tinst: number): never {
  return raiseGuestPageFault(h, GUEST_PAGE_FAULT[faultKind], walkOrigin.lo, walkOrigin.hi, lo, hi, tinst);
}

/**
 * G-stage translation of the guest physical address of a VS-level PTE.
 * Priv §9.5: checked as an implicit load (or store, for an A/D update), but
 * faults are reported for the original access type, with a
 * pseudoinstruction in htinst/mtinst.
 */
function ptePhysical(h: Hart, gpa: number, faultKind: number, gRoot: number, gLevels: number, tinst: number): number {
  if (gLevels === 0) return gpa;
  const permission = tinst === TINST_PSEUDO_WRITE64 ? WALK_STORE : WALK_LOAD;
  // The common case, answered by the G-stage cache without entering walk().
  const page = Math.floor(gpa / 4096);
  const hostPage = h.mmu.gstageCache.lookup(page, permission, (h.csrLo[CSR_MSTATUS] & MSTATUS_MXR) !== 0);
  if (hostPage >= 0) return hostPage * 4096 + (gpa % 4096);
  const lo = (gpa % 4294967296) | 0;
  const hi = Math.floor(gpa / 4294967296) | 0;
  return walk(h, lo, hi, STAGE_G, gRoot, gLevels, permission, faultKind, PRIV_U, 0, 0, tinst);
}
