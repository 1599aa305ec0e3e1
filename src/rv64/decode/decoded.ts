import type { Hart } from "../hart.js";

/**
 * One decoded instruction, cached per physical code page (see run-loop.ts).
 * Every instance has the same shape, so handlers read fields monomorphically.
 */
export class Decoded {
  /** The handler; runs the instruction on the hart. */
  exec: Exec = notDecoded;
  /** Destination register. An integer rd of 0 is redirected to the write sink 32. */
  rd = 0;
  rs1 = 0;
  rs2 = 0;
  rs3 = 0;
  /** Sign-extended immediate (low 32 bits; the high half is imm >> 31). CSR number for Zicsr. */
  imm = 0;
  /** Rounding-mode field (funct3) for F/D; the acquire/release bits for A. */
  rm = 0;
  /** Instruction length in bytes: 2 (RVC) or 4; 0 while the slot is not yet decoded. */
  len = 0;
  /** The instruction bits as fetched (16-bit for RVC), for mtval on illegal-instruction traps. */
  raw = 0;
  /** Mnemonic, for disassembly and traces. */
  name = "";
}

export type Exec = (h: Hart, d: Decoded) => void;

function notDecoded(): void {
  throw new Error("executed an undecoded instruction slot");
}
