// Instruction encoders for the F/D tests (from the Unpriv opcode tables,
// checked against GNU as in fp-insn.test.ts) and a hart wrapper that runs one
// decoded instruction at a time without the run loop, for bulk vectors.
import { CSR_FFLAGS, CSR_FRM } from "../../../src/rv64/constants.js";
import { decode } from "../../../src/rv64/decode/decode.js";
import type { Decoded } from "../../../src/rv64/decode/decoded.js";
import type { Hart } from "../../../src/rv64/hart.js";
import { getF, getX, makeHart, setF, setX } from "../support/hart.js";

export const OP_FP = 0x53;
export const FMT_S = 0;
export const FMT_D = 1;

/** funct7 bits 31:27 of OP-FP instructions (bits 26:25 hold the format). */
export const F5 = {
  add: 0x00,
  sub: 0x01,
  mul: 0x02,
  div: 0x03,
  sgnj: 0x04,
  minmax: 0x05,
  cvtFF: 0x08,
  sqrt: 0x0b,
  cmp: 0x14,
  cvtToInt: 0x18,
  cvtFromInt: 0x1a,
  mvToX: 0x1c,
  mvFromX: 0x1e,
} as const;

/** R-type OP-FP: funct5, fmt, rs2, rs1, rm/funct3, rd. */
export function encFp(f5: number, fmt: number, rs2: number, rs1: number, rm: number, rd: number): number {
  return ((f5 << 27) | (fmt << 25) | (rs2 << 20) | (rs1 << 15) | (rm << 12) | (rd << 7) | OP_FP) >>> 0;
}

/** R4-type fused multiply-add: opcode 0x43/0x47/0x4b/0x4f. */
export function encFma(
  opcode: number,
  fmt: number,
  rs3: number,
  rs2: number,
  rs1: number,
  rm: number,
  rd: number,
): number {
  return ((rs3 << 27) | (fmt << 25) | (rs2 << 20) | (rs1 << 15) | (rm << 12) | (rd << 7) | opcode) >>> 0;
}

/** FLW/FLD: opcode 0x07, funct3 2/3. */
export function encLoad(funct3: number, rd: number, rs1: number, imm: number): number {
  return (((imm & 0xfff) << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | 0x07) >>> 0;
}

/** FSW/FSD: opcode 0x27, funct3 2/3. */
export function encStore(funct3: number, rs2: number, rs1: number, imm: number): number {
  return ((((imm >> 5) & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12) | ((imm & 31) << 7) | 0x27) >>> 0;
}

/** A hart plus a decode cache: executes single instruction words directly. */
export class Machine {
  readonly h: Hart = makeHart();
  private readonly decoded = new Map<number, Decoded>();

  exec(word: number): void {
    let d = this.decoded.get(word);
    if (d === undefined) {
      d = decode(word);
      if (d.name === "illegal") throw new Error(`does not decode: 0x${word.toString(16)}`);
      this.decoded.set(word, d);
    }
    d.exec(this.h, d);
  }

  /** The mnemonic the decoder gives a word. */
  nameOf(word: number): string {
    return decode(word).name;
  }

  setS(i: number, bits: bigint): void {
    setF(this.h, i, bits | 0xffffffff00000000n);
  }
  setD(i: number, bits: bigint): void {
    setF(this.h, i, bits);
  }
  getF(i: number): bigint {
    return getF(this.h, i);
  }
  setX(i: number, v: bigint): void {
    setX(this.h, i, v);
  }
  getX(i: number): bigint {
    return getX(this.h, i);
  }

  get fflags(): number {
    return this.h.csrLo[CSR_FFLAGS];
  }
  set fflags(v: number) {
    this.h.csrLo[CSR_FFLAGS] = v;
  }
  set frm(v: number) {
    this.h.csrLo[CSR_FRM] = v;
  }
}

export const hex = (v: bigint, digits = 16): string => `0x${v.toString(16).padStart(digits, "0")}`;
