// test/sbi-guest: bare-metal VS-mode guests, built by
// scripts/build-sbi-guest.mjs and booted under rvhv's TypeScript
// hypervisor. sbi-guest (4 vCPUs) calls every function of every SBI
// extension with good and bad arguments and prints one PASS/FAIL line per
// check; sbi-garbage throws random arguments at every call and must get an
// error code back from each; sbi-isolation, run as three guests at once,
// scans its guest-physical address space. Without the cross compiler this fails and says
// what to install.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { HypervisorMachine } from "../../src/machine/hypervisor-machine.js";
import { REPO } from "./support.js";

const MiB = 1024 * 1024;
const EXTENSIONS = ["base", "time", "ipi", "rfence", "hsm", "srst", "dbcn", "sta", "legacy"];

async function runGuest(kernel: Uint8Array, writesTrapInstruction = true) {
  const machine = new HypervisorMachine({
    guests: [{ memBytes: 64 * MiB, vcpus: 4, kernel, bootargs: "", sstc: false }],
    icount: true,
    writesTrapInstruction,
  });
  let text = "";
  const decoder = new TextDecoder();
  machine.onConsoleOutput = (_guest, bytes) => (text += decoder.decode(bytes, { stream: true }));
  const result = await machine.run({ maxInsns: 400_000_000 });
  return { result, lines: text.split("\n"), machine };
}

describe("SBI v2.0 under the TypeScript hypervisor (test/sbi-guest)", () => {
  let guest: Uint8Array;
  let garbage: Uint8Array;
  beforeAll(() => {
    const build = spawnSync(process.execPath, [join(REPO, "scripts/build-sbi-guest.mjs")], { encoding: "utf8" });
    if (build.status !== 0) throw new Error(`scripts/build-sbi-guest.mjs failed:\n${build.stderr}${build.stdout}`);
    guest = readFileSync(join(REPO, "build/sbi-guest/sbi-guest.elf"));
    garbage = readFileSync(join(REPO, "build/sbi-guest/sbi-garbage.elf"));
  });

  it("passes every check of every extension, then shuts down with no failure (exit 0)", async () => {
    const { result, lines } = await runGuest(guest);
    expect(lines.filter((l) => l.startsWith("FAIL "))).toEqual([]);
    const passed = lines.filter((l) => l.startsWith("PASS "));
    for (const ext of EXTENSIONS)
      expect(
        passed.some((l) => l.startsWith(`PASS ${ext}/`)),
        ext,
      ).toBe(true);
    expect(passed.length).toBeGreaterThanOrEqual(110);
    expect(lines).toContain(`sbi-guest: ${passed.length} passed, 0 failed`);
    expect(result.reason).toBe("poweroff");
    expect(result.exitCode).toBe(0);
  });

  it("survives random arguments to every SBI call: each returns an error code, the guest powers off", async () => {
    const { result, lines, machine } = await runGuest(garbage);
    expect(
      lines.some((l) => /^sbi-garbage: \d+ calls, all returned$/.test(l)),
      lines.join("\n"),
    ).toBe(true);
    expect(result.reason).toBe("poweroff");
    expect(result.exitCode).toBe(0);
    expect(machine.hypervisor.stats.unknownSbiCalls).toBeGreaterThan(1000);
  });

  it("keeps guests apart: each of three guests scanning its guest-physical space finds only its own RAM and devices", async () => {
    const isolation = readFileSync(join(REPO, "build/sbi-guest/sbi-isolation.elf"));
    const machine = new HypervisorMachine({
      guests: [32, 48, 64].map((mib, i) => ({
        memBytes: mib * MiB,
        vcpus: 1,
        kernel: isolation,
        bootargs: "",
        sstc: false,
        lazyGstage: i === 1, // one maps its RAM on first touch
      })),
      icount: true,
    });
    const text = ["", "", ""];
    const decoder = new TextDecoder();
    machine.onConsoleOutput = (guest, bytes) => (text[guest] += decoder.decode(bytes));
    const result = await machine.run({ maxInsns: 400_000_000 });
    [32, 48, 64].forEach((mib, i) => {
      const lines = text[i].split("\n");
      expect(lines, `guest ${i}`).toContain(`isolation: RAM 80000000..${(0x80000000 + mib * MiB).toString(16)}`);
      expect(
        lines.filter((l) => l.startsWith("FAIL ")),
        `guest ${i}`,
      ).toEqual([]);
      expect(lines, `guest ${i}`).toContain("isolation: 7 passed, 0 failed");
    });
    // The lazy guest touched each page from its image (at RAM + 2 MiB) up: one first-touch fault each.
    expect(machine.hypervisor.stats.ramFaults).toBeGreaterThanOrEqual((48 - 2) * 256);
    expect(result).toMatchObject({ reason: "poweroff", exitCode: 0 });
  });

  it("gives the same results on a hart that leaves htinst 0", async () => {
    const { result, lines } = await runGuest(guest, false);
    expect(lines.filter((l) => l.startsWith("FAIL "))).toEqual([]);
    expect(result.exitCode).toBe(0);
  });
});
