// Zicsr (Unpriv §7): CSRRW/S/C and their immediate forms. All CSR access
// funnels through csrAccess(), which applies Priv §2.1's rules (privilege
// from address bits 9:8, read-only from bits 11:10) then the row predicate.
import type { Decoded } from "../decode/decoded.js";
import type { InsnDef } from "../decode/insn-def.js";
import { SIGNAL_STOP, type Hart } from "../hart.js";
import { CSR_OK, csrOut, csrTable } from "../csr/all.js";
import { CSR_ILLEGAL } from "../csr/table.js";
import { raiseException, raiseIllegal, raiseVirtualInstruction } from "../trap.js";
import { PRIV_S, PRIV_U } from "../constants.js";

const OP_WRITE = 0;
const OP_SET = 1;
const OP_CLEAR = 2;

/**
 * Performs one CSR instruction. `doRead` is false for CSRRW(I) with rd = x0,
 * `doWrite` false for CSRRS/C(I) with a zero source (Unpriv §7.1: no
 * side effects of the skipped half). The old value lands in rd.
 *
 * Access rules, in order (Priv §2.1, §9.6.1):
 * - the CSR must exist, and a write must not target a read-only number;
 * - V=0: the privilege must reach the CSR's level (bits 9:8; level 2,
 *   hypervisor CSRs, belongs to HS-mode);
 * - V=1: M-level CSRs are illegal; S-level numbers that have a VS copy
 *   (0x200 + low bits) reach that copy — the one place HS-vs-VS aliasing is
 *   decided; hypervisor/VS CSRs, and S-level CSRs from VU-mode, raise a
 *   virtual-instruction exception where HS-mode could access them;
 * - then the row's own predicate (FS, counter enables, TVM/VTVM, Sstc...).
 */
export function csrAccess(
  h: Hart,
  d: Decoded,
  op: number,
  srcLo: number,
  srcHi: number,
  doRead: boolean,
  doWrite: boolean,
): void {
  let csrno = d.imm;
  let def = csrTable[csrno];
  if (def === undefined || (doWrite && (def.write === undefined || csrno >>> 10 === 3))) raiseIllegal(h, d.raw);
  const level = (csrno >>> 8) & 3;
  if (h.virt) {
    if (level === 3) raiseIllegal(h, d.raw);
    if (level === 1) {
      const vs = csrTable[csrno + 0x100];
      if (vs !== undefined) {
        csrno += 0x100;
        def = vs;
      }
    }
    if (level === 2 || (level === 1 && h.priv === PRIV_U)) {
      // Priv §9.6.1: virtual only if HS-mode could make the same access
      // (mstatus.TVM taken as 0); when the row refuses it outright (Sstc's
      // menvcfg.STCE or mcounteren.TM for vstimecmp) it stays illegal.
      if (def.predicate !== undefined && def.predicate(h, csrno, doWrite) === CSR_ILLEGAL) raiseIllegal(h, d.raw);
      raiseVirtualInstruction(h, d.raw);
    }
  } else if (h.priv < (level === 2 ? PRIV_S : level)) {
    raiseIllegal(h, d.raw);
  }
  if (def.predicate !== undefined) {
    const verdict = def.predicate(h, csrno, doWrite);
    if (verdict !== CSR_OK) raiseException(h, verdict, d.raw, 0);
  }
  let oldLo = 0;
  let oldHi = 0;
  if (doRead || op !== OP_WRITE) {
    oldLo = def.read(h, csrno);
    oldHi = csrOut.hi;
  }
  if (doWrite) {
    let lo = srcLo;
    let hi = srcHi;
    if (op !== OP_WRITE) {
      let baseLo = oldLo;
      let baseHi = oldHi;
      if (def.readForUpdate !== undefined) {
        baseLo = def.readForUpdate(h, csrno);
        baseHi = csrOut.hi;
      }
      lo = op === OP_SET ? baseLo | srcLo : baseLo & ~srcLo;
      hi = op === OP_SET ? baseHi | srcHi : baseHi & ~srcHi;
    }
    def.write!(h, csrno, lo, hi);
    // A CSR write may change what the run loop caches (interrupts, translation, privilege).
    if (def.writeKeepsRunning === undefined) h.signal |= SIGNAL_STOP;
  }
  h.xl[d.rd] = oldLo;
  h.xh[d.rd] = oldHi;
}

function csrrw(h: Hart, d: Decoded): void {
  csrAccess(h, d, OP_WRITE, h.xl[d.rs1], h.xh[d.rs1], d.rd !== 32, true);
}
function csrrs(h: Hart, d: Decoded): void {
  csrAccess(h, d, OP_SET, h.xl[d.rs1], h.xh[d.rs1], true, d.rs1 !== 0);
}
function csrrc(h: Hart, d: Decoded): void {
  csrAccess(h, d, OP_CLEAR, h.xl[d.rs1], h.xh[d.rs1], true, d.rs1 !== 0);
}
function csrrwi(h: Hart, d: Decoded): void {
  csrAccess(h, d, OP_WRITE, d.rs1, 0, d.rd !== 32, true);
}
function csrrsi(h: Hart, d: Decoded): void {
  csrAccess(h, d, OP_SET, d.rs1, 0, true, d.rs1 !== 0);
}
function csrrci(h: Hart, d: Decoded): void {
  csrAccess(h, d, OP_CLEAR, d.rs1, 0, true, d.rs1 !== 0);
}

export const zicsr: InsnDef[] = [
  { name: "csrrw", mask: 0x707f, match: 0x1073, format: "CSR", exec: csrrw },
  { name: "csrrs", mask: 0x707f, match: 0x2073, format: "CSR", exec: csrrs },
  { name: "csrrc", mask: 0x707f, match: 0x3073, format: "CSR", exec: csrrc },
  { name: "csrrwi", mask: 0x707f, match: 0x5073, format: "CSR", exec: csrrwi },
  { name: "csrrsi", mask: 0x707f, match: 0x6073, format: "CSR", exec: csrrsi },
  { name: "csrrci", mask: 0x707f, match: 0x7073, format: "CSR", exec: csrrci },
];
