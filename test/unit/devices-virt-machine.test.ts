import { existsSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { VirtMachine, type VirtMachineOptions } from "../../src/devices/virt-machine.js";
import { readFdt, cells } from "./support/fdt-reader.js";
import { HAVE_CROSS_GCC, NO_CROSS_GCC_MESSAGE, buildProgram } from "./virt-programs/build.js";

const MiB = 1024 * 1024;

/**
 * Runs devices-tour.S: it prints "ready" when it waits for a key; we type
 * `key` then, or `keyDelayMs` later. Returns the result and the console text.
 */
async function tour(options: Omit<VirtMachineOptions, "memBytes" | "harts">, key: string, keyDelayMs?: number) {
  const m = new VirtMachine({ memBytes: 64 * MiB, harts: 2, ...options });
  let text = "";
  m.onConsoleOutput = (bytes) => {
    text += new TextDecoder().decode(bytes);
    if (!text.endsWith("ready\n")) return;
    const type = () => m.pushConsoleInput(new TextEncoder().encode(key));
    if (keyDelayMs === undefined) type();
    else setTimeout(type, keyDelayMs);
  };
  const result = await m.run({ maxInsns: 50_000_000 });
  return { result, text, machine: m };
}

describe.skipIf(!HAVE_CROSS_GCC)(
  `VirtMachine running a bare-metal program${HAVE_CROSS_GCC ? "" : ` (${NO_CROSS_GCC_MESSAGE})`}`,
  () => {
    let program: { elf: Uint8Array; bin: Uint8Array };
    beforeAll(() => {
      program = buildProgram("devices-tour");
    });

    it("boots through the reset ROM, takes timer, IPI and UART interrupts, and powers off", async () => {
      const { result, text } = await tour({ bios: program.elf, icount: true }, "p");
      expect(text).toBe("hello\ntimer\nipi\nready\ngot p\n");
      expect(result.reason).toBe("poweroff");
      expect(result.exitCode).toBe(0);
    });

    it("is deterministic in icount mode: same output, same instruction count", async () => {
      const a = await tour({ bios: program.elf, icount: true }, "p");
      const b = await tour({ bios: program.elf, icount: true }, "p");
      expect(a.text).toBe(b.text);
      expect(a.result.instructions).toBe(b.result.instructions);
      // The 200 ms timer wait is skipped, not spun through.
      expect(a.result.instructions).toBeLessThan(100_000);
    });

    it("runs a raw binary firmware and reports a failure code", async () => {
      const { result, text } = await tour({ bios: program.bin, icount: true }, "f");
      expect(text).toBe("hello\ntimer\nipi\nready\ngot f\n");
      expect(result).toMatchObject({ reason: "fail", exitCode: 42 });
    });

    it("reports a reset request", async () => {
      const { result } = await tour({ bios: program.elf, icount: true }, "r");
      expect(result).toMatchObject({ reason: "reboot", exitCode: 0 });
    });

    it("with host time, sleeps through the timer wait and the wait for input instead of spinning", async () => {
      const { result, text } = await tour({ bios: program.elf }, "p", 100);
      expect(text).toBe("hello\ntimer\nipi\nready\ngot p\n");
      expect(result.reason).toBe("poweroff");
      expect(result.seconds).toBeGreaterThanOrEqual(0.29);
      expect(result.instructions).toBeLessThan(100_000);
    });

    it("in icount mode, waits for input that arrives later", async () => {
      const a = await tour({ bios: program.elf, icount: true }, "p", 50);
      const b = await tour({ bios: program.elf, icount: true }, "p");
      expect(a.text).toBe("hello\ntimer\nipi\nready\ngot p\n");
      expect(a.result.instructions).toBe(b.result.instructions);
    });

    it("with paced input, a key sent at power-on waits until the program waits for it", async () => {
      const m = new VirtMachine({ memBytes: 64 * MiB, harts: 2, bios: program.elf, icount: true });
      m.uart.pacedInput = true;
      let text = "";
      m.onConsoleOutput = (bytes) => {
        text += new TextDecoder().decode(bytes);
      };
      m.pushConsoleInput(new TextEncoder().encode("p"));
      const result = await m.run({ maxInsns: 50_000_000 });
      expect(text).toBe("hello\ntimer\nipi\nready\ngot p\n");
      expect(result.reason).toBe("poweroff");
    });

    it("stop() ends a run that waits for input, and a later run resumes", async () => {
      const m = new VirtMachine({ memBytes: 64 * MiB, harts: 2, bios: program.elf });
      let text = "";
      m.onConsoleOutput = (bytes) => {
        text += new TextDecoder().decode(bytes);
        if (text.endsWith("ready\n")) setTimeout(() => m.stop(), 20);
      };
      expect((await m.run()).reason).toBe("stopped");
      m.pushConsoleInput(new TextEncoder().encode("p"));
      expect((await m.run()).reason).toBe("poweroff");
      expect(text).toBe("hello\ntimer\nipi\nready\ngot p\n");
    });

    it("stops at maxInsns and resumes where it left off", async () => {
      const m = new VirtMachine({ memBytes: 64 * MiB, harts: 2, bios: program.elf, icount: true });
      let text = "";
      m.onConsoleOutput = (bytes) => {
        text += new TextDecoder().decode(bytes);
        if (text.endsWith("ready\n")) m.pushConsoleInput(new TextEncoder().encode("p"));
      };
      const first = await m.run({ maxInsns: 20 });
      expect(first).toMatchObject({ reason: "max-insns", exitCode: -1, instructions: 20 });
      const rest = await m.run();
      expect(rest.reason).toBe("poweroff");
      expect(text).toBe("hello\ntimer\nipi\nready\ngot p\n");
    });
  },
);

// Debian's opensbi package (the firmware QEMU's virt machine boots).
const OPENSBI = "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.elf";
const HAVE_OPENSBI = existsSync(OPENSBI);

describe.skipIf(!HAVE_CROSS_GCC || !HAVE_OPENSBI)(
  `VirtMachine booting OpenSBI${HAVE_OPENSBI ? "" : ` (${OPENSBI} not found: apt-get install opensbi)`}`,
  () => {
    it("runs OpenSBI fw_dynamic, which starts an S-mode payload that shuts down through SBI SRST", async () => {
      const m = new VirtMachine({
        memBytes: 128 * MiB,
        harts: 2,
        bios: readFileSync(OPENSBI),
        kernel: buildProgram("sbi-payload").bin,
        icount: true,
      });
      let text = "";
      m.onConsoleOutput = (bytes) => {
        text += new TextDecoder().decode(bytes);
      };
      const result = await m.run({ maxInsns: 100_000_000 });
      expect(text).toContain("OpenSBI v");
      expect(text).toMatch(/Platform HART Count\s+: 2\r?\n/);
      expect(text).toMatch(/Platform Console Device\s+: uart8250\r?\n/);
      expect(text).toMatch(/Platform Shutdown Device\s+: sifive_test\r?\n/);
      expect(text).toMatch(/Domain0 Next Address\s+: 0x0000000080200000\r?\n/);
      expect(text).toMatch(/Boot HART ISA Extensions\s+: .*sstc/);
      expect(text).toMatch(/hello from S-mode\r?\n$/);
      expect(result.reason).toBe("poweroff");
    });
  },
);

describe("VirtMachine boot layout", () => {
  // A firmware that only spins: the layout is what is checked here.
  const spin = new Uint8Array([0x6f, 0x00, 0x00, 0x00]); // j .

  it("places kernel, initrd and device tree as QEMU virt does, and fills fw_dynamic_info", () => {
    const kernel = new Uint8Array(3 * MiB).fill(0xaa);
    const initrd = new Uint8Array(5 * MiB).fill(0x55);
    const m = new VirtMachine({ memBytes: 256 * MiB, harts: 1, bios: spin, kernel, initrd, bootargs: "console=ttyS0" });
    expect(m.layout.kernelEntry).toBe(0x80200000);
    expect(m.layout.initrdStart).toBe(0x80200000 + 128 * MiB);
    expect(m.layout.initrdEnd).toBe(0x80200000 + 128 * MiB + 5 * MiB);
    expect(m.layout.fdtAddress).toBe(0x8fe00000);
    const ram = m.phys.ram;
    expect(ram.u8[0x80200000 - ram.base]).toBe(0xaa);
    expect(ram.u8[m.layout.initrdStart - ram.base]).toBe(0x55);
    const dtb = m.dumpDtb();
    expect(ram.u8.subarray(m.layout.fdtAddress - ram.base, m.layout.fdtAddress - ram.base + dtb.length)).toEqual(dtb);
    const chosen = readFdt(dtb).get("/chosen")!;
    expect(cells(chosen.get("linux,initrd-start"))).toEqual([0, m.layout.initrdStart]);
    expect(cells(chosen.get("linux,initrd-end"))).toEqual([0, m.layout.initrdEnd]);

    // The reset ROM: entry and device-tree slots, then fw_dynamic_info.
    const rom = m.phys.findDevice(0x1000, 8)!;
    const dword = (addr: number) => {
      const lo = rom.read(addr - rom.base, 8) >>> 0;
      return rom.readHi * 2 ** 32 + lo;
    };
    expect(dword(0x1018)).toBe(0x80000000);
    expect(dword(0x1020)).toBe(0x8fe00000);
    expect(dword(0x1028)).toBe(0x4942534f); // magic
    expect(dword(0x1030)).toBe(2); // version
    expect(dword(0x1038)).toBe(0x80200000); // next_addr
    expect(dword(0x1040)).toBe(1); // next_mode: S
    expect(m.harts[0].pcLo).toBe(0x1000);
  });

  it("places the kernel at the 2 MiB boundary after a larger firmware", () => {
    const bios = new Uint8Array(2 * MiB + 16);
    const m = new VirtMachine({ memBytes: 64 * MiB, harts: 1, bios, kernel: spin });
    expect(m.layout.kernelEntry).toBe(0x80400000);
    expect(m.layout.fdtAddress).toBe(0x83e00000);
  });

  it("rejects what does not fit, with a hint", () => {
    expect(
      () => new VirtMachine({ memBytes: 8 * MiB, harts: 1, bios: spin, kernel: spin, initrd: new Uint8Array(8 * MiB) }),
    ).toThrow(/initrd.*does not fit.*--mem/);
    expect(() => new VirtMachine({ memBytes: 4 * MiB, harts: 1, bios: spin, kernel: new Uint8Array(1 * MiB) })).toThrow(
      /no room for the device tree/,
    );
    expect(() => new VirtMachine({ memBytes: 64 * MiB, harts: 9, bios: spin })).toThrow(/1 to 8 harts/);
    expect(() => new VirtMachine({ memBytes: 64 * MiB, harts: 1, bios: spin, initrd: spin })).toThrow(/needs a kernel/);
  });
});
