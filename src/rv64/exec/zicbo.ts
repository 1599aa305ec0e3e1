// Cache-block operations: Zicbom (CBO.CLEAN/FLUSH/INVAL) and Zicboz
// (CBO.ZERO). Zicbop's prefetches are ORI encodings with rd = x0 and run as
// hints in exec/i.ts. rvhv has no caches, so the management ops only check
// permissions; CBO.ZERO writes zeros to the 64-byte block.
import type { Decoded } from "../decode/decoded.js";
import type { InsnDef } from "../decode/insn-def.js";
import type { Hart } from "../hart.js";
import {
  CACHE_BLOCK_SIZE,
  CAUSE_STORE_ACCESS,
  CSR_HENVCFG,
  CSR_MENVCFG,
  CSR_SENVCFG,
  ENVCFG_CBCFE,
  ENVCFG_CBIE_SHIFT,
  ENVCFG_CBZE,
  PRIV_M,
  PRIV_U,
} from "../constants.js";
import { raiseException, raiseIllegal, raiseVirtualInstruction } from "../trap.js";
import { WALK_CBO, WALK_STORE } from "../mmu/page-walk.js";
import { ACCESS_LOAD, ACCESS_STORE } from "../mmu/mmu.js";
import { effectivePriv, translate } from "../mmu/translate.js";

/** rs1 aligned down to its cache block (the high word is rs1's). */
function blockAddress(h: Hart, d: Decoded): number {
  return h.xl[d.rs1] & -CACHE_BLOCK_SIZE;
}

/**
 * The enable fields (Zicbom §2.5.4, Zicboz §2.5.5, Priv §9.2.5): below M,
 * menvcfg must enable the operation (else illegal); with V=1, henvcfg too,
 * and in VU-mode senvcfg (else a virtual instruction); in U-mode senvcfg
 * (else illegal). `field` extracts the enable from an xenvcfg low word.
 */
function checkEnabled(h: Hart, d: Decoded, field: (envcfg: number) => boolean): void {
  if (h.priv === PRIV_M) return;
  if (!field(h.csrLo[CSR_MENVCFG])) raiseIllegal(h, d.raw);
  if (h.virt) {
    if (!field(h.csrLo[CSR_HENVCFG]) || (h.priv === PRIV_U && !field(h.csrLo[CSR_SENVCFG]))) {
      raiseVirtualInstruction(h, d.raw);
    }
  } else if (h.priv === PRIV_U && !field(h.csrLo[CSR_SENVCFG])) {
    raiseIllegal(h, d.raw);
  }
}

const cleanFlushEnabled = (envcfg: number): boolean => (envcfg & ENVCFG_CBCFE) !== 0;
const zeroEnabled = (envcfg: number): boolean => (envcfg & ENVCFG_CBZE) !== 0;
// CBIE = 00 disables CBO.INVAL; 01 and 11 perform it (as a flush or an invalidate, the same here).
const invalEnabled = (envcfg: number): boolean => ((envcfg >>> ENVCFG_CBIE_SHIFT) & 3) !== 0;

/** Checks that a load or store may touch the block: store page/access faults otherwise. */
function checkManagementAccess(h: Hart, d: Decoded): void {
  const lo = blockAddress(h, d);
  const hi = h.xh[d.rs1];
  const paddr = translate(h, lo, hi, ACCESS_LOAD, WALK_CBO);
  const priv = effectivePriv(h, ACCESS_LOAD);
  if (
    !h.pmp.allowsAt(paddr, CACHE_BLOCK_SIZE, ACCESS_LOAD, priv) &&
    !h.pmp.allowsAt(paddr, CACHE_BLOCK_SIZE, ACCESS_STORE, priv)
  ) {
    raiseException(h, CAUSE_STORE_ACCESS, h.xl[d.rs1], hi);
  }
}

function cboClean(h: Hart, d: Decoded): void {
  checkEnabled(h, d, cleanFlushEnabled);
  checkManagementAccess(h, d);
}

const cboFlush = cboClean;

function cboInval(h: Hart, d: Decoded): void {
  checkEnabled(h, d, invalEnabled);
  checkManagementAccess(h, d);
}

/** Zicboz: CBO.ZERO stores zeros to the whole block, as a store for every check. */
function cboZero(h: Hart, d: Decoded): void {
  checkEnabled(h, d, zeroEnabled);
  const lo = blockAddress(h, d);
  const hi = h.xh[d.rs1];
  const paddr = translate(h, lo, hi, ACCESS_STORE, WALK_STORE);
  for (let k = 0; k < CACHE_BLOCK_SIZE; k += 8) {
    h.mmu.storePhysical(paddr + k, 8, 0, 0, h.xl[d.rs1], hi, false);
  }
}

// MISC-MEM, funct3 = 2, rd = 0; the operation is in imm[11:0].
export const rv64zicbo: InsnDef[] = [
  { name: "cbo.inval", mask: 0xfff07fff, match: 0x0000200f, format: "NONE", exec: cboInval },
  { name: "cbo.clean", mask: 0xfff07fff, match: 0x0010200f, format: "NONE", exec: cboClean },
  { name: "cbo.flush", mask: 0xfff07fff, match: 0x0020200f, format: "NONE", exec: cboFlush },
  { name: "cbo.zero", mask: 0xfff07fff, match: 0x0040200f, format: "NONE", exec: cboZero },
];
