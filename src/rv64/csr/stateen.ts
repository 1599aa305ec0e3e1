// Smstateen/Ssstateen (Priv "Smstateen/Ssstateen" chapter, cited below as
// Smstateen): the state-enable CSRs mstateen0..3 and sstateen0..3 (this
// file) and hstateen0..3 (registered by src/h-extension/csrs.ts with
// `hstateenCsr`). Each bit lets the less privileged levels reach some
// extension's state; a bit that is 0 at one level makes the state, and the
// same bit in the lower stateen CSRs, inaccessible below it.
//
// Implemented bits (every other bit is read-only zero, Smstateen: "bits ...
// defined to control state that a hart doesn't implement are read-only
// zeros"):
//   mstateen0/hstateen0  SE0 (63): hstateen0 and sstateen0; ENVCFG (62):
//                        henvcfg and senvcfg
//   mstateen1..3/hstateen1..3  SEn (63): hstateenN and sstateenN
//   sstateen0..3         none: C (custom state), FCSR (Zfinx; read-only zero
//                        with F) and JVT (Zcmt) name state rvhv lacks
//
// hstateenN's bits are stored in h.csrHi[CSR_HSTATEEN0 + N]; a read shows
// them ANDed with mstateenN (Smstateen: "the same bit appears as read-only
// zero in the matching hstateen"), and a write changes only the bits
// mstateenN allows, the others keeping what they hold (as Spike does).
// mstateen's writable bits are 0 at reset (Smstateen), so below M nothing
// guarded is reachable until M-mode software opens it.
import {
  CSR_HSTATEEN0,
  CSR_MSTATEEN0,
  CSR_SSTATEEN0,
  PRIV_M,
  STATEEN0H_ENVCFG,
  STATEEN_COUNT,
  STATEENH_SE,
} from "../constants.js";
import type { Hart } from "../hart.js";
import { CSR_ILLEGAL, CSR_OK, CSR_VIRTUAL, type CsrDef, csrOut, defineCsr, zeroCsr } from "./table.js";

/** Writable high-word bits of mstateenN / hstateenN (no low-word bit is implemented). */
function writableHi(n: number): number {
  return n === 0 ? STATEENH_SE | STATEEN0H_ENVCFG : STATEENH_SE;
}

/** The high word of hstateenN as software sees it: stored bits that mstateenN allows. */
function hstateenHi(h: Hart, n: number): number {
  return h.csrHi[CSR_HSTATEEN0 + n] & h.csrHi[CSR_MSTATEEN0 + n];
}

/**
 * Whether high-word bit `bitHi` of stateen register `n` lets the current
 * mode reach the state it guards: CSR_OK, or the exception a CSR access
 * raises (Smstateen: "an illegal instruction exception, or, if executing in
 * VS or VU mode and the circumstances for a virtual instruction exception
 * apply, ... a virtual instruction exception"). Below M the mstateen bit
 * must be 1 (else illegal); with V=1 the hstateen bit too (else virtual).
 */
export function stateenAllows(h: Hart, n: number, bitHi: number): number {
  if (h.priv === PRIV_M) return CSR_OK;
  if ((h.csrHi[CSR_MSTATEEN0 + n] & bitHi) === 0) return CSR_ILLEGAL;
  if (h.virt && (hstateenHi(h, n) & bitHi) === 0) return CSR_VIRTUAL;
  return CSR_OK;
}

/** Smstateen: mstateen0.ENVCFG guards henvcfg and senvcfg below M; hstateen0.ENVCFG guards senvcfg in VS/VU. */
export function envcfgPredicate(h: Hart): number {
  return stateenAllows(h, 0, STATEEN0H_ENVCFG);
}

/**
 * The hstateenN row (Smstateen: "identical encodings to the mstateen CSRs",
 * controlling VS and VU). Below M it needs mstateenN.SE, else illegal; with
 * V=1 csrAccess turns an otherwise allowed access into a virtual
 * instruction, as for every hypervisor CSR (Priv §9.6.1).
 */
export function hstateenCsr(n: number): CsrDef {
  return {
    name: `hstateen${n}`,
    predicate(h) {
      return h.priv === PRIV_M || (h.csrHi[CSR_MSTATEEN0 + n] & STATEENH_SE) !== 0 ? CSR_OK : CSR_ILLEGAL;
    },
    read(h) {
      csrOut.hi = hstateenHi(h, n);
      return 0;
    },
    // Bits mstateenN holds at 0 read as 0 and keep their stored value.
    write(h, csrno, _lo, hi) {
      const mask = writableHi(n) & h.csrHi[CSR_MSTATEEN0 + n];
      h.csrHi[csrno] = (h.csrHi[csrno] & ~mask) | (hi & mask);
    },
  };
}

for (let n = 0; n < STATEEN_COUNT; n++) {
  defineCsr(CSR_MSTATEEN0 + n, {
    name: `mstateen${n}`,
    read(h, csrno) {
      csrOut.hi = h.csrHi[csrno];
      return 0;
    },
    write(h, csrno, _lo, hi) {
      h.csrHi[csrno] = hi & writableHi(n);
    },
  });
  // sstateenN: mstateenN.SE guards it below M, hstateenN.SE in VS-mode
  // (Smstateen). All its bits are read-only zero: they guard user-level
  // state (C custom state, FCSR for Zfinx, JVT for Zcmt) rvhv does not have.
  defineCsr(CSR_SSTATEEN0 + n, {
    ...zeroCsr(`sstateen${n}`),
    predicate: (h) => stateenAllows(h, n, STATEENH_SE),
  });
}
