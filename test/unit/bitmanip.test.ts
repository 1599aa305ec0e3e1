// Zba, Zbb, Zbs and Zicond against BigInt reference implementations,
// through the decoder and run loop. Encodings are written here from the
// spec's instruction tables and cross-checked with the GNU assembler.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lookup } from "../../src/rv64/decode/decode.js";
import { runHart } from "../../src/rv64/run-loop.js";
import type { Hart } from "../../src/rv64/hart.js";
import { RAM_BASE, getX, makeHart, runWords, setX } from "./support/hart.js";

const u64 = (v: bigint): bigint => BigInt.asUintN(64, v);
const s64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const M32 = 0xffffffffn;
const sext32 = (v: bigint): bigint => u64(BigInt.asIntN(32, v));

function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}
function ctzRef(v: bigint, width: number): bigint {
  for (let i = 0; i < width; i++) if ((v >> BigInt(i)) & 1n) return BigInt(i);
  return BigInt(width);
}
function popRef(v: bigint): bigint {
  return BigInt([...v.toString(2)].filter((c) => c === "1").length);
}
function rotr(v: bigint, n: bigint, width: bigint): bigint {
  const mask = (1n << width) - 1n;
  v &= mask;
  n %= width;
  return ((v >> n) | (v << (width - n))) & mask;
}

// ---- encodings (opcode OP = 0x33, OP-32 = 0x3b, OP-IMM = 0x13, OP-IMM-32 = 0x1b)

type Shape = "R" | "unary" | "shamt6" | "shamt5";
interface Case {
  name: string;
  shape: Shape;
  /** funct7 (R, shamt5), the 12-bit immediate (unary) or bits 31:26 (shamt6). */
  top: number;
  f3: number;
  op: number;
  ext: "zba" | "zbb" | "zbs" | "zicond";
  /** Reference result from rs1, and rs2 or the immediate. */
  ref: (a: bigint, b: bigint) => bigint;
}

function encode(c: Case, rd: number, rs1: number, rs2OrImm: number): number {
  const low = (rs1 << 15) | (c.f3 << 12) | (rd << 7) | c.op;
  switch (c.shape) {
    case "R":
      return ((c.top << 25) | (rs2OrImm << 20) | low) >>> 0;
    case "unary":
      return ((c.top << 20) | low) >>> 0;
    case "shamt6":
      return ((c.top << 26) | ((rs2OrImm & 63) << 20) | low) >>> 0;
    case "shamt5":
      return ((c.top << 25) | ((rs2OrImm & 31) << 20) | low) >>> 0;
  }
}

const sh = (n: bigint) => (a: bigint, b: bigint) => u64(b + (a << n));
const shUw = (n: bigint) => (a: bigint, b: bigint) => u64(b + ((a & M32) << n));
const bit = (b: bigint) => 1n << (b & 63n);

const CASES: Case[] = [
  // Zba
  { name: "add.uw", shape: "R", top: 0x04, f3: 0, op: 0x3b, ext: "zba", ref: shUw(0n) },
  { name: "sh1add", shape: "R", top: 0x10, f3: 2, op: 0x33, ext: "zba", ref: sh(1n) },
  { name: "sh2add", shape: "R", top: 0x10, f3: 4, op: 0x33, ext: "zba", ref: sh(2n) },
  { name: "sh3add", shape: "R", top: 0x10, f3: 6, op: 0x33, ext: "zba", ref: sh(3n) },
  { name: "sh1add.uw", shape: "R", top: 0x10, f3: 2, op: 0x3b, ext: "zba", ref: shUw(1n) },
  { name: "sh2add.uw", shape: "R", top: 0x10, f3: 4, op: 0x3b, ext: "zba", ref: shUw(2n) },
  { name: "sh3add.uw", shape: "R", top: 0x10, f3: 6, op: 0x3b, ext: "zba", ref: shUw(3n) },
  { name: "slli.uw", shape: "shamt6", top: 0x02, f3: 1, op: 0x1b, ext: "zba", ref: (a, i) => u64((a & M32) << i) },
  // Zbb
  { name: "andn", shape: "R", top: 0x20, f3: 7, op: 0x33, ext: "zbb", ref: (a, b) => u64(a & ~b) },
  { name: "orn", shape: "R", top: 0x20, f3: 6, op: 0x33, ext: "zbb", ref: (a, b) => u64(a | ~b) },
  { name: "xnor", shape: "R", top: 0x20, f3: 4, op: 0x33, ext: "zbb", ref: (a, b) => u64(~(a ^ b)) },
  { name: "clz", shape: "unary", top: 0x600, f3: 1, op: 0x13, ext: "zbb", ref: (a) => BigInt(64 - bitLength(a)) },
  { name: "ctz", shape: "unary", top: 0x601, f3: 1, op: 0x13, ext: "zbb", ref: (a) => ctzRef(a, 64) },
  { name: "cpop", shape: "unary", top: 0x602, f3: 1, op: 0x13, ext: "zbb", ref: (a) => popRef(a) },
  {
    name: "clzw",
    shape: "unary",
    top: 0x600,
    f3: 1,
    op: 0x1b,
    ext: "zbb",
    ref: (a) => BigInt(32 - bitLength(a & M32)),
  },
  { name: "ctzw", shape: "unary", top: 0x601, f3: 1, op: 0x1b, ext: "zbb", ref: (a) => ctzRef(a & M32, 32) },
  { name: "cpopw", shape: "unary", top: 0x602, f3: 1, op: 0x1b, ext: "zbb", ref: (a) => popRef(a & M32) },
  { name: "max", shape: "R", top: 0x05, f3: 6, op: 0x33, ext: "zbb", ref: (a, b) => (s64(a) < s64(b) ? b : a) },
  { name: "maxu", shape: "R", top: 0x05, f3: 7, op: 0x33, ext: "zbb", ref: (a, b) => (a < b ? b : a) },
  { name: "min", shape: "R", top: 0x05, f3: 4, op: 0x33, ext: "zbb", ref: (a, b) => (s64(a) < s64(b) ? a : b) },
  { name: "minu", shape: "R", top: 0x05, f3: 5, op: 0x33, ext: "zbb", ref: (a, b) => (a < b ? a : b) },
  { name: "sext.b", shape: "unary", top: 0x604, f3: 1, op: 0x13, ext: "zbb", ref: (a) => u64(BigInt.asIntN(8, a)) },
  { name: "sext.h", shape: "unary", top: 0x605, f3: 1, op: 0x13, ext: "zbb", ref: (a) => u64(BigInt.asIntN(16, a)) },
  // RV64 zext.h is packw rd, rs1, x0 (funct7 0000100, funct3 100, OP-32).
  { name: "zext.h", shape: "unary", top: 0x080, f3: 4, op: 0x3b, ext: "zbb", ref: (a) => a & 0xffffn },
  { name: "rol", shape: "R", top: 0x30, f3: 1, op: 0x33, ext: "zbb", ref: (a, b) => rotr(a, 64n - (b & 63n), 64n) },
  { name: "ror", shape: "R", top: 0x30, f3: 5, op: 0x33, ext: "zbb", ref: (a, b) => rotr(a, b & 63n, 64n) },
  { name: "rori", shape: "shamt6", top: 0x18, f3: 5, op: 0x13, ext: "zbb", ref: (a, i) => rotr(a, i, 64n) },
  {
    name: "rolw",
    shape: "R",
    top: 0x30,
    f3: 1,
    op: 0x3b,
    ext: "zbb",
    ref: (a, b) => sext32(rotr(a, 32n - (b & 31n), 32n)),
  },
  { name: "rorw", shape: "R", top: 0x30, f3: 5, op: 0x3b, ext: "zbb", ref: (a, b) => sext32(rotr(a, b & 31n, 32n)) },
  { name: "roriw", shape: "shamt5", top: 0x30, f3: 5, op: 0x1b, ext: "zbb", ref: (a, i) => sext32(rotr(a, i, 32n)) },
  {
    name: "orc.b",
    shape: "unary",
    top: 0x287,
    f3: 5,
    op: 0x13,
    ext: "zbb",
    ref: (a) => {
      let v = 0n;
      for (let i = 0n; i < 64n; i += 8n) if ((a >> i) & 0xffn) v |= 0xffn << i;
      return v;
    },
  },
  {
    name: "rev8",
    shape: "unary",
    top: 0x6b8,
    f3: 5,
    op: 0x13,
    ext: "zbb",
    ref: (a) => {
      let v = 0n;
      for (let i = 0n; i < 8n; i++) v |= ((a >> (8n * i)) & 0xffn) << (8n * (7n - i));
      return v;
    },
  },
  // Zbs (RV64: 6-bit shamt)
  { name: "bclr", shape: "R", top: 0x24, f3: 1, op: 0x33, ext: "zbs", ref: (a, b) => a & ~bit(b) & u64(-1n) },
  { name: "bext", shape: "R", top: 0x24, f3: 5, op: 0x33, ext: "zbs", ref: (a, b) => (a >> (b & 63n)) & 1n },
  { name: "binv", shape: "R", top: 0x34, f3: 1, op: 0x33, ext: "zbs", ref: (a, b) => a ^ bit(b) },
  { name: "bset", shape: "R", top: 0x14, f3: 1, op: 0x33, ext: "zbs", ref: (a, b) => a | bit(b) },
  { name: "bclri", shape: "shamt6", top: 0x12, f3: 1, op: 0x13, ext: "zbs", ref: (a, i) => a & ~bit(i) & u64(-1n) },
  { name: "bexti", shape: "shamt6", top: 0x12, f3: 5, op: 0x13, ext: "zbs", ref: (a, i) => (a >> i) & 1n },
  { name: "binvi", shape: "shamt6", top: 0x1a, f3: 1, op: 0x13, ext: "zbs", ref: (a, i) => a ^ bit(i) },
  { name: "bseti", shape: "shamt6", top: 0x0a, f3: 1, op: 0x13, ext: "zbs", ref: (a, i) => a | bit(i) },
  // Zicond
  { name: "czero.eqz", shape: "R", top: 0x07, f3: 5, op: 0x33, ext: "zicond", ref: (a, b) => (b === 0n ? 0n : a) },
  { name: "czero.nez", shape: "R", top: 0x07, f3: 7, op: 0x33, ext: "zicond", ref: (a, b) => (b !== 0n ? 0n : a) },
];

// ---- operands

const EDGES: bigint[] = [];
for (const base of [0n, 1n, 1n << 7n, 1n << 15n, 1n << 31n, 1n << 32n, 1n << 63n]) {
  for (const delta of [-1n, 0n, 1n]) EDGES.push(u64(base + delta), u64(-(base + delta)));
}
EDGES.push(0x0102030405060708n, 0x00ff00ff00ff00ffn, 0x8000000080000000n, 0x7fffffff7fffffffn, 0x100n, 0x10000n);

function operandSource(seed: number): () => bigint {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  return () => {
    const kind = next() % 6;
    const v = (BigInt(next()) << 32n) | BigInt(next());
    if (kind === 0) return EDGES[next() % EDGES.length];
    if (kind === 1) return v & ((1n << BigInt(next() % 64)) - 1n); // short values
    if (kind === 2) return v & 0xff00ff00ff00ff00n; // zero bytes for orc.b
    if (kind === 3) return BigInt(next() % 70); // shift amounts and bit indexes
    return v;
  };
}

/** Places one instruction at RAM_BASE and returns a function that runs it once. */
function single(h: Hart, insn: number): () => void {
  h.pcLo = RAM_BASE | 0;
  h.pcHi = 0;
  runWords(h, [insn]); // writes and decodes it once
  return () => {
    h.pcLo = RAM_BASE | 0;
    h.pcHi = 0;
    runHart(h, 1);
  };
}

describe("bit-manipulation and Zicond instructions", () => {
  for (const c of CASES) {
    const immediate = c.shape === "shamt6" || c.shape === "shamt5";
    it(`${c.name} matches the reference`, () => {
      const h = makeHart();
      const gen = operandSource(c.name.length * 104729 + c.name.charCodeAt(1));
      if (immediate) {
        // Every shift amount, each with edge and random operands.
        const width = c.shape === "shamt6" ? 64 : 32;
        for (let imm = 0; imm < width; imm++) {
          const step = single(h, encode(c, 10, 11, imm));
          const inputs = [...EDGES, ...Array.from({ length: 200 }, gen)];
          for (const a of inputs) {
            setX(h, 11, a);
            step();
            const want = c.ref(a, BigInt(imm));
            const got = getX(h, 10);
            if (got !== want) expect({ a, imm, got }).toEqual({ a, imm, got: want });
          }
        }
        return;
      }
      const step = single(h, encode(c, 10, 11, 12));
      const check = (a: bigint, b: bigint) => {
        setX(h, 11, a);
        setX(h, 12, b);
        step();
        const want = c.ref(a, b);
        const got = getX(h, 10);
        if (got !== want) expect({ a, b, got }).toEqual({ a, b, got: want });
      };
      for (const a of EDGES) for (const b of EDGES) check(a, b);
      for (let i = 0; i < 20_000; i++) check(gen(), gen());
    });
  }

  it("reads all sources before writing rd, and discards writes to x0", () => {
    const h = makeHart();
    setX(h, 5, 0x1234n);
    setX(h, 6, 2n);
    const byName = (n: string) => CASES.find((c) => c.name === n)!;
    runWords(h, [
      encode(byName("sh1add"), 5, 5, 5), // x5 = x5 + (x5 << 1)
      encode(byName("rev8"), 0, 5, 0),
      encode(byName("min"), 6, 5, 6),
    ]);
    expect(getX(h, 5)).toBe(0x1234n * 3n);
    expect(getX(h, 0)).toBe(0n);
    expect(getX(h, 6)).toBe(2n);
  });

  it("encodings not defined on RV64 stay illegal", () => {
    const reserved: [string, number][] = [
      ["RV32 rev8 (imm 0x698)", 0x6985d513],
      ["roriw with shamt[5] set", 0x6205d51b],
      ["unassigned count/extend immediate 0x603", 0x60359513],
      ["unassigned count/extend immediate 0x606", 0x60659513],
      ["clzw-family immediate 0x604 on OP-IMM-32", 0x6045951b],
      ["Zicond funct3 110", 0x0ec5e533],
      ["orc.b with a different immediate", 0x2875d513 + (1 << 20)],
      ["sh1add with funct7 bit 0 set", 0x20c5a533 | (1 << 25)],
      ["slli.uw with a nonzero bit 31:26 pattern", 0x0c05951b],
    ];
    for (const [what, insn] of reserved) {
      expect(lookup(insn | 0)?.name, what).toBeUndefined();
    }
  });

  it("every encoding agrees with the GNU assembler", () => {
    // binutils 2.40 has Zba/Zbb/Zbs but not Zicond; those rows are checked
    // against riscv-opcodes by hand only.
    const dir = mkdtempSync(join(tmpdir(), "rvhv-bitmanip-"));
    try {
      const cases = CASES.filter((c) => c.ext !== "zicond");
      const lines = cases.map((c) => {
        if (c.shape === "R") return `${c.name} a0, a1, a2`;
        if (c.shape === "unary") return `${c.name} a0, a1`;
        return `${c.name} a0, a1, ${c.shape === "shamt6" ? 45 : 27}`;
      });
      writeFileSync(join(dir, "t.s"), lines.join("\n") + "\n");
      execFileSync("riscv64-unknown-elf-as", ["-march=rv64g_zba_zbb_zbs", "-o", join(dir, "t.o"), join(dir, "t.s")]);
      execFileSync("riscv64-unknown-elf-objcopy", [
        "-O",
        "binary",
        "-j",
        ".text",
        join(dir, "t.o"),
        join(dir, "t.bin"),
      ]);
      const bin = readFileSync(join(dir, "t.bin"));
      cases.forEach((c, i) => {
        const imm = c.shape === "shamt6" ? 45 : c.shape === "shamt5" ? 27 : 12;
        expect(bin.readUInt32LE(4 * i).toString(16), c.name).toBe(encode(c, 10, 11, imm).toString(16));
        expect(lookup(encode(c, 10, 11, imm) | 0)?.name).toBe(c.name);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
