// Zicond (Unpriv §Zicond): conditional zero. czero.eqz gives 0 when rs2 is
// zero and rs1 otherwise; czero.nez the reverse.
import type { Decoded } from "../decode/decoded.js";
import type { InsnDef } from "../decode/insn-def.js";
import type { Hart } from "../hart.js";

function czeroEqz(h: Hart, d: Decoded): void {
  const keep = (h.xl[d.rs2] | h.xh[d.rs2]) !== 0;
  h.xl[d.rd] = keep ? h.xl[d.rs1] : 0;
  h.xh[d.rd] = keep ? h.xh[d.rs1] : 0;
}
function czeroNez(h: Hart, d: Decoded): void {
  const keep = (h.xl[d.rs2] | h.xh[d.rs2]) === 0;
  h.xl[d.rd] = keep ? h.xl[d.rs1] : 0;
  h.xh[d.rd] = keep ? h.xh[d.rs1] : 0;
}

// Encodings from riscv-opcodes rv_zicond.
export const rv64zicond: InsnDef[] = [
  { name: "czero.eqz", mask: 0xfe00707f, match: 0x0e005033, format: "R", exec: czeroEqz },
  { name: "czero.nez", mask: 0xfe00707f, match: 0x0e007033, format: "R", exec: czeroNez },
];
