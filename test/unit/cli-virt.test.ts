// `rvhv run --machine virt` in-process: exit statuses from the syscon, a
// reboot that boots again, script input, --dump-dtb, one-line errors; and
// the Ctrl-A escape decoding of the terminal console.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CTRL_A, EscapeDecoder, type ConsoleCommand } from "../../src/platform/console-escape.js";
import { main } from "../../src/cli/main.js";
import { HAVE_DTC, NO_DTC_MESSAGE } from "./support/dtc.js";
import { HAVE_CROSS_GCC, NO_CROSS_GCC_MESSAGE, buildProgram } from "./virt-programs/build.js";

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "rvhv-cli-virt-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * Runs the CLI with captured output and a piped stdin; `typeAfter` maps
 * console text the guest has printed (its end) to the keys then typed.
 */
async function cli(argv: string[], typeAfter: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const stdin = new PassThrough();
  const pending = new Map(Object.entries(typeAfter));
  const status = await main(argv, {
    stdout: {
      write: (data: string | Uint8Array) => {
        stdout += typeof data === "string" ? data : new TextDecoder().decode(data);
        for (const [after, keys] of pending) {
          if (stdout.endsWith(after)) {
            pending.delete(after);
            stdin.write(keys);
          }
        }
      },
    },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: stdin as unknown as NodeJS.ReadStream,
  });
  return { status, stdout, stderr };
}

describe("the console's Ctrl-A escape (QEMU's -nographic keys)", () => {
  function decode(...chunks: string[]) {
    const d = new EscapeDecoder();
    const events: (string | ConsoleCommand)[] = [];
    for (const c of chunks) {
      d.decode(
        new TextEncoder().encode(c),
        (bytes) => events.push(`guest:${new TextDecoder().decode(bytes)}`),
        (command) => events.push(command),
      );
    }
    return events;
  }
  const A = String.fromCharCode(CTRL_A);

  it("passes keys through, Ctrl-C included, and quits on Ctrl-A x", () => {
    expect(decode(`ls\x03\r${A}x`)).toEqual(["guest:ls\x03\r", "quit"]);
  });
  it("types a Ctrl-A for Ctrl-A Ctrl-A, prints help for Ctrl-A h, drops other escapes", () => {
    expect(decode(`a${A}${A}b${A}hc${A}zd`)).toEqual([
      "guest:a",
      `guest:${A}`,
      "guest:b",
      "help",
      "guest:c",
      "guest:d",
    ]);
  });
  it("keeps the escape state across reads", () => {
    expect(decode(`q${A}`, "x")).toEqual(["guest:q", "quit"]);
  });
});

describe("rvhv run --machine virt: errors", () => {
  it.each([
    [["run", "--machine", "virt"], /^rvhv: --machine virt needs firmware: --bios FILE/],
    [
      ["run", "--machine", "virt", "--bios", "/nonexistent/fw.elf"],
      /^rvhv: cannot read the firmware \/nonexistent\/fw\.elf: no such file\n$/,
    ],
    [["run", "--machine", "virt", "--bios", "/"], /^rvhv: cannot read the firmware \/: is a directory\n$/],
    [["run", "--machine", "virt", "--bios", "x", "--initrd", "y"], /^rvhv: --initrd needs --kernel/],
    [["run", "--machine", "virt", "--bios", "x", "prog.elf"], /^rvhv: --machine virt takes no program file/],
    [["run", "--kernel", "Image", "prog.elf"], /^rvhv: --kernel is an option of --machine virt/],
    [["run", "--machine", "pc", "prog.elf"], /^rvhv: unknown machine 'pc'/],
    [["run", "--machine", "virt", "--bios", "x", "--smp", "9"], /^rvhv: --smp needs a whole number from 1 to 8/],
  ])("%j: one line, status 2", async (argv, message) => {
    const r = await cli(argv);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split("\n")).toHaveLength(2);
  });

  it("rejects a firmware that is a broken ELF with its path and the reason", async () => {
    const path = join(tmp, "broken.elf");
    writeFileSync(path, new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]));
    const r = await cli(["run", "--machine", "virt", "--bios", path]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`rvhv: ${path}: truncated ELF header (file is 8 bytes, the header needs 64)\n`);
  });

  it("says when the kernel does not fit in --mem", async () => {
    const fw = join(tmp, "spin.bin");
    writeFileSync(fw, new Uint8Array([0x6f, 0, 0, 0]));
    const kernel = join(tmp, "big.bin");
    writeFileSync(kernel, new Uint8Array(2 * 1024 * 1024));
    const r = await cli(["run", "--machine", "virt", "--bios", fw, "--kernel", kernel, "--mem", "2"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^rvhv: the kernel \(2097152 bytes at 0x80200000\) does not fit in RAM ending at 0x80200000 \(try a larger --mem\)\n$/,
    );
  });
});

describe.skipIf(!HAVE_DTC)(`rvhv run --machine virt --dump-dtb${HAVE_DTC ? "" : ` (${NO_DTC_MESSAGE})`}`, () => {
  it("writes the device tree, which dtc decompiles, and exits 0", async () => {
    const out = join(tmp, "virt.dtb");
    const r = await cli([
      "run",
      "--machine",
      "virt",
      "--smp",
      "4",
      "--mem",
      "512",
      "--append",
      "console=ttyS0",
      "--dump-dtb",
      out,
    ]);
    expect(r).toEqual({ status: 0, stdout: "", stderr: "" });
    const dts = execFileSync("dtc", ["-I", "dtb", "-O", "dts", "-q", out], { encoding: "utf8" });
    expect(dts.match(/cpu@\d+ \{/g)).toHaveLength(4);
    expect(dts).toContain('bootargs = "console=ttyS0";');
    expect(dts).toContain("reg = <0x00 0x80000000 0x00 0x20000000>;");
    expect(readFileSync(out).readUInt32BE(0)).toBe(0xd00dfeed);
  });
});

describe.skipIf(!HAVE_CROSS_GCC)(
  `rvhv run --machine virt with a bare-metal firmware${HAVE_CROSS_GCC ? "" : ` (${NO_CROSS_GCC_MESSAGE})`}`,
  () => {
    // devices-tour.S prints "ready", waits for a key, then powers off ('p'),
    // resets ('r') or reports failure 42 (anything else) through the syscon.
    let tour: string;
    beforeAll(() => {
      buildProgram("devices-tour");
      tour = join(process.cwd(), "build/virt-programs/devices-tour.elf");
    });
    const TOUR_TEXT = "hello\ntimer\nipi\nready\n";
    const run = (...extra: string[]) => [
      "run",
      "--machine",
      "virt",
      "--bios",
      tour,
      "--smp",
      "2",
      "--icount",
      ...extra,
    ];

    it("power-off through the syscon exits 0; input typed before the guest reads is kept", async () => {
      const r = await cli(run(), { "": "p" });
      expect(r).toEqual({ status: 0, stdout: `${TOUR_TEXT}got p\n`, stderr: "" });
    });

    it("a failure report through the syscon exits with its code", async () => {
      const r = await cli(run(), { "ready\n": "f" });
      expect(r.status).toBe(42);
      expect(r.stdout).toBe(`${TOUR_TEXT}got f\n`);
    });

    it("a reset boots a fresh machine again, as QEMU without -no-reboot", async () => {
      const r = await cli(run(), { [TOUR_TEXT]: "r", [`got r\n${TOUR_TEXT}`]: "p" });
      expect(r).toEqual({ status: 0, stdout: `${TOUR_TEXT}got r\n${TOUR_TEXT}got p\n`, stderr: "" });
    });

    it("--stats prints instructions, seconds and MIPS on stderr at exit, on a fresh line", async () => {
      const r = await cli(run("--stats"), { "ready\n": "p" });
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/^instructions=\d+ seconds=\d+\.\d{3} mips=\d+\.\d\n$/);
    });

    it("--max-insns stops the machine with status 3", async () => {
      const r = await cli(run("--max-insns", "1000"));
      expect(r.status).toBe(3);
      expect(r.stderr).toBe("rvhv: stopped at the --max-insns limit before the guest powered off\n");
    });
  },
);
