// Zbc (clmul, clmulh, clmulr; clmul and clmulh are also Zbkc), the new Zbkb
// instructions (pack, packh, packw, brev8) and Zbkx (xperm4, xperm8) against
// BigInt reference implementations written from the Sail in Unpriv §28.5,
// through the decoder and run loop; encodings checked against the GNU
// assembler.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lookup } from "../../src/rv64/decode/decode.js";
import { riscvIsaString } from "../../src/rv64/isa.js";
import { runHart } from "../../src/rv64/run-loop.js";
import type { Hart } from "../../src/rv64/hart.js";
import { RAM_BASE, getX, makeHart, runWords, setX } from "./support/hart.js";

const M64 = (1n << 64n) - 1n;
const u64 = (v: bigint): bigint => BigInt.asUintN(64, v);
const sext32 = (v: bigint): bigint => u64(BigInt.asIntN(32, v));

// ---- reference semantics

/** The 128-bit carry-less product (Sail: XOR of rs1 << i for each set bit i of rs2). */
function clmulFull(a: bigint, b: bigint): bigint {
  let x = 0n;
  for (let i = 0n; i < 64n; i++) if ((b >> i) & 1n) x ^= a << i;
  return x;
}
/** Sail xperm: each w-bit element of b indexes the w-bit elements of a; out of range gives 0. */
function xpermRef(a: bigint, b: bigint, w: bigint): bigint {
  const mask = (1n << w) - 1n;
  let out = 0n;
  for (let i = 0n; i < 64n; i += w) {
    const pos = ((b >> i) & mask) * w;
    if (pos < 64n) out |= ((a >> pos) & mask) << i;
  }
  return out;
}
function brev8Ref(a: bigint): bigint {
  let out = 0n;
  for (let bit = 0n; bit < 64n; bit++) if ((a >> bit) & 1n) out |= 1n << ((bit & ~7n) + 7n - (bit & 7n));
  return out;
}

interface Case {
  name: string;
  funct7: number;
  funct3: number;
  opcode: number;
  /** Unary instructions (brev8) have a fixed rs2 field. */
  rs2Field?: number;
  ref: (a: bigint, b: bigint) => bigint;
}

const CASES: Case[] = [
  { name: "clmul", funct7: 0x05, funct3: 1, opcode: 0x33, ref: (a, b) => clmulFull(a, b) & M64 },
  { name: "clmulh", funct7: 0x05, funct3: 3, opcode: 0x33, ref: (a, b) => clmulFull(a, b) >> 64n },
  { name: "clmulr", funct7: 0x05, funct3: 2, opcode: 0x33, ref: (a, b) => (clmulFull(a, b) >> 63n) & M64 },
  { name: "xperm4", funct7: 0x14, funct3: 2, opcode: 0x33, ref: (a, b) => xpermRef(a, b, 4n) },
  { name: "xperm8", funct7: 0x14, funct3: 4, opcode: 0x33, ref: (a, b) => xpermRef(a, b, 8n) },
  {
    name: "pack",
    funct7: 0x04,
    funct3: 4,
    opcode: 0x33,
    ref: (a, b) => (a & 0xffffffffn) | ((b & 0xffffffffn) << 32n),
  },
  { name: "packh", funct7: 0x04, funct3: 7, opcode: 0x33, ref: (a, b) => (a & 0xffn) | ((b & 0xffn) << 8n) },
  {
    name: "packw",
    funct7: 0x04,
    funct3: 4,
    opcode: 0x3b,
    ref: (a, b) => sext32((a & 0xffffn) | ((b & 0xffffn) << 16n)),
  },
  { name: "brev8", funct7: 0x34, funct3: 5, opcode: 0x13, rs2Field: 7, ref: (a) => brev8Ref(a) },
];

function encode(c: Case, rd: number, rs1: number, rs2: number): number {
  const rs2Bits = c.rs2Field ?? rs2;
  return ((c.funct7 << 25) | (rs2Bits << 20) | (rs1 << 15) | (c.funct3 << 12) | (rd << 7) | c.opcode) >>> 0;
}

// ---- operands: edge values, then pseudo-random ones (xorshift32, fixed seed)

const EDGES: bigint[] = [
  0n,
  1n,
  M64,
  1n << 63n,
  (1n << 63n) - 1n,
  1n << 31n,
  1n << 32n,
  0xffffffffn,
  0xffffffff00000000n,
  0x8000000080000000n,
  0x0123456789abcdefn,
  0xfedcba9876543210n,
  0x0706050403020100n,
  0x0f0f0f0f0f0f0f0fn,
];

function randomSource(seed: number): () => bigint {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  return () => {
    const v = (BigInt(next()) << 32n) | BigInt(next());
    // Some small-byte values so xperm8 sees in-range indexes often.
    return next() % 4 === 0 ? v & 0x0707070707070707n : v;
  };
}

/** Places one instruction at RAM_BASE and returns a function that runs it once. */
function single(h: Hart, insn: number): () => void {
  h.pcLo = RAM_BASE | 0;
  h.pcHi = 0;
  runWords(h, [insn]);
  return () => {
    h.pcLo = RAM_BASE | 0;
    h.pcHi = 0;
    runHart(h, 1);
  };
}

describe("Zbc, Zbkb and Zbkx instructions", () => {
  for (const c of CASES) {
    it(`${c.name} matches the reference on edge and 500 pseudo-random operand pairs`, () => {
      const h = makeHart();
      const step = single(h, encode(c, 10, 11, 12));
      const check = (a: bigint, b: bigint) => {
        setX(h, 11, a);
        setX(h, 12, b);
        step();
        const got = getX(h, 10);
        const want = c.ref(a, b);
        if (got !== want) expect({ a, b, got }).toEqual({ a, b, got: want });
      };
      for (const a of EDGES) for (const b of EDGES) check(a, b);
      const gen = randomSource(0x9e3779b9 ^ c.name.length ^ (c.funct3 << 8) ^ c.opcode);
      for (let i = 0; i < 500; i++) check(gen(), gen());
    });
  }

  it("each reads its sources before writing rd (rd = rs1 = rs2)", () => {
    const gen = randomSource(77);
    for (const name of ["clmul", "clmulh", "clmulr", "xperm4", "xperm8", "pack"]) {
      const c = CASES.find((x) => x.name === name)!;
      const h = makeHart();
      const step = single(h, encode(c, 5, 5, 5));
      for (let i = 0; i < 50; i++) {
        const a = gen();
        setX(h, 5, a);
        step();
        expect(getX(h, 5), name).toBe(c.ref(a, a));
      }
    }
  });

  it("packw rd, rs1, x0 decodes as Zbb's zext.h, with the same result; pack rd, rs1, x0 is pack", () => {
    const packw = CASES.find((c) => c.name === "packw")!;
    const pack = CASES.find((c) => c.name === "pack")!;
    expect(lookup(encode(packw, 10, 11, 0) | 0)?.name).toBe("zext.h");
    expect(lookup(encode(packw, 10, 11, 1) | 0)?.name).toBe("packw");
    expect(lookup(encode(pack, 10, 11, 0) | 0)?.name).toBe("pack");
    const h = makeHart();
    setX(h, 11, 0xfedcba98ffff8001n);
    runWords(h, [encode(packw, 10, 11, 0), encode(pack, 12, 11, 0)]);
    expect(getX(h, 10)).toBe(0x8001n);
    expect(getX(h, 12)).toBe(0xffff8001n);
  });

  it("RV32-only zip and unzip stay illegal", () => {
    expect(lookup(0x08f59513 | 0)).toBeUndefined(); // zip a0, a1
    expect(lookup(0x08f5d513 | 0)).toBeUndefined(); // unzip a0, a1
  });

  it("the ISA string lists the extensions in canonical order", () => {
    expect(riscvIsaString()).toContain("_zba_zbb_zbc_zbkb_zbkc_zbkx_zbs_");
  });

  it("every encoding agrees with the GNU assembler", () => {
    const dir = mkdtempSync(join(tmpdir(), "rvhv-zbk-"));
    try {
      const lines = CASES.map((c) => (c.rs2Field !== undefined ? `${c.name} a0, a1` : `${c.name} a0, a1, a2`));
      writeFileSync(join(dir, "t.s"), lines.join("\n") + "\n");
      execFileSync("riscv64-unknown-elf-as", ["-march=rv64g_zbc_zbkb_zbkx", "-o", join(dir, "t.o"), join(dir, "t.s")]);
      execFileSync("riscv64-unknown-elf-objcopy", [
        "-O",
        "binary",
        "-j",
        ".text",
        join(dir, "t.o"),
        join(dir, "t.bin"),
      ]);
      const bin = readFileSync(join(dir, "t.bin"));
      CASES.forEach((c, i) => {
        expect(bin.readUInt32LE(4 * i).toString(16), c.name).toBe(encode(c, 10, 11, 12).toString(16));
        expect(lookup(encode(c, 10, 11, 12) | 0)?.name).toBe(c.name);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
