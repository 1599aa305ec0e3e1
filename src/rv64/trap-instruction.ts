// The transformed trapping instruction written to htinst/mtinst for faults
// of explicit memory accesses (Priv §9.6.3): loads keep funct3/rd/opcode,
// stores keep rs2/funct3/opcode, atomics and HLV/HSV keep everything; the
// immediate becomes zero and rs1 becomes the offset of the faulting address
// from the original one. Compressed instructions are expanded first and
// report bit 1 = 0.
import { expandCompressed } from "./decode/compressed.js";
import type { Hart } from "./hart.js";

const OPCODE_LOAD = 0x03;
const OPCODE_LOAD_FP = 0x07;
const OPCODE_STORE = 0x23;
const OPCODE_STORE_FP = 0x27;
const OPCODE_AMO = 0x2f;
const OPCODE_SYSTEM = 0x73;

/** Transformed form of the instruction now executing, for a fault at virtual address low word `tvalLo`. */
export function transformedInstruction(h: Hart, tvalLo: number): number {
  const d = h.currentInsn();
  const compressed = d.len === 2;
  const insn = compressed ? expandCompressed(d.raw) : d.raw;
  const rs1 = (insn >>> 15) & 31;
  const base = h.xl[rs1];
  switch (insn & 0x7f) {
    case OPCODE_LOAD:
    case OPCODE_LOAD_FP: {
      const offset = (tvalLo - (base + (insn >> 20))) & 31;
      return finish((insn & 0x7fff) | (offset << 15), compressed);
    }
    case OPCODE_STORE:
    case OPCODE_STORE_FP: {
      const imm = ((insn >> 25) << 5) | ((insn >>> 7) & 31);
      const offset = (tvalLo - (base + imm)) & 31;
      return finish((insn & 0x01f0707f) | (offset << 15), compressed);
    }
    case OPCODE_AMO:
      return finish((insn & ~(31 << 15)) | (((tvalLo - base) & 31) << 15), compressed);
    case OPCODE_SYSTEM:
      // HLV/HLVX/HSV (funct3 = 4); other SYSTEM instructions have no transformation.
      if (((insn >>> 12) & 7) !== 4) return 0;
      return finish((insn & ~(31 << 15)) | (((tvalLo - base) & 31) << 15), compressed);
    default:
      return 0;
  }
}

function finish(v: number, compressed: boolean): number {
  return compressed ? v & ~2 : v;
}
