// Tiny machine-code programs for tests, without a toolchain: a few
// instruction encoders, and an ELF64 writer that puts the code at
// 0x8000_0000 with `tohost`/`fromhost` symbols for the bare machine's HTIF.

export const CODE_BASE = 0x80000000n;
/** Where tinyElf puts `tohost` (fromhost follows 64 bytes on). */
export const TOHOST = CODE_BASE + 0x1000n;

// Integer registers by ABI name.
export const T0 = 5;
export const T1 = 6;
export const A0 = 10;

const i = (imm: number, rs1: number, f3: number, rd: number, op: number) =>
  (((imm & 0xfff) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op) >>> 0;

export const addi = (rd: number, rs1: number, imm: number) => i(imm, rs1, 0, rd, 0x13);
export const slli = (rd: number, rs1: number, sh: number) => i(sh, rs1, 1, rd, 0x13);
/** auipc rd, imm20 (rd = pc + (imm20 << 12)). */
export const auipc = (rd: number, imm20: number) => (((imm20 & 0xfffff) << 12) | (rd << 7) | 0x17) >>> 0;
export const csrw = (csr: number, rs1: number) => i(csr, rs1, 1, 0, 0x73);
export const csrs = (csr: number, rs1: number) => i(csr, rs1, 2, 0, 0x73);
export const csrr = (rd: number, csr: number) => i(csr, 0, 2, rd, 0x73);
export const sd = (rs2: number, rs1: number, imm: number) =>
  ((((imm >> 5) & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (3 << 12) | ((imm & 0x1f) << 7) | 0x23) >>> 0;
/** bne rs1, rs2, offset (bytes, even, within ±4 KiB). */
export const bne = (rs1: number, rs2: number, offset: number) =>
  ((((offset >> 12) & 1) << 31) |
    (((offset >> 5) & 0x3f) << 25) |
    (rs2 << 20) |
    (rs1 << 15) |
    (1 << 12) |
    (((offset >> 1) & 0xf) << 8) |
    (((offset >> 11) & 1) << 7) |
    0x63) >>>
  0;
/** jal x0, 0: a loop on itself. */
export const SPIN = 0x0000006f;
export const ECALL = 0x00000073;
export const MRET = 0x30200073;
/** The all-zero word: an illegal instruction (Unpriv §26.1: 0x0000 is reserved). */
export const ILLEGAL = 0;

export const CSR_MSTATUS = 0x300;
export const CSR_MEDELEG = 0x302;
export const CSR_MTVEC = 0x305;
export const CSR_MEPC = 0x341;
export const CSR_STVEC = 0x105;
export const CSR_PMPCFG0 = 0x3a0;
export const CSR_PMPADDR0 = 0x3b0;

/** t0 = the address `offset` bytes past this instruction's own (auipc + addi: two words). */
export const la = (rd: number, offset: number) => [auipc(rd, 0), addi(rd, rd, offset)];

/** The HTIF exit, tohost = (code << 1) | 1, as the five words starting at word `at` of the program. */
export function exitWords(at: number, code: number): number[] {
  // auipc t0, 1 is tohost + 4 * at (tohost is 0x1000 past the first word).
  return [auipc(T0, 1), addi(T0, T0, -4 * at), addi(T1, 0, (code << 1) | 1), sd(T1, T0, 0), SPIN];
}

/** A raw image of 32-bit words (a firmware for 0x8000_0000). */
export function rawImage(words: number[]): Uint8Array {
  const bytes = new Uint8Array(words.length * 4);
  const v = new DataView(bytes.buffer);
  words.forEach((w, k) => v.setUint32(k * 4, w, true));
  return bytes;
}

export interface TinyElfOptions {
  /** e_entry; default the first word. */
  entry?: bigint;
  /** The code segment's p_flags; default R+W+X (7). */
  flags?: number;
}

/**
 * An ELF64 RISC-V executable: one PT_LOAD of 8 KiB at 0x8000_0000 holding
 * `words` from its start (tohost at +0x1000), and a .symtab naming tohost
 * and fromhost. The layout, by file offset: header, program header at 0x40,
 * the segment at 0x1000, then .strtab, .symtab and the section headers.
 */
export function tinyElf(words: number[], options: TinyElfOptions = {}): Uint8Array {
  const SEG_OFF = 0x1000;
  const SEG_SIZE = 0x2000;
  const STR_OFF = SEG_OFF + SEG_SIZE;
  const strtab = new TextEncoder().encode("\0tohost\0fromhost\0");
  const SYM_OFF = STR_OFF + 0x20;
  const SYM_COUNT = 3;
  const SH_OFF = SYM_OFF + 24 * SYM_COUNT;
  const SH_COUNT = 3;
  const bytes = new Uint8Array(SH_OFF + 64 * SH_COUNT);
  const v = new DataView(bytes.buffer);
  const u16 = (o: number, x: number) => v.setUint16(o, x, true);
  const u32 = (o: number, x: number) => v.setUint32(o, x, true);
  const u64 = (o: number, x: bigint) => v.setBigUint64(o, x, true);

  bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]); // ELFCLASS64, ELFDATA2LSB, EV_CURRENT, ELFOSABI_NONE
  u16(16, 2); // ET_EXEC
  u16(18, 243); // EM_RISCV
  u32(20, 1); // EV_CURRENT
  u64(24, options.entry ?? CODE_BASE);
  u64(32, 0x40n); // e_phoff
  u64(40, BigInt(SH_OFF));
  u32(48, 0x5); // e_flags: RVC, double-float ABI
  u16(52, 64); // e_ehsize
  u16(54, 56); // e_phentsize
  u16(56, 1); // e_phnum
  u16(58, 64); // e_shentsize
  u16(60, SH_COUNT);

  const ph = 0x40;
  u32(ph, 1); // PT_LOAD
  u32(ph + 4, options.flags ?? 7);
  u64(ph + 8, BigInt(SEG_OFF));
  u64(ph + 16, CODE_BASE); // p_vaddr
  u64(ph + 24, CODE_BASE); // p_paddr
  u64(ph + 32, BigInt(SEG_SIZE));
  u64(ph + 40, BigInt(SEG_SIZE));
  u64(ph + 48, 0x1000n);
  words.forEach((w, k) => u32(SEG_OFF + 4 * k, w));

  bytes.set(strtab, STR_OFF);
  const symbol = (n: number, name: number, value: bigint) => {
    const s = SYM_OFF + 24 * n;
    u32(s, name);
    bytes[s + 4] = 0x10; // STB_GLOBAL, STT_NOTYPE
    u16(s + 6, 0xfff1); // SHN_ABS
    u64(s + 8, value);
  };
  symbol(1, 1, TOHOST);
  symbol(2, 8, TOHOST + 0x40n);

  const section = (n: number, type: number, off: number, size: number, link: number, entsize: number) => {
    const sh = SH_OFF + 64 * n;
    u32(sh + 4, type);
    u64(sh + 24, BigInt(off));
    u64(sh + 32, BigInt(size));
    u32(sh + 40, link);
    u64(sh + 56, BigInt(entsize));
  };
  section(1, 2, SYM_OFF, 24 * SYM_COUNT, 2, 24); // SHT_SYMTAB, linked to the strtab
  section(2, 3, STR_OFF, strtab.length, 0, 0); // SHT_STRTAB
  return bytes;
}
