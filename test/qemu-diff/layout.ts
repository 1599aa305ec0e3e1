// The memory layout every differential-test ELF shares, and the names of the
// values each program's dump holds. The harness (harness.ts), the generator
// (generator.ts) and the comparison (compare.ts) all read this one file.
//
// Four 2 MiB regions, so that the page tables (S-stage, VS-stage and
// G-stage, all identity maps built from 2 MiB leaves) can give each region
// its own permissions:
//
//   R0 0x8000_0000  harness (M-mode), tohost, the programs' code
//   R1 0x8020_0000  the data area the programs load from and store to
//   R2 0x8040_0000  page tables, save areas, the trap log, program set-up blocks
//   R3 0x8060_0000  the S-mode and VS-mode trap handlers

export const R0 = 0x80000000;
export const R1 = 0x80200000;
export const R2 = 0x80400000;
export const R3 = 0x80600000;
export const REGION_SIZE = 0x200000;

/** The data area: 8 KiB at R1, so misaligned accesses can straddle its 4 KiB page boundary. */
export const DATA_BASE = R1;
export const DATA_SIZE = 8192;
/** `sp` (x2) points here for the whole program and is never written: every load and store is based on it. */
export const DATA_SP = DATA_BASE + 4096;

/** A program's trap log holds this many records; one more trap aborts the program. */
export const MAX_TRAPS = 24;
/** Trap-record tags: which handler took the trap. */
export const TAG_M = 1;
export const TAG_HS = 2;
export const TAG_VS = 3;

/** The values the harness dumps after each program, in order. */
export const DUMP_FIELDS: readonly string[] = [
  ...Array.from({ length: 31 }, (_, i) => `x${i + 1}`),
  ...Array.from({ length: 32 }, (_, i) => `f${i}`),
  "fcsr",
  "mstatus",
  "hstatus",
  "vsstatus",
  "satp",
  "hgatp",
  "vsatp",
  "mepc",
  "mcause",
  "mtval",
  "mtval2",
  "sepc",
  "scause",
  "stval",
  "htval",
  "vsepc",
  "vscause",
  "vstval",
  "datahash",
  "aborted",
  "ntraps",
];

/** Each trap record: the handler (TAG_*), cause, tval, epc, status bits, tval2 (mtval2/htval). */
export const TRAP_FIELDS: readonly string[] = ["tag", "cause", "tval", "epc", "status", "tval2"];

/** CSRs the harness dumps, in DUMP_FIELDS order after fcsr. */
export const DUMP_CSRS: readonly string[] = DUMP_FIELDS.slice(64, DUMP_FIELDS.indexOf("datahash"));
