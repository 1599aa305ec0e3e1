// The opcode table (decode/table.ts) as a whole: no two rows may match the
// same instruction unless one is a deliberate special case of the other
// (listed below), and lookup() must find every row.
import { describe, expect, it } from "vitest";
import { lookup } from "../../src/rv64/decode/decode.js";
import type { InsnDef } from "../../src/rv64/decode/insn-def.js";
import { allInstructions } from "../../src/rv64/decode/table.js";

/**
 * Deliberate overlaps: [specific, general]. The specific row's mask must
 * contain every bit of the general row's mask (so lookup, which tries the
 * most specific mask first, picks it). Add a pair here only when one
 * encoding is defined as a special case of another.
 */
const INTENDED_OVERRIDES: [string, string][] = [
  // Unpriv §28.4.2: RV64 zext.h (Zbb) is packw rd, rs1, x0 (Zbkb).
  ["zext.h", "packw"],
];

const u = (v: number) => v >>> 0;
const hex = (v: number) => `0x${u(v).toString(16).padStart(8, "0")}`;
const describeRow = (d: InsnDef) => `${d.name} (mask ${hex(d.mask)}, match ${hex(d.match)})`;

/** Some instruction both rows match, or undefined if they are disjoint. */
function commonInstruction(a: InsnDef, b: InsnDef): number | undefined {
  if (((a.match ^ b.match) & a.mask & b.mask) !== 0) return undefined;
  return (a.match & a.mask) | (b.match & b.mask);
}

function isIntended(specific: InsnDef, general: InsnDef): boolean {
  return INTENDED_OVERRIDES.some(([s, g]) => s === specific.name && g === general.name);
}

describe("opcode table", () => {
  it("every row has a match inside its mask and a unique name", () => {
    for (const d of allInstructions) {
      expect(u(d.match & ~d.mask), describeRow(d)).toBe(0);
    }
    const names = allInstructions.map((d) => d.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it("has no two rows matching the same instruction, except the listed overrides", () => {
    const accidental: string[] = [];
    for (let i = 0; i < allInstructions.length; i++) {
      for (let j = i + 1; j < allInstructions.length; j++) {
        const a = allInstructions[i];
        const b = allInstructions[j];
        const insn = commonInstruction(a, b);
        if (insn === undefined) continue;
        const aWins = u(a.mask & b.mask) === u(b.mask) && u(a.mask) !== u(b.mask);
        const bWins = u(a.mask & b.mask) === u(a.mask) && u(a.mask) !== u(b.mask);
        const ok = (aWins && isIntended(a, b)) || (bWins && isIntended(b, a));
        if (!ok) accidental.push(`${describeRow(a)} and ${describeRow(b)} both match ${hex(insn)}`);
      }
    }
    expect(accidental).toEqual([]);
  });

  it("lists only overrides that exist, and lookup picks the specific row", () => {
    for (const [s, g] of INTENDED_OVERRIDES) {
      const specific = allInstructions.find((d) => d.name === s);
      const general = allInstructions.find((d) => d.name === g);
      expect(specific, s).toBeDefined();
      expect(general, g).toBeDefined();
      const insn = commonInstruction(specific!, general!);
      expect(insn, `${s} / ${g} overlap`).toBeDefined();
      expect(lookup(insn! | 0)?.name).toBe(s);
    }
  });

  it("lookup finds every row for random instructions it matches", () => {
    let seed = 12345;
    const next = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    for (const d of allInstructions) {
      for (let k = 0; k < 64; k++) {
        const insn = (d.match & d.mask) | (next() & ~d.mask);
        const found = lookup(insn | 0);
        // A listed override may claim some of a general row's instructions.
        const overriddenBy = allInstructions.find((s) => isIntended(s, d) && ((insn ^ s.match) & s.mask) === 0);
        expect(found?.name, `${d.name} ${hex(insn)}`).toBe(overriddenBy?.name ?? d.name);
      }
    }
  });
});
