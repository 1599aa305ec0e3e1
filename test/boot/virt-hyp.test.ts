// test/virt-hyp: a bare-metal hypervisor (M-mode, then HS-mode) with a
// VS-mode guest, built by scripts/build-virt-hyp.mjs and booted as the
// virt machine's firmware. It prints one PASS/FAIL line per check and powers
// off through the syscon (0x5555, or 0x3333 with the failure count).
// Without the cross compiler this fails and says what to install.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { VirtMachine } from "../../src/devices/virt-machine.js";
import { REPO, runRvhv } from "./support.js";

const ELF = join(REPO, "build/virt-hyp/virt-hyp.elf");
const MiB = 1024 * 1024;

/** Every check, in order; each runs at the levels listed. */
const CHECKS: [string, ("m" | "hs")[]][] = [
  ["boot-protocol", ["m"]],
  ["misa-h", ["m"]],
  ["clint", ["m"]],
  ["hgatp-sv39x4", ["m", "hs"]],
  ["guest-hello", ["m", "hs"]],
  ["sbi-base", ["m", "hs"]],
  ["two-stage", ["m", "hs"]],
  ["gstage-gpa-bit40", ["m", "hs"]],
  ["gstage-write-fault", ["m", "hs"]],
  ["time-htimedelta", ["m", "hs"]],
  ["time-virtual-insn", ["m", "hs"]],
  ["time-illegal-insn", ["m", "hs"]],
  ["mmio", ["m", "hs"]],
  ["mmio-compressed", ["m", "hs"]],
  ["timer-clint-hvip", ["m", "hs"]],
  ["timer-sstc-sbi", ["m", "hs"]],
  ["timer-sstc-guest", ["m", "hs"]],
  ["vs-vu-roundtrip", ["m", "hs"]],
  ["hlv-read", ["m", "hs"]],
  ["hlvx", ["m", "hs"]],
  ["hlv-faults", ["m", "hs"]],
  ["hsv", ["m", "hs"]],
];
const EXPECTED_PASS = ["m", "hs"].flatMap((level) =>
  CHECKS.filter(([, levels]) => levels.includes(level as "m" | "hs")).map(([name]) => `PASS ${level}/${name}`),
);

async function runOnVirt(bios: Uint8Array) {
  const m = new VirtMachine({ memBytes: 64 * MiB, harts: 1, bios, icount: true });
  let text = "";
  const decoder = new TextDecoder();
  m.onConsoleOutput = (bytes) => (text += decoder.decode(bytes, { stream: true }));
  const result = await m.run({ maxInsns: 50_000_000 });
  return { result, text: text.replace(/\r\n/g, "\n") };
}

describe("virt-hyp: a bare-metal hypervisor and its guest on the virt machine", () => {
  let elf: Uint8Array;
  beforeAll(() => {
    const build = spawnSync(process.execPath, [join(REPO, "scripts/build-virt-hyp.mjs")], { encoding: "utf8" });
    if (build.status !== 0) throw new Error(`scripts/build-virt-hyp.mjs failed:\n${build.stderr}${build.stdout}`);
    elf = readFileSync(ELF);
  });

  it("passes every check in M-mode and in HS-mode, then powers off through the syscon", async () => {
    const { result, text } = await runOnVirt(elf);
    const lines = text.split("\n");
    expect(lines.filter((l) => /^(FAIL|SKIP) /.test(l))).toEqual([]);
    expect(lines.filter((l) => l.startsWith("PASS "))).toEqual(EXPECTED_PASS);
    expect(lines).toContain(`virt-hyp: ${EXPECTED_PASS.length} passed, 0 failed`);
    expect(result.reason).toBe("poweroff");
    expect(result.exitCode).toBe(0);
  });

  it("shows the guest's console: SBI putchar and the emulated MMIO UART; rvhv fills htinst on every device fault", async () => {
    const { text } = await runOnVirt(elf);
    expect(text).toContain("virt-hyp: Sstc present\n");
    expect(text.match(/^guest: hello from VS-mode$/gm)).toHaveLength(2);
    expect(text.match(/^guest: hello through the emulated UART$/gm)).toHaveLength(2);
    // The spec allows zero in htinst/mtinst (QEMU 7.2 writes zero); rvhv
    // writes the transformed load or store, which the hypervisor checks.
    for (const level of ["m", "hs"]) {
      expect(text).toContain(`INFO ${level}/mmio: htinst/mtinst held the transformed instruction for 90 of 90 faults`);
      expect(text).toContain(`INFO ${level}/mmio: htinst/mtinst held the transformed instruction for 5 of 5 faults`);
    }
  });

  it("is deterministic with icount: the same output and instruction count twice", async () => {
    const a = await runOnVirt(elf);
    const b = await runOnVirt(elf);
    expect(b.text).toBe(a.text);
    expect(b.result.instructions).toBe(a.result.instructions);
  });

  it("runs from the command line on the host clock: rvhv run --machine virt --bios <elf> exits 0", async () => {
    const r = await runRvhv(["run", "--machine", "virt", "--bios", ELF], "", 60_000);
    expect(r.stdout).toContain(`virt-hyp: ${EXPECTED_PASS.length} passed, 0 failed`);
    expect(r.stdout).not.toMatch(/^FAIL /m);
    expect(r.status).toBe(0);
  }, 60_000);
});
