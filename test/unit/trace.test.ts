// The commit log (--trace): exact lines in the format of Spike's
// --log-commits (riscv-isa-sim riscv/execute.cc) for each kind of effect,
// traps and privilege changes, the V bit; windows (--trace-start,
// --trace-count) on the interpreter and on the translation engine; the file
// complete on every way a run ends; one-line errors for bad options.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "./support/cli.js";
import { BareMachine } from "../../src/devices/bare-machine.js";
import { parseElf } from "../../src/loader/elf.js";
import { Tracer } from "../../src/trace/tracer.js";
import { buildFixture } from "./fixtures/build.js";

let tmp: string;
const elf: Record<string, string> = {};
let symbols: Map<string, bigint>;
/** The whole log of the trace fixture, line by line. */
let tour: string[];

const cli = (...argv: string[]): Promise<CliResult> => runCli(argv);

/** Runs `rvhv run <elf> --trace FILE ...options`; returns the status and the log's lines. */
async function traceRun(program: string, ...options: string[]) {
  const file = join(tmp, `trace-${Math.random().toString(36).slice(2)}.log`);
  const r = await cli("run", program, "--trace", file, ...options);
  const text = readFileSync(file, "utf8");
  return { ...r, text, lines: text === "" ? [] : text.slice(0, -1).split("\n") };
}

const hex16 = (v: bigint): string => `0x${v.toString(16).padStart(16, "0")}`;
/** A symbol's address as Spike prints a pc or an address. */
const at = (name: string, offset = 0n): string => {
  const v = symbols.get(name);
  if (v === undefined) throw new Error(`no symbol ${name}`);
  return hex16(v + offset);
};
/** The line logged for the instruction at label `name` (exactly one). */
function lineAt(name: string): string {
  const lines = tour.filter((l) => l.slice(12, 30) === at(name));
  expect(lines, name).toHaveLength(1);
  return lines[0];
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "rvhv-trace-"));
  for (const name of ["trace", "hello"]) elf[name] = buildFixture(name);
  symbols = parseElf(readFileSync(elf.trace)).symbols;
  const r = await traceRun(elf.trace);
  expect(r).toMatchObject({ status: 0, stderr: "" });
  tour = r.lines;
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe("commit log lines (Spike's --log-commits format)", () => {
  it("shows an integer register write and a load's address", () => {
    expect(lineAt("t_ld")).toBe(`core   0: 3 ${at("t_ld")} (0x00043503) x10 0x1122334455667788 mem ${at("value")}`);
  });

  it("shows a store's address and value, as wide as the store", () => {
    expect(lineAt("t_sd")).toBe(`core   0: 3 ${at("t_sd")} (0x00a43423) mem ${at("slot")} 0x1122334455667788`);
    expect(lineAt("t_sw")).toBe(`core   0: 3 ${at("t_sw")} (0x00a42423) mem ${at("slot")} 0x55667788`);
  });

  it("shows a CSR write as c<number>_<name>, after the integer register (Spike's key order)", () => {
    expect(lineAt("t_csrw")).toBe(`core   0: 3 ${at("t_csrw")} (0x34029073) c832_mscratch 0x0000000000001234`);
    expect(lineAt("t_csrrw")).toBe(
      `core   0: 3 ${at("t_csrrw")} (0x34001373) x6  0x0000000000001234 c832_mscratch 0x0000000000000000`,
    );
    expect(lineAt("t_minstret")).toBe(`core   0: 3 ${at("t_minstret")} (0xb0229073) c2818_minstret 0x0000000000001234`);
  });

  it("shows FP writes, mstatus when FS turns dirty, and fflags whenever flags are raised", () => {
    expect(lineAt("t_fld")).toBe(
      `core   0: 3 ${at("t_fld")} (0x01043507) f10 0x3ff0000000000000 c768_mstatus 0x8000000a00006000 mem ${at("one")}`,
    );
    // fflags (key 0x14) sorts before f12 (0xc1); the second divide raises NX again and shows it again.
    const fdiv = "(0x1ab57653) c1_fflags 0x0000000000000001 f12 0x3fd5555555555555";
    expect(lineAt("t_fdiv")).toBe(`core   0: 3 ${at("t_fdiv")} ${fdiv}`);
    expect(lineAt("t_fdiv2")).toBe(`core   0: 3 ${at("t_fdiv2")} ${fdiv}`);
    // Doubles are not NaN-boxed singles: the canonical NaN, boxed, and no flag.
    expect(lineAt("t_fadds")).toBe(`core   0: 3 ${at("t_fadds")} (0x00b576d3) f13 0xffffffff7fc00000`);
    expect(lineAt("t_fscsr")).toBe(
      `core   0: 3 ${at("t_fscsr")} (0x00301373) c1_fflags 0x0000000000000000 c2_frm 0x0000000000000000 x6  0x0000000000000001`,
    );
    expect(lineAt("t_fsd")).toBe(`core   0: 3 ${at("t_fsd")} (0x00c43427) mem ${at("slot")} 0x3fd5555555555555`);
  });

  it("shows an AMO's load and store, LR's load, and SC's store only when it succeeds", () => {
    const slot = at("slot");
    expect(lineAt("t_amoadd")).toBe(
      `core   0: 3 ${at("t_amoadd")} (0x0054b32f) x6  0x3fd5555555555555 mem ${slot} mem ${slot} 0x3fd555555555555a`,
    );
    expect(lineAt("t_amoadd0")).toBe(`core   0: 3 ${at("t_amoadd0")} (0x0054a02f) mem ${slot} mem ${slot} 0x5555555f`);
    expect(lineAt("t_lr")).toBe(`core   0: 3 ${at("t_lr")} (0x1004b32f) x6  0x3fd555555555555f mem ${slot}`);
    expect(lineAt("t_sc")).toBe(
      `core   0: 3 ${at("t_sc")} (0x1854b3af) x7  0x0000000000000000 mem ${slot} 0x0000000000000005`,
    );
    expect(lineAt("t_scfail")).toBe(`core   0: 3 ${at("t_scfail")} (0x1854b3af) x7  0x0000000000000001`);
  });

  it("shows HLV's load and HSV's store at the guest address", () => {
    expect(lineAt("t_hlv")).toBe(`core   0: 3 ${at("t_hlv")} (0x6804c373) x6  0x0000000000000005 mem ${at("slot")}`);
    expect(lineAt("t_hsv")).toBe(`core   0: 3 ${at("t_hsv")} (0x6654c073) mem ${at("slot")} 0x0005`);
  });

  it("shows a compressed instruction's 16 bits", () => {
    expect(lineAt("t_caddi")).toBe(`core   0: 3 ${at("t_caddi")} (0x0505) x10 0x1122334455667789`);
    expect(lineAt("t_csd")).toBe(`core   0: 3 ${at("t_csd")} (0xe408) mem ${at("slot")} 0x1122334455667789`);
  });

  it("shows the privilege each instruction ran at across mret (M -> S) and sret (S -> U)", () => {
    expect(lineAt("t_mret")).toBe(`core   0: 3 ${at("t_mret")} (0x30200073) c768_mstatus 0x8000000a00006080`);
    expect(lineAt("t_in_s")).toBe(`core   0: 1 ${at("t_in_s")} (0x00100593) x11 0x0000000000000001`);
    // sret with V=0 writes hstatus (SPV) and mstatus: Spike lists mstatus (key 0x3004) first.
    expect(lineAt("t_sret")).toBe(
      `core   0: 1 ${at("t_sret")} (0x10200073) c768_mstatus 0x8000000a000060a0 c1536_hstatus 0x0000000200000000`,
    );
    expect(lineAt("t_in_u")).toBe(`core   0: 0 ${at("t_in_u")} (0x00200593) x11 0x0000000000000002`);
  });

  it("leaves out an instruction that traps, thrown or not (it does not retire), as Spike does", () => {
    const pcs = new Set(tour.map((l) => l.slice(12, 30)));
    expect(pcs.has(at("t_illegal"))).toBe(false);
    expect(pcs.has(at("t_ecall_u"))).toBe(false);
    expect(pcs.has(at("t_ecall_vs"))).toBe(false);
    // The handler's first instruction follows the instruction before each trap.
    const illegal = tour.indexOf(lineAt("t_in_u"));
    expect(tour[illegal + 1]).toBe(`core   0: 3 ${at("trap")} (0x342022f3) x5  0x0000000000000002`);
  });

  it("ends the lines of VS-mode instructions with V=1, and S-level CSR writes show the VS copy", () => {
    expect(lineAt("t_mret_vs")).toBe(`core   0: 3 ${at("t_mret_vs")} (0x30200073) c768_mstatus 0x8000000a000060a0`);
    expect(lineAt("t_in_vs")).toBe(`core   0: 1 ${at("t_in_vs")} (0x00300593) x11 0x0000000000000003 V=1`);
    expect(lineAt("t_csrw_vs")).toBe(
      `core   0: 1 ${at("t_csrw_vs")} (0x14059073) c576_vsscratch 0x0000000000000003 V=1`,
    );
    expect(tour.filter((l) => l.endsWith(" V=1"))).toHaveLength(2);
  });
});

describe("trace windows", () => {
  it("--trace-start skips that many retired instructions, --trace-count logs that many", async () => {
    const r = await traceRun(elf.trace, "--trace-start", "40", "--trace-count", "25");
    expect(r.status).toBe(0);
    expect(r.lines).toEqual(tour.slice(40, 65));
    const rest = await traceRun(elf.trace, "--trace-start", "60", "--no-jit");
    expect(rest.lines).toEqual(tour.slice(60));
    const beyond = await traceRun(elf.trace, "--trace-start", "1_000_000");
    expect(beyond).toMatchObject({ status: 0, text: "" });
  });

  it("runs the stretch before the window on the translation engine with the same result", () => {
    const program = readFileSync(elf.hello);
    const log = (start: number, count: number, jitThreshold?: number): string => {
      let text = "";
      const tracer = new Tracer({ write: (t) => (text += t) }, start, count);
      const machine = new BareMachine({ jit: jitThreshold !== undefined, jitThreshold, trace: tracer });
      machine.onConsole = () => {};
      machine.loadElf(program);
      expect(machine.run().reason).toBe("exit");
      tracer.flush();
      return text;
    };
    const whole = log(0, Infinity).split("\n");
    expect(whole.length).toBeGreaterThan(300);
    // Every block compiled on first arrival: the engine runs all code before and after the window.
    expect(log(200, 50, 1)).toBe(whole.slice(200, 250).join("\n") + "\n");
  });

  it("writes the whole log when --max-insns stops the run", async () => {
    const r = await traceRun(elf.trace, "--max-insns", "30");
    expect(r.status).toBe(3);
    expect(r.lines).toEqual(tour.slice(0, 30));
  });
});

describe("--trace on the virt machine and under the hypervisor", () => {
  const words = (name: string, list: number[]): string => {
    const path = join(tmp, name);
    writeFileSync(path, new Uint8Array(new Uint32Array(list).buffer));
    return path;
  };

  it("logs the reset ROM and the firmware on run --machine virt", async () => {
    const bios = words("spin.bin", [0x00100513, 0x0000006f]); // li a0, 1; j .
    const file = join(tmp, "virt.log");
    const r = await cli("run", "--machine", "virt", "--bios", bios, "--icount", "--max-insns", "20", "--trace", file);
    expect(r.status).toBe(3);
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(20);
    expect(lines[0]).toMatch(/^core {3}0: 3 0x0000000000001000 \(0x[0-9a-f]{8}\)/);
    expect(lines).toContain("core   0: 3 0x0000000080000000 (0x00100513) x10 0x0000000000000001");
    expect(lines.at(-1)).toBe("core   0: 3 0x0000000080000004 (0x0000006f)");
  });

  it("logs a guest's instructions with V=1 under boot, not its SBI call, and is complete at power-off", async () => {
    const kernel = words("off.bin", [
      0x00000513, // li a0, 0
      0x00000593, // li a1, 0
      0x00000813, // li a6, 0
      0x535258b7, // lui a7, 0x53525
      0x3548889b, // addiw a7, a7, 0x354
      0x00000073, // ecall: SBI SRST shutdown
    ]);
    const file = join(tmp, "boot.log");
    const r = await cli("boot", "--kernel", kernel, "--mem", "8M", "--icount", "--trace", file);
    expect(r).toMatchObject({ status: 0, stderr: "" });
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    expect(lines.every((l) => /^core {3}0: 1 0x[0-9a-f]{16} \(0x[0-9a-f]{8}\).* V=1$/.test(l))).toBe(true);
    expect(lines[3]).toMatch(/ \(0x535258b7\) x17 0x0000000053525000 V=1$/);
  });
});

describe("--trace errors", () => {
  it.each([
    [["--trace-start", "-1"], /^rvhv: --trace-start needs a whole number from 0 to \d+, got '-1' \(usage/],
    [["--trace-count", "0"], /^rvhv: --trace-count needs a whole number from 1 to \d+, got '0' \(usage/],
    [["--trace-count", "many"], /^rvhv: --trace-count needs a whole number/],
  ])("rejects %j with one line, status 2", async (options, message) => {
    const r = await cli("run", elf.hello, "--trace", join(tmp, "x.log"), ...options);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split("\n")).toHaveLength(2);
  });

  it("wants --trace with --trace-start or --trace-count", async () => {
    const r = await cli("run", elf.hello, "--trace-start", "5");
    expect(r).toMatchObject({ status: 2, stdout: "" });
    expect(r.stderr).toBe("rvhv: --trace-start needs --trace FILE (usage: rvhv --help)\n");
  });

  it("says when the trace file cannot be written, before running anything", async () => {
    const missing = await cli("run", elf.hello, "--trace", "/nonexistent/dir/t.log");
    expect(missing).toEqual({
      status: 2,
      stdout: "",
      stderr: "rvhv: cannot write the trace file /nonexistent/dir/t.log: no such directory\n",
    });
    const dir = await cli("run", elf.hello, "--trace", tmp);
    expect(dir).toEqual({
      status: 2,
      stdout: "",
      stderr: `rvhv: cannot write the trace file ${tmp}: is a directory\n`,
    });
  });
});
