// Loading a guest as kvmtool's riscv/kvm.c does: the kernel at RAM + 2 MiB
// (an ELF goes to its own physical addresses instead), then the device tree,
// then the initrd. Returns where everything went (guest-physical).
import { ElfError, hasElfMagic, loadSegments, parseElf } from "../src/loader/elf.js";
import { GUEST_RAM_BASE, type GuestMemory } from "./guest-memory.js";

const MiB = 1024 * 1024;
/** RV64 kernels run from a 2 MiB-aligned address (Documentation/arch/riscv/boot.rst). */
const KERNEL_OFFSET = 2 * MiB;
const FDT_ALIGN = 2 * MiB;
/** Room kept for the device tree (kvmtool's FDT_MAX_SIZE). */
export const FDT_MAX_SIZE = 64 * 1024;
const INITRD_ALIGN = 4096;

/** The Linux Image header (Documentation/arch/riscv/boot-image-header.rst): magic2 "RSC\x05" at 56, image_size at 16. */
const IMAGE_MAGIC2 = 0x05435352;

export interface GuestLayout {
  entry: number;
  kernelEnd: number;
  fdtAddress: number;
  initrdStart: number;
  initrdEnd: number;
}

const hex = (v: number): string => `0x${v.toString(16)}`;
const alignUp = (v: number, a: number): number => Math.ceil(v / a) * a;

/** A guest image that cannot be placed: the message is one line for the user. */
export class GuestLoadError extends Error {}

/** Loads the kernel and initrd into guest RAM; the caller writes the device tree at layout.fdtAddress. */
export function loadGuestImages(memory: GuestMemory, kernel: Uint8Array, initrd: Uint8Array | undefined): GuestLayout {
  const ramEnd = GUEST_RAM_BASE + memory.size;
  let entry: number;
  let kernelEnd: number;
  if (hasElfMagic(kernel)) {
    const image = parseElf(kernel);
    const view = {
      base: GUEST_RAM_BASE,
      size: memory.size,
      u8: memory.u8.subarray(memory.hostOffset, memory.hostOffset + memory.size),
    };
    try {
      loadSegments(image, kernel, view);
    } catch (e) {
      if (e instanceof ElfError) throw new GuestLoadError(`the kernel ELF does not fit the guest: ${e.message}`);
      throw e;
    }
    memory.noteWrite(memory.hostOffset, memory.size);
    entry = Number(image.entry);
    kernelEnd = image.segments.reduce((end, s) => Math.max(end, Number(s.addr + s.memSize)), 0);
    if (!memory.contains(entry, 0))
      throw new GuestLoadError(`the kernel's entry point ${hex(entry)} is outside guest RAM`);
  } else {
    entry = GUEST_RAM_BASE + KERNEL_OFFSET;
    kernelEnd = entry + Math.max(kernel.length, imageSize(kernel));
    if (kernelEnd > ramEnd) {
      throw new GuestLoadError(
        `the kernel (${kernel.length} bytes) does not fit in ${memory.size >> 20} MiB of guest RAM (try a larger --mem)`,
      );
    }
    memory.load(entry, kernel);
  }
  const fdtAddress = alignUp(kernelEnd, FDT_ALIGN);
  let initrdStart = 0;
  let initrdEnd = 0;
  if (initrd !== undefined) {
    initrdStart = alignUp(fdtAddress + FDT_MAX_SIZE, INITRD_ALIGN);
    initrdEnd = initrdStart + initrd.length;
    if (initrdEnd > ramEnd) {
      throw new GuestLoadError(
        `the initrd (${initrd.length} bytes at ${hex(initrdStart)}) does not fit in ${memory.size >> 20} MiB of guest RAM (try a larger --mem)`,
      );
    }
    memory.load(initrdStart, initrd);
  } else if (fdtAddress + FDT_MAX_SIZE > ramEnd) {
    throw new GuestLoadError(
      `no room for the device tree after the kernel in ${memory.size >> 20} MiB of guest RAM (try a larger --mem)`,
    );
  }
  return { entry, kernelEnd, fdtAddress, initrdStart, initrdEnd };
}

/** The Image header's image_size (the kernel's size in memory, bss included), or 0 for a raw binary. */
function imageSize(kernel: Uint8Array): number {
  if (kernel.length < 64) return 0;
  const view = new DataView(kernel.buffer, kernel.byteOffset, kernel.byteLength);
  if (view.getUint32(56, true) !== IMAGE_MAGIC2) return 0;
  return view.getUint32(20, true) * 4294967296 + view.getUint32(16, true);
}
