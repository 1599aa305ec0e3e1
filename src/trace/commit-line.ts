// One line of the commit log, in the format of Spike's --log-commits
// (riscv-isa-sim riscv/execute.cc, commit_log_print_insn and
// commit_log_print_value), field by field:
//
//   core   0: 3 0x0000000080000040 (0x00a50533) x10 0x0000000000000003
//   core   0: 1 0x0000000080000100 (0x4108) x10 0x0000000000000007 mem 0x0000000080001000
//   core   0: 0 0x0000000000010074 (0x00b53023) mem 0x0000000080001008 0x0000000000000005
//
// "core%4d: " with the hart id; the privilege the instruction ran at as one
// digit (0 U, 1 S, 3 M); the pc as 16 hex digits (XLEN 64); the instruction
// bits as 4 hex digits when compressed, else 8; then the registers written
// in the order of Spike's std::map key (reg << 4 | kind: x 0, f 1, CSR 4),
// as " x5  VALUE", " f10 VALUE", " c768_mstatus VALUE" with 64-bit values
// (FLEN 64, so NaN-boxed singles show their ones); then " mem ADDR" per
// load and " mem ADDR VALUE" per store, the value as wide as the store.
//
// Spike prints no V bit. rvhv adds " V=1" at the end of a line whose
// instruction ran with V=1 (VS- or VU-mode) and nothing with V=0, so a
// line of a program that never enters V-mode is Spike's byte for byte, and
// parsers that read Spike's fields from the left still read every line.

const hex8 = (v: number): string => (v >>> 0).toString(16).padStart(8, "0");

/** A 64-bit value from its int32 halves, as Spike's "0x%016" PRIx64. */
export function hex64(lo: number, hi: number): string {
  return `0x${hex8(hi)}${hex8(lo)}`;
}

/** A value `bytes` wide (1, 2, 4 or 8) from its int32 halves, zero-padded to its width as Spike prints a store. */
export function hexSized(lo: number, hi: number, bytes: number): string {
  if (bytes === 8) return hex64(lo, hi);
  const mask = bytes === 4 ? 0xffffffff : (1 << (bytes * 8)) - 1;
  return `0x${((lo & mask) >>> 0).toString(16).padStart(bytes * 2, "0")}`;
}

/** The line's start: core, privilege, pc and instruction bits (`raw` 16 bits when `len` is 2). */
export function commitPrefix(
  hartId: number,
  priv: number,
  pcLo: number,
  pcHi: number,
  raw: number,
  len: number,
): string {
  const bits = ((len === 2 ? raw & 0xffff : raw) >>> 0).toString(16).padStart(len * 2, "0");
  return `core${String(hartId).padStart(4)}: ${priv} ${hex64(pcLo, pcHi)} (0x${bits})`;
}

/** Spike's sort key of a register write: the register number above the kind. */
export const KIND_X = 0;
export const KIND_F = 1;
export const KIND_CSR = 4;
export const registerKey = (reg: number, kind: number): number => reg * 16 + kind;

/** " x5  VALUE" / " f5  VALUE": Spike's " %c%-2d " then the value. */
export function registerField(prefix: "x" | "f", reg: number, lo: number, hi: number): string {
  return ` ${prefix}${String(reg).padEnd(2)} ${hex64(lo, hi)}`;
}

/** " c768_mstatus VALUE": Spike's " c%d_%s " with the CSR's name, then the value. */
export function csrField(csr: number, name: string, lo: number, hi: number): string {
  return ` c${csr}_${name} ${hex64(lo, hi)}`;
}

/** " mem ADDR": a load (Spike prints only its address). */
export function loadField(addrLo: number, addrHi: number): string {
  return ` mem ${hex64(addrLo, addrHi)}`;
}

/** " mem ADDR VALUE": a store; `value` already formatted to the store's width. */
export function storeField(addrLo: number, addrHi: number, value: string): string {
  return ` mem ${hex64(addrLo, addrHi)} ${value}`;
}

/** What ends the line of an instruction that ran with V=1 (not Spike's: it has no V field). */
export const VIRT_MARK = " V=1";
