// Trap storms: a hart taking the same exception at its trap vector over and
// over, retiring nothing. The bare and virt machines stop with reason
// "trap-storm" (devices/trap-storm-watch.ts); `rvhv run` says so
// in one line with status 5, `rvhv test` reports an ERROR at once.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "./support/cli.js";
import { formatOutcome, runTestCase } from "../../src/cli/test-case.js";
import { BareMachine, TRAP_STORM_STEPS } from "../../src/devices/bare-machine.js";
import { VirtMachine } from "../../src/devices/virt-machine.js";
import {
  A0,
  CSR_MEDELEG,
  CSR_MEPC,
  CSR_MSTATUS,
  CSR_MTVEC,
  CSR_PMPADDR0,
  CSR_PMPCFG0,
  CSR_STVEC,
  ECALL,
  ILLEGAL,
  MRET,
  T0,
  T1,
  addi,
  bne,
  csrr,
  csrs,
  csrw,
  exitWords,
  la,
  rawImage,
  slli,
  tinyElf,
} from "./support/tiny-program.js";

/** The first instruction is illegal and mtvec is 0 (its reset value): the trap fetches from 0, where nothing is. */
const NO_HANDLER = [ILLEGAL];
/** mtvec points at 0x8000_0100, which holds zeros (an illegal instruction). */
const GARBAGE_HANDLER = [...la(T0, 0x100), csrw(CSR_MTVEC, T0), ILLEGAL];
/** mtvec points at an ECALL: an ECALL storm, taken without a throw (trap.ts takeException). */
const ECALL_HANDLER = [...la(T0, 16), csrw(CSR_MTVEC, T0), ECALL, ECALL];
/**
 * S-mode (PMP opened to it), with illegal instructions delegated to it and
 * stvec at 0x8000_0200 (zeros): the storm is in S, not M.
 */
const S_MODE_GARBAGE_HANDLER = [
  addi(T0, 0, -1),
  csrw(CSR_PMPADDR0, T0), // all of memory, NAPOT
  addi(T0, 0, 0x1f),
  csrw(CSR_PMPCFG0, T0), // R W X, NAPOT
  ...la(T0, 0x200 - 16), // words 4-5: stvec = 0x8000_0200
  csrw(CSR_STVEC, T0),
  addi(T0, 0, 1 << 2), // medeleg: illegal instruction (2)
  csrw(CSR_MEDELEG, T0),
  addi(T0, 0, 1),
  slli(T0, T0, 11), // mstatus.MPP = S
  csrs(CSR_MSTATUS, T0),
  ...la(T0, 16), // words 12-13: mepc = word 16
  csrw(CSR_MEPC, T0),
  MRET,
  ILLEGAL, // word 16, in S-mode
];
/** 2000 ECALLs, each handled (mepc += 4; mret), then exit 0: many traps, but no storm. */
const MANY_HANDLED_TRAPS = [
  ...la(T0, 48), // the handler, word 12
  csrw(CSR_MTVEC, T0),
  addi(A0, 0, 2000),
  ECALL, // word 4
  addi(A0, A0, -1),
  bne(A0, 0, -8),
  ...exitWords(7, 0), // words 7..11
  csrr(T1, CSR_MEPC), // word 12: the handler
  addi(T1, T1, 4),
  csrw(CSR_MEPC, T1),
  MRET,
];

function runBare(words: number[], maxInsns?: number) {
  const machine = new BareMachine({ memBytes: 1 << 20 });
  machine.onConsole = () => {};
  machine.loadElf(tinyElf(words));
  return machine.run({ maxInsns });
}

describe("the bare machine stops a trap storm", () => {
  it("with no trap handler (mtvec 0)", () => {
    const r = runBare(NO_HANDLER);
    expect(r.reason).toBe("trap-storm");
    expect(r.exitCode).toBe(-1);
    expect(r.trapStorm).toEqual({ hartId: 0, cause: 1, pc: 0n, tval: 0n, tvecName: "mtvec", tvec: 0n });
    // Found at the first slice boundary past the threshold, not millions of steps later.
    expect(r.instructions).toBeGreaterThanOrEqual(TRAP_STORM_STEPS);
    expect(r.instructions).toBeLessThanOrEqual(2 * 65536);
  });

  it("with a trap vector that holds an illegal instruction", () => {
    expect(runBare(GARBAGE_HANDLER).trapStorm).toEqual({
      hartId: 0,
      cause: 2,
      pc: 0x80000100n,
      tval: 0n,
      tvecName: "mtvec",
      tvec: 0x80000100n,
    });
  });

  it("with a trap vector that holds an ECALL", () => {
    expect(runBare(ECALL_HANDLER).trapStorm).toMatchObject({ cause: 11, pc: 0x80000010n, tvec: 0x80000010n });
  });

  it("in S-mode, naming stvec", () => {
    expect(runBare(S_MODE_GARBAGE_HANDLER).trapStorm).toEqual({
      hartId: 0,
      cause: 2,
      pc: 0x80000200n,
      tval: 0n,
      tvecName: "stvec",
      tvec: 0x80000200n,
    });
  });

  it("but not a program whose handler handles thousands of traps", () => {
    const r = runBare(MANY_HANDLED_TRAPS);
    expect(r.reason).toBe("exit");
    expect(r.exitCode).toBe(0);
  });

  it("unless the instruction limit comes first", () => {
    expect(runBare(NO_HANDLER, TRAP_STORM_STEPS - 1).reason).toBe("max-insns");
  });
});

describe("the virt machine stops a trap storm", () => {
  it("in firmware with no trap handler", async () => {
    const machine = new VirtMachine({ memBytes: 16 << 20, harts: 2, bios: rawImage(NO_HANDLER) });
    machine.onConsoleOutput = () => {};
    const r = await machine.run();
    expect(r.reason).toBe("trap-storm");
    expect(r.exitCode).toBe(-1);
    expect(r.trapStorm).toEqual({ hartId: 0, cause: 1, pc: 0n, tval: 0n, tvecName: "mtvec", tvec: 0n });
  });
});

let tmp: string;
const file = (name: string, bytes: Uint8Array): string => {
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  return path;
};

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "rvhv-trap-storm-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the CLI in-process with captured output (no stdin). */
const cli = (...argv: string[]): Promise<CliResult> => runCli(argv);

describe("the CLI reports a trap storm in one line", () => {
  it("rvhv run: status 5", async () => {
    expect(await cli("run", file("no-handler.elf", tinyElf(NO_HANDLER)))).toEqual({
      status: 5,
      stdout: "",
      stderr:
        "rvhv: trap storm: instruction access fault (1) at pc 0x0 over and over, tval 0x0, mtvec 0x0" +
        " — the program has no working trap handler\n",
    });
    expect((await cli("run", file("garbage-handler.elf", tinyElf(GARBAGE_HANDLER)))).stderr).toBe(
      "rvhv: trap storm: illegal instruction (2) at pc 0x80000100 over and over, tval 0x0, mtvec 0x80000100" +
        " — the program has no working trap handler\n",
    );
  });

  it("rvhv run --machine virt: status 5, naming the hart when there are several", async () => {
    const bios = file("no-handler.bin", rawImage(NO_HANDLER));
    expect(await cli("run", "--machine", "virt", "--bios", bios)).toEqual({
      status: 5,
      stdout: "",
      stderr:
        "rvhv: trap storm: instruction access fault (1) at pc 0x0 over and over, tval 0x0, mtvec 0x0" +
        " — the program has no working trap handler\n",
    });
    const smp = await cli("run", "--machine", "virt", "--smp", "2", "--bios", bios);
    expect(smp.status).toBe(5);
    expect(smp.stderr).toMatch(/^rvhv: trap storm: instruction access fault \(1\) at pc 0x0 on hart 0 over and over/);
  });

  it("rvhv run --machine virt: a Linux Image given as --bios gets a hint", async () => {
    // An Image header (magic2 "RSC\x05" at 56) over code that traps at once.
    const image = new Uint8Array(4096);
    image.set([0x52, 0x53, 0x43, 0x05], 56);
    const bios = file("Image", image);
    const r = await cli("run", "--machine", "virt", "--bios", bios);
    expect(r.status).toBe(5);
    expect(r.stderr).toBe(
      "rvhv: trap storm: instruction access fault (1) at pc 0x0 over and over, tval 0x0, mtvec 0x0" +
        ` — the program has no working trap handler (${bios} is a Linux kernel Image: give it with --kernel,` +
        " and firmware such as OpenSBI with --bios)\n",
    );
  });

  it("rvhv test: an ERROR naming the storm, not a TIMEOUT", () => {
    const path = file("storm-test.elf", tinyElf(GARBAGE_HANDLER));
    const outcome = runTestCase(path, { timeoutInsns: 10_000_000, jit: true });
    expect(formatOutcome(outcome, path)).toBe(
      "ERROR: trap storm: illegal instruction (2) at pc 0x80000100 over and over, tval 0x0, mtvec 0x80000100" +
        ` — the program has no working trap handler ${path}`,
    );
  });
});
