import { describe, expect, it } from "vitest";
import { SYSCON_BASE, SifiveTest, type SysconEvent } from "../../src/devices/syscon.js";

function setup() {
  const events: [SysconEvent, number][] = [];
  const dev = new SifiveTest(SYSCON_BASE, (e, code) => events.push([e, code]));
  return { dev, events };
}

describe("sifive,test0 syscon", () => {
  it("0x5555 powers off, 0x7777 resets", () => {
    const { dev, events } = setup();
    dev.write(0, 4, 0x5555, 0);
    dev.write(0, 4, 0x7777, 0);
    expect(events).toEqual([
      ["poweroff", 0],
      ["reboot", 0],
    ]);
  });

  it("0x3333 fails with the code in bits 31:16", () => {
    const { dev, events } = setup();
    dev.write(0, 4, (42 << 16) | 0x3333, 0);
    dev.write(0, 8, (0xffff << 16) | 0x3333, 0);
    expect(events).toEqual([
      ["fail", 42],
      ["fail", 0xffff],
    ]);
  });

  it("ignores other values and offsets; reads zero", () => {
    const { dev, events } = setup();
    dev.write(0, 4, 0x1234, 0);
    dev.write(4, 4, 0x5555, 0);
    expect(events).toEqual([]);
    expect(dev.read(0, 4)).toBe(0);
  });
});
