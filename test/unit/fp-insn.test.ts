// F/D at the instruction level: encodings against GNU as, programs through
// the run loop, NaN boxing, mstatus.FS gating and dirtying, reserved rounding
// modes, flag accrual, loads and stores, and the operations that do not round
// (sign injection, min/max, compares, classify, moves) against the spec's
// rules written out here.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CSR_FFLAGS, CSR_FRM, CSR_MCAUSE, CSR_MSTATUS, CSR_MTVAL, MSTATUS_FS } from "../../src/rv64/constants.js";
import type { Hart } from "../../src/rv64/hart.js";
import { RAM_BASE, getF, getX, makeHart, runWords, setF, setX } from "./support/hart.js";
import { F5, FMT_D, FMT_S, Machine, encFma, encFp, encLoad, encStore, hex } from "./fp-support/harness.js";
import { F32, F64, type Fmt, NV, NX, type Val, canonicalNaN, decode, isNaNVal } from "./fp-support/reference.js";
import { Op, runOracle } from "./fp-support/oracle.js";
import { Rng, randomFloat, randomPair } from "./fp-support/vectors.js";

const BOX = 0xffffffff00000000n;
const FS_INITIAL = 1 << 13;

// ---- encodings

/**
 * Every F/D mnemonic with operands in GNU as syntax, and the same instruction
 * from our encoders. binutils 2.40 takes no rm operand on the exact
 * conversions (fcvt.d.w, fcvt.d.wu, fcvt.d.s) and encodes rm = 0: those rows
 * drop the operand, and only their rm = 0 form is compared with the assembler.
 */
function encodingTable(): [string, number][] {
  const rows: [string, number][] = [];
  const exact = /^fcvt\.d\.(w|wu|s) /;
  const push = (text: string, word: number): void => {
    if (!exact.test(text)) rows.push([text, word]);
    else rows.push([text.replace(/, \w+$/, ""), word]);
  };
  const rmNames = ["rne", "rtz", "rdn", "rup", "rmm", "", "", "dyn"];
  for (const [fmt, s] of [
    [FMT_S, "s"],
    [FMT_D, "d"],
  ] as const) {
    const ld = fmt === FMT_S ? "flw" : "fld";
    const st = fmt === FMT_S ? "fsw" : "fsd";
    rows.push([`${ld} f5, -12(x6)`, encLoad(2 + fmt, 5, 6, -12)]);
    rows.push([`${st} f7, 2040(x9)`, encStore(2 + fmt, 7, 9, 2040)]);
    for (const rm of [0, 1, 2, 3, 4, 7]) {
      const r = rmNames[rm];
      rows.push([`fadd.${s} f1, f2, f3, ${r}`, encFp(F5.add, fmt, 3, 2, rm, 1)]);
      rows.push([`fsub.${s} f4, f5, f6, ${r}`, encFp(F5.sub, fmt, 6, 5, rm, 4)]);
      rows.push([`fmul.${s} f7, f8, f9, ${r}`, encFp(F5.mul, fmt, 9, 8, rm, 7)]);
      rows.push([`fdiv.${s} f10, f11, f12, ${r}`, encFp(F5.div, fmt, 12, 11, rm, 10)]);
      rows.push([`fsqrt.${s} f13, f14, ${r}`, encFp(F5.sqrt, fmt, 0, 14, rm, 13)]);
      rows.push([`fmadd.${s} f1, f2, f3, f4, ${r}`, encFma(0x43, fmt, 4, 3, 2, rm, 1)]);
      rows.push([`fmsub.${s} f5, f6, f7, f8, ${r}`, encFma(0x47, fmt, 8, 7, 6, rm, 5)]);
      rows.push([`fnmsub.${s} f9, f10, f11, f12, ${r}`, encFma(0x4b, fmt, 12, 11, 10, rm, 9)]);
      rows.push([`fnmadd.${s} f13, f14, f15, f31, ${r}`, encFma(0x4f, fmt, 31, 15, 14, rm, 13)]);
      ["w", "wu", "l", "lu"].forEach((k, i) => {
        rows.push([`fcvt.${k}.${s} x5, f6, ${r}`, encFp(F5.cvtToInt, fmt, i, 6, rm, 5)]);
        push(`fcvt.${s}.${k} f7, x8, ${r}`, encFp(F5.cvtFromInt, fmt, i, 8, rm, 7));
      });
    }
    rows.push([`fsgnj.${s} f1, f2, f3`, encFp(F5.sgnj, fmt, 3, 2, 0, 1)]);
    rows.push([`fsgnjn.${s} f1, f2, f3`, encFp(F5.sgnj, fmt, 3, 2, 1, 1)]);
    rows.push([`fsgnjx.${s} f1, f2, f3`, encFp(F5.sgnj, fmt, 3, 2, 2, 1)]);
    rows.push([`fmin.${s} f4, f5, f6`, encFp(F5.minmax, fmt, 6, 5, 0, 4)]);
    rows.push([`fmax.${s} f4, f5, f6`, encFp(F5.minmax, fmt, 6, 5, 1, 4)]);
    rows.push([`feq.${s} x1, f2, f3`, encFp(F5.cmp, fmt, 3, 2, 2, 1)]);
    rows.push([`flt.${s} x1, f2, f3`, encFp(F5.cmp, fmt, 3, 2, 1, 1)]);
    rows.push([`fle.${s} x1, f2, f3`, encFp(F5.cmp, fmt, 3, 2, 0, 1)]);
    rows.push([`fclass.${s} x10, f11`, encFp(F5.mvToX, fmt, 0, 11, 1, 10)]);
    rows.push([`fmv.x.${s === "s" ? "w" : "d"} x12, f13`, encFp(F5.mvToX, fmt, 0, 13, 0, 12)]);
    rows.push([`fmv.${s === "s" ? "w" : "d"}.x f14, x15`, encFp(F5.mvFromX, fmt, 0, 15, 0, 14)]);
  }
  for (const rm of [0, 1, 2, 3, 4, 7]) {
    rows.push([`fcvt.s.d f1, f2, ${rmNames[rm]}`, encFp(F5.cvtFF, FMT_S, 1, 2, rm, 1)]);
    push(`fcvt.d.s f1, f2, ${rmNames[rm]}`, encFp(F5.cvtFF, FMT_D, 0, 2, rm, 1));
  }
  return rows;
}

function assemble(lines: string[]): number[] | null {
  const dir = mkdtempSync(join(tmpdir(), "rvhv-fp-as-"));
  try {
    const src = join(dir, "t.s");
    writeFileSync(src, `.option norvc\n${lines.join("\n")}\n`);
    const as = spawnSync("riscv64-unknown-elf-as", ["-march=rv64ifd", "-o", join(dir, "t.o"), src], {
      encoding: "utf8",
    });
    if (as.error !== undefined) return null;
    if (as.status !== 0) throw new Error(as.stderr);
    const cp = spawnSync("riscv64-unknown-elf-objcopy", [
      "-O",
      "binary",
      "-j",
      ".text",
      join(dir, "t.o"),
      join(dir, "t.bin"),
    ]);
    if (cp.error !== undefined) return null;
    const bin = readFileSync(join(dir, "t.bin"));
    const words: number[] = [];
    for (let i = 0; i < bin.length; i += 4) words.push(bin.readUInt32LE(i));
    return words;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hasAssembler = spawnSync("riscv64-unknown-elf-as", ["--version"]).error === undefined;

describe("F/D encodings", () => {
  const table = encodingTable();
  it.skipIf(!hasAssembler)("our encoders agree with GNU as on every F/D instruction", () => {
    const rows = table.filter(([text, word]) => !/^fcvt\.d\.(w|wu|s) /.test(text) || ((word >>> 12) & 7) === 0);
    const words = assemble(rows.map(([text]) => text));
    expect(words).not.toBeNull();
    const diffs = rows.flatMap(([text, word], i) =>
      words![i] === word ? [] : [`${text}: as ${hex(BigInt(words![i]), 8)}, ours ${hex(BigInt(word), 8)}`],
    );
    expect(diffs).toEqual([]);
  });
  it("the decoder names every instruction as the assembler spells it", () => {
    const m = new Machine();
    const wrong = table.flatMap(([text, word]) => {
      const mnemonic = text.split(" ")[0];
      return m.nameOf(word) === mnemonic ? [] : [`${text}: decoded as ${m.nameOf(word)}`];
    });
    expect(wrong).toEqual([]);
  });
  it("every instruction runs through the run loop as it does when called directly", () => {
    const rng = new Rng(5);
    const failures: string[] = [];
    for (const [text, word] of table) {
      if (/^f(l|s)[wd] /.test(text)) continue; // memory operands: covered below
      const operands = Array.from({ length: 32 }, () => randomFloat(rng, F64));
      const direct = new Machine();
      const looped = makeHart();
      operands.forEach((v, i) => {
        direct.setD(i, v);
        direct.setX(i, v);
        setF(looped, i, v);
        if (i !== 0) setX(looped, i, v);
      });
      direct.setX(0, 0n);
      direct.exec(word);
      runOne(looped, word);
      if (trapped(looped) || looped.pcLo >>> 0 !== RAM_BASE + 4) failures.push(`${text}: trapped or pc not advanced`);
      for (let i = 0; i < 32; i++) {
        if (getF(looped, i) !== direct.getF(i) || getX(looped, i) !== direct.getX(i))
          failures.push(`${text}: register ${i} differs`);
      }
      if (looped.csrLo[CSR_FFLAGS] !== direct.fflags) failures.push(`${text}: fflags differ`);
    }
    expect(failures).toEqual([]);
  });
  it("sqrt, conversions and moves with a nonzero rs2 field are not F/D instructions", () => {
    const m = new Machine();
    expect(m.nameOf(encFp(F5.sqrt, FMT_D, 1, 2, 0, 1))).toBe("illegal");
    expect(m.nameOf(encFp(F5.cvtToInt, FMT_S, 4, 2, 0, 1))).toBe("illegal");
    expect(m.nameOf(encFp(F5.mvToX, FMT_D, 0, 2, 2, 1))).toBe("illegal");
    expect(m.nameOf(encFp(F5.sgnj, FMT_S, 3, 2, 3, 1))).toBe("illegal");
    expect(m.nameOf(encFp(F5.cvtFF, FMT_S, 0, 2, 0, 1))).toBe("illegal"); // fcvt.s.s
  });
});

// ---- through the run loop

function runOne(h: Hart, word: number): Hart {
  return runWords(h, [word]);
}

function trapped(h: Hart): boolean {
  return h.csrLo[CSR_MCAUSE] === 2;
}

describe("F/D programs through the run loop", () => {
  it("loads, computes and stores doubles and singles", () => {
    const h = makeHart();
    const base = 0x80001000n;
    const view = new DataView(h.phys.ram.u8.buffer, h.phys.ram.u8.byteOffset);
    view.setFloat64(0x1000, 1.5, true);
    view.setFloat64(0x1008, 2.25, true);
    view.setFloat32(0x1010, 3, true);
    setX(h, 10, base);
    runWords(h, [
      encLoad(3, 1, 10, 0), // fld f1, 0(x10)
      encLoad(3, 2, 10, 8), // fld f2, 8(x10)
      encFma(0x43, FMT_D, 1, 2, 1, 0, 3), // fmadd.d f3, f1, f2, f1 = 1.5*2.25+1.5
      encStore(3, 3, 10, 24), // fsd f3, 24(x10)
      encLoad(2, 4, 10, 16), // flw f4, 16(x10)
      encFp(F5.mul, FMT_S, 4, 4, 0, 5), // fmul.s f5, f4, f4
      encStore(2, 5, 10, 32), // fsw f5, 32(x10)
      encFp(F5.cvtToInt, FMT_D, 2, 3, 1, 11), // fcvt.l.d x11, f3, rtz
    ]);
    expect(view.getFloat64(0x1018, true)).toBe(4.875);
    expect(view.getFloat32(0x1020, true)).toBe(9);
    expect(getX(h, 11)).toBe(4n);
    expect(getF(h, 4) >> 32n).toBe(0xffffffffn); // flw NaN-boxes
    expect(h.pcLo >>> 0).toBe(RAM_BASE + 32);
    expect(h.csrLo[CSR_FFLAGS]).toBe(NX); // only the truncation was inexact
  });

  it("loads and stores keep signalling-NaN payloads and unboxed bits", () => {
    const h = makeHart();
    setX(h, 10, 0x80001000n);
    setF(h, 1, 0x7ff0000000000123n); // double sNaN
    setF(h, 2, 0x123456787f800001n); // not a boxed single; low word an sNaN
    runWords(h, [
      encStore(3, 1, 10, 0), // fsd f1
      encStore(2, 2, 10, 8), // fsw f2: the low 32 bits, boxed or not
      encLoad(3, 3, 10, 0), // fld f3
      encLoad(2, 4, 10, 8), // flw f4
    ]);
    expect(getF(h, 3)).toBe(0x7ff0000000000123n);
    expect(getF(h, 4)).toBe(BOX | 0x7f800001n);
    expect(h.csrLo[CSR_FFLAGS]).toBe(0);
  });

  it("fcvt.w.s to x0 leaves x0 zero but still raises flags", () => {
    const h = makeHart();
    setF(h, 1, BOX | 0x3fc00000n); // 1.5
    runOne(h, encFp(F5.cvtToInt, FMT_S, 0, 1, 0, 0));
    expect(getX(h, 0)).toBe(0n);
    expect(h.csrLo[CSR_FFLAGS]).toBe(NX);
  });
});

describe("mstatus.FS", () => {
  const samples: [string, number][] = [
    ["flw", encLoad(2, 1, 10, 0)],
    ["fsd", encStore(3, 1, 10, 0)],
    ["fadd.d", encFp(F5.add, FMT_D, 2, 1, 0, 3)],
    ["fmadd.s", encFma(0x43, FMT_S, 4, 2, 1, 0, 3)],
    ["fsgnj.d", encFp(F5.sgnj, FMT_D, 2, 1, 0, 3)],
    ["fmin.s", encFp(F5.minmax, FMT_S, 2, 1, 0, 3)],
    ["feq.d", encFp(F5.cmp, FMT_D, 2, 1, 2, 3)],
    ["fclass.s", encFp(F5.mvToX, FMT_S, 0, 1, 1, 3)],
    ["fmv.x.d", encFp(F5.mvToX, FMT_D, 0, 1, 0, 3)],
    ["fmv.w.x", encFp(F5.mvFromX, FMT_S, 0, 1, 0, 3)],
    ["fcvt.w.d", encFp(F5.cvtToInt, FMT_D, 0, 1, 0, 3)],
    ["fcvt.s.l", encFp(F5.cvtFromInt, FMT_S, 2, 1, 0, 3)],
    ["fcvt.d.s", encFp(F5.cvtFF, FMT_D, 0, 1, 0, 3)],
  ];
  for (const [name, word] of samples) {
    it(`${name} is an illegal instruction while FS is Off`, () => {
      const h = makeHart();
      h.csrLo[CSR_MSTATUS] &= ~MSTATUS_FS;
      setX(h, 10, 0x80001000n);
      setX(h, 3, 77n);
      setF(h, 3, 0x1234n);
      runOne(h, word);
      expect(trapped(h)).toBe(true);
      expect(h.csrLo[CSR_MTVAL] >>> 0).toBe(word);
      expect(getX(h, 3)).toBe(77n);
      expect(getF(h, 3)).toBe(0x1234n);
      expect(h.csrLo[CSR_MSTATUS] & MSTATUS_FS).toBe(0);
    });
  }

  it("turns Dirty when an instruction writes an f register or raises flags, not otherwise", () => {
    const cases: [string, number, (h: Hart) => void, boolean][] = [
      ["fadd.d", encFp(F5.add, FMT_D, 2, 1, 0, 3), () => {}, true],
      ["fsgnj.s", encFp(F5.sgnj, FMT_S, 2, 1, 0, 3), () => {}, true],
      ["flw", encLoad(2, 3, 10, 0), () => {}, true],
      ["fmv.d.x", encFp(F5.mvFromX, FMT_D, 0, 1, 0, 3), () => {}, true],
      ["fsd", encStore(3, 1, 10, 0), () => {}, false],
      ["fmv.x.w", encFp(F5.mvToX, FMT_S, 0, 1, 0, 3), () => {}, false],
      ["fclass.d", encFp(F5.mvToX, FMT_D, 0, 1, 1, 3), () => {}, false],
      ["feq.d (no flags)", encFp(F5.cmp, FMT_D, 2, 1, 2, 3), () => {}, false],
      ["feq.d (sNaN: NV)", encFp(F5.cmp, FMT_D, 2, 1, 2, 3), (h) => setF(h, 1, 0x7ff0000000000001n), true],
      ["fcvt.w.d (exact)", encFp(F5.cvtToInt, FMT_D, 0, 1, 0, 3), () => {}, false],
      ["fcvt.w.d (inexact)", encFp(F5.cvtToInt, FMT_D, 0, 1, 0, 3), (h) => setF(h, 1, 0x3ff8000000000000n), true],
    ];
    for (const [name, word, setup, dirty] of cases) {
      const h = makeHart();
      h.csrLo[CSR_MSTATUS] = (h.csrLo[CSR_MSTATUS] & ~MSTATUS_FS) | FS_INITIAL;
      setX(h, 10, 0x80001000n);
      setup(h);
      runOne(h, word);
      expect(trapped(h), name).toBe(false);
      expect(h.csrLo[CSR_MSTATUS] & MSTATUS_FS, name).toBe(dirty ? MSTATUS_FS : FS_INITIAL);
    }
  });
});

describe("rounding-mode field", () => {
  const rounding: [string, (rm: number) => number][] = [
    ["fadd.s", (rm) => encFp(F5.add, FMT_S, 2, 1, rm, 3)],
    ["fsqrt.d", (rm) => encFp(F5.sqrt, FMT_D, 0, 1, rm, 3)],
    ["fnmadd.d", (rm) => encFma(0x4f, FMT_D, 4, 2, 1, rm, 3)],
    ["fcvt.w.s", (rm) => encFp(F5.cvtToInt, FMT_S, 0, 1, rm, 3)],
    ["fcvt.d.w", (rm) => encFp(F5.cvtFromInt, FMT_D, 0, 1, rm, 3)],
    ["fcvt.d.s", (rm) => encFp(F5.cvtFF, FMT_D, 0, 1, rm, 3)],
    ["fcvt.s.d", (rm) => encFp(F5.cvtFF, FMT_S, 1, 1, rm, 3)],
  ];
  for (const [name, word] of rounding) {
    it(`${name}: rm 5 and 6, and rm 7 with frm 5..7, are illegal; rm 0..4 and dynamic 0..4 are not`, () => {
      for (const rm of [5, 6]) {
        const h = runOne(makeHart(), word(rm));
        expect(trapped(h), `rm=${rm}`).toBe(true);
        expect(h.csrLo[CSR_MTVAL] >>> 0).toBe(word(rm));
      }
      for (const frm of [5, 6, 7]) {
        const h = makeHart();
        h.csrLo[CSR_FRM] = frm;
        expect(trapped(runOne(h, word(7))), `frm=${frm}`).toBe(true);
      }
      for (const rm of [0, 1, 2, 3, 4]) {
        expect(trapped(runOne(makeHart(), word(rm))), `rm=${rm}`).toBe(false);
        const h = makeHart();
        h.csrLo[CSR_FRM] = rm;
        expect(trapped(runOne(h, word(7))), `frm=${rm}`).toBe(false);
      }
    });
  }

  it("the dynamic mode follows frm", () => {
    const m = new Machine();
    // 1 + 2^-24 (a single midpoint) rounds to 1 in RNE/RTZ/RDN, to 1 + 2^-23 in RUP/RMM.
    const expected = [0x3f800000n, 0x3f800000n, 0x3f800000n, 0x3f800001n, 0x3f800001n];
    expected.forEach((want, frm) => {
      m.frm = frm;
      m.setD(1, 0x3ff0000010000000n);
      m.exec(encFp(F5.cvtFF, FMT_S, 1, 1, 7, 3));
      expect(m.getF(3), `frm=${frm}`).toBe(BOX | want);
    });
  });
});

describe("fflags", () => {
  it("accrue: new flags are ORed into the old ones", () => {
    const m = new Machine();
    m.fflags = NX;
    m.setD(1, 0n);
    m.setD(2, 0n);
    m.exec(encFp(F5.div, FMT_D, 2, 1, 0, 3)); // 0/0: NV
    expect(m.fflags).toBe(NV | NX);
    m.setD(1, 0x3ff0000000000000n);
    m.exec(encFp(F5.div, FMT_D, 2, 1, 0, 3)); // 1/0: DZ
    expect(m.fflags).toBe(NV | NX | 8);
  });

  it("tininess is detected after rounding (Unpriv §21.4), as on the x86 oracle", () => {
    const [hw] = runOracle([{ op: Op.MUL, fmt: FMT_D, rm: 0, a: 0x3ff0000000000001n, b: 0x000fffffffffffffn, c: 0n }]);
    expect(hw).toEqual({ result: 0x0010000000000000n, flags: NX });
    const m = new Machine();
    // (1 + 2^-52) * (2^-1022 - 2^-1074) = 2^-1022 - 2^-1126: rounds to 2^-1022 even
    // with an unbounded exponent, so it is not tiny: NX without UF.
    m.setD(1, 0x3ff0000000000001n);
    m.setD(2, 0x000fffffffffffffn);
    m.fflags = 0;
    m.exec(encFp(F5.mul, FMT_D, 2, 1, 0, 3));
    expect(m.getF(3)).toBe(0x0010000000000000n);
    expect(m.fflags).toBe(NX);
  });

  it("fused multiply-add raises NV for 0 * inf even when the addend is a quiet NaN", () => {
    const m = new Machine();
    m.setS(1, 0x7f800000n);
    m.setS(2, 0n);
    m.setS(4, 0x7fc00000n);
    m.fflags = 0;
    m.exec(encFma(0x43, FMT_S, 4, 2, 1, 0, 3));
    expect(m.getF(3)).toBe(BOX | 0x7fc00000n);
    expect(m.fflags).toBe(NV);
  });
});

describe("NaN boxing (Unpriv §22.2)", () => {
  const unboxed = 0x000000003f800000n; // 1.0f with a zero upper half: not a valid single

  it("an improperly boxed operand reads as the canonical NaN", () => {
    const m = new Machine();
    m.setD(1, unboxed);
    m.setS(2, 0x3f800000n);
    m.fflags = 0;
    m.exec(encFp(F5.add, FMT_S, 2, 1, 0, 3));
    expect(m.getF(3)).toBe(BOX | 0x7fc00000n);
    expect(m.fflags).toBe(0); // the canonical NaN is quiet
    m.exec(encFp(F5.mvToX, FMT_S, 0, 1, 1, 5)); // fclass.s
    expect(m.getX(5)).toBe(1n << 9n);
    m.exec(encFp(F5.cmp, FMT_S, 1, 1, 2, 5)); // feq.s f1, f1
    expect(m.getX(5)).toBe(0n);
    m.exec(encFp(F5.cvtFF, FMT_D, 0, 1, 0, 6)); // fcvt.d.s
    expect(m.getF(6)).toBe(0x7ff8000000000000n);
    m.exec(encFp(F5.sgnj, FMT_S, 2, 1, 1, 7)); // fsgnjn.s f7, f1, f2: -(+) sign on the canonical NaN
    expect(m.getF(7)).toBe(BOX | 0xffc00000n);
    m.exec(encFp(F5.minmax, FMT_S, 1, 2, 0, 8)); // fmin.s f8, f2, f1: the non-NaN operand
    expect(m.getF(8)).toBe(BOX | 0x3f800000n);
  });

  it("moves transfer the low 32 bits unchecked; fmv.x.w sign-extends", () => {
    const m = new Machine();
    m.setD(1, 0x12345678_80000001n);
    m.exec(encFp(F5.mvToX, FMT_S, 0, 1, 0, 5));
    expect(m.getX(5)).toBe(0xffffffff80000001n);
    m.setX(6, 0xdeadbeef_7f800001n);
    m.exec(encFp(F5.mvFromX, FMT_S, 0, 6, 0, 2));
    expect(m.getF(2)).toBe(BOX | 0x7f800001n);
    m.setX(7, 0x7ff0000000000001n);
    m.exec(encFp(F5.mvFromX, FMT_D, 0, 7, 0, 3)); // fmv.d.x keeps the sNaN
    expect(m.getF(3)).toBe(0x7ff0000000000001n);
    m.exec(encFp(F5.mvToX, FMT_D, 0, 3, 0, 8)); // fmv.x.d
    expect(m.getX(8)).toBe(0x7ff0000000000001n);
  });

  it("double operations read a boxed single as the negative quiet NaN it is", () => {
    const m = new Machine();
    m.setS(1, 0x3f800000n);
    m.exec(encFp(F5.mvToX, FMT_D, 0, 1, 1, 5)); // fclass.d
    expect(m.getX(5)).toBe(1n << 9n);
  });
});

describe("float-to-integer saturation (Unpriv §21.7)", () => {
  const cases: [string, number, number, bigint, number, bigint, number][] = [
    // name, fmt, int kind, operand bits, rm, result, flags
    ["fcvt.w.s NaN", FMT_S, 0, 0x7fc00000n, 0, 0x7fffffffn, NV],
    ["fcvt.wu.s NaN (sign-extended)", FMT_S, 1, 0xffc00000n, 0, 0xffffffffffffffffn, NV],
    ["fcvt.l.s -inf", FMT_S, 2, 0xff800000n, 0, 0x8000000000000000n, NV],
    ["fcvt.lu.d +inf", FMT_D, 3, 0x7ff0000000000000n, 0, 0xffffffffffffffffn, NV],
    ["fcvt.wu.d -0.9 rtz", FMT_D, 1, 0xbfeccccccccccccdn, 1, 0n, NX],
    ["fcvt.wu.d -0.9 rne", FMT_D, 1, 0xbfeccccccccccccdn, 0, 0n, NV],
    ["fcvt.l.d 2^63", FMT_D, 2, 0x43e0000000000000n, 0, 0x7fffffffffffffffn, NV],
    ["fcvt.l.d -2^63", FMT_D, 2, 0xc3e0000000000000n, 0, 0x8000000000000000n, 0],
    ["fcvt.w.d 2^31 - 0.5 rne (rounds to 2^31)", FMT_D, 0, 0x41dfffffffe00000n, 0, 0x7fffffffn, NV],
    ["fcvt.w.d 2^31 - 0.5 rtz", FMT_D, 0, 0x41dfffffffe00000n, 1, 0x7fffffffn, NX],
    ["fcvt.lu.d -0.0", FMT_D, 3, 0x8000000000000000n, 0, 0n, 0],
    ["fcvt.w.s 2.5 rmm", FMT_S, 0, 0x40200000n, 4, 3n, NX],
    ["fcvt.w.s -2.5 rne", FMT_S, 0, 0xc0200000n, 0, 0xfffffffffffffffen, NX],
  ];
  for (const [name, fmt, kind, bits, rm, want, flags] of cases) {
    it(name, () => {
      const m = new Machine();
      if (fmt === FMT_S) m.setS(1, bits);
      else m.setD(1, bits);
      m.fflags = 0;
      m.exec(encFp(F5.cvtToInt, fmt, kind, 1, rm, 3));
      expect(hex(m.getX(3))).toBe(hex(want));
      expect(m.fflags).toBe(flags);
    });
  }
});

// ---- operations that do not round, against the rules written out

/** Value order for finite/infinite operands (not NaN), -0 and +0 equal. */
function compareVals(x: Val, y: Val): number {
  const num = (v: Val): [number, bigint, number] => {
    if (v.kind === "inf") return [v.neg ? -1 : 1, 0n, 0];
    if (v.kind === "zero") return [0, 0n, 0];
    return [v.neg ? -1 : 1, v.m, v.e];
  };
  const [sa, ma, ea] = num(x);
  const [sb, mb, eb] = num(y);
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  if (x.kind === "inf" || y.kind === "inf") {
    if (x.kind === y.kind) return 0;
    return (x.kind === "inf" ? 1 : -1) * sa;
  }
  const e = Math.min(ea, eb);
  const va = ma << BigInt(ea - e);
  const vb = mb << BigInt(eb - e);
  return va === vb ? 0 : (va < vb ? -1 : 1) * sa;
}

function classOf(F: Fmt, v: Val): number {
  switch (v.kind) {
    case "inf":
      return v.neg ? 0 : 7;
    case "zero":
      return v.neg ? 3 : 4;
    case "snan":
      return 8;
    case "qnan":
      return 9;
    default: {
      if (v.m < 1n << BigInt(F.p - 1)) return v.neg ? 2 : 5;
      return v.neg ? 1 : 6;
    }
  }
}

describe("sign injection, min/max, compares, classify on random operands", () => {
  const count = Number(process.env.FP_VECTORS ?? 1500) * 2;
  for (const [F, fmt] of [
    [F32, FMT_S],
    [F64, FMT_D],
  ] as const) {
    const s = fmt === FMT_S ? "s" : "d";
    const width = BigInt(F.width);
    const signBit = 1n << (width - 1n);
    const m = new Machine();
    const set = (i: number, v: bigint): void => (fmt === FMT_S ? m.setS(i, v) : m.setD(i, v));
    const result = (i: number): bigint => {
      const f = m.getF(i);
      if (fmt === FMT_S && f >> 32n !== 0xffffffffn) throw new Error(`not boxed: ${hex(f)}`);
      return fmt === FMT_S ? f & 0xffffffffn : f;
    };

    it(`fsgnj/fsgnjn/fsgnjx.${s}, fmin/fmax.${s}, feq/flt/fle.${s}, fclass.${s}`, () => {
      const rng = new Rng(fmt === FMT_S ? 77 : 78);
      const failures: string[] = [];
      const want = (what: string, got: bigint | number, expected: bigint | number): void => {
        if (got !== expected) failures.push(`${what}: got ${got}, want ${expected}`);
      };
      for (let i = 0; i < count; i++) {
        const [a, b] = rng.chance(0.1) ? [randomFloat(rng, F), randomFloat(rng, F)] : randomPair(rng, F as Fmt);
        const x = decode(F, a);
        const y = decode(F, b);
        const tag = `.${s} ${hex(a)} ${hex(b)}`;
        set(1, a);
        set(2, b);
        // Sign injection (§21.7): all bits but the sign from rs1, no canonicalization, no flags.
        m.fflags = 0;
        m.exec(encFp(F5.sgnj, fmt, 2, 1, 0, 3));
        want(`fsgnj${tag}`, result(3), (a & ~signBit) | (b & signBit));
        m.exec(encFp(F5.sgnj, fmt, 2, 1, 1, 3));
        want(`fsgnjn${tag}`, result(3), (a & ~signBit) | (~b & signBit));
        m.exec(encFp(F5.sgnj, fmt, 2, 1, 2, 3));
        want(`fsgnjx${tag}`, result(3), a ^ (b & signBit));
        want(`sgnj flags${tag}`, m.fflags, 0);
        // fmin/fmax (§21.6): minimumNumber/maximumNumber, -0 < +0, NV for sNaN.
        const snan = x.kind === "snan" || y.kind === "snan";
        for (const isMax of [false, true]) {
          let expected: bigint;
          if (isNaNVal(x) && isNaNVal(y)) expected = canonicalNaN(F);
          else if (isNaNVal(x)) expected = b;
          else if (isNaNVal(y)) expected = a;
          else {
            const c = compareVals(x, y);
            const aFirst = c !== 0 ? c < 0 : x.neg; // on a tie (only ±0 can differ) the negative one is smaller
            expected = aFirst !== isMax ? a : b;
          }
          m.fflags = 0;
          m.exec(encFp(F5.minmax, fmt, 2, 1, isMax ? 1 : 0, 3));
          want(`${isMax ? "fmax" : "fmin"}${tag}`, result(3), expected);
          want(`${isMax ? "fmax" : "fmin"} flags${tag}`, m.fflags, snan ? NV : 0);
        }
        // Compares (§21.8): feq quiet, flt/fle signalling; 0 on NaN.
        const nan = isNaNVal(x) || isNaNVal(y);
        const c = nan ? 0 : compareVals(x, y);
        const checks: [string, number, bigint, number][] = [
          ["feq", 2, !nan && c === 0 ? 1n : 0n, snan ? NV : 0],
          ["flt", 1, !nan && c < 0 ? 1n : 0n, nan ? NV : 0],
          ["fle", 0, !nan && c <= 0 ? 1n : 0n, nan ? NV : 0],
        ];
        for (const [name, funct3, value, flags] of checks) {
          m.fflags = 0;
          m.exec(encFp(F5.cmp, fmt, 2, 1, funct3, 5));
          want(`${name}${tag}`, m.getX(5), value);
          want(`${name} flags${tag}`, m.fflags, flags);
        }
        // fclass (§21.9): exactly one bit.
        m.exec(encFp(F5.mvToX, fmt, 0, 1, 1, 5));
        want(`fclass${tag}`, m.getX(5), 1n << BigInt(classOf(F, x)));
        if (failures.length > 8) break;
      }
      expect(failures).toEqual([]);
    });
  }
});
