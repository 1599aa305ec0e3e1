import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "./support/cli.js";
import { buildFixture, REPO } from "./fixtures/build.js";

let tmp: string;
const elf: Record<string, string> = {};

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "rvhv-cli-"));
  for (const name of ["hello", "exit5", "spin", "wfi"]) elf[name] = buildFixture(name);
  const hello = readFileSync(elf.hello);
  const bad = (name: string, bytes: Uint8Array) => {
    elf[name] = join(tmp, `${name}.elf`);
    writeFileSync(elf[name], bytes);
  };
  bad("truncated", hello.subarray(0, 0x2050));
  bad(
    "elf32",
    Uint8Array.from(hello, (b, i) => (i === 4 ? 1 : b)),
  );
  bad(
    "bigendian",
    Uint8Array.from(hello, (b, i) => (i === 5 ? 2 : b)),
  );
  bad(
    "x86",
    Uint8Array.from(hello, (b, i) => (i === 18 ? 62 : i === 19 ? 0 : b)),
  );
  bad("notelf", new TextEncoder().encode("not a program\n"));
  bad("empty", new Uint8Array(0));
  elf.missing = join(tmp, "missing.elf");
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const cli = (...argv: string[]): Promise<CliResult> => runCli(argv);

describe("rvhv run", () => {
  it("prints a program's HTIF output and exits with its code", async () => {
    expect(await cli("run", elf.hello)).toEqual({
      status: 0,
      stdout: "Hello from HTIF putchar\nHello from SYS_write\n",
      stderr: "",
    });
    expect(await cli("run", elf.exit5)).toEqual({ status: 5, stdout: "", stderr: "" });
  });

  it("stops at --max-insns with one line and status 3", async () => {
    const r = await cli("run", elf.spin, "--max-insns", "1000");
    expect(r.status).toBe(3);
    expect(r.stderr).toBe("rvhv: stopped after 1000 instructions (--max-insns) before the program exited\n");
  });

  it("prints --stats on stderr at exit", async () => {
    const r = await cli("run", "--stats", elf.exit5);
    expect(r.status).toBe(5);
    expect(r.stderr).toMatch(/^instructions=5 seconds=\d+\.\d{3} mips=\d+\.\d\n$/);
  });

  it("reports a hart stuck in WFI with status 4", async () => {
    const r = await cli("run", elf.wfi);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/^rvhv: the hart is waiting for an interrupt \(WFI\)[^\n]*\n$/);
  });

  it.each([
    ["missing", "no such file"],
    ["empty", "empty file"],
    ["notelf", "not an ELF file (bad magic number)"],
    ["truncated", "truncated file: segment 2 needs bytes 0x2000..0x2100, file is 0x2050 bytes"],
    ["elf32", "32-bit ELF (ELFCLASS32)"],
    ["bigendian", "big-endian ELF (ELFDATA2MSB)"],
    ["x86", "not a RISC-V program (e_machine 62, x86-64; RISC-V is 243)"],
  ])("rejects a bad file (%s) with one line and status 2", async (name, reason) => {
    const r = await cli("run", elf[name]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.startsWith(`rvhv: ${elf[name]}: ${reason}`)).toBe(true);
    expect(r.stderr.split("\n")).toHaveLength(2);
  });

  it.each([
    [["run", "x.elf", "--frob"], "rvhv: unknown option --frob (usage: rvhv --help)\n"],
    [["run", "x.elf", "--mem"], "rvhv: option --mem needs a value (usage: rvhv --help)\n"],
    [
      ["run", "x.elf", "--mem", "lots"],
      "rvhv: --mem needs a whole number from 1 to 2048, got 'lots' (usage: rvhv --help)\n",
    ],
    [["run", "x.elf", "--stats=yes"], "rvhv: option --stats takes no value (usage: rvhv --help)\n"],
    [["run"], "rvhv: run needs a program file (usage: rvhv --help)\n"],
    [["frob"], "rvhv: unknown command 'frob' (usage: rvhv --help)\n"],
    [["test", "--jobs", "0", "x"], "rvhv: --jobs needs a whole number from 1 to 256, got '0' (usage: rvhv --help)\n"],
  ])("rejects the command line %j with one line and status 2", async (argv, line) => {
    expect(await cli(...argv)).toEqual({ status: 2, stdout: "", stderr: line });
  });

  it("prints usage for no arguments (status 2) and help for --help (status 0)", async () => {
    const none = await cli();
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^usage: rvhv boot/);
    const help = await cli("run", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: rvhv boot/);
  });
});

describe("the built command", () => {
  let bin: string;

  beforeAll(() => {
    // A private build (scripts/build.mjs --outdir) next to a copy of the launcher, laid out like the repo.
    mkdirSync(join(tmp, "bin"));
    copyFileSync(join(REPO, "bin", "rvhv.js"), join(tmp, "bin", "rvhv.js"));
    execFileSync(process.execPath, [join(REPO, "scripts", "build.mjs"), "--outdir", join(tmp, "dist")]);
    bin = join(tmp, "bin", "rvhv.js");
  });

  const rvhv = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });

  it("runs a program through bin/rvhv.js", () => {
    const r = rvhv("run", elf.hello);
    expect(r.stdout).toBe("Hello from HTIF putchar\nHello from SYS_write\n");
    expect(r.status).toBe(0);
  });

  it("reports a bad file in one line, without a stack trace", () => {
    const r = rvhv("run", elf.elf32);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(/^rvhv: .*elf32\.elf: 32-bit ELF/)]);
  });

  it("says how to build when dist/ is missing", () => {
    const lone = join(tmp, "lone", "bin");
    mkdirSync(lone, { recursive: true });
    copyFileSync(join(REPO, "bin", "rvhv.js"), join(lone, "rvhv.js"));
    const r = spawnSync(process.execPath, [join(lone, "rvhv.js"), "run", elf.hello], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("rvhv: the built command (dist/rvhv.cjs) is missing; run: npm run build\n");
  });

  it("`test` runs every ELF below its paths on workers and reports each in path order", () => {
    const suite = join(tmp, "suite");
    mkdirSync(join(suite, "sub"), { recursive: true });
    copyFileSync(elf.hello, join(suite, "a-hello"));
    copyFileSync(elf.exit5, join(suite, "b-exit5"));
    copyFileSync(elf.spin, join(suite, "c-spin"));
    copyFileSync(elf.wfi, join(suite, "sub", "d-wfi"));
    copyFileSync(elf.truncated, join(suite, "sub", "e-truncated"));
    writeFileSync(join(suite, "a-hello.dump"), "not an ELF: skipped\n");
    const r = rvhv("test", suite, "--timeout-insns", "20000", "--jobs", "2");
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")).toEqual([
      `PASS ${join(suite, "a-hello")}`,
      `FAIL (test 5) ${join(suite, "b-exit5")}`,
      `TIMEOUT ${join(suite, "c-spin")}`,
      `ERROR: the hart is waiting for an interrupt (WFI) that cannot come: none is pending in mie, no timer is set ahead ${join(suite, "sub", "d-wfi")}`,
      `ERROR: truncated file: segment 2 needs bytes 0x2000..0x2100, file is 0x2050 bytes ${join(suite, "sub", "e-truncated")}`,
      "1 passed, 4 failed",
      "",
    ]);
    expect(r.status).toBe(1);
  });

  it("`test` exits 0 when every program passes", () => {
    const r = rvhv("test", elf.hello, "--jobs", "1");
    expect(r.stdout).toBe(`PASS ${elf.hello}\n1 passed, 0 failed\n`);
    expect(r.status).toBe(0);
  });

  it("`test` rejects a missing path with one line and status 2", () => {
    const r = rvhv("test", elf.missing);
    expect(r.stderr).toBe(`rvhv: ${elf.missing}: no such file or directory\n`);
    expect(r.status).toBe(2);
  });
});
