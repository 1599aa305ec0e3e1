// The CLI never hangs on an input and never prints a stack: files that are
// not regular files (FIFOs, devices, sockets, directories) are refused before
// anything reads them, a text file is refused as firmware, ELF checks read as
// one line; bin/rvhv.js turns any unexpected error into one line and status
// 70, and prints the version. Whatever could block runs in a child process
// with a timeout, so a regression fails instead of hanging the test run.
import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { looksLikeText } from "../../src/cli/input-files.js";
import { runCli, type CliResult } from "./support/cli.js";
import { REPO } from "./fixtures/build.js";
import { CODE_BASE, exitWords, rawImage, SPIN, tinyElf } from "./support/tiny-program.js";

let tmp: string;
let bin: string;
let fifo: string;
let socket: string;
let server: Server;
let exit0: string;
const VERSION = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string }).version;

const file = (name: string, bytes: Uint8Array | string): string => {
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  return path;
};

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "rvhv-cli-inputs-"));
  // A private build next to a copy of the launcher and package.json, laid out like the repo.
  mkdirSync(join(tmp, "bin"));
  copyFileSync(join(REPO, "bin", "rvhv.js"), join(tmp, "bin", "rvhv.js"));
  copyFileSync(join(REPO, "package.json"), join(tmp, "package.json"));
  execFileSync(process.execPath, [join(REPO, "scripts", "build.mjs"), "--outdir", join(tmp, "dist")]);
  bin = join(tmp, "bin", "rvhv.js");
  fifo = join(tmp, "fifo");
  execFileSync("mkfifo", [fifo]);
  socket = join(tmp, "socket");
  server = createServer();
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  exit0 = file("exit0.elf", tinyElf(exitWords(0, 0)));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(tmp, { recursive: true, force: true });
});

/** Runs bin/rvhv.js in a child process; a hang is killed after 20 s (status null). */
const rvhv = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 20_000, stdio: ["ignore", "pipe", "pipe"] });

const cli = (...argv: string[]): Promise<CliResult> => runCli(argv);

describe("files that are not programs are refused before anything reads them", () => {
  it.each([
    ["a FIFO", () => fifo, "is a FIFO (named pipe)"],
    ["/dev/zero", () => "/dev/zero", "is a character device"],
    ["a socket", () => socket, "is a socket"],
    ["a directory", () => tmp, "is a directory"],
  ])("rvhv run %s: one line, status 2", (_, path, kind) => {
    const r = rvhv("run", path());
    expect(r.stderr).toBe(`rvhv: ${path()}: ${kind}, not a program file\n`);
    expect(r.status).toBe(2);
  });

  it.each([
    ["--bios", "a FIFO", () => fifo, "is a FIFO (named pipe), not a regular file"],
    ["--bios", "/dev/zero", () => "/dev/zero", "is a character device, not a regular file"],
    ["--kernel", "a FIFO", () => fifo, "is a FIFO (named pipe), not a regular file"],
    ["--kernel", "/dev/zero", () => "/dev/zero", "is a character device, not a regular file"],
    ["--initrd", "a FIFO", () => fifo, "is a FIFO (named pipe), not a regular file"],
    ["--initrd", "a socket", () => socket, "is a socket, not a regular file"],
  ])("rvhv run --machine virt %s %s: one line, status 2", (option, _, path, why) => {
    const fw = file("spin.bin", rawImage([SPIN]));
    const args = ["run", "--machine", "virt", "--bios", option === "--bios" ? path() : fw];
    if (option !== "--bios") args.push("--kernel", option === "--kernel" ? path() : fw);
    if (option === "--initrd") args.push("--initrd", path());
    const what = { "--bios": "firmware", "--kernel": "kernel", "--initrd": "initrd" }[option];
    const r = rvhv(...args);
    expect(r.stderr).toBe(`rvhv: cannot read the ${what} ${path()}: ${why}\n`);
    expect(r.status).toBe(2);
  });

  it("rvhv test: refuses a FIFO it is given, skips one in a directory", () => {
    const named = rvhv("test", fifo, "--jobs", "1");
    expect(named.stderr).toBe(`rvhv: ${fifo}: is a FIFO (named pipe), not a regular file\n`);
    expect(named.status).toBe(2);

    const suite = join(tmp, "suite");
    mkdirSync(suite);
    copyFileSync(exit0, join(suite, "a-exit0"));
    execFileSync("mkfifo", [join(suite, "b-fifo")]);
    const walked = rvhv("test", suite, "--jobs", "1");
    expect(walked.stdout).toBe(`PASS ${join(suite, "a-exit0")}\n1 passed, 0 failed\n`);
    expect(walked.status).toBe(0);
  });
});

describe("a --bios or --kernel that is text", () => {
  it("is refused in one line, status 2", async () => {
    const path = file("README.md", "# Not firmware\n\nJust some notes. Ünïcödé is fine too.\n");
    expect(await cli("run", "--machine", "virt", "--bios", path)).toEqual({
      status: 2,
      stdout: "",
      stderr: `rvhv: --bios ${path} looks like text, not firmware\n`,
    });
    const fw = file("spin.bin", rawImage([SPIN]));
    expect(await cli("run", "--machine", "virt", "--bios", fw, "--kernel", path)).toEqual({
      status: 2,
      stdout: "",
      stderr: `rvhv: --kernel ${path} looks like text, not a kernel\n`,
    });
  });

  it("is told from machine code, raw firmware included", () => {
    expect(looksLikeText(new TextEncoder().encode("#!/bin/sh\r\n\techo hi\f\x1b[0m\n"))).toBe(true);
    // A sample cut inside a multi-byte character is still text.
    expect(looksLikeText(new TextEncoder().encode(`${"x".repeat(4095)}é and more`))).toBe(true);
    expect(looksLikeText(new Uint8Array([0xff, 0xfe, 0x41]))).toBe(false);
    expect(looksLikeText(rawImage(exitWords(0, 0)))).toBe(false);
    for (const name of ["fw_jump.bin", "fw_dynamic.bin"]) {
      const path = `/usr/lib/riscv64-linux-gnu/opensbi/generic/${name}`;
      if (existsSync(path)) expect(looksLikeText(readFileSync(path))).toBe(false);
    }
  });
});

describe("ELF checks read as one line", () => {
  it.each([
    ["EI_VERSION 0", tinyElf(exitWords(0, 0)).map((b, i) => (i === 6 ? 0 : b)), "unknown ELF version 0"],
    [
      "an entry outside its segments",
      tinyElf(exitWords(0, 0), { entry: CODE_BASE + 0x4000n }),
      "entry point 0x80004000 is outside every loaded segment (0x80000000..0x80001fff)",
    ],
  ])("rvhv run: %s, status 2", async (name, bytes, message) => {
    const path = file(`${name.replaceAll(" ", "-")}.elf`, bytes);
    const r = await cli("run", path);
    expect(r.status).toBe(2);
    expect(r.stderr.startsWith(`rvhv: ${path}: ${message}`)).toBe(true);
    expect(r.stderr.split("\n")).toHaveLength(2);
  });
});

describe("bin/rvhv.js", () => {
  it("--version prints the package version", async () => {
    expect(await cli("--version")).toEqual({ status: 0, stdout: `rvhv ${VERSION}\n`, stderr: "" });
    const r = rvhv("--version");
    expect(r.stdout).toBe(`rvhv ${VERSION}\n`);
    expect(r.status).toBe(0);
  });

  it("every command accepts --verbose", () => {
    const r = rvhv("run", "--verbose", exit0);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("keeps a V8 code cache per command, and runs the same without one or with a damaged one", () => {
    const cacheHome = join(tmp, "xdg-cache");
    const withCache = (...args: string[]) =>
      spawnSync(process.execPath, [bin, ...args], {
        encoding: "utf8",
        env: { ...process.env, XDG_CACHE_HOME: cacheHome },
      });
    const dir = join(cacheHome, "rvhv", "code");
    expect(withCache("run", exit0).status).toBe(0);
    const [name] = readdirSync(dir);
    expect(name).toMatch(new RegExp(`^[0-9a-f]{16}-run-${process.version}-${process.arch}\\.bin$`));
    const size = statSync(join(dir, name)).size;
    expect(size).toBeGreaterThan(100_000);
    // V8 refuses a damaged cache; the command compiles the bundle itself and writes a good one.
    writeFileSync(join(dir, name), "not a code cache");
    const again = withCache("run", "--verbose", exit0);
    expect(again).toMatchObject({ status: 0, stderr: "" });
    const rewritten = statSync(join(dir, name));
    expect(rewritten.size).toBeGreaterThan(size / 2);
    // A good cache is read, not written again.
    expect(withCache("run", exit0).status).toBe(0);
    expect(statSync(join(dir, name)).mtimeMs).toBe(rewritten.mtimeMs);
    // A cache directory that cannot be created costs only speed.
    writeFileSync(join(tmp, "xdg-file"), "");
    const blocked = spawnSync(process.execPath, [bin, "run", "--verbose", exit0], {
      encoding: "utf8",
      env: { ...process.env, XDG_CACHE_HOME: join(tmp, "xdg-file") },
    });
    expect(blocked).toMatchObject({ status: 0, stderr: "" });
  });

  /** A launcher next to a stand-in dist/rvhv.cjs whose main() is `body`. */
  function fakeCommand(name: string, body: string): string {
    const root = join(tmp, name);
    mkdirSync(join(root, "bin"), { recursive: true });
    mkdirSync(join(root, "dist"));
    copyFileSync(join(REPO, "bin", "rvhv.js"), join(root, "bin", "rvhv.js"));
    writeFileSync(join(root, "dist", "rvhv.cjs"), `exports.main = async function main() {\n${body}\n};\n`);
    return join(root, "bin", "rvhv.js");
  }
  const run = (launcher: string, ...args: string[]) =>
    spawnSync(process.execPath, [launcher, ...args], { encoding: "utf8", timeout: 20_000 });

  it("turns an unexpected error into one line and status 70; --verbose shows the stack", () => {
    const launcher = fakeCommand("throws", 'throw new RangeError("Array buffer allocation failed");');
    const quiet = run(launcher, "run", "x.elf");
    expect(quiet.stderr).toBe(
      "rvhv: internal error: Array buffer allocation failed (run with --verbose for the stack)\n",
    );
    expect(quiet.status).toBe(70);
    const verbose = run(launcher, "run", "--verbose", "x.elf");
    expect(verbose.stderr).toMatch(
      /^rvhv: internal error: RangeError: Array buffer allocation failed\n {4}at (?:Object\.)?main \(.*dist\/rvhv\.cjs:2:/,
    );
    expect(verbose.status).toBe(70);
  });

  it("does the same for an error thrown later, from a callback", () => {
    const launcher = fakeCommand(
      "throws-later",
      'setTimeout(() => { throw new Error("late failure"); }, 1);\nreturn new Promise(() => {});',
    );
    const r = run(launcher);
    expect(r.stderr).toBe("rvhv: internal error: late failure (run with --verbose for the stack)\n");
    expect(r.status).toBe(70);
  });

  it("turns a real failure of the command into status 70 (here: RAM the host refuses to allocate)", () => {
    // 2 GiB of guest RAM under a 1.5 GiB address-space limit: the ArrayBuffer allocation fails.
    const r = spawnSync(
      "sh",
      ["-c", `ulimit -v 1572864 && exec "$0" "$@"`, process.execPath, bin, "run", exit0, "--mem", "2048"],
      {
        encoding: "utf8",
        timeout: 20_000,
      },
    );
    expect(r.stderr).toMatch(/^rvhv: internal error: .* \(run with --verbose for the stack\)\n$/);
    expect(r.status).toBe(70);
  });
});
