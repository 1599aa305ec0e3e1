// One `rvhv test` case: a program run on a fresh bare machine, judged the
// riscv-tests way (exit code 0 passes; otherwise the code is the number of
// the failing test, TESTNUM = tohost >> 1).
import { BareMachine } from "../devices/bare-machine.js";
import { ElfError } from "../loader/elf.js";
import { readProgramFile } from "../loader/program-file.js";
import { trapStormMessage } from "./trap-storm.js";

export type TestOutcome =
  { kind: "pass" } | { kind: "fail"; code: number } | { kind: "timeout" } | { kind: "error"; reason: string };

/** How `rvhv test` runs each case: the instruction limit, and whether with the translation engine. */
export interface TestSettings {
  timeoutInsns: number;
  jit: boolean;
  /** Arrivals before the engine compiles a block (undefined: the engine's default). */
  jitThreshold?: number;
}

export function runTestCase(path: string, { timeoutInsns, jit, jitThreshold }: TestSettings): TestOutcome {
  try {
    const machine = new BareMachine({ jit, jitThreshold });
    machine.onConsole = () => {};
    machine.loadElf(readProgramFile(path));
    const result = machine.run({ maxInsns: timeoutInsns });
    if (result.reason === "exit")
      return result.exitCode === 0 ? { kind: "pass" } : { kind: "fail", code: result.exitCode };
    if (result.reason === "max-insns") return { kind: "timeout" };
    if (result.reason === "trap-storm") return { kind: "error", reason: trapStormMessage(result.trapStorm!) };
    return { kind: "error", reason: result.error ?? "machine stopped" };
  } catch (e) {
    if (e instanceof ElfError) return { kind: "error", reason: e.message };
    // A bug in the emulator: report it against this test and carry on with the others.
    return { kind: "error", reason: `internal error: ${String((e as Error).message ?? e).split("\n")[0]}` };
  }
}

/** The report line for one test. */
export function formatOutcome(outcome: TestOutcome, name: string): string {
  switch (outcome.kind) {
    case "pass":
      return `PASS ${name}`;
    case "fail":
      return `FAIL (test ${outcome.code}) ${name}`;
    case "timeout":
      return `TIMEOUT ${name}`;
    case "error":
      return `ERROR: ${outcome.reason} ${name}`;
  }
}
