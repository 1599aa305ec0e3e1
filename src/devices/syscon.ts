// SiFive's test finisher ("sifive,test0"), QEMU virt's power and reset
// control at 0x0010_0000 (hw/misc/sifive_test.c). A write to offset 0 acts
// on its low 16 bits:
//
//   0x5555  power off (pass)
//   0x7777  reset
//   0x3333  power off reporting failure with code value[31:16]
//
// Linux reaches it through the syscon-poweroff/-reboot nodes, OpenSBI
// through its sifive,test0 reset driver. Other values are ignored; reads
// return zero.
import type { MmioDevice } from "../rv64/memory.js";

export const SYSCON_BASE = 0x00100000;
export const SYSCON_SIZE = 0x1000;
export const SYSCON_FAIL = 0x3333;
export const SYSCON_POWEROFF = 0x5555;
export const SYSCON_REBOOT = 0x7777;

export type SysconEvent = "poweroff" | "reboot" | "fail";

export class SifiveTest implements MmioDevice {
  readonly name = "sifive-test";
  readonly size = SYSCON_SIZE;
  readHi = 0;

  constructor(
    readonly base: number,
    /** Called with the requested action and, for "fail", the exit code. */
    private readonly onEvent: (event: SysconEvent, code: number) => void,
  ) {}

  read(_offset: number, _size: number): number {
    this.readHi = 0;
    return 0;
  }

  write(offset: number, size: number, lo: number, _hi: number): void {
    if (offset !== 0 || size < 2) return;
    const code = size === 2 ? 0 : (lo >>> 16) & 0xffff;
    switch (lo & 0xffff) {
      case SYSCON_POWEROFF:
        this.onEvent("poweroff", 0);
        break;
      case SYSCON_REBOOT:
        this.onEvent("reboot", 0);
        break;
      case SYSCON_FAIL:
        this.onEvent("fail", code);
        break;
    }
  }
}
