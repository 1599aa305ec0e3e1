// A guest's RAM: one contiguous region of the host's RAM, seen by the guest
// at guest-physical GUEST_RAM_BASE (where kvmtool and QEMU's virt put RAM).
// Everything the hypervisor does to guest memory by guest-physical address
// (SBI buffers, the steal-time area, loading images) goes through here, so
// it can never reach beyond the guest's own RAM.
import type { PhysicalMemory } from "../src/rv64/memory.js";
import { PAGE_SIZE } from "../src/rv64/memory.js";

export const GUEST_RAM_BASE = 0x80000000;

export class GuestMemory {
  readonly u8: Uint8Array;

  constructor(
    private readonly phys: PhysicalMemory,
    /** Offset of the guest's RAM in the host's RAM. */
    readonly hostOffset: number,
    readonly size: number,
  ) {
    this.u8 = phys.ram.u8;
  }

  /** The host physical address of guest-physical GUEST_RAM_BASE. */
  get hostBase(): number {
    return this.phys.ram.base + this.hostOffset;
  }

  /** Host RAM offset of [gpa, gpa + length) when it lies wholly in this guest's RAM, else -1. */
  offsetOf(gpaLo: number, gpaHi: number, length: number): number {
    if (gpaHi !== 0 || length < 0) return -1;
    const off = (gpaLo >>> 0) - GUEST_RAM_BASE;
    return off >= 0 && off + length <= this.size ? this.hostOffset + off : -1;
  }

  /** Whether guest-physical (hi:lo) is in this guest's RAM. */
  contains(gpaLo: number, gpaHi: number): boolean {
    return this.offsetOf(gpaLo, gpaHi, 1) >= 0;
  }

  /**
   * The host wrote [offset, offset + length) of host RAM: drop decoded code
   * there and clear LR reservations, as a store by a hart would.
   */
  noteWrite(offset: number, length: number): void {
    const ram = this.phys.ram;
    const first = Math.floor(offset / PAGE_SIZE);
    const last = Math.floor((offset + length - 1) / PAGE_SIZE);
    for (let page = first; page <= last; page++) {
      const flags = ram.pageFlags[page];
      if (flags !== 0) this.phys.noteRamWrite(ram.base + offset, length, page, flags);
    }
  }

  /** Copies bytes to guest-physical `gpa` (loading images); throws if they do not fit. */
  load(gpa: number, bytes: Uint8Array): void {
    const off = this.offsetOf(gpa, 0, bytes.length);
    if (off < 0) throw new RangeError(`guest image at 0x${gpa.toString(16)} (+${bytes.length}) is outside guest RAM`);
    this.u8.set(bytes, off);
    this.noteWrite(off, bytes.length);
  }

  /** Little-endian 32-bit store at a host RAM offset this guest owns (the steal-time area). */
  write32(offset: number, value: number): void {
    const u8 = this.u8;
    u8[offset] = value;
    u8[offset + 1] = value >>> 8;
    u8[offset + 2] = value >>> 16;
    u8[offset + 3] = value >>> 24;
  }

  read32(offset: number): number {
    const u8 = this.u8;
    return u8[offset] | (u8[offset + 1] << 8) | (u8[offset + 2] << 16) | (u8[offset + 3] << 24);
  }
}
