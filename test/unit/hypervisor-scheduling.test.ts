// The hypervisor's scheduler and world switch (firmware/scheduler.ts,
// firmware/steal-time.ts): vCPUs that share the host's processor are
// charged steal time for each other's slices (SBI STA), and running one
// guest leaves every other guest's hart state and cached translations
// untouched. Guests here are a single `j .` (raw image at RAM + 2 MiB).
import { describe, expect, it } from "vitest";
import { HypervisorMachine } from "../../src/machine/hypervisor-machine.js";
import { registerStealArea } from "../../firmware/steal-time.js";
import { SLICE } from "../../firmware/scheduler.js";
import { HSM_STARTED } from "../../src/sbi/constants.js";
import type { GuestConfig } from "../../firmware/guest.js";
import { writeCsr } from "../../src/rv64/firmware-access.js";
import { CSR_HIE } from "../../src/rv64/constants.js";

const MiB = 1024 * 1024;
/** `j .`: a guest that only spins (never exits, never halts). */
const SPIN = new Uint8Array(new Uint32Array([0x0000006f]).buffer);

function spinner(vcpus: number): GuestConfig {
  return { memBytes: 8 * MiB, vcpus, kernel: SPIN, bootargs: "", sstc: false };
}

/** The STA record at host RAM offset `off`: sequence and steal (ns). */
function stealRecord(ram: Uint8Array, off: number): { sequence: number; steal: number } {
  const v = new DataView(ram.buffer, ram.byteOffset + off, 64);
  return { sequence: v.getUint32(0, true), steal: v.getUint32(8, true) + v.getUint32(12, true) * 2 ** 32 };
}

describe("steal time (SBI STA) from the scheduler", () => {
  it("charges each runnable vCPU the slices the other ran, and publishes it with an even sequence", async () => {
    const m = new HypervisorMachine({ guests: [spinner(2)], icount: true });
    const guest = m.guests[0];
    const [v0, v1] = guest.vcpus;
    v1.enterAt(0x80200000 | 0, 0, 0, 0);
    v1.hsmState = HSM_STARTED;
    const area0 = guest.memory.offsetOf(0x80100000 | 0, 0, 64);
    const area1 = guest.memory.offsetOf(0x80100040 | 0, 0, 64);
    registerStealArea(v0, guest.memory, area0);
    registerStealArea(v1, guest.memory, area1);
    // Four slices: v0, v1, v0, v1. A vCPU publishes what it was charged as it is about to run.
    const result = await m.run({ maxInsns: 4 * SLICE });
    expect(result.reason).toBe("max-insns");
    // icount: mtime is floor(steps / 10) ticks of 100 ns.
    const ns = (steps: number): number => Math.floor(steps / 10) * 100;
    const waited0 = ns(2 * SLICE) - ns(SLICE); // v1's first slice
    const waited1 = ns(SLICE) + ns(3 * SLICE) - ns(2 * SLICE); // v0's two slices
    expect(stealRecord(guest.memory.u8, area0)).toEqual({ sequence: 2, steal: waited0 });
    expect(stealRecord(guest.memory.u8, area1)).toEqual({ sequence: 4, steal: waited1 });
  });

  it("charges nothing to a vCPU that runs alone", async () => {
    const m = new HypervisorMachine({ guests: [spinner(1)], icount: true });
    const guest = m.guests[0];
    const area = guest.memory.offsetOf(0x80100000 | 0, 0, 64);
    registerStealArea(guest.vcpus[0], guest.memory, area);
    await m.run({ maxInsns: 4 * SLICE });
    expect(stealRecord(guest.memory.u8, area)).toEqual({ sequence: 0, steal: 0 });
  });
});

describe("guest switch", () => {
  it("leaves the other guest's registers, CSRs and cached translations as they were", async () => {
    const m = new HypervisorMachine({ guests: [spinner(1), spinner(1)], icount: true });
    const a = m.guests[0].vcpus[0];
    const b = m.guests[1].vcpus[0];
    expect(m.guests[0].vmid).not.toBe(m.guests[1].vmid);
    await m.run({ maxInsns: 2 * SLICE }); // one slice each: both have TLB entries now
    // Guest A stops being scheduled; only B runs from here.
    a.hsmState = 1;
    const snapshot = (): unknown => {
      const h = a.hart;
      const mmu = h.mmu as unknown as { tagLo: Int32Array; tagHi: Int32Array; ramOff: Int32Array };
      return [
        h.pcLo,
        h.priv,
        h.virt,
        [...h.xl],
        [...h.xh],
        [...h.csrLo],
        [...h.csrHi],
        [...mmu.tagLo],
        [...mmu.ramOff],
      ];
    };
    const before = snapshot();
    const ranBefore = b.hart.retired();
    await m.run({ maxInsns: 8 * SLICE });
    expect(b.hart.retired()).toBeGreaterThan(ranBefore);
    expect(snapshot()).toEqual(before);
    // The translations A cached are still there: at least one valid fetch entry.
    const tags = (a.hart.mmu as unknown as { tagLo: Int32Array }).tagLo;
    expect(tags.some((t) => t !== 1)).toBe(true);
  });
});

describe("idle", () => {
  it("runs a halted vCPU whose timer comes due as the machine goes idle, instead of sleeping past it", async () => {
    const m = new HypervisorMachine({ guests: [spinner(1)] }); // the host clock
    const v = m.guests[0].vcpus[0];
    // Halted in WFI, its timer interrupt enabled (hie.VSTIE), an SBI deadline
    // already past but not yet raised: only the idle path's refresh raises it.
    v.hart.waiting = true;
    writeCsr(v.hart, CSR_HIE, 1 << 6, 0);
    v.timerDeadline = 0;
    const hung = new Promise<string>((resolve) => setTimeout(() => resolve("slept past the timer"), 5000));
    const ran = m.run({ maxInsns: 1000 }).then((r) => r.reason);
    expect(await Promise.race([ran, hung])).toBe("max-insns");
    m.stop();
  });
});
