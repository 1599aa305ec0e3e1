// HTIF, the Berkeley host-target interface, as Spike's front-end server
// implements it (riscv-isa-sim fesvr/htif.cc, device.cc, syscall.cc). The
// program writes a command to the 64-bit `tohost` word in RAM; the host
// clears it, acts, and may answer in `fromhost`:
//
//   tohost = device[63:56] | cmd[55:48] | payload[47:0]
//   device 0 (syscall proxy), cmd 0: payload odd  -> exit with code payload >> 1
//                                    payload even -> address of magic_mem[8] =
//                                    {sysnum, a0..a6}; the result replaces
//                                    magic_mem[0], then fromhost = 1
//   device 1 (bcd console), cmd 1: putchar(payload & 0xff), no answer
//                           cmd 0: getchar; answered 0x100 | ch when a key
//                                  arrives (never here: no console input)
//
// Commands on other devices or cmds are cleared and ignored (Spike's null
// device). Answers queue until the program has consumed the previous one
// (fromhost == 0), as in htif_t::run.
//
// The tohost page is flagged PAGE_WATCHED so a store there reaches us at
// once. A command counts as written when all 8 bytes have been stored since
// the last one was taken: one `sd`, or riscv-tests' p-env pair
// `sw lo, tohost; sw hi, tohost+4` (either order). A program that stores
// only part of the word (say, `sw` of the low half, the high half already
// 0) is served by poll() once a whole run slice has passed with no further
// store to tohost, which is what Spike's between-slices polling amounts to.
import { PAGE_SHIFT, PAGE_WATCHED, type PhysicalMemory } from "../rv64/memory.js";

const DEV_SYSCALL = 0;
const DEV_CONSOLE = 1;
const CONSOLE_GETCHAR = 0;
const CONSOLE_PUTCHAR = 1;

// Linux/newlib system call numbers and errno values, as fesvr uses them.
const SYS_write = 64n;
const SYS_exit = 93n;
const EBADF = 9n;
const EFAULT = 14n;
const ENOSYS = 38n;

const PAYLOAD_MASK = (1n << 48n) - 1n;
const ALL_BYTES = 0xff;

export class Htif {
  /** Set when the program asked to exit. */
  exitCode: number | null = null;
  /** Set when a command pointed outside RAM (Spike stops with "bad address"); the machine stops. */
  error: string | null = null;

  /** Bytes of tohost stored since the last command was taken (bit i = byte i). */
  private written = 0;
  /** poll() calls since the last store to tohost. */
  private pollsSinceWrite = 0;
  private readonly answers: bigint[] = [];
  /** getchar requests waiting for input (Spike's bcd_t::pending_reads). */
  pendingReads = 0;
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly phys: PhysicalMemory,
    /** Physical address of `tohost` (in RAM). */
    readonly tohost: number,
    /** Physical address of `fromhost`, or null if the program has none (answers are dropped). */
    readonly fromhost: number | null,
    /** Receives console text (putchar and SYS_write to fd 1/2). */
    private readonly console: (text: string) => void,
    /** Called once when the program exits or a command fails, so the machine can stop promptly. */
    private readonly onStop: () => void = () => {},
  ) {
    const ram = phys.ram;
    for (const addr of fromhost === null ? [tohost] : [tohost, fromhost]) {
      if (ram.offsetOf(addr, 8) < 0) throw new Error(`HTIF word at 0x${addr.toString(16)} is outside RAM`);
      phys.flagPage((addr - ram.base) >>> PAGE_SHIFT, PAGE_WATCHED);
      phys.flagPage((addr + 7 - ram.base) >>> PAGE_SHIFT, PAGE_WATCHED);
    }
    phys.onWatchedWrite = (paddr, size) => this.noteWrite(paddr, size);
  }

  /** Call between run slices: serves a partly stored command left alone for a slice, delivers answers. */
  poll(): void {
    if (this.written !== 0 && ++this.pollsSinceWrite >= 2) this.serve();
    this.deliver();
  }

  /** Serves any partly stored command now (the hart has stopped, so nothing more will be stored). */
  flush(): void {
    if (this.written !== 0) this.serve();
    this.deliver();
  }

  private noteWrite(paddr: number, size: number): void {
    if (this.stopped()) return; // Spike stops serving at exit; programs often keep storing to tohost
    const off = paddr - this.tohost;
    if (off < 8 && off + size > 0) {
      const first = Math.max(off, 0);
      const last = Math.min(off + size, 8);
      this.written |= ((1 << last) - 1) & ~((1 << first) - 1);
      this.pollsSinceWrite = 0;
      if (this.written === ALL_BYTES) this.serve();
    } else if (this.fromhost !== null && paddr < this.fromhost + 8 && paddr + size > this.fromhost) {
      this.deliver(); // the program may have just consumed an answer
    }
  }

  /** Takes the command in tohost (htif_t::run: read, clear, dispatch). */
  private serve(): void {
    if (this.stopped()) return;
    this.written = 0;
    this.pollsSinceWrite = 0;
    const cmd = this.read64(this.tohost);
    if (cmd === 0n) return;
    this.write64(this.tohost, 0n);
    const device = Number(cmd >> 56n);
    const command = Number((cmd >> 48n) & 0xffn);
    const payload = cmd & PAYLOAD_MASK;
    if (device === DEV_SYSCALL && command === 0) this.syscall(cmd, payload);
    else if (device === DEV_CONSOLE && command === CONSOLE_PUTCHAR)
      this.emit(new Uint8Array([Number(payload & 0xffn)]));
    else if (device === DEV_CONSOLE && command === CONSOLE_GETCHAR) this.pendingReads++;
    if (this.stopped()) this.onStop();
  }

  private stopped(): boolean {
    return this.exitCode !== null || this.error !== null;
  }

  /** fesvr syscall_t::handle_syscall. */
  private syscall(cmd: bigint, payload: bigint): void {
    if ((payload & 1n) !== 0n) {
      this.exitCode = Number(payload >> 1n);
      return;
    }
    const mm = Number(payload);
    if (this.phys.ram.offsetOf(mm, 64) < 0) {
      this.error = `HTIF system call block at 0x${mm.toString(16)} is outside RAM`;
      return;
    }
    const arg = (i: number) => this.read64(mm + 8 * i);
    const sysnum = arg(0);
    let ret: bigint;
    if (sysnum === SYS_write) ret = this.sysWrite(arg(1), arg(2), arg(3));
    else if (sysnum === SYS_exit) {
      // fesvr sys_exit: exit code a0, answered like any system call.
      this.exitCode = Number(BigInt.asIntN(32, arg(1)));
      ret = 0n;
    } else ret = -ENOSYS;
    this.write64(mm, BigInt.asUintN(64, ret));
    this.answer(cmd, 1n);
  }

  private sysWrite(fd: bigint, buf: bigint, len: bigint): bigint {
    if (fd !== 1n && fd !== 2n) return -EBADF;
    const ram = this.phys.ram;
    const off = buf >= BigInt(ram.base) && len <= BigInt(ram.size) ? ram.offsetOf(Number(buf), Number(len)) : -1;
    if (off < 0) return -EFAULT;
    this.emit(ram.u8.subarray(off, off + Number(len)));
    return len;
  }

  private emit(bytes: Uint8Array): void {
    const text = this.decoder.decode(bytes, { stream: true });
    if (text !== "") this.console(text);
  }

  /** command_t::respond: the answer keeps the command's device and cmd bytes. */
  private answer(cmd: bigint, resp: bigint): void {
    if (this.fromhost === null) return;
    this.answers.push(((cmd >> 48n) << 48n) | (resp & PAYLOAD_MASK));
    this.deliver();
  }

  private deliver(): void {
    if (this.answers.length > 0 && this.fromhost !== null && this.read64(this.fromhost) === 0n) {
      this.write64(this.fromhost, this.answers.shift()!);
    }
  }

  private read64(paddr: number): bigint {
    const u8 = this.phys.ram.u8;
    const off = paddr - this.phys.ram.base;
    let v = 0n;
    for (let k = 7; k >= 0; k--) v = (v << 8n) | BigInt(u8[off + k]);
    return v;
  }

  /** Host store to RAM: keeps decoded code and LR reservations coherent as a hart's store would. */
  private write64(paddr: number, v: bigint): void {
    const ram = this.phys.ram;
    const off = paddr - ram.base;
    for (let k = 0; k < 8; k++) ram.u8[off + k] = Number((v >> BigInt(8 * k)) & 0xffn);
    for (const page of new Set([off >>> PAGE_SHIFT, (off + 7) >>> PAGE_SHIFT])) {
      const flags = ram.pageFlags[page];
      if (flags !== 0) this.phys.noteRamWrite(paddr, 8, page, flags);
    }
  }
}
