// Zbkx crossbar permutations (Unpriv §28.4.7, "Zbkx"; scalar crypto
// §32.3.3): rs1 is a table of 4-bit (xperm4) or 8-bit (xperm8) elements and
// each element of rs2 an index into it; the result replaces every index by
// the element it selects, or by 0 when the index is past the table's end
// (only possible for xperm8 on RV64: 8 bytes, 8-bit indexes). The B
// chapter's tables call them xperm.n and xperm.b.
import type { Decoded } from "../decode/decoded.js";
import type { InsnDef } from "../decode/insn-def.js";
import type { Hart } from "../hart.js";

/** Looks up each nibble of `indexes` in the 16-nibble table tableHi:tableLo. */
function lookupNibbles(indexes: number, tableLo: number, tableHi: number): number {
  let out = 0;
  for (let s = 0; s < 32; s += 4) {
    const i = (indexes >>> s) & 15;
    out |= (((i < 8 ? tableLo : tableHi) >>> ((i & 7) << 2)) & 15) << s;
  }
  return out;
}
/** Looks up each byte of `indexes` in the 8-byte table tableHi:tableLo; 0 for indexes >= 8. */
function lookupBytes(indexes: number, tableLo: number, tableHi: number): number {
  let out = 0;
  for (let s = 0; s < 32; s += 8) {
    const i = (indexes >>> s) & 255;
    if (i < 8) out |= (((i < 4 ? tableLo : tableHi) >>> ((i & 3) << 3)) & 255) << s;
  }
  return out;
}

function xperm4(h: Hart, d: Decoded): void {
  const tableLo = h.xl[d.rs1];
  const tableHi = h.xh[d.rs1];
  const lo = lookupNibbles(h.xl[d.rs2], tableLo, tableHi);
  h.xh[d.rd] = lookupNibbles(h.xh[d.rs2], tableLo, tableHi);
  h.xl[d.rd] = lo;
}
function xperm8(h: Hart, d: Decoded): void {
  const tableLo = h.xl[d.rs1];
  const tableHi = h.xh[d.rs1];
  const lo = lookupBytes(h.xl[d.rs2], tableLo, tableHi);
  h.xh[d.rd] = lookupBytes(h.xh[d.rs2], tableLo, tableHi);
  h.xl[d.rd] = lo;
}

// Encodings from riscv-opcodes rv_zbkx: OP, funct7 0010100, funct3 010 / 100.
const R_MASK = 0xfe00707f;
export const rv64zbkx: InsnDef[] = [
  { name: "xperm4", mask: R_MASK, match: 0x28002033, format: "R", exec: xperm4 },
  { name: "xperm8", mask: R_MASK, match: 0x28004033, format: "R", exec: xperm8 },
];
