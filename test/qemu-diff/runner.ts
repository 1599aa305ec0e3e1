// Runs batches of generated programs under rvhv and under QEMU and compares
// each program's dump.
//
// rvhv runs in this process, on the same BareMachine `rvhv run <elf>` uses
// (src/devices/bare-machine.ts: HTIF on tohost, RAM at 0x8000_0000), so a
// batch costs no process start-up and an exception inside rvhv is caught and
// reported as a host crash. `useCli` runs `node bin/rvhv.js run <elf>`
// instead (the bundle in dist/ must be current). QEMU is Debian's
// qemu-system-riscv64 7.2: `-M spike -bios none -kernel <elf>`, whose HTIF
// also serves putchar (device 1, command 1) and exit.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BareMachine } from "../../src/devices/bare-machine.js";
import { batchAssembly, linkerScript } from "./harness.js";
import { DUMP_FIELDS, TRAP_FIELDS } from "./layout.js";
import { batchEntry, type Program } from "./program.js";
import { knownDeviation, normaliseDump, normaliseTrap, type KnownDeviation } from "./exclusions.js";
import { parseElf } from "../../src/loader/elf.js";

export const REPO = resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");

const CC = "riscv64-unknown-elf-gcc";
const QEMU = "qemu-system-riscv64";
/** Debian 12's binutils 2.40 knows Zba/Zbb/Zbs/Zbc/Zbkb/Zbkx; H comes from `.option arch, +h`. */
const MARCH = "rv64gc_zba_zbb_zbs_zbc_zbkb_zbkx_zicsr_zifencei_zihintpause";

/** Why the tools are unusable (one line naming the Debian package), or null. */
export function missingTools(): string | null {
  const missing: string[] = [];
  if (spawnSync(CC, ["--version"]).error) missing.push(`${CC} (Debian package gcc-riscv64-unknown-elf)`);
  if (spawnSync(QEMU, ["--version"]).error) missing.push(`${QEMU} (Debian package qemu-system-misc)`);
  if (missing.length === 0) return null;
  return `the QEMU differential test needs ${missing.join(" and ")}: apt-get install gcc-riscv64-unknown-elf qemu-system-misc`;
}

export interface RunnerOptions {
  /** Where batch sources and ELFs go (default build/qemu-diff). */
  workDir?: string;
  /** Run rvhv through `node bin/rvhv.js run` instead of in this process. */
  useCli?: boolean;
  /** The generator used Zbc/Zbkb/Zbkx: QEMU needs them switched on. */
  crypto?: boolean;
  /** Instruction limit for rvhv, per program in the batch. */
  insnsPerProgram?: number;
  /** QEMU wall-clock limit, per batch. */
  qemuTimeoutMs?: number;
}

/** One emulator's run of a batch. */
export interface EmulatorRun {
  /** Dump lines by program position. */
  dumps: Map<number, string>;
  /** Everything was printed and the harness exited 0. */
  complete: boolean;
  /** Why not, in one line. */
  problem?: string;
  /** rvhv threw: a host crash. */
  crashed?: boolean;
}

export interface FieldDiff {
  field: string;
  rvhv: string;
  qemu: string;
}

export interface Divergence {
  /** Position of the program in the batch. */
  index: number;
  seed: number;
  diffs: FieldDiff[];
  /** One line: what differs. */
  summary: string;
}

export interface BatchResult {
  divergences: Divergence[];
  /** Programs set aside because they met a known QEMU deviation (exclusions.ts), by position. */
  excluded: Map<number, KnownDeviation>;
  /** Programs both emulators dumped identically. */
  agreed: number;
  rvhv: EmulatorRun;
  qemu: EmulatorRun;
  elf: string;
}

/** Assembles a batch; returns the ELF's path. Throws with the assembler's message on failure. */
export function buildBatch(programs: readonly Program[], opts: RunnerOptions = {}, name?: string): string {
  const dir = opts.workDir ?? join(REPO, "build", "qemu-diff");
  mkdirSync(dir, { recursive: true });
  // One name per use (overwritten batch after batch), so a long campaign leaves a few files, not thousands.
  const base = join(dir, name ?? `batch-${process.pid}`);
  writeFileSync(`${base}.S`, batchAssembly(programs.map((p, i) => batchEntry(p, i))));
  writeFileSync(`${base}.ld`, linkerScript());
  const res = spawnSync(
    CC,
    [
      "-march=" + MARCH,
      "-mabi=lp64d",
      "-nostdlib",
      "-nostartfiles",
      "-static",
      "-T",
      `${base}.ld`,
      "-o",
      `${base}.elf`,
      `${base}.S`,
    ],
    { encoding: "utf8" },
  );
  if (res.error) throw res.error;
  if (res.status !== 0) throw new Error(`assembling ${base}.S failed:\n${res.stderr}`);
  return `${base}.elf`;
}

function parseOutput(text: string): Map<number, string> {
  const dumps = new Map<number, string>();
  for (const line of text.split("\n")) {
    const m = /^P([0-9a-f]+):(.*)$/.exec(line);
    if (m) dumps.set(parseInt(m[1], 16), m[2]);
  }
  return dumps;
}

function finish(text: string, problem: string | undefined, crashed = false): EmulatorRun {
  const done = /(^|\n)D\n/.test(text);
  return {
    dumps: parseOutput(text),
    complete: done && problem === undefined,
    ...(problem === undefined && !done ? { problem: "the harness never finished" } : {}),
    ...(problem === undefined ? {} : { problem }),
    ...(crashed ? { crashed } : {}),
  };
}

/** rvhv on the bare machine, in this process. */
export function runRvhvInProcess(elf: string, maxInsns: number): EmulatorRun {
  const chunks: string[] = [];
  try {
    const m = new BareMachine({ memBytes: 16 * 1024 * 1024 });
    m.onConsole = (t) => chunks.push(t);
    m.loadElf(readFileSync(elf));
    const r = m.run({ maxInsns });
    const text = chunks.join("");
    if (r.reason !== "exit") return finish(text, `rvhv stopped: ${r.reason}${r.error ? ` (${r.error})` : ""}`);
    if (r.exitCode !== 0) return finish(text, `rvhv: exit code ${r.exitCode}`);
    return finish(text, undefined);
  } catch (e) {
    const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
    return finish(chunks.join(""), `rvhv threw: ${msg}`, true);
  }
}

/** `node bin/rvhv.js run <elf>`. */
function runRvhvCli(elf: string, maxInsns: number): Promise<EmulatorRun> {
  const args = [join(REPO, "bin/rvhv.js"), "run", "--max-insns", String(maxInsns), elf];
  return runProcess(process.execPath, args, 600_000, "rvhv", `${elf}.rvhv.out`);
}

/**
 * Runs a command with its stdout in a file: QEMU's stdio character device
 * writes without blocking and drops what a pipe (a socket, from Node) does
 * not take at once.
 */
function runProcess(
  cmd: string,
  args: string[],
  timeoutMs: number,
  who: string,
  outFile: string,
): Promise<EmulatorRun> {
  return new Promise((resolvePromise) => {
    const fd = openSync(outFile, "w");
    const child = spawn(cmd, args, { stdio: ["ignore", fd, "pipe"] });
    closeSync(fd);
    const err: Buffer[] = [];
    child.stderr?.on("data", (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const text = readFileSync(outFile, "latin1");
      const stderr = Buffer.concat(err).toString("utf8").trim().split("\n").slice(-1)[0];
      let problem: string | undefined;
      if (timedOut) problem = `${who} timed out after ${timeoutMs} ms`;
      else if (code !== 0) problem = `${who} exited with ${code ?? signal}${stderr ? `: ${stderr}` : ""}`;
      resolvePromise(finish(text, problem));
    });
    child.on("error", (e) => {
      clearTimeout(timer);
      resolvePromise(finish("", `${who} could not start: ${e.message}`));
    });
  });
}

export function runQemu(elf: string, opts: RunnerOptions = {}): Promise<EmulatorRun> {
  const cpu = "rv64,h=true" + (opts.crypto ? ",zbkb=true,zbkc=true,zbkx=true" : "");
  return runProcess(
    QEMU,
    ["-M", "spike", "-cpu", cpu, "-bios", "none", "-kernel", elf, "-nographic"],
    opts.qemuTimeoutMs ?? 120_000,
    "qemu",
    `${elf}.qemu.out`,
  );
}

export function splitDump(line: string): { values: string[]; traps: string[][] } {
  const [head, ...recs] = line.split(";");
  const values = head.split(",").filter((v) => v !== "");
  return { values, traps: recs.map((r) => r.split(",").filter((v) => v !== "")) };
}

/** The differences between two dumps of one program (after the documented normalisations). */
export function diffDumps(a: string | undefined, b: string | undefined): FieldDiff[] {
  if (a === undefined || b === undefined) {
    if (a === b) return [];
    return [
      { field: "dump", rvhv: a === undefined ? "(none)" : "(present)", qemu: b === undefined ? "(none)" : "(present)" },
    ];
  }
  const da = splitDump(a);
  const db = splitDump(b);
  const va = normaliseDump(da.values, da.traps);
  const vb = normaliseDump(db.values, db.traps);
  const diffs: FieldDiff[] = [];
  const n = Math.max(va.length, vb.length);
  for (let i = 0; i < n; i++) {
    if (va[i] !== vb[i]) diffs.push({ field: DUMP_FIELDS[i] ?? `value${i}`, rvhv: va[i] ?? "-", qemu: vb[i] ?? "-" });
  }
  const nt = Math.max(da.traps.length, db.traps.length);
  for (let t = 0; t < nt; t++) {
    const ra = da.traps[t] ? normaliseTrap(da.traps[t], "rvhv") : undefined;
    const rb = db.traps[t] ? normaliseTrap(db.traps[t], "qemu") : undefined;
    for (let i = 0; i < TRAP_FIELDS.length; i++) {
      if (ra?.[i] !== rb?.[i])
        diffs.push({ field: `trap${t}.${TRAP_FIELDS[i]}`, rvhv: ra?.[i] ?? "-", qemu: rb?.[i] ?? "-" });
    }
  }
  return diffs;
}

/** Reads 32-bit instruction words from an ELF's loaded segments. */
export function elfReader(elf: string): (addr: bigint) => number | null {
  const bytes = readFileSync(elf);
  const image = parseElf(bytes);
  return (addr) => {
    for (const seg of image.segments) {
      const off = addr - seg.addr;
      if (off >= 0n && off + 4n <= BigInt(seg.fileSize)) {
        const o = seg.fileOffset + Number(off);
        const lo = bytes[o] | (bytes[o + 1] << 8);
        // A 16-bit instruction (low bits not 11) is returned alone.
        return (lo & 3) !== 3 ? lo : (lo | (bytes[o + 2] << 16) | (bytes[o + 3] << 24)) >>> 0;
      }
    }
    return null;
  };
}

export function summarise(diffs: readonly FieldDiff[]): string {
  const shown = diffs.slice(0, 6).map((d) => `${d.field}: rvhv ${d.rvhv} qemu ${d.qemu}`);
  return shown.join("; ") + (diffs.length > 6 ? `; and ${diffs.length - 6} more` : "");
}

/** Builds, runs and compares one batch. */
export async function runBatch(
  programs: readonly Program[],
  opts: RunnerOptions = {},
  name?: string,
): Promise<BatchResult> {
  const elf = buildBatch(programs, opts, name);
  const maxInsns = (opts.insnsPerProgram ?? 200_000) * programs.length + 1_000_000;
  const qemuPromise = runQemu(elf, opts);
  // QEMU runs in its own process meanwhile.
  const rvhv = opts.useCli ? await runRvhvCli(elf, maxInsns) : runRvhvInProcess(elf, maxInsns);
  const qemu = await qemuPromise;
  const divergences: Divergence[] = [];
  const excluded = new Map<number, KnownDeviation>();
  let agreed = 0;
  let insnAt: ((addr: bigint) => number | null) | null = null;
  programs.forEach((p, i) => {
    const a = rvhv.dumps.get(i);
    const b = qemu.dumps.get(i);
    const diffs = diffDumps(a, b);
    if (diffs.length === 0 && a !== undefined) {
      agreed++;
      return;
    }
    if (a !== undefined && b !== undefined) {
      insnAt ??= elfReader(elf);
      const known = knownDeviation(splitDump(a).traps, splitDump(b).traps, insnAt);
      if (known !== null) {
        excluded.set(i, known);
        return;
      }
    }
    if (diffs.length === 0) diffs.push({ field: "dump", rvhv: "(none)", qemu: "(none)" });
    divergences.push({ index: i, seed: p.seed, diffs, summary: summarise(diffs) });
  });
  return { divergences, excluded, agreed, rvhv, qemu, elf };
}
