// The gdb stub's command handlers (src/gdb/commands.ts, session.ts,
// execution.ts) driven packet by packet against a bare machine running a
// tiny program, as gdb would drive them: no gdb needed. The program counts
// t1 up forever and stores it at 0x8000_0400 each time round.
import { afterEach, describe, expect, it } from "vitest";
import { BareMachine, type RunResult } from "../../src/devices/bare-machine.js";
import { Execution } from "../../src/gdb/execution.js";
import { framePacket } from "../../src/gdb/packet.js";
import { GdbSession } from "../../src/gdb/session.js";
import { machineTarget } from "../../src/gdb/target.js";
import { textToHex } from "../../src/gdb/hex.js";
import { GUEST_VIEW } from "../../src/gdb/hart-view.js";
import { readRegister, writeRegister, REG_CSR0, REG_PRIV } from "../../src/gdb/registers.js";
import { CSR_SSTATUS, CSR_VSSTATUS } from "../../src/rv64/constants.js";
import { T0, T1, addi, auipc, bne, exitWords, sd, tinyElf } from "./support/tiny-program.js";
import { makeHart } from "./support/hart.js";

// 0x80000000 auipc t0, 0 / +4 addi t1, zero, 0 / +8 loop: addi t1, t1, 1 / +c sd t1, 0x400(t0) / +10 bne t1, zero, loop
const COUNTER = [auipc(T0, 0), addi(T1, 0, 0), addi(T1, T1, 1), sd(T1, T0, 0x400), bne(T1, 0, -8)];

interface Stub {
  machine: BareMachine;
  execution: Execution;
  session: GdbSession;
  run: Promise<RunResult>;
  /** Sends a packet; resolves with the data of the next packet the stub sends. */
  ask(data: string): Promise<string>;
}

let stubs: Stub[] = [];
afterEach(async () => {
  for (const s of stubs) {
    s.machine.stop();
    s.execution.resume(null);
    await s.run;
  }
  stubs = [];
});

function startStub(words: number[]): Stub {
  const machine = new BareMachine({ memBytes: 1 << 20, jit: false });
  machine.onConsole = () => {};
  machine.loadElf(tinyElf(words));
  const execution = new Execution(true);
  const target = machineTarget([machine.hart], () => machine.stop());
  execution.bind(target);
  const packets: string[] = [];
  let waiter: (() => void) | null = null;
  const session = new GdbSession(target, execution, (bytes) => {
    const m = /^\$([^#]*)#[0-9a-f]{2}$/s.exec(bytes);
    if (m === null) return; // acknowledgements
    packets.push(m[1]);
    waiter?.();
  });
  const run = machine.runDebugged({}, execution);
  const ask = async (data: string): Promise<string> => {
    const before = packets.length;
    session.receive(framePacket(data));
    while (packets.length === before) await new Promise<void>((resolve) => (waiter = resolve));
    return packets[before];
  };
  const stub = { machine, execution, session, run, ask };
  stubs.push(stub);
  return stub;
}

describe("gdb session: queries", () => {
  it("announces its features and serves the target description in pieces", async () => {
    const { ask } = startStub(COUNTER);
    expect(await ask("qSupported:multiprocess+;swbreak+;xmlRegisters=riscv")).toMatch(
      /^PacketSize=[0-9a-f]+;qXfer:features:read\+;swbreak\+;hwbreak\+/,
    );
    let xml = "";
    for (let offset = 0; ; offset += 0x100) {
      const reply = await ask(`qXfer:features:read:target.xml:${offset.toString(16)},100`);
      xml += reply.slice(1);
      if (reply[0] === "l") break;
      expect(reply[0]).toBe("m");
    }
    expect(xml).toContain("<architecture>riscv:rv64</architecture>");
    for (const feature of ["cpu", "fpu", "virtual", "csr"]) expect(xml).toContain(`org.gnu.gdb.riscv.${feature}`);
    expect(xml).toContain('<reg name="mstatus" bitsize="64" regnum="833"'); // 65 + 0x300
    expect(xml).toContain('<reg name="hgatp" bitsize="64" regnum="1729"'); // 65 + 0x680
    expect(await ask("qXfer:features:read:other.xml:0,100")).toBe("E00");
  });

  it("lists the hart as thread 1 and says what it is doing", async () => {
    const { ask } = startStub(COUNTER);
    expect(await ask("qfThreadInfo")).toBe("m1");
    expect(await ask("qsThreadInfo")).toBe("l");
    expect(await ask("qC")).toBe("QC1");
    expect(Buffer.from(await ask("qThreadExtraInfo,1"), "hex").toString()).toBe("hart 0, M-mode");
    expect(await ask("Hg1")).toBe("OK");
    expect(await ask("Hg2")).toBe("E16");
    expect(await ask("T1")).toBe("OK");
    expect(await ask("?")).toBe("T05thread:1;");
  });

  it("answers garbage with an error or the empty reply, and keeps serving", async () => {
    const { ask } = startStub(COUNTER);
    for (const junk of [
      "m",
      "mzz,4",
      "M80000000,2:0",
      "X80000000,2:a",
      "Z9,0,0",
      "Z0,zz,4",
      "P1",
      "pzz",
      "vCont;q",
      "H",
    ]) {
      expect(await ask(junk)).toMatch(/^(E[0-9a-f]{2})?$/);
    }
    expect(await ask("vMustReplyEmpty")).toBe("");
    expect(await ask("qRcmd,zz")).toBe("E16");
    expect(Buffer.from(await ask(`qRcmd,${textToHex("help")}`), "hex").toString()).toContain("monitor commands:");
    expect(await ask("g")).toHaveLength(65 * 16);
  });
});

describe("gdb session: registers and memory", () => {
  it("reads and writes registers and CSRs by gdb's numbers", async () => {
    const { ask, machine } = startStub(COUNTER);
    expect(await ask("p20")).toBe("0000008000000000"); // pc
    expect(await ask("P5=efbeadde00000000")).toBe("OK"); // t0
    expect(machine.hart.xl[5]).toBe(0xdeadbeef | 0);
    expect(await ask("P0=0100000000000000")).toBe("OK");
    expect(machine.hart.xl[0]).toBe(0); // x0 stays zero
    expect(await ask(`p${(REG_CSR0 + 0xf14).toString(16)}`)).toBe("0000000000000000"); // mhartid
    expect(await ask(`P${(REG_CSR0 + 0x340).toString(16)}=7856341200000000`)).toBe("OK"); // mscratch
    expect(await ask(`p${(REG_CSR0 + 0x340).toString(16)}`)).toBe("7856341200000000");
    expect(await ask(`P${(REG_CSR0 + 0xf14).toString(16)}=0100000000000000`)).toBe("E0e"); // read-only
    expect(await ask(`p${(REG_CSR0 + 0x7ff).toString(16)}`)).toBe("E0e"); // no such CSR
    expect(await ask(`p${REG_PRIV.toString(16)}`)).toBe("0300000000000000");
    const g = await ask("g");
    expect(g.slice(5 * 16, 6 * 16)).toBe("efbeadde00000000");
    expect(await ask(`G${g.slice(0, 32 * 16)}0400008000000000${g.slice(33 * 16)}`)).toBe("OK");
    expect(machine.hart.pcLo).toBe(0x80000004 | 0);
  });

  it("reads and writes RAM, and answers an unmapped address with an error", async () => {
    const { ask, machine } = startStub(COUNTER);
    expect(await ask("m80000000,4")).toBe("97020000"); // auipc t0, 0
    expect(await ask("M80000800,4:11223344")).toBe("OK");
    expect(await ask("X80000804,2:\x7d\x03\x7d\x5d")).toBe("OK"); // "#}" escaped
    expect(Array.from(machine.phys.ram.u8.subarray(0x800, 0x806))).toEqual([0x11, 0x22, 0x33, 0x44, 0x23, 0x7d]);
    expect(await ask("m10000000,4")).toBe("E0e");
    expect(await ask("M10000000,1:00")).toBe("E0e");
    // A read that runs off the end of RAM returns what it could read.
    expect(await ask("m800ffffe,4")).toHaveLength(4);
  });
});

describe("gdb session: running", () => {
  it("steps one instruction, and stops at a breakpoint", async () => {
    const { ask, machine } = startStub(COUNTER);
    expect(await ask("vCont?")).toBe("vCont;c;C;s;S");
    expect(await ask("vCont;s:1;c")).toBe("T05thread:1;");
    expect(machine.hart.pcLo).toBe(0x80000004 | 0);
    expect(await ask("s")).toBe("T05thread:1;");
    expect(await ask("Z0,80000010,4")).toBe("OK");
    // gdb has not said it takes "swbreak:" in a stop reply: a plain one.
    expect(await ask("c")).toBe("T05thread:1;");
    expect(machine.hart.pcLo).toBe(0x80000010 | 0);
    expect(machine.hart.xl[T1]).toBe(1);
    await ask("qSupported:swbreak+;hwbreak+");
    expect(await ask("z0,80000010,4")).toBe("OK");
    expect(await ask("Z1,80000008,2")).toBe("OK");
    expect(await ask("c")).toBe("T05hwbreak:;thread:1;");
    expect(machine.hart.xl[T1]).toBe(1);
    expect(await ask("z1,80000008,2")).toBe("OK");
    expect(await ask("Z0,80000010,4")).toBe("OK");
    expect(await ask("c")).toBe("T05swbreak:;thread:1;");
    expect(machine.hart.xl[T1]).toBe(2);
  });

  it("reports a watchpoint before the store that touches it", async () => {
    const { ask, machine } = startStub(COUNTER);
    expect(await ask("Z2,80000404,4")).toBe("OK"); // the upper half of the stored doubleword
    expect(await ask("c")).toBe("T05watch:80000404;thread:1;");
    expect(machine.hart.pcLo).toBe(0x8000000c | 0); // at the sd, not yet run
    expect(machine.phys.ram.u8[0x400]).toBe(0);
    expect(await ask("z2,80000404,4")).toBe("OK");
    expect(await ask("Z3,80000400,8")).toBe("OK"); // a read watchpoint: the loop only writes
    expect(await ask("Z0,80000010,4")).toBe("OK");
    expect(await ask("c")).toBe("T05thread:1;");
    expect(machine.hart.pcLo).toBe(0x80000010 | 0);
  });

  it("stops a running machine on Ctrl-C", async () => {
    const { ask, session, machine } = startStub(COUNTER);
    const reply = ask("c");
    await new Promise((resolve) => setTimeout(resolve, 20));
    session.receive("\x03");
    expect(await reply).toBe("T02thread:1;");
    const t1 = machine.hart.xl[T1];
    expect(t1).toBeGreaterThan(100);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(machine.hart.xl[T1]).toBe(t1);
  });

  it("reports the program's exit, and ends the run on kill", async () => {
    const exiting = startStub(exitWords(0, 7));
    const exit = exiting.ask("c");
    const result = await exiting.run;
    expect(result.reason).toBe("exit");
    exiting.session.exited(result.exitCode);
    expect(await exit).toBe("W07");

    const killed = startStub(COUNTER);
    killed.session.receive(framePacket("k"));
    expect((await killed.run).reason).toBe("stopped");
  });
});

describe("gdb views", () => {
  it("shows a guest its VS CSRs under the S names, and no M or H CSRs", () => {
    const h = makeHart();
    h.virt = true;
    h.priv = 1;
    h.csrLo[CSR_VSSTATUS] = 0x22;
    h.csrLo[CSR_SSTATUS] = 0x100;
    // vsstatus, UXL = 64 in its high word included.
    expect(readRegister(GUEST_VIEW, h, REG_CSR0 + CSR_SSTATUS)).toBe("2200000002000000");
    expect(readRegister(GUEST_VIEW, h, REG_CSR0 + 0x300)).toBeNull();
    expect(readRegister(GUEST_VIEW, h, REG_PRIV)).toBe("0100000000000000");
    expect(writeRegister(GUEST_VIEW, h, REG_PRIV, "0300000000000000")).toBe(false);
    expect(writeRegister(GUEST_VIEW, h, REG_PRIV, "0000000000000000")).toBe(true);
    expect(h.priv).toBe(0);
    expect(h.virt).toBe(true);
  });
});
