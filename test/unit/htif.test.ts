import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BareMachine, INSNS_PER_RTC_TICK } from "../../src/devices/bare-machine.js";
import { CLINT_BASE } from "../../src/devices/clint.js";
import { Htif } from "../../src/devices/htif.js";
import { parseElf } from "../../src/loader/elf.js";
import type { Hart } from "../../src/rv64/hart.js";
import { buildFixture } from "./fixtures/build.js";
import { makeHart, RAM_BASE } from "./support/hart.js";

const TOHOST = RAM_BASE + 0x1000;
const FROMHOST = RAM_BASE + 0x1040;
const MAGIC = RAM_BASE + 0x2000;
const BUF = RAM_BASE + 0x3000;

/** A hart with HTIF; stores go through the hart's MMU as a program's would. */
function setup() {
  const h = makeHart();
  const out: string[] = [];
  let stops = 0;
  const htif = new Htif(
    h.phys,
    TOHOST,
    FROMHOST,
    (t) => out.push(t),
    () => stops++,
  );
  return { h, htif, out: () => out.join(""), stops: () => stops };
}

function sd(h: Hart, addr: number, v: bigint): void {
  const u = BigInt.asUintN(64, v);
  h.mmu.store64(addr | 0, 0, Number(u & 0xffffffffn) | 0, Number(u >> 32n) | 0);
}

function sw(h: Hart, addr: number, v: number): void {
  h.mmu.store32(addr | 0, 0, v | 0);
}

function peek(h: Hart, addr: number): bigint {
  const v = new DataView(h.phys.ram.u8.buffer);
  return v.getBigUint64(addr - RAM_BASE, true);
}

function poke(h: Hart, addr: number, v: bigint): void {
  new DataView(h.phys.ram.u8.buffer).setBigUint64(addr - RAM_BASE, BigInt.asUintN(64, v), true);
}

const putchar = (c: number) => (0x0101n << 48n) | BigInt(c);

describe("HTIF", () => {
  it("exits with payload >> 1 on an odd syscall payload, clearing tohost", () => {
    const { h, htif, stops } = setup();
    sd(h, TOHOST, (5n << 1n) | 1n);
    expect(htif.exitCode).toBe(5);
    expect(peek(h, TOHOST)).toBe(0n);
    expect(stops()).toBe(1);
  });

  it("prints console putchar at once, with no answer in fromhost (as Spike's bcd device)", () => {
    const { h, htif, out } = setup();
    sd(h, TOHOST, putchar(0x41));
    expect(out()).toBe("A");
    expect(peek(h, TOHOST)).toBe(0n);
    expect(peek(h, FROMHOST)).toBe(0n);
    expect(htif.exitCode).toBeNull();
  });

  it("waits for both halves of a command stored as two words, in either order", () => {
    const { h, out } = setup();
    const v = putchar(0x42);
    sw(h, TOHOST, Number(v & 0xffffffffn));
    expect(out()).toBe(""); // the low half alone would read as a syscall
    expect(peek(h, TOHOST)).toBe(0x42n);
    sw(h, TOHOST + 4, Number(v >> 32n));
    expect(out()).toBe("B");
    sw(h, TOHOST + 4, Number(v >> 32n));
    sw(h, TOHOST, Number(v & 0xffffffffn));
    expect(out()).toBe("BB");
    expect(peek(h, TOHOST)).toBe(0n);
  });

  it("serves riscv-tests' p-env exit (sw low; sw zero high) on the second store", () => {
    const { h, htif } = setup();
    sw(h, TOHOST, 7);
    expect(htif.exitCode).toBeNull();
    sw(h, TOHOST + 4, 0);
    expect(htif.exitCode).toBe(3);
  });

  it("serves a half-stored command once a whole slice passes without the other half", () => {
    const { h, htif } = setup();
    sw(h, TOHOST, 3);
    htif.poll(); // the slice in which the store happened
    expect(htif.exitCode).toBeNull();
    htif.poll();
    expect(htif.exitCode).toBe(1);
  });

  it("flush() serves a half-stored command at once", () => {
    const { h, htif } = setup();
    sw(h, TOHOST, 9);
    htif.flush();
    expect(htif.exitCode).toBe(4);
  });

  it("proxies SYS_write to stdout: result in magic_mem[0], then fromhost = 1", () => {
    const { h, htif, out } = setup();
    const text = new TextEncoder().encode("héllo\n");
    h.phys.ram.u8.set(text, BUF - RAM_BASE);
    for (const [i, v] of [64n, 1n, BigInt(BUF), BigInt(text.length)].entries()) poke(h, MAGIC + 8 * i, v);
    sd(h, TOHOST, BigInt(MAGIC));
    expect(out()).toBe("héllo\n");
    expect(peek(h, MAGIC)).toBe(BigInt(text.length));
    expect(peek(h, FROMHOST)).toBe(1n);
    expect(peek(h, TOHOST)).toBe(0n);
    expect(htif.exitCode).toBeNull();
  });

  it("answers -EBADF for other fds, -EFAULT for buffers outside RAM, -ENOSYS for unknown syscalls", () => {
    const { h } = setup();
    const call = (...args: bigint[]) => {
      args.forEach((v, i) => poke(h, MAGIC + 8 * i, v));
      poke(h, FROMHOST, 0n);
      sd(h, TOHOST, BigInt(MAGIC));
      expect(peek(h, FROMHOST)).toBe(1n);
      return BigInt.asIntN(64, peek(h, MAGIC));
    };
    expect(call(64n, 3n, BigInt(BUF), 1n)).toBe(-9n);
    expect(call(64n, 1n, 0x1000n, 1n)).toBe(-14n);
    expect(call(1234n, 0n, 0n, 0n)).toBe(-38n);
  });

  it("exits through SYS_exit with a0", () => {
    const { h, htif } = setup();
    poke(h, MAGIC, 93n);
    poke(h, MAGIC + 8, 42n);
    sd(h, TOHOST, BigInt(MAGIC));
    expect(htif.exitCode).toBe(42);
  });

  it("holds an answer until the program has consumed the previous one", () => {
    const { h } = setup();
    poke(h, FROMHOST, 0x77n);
    poke(h, MAGIC, 1234n);
    sd(h, TOHOST, BigInt(MAGIC));
    expect(peek(h, FROMHOST)).toBe(0x77n);
    sd(h, FROMHOST, 0n);
    expect(peek(h, FROMHOST)).toBe(1n);
  });

  it("stops with an error when the syscall block is outside RAM", () => {
    const { h, htif, stops } = setup();
    sd(h, TOHOST, 0x1000n);
    expect(htif.error).toBe("HTIF system call block at 0x1000 is outside RAM");
    expect(stops()).toBe(1);
  });

  it("queues getchar with no answer (no console input) and ignores unknown devices", () => {
    const { h, htif } = setup();
    sd(h, TOHOST, 0x0100n << 48n);
    sd(h, TOHOST, 0x0700n << 48n);
    expect(htif.pendingReads).toBe(1);
    expect(peek(h, TOHOST)).toBe(0n);
    expect(peek(h, FROMHOST)).toBe(0n);
  });

  it("decodes UTF-8 split across putchar commands", () => {
    const { h, out } = setup();
    for (const b of [0xe2, 0x82, 0xac]) sd(h, TOHOST, putchar(b));
    expect(out()).toBe("€");
  });
});

describe("BareMachine", () => {
  function machine(name: string) {
    const m = new BareMachine({ memBytes: 1 << 20 });
    const out: string[] = [];
    m.onConsole = (t) => out.push(t);
    m.loadElf(readFileSync(buildFixture(name)));
    return { m, out };
  }

  it("runs hello: console text through HTIF, exit 0, nothing run after the exit", () => {
    const { m, out } = machine("hello");
    const r = m.run();
    expect(out.join("")).toBe("Hello from HTIF putchar\nHello from SYS_write\n");
    expect(r.reason).toBe("exit");
    expect(r.exitCode).toBe(0);
    // The run ends right after htif_send's `sd` (its 5th instruction) of the exit command.
    const htifSend = parseElf(readFileSync(buildFixture("hello"))).symbols.get("htif_send")!;
    expect(m.hart.pcLo >>> 0).toBe(Number(htifSend) + 20);
  });

  it("reports the exit code of the p-env style exit", () => {
    const r = machine("exit5").m.run();
    expect(r).toMatchObject({ reason: "exit", exitCode: 5, instructions: 5 });
  });

  it("stops exactly at maxInsns", () => {
    const { m } = machine("spin");
    const r = m.run({ maxInsns: 100_003 });
    expect(r).toMatchObject({ reason: "max-insns", exitCode: -1, instructions: 100_003 });
    expect(m.hart.xl[5]).toBe(50_002); // addi t0 ran on every other instruction
  });

  it("reports WFI with nothing to wake the hart as an error", () => {
    const r = machine("wfi").m.run({ maxInsns: 1000 });
    expect(r.reason).toBe("error");
    expect(r.error).toMatch(/WFI/);
    expect(r.instructions).toBe(1);
  });

  it("has Spike's CLINT at 0x0200_0000, whose mtime is the machine's time", () => {
    const { m } = machine("spin");
    m.run({ maxInsns: 12_345 });
    expect(m.phys.findDevice(CLINT_BASE, 8)).toBe(m.clint);
    expect(m.clint.read(0xbff8, 8)).toBe(Math.floor(12_345 / INSNS_PER_RTC_TICK));
    expect(m.clint.readHi).toBe(0);
  });

  it("jumps time to the timer deadline while the hart waits in WFI (no instructions pass)", () => {
    const r = machine("wfi-timer").m.run({ maxInsns: 1000 });
    expect(r).toMatchObject({ reason: "exit", exitCode: 0 }); // mtime - mtimecmp after the WFI
    expect(r.instructions).toBeLessThan(30);
  });

  it("reports WFI as an error when the only timer ahead cannot wake the hart (masked in mie)", () => {
    const { m } = machine("wfi-timer-masked");
    const r = m.run({ maxInsns: 1000 });
    expect(r.reason).toBe("error");
    expect(r.error).toMatch(/WFI/);
    expect(m.clint.read(0xbff8, 8)).toBe(m.clint.read(0x4000, 8)); // time went to the deadline first
  });

  it("derives time from the instruction count: one mtime tick per INSNS_PER_RTC_TICK steps, as on Spike", () => {
    const { m } = machine("spin");
    m.run({ maxInsns: 1000 });
    expect(m.hart.platform.readTime()).toBe(1000 / INSNS_PER_RTC_TICK);
    m.run({ maxInsns: INSNS_PER_RTC_TICK - 1 });
    expect(m.hart.platform.readTime()).toBe(1000 / INSNS_PER_RTC_TICK);
    m.run({ maxInsns: 1 });
    expect(m.hart.platform.readTime()).toBe(1000 / INSNS_PER_RTC_TICK + 1);
  });
});
