// `rvhv boot` in-process: one-line errors with status 2 for every kind of
// bad input, and a guest that powers off or reports a failure through SBI
// SRST setting the exit status. Guests here are raw images: a few
// instructions at RAM + 2 MiB.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "rvhv-cli-boot-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = runCli;

/** A raw guest image from 32-bit instruction words. */
function image(name: string, words: number[]): string {
  const path = join(tmp, name);
  writeFileSync(path, new Uint8Array(new Uint32Array(words).buffer));
  return path;
}

// SRST system_reset(shutdown, reason): a0 = 0, a1 = reason, a6 = 0, a7 = "SRST".
const srst = (reason: number): number[] => [
  0x00000513, // li a0, 0
  0x00000593 | (reason << 20), // li a1, reason
  0x00000813, // li a6, 0
  0x535258b7, // lui a7, 0x53525
  0x3548889b, // addiw a7, a7, 0x354
  0x00000073, // ecall
  0x0000006f, // j .
];

describe("rvhv boot: errors", () => {
  it.each([
    [["boot", "--kernel", "/nonexistent/Image"], /^rvhv: cannot read the kernel \/nonexistent\/Image: no such file\n$/],
    [["boot", "--mem", "3M"], /^rvhv: --mem must be from 4M to 2G, not '3M'/],
    [["boot", "--mem", "lots"], /^rvhv: --mem takes a size such as 512M or 1G, not 'lots'/],
    [["boot", "--smp", "9"], /^rvhv: --smp needs a whole number from 1 to 8/],
    [["boot", "--guests", "0"], /^rvhv: --guests needs a whole number from 1 to 8/],
    [["boot", "--devices", "virtio"], /^rvhv: --devices is pv or emulated, not 'virtio'/],
    [["boot", "--gstage", "sv57x4"], /^rvhv: --gstage is sv39x4 or sv48x4, not 'sv57x4'/],
    [["boot", "--initrd", "x"], /^rvhv: --initrd needs --kernel/],
    [["boot", "Image"], /^rvhv: boot takes no file argument \('Image'\): use --kernel/],
    [["boot", "--frobnicate"], /^rvhv: unknown option --frobnicate/],
  ])("%j: one line, status 2", async (argv, message) => {
    const r = await cli(argv);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split("\n")).toHaveLength(2);
  });

  it("says when the guests need more host RAM than there can be", async () => {
    const r = await cli(["boot", "--kernel", image("spin.bin", [0x6f]), "--mem", "1536M", "--guests", "2"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^rvhv: the guests need 3\d\d\d MiB of host RAM; at most 2048 MiB are possible/);
  });

  it("says when the kernel and its device tree do not fit in --mem", async () => {
    const big = join(tmp, "big.bin");
    writeFileSync(big, new Uint8Array(5 * 1024 * 1024));
    const r = await cli(["boot", "--kernel", big, "--mem", "4M"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("rvhv: the kernel (5242880 bytes) does not fit in 4 MiB of guest RAM (try a larger --mem)\n");
  });

  it("rejects a broken ELF kernel with its path and the reason", async () => {
    const path = join(tmp, "broken.elf");
    writeFileSync(path, new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]));
    const r = await cli(["boot", "--kernel", path]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`rvhv: ${path}: truncated ELF header (file is 8 bytes, the header needs 64)\n`);
  });
});

describe("rvhv boot: exit status from the guest", () => {
  it("is 0 when the guest shuts down with no reason, 1 when it reports a system failure", async () => {
    const ok = await cli(["boot", "--kernel", image("off.bin", srst(0)), "--mem", "8M", "--icount"]);
    expect(ok).toMatchObject({ status: 0, stderr: "" });
    const failed = await cli(["boot", "--kernel", image("fail.bin", srst(1)), "--mem", "8M", "--icount"]);
    expect(failed).toMatchObject({ status: 1, stderr: "" });
  });

  it("stops a guest that never powers off at --max-insns: status 3", async () => {
    const r = await cli([
      "boot",
      "--kernel",
      image("spin.bin", [0x6f]),
      "--mem",
      "8M",
      "--icount",
      "--max-insns",
      "100000",
    ]);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe("rvhv: stopped at the --max-insns limit before the guests powered off\n");
  });
});
