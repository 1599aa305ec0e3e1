// Debian's gdb-multiarch debugging through rvhv's gdb stub, in batch mode:
// a bare-metal program under `rvhv run --gdb PORT -S`, and a VS-mode guest
// under `rvhv boot --gdb PORT -S` (test/gdb/ has both). Each session
// breaks at a function, reads registers (a CSR among them) and memory,
// steps, writes a register and a variable, watches a variable, and
// continues to the end, whose output and status show what gdb changed.
import { spawn, spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { buildGdbProgram } from "../gdb/build.js";
import { HAVE_CROSS_GCC, NO_CROSS_GCC_MESSAGE } from "./virt-programs/build.js";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const GDB = "gdb-multiarch";
const HAVE_GDB = !spawnSync(GDB, ["--version"]).error;
const MISSING = [
  ...(HAVE_GDB ? [] : [`${GDB} not found: install gdb-multiarch`]),
  ...(HAVE_CROSS_GCC ? [] : [NO_CROSS_GCC_MESSAGE]),
].join("; ");

interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (killed after `timeoutMs`). */
function finish(
  command: string,
  args: string[],
  timeoutMs: number,
): { child: ReturnType<typeof spawn>; done: Promise<Finished> } {
  const child = spawn(command, args, { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const done = new Promise<Finished>((resolvePromise, reject) => {
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolvePromise({ status, stdout, stderr });
    });
  });
  return { child, done };
}

/**
 * Starts `rvhv <args> --gdb PORT -S` from source on a free port (a taken
 * one is retried with another), and resolves once the stub listens.
 */
async function startRvhv(args: string[]): Promise<{ port: number; done: Promise<Finished> }> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 40000);
    const rvhv = finish(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", ...args, "--gdb", String(port), "-S"],
      120_000,
    );
    const listening = await new Promise<boolean>((resolvePromise) => {
      let seen = "";
      rvhv.child.stderr!.on("data", (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes(`gdb stub on localhost:${port}`)) resolvePromise(true);
      });
      void rvhv.done.then(() => resolvePromise(false));
    });
    if (listening) return { port, done: rvhv.done };
    const ended = await rvhv.done;
    if (!ended.stderr.includes("is in use")) throw new Error(`rvhv did not start its gdb stub: ${ended.stderr}`);
  }
  throw new Error("no free port for the gdb stub after 10 tries");
}

/** gdb-multiarch -batch on `elf` with `commands` after `target remote :PORT`. */
function runGdb(elf: string, port: number, commands: string[]): Promise<Finished> {
  const all = ["set pagination off", "set confirm off", `target remote :${port}`, ...commands];
  return finish(GDB, ["-batch", "-nx", ...all.flatMap((c) => ["-ex", c]), elf], 120_000).done;
}

describe.skipIf(!HAVE_GDB || !HAVE_CROSS_GCC)(
  `gdb-multiarch through --gdb${MISSING === "" ? "" : ` (${MISSING})`}`,
  () => {
    let bare: string;
    let guest: string;
    beforeAll(() => {
      bare = buildGdbProgram("bare");
      guest = buildGdbProgram("guest");
    });

    it("debugs a bare-metal program under rvhv run", async () => {
      const rvhv = await startRvhv(["run", bare]);
      const gdb = await runGdb(bare, rvhv.port, [
        "break square",
        "continue",
        "info registers a0 mstatus priv",
        "p/x $pc",
        "stepi",
        "p/x $pc",
        "finish",
        "set $a0 = 1000",
        "x/s greeting",
        "delete",
        "watch counter",
        "continue",
        "set var counter = 2000",
        "x/gx &counter",
        "continue",
        "delete",
        "continue",
      ]);
      const run = await rvhv.done;
      const out = gdb.stdout;
      expect(out).toMatch(/Breakpoint 1, square \(x=0\) at .*bare\.c/);
      expect(out).toMatch(/^a0\s+0x0\s+0$/m);
      expect(out).toMatch(/^mstatus\s+0x[0-9a-f]+/m);
      expect(out).toContain("prv:3 [Machine]");
      const pcs = [...out.matchAll(/^\$\d+ = 0x(8000[0-9a-f]{4})$/gm)].map((m) => m[1]);
      expect(pcs).toHaveLength(2);
      expect(pcs[0]).not.toBe(pcs[1]); // stepi moved on
      expect(out).toContain("Value returned is");
      expect(out).toContain('"gdb-bare: start\\n"');
      expect(out).toMatch(/Old value = 0\nNew value = 1000\n/); // the return value gdb wrote into a0
      expect(out).toMatch(/<counter>:\s+0x0*7d0/);
      expect(out).toMatch(/Old value = 2000\nNew value = 2001\n/);
      expect(out).toContain("exited with code 0336"); // 2014 & 0xff, in octal
      expect(run.stdout).toBe("gdb-bare: start\ngdb-bare: counter=2014\n");
      expect(run.status).toBe(2014 & 0xff);
    });

    it("shows each hart of run --machine virt as a thread", async () => {
      // The bare program on the virt machine: both harts run it from the reset ROM; no HTIF, so kill ends it.
      const rvhv = await startRvhv(["run", "--machine", "virt", "--smp", "2", "--bios", bare]);
      const gdb = await runGdb(bare, rvhv.port, [
        "break main",
        "continue",
        "info threads",
        "thread 2",
        "p $mhartid",
        "thread 1",
        "p $mhartid",
        "kill",
      ]);
      const run = await rvhv.done;
      const out = gdb.stdout;
      expect(out).toMatch(/Thread \d hit Breakpoint 1, main \(\)/);
      expect(out).toMatch(/^\* 1 +Thread 1 \(hart 0, M-mode\)/m);
      expect(out).toMatch(/^ {2}2 +Thread 2 \(hart 1, M-mode\)/m);
      expect(out).toMatch(/^\$1 = 1$/m);
      expect(out).toMatch(/^\$2 = 0$/m);
      expect(run.stderr).toContain("rvhv: terminated");
      expect(run.status).toBe(0);
    });

    it("debugs a VS-mode guest under rvhv boot, through its own page table", async () => {
      const rvhv = await startRvhv(["boot", "--kernel", guest, "--mem", "64M"]);
      const gdb = await runGdb(guest, rvhv.port, [
        "info threads",
        "break twice",
        "continue",
        "p/x $satp",
        "info registers sstatus priv",
        "set var guest_counter = 100",
        // 0x4000_0000 + offset: mapped by the guest's Sv39 table alone (guest.c).
        "x/gx (char *)&guest_counter - 0x40000000",
        // Not mapped by the guest's table: an error, and the session goes on.
        "x/gx 0xc0000000",
        "monitor hyp",
        "stepi",
        "delete",
        "watch guest_counter",
        "continue",
        "delete",
        "continue",
      ]);
      const run = await rvhv.done;
      // gdb prints what `monitor` answers on its target-output stream: stderr in batch mode.
      const out = gdb.stdout + gdb.stderr;
      expect(out).toMatch(/Thread 1 \(guest 0 vCPU 0, started\)/);
      expect(out).toMatch(/Breakpoint 1, twice \(x=0\) at .*guest\.c/);
      expect(out).toMatch(/^\$1 = 0x800000000008020[0-9a-f]$/m); // vsatp: Sv39, the guest's table
      expect(out).toContain("prv:1 [Supervisor]");
      expect(out).toMatch(/^sstatus\s+0x[0-9a-f]+/m);
      expect(out).toMatch(/^0x402[0-9a-f]{5}:\s+0x0*64$/m);
      expect(out).toContain("Cannot access memory at address 0xc0000000");
      expect(out).toMatch(/VMID 1, 64 MiB/);
      expect(out).toMatch(/vCPU 0 \(thread 1\): started, VS-mode/);
      expect(out).toMatch(/Old value = 100\nNew value = 102\n/); // twice(0) stores 100 again: no change, no stop
      expect(out).toContain("exited normally");
      expect(run.stdout).toBe("gdb-guest: paging on\ngdb-guest: counter=112\n");
      expect(run.status).toBe(0);
    });
  },
);
