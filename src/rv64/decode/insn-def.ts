import type { Exec } from "./decoded.js";

/**
 * Instruction field layouts (Unpriv §2.3, §2.6 and the F/A chapters). The
 * decoder extracts the fields a format names into the Decoded record.
 */
export type Format =
  | "R" // rd, rs1, rs2
  | "R4" // rd, rs1, rs2, rs3 (fused multiply-add)
  | "I" // rd, rs1, imm[11:0]
  | "S" // rs1, rs2, imm[11:0] split
  | "B" // rs1, rs2, branch offset
  | "U" // rd, imm[31:12] << 12
  | "J" // rd, jump offset
  | "SHAMT" // rd, rs1, imm = shamt[5:0]
  | "CSR" // rd, rs1 (register or uimm), imm = csr number
  | "NONE";

/**
 * One row of the opcode table, in the style of Spike's encoding.h: an
 * instruction matches when (bits & mask) === match.
 */
export interface InsnDef {
  name: string;
  mask: number;
  match: number;
  format: Format;
  exec: Exec;
  /** rd names a floating-point register (so rd = 0 is f0, not the x0 sink). */
  fpRd?: boolean;
}
