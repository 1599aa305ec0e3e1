// The gdb stub's options on the command line (src/cli/gdb-stub.ts): bad
// values and a port already in use are one line on stderr with status 2,
// before the program runs; without a debugger connecting, --gdb leaves a
// program's run as it was.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { exitWords, tinyElf } from "./support/tiny-program.js";

let tmp: string;
let exit7: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "rvhv-gdb-cli-"));
  exit7 = join(tmp, "exit7.elf");
  writeFileSync(exit7, tinyElf(exitWords(0, 7)));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = runCli;

describe("--gdb, -s, -S", () => {
  it.each([
    [["--gdb", "0"], /^rvhv: --gdb needs a TCP port from 1 to 65535, got '0'/],
    [["--gdb", "65536"], /^rvhv: --gdb needs a TCP port from 1 to 65535, got '65536'/],
    [["--gdb", "http"], /^rvhv: --gdb needs a TCP port from 1 to 65535, got 'http'/],
    [["--gdb"], /^rvhv: option --gdb needs a value/],
    [["-S"], /^rvhv: -S waits for gdb: give --gdb PORT \(or -s\) too/],
    [["-s", "--gdb", "4000"], /^rvhv: -s is --gdb 1234: give one of them/],
  ])("run %j: one line, status 2", async (options, message) => {
    const r = await cli(["run", exit7, ...options]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split("\n")).toHaveLength(2);
  });

  it("says when the port is in use, for run, run --machine virt and boot", async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = String((taken.address() as { port: number }).port);
    try {
      for (const argv of [
        ["run", exit7, "--gdb", port],
        ["run", "--machine", "virt", "--bios", exit7, "--gdb", port],
        ["boot", "--kernel", exit7, "--mem", "16M", "--gdb", port],
      ]) {
        const r = await cli(argv);
        expect(r.status).toBe(2);
        expect(r.stderr).toBe(`rvhv: gdb stub: port ${port} is in use (choose another with --gdb PORT)\n`);
      }
    } finally {
      taken.close();
    }
  });

  it("runs the program as usual when no debugger connects", async () => {
    // A port the system just handed out and took back: free.
    const probe: Server = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = String((probe.address() as { port: number }).port);
    await new Promise((resolve) => probe.close(resolve));
    const r = await cli(["run", exit7, "--gdb", port]);
    expect(r.status).toBe(7);
    expect(r.stderr).toMatch(/^rvhv: gdb stub on localhost:\d+ \(target remote :\d+\)\n$/);
  });
});
