// QEMU virt's mask ROM at 0x1000 (VIRT_MROM) with the reset vector every
// hart starts at, followed by OpenSBI's fw_dynamic_info (QEMU
// hw/riscv/boot.c, riscv_setup_rom_reset_vec; OpenSBI docs/firmware/
// fw_dynamic.md). The reset code passes the boot protocol registers and
// jumps to the firmware:
//
//   0x00  auipc t0, 0            t0 = ROM base
//   0x04  addi  a2, t0, 0x28     a2 = &fw_dynamic_info
//   0x08  csrr  a0, mhartid      a0 = hart id
//   0x0c  ld    a1, 0x20(t0)     a1 = device-tree address
//   0x10  ld    t0, 0x18(t0)     t0 = firmware entry
//   0x14  jr    t0
//   0x18  .dword firmware entry
//   0x20  .dword device-tree address
//   0x28  fw_dynamic_info { magic, version, next_addr, next_mode, options, boot_hart }
import type { MmioDevice } from "../rv64/memory.js";
import { CSR_MHARTID } from "../rv64/constants.js";

export const MROM_BASE = 0x1000;
export const MROM_SIZE = 0xf000;

// OpenSBI include/sbi/fw_dynamic.h.
const FW_DYNAMIC_INFO_MAGIC = 0x4942534f; // "OSBI"
const FW_DYNAMIC_INFO_VERSION = 2; // adds boot_hart
const FW_DYNAMIC_INFO_NEXT_MODE_S = 1;

const T0 = 5;
const A0 = 10;
const A1 = 11;
const A2 = 12;

// Unpriv §2.2-2.5 instruction formats.
const iType = (opcode: number, funct3: number, rd: number, rs1: number, imm: number): number =>
  ((imm & 0xfff) << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode;
const auipc = (rd: number, imm20: number): number => (imm20 << 12) | (rd << 7) | 0x17;
const addi = (rd: number, rs1: number, imm: number): number => iType(0x13, 0, rd, rs1, imm);
const ld = (rd: number, rs1: number, imm: number): number => iType(0x03, 3, rd, rs1, imm);
const csrrs = (rd: number, csr: number, rs1: number): number => iType(0x73, 2, rd, rs1, csr);
const jalr = (rd: number, rs1: number, imm: number): number => iType(0x67, 0, rd, rs1, imm);

const ENTRY_SLOT = 0x18;
const FDT_SLOT = 0x20;
const INFO_OFFSET = 0x28;

export interface ResetVector {
  /** Where the harts jump: the firmware's entry (0x8000_0000 on virt). */
  firmwareEntry: bigint;
  /** The device tree's physical address, passed in a1. */
  fdtAddress: bigint;
  /** fw_dynamic_info.next_addr: where the firmware continues in S-mode (the kernel), or 0. */
  nextAddress: bigint;
}

/** The ROM's contents: reset code, its two address slots and fw_dynamic_info. */
export function resetRomImage(v: ResetVector): Uint8Array {
  const image = new Uint8Array(INFO_OFFSET + 6 * 8);
  const view = new DataView(image.buffer);
  const code = [
    auipc(T0, 0),
    addi(A2, T0, INFO_OFFSET),
    csrrs(A0, CSR_MHARTID, 0),
    ld(A1, T0, FDT_SLOT),
    ld(T0, T0, ENTRY_SLOT),
    jalr(0, T0, 0),
  ];
  code.forEach((w, i) => view.setUint32(4 * i, w >>> 0, true));
  view.setBigUint64(ENTRY_SLOT, v.firmwareEntry, true);
  view.setBigUint64(FDT_SLOT, v.fdtAddress, true);
  const info = [
    BigInt(FW_DYNAMIC_INFO_MAGIC),
    BigInt(FW_DYNAMIC_INFO_VERSION),
    v.nextAddress,
    BigInt(FW_DYNAMIC_INFO_NEXT_MODE_S),
    0n, // options
    0n, // boot_hart: hart 0 boots cold, as QEMU sets it
  ];
  info.forEach((x, i) => view.setBigUint64(INFO_OFFSET + 8 * i, x, true));
  return image;
}

/** A read-only, executable region; writes are ignored as on QEMU's ROM. */
export class Rom implements MmioDevice {
  readonly name = "mrom";
  readonly executable = true;
  readHi = 0;
  private readonly bytes: Uint8Array;

  constructor(
    readonly base: number,
    readonly size: number,
    contents: Uint8Array,
  ) {
    if (contents.length > size)
      throw new Error(`ROM contents (${contents.length} bytes) exceed its ${size}-byte region`);
    this.bytes = new Uint8Array(size);
    this.bytes.set(contents);
  }

  read(offset: number, size: number): number {
    const b = this.bytes;
    let lo = 0;
    let hi = 0;
    for (let k = 0; k < size && offset + k < b.length; k++) {
      if (k < 4) lo |= b[offset + k] << (8 * k);
      else hi |= b[offset + k] << (8 * (k - 4));
    }
    this.readHi = hi;
    return lo;
  }

  write(): void {}
}
