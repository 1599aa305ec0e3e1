// VirtMachine on the host clock: a timer deadline that passes between the
// harts' last slice and the machine going idle must still wake them. The
// host clock is faked so the race is deterministic: time stands still while
// the hart runs and jumps when the machine decides it is idle.
import { afterEach, describe, expect, it, vi } from "vitest";
import { VirtMachine } from "../../src/devices/virt-machine.js";

/** An M-mode program (rv64g, at 0x8000_0000): arm mtimecmp = mtime + 100, WFI, power off. */
const PROGRAM = [
  0x020042b7, // lui   t0, 0x2004          t0 = &mtimecmp[0]
  0x0200c337, // lui   t1, 0x200c          t1 - 8 = &mtime
  0xff833383, // ld    t2, -8(t1)
  0x06438393, // addi  t2, t2, 100
  0x0072b023, // sd    t2, 0(t0)           mtimecmp = mtime + 100
  0x08000e13, // addi  t3, zero, 0x80
  0x304e2073, // csrrs zero, mie, t3       MTIE; mstatus.MIE = 0, so WFI wakes without a trap
  0x10500073, // wfi
  0x001002b7, // lui   t0, 0x100           the syscon
  0x00005337, // lui   t1, 0x5
  0x55530313, // addi  t1, t1, 0x555
  0x0062a023, // sw    t1, 0(t0)           0x5555: power off
  0x0000006f, // j     .
];

function image(words: number[]): Uint8Array {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  words.forEach((w, i) => view.setUint32(4 * i, w >>> 0, true));
  return bytes;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("VirtMachine idle on the host clock", () => {
  it("wakes a hart whose mtimecmp passed just before the machine went idle", async () => {
    let hostMs = 1000;
    vi.spyOn(performance, "now").mockImplementation(() => hostMs);
    const m = new VirtMachine({ memBytes: 16 * 1024 * 1024, harts: 1, bios: image(PROGRAM) });
    // 1 ms (10,000 ticks) passes each time the machine finds every hart waiting,
    // after the round's last timer refresh: the 100-tick deadline is then behind.
    const machine = m as unknown as { idle: () => Promise<void> };
    const idle = machine.idle.bind(m);
    machine.idle = () => {
      hostMs += 1;
      return idle();
    };
    const hung = new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), 2000).unref());
    const outcome = await Promise.race([m.run({ maxInsns: 1_000_000 }), hung]);
    if (outcome === "hung") m.stop();
    expect(outcome === "hung" ? outcome : outcome.reason).toBe("poweroff");
  });
});
