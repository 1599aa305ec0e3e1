import { describe, expect, it } from "vitest";
import { PLIC_BASE, PLIC_NDEV, Plic } from "../../src/devices/plic.js";
import { IRQ_M_EXT, IRQ_S_EXT } from "../../src/rv64/constants.js";
import { IrqLines } from "./support/irq-lines.js";

// Context ctx registers (virt: ctx 2h = hart h M-mode, 2h+1 = S-mode).
const PRIORITY = (id: number) => 4 * id;
const PENDING = (word: number) => 0x1000 + 4 * word;
const ENABLE = (ctx: number, word: number) => 0x2000 + 0x80 * ctx + 4 * word;
const THRESHOLD = (ctx: number) => 0x200000 + 0x1000 * ctx;
const CLAIM = (ctx: number) => 0x200004 + 0x1000 * ctx;

function setup(harts = 2) {
  const lines = Array.from({ length: harts }, () => new IrqLines());
  const plic = new Plic(PLIC_BASE, Plic.virtContexts(lines, IRQ_M_EXT, IRQ_S_EXT));
  const w = (off: number, v: number) => plic.write(off, 4, v, 0);
  const r = (off: number) => plic.read(off, 4);
  return { plic, lines, w, r };
}

describe("PLIC", () => {
  it("priorities are 3-bit WARL; source 0 is hardwired to zero", () => {
    const { w, r } = setup();
    w(PRIORITY(10), 0xff);
    expect(r(PRIORITY(10))).toBe(7);
    w(PRIORITY(0), 5);
    expect(r(PRIORITY(0))).toBe(0);
    w(PRIORITY(PLIC_NDEV), 3);
    expect(r(PRIORITY(PLIC_NDEV))).toBe(3);
  });

  it("pending follows a level source and is read-only", () => {
    const { plic, w, r } = setup();
    plic.setSourceLevel(10, true);
    plic.setSourceLevel(33, true);
    expect(r(PENDING(0))).toBe(1 << 10);
    expect(r(PENDING(1))).toBe(1 << 1);
    w(PENDING(0), 0);
    expect(r(PENDING(0))).toBe(1 << 10);
    plic.setSourceLevel(10, false);
    expect(r(PENDING(0))).toBe(0);
  });

  it("enable bits are per context; source 0 and bits past the last source read zero", () => {
    const { w, r } = setup();
    w(ENABLE(1, 0), 0xffffffff);
    expect(r(ENABLE(1, 0)) >>> 0).toBe(0xfffffffe);
    expect(r(ENABLE(0, 0))).toBe(0);
    w(ENABLE(1, 3), 0xffffffff);
    expect(r(ENABLE(1, 3))).toBe(1); // only source 96
  });

  it("raises MEIP or SEIP for the enabled context when priority exceeds the threshold", () => {
    const { plic, lines, w } = setup();
    w(PRIORITY(10), 1);
    plic.setSourceLevel(10, true);
    expect(lines[0].lines).toBe(0); // not enabled anywhere
    w(ENABLE(1, 0), 1 << 10); // hart 0, S-mode
    expect(lines[0].has(IRQ_S_EXT)).toBe(true);
    expect(lines[0].has(IRQ_M_EXT)).toBe(false);
    w(THRESHOLD(1), 1); // priority must be strictly above the threshold
    expect(lines[0].has(IRQ_S_EXT)).toBe(false);
    w(THRESHOLD(1), 0);
    w(ENABLE(2, 0), 1 << 10); // hart 1, M-mode
    expect(lines[1].has(IRQ_M_EXT)).toBe(true);
    w(PRIORITY(10), 0); // priority 0 never interrupts
    expect(lines[0].lines | lines[1].lines).toBe(0);
  });

  it("claim returns the highest priority source (ties to the lowest id); complete releases it", () => {
    const { plic, lines, w, r } = setup(1);
    w(ENABLE(0, 0), (1 << 3) | (1 << 5) | (1 << 7));
    w(PRIORITY(3), 2);
    w(PRIORITY(5), 4);
    w(PRIORITY(7), 4);
    for (const id of [3, 5, 7]) plic.setSourceLevel(id, true);
    expect(r(CLAIM(0))).toBe(5);
    expect(r(CLAIM(0))).toBe(7);
    expect(r(CLAIM(0))).toBe(3);
    expect(r(CLAIM(0))).toBe(0);
    expect(lines[0].has(IRQ_M_EXT)).toBe(false); // all in service
    expect(r(PENDING(0))).toBe(0);
    // Completing a source whose line is still high makes it pending again.
    w(CLAIM(0), 5);
    expect(r(PENDING(0))).toBe(1 << 5);
    expect(lines[0].has(IRQ_M_EXT)).toBe(true);
    // A source in service is not re-pended while its line toggles.
    plic.setSourceLevel(7, false);
    plic.setSourceLevel(7, true);
    expect(r(PENDING(0)) & (1 << 7)).toBe(0);
    // Completing a source whose line dropped leaves it idle.
    plic.setSourceLevel(3, false);
    w(CLAIM(0), 3);
    expect(r(PENDING(0)) & (1 << 3)).toBe(0);
  });

  it("claim honours the threshold; completion for a source not enabled in the context is ignored", () => {
    const { plic, w, r } = setup(1);
    w(PRIORITY(4), 3);
    w(ENABLE(0, 0), 1 << 4);
    plic.setSourceLevel(4, true);
    w(THRESHOLD(0), 3);
    expect(r(CLAIM(0))).toBe(0);
    w(THRESHOLD(0), 2);
    expect(r(CLAIM(0))).toBe(4);
    w(ENABLE(0, 0), 0);
    w(CLAIM(0), 4); // ignored: not enabled for this context
    w(ENABLE(0, 0), 1 << 4);
    expect(r(CLAIM(0))).toBe(0); // still in service
    w(CLAIM(0), 4);
    expect(r(CLAIM(0))).toBe(4);
  });

  it("an S context claim does not disturb other contexts' enables", () => {
    const { plic, lines, w, r } = setup(2);
    w(PRIORITY(1), 1);
    w(ENABLE(1, 0), 2); // hart 0 S
    w(ENABLE(3, 0), 2); // hart 1 S
    plic.setSourceLevel(1, true);
    expect(lines[0].has(IRQ_S_EXT) && lines[1].has(IRQ_S_EXT)).toBe(true);
    expect(r(CLAIM(3))).toBe(1);
    // Claimed by hart 1: no longer offered to hart 0.
    expect(lines[0].has(IRQ_S_EXT) || lines[1].has(IRQ_S_EXT)).toBe(false);
    expect(r(CLAIM(1))).toBe(0);
  });
});
