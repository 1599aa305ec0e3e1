// The data access an instruction is about to make, for watchpoints: the
// stub looks at the instruction at pc before the hart runs it, works out
// its effective address from the registers, and stops there if a watched
// range is touched (gdb's RISC-V watchpoints are "nonsteppable": they
// report before the access, and gdb steps over it itself;
// gdb/riscv-tdep.c). This keeps the memory path of the core untouched.
//
// Encodings (Unpriv §2.6 loads/stores, §14 A, §20-21 F/D loads/stores,
// §23 Zfh): compressed ones are expanded to these first.
import type { Hart } from "../rv64/hart.js";
import { expandCompressed } from "../rv64/decode/compressed.js";

export const ACCESS_READ = 1;
export const ACCESS_WRITE = 2;

/** What operandOf found: the access kind (ACCESS_* bits, 0 = none), its size and address. */
export const operand = { kind: 0, size: 0, lo: 0, hi: 0 };

const OPCODE_LOAD = 0x03;
const OPCODE_LOAD_FP = 0x07;
const OPCODE_STORE = 0x23;
const OPCODE_STORE_FP = 0x27;
const OPCODE_AMO = 0x2f;
const AMO_LR = 0x02;
const AMO_SC = 0x03;

/** Access size by funct3: integer loads (lb lh lw ld lbu lhu lwu), stores (sb sh sw sd). */
const INT_SIZE = [1, 2, 4, 8, 1, 2, 4, 0];
/** FP loads and stores by funct3: flh/fsh, flw/fsw, fld/fsd (others are vector accesses). */
const FP_SIZE = [0, 2, 4, 8, 0, 0, 0, 0];

/**
 * Decodes the instruction (`lo16`, and `hi16` for a 32-bit one) into
 * `operand`, with the address from hart `h`'s registers. HLV/HSV and the
 * cache-block operations are not followed (their addresses are in other
 * spaces or whole blocks); neither are vector accesses (no V extension).
 */
export function operandOf(h: Hart, lo16: number, hi16: number): void {
  const insn = (lo16 & 3) !== 3 ? expandCompressed(lo16) : lo16 | (hi16 << 16);
  const opcode = insn & 0x7f;
  const funct3 = (insn >>> 12) & 7;
  let imm = 0;
  operand.kind = 0;
  switch (opcode) {
    case OPCODE_LOAD:
      operand.kind = ACCESS_READ;
      operand.size = INT_SIZE[funct3];
      imm = insn >> 20;
      break;
    case OPCODE_LOAD_FP:
      operand.kind = ACCESS_READ;
      operand.size = FP_SIZE[funct3];
      imm = insn >> 20;
      break;
    case OPCODE_STORE:
      operand.kind = ACCESS_WRITE;
      operand.size = funct3 < 4 ? INT_SIZE[funct3] : 0;
      imm = ((insn >> 25) << 5) | ((insn >>> 7) & 31);
      break;
    case OPCODE_STORE_FP:
      operand.kind = ACCESS_WRITE;
      operand.size = FP_SIZE[funct3];
      imm = ((insn >> 25) << 5) | ((insn >>> 7) & 31);
      break;
    case OPCODE_AMO: {
      const funct5 = insn >>> 27;
      operand.kind = funct5 === AMO_LR ? ACCESS_READ : funct5 === AMO_SC ? ACCESS_WRITE : ACCESS_READ | ACCESS_WRITE;
      operand.size = funct3 === 2 ? 4 : funct3 === 3 ? 8 : 0;
      break;
    }
    default:
      return;
  }
  if (operand.size === 0) {
    operand.kind = 0;
    return;
  }
  const rs1 = (insn >>> 15) & 31;
  const lo = (h.xl[rs1] + imm) | 0;
  operand.hi = (h.xh[rs1] + (imm >> 31) + (lo >>> 0 < h.xl[rs1] >>> 0 ? 1 : 0)) | 0;
  operand.lo = lo;
}
