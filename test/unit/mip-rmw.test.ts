// mip's read-modify-write (Priv §3.1.9): a CSR read of mip.SEIP returns the
// OR of the software-writable bit and the interrupt controller's signal, but
// only the software bit takes part in CSRRS/CSRRC. Folding the PLIC's line
// into the written value latches a phantom external interrupt (OpenSBI sets
// and clears mip.SSIP with csrs/csrc while delivering IPIs).
import { describe, expect, it } from "vitest";
import { getX, makeHart, runWords } from "./support/hart.js";
import { csrOut, csrTable } from "../../src/rv64/csr/table.js";
import type { Hart } from "../../src/rv64/hart.js";

const MIP = 0x344;
const SSIP = 1 << 1;
const STIP = 1 << 5;
const SEIP = 1 << 9;
const SEI = 9;

/** csrrsi/csrrci rd, mip, uimm; csrrs/csrrc rd, mip, rs1. */
const csri = (funct3: number, rd: number, uimm: number) =>
  (MIP << 20) | (uimm << 15) | (funct3 << 12) | (rd << 7) | 0x73;
const csrrsi = (rd: number, uimm: number) => csri(6, rd, uimm);
const csrrci = (rd: number, uimm: number) => csri(7, rd, uimm);
const csrrs = (rd: number, rs1: number) => csri(2, rd, rs1);
const csrrc = (rd: number, rs1: number) => csri(3, rd, rs1);

function mip(h: Hart): number {
  const lo = csrTable[MIP]!.read(h, MIP);
  expect(csrOut.hi).toBe(0);
  return lo;
}

describe("mip read-modify-write (Priv §3.1.9)", () => {
  it("CSRRSI on mip while the PLIC drives SEIP reads the line but does not latch it", () => {
    const h = makeHart();
    h.setIrqLine(SEI, true);
    runWords(h, [csrrsi(5, SSIP)]);
    expect(Number(getX(h, 5)) & SEIP).toBe(SEIP); // the read shows the line
    h.setIrqLine(SEI, false);
    expect(mip(h) & (SEIP | SSIP)).toBe(SSIP);
  });

  it("CSRRCI on mip while the PLIC drives SEIP does not latch it either", () => {
    const h = makeHart();
    runWords(h, [csrrsi(0, SSIP)]);
    h.setIrqLine(SEI, true);
    runWords(h, [csrrci(5, SSIP)]);
    expect(Number(getX(h, 5)) & (SEIP | SSIP)).toBe(SEIP | SSIP);
    h.setIrqLine(SEI, false);
    expect(mip(h) & (SEIP | SSIP)).toBe(0);
  });

  it("the software SEIP bit is set and cleared by CSRRS/CSRRC independently of the line", () => {
    const h = makeHart();
    h.xl[6] = SEIP;
    h.xh[6] = 0;
    runWords(h, [csrrs(0, 6)]);
    h.setIrqLine(SEI, true);
    expect(mip(h) & SEIP).toBe(SEIP);
    runWords(h, [csrrc(0, 6)]);
    expect(mip(h) & SEIP).toBe(SEIP); // the line still holds it
    h.setIrqLine(SEI, false);
    expect(mip(h) & SEIP).toBe(0);
  });

  it("STIP written by M-mode software (no Sstc) survives an RMW of another bit", () => {
    const h = makeHart();
    h.xl[6] = STIP;
    runWords(h, [csrrs(0, 6), csrrci(0, SSIP)]);
    expect(mip(h) & STIP).toBe(STIP);
  });
});
