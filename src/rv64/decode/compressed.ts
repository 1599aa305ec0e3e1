// RV64C: expands each 16-bit instruction to the 32-bit instruction it is
// defined to expand to (Unpriv §Zca, §Zcd, "Instruction Set Listings"),
// so compressed code runs through the same opcode table and handlers.
// Runs at decode time only (decoded slots are cached).
//
// HINT code points (Unpriv §Zca "HINT Instructions": c.nop with imm != 0,
// c.addi with imm = 0, c.li / c.lui / c.mv / c.add / c.slli with rd = x0,
// c.slli / c.srli / c.srai with shamt = 0) expand like their base
// instruction: the result writes x0 or rewrites rd with its own value, so
// they execute as no-ops. Reserved code points expand to 0 (illegal).

// 32-bit major opcodes (Unpriv "RISC-V base opcode map").
const OP_LOAD = 0x03;
const OP_LOAD_FP = 0x07;
const OP_IMM = 0x13;
const OP_IMM_32 = 0x1b;
const OP_STORE = 0x23;
const OP_STORE_FP = 0x27;
const OP = 0x33;
const OP_LUI = 0x37;
const OP_32 = 0x3b;
const OP_BRANCH = 0x63;
const OP_JALR = 0x67;
const OP_JAL = 0x6f;
const EBREAK = 0x00100073;

const X0 = 0;
const RA = 1;
const SP = 2;

// ---- 32-bit instruction formats (Unpriv §2.2, §2.3)

function iType(opcode: number, funct3: number, rd: number, rs1: number, imm: number): number {
  return (imm << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode;
}
function sType(opcode: number, funct3: number, rs1: number, rs2: number, imm: number): number {
  return ((imm >> 5) << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12) | ((imm & 31) << 7) | opcode;
}
function rType(opcode: number, funct3: number, funct7: number, rd: number, rs1: number, rs2: number): number {
  return (funct7 << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode;
}
function bType(funct3: number, rs1: number, rs2: number, off: number): number {
  return (
    (((off >> 12) & 1) << 31) |
    (((off >> 5) & 63) << 25) |
    (rs2 << 20) |
    (rs1 << 15) |
    (funct3 << 12) |
    (((off >> 1) & 15) << 8) |
    (((off >> 11) & 1) << 7) |
    OP_BRANCH
  );
}
function jType(rd: number, off: number): number {
  return (
    (((off >> 20) & 1) << 31) |
    (((off >> 1) & 1023) << 21) |
    (((off >> 11) & 1) << 20) |
    (((off >> 12) & 255) << 12) |
    (rd << 7) |
    OP_JAL
  );
}

// ---- 16-bit fields (Unpriv §Zca "Compressed Instruction Formats")

/** Bit `from` of x, moved to bit `to`. */
function bit(x: number, from: number, to: number): number {
  return ((x >>> from) & 1) << to;
}
/** Full register number in bits 11:7 (rd, rs1 of CR/CI). */
function rdFull(x: number): number {
  return (x >>> 7) & 31;
}
/** Full register number in bits 6:2 (rs2 of CR/CSS). */
function rs2Full(x: number): number {
  return (x >>> 2) & 31;
}
/** Popular register x8..x15 named by 3 bits at `lsb` (rd′, rs1′, rs2′). */
function regPrime(x: number, lsb: number): number {
  return 8 + ((x >>> lsb) & 7);
}
/** CI-format 6-bit immediate imm[5] = bit 12, imm[4:0] = bits 6:2, sign-extended. */
function ciImm(x: number): number {
  return ((bit(x, 12, 5) | ((x >>> 2) & 31)) << 26) >> 26;
}
/** Unsigned 6-bit shift amount, same bit positions as ciImm. */
function ciShamt(x: number): number {
  return bit(x, 12, 5) | ((x >>> 2) & 31);
}
/** CL/CS word offset: uimm[5:3] = bits 12:10, uimm[2] = bit 6, uimm[6] = bit 5. */
function clWordOffset(x: number): number {
  return (((x >>> 10) & 7) << 3) | bit(x, 6, 2) | bit(x, 5, 6);
}
/** CL/CS doubleword offset: uimm[5:3] = bits 12:10, uimm[7:6] = bits 6:5. */
function clDoubleOffset(x: number): number {
  return (((x >>> 10) & 7) << 3) | (((x >>> 5) & 3) << 6);
}
/** CI stack word offset: uimm[5] = bit 12, uimm[4:2] = bits 6:4, uimm[7:6] = bits 3:2. */
function ciSpWordOffset(x: number): number {
  return bit(x, 12, 5) | (((x >>> 4) & 7) << 2) | (((x >>> 2) & 3) << 6);
}
/** CI stack doubleword offset: uimm[5] = bit 12, uimm[4:3] = bits 6:5, uimm[8:6] = bits 4:2. */
function ciSpDoubleOffset(x: number): number {
  return bit(x, 12, 5) | (((x >>> 5) & 3) << 3) | (((x >>> 2) & 7) << 6);
}
/** CSS stack word offset: uimm[5:2] = bits 12:9, uimm[7:6] = bits 8:7. */
function cssWordOffset(x: number): number {
  return (((x >>> 9) & 15) << 2) | (((x >>> 7) & 3) << 6);
}
/** CSS stack doubleword offset: uimm[5:3] = bits 12:10, uimm[8:6] = bits 9:7. */
function cssDoubleOffset(x: number): number {
  return (((x >>> 10) & 7) << 3) | (((x >>> 7) & 7) << 6);
}

// ---- quadrant 0

/** C.ADDI4SPN: addi rd′, x2, nzuimm. nzuimm = 0 is reserved (this includes the all-zero instruction). */
function cAddi4spn(x: number): number {
  const uimm = (((x >>> 11) & 3) << 4) | (((x >>> 7) & 15) << 6) | bit(x, 6, 2) | bit(x, 5, 3);
  return uimm === 0 ? 0 : iType(OP_IMM, 0, regPrime(x, 2), SP, uimm);
}
function cFld(x: number): number {
  return iType(OP_LOAD_FP, 3, regPrime(x, 2), regPrime(x, 7), clDoubleOffset(x));
}
function cLw(x: number): number {
  return iType(OP_LOAD, 2, regPrime(x, 2), regPrime(x, 7), clWordOffset(x));
}
function cLd(x: number): number {
  return iType(OP_LOAD, 3, regPrime(x, 2), regPrime(x, 7), clDoubleOffset(x));
}
function cFsd(x: number): number {
  return sType(OP_STORE_FP, 3, regPrime(x, 7), regPrime(x, 2), clDoubleOffset(x));
}
function cSw(x: number): number {
  return sType(OP_STORE, 2, regPrime(x, 7), regPrime(x, 2), clWordOffset(x));
}
function cSd(x: number): number {
  return sType(OP_STORE, 3, regPrime(x, 7), regPrime(x, 2), clDoubleOffset(x));
}

// ---- quadrant 1

/** C.NOP (rd = 0) and C.ADDI: addi rd, rd, imm. */
function cAddi(x: number): number {
  return iType(OP_IMM, 0, rdFull(x), rdFull(x), ciImm(x));
}
/** C.ADDIW: addiw rd, rd, imm; rd = 0 is reserved. */
function cAddiw(x: number): number {
  const rd = rdFull(x);
  return rd === 0 ? 0 : iType(OP_IMM_32, 0, rd, rd, ciImm(x));
}
/** C.LI: addi rd, x0, imm. */
function cLi(x: number): number {
  return iType(OP_IMM, 0, rdFull(x), X0, ciImm(x));
}
/** C.ADDI16SP (rd = 2) and C.LUI (other rd); a zero immediate is reserved for both. */
function cLuiAddi16sp(x: number): number {
  const rd = rdFull(x);
  if (rd === SP) {
    // nzimm[9] = bit 12, nzimm[4|6|8:7|5] = bits 6:2, sign-extended.
    const raw = bit(x, 12, 9) | bit(x, 6, 4) | bit(x, 5, 6) | (((x >>> 3) & 3) << 7) | bit(x, 2, 5);
    return raw === 0 ? 0 : iType(OP_IMM, 0, SP, SP, (raw << 22) >> 22);
  }
  // nzimm[17] = bit 12, nzimm[16:12] = bits 6:2, sign-extended.
  const imm = ciImm(x);
  return imm === 0 ? 0 : (imm << 12) | (rd << 7) | OP_LUI;
}
/** C.SRLI, C.SRAI, C.ANDI and the CA-format register-register group. */
function cMiscAlu(x: number): number {
  const rd = regPrime(x, 7);
  switch ((x >>> 10) & 3) {
    case 0: // C.SRLI; shamt[5] = 1 is legal on RV64
      return (ciShamt(x) << 20) | (rd << 15) | (5 << 12) | (rd << 7) | OP_IMM;
    case 1: // C.SRAI
      return (0x400 << 20) | (ciShamt(x) << 20) | (rd << 15) | (5 << 12) | (rd << 7) | OP_IMM;
    case 2: // C.ANDI
      return iType(OP_IMM, 7, rd, rd, ciImm(x));
    default:
      return caGroup[bit(x, 12, 2) | ((x >>> 5) & 3)](rd, regPrime(x, 2));
  }
}
/** CA format, indexed by bit 12 and bits 6:5: C.SUB, C.XOR, C.OR, C.AND, C.SUBW, C.ADDW, then two reserved. */
const caGroup: ((rd: number, rs2: number) => number)[] = [
  (rd, rs2) => rType(OP, 0, 0x20, rd, rd, rs2),
  (rd, rs2) => rType(OP, 4, 0, rd, rd, rs2),
  (rd, rs2) => rType(OP, 6, 0, rd, rd, rs2),
  (rd, rs2) => rType(OP, 7, 0, rd, rd, rs2),
  (rd, rs2) => rType(OP_32, 0, 0x20, rd, rd, rs2),
  (rd, rs2) => rType(OP_32, 0, 0, rd, rd, rs2),
  () => 0,
  () => 0,
];
/** C.J: jal x0, offset. */
function cJ(x: number): number {
  // offset[11|4|9:8|10|6|7|3:1|5] = bits 12:2, sign-extended.
  const raw =
    bit(x, 12, 11) |
    bit(x, 11, 4) |
    (((x >>> 9) & 3) << 8) |
    bit(x, 8, 10) |
    bit(x, 7, 6) |
    bit(x, 6, 7) |
    (((x >>> 3) & 7) << 1) |
    bit(x, 2, 5);
  return jType(X0, (raw << 20) >> 20);
}
/** offset[8|4:3] = bits 12:10, offset[7:6|2:1|5] = bits 6:2, sign-extended. */
function cbOffset(x: number): number {
  const raw = bit(x, 12, 8) | (((x >>> 10) & 3) << 3) | (((x >>> 5) & 3) << 6) | (((x >>> 3) & 3) << 1) | bit(x, 2, 5);
  return (raw << 23) >> 23;
}
function cBeqz(x: number): number {
  return bType(0, regPrime(x, 7), X0, cbOffset(x));
}
function cBnez(x: number): number {
  return bType(1, regPrime(x, 7), X0, cbOffset(x));
}

// ---- quadrant 2

/** C.SLLI: slli rd, rd, shamt (6-bit shamt on RV64). */
function cSlli(x: number): number {
  const rd = rdFull(x);
  return (ciShamt(x) << 20) | (rd << 15) | (1 << 12) | (rd << 7) | OP_IMM;
}
function cFldsp(x: number): number {
  return iType(OP_LOAD_FP, 3, rdFull(x), SP, ciSpDoubleOffset(x));
}
/** C.LWSP: rd = 0 is reserved. */
function cLwsp(x: number): number {
  const rd = rdFull(x);
  return rd === 0 ? 0 : iType(OP_LOAD, 2, rd, SP, ciSpWordOffset(x));
}
/** C.LDSP: rd = 0 is reserved. */
function cLdsp(x: number): number {
  const rd = rdFull(x);
  return rd === 0 ? 0 : iType(OP_LOAD, 3, rd, SP, ciSpDoubleOffset(x));
}
/** C.JR, C.MV, C.EBREAK, C.JALR, C.ADD (CR format). */
function cJrMvAdd(x: number): number {
  const rd = rdFull(x);
  const rs2 = rs2Full(x);
  if ((x & 0x1000) === 0) {
    if (rs2 !== 0) return rType(OP, 0, 0, rd, X0, rs2); // C.MV: add rd, x0, rs2
    return rd === 0 ? 0 : iType(OP_JALR, 0, X0, rd, 0); // C.JR (rs1 = 0 reserved)
  }
  if (rs2 !== 0) return rType(OP, 0, 0, rd, rd, rs2); // C.ADD: add rd, rd, rs2
  return rd === 0 ? EBREAK : iType(OP_JALR, 0, RA, rd, 0); // C.EBREAK, C.JALR
}
function cFsdsp(x: number): number {
  return sType(OP_STORE_FP, 3, SP, rs2Full(x), cssDoubleOffset(x));
}
function cSwsp(x: number): number {
  return sType(OP_STORE, 2, SP, rs2Full(x), cssWordOffset(x));
}
function cSdsp(x: number): number {
  return sType(OP_STORE, 3, SP, rs2Full(x), cssDoubleOffset(x));
}

/** Quadrant 0, funct3 100: Zcb's loads and stores, which this hart does not implement. */
function reserved(): number {
  return 0;
}

/** Expanders indexed by quadrant (bits 1:0) * 8 + funct3 (bits 15:13). */
const expanders: ((x: number) => number)[] = [
  cAddi4spn,
  cFld,
  cLw,
  cLd,
  reserved,
  cFsd,
  cSw,
  cSd,
  cAddi,
  cAddiw,
  cLi,
  cLuiAddi16sp,
  cMiscAlu,
  cJ,
  cBeqz,
  cBnez,
  cSlli,
  cFldsp,
  cLwsp,
  cLdsp,
  cJrMvAdd,
  cFsdsp,
  cSwsp,
  cSdsp,
];

/**
 * Expands a 16-bit RVC instruction (bits 1:0 != 11) to its 32-bit
 * equivalent; 0 if the encoding is reserved or illegal.
 */
export function expandCompressed(insn: number): number {
  return expanders[((insn & 3) << 3) | ((insn >>> 13) & 7)](insn & 0xffff) | 0;
}
