// ELF64 loader for bare-metal RISC-V programs (System V gABI, "ELF-64 Object
// File Format"; RISC-V psABI for EM_RISCV). Parses and validates the file,
// copies its PT_LOAD segments into RAM at their physical addresses and
// exposes .symtab so devices can find `tohost`/`fromhost`. It works on
// bytes; reading them from files is program-file.ts's (Node only).
//
// Not a hot path: values are exact bigints; only offsets already checked
// against the file length become numbers.
import type { Ram } from "../rv64/memory.js";

/** A problem with a program file, as one line a user can act on. */
export class ElfError extends Error {
  override name = "ElfError";
}

// gABI constants.
const ELF_MAGIC = [0x7f, 0x45, 0x4c, 0x46]; // "\x7fELF"
const EI_CLASS = 4;
const EI_DATA = 5;
const EI_VERSION = 6;
const EI_OSABI = 7;
const ELFCLASS32 = 1;
const ELFCLASS64 = 2;
const ELFDATA2LSB = 1;
const ELFDATA2MSB = 2;
const EV_CURRENT = 1;
// EI_OSABI: bare-metal toolchains write ELFOSABI_NONE (System V); GNU ld
// writes ELFOSABI_GNU when a static program uses GNU extensions (IFUNC).
const ELFOSABI_NONE = 0;
const ELFOSABI_GNU = 3;
const ET_REL = 1;
const ET_EXEC = 2;
const ET_DYN = 3;
const ET_CORE = 4;
const EM_RISCV = 243;
const PT_LOAD = 1;
const PT_INTERP = 3;
const SHT_SYMTAB = 2;
const SHN_UNDEF = 0;
const STB_LOCAL = 0;
const EHDR_SIZE = 64;
const PHDR_SIZE = 56;
const SHDR_SIZE = 64;
const SYM_SIZE = 24;

/** e_machine values a user is likely to meet, for the "not RISC-V" message. */
const MACHINE_NAMES: Record<number, string> = {
  2: "SPARC",
  3: "x86",
  8: "MIPS",
  20: "PowerPC",
  21: "PowerPC64",
  22: "S/390",
  40: "ARM",
  43: "SPARC V9",
  50: "IA-64",
  62: "x86-64",
  183: "AArch64",
  247: "BPF",
  258: "LoongArch",
};

export interface ElfSegment {
  /** Where the segment goes in physical memory (p_paddr; p_vaddr for ET_DYN, loaded unrelocated). */
  addr: bigint;
  /** Byte range of the segment's contents in the file. */
  fileOffset: number;
  fileSize: number;
  /** Size in memory; bytes past fileSize are zero (.bss). */
  memSize: bigint;
}

export interface ElfImage {
  entry: bigint;
  /** PT_LOAD segments with a non-zero memory size, in file order. */
  segments: ElfSegment[];
  /** Defined .symtab symbols by name (a global wins over a local of the same name). */
  symbols: Map<string, bigint>;
}

/** Whether `bytes` start with the ELF magic number. */
export function hasElfMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ELF_MAGIC.every((b, i) => bytes[i] === b);
}

const hex = (v: bigint | number): string => `0x${v.toString(16)}`;

/** Parses and validates an ELF64 little-endian RISC-V executable. */
export function parseElf(bytes: Uint8Array): ElfImage {
  const len = bytes.length;
  if (len === 0) throw new ElfError("empty file");
  for (let i = 0; i < Math.min(len, 4); i++) {
    if (bytes[i] !== ELF_MAGIC[i]) throw new ElfError("not an ELF file (bad magic number)");
  }
  if (len < EHDR_SIZE) throw new ElfError(`truncated ELF header (file is ${len} bytes, the header needs ${EHDR_SIZE})`);
  const cls = bytes[EI_CLASS];
  if (cls === ELFCLASS32)
    throw new ElfError("32-bit ELF (ELFCLASS32); rvhv runs RV64 programs (build with -march=rv64... -mabi=lp64...)");
  if (cls !== ELFCLASS64) throw new ElfError(`unknown ELF class ${cls}`);
  const data = bytes[EI_DATA];
  if (data === ELFDATA2MSB) throw new ElfError("big-endian ELF (ELFDATA2MSB); RISC-V programs are little-endian");
  if (data !== ELFDATA2LSB) throw new ElfError(`unknown ELF data encoding ${data}`);
  if (bytes[EI_VERSION] !== EV_CURRENT)
    throw new ElfError(`unknown ELF version ${bytes[EI_VERSION]} (EI_VERSION must be 1)`);
  const osabi = bytes[EI_OSABI];
  if (osabi !== ELFOSABI_NONE && osabi !== ELFOSABI_GNU)
    throw new ElfError(`unsupported OS ABI ${osabi} (EI_OSABI; rvhv runs System V or GNU ELF programs, 0 or 3)`);

  const view = new DataView(bytes.buffer, bytes.byteOffset, len);
  const u16 = (off: number) => view.getUint16(off, true);
  const u32 = (off: number) => view.getUint32(off, true);
  const u64 = (off: number) => view.getBigUint64(off, true);

  const machine = u16(18);
  if (machine !== EM_RISCV) {
    const known = MACHINE_NAMES[machine];
    throw new ElfError(
      `not a RISC-V program (e_machine ${machine}${known ? `, ${known}` : ""}; RISC-V is ${EM_RISCV})`,
    );
  }
  if (u32(20) !== EV_CURRENT) throw new ElfError(`unknown ELF version ${u32(20)} (e_version must be 1)`);
  const type = u16(16);
  if (type === ET_REL) throw new ElfError("relocatable object file (ET_REL), not an executable: link it first");
  if (type === ET_CORE) throw new ElfError("core dump (ET_CORE), not an executable");
  if (type !== ET_EXEC && type !== ET_DYN) throw new ElfError(`unsupported ELF type ${type} (need ET_EXEC)`);

  const entry = u64(24);
  const phoff = u64(32);
  const shoff = u64(40);
  const phentsize = u16(54);
  const phnum = u16(56);
  const shentsize = u16(58);
  const shnum = u16(60);

  const within = (off: bigint, size: bigint) => off + size <= BigInt(len);
  if (phnum > 0 && phentsize !== PHDR_SIZE)
    throw new ElfError(`bad program header size ${phentsize} (ELF64 uses ${PHDR_SIZE})`);
  if (!within(phoff, BigInt(phnum * PHDR_SIZE))) {
    throw new ElfError(
      `truncated file: program headers end at byte ${phoff + BigInt(phnum * PHDR_SIZE)}, file is ${len} bytes`,
    );
  }

  const segments: ElfSegment[] = [];
  for (let i = 0; i < phnum; i++) {
    const ph = Number(phoff) + i * PHDR_SIZE;
    const ptype = u32(ph);
    // psABI: a PT_INTERP program needs a dynamic linker, which a bare machine has not.
    if (ptype === PT_INTERP) throw new ElfError("dynamically linked (PT_INTERP); build a static program (-static)");
    if (ptype !== PT_LOAD) continue;
    const offset = u64(ph + 8);
    const addr = type === ET_DYN ? u64(ph + 16) : u64(ph + 24);
    const filesz = u64(ph + 32);
    const memsz = u64(ph + 40);
    if (filesz > memsz) throw new ElfError(`segment ${i}: file size ${hex(filesz)} exceeds memory size ${hex(memsz)}`);
    if (!within(offset, filesz)) {
      throw new ElfError(
        `truncated file: segment ${i} needs bytes ${hex(offset)}..${hex(offset + filesz)}, file is ${hex(len)} bytes`,
      );
    }
    if (memsz === 0n) continue;
    segments.push({
      addr,
      fileOffset: Number(offset),
      fileSize: Number(filesz),
      memSize: memsz,
    });
  }
  if (segments.length === 0) throw new ElfError("no loadable segments (PT_LOAD)");

  return { entry, segments, symbols: readSymbols() };

  function readSymbols(): Map<string, bigint> {
    const symbols = new Map<string, bigint>();
    if (shnum === 0) return symbols;
    if (shentsize !== SHDR_SIZE) throw new ElfError(`bad section header size ${shentsize} (ELF64 uses ${SHDR_SIZE})`);
    if (!within(shoff, BigInt(shnum * SHDR_SIZE))) {
      throw new ElfError(
        `truncated file: section headers end at byte ${shoff + BigInt(shnum * SHDR_SIZE)}, file is ${len} bytes`,
      );
    }
    const section = (i: number) => Number(shoff) + i * SHDR_SIZE;
    const bodyOf = (sh: number, what: string): [number, number] => {
      const off = u64(sh + 24);
      const size = u64(sh + 32);
      if (!within(off, size))
        throw new ElfError(
          `truncated file: ${what} needs bytes ${hex(off)}..${hex(off + size)}, file is ${hex(len)} bytes`,
        );
      return [Number(off), Number(size)];
    };
    const locals = new Set<string>();
    for (let i = 0; i < shnum; i++) {
      const sh = section(i);
      if (u32(sh + 4) !== SHT_SYMTAB) continue;
      const [symOff, symSize] = bodyOf(sh, ".symtab");
      const link = u32(sh + 40);
      if (link >= shnum) throw new ElfError(`.symtab links to section ${link}, but there are only ${shnum}`);
      const [strOff, strSize] = bodyOf(section(link), ".strtab");
      const decoder = new TextDecoder();
      for (let s = symOff; s + SYM_SIZE <= symOff + symSize; s += SYM_SIZE) {
        const nameOff = u32(s);
        if (nameOff === 0 || nameOff >= strSize || u16(s + 6) === SHN_UNDEF) continue;
        let end = strOff + nameOff;
        while (end < strOff + strSize && bytes[end] !== 0) end++;
        const name = decoder.decode(bytes.subarray(strOff + nameOff, end));
        const local = bytes[s + 4] >> 4 === STB_LOCAL;
        if (symbols.has(name) && (local || !locals.has(name))) continue;
        symbols.set(name, u64(s + 8));
        if (local) locals.add(name);
        else locals.delete(name);
      }
    }
    return symbols;
  }
}

/**
 * Copies the segments of a parsed image into RAM (file bytes, then zeros up
 * to the memory size). Every segment must lie inside RAM.
 */
export function loadSegments(image: ElfImage, bytes: Uint8Array, ram: Pick<Ram, "base" | "size" | "u8">): void {
  const base = BigInt(ram.base);
  const end = base + BigInt(ram.size);
  for (const seg of image.segments) {
    const segEnd = seg.addr + seg.memSize;
    if (seg.addr < base || segEnd > end) {
      throw new ElfError(
        `segment ${hex(seg.addr)}..${hex(segEnd - 1n)} is outside RAM ${hex(base)}..${hex(end - 1n)}` +
          (segEnd > end && seg.addr >= base ? " (try a larger --mem)" : ""),
      );
    }
  }
  for (const seg of image.segments) {
    const off = Number(seg.addr - base);
    ram.u8.set(bytes.subarray(seg.fileOffset, seg.fileOffset + seg.fileSize), off);
    ram.u8.fill(0, off + seg.fileSize, off + Number(seg.memSize));
  }
}

/**
 * Checks that the program can start at its entry point in `ram`: the entry
 * is 2-byte aligned (IALIGN is 16 with C; Unpriv §1.5), in RAM, and
 * inside a loaded segment. A program that starts anywhere else runs
 * whatever bytes lie there or traps at once. p_flags are not required to
 * say PF_X: the hart executes what PMP and the page tables allow, as Spike
 * and QEMU do, and riscv-tests' link script leaves its segment's flags 0.
 */
export function checkEntry(image: ElfImage, ram: Pick<Ram, "base" | "size">): void {
  const entry = image.entry;
  if ((entry & 1n) !== 0n) throw new ElfError(`entry point ${hex(entry)} is not 2-byte aligned`);
  const base = BigInt(ram.base);
  const end = base + BigInt(ram.size);
  if (entry < base) throw new ElfError(`entry point ${hex(entry)} is below RAM (${hex(base)})`);
  if (entry >= end) throw new ElfError(`entry point ${hex(entry)} is past the end of RAM (${hex(end - 1n)})`);
  const segments = image.segments;
  if (segments.some((s) => entry >= s.addr && entry < s.addr + s.memSize)) return;
  const ranges = segments.map((s) => `${hex(s.addr)}..${hex(s.addr + s.memSize - 1n)}`).join(", ");
  throw new ElfError(`entry point ${hex(entry)} is outside every loaded segment (${ranges})`);
}
