import { describe, expect, it } from "vitest";
import { CLINT_BASE, Clint } from "../../src/devices/clint.js";
import { IRQ_M_SOFT, IRQ_M_TIMER } from "../../src/rv64/constants.js";
import { IrqLines } from "./support/irq-lines.js";

function setup(harts = 2) {
  const lines = Array.from({ length: harts }, () => new IrqLines());
  const time = { t: 0 };
  const clint = new Clint(CLINT_BASE, lines, {
    now: () => time.t,
    set: (v) => {
      time.t = v;
    },
  });
  return { clint, lines, time };
}

const MTIMECMP = (hart: number) => 0x4000 + 8 * hart;
const MTIME = 0xbff8;

describe("CLINT", () => {
  it("msip drives MSIP per hart; only bit 0 is writable", () => {
    const { clint, lines } = setup();
    clint.write(4, 4, 0xffffffff, 0);
    expect(lines[1].has(IRQ_M_SOFT)).toBe(true);
    expect(lines[0].has(IRQ_M_SOFT)).toBe(false);
    expect(clint.read(4, 4)).toBe(1);
    expect(clint.read(0, 4)).toBe(0);
    clint.write(4, 4, 2, 0);
    expect(lines[1].has(IRQ_M_SOFT)).toBe(false);
    // An 8-byte store covers msip[0] and msip[1].
    clint.write(0, 8, 1, 1);
    expect(lines[0].has(IRQ_M_SOFT) && lines[1].has(IRQ_M_SOFT)).toBe(true);
  });

  it("tells the machine when an mtimecmp is written (its next deadline may have moved)", () => {
    let changes = 0;
    const clint = new Clint(CLINT_BASE, [new IrqLines()], {
      now: () => 0,
      set: () => {},
      compareChanged: () => changes++,
    });
    clint.write(MTIMECMP(0), 4, 5, 0);
    clint.write(MTIMECMP(0) + 4, 4, 0, 0);
    expect(changes).toBe(2);
    clint.write(0, 4, 1, 0); // msip
    clint.write(MTIME, 8, 7, 0); // mtime: the machine's set() hears of it
    expect(changes).toBe(2);
  });

  it("mtimecmp resets to all ones, so MTIP starts low", () => {
    const { clint, lines, time } = setup();
    time.t = 1e9;
    clint.updateTimers();
    expect(lines[0].has(IRQ_M_TIMER)).toBe(false);
    expect(clint.read(MTIMECMP(0), 8)).toBe(-1);
    expect(clint.readHi).toBe(-1);
  });

  it("MTIP follows mtime >= mtimecmp, on compare writes and as time advances", () => {
    const { clint, lines, time } = setup();
    time.t = 100;
    clint.write(MTIMECMP(0), 8, 150, 0);
    expect(lines[0].has(IRQ_M_TIMER)).toBe(false);
    time.t = 149;
    clint.updateTimers();
    expect(lines[0].has(IRQ_M_TIMER)).toBe(false);
    time.t = 150;
    clint.updateTimers();
    expect(lines[0].has(IRQ_M_TIMER)).toBe(true);
    expect(lines[1].has(IRQ_M_TIMER)).toBe(false);
    // Writing a later deadline lowers MTIP at once.
    clint.write(MTIMECMP(0), 8, 1000, 0);
    expect(lines[0].has(IRQ_M_TIMER)).toBe(false);
    // The RV32 idiom: two 32-bit halves (high word first, all ones, to avoid a spurious match).
    clint.write(MTIMECMP(0) + 4, 4, -1, 0);
    clint.write(MTIMECMP(0), 4, 10, 0);
    expect(lines[0].has(IRQ_M_TIMER)).toBe(false);
    clint.write(MTIMECMP(0) + 4, 4, 0, 0);
    expect(lines[0].has(IRQ_M_TIMER)).toBe(true);
  });

  it("compares all 64 bits", () => {
    const { clint, lines, time } = setup(1);
    time.t = 2 ** 32 + 5; // mtime high word 1
    clint.write(MTIMECMP(0), 8, 6, 0);
    expect(lines[0].has(IRQ_M_TIMER)).toBe(true);
    clint.write(MTIMECMP(0), 8, 4, 2);
    expect(lines[0].has(IRQ_M_TIMER)).toBe(false);
    clint.write(MTIMECMP(0), 8, 5, 1);
    expect(lines[0].has(IRQ_M_TIMER)).toBe(true);
    clint.write(MTIMECMP(0), 8, 6, 1);
    expect(lines[0].has(IRQ_M_TIMER)).toBe(false);
  });

  it("mtime reads the machine time and writes set it", () => {
    const { clint, lines, time } = setup();
    time.t = 0x123456789;
    expect(clint.read(MTIME, 8) >>> 0).toBe(0x23456789);
    expect(clint.readHi).toBe(1);
    expect(clint.read(MTIME + 4, 4)).toBe(1);
    clint.write(MTIMECMP(1), 8, 500, 0);
    clint.write(MTIME, 8, 1000, 0);
    expect(time.t).toBe(1000);
    expect(lines[1].has(IRQ_M_TIMER)).toBe(true);
  });

  it("nextDeadline is the earliest future mtimecmp", () => {
    const { clint, time } = setup(3);
    time.t = 100;
    expect(clint.nextDeadline()).toBe(Infinity);
    clint.write(MTIMECMP(0), 8, 50, 0); // already past
    clint.write(MTIMECMP(1), 8, 300, 0);
    clint.write(MTIMECMP(2), 8, 200, 0);
    expect(clint.nextDeadline()).toBe(200);
  });

  it("byte accesses reach single bytes of a register", () => {
    const { clint } = setup(1);
    clint.write(MTIMECMP(0), 8, 0x44332211, 0x88776655);
    expect(clint.read(MTIMECMP(0) + 5, 1)).toBe(0x66);
    clint.write(MTIMECMP(0) + 1, 1, 0xaa, 0);
    expect(clint.read(MTIMECMP(0), 4) >>> 0).toBe(0x4433aa11);
    expect(clint.read(MTIMECMP(0) + 2, 2)).toBe(0x4433);
  });
});
