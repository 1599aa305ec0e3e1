// The fixed M-mode harness that runs a batch of generated programs back to
// back in one ELF, and the linker script that places it (see layout.ts).
//
// For each program the harness
//   1. resets every CSR a program may touch (translation off and fenced, the
//      trap vectors, scratch registers, status registers, delegation as the
//      program asks), clears any LR reservation, fills the data area from
//      the program's seed and empties the trap log;
//   2. loads f0-f31, fcsr and x1-x31 from the program's set-up block and
//      enters it in M-mode with MRET;
//   3. when the program jumps to qd_end (in M-mode), stores x1-x31, f0-f31,
//      fcsr and the CSRs of layout.ts DUMP_FIELDS, hashes the data area, and
//      prints one line through HTIF putchar (device 1, command 1):
//        P<index>:<field>,<field>,...;<trap record>;<trap record>...
//      every value in hex without leading zeros.
// After the last program it prints "D" and exits through HTIF with code 0.
//
// Traps. Every trap goes to a handler that appends a record (layout.ts
// TRAP_FIELDS) to the trap log and resumes after the trapping instruction
// (its length read from memory). An ECALL always reaches M-mode (programs
// never delegate causes 8-11) and means "continue in M-mode": the handler
// returns to the next instruction with MPP = M, MPV = 0. The S-mode handler
// (stvec) and the VS-mode handler (vstvec) live in R3 and do the same for
// the exceptions a program delegates, with SUM set while they read the
// instruction. A trap the harness cannot attribute to the program (its pc
// outside the programs' code, an interrupt, or more than MAX_TRAPS traps)
// aborts the program: its dump follows at once with `aborted` = 1.
//
// Handlers swap x31 with their mode's scratch CSR (mscratch, sscratch,
// vsscratch), so programs never write those.
import { DATA_BASE, DATA_SIZE, MAX_TRAPS, R0, R1, R2, R3, REGION_SIZE, TAG_HS, TAG_M, TAG_VS } from "./layout.js";

/** One program as the harness needs it: its code and its set-up block. */
export interface BatchEntry {
  /** Printed in the program's dump line (the program's position in the batch list, usually). */
  index: number;
  /** Assembly of the program body; runs from its first line, in M-mode; the harness adds the jump to qd_end. */
  code: string;
  /** x1..x31 at entry (x2 must be DATA_SP). */
  x: readonly bigint[];
  /** f0..f31 at entry (raw bits). */
  f: readonly bigint[];
  fcsr: number;
  medeleg: bigint;
  hedeleg: bigint;
  /** Interrupt delegation: SSIP (bit 1) in mideleg, VSSIP (bit 2) in hideleg, or nothing. */
  mideleg: bigint;
  hideleg: bigint;
  /** Written to mcounteren, scounteren and hcounteren. */
  counteren: number;
  /** Seeds the data-area fill (a 64-bit LCG). */
  dataSeed: bigint;
}

// Priv §3.1.6 / §9.2.1: the status fields the harness sets.
const MSTATUS_FS_DIRTY = 0x6000n;
const MSTATUS_MPP_M = 0x1800n;
const MSTATUS_MPV = 1n << 39n;
const HSTATUS_VSXL_64 = 2n << 32n;
/** Recorded by the M handler: MIE, MPIE, SPP, MPP, GVA, MPV. */
const M_TRAP_STATUS_MASK = 0x8n | 0x80n | 0x100n | 0x1800n | (1n << 38n) | MSTATUS_MPV;
/** Recorded by the HS handler: sstatus SIE, SPIE, SPP; hstatus GVA, SPV, SPVP (shifted up by 32). */
const S_TRAP_STATUS_MASK = 0x2n | 0x20n | 0x100n;
const H_TRAP_STATUS_MASK = 0x40n | 0x80n | 0x100n;
const SSTATUS_SUM = 1n << 18n;

// Sv39 PTE bits (Priv §4.3.1).
const V = 1n,
  R = 2n,
  W = 4n,
  X = 8n,
  U = 16n,
  A = 64n,
  D = 128n;

/** The S-stage and VS-stage tables a program may install in satp or vsatp (leaf permissions of R0..R3). */
export const S_TABLES = {
  /** Everything supervisor-only: S runs, U cannot. */
  S: [R | W | X, R | W, R | W, R | X],
  /** Program code and data user pages: U runs; S cannot run program code. */
  U: [R | W | X | U, R | W | U, R | W, R | X],
  /** Supervisor code, user data: S reaches the data area only with SUM. */
  SUM: [R | W | X, R | W | U, R | W, R | X],
  /** Data area read-only. */
  RO: [R | W | X, R, R | W, R | X],
  /** Data area execute-only: loads need MXR, stores fault. */
  XO: [R | W | X, X, R | W, R | X],
} as const;
export type STable = keyof typeof S_TABLES;

/** The G-stage tables (Sv39x4) a program may install in hgatp. Every G-stage leaf is a user page (Priv §9.5.1). */
export const G_TABLES = {
  ALL: [R | W | X | U, R | W | X | U, R | W | U, R | X | U],
  /** Data area read-only for the guest. */
  RO: [R | W | X | U, R | U, R | W | U, R | X | U],
  /** Data area not mapped for the guest. */
  NONE: [R | W | X | U, 0n, R | W | U, R | X | U],
} as const;
export type GTable = keyof typeof G_TABLES;

/** Physical address of a table's root, as the page-table data below places them. */
export function sTableRoot(t: STable): number {
  return R2 + 0x2000 * Object.keys(S_TABLES).indexOf(t);
}
export function gTableRoot(t: GTable): number {
  return R2 + 0x10000 + 0x8000 * Object.keys(G_TABLES).indexOf(t);
}

function pteTo(addr: number, bits: bigint): bigint {
  return (BigInt(addr >>> 12) << 10n) | bits;
}

/** The page tables' data (at R2): per S table a root and an L1 page; per G table a 16 KiB root and an L1 page. */
function pageTables(): string {
  const out: string[] = ['  .section .qd.tables, "aw", @progbits'];
  const table = (addr: number, entries: Map<number, bigint>, size: number) => {
    out.push(`  .balign ${size}`, `  # table at 0x${addr.toString(16)}`);
    let last = 0;
    for (const [i, v] of [...entries].sort((a, b) => a[0] - b[0])) {
      if (i > last) out.push(`  .zero ${8 * (i - last)}`);
      out.push(`  .dword 0x${v.toString(16)}`);
      last = i + 1;
    }
    out.push(`  .zero ${size - 8 * last}`);
  };
  const leaves = (perms: readonly bigint[]) =>
    new Map(perms.map((p, i) => [i, p === 0n ? 0n : pteTo(R0 + i * REGION_SIZE, p | V | A | D)] as const));
  for (const name of Object.keys(S_TABLES) as STable[]) {
    const root = sTableRoot(name);
    // VA 0x8000_0000 is root index 2 (VA[38:30]); its L1 entries 0..3 are R0..R3.
    table(root, new Map([[2, pteTo(root + 0x1000, V)]]), 0x1000);
    table(root + 0x1000, leaves(S_TABLES[name]), 0x1000);
  }
  out.push("  .balign 0x8000");
  for (const name of Object.keys(G_TABLES) as GTable[]) {
    const root = gTableRoot(name);
    table(root, new Map([[2, pteTo(root + 0x4000, V)]]), 0x4000);
    table(root + 0x4000, leaves(G_TABLES[name]), 0x1000);
    out.push("  .zero 0x3000");
  }
  return out.join("\n");
}

const hex = (v: bigint | number) => `0x${BigInt.asUintN(64, BigInt(v)).toString(16)}`;

/** Save-area layout (the area mscratch points at). */
/** The handlers' scratch registers (never x31, which holds the save area). */
const SAVE_REGS = ["t0", "t1", "t2", "a0", "a1", "a2", "a3", "a4"];
const RES_X = 128; // x1..x31 at RES_X + 8 * (n - 1)
const RES_F = RES_X + 31 * 8;
const RES_CSR = RES_F + 32 * 8; // fcsr, then the CSRs

/** Offsets in a set-up block (see BatchEntry). */
const BLK_X = 0,
  BLK_F = 248,
  BLK_FCSR = 504,
  BLK_MEDELEG = 512,
  BLK_HEDELEG = 520,
  BLK_COUNTEREN = 528,
  BLK_SEED = 536,
  BLK_INDEX = 544,
  BLK_MIDELEG = 552,
  BLK_HIDELEG = 560,
  BLK_SIZE = 568;

/** Saves the handler's scratch registers into the area x31 points at. */
const saveRegs = () => SAVE_REGS.map((r, i) => `  sd ${r}, ${8 * i}(x31)`).join("\n");
const restoreRegs = () => SAVE_REGS.map((r, i) => `  ld ${r}, ${8 * i}(x31)`).join("\n");

/**
 * After a trap is recorded (cause in a1): zero xtval for illegal-instruction,
 * breakpoint and virtual-instruction traps, whose xtval is the
 * implementation's choice (docs/qemu-differences.md#tval-of-illegal-and-virtual-instructions,
 * #tval-of-ebreak); with `extra` = "mtval2", zero it after any trap but a
 * guest-page fault; with "hstatus", clear hstatus.GVA after a breakpoint
 * (it says whether stval holds the pc) and zero htval as mtval2
 * (#mtval2-and-htval-after-other-traps). Clobbers a3, a4.
 */
function canonicaliseTval(tval: string, extra: string | null): string {
  const label = `1${tval.length}${extra?.length ?? 0}`;
  const lines = [
    // In the VS handler QEMU 7.2 numbers a delegated illegal instruction 1 and
    // a misaligned store 5 (docs/qemu-differences.md#vs-exception-cause);
    // neither 1 nor 5 can happen there otherwise: put the spec's cause back.
    ...(extra === "vs"
      ? [
          `  li a3, 5`,
          `  bne a1, a3, ${label}6f`,
          `  li a1, 6`,
          `  csrw scause, a1`,
          `${label}6:`,
          `  li a3, 1`,
          `  bne a1, a3, ${label}5f`,
          `  li a1, 2`,
          `  csrw scause, a1`,
          `${label}5:`,
        ]
      : []),
    `  li a3, 2`,
    `  beq a1, a3, ${label}f`,
    `  li a3, 22`,
    `  beq a1, a3, ${label}f`,
    `  li a3, 3`,
    `  bne a1, a3, ${label}9f`,
    ...(extra === "hstatus" ? [`  li a4, 0x40`, `  csrc hstatus, a4`] : []),
    `${label}:`,
    `  csrw ${tval}, zero`,
    `${label}9:`,
  ];
  const tval2 = extra === "mtval2" ? "mtval2" : extra === "hstatus" ? "htval" : null;
  if (tval2 !== null) {
    // Causes 20, 21 and 23 keep it; 22 and everything else (interrupts too) zero it.
    lines.push(
      `  addi a3, a1, -20`,
      `  li a4, 4`,
      `  bgeu a3, a4, ${label}8f`,
      `  li a4, 2`,
      `  bne a3, a4, ${label}7f`,
      `${label}8:`,
      `  csrw ${tval2}, zero`,
      `${label}7:`,
    );
  }
  return lines.join("\n");
}

/**
 * The body shared by the HS and VS handlers: log the trap, skip the
 * instruction and SRET. With V=1 the S-level CSR names reach the VS copies.
 */
function sHandler(name: string, tag: number): string {
  const status =
    tag === TAG_HS
      ? `  csrr a3, sstatus
  li a4, ${hex(S_TRAP_STATUS_MASK)}
  and a3, a3, a4
  csrr a4, hstatus
  andi a4, a4, ${hex(H_TRAP_STATUS_MASK)}
  slli a4, a4, 32
  or a3, a3, a4
  sd a3, 32(a2)
  csrr a3, htval
  sd a3, 40(a2)`
      : `  csrr a3, sstatus
  li a4, ${hex(S_TRAP_STATUS_MASK)}
  and a3, a3, a4
  sd a3, 32(a2)
  sd zero, 40(a2)`;
  return `
  .balign 4
${name}:
  csrrw x31, sscratch, x31
${saveRegs()}
  csrr t0, sepc
  la t1, qd_text_start
  bltu t0, t1, ${name}_abort
  la t1, qd_text_end
  bgeu t0, t1, ${name}_abort
  la t1, qd_log_count
  ld t2, 0(t1)
  li a1, ${MAX_TRAPS}
  bgeu t2, a1, ${name}_abort
  addi a1, t2, 1
  sd a1, 0(t1)
  li a1, 48
  mul a1, t2, a1
  la a2, qd_log
  add a2, a2, a1
  li a1, ${tag}
  sd a1, 0(a2)
  csrr a1, scause
  sd a1, 8(a2)
  csrr a3, stval
  sd a3, 16(a2)
  sd t0, 24(a2)
${status}
${canonicaliseTval("stval", tag === TAG_HS ? "hstatus" : "vs")}
  # An interrupt: clear what the program raised and go on where it struck.
  bltz a1, ${name}_irq
  # Skip the instruction: its length from its low bits, read with SUM set
  # (the program may run from user pages).
  li a3, ${hex(SSTATUS_SUM)}
  csrrs a4, sstatus, a3
  lhu a3, 0(t0)
  csrw sstatus, a4
  andi a3, a3, 3
  li a4, 3
  addi t0, t0, 2
  bne a3, a4, 1f
  addi t0, t0, 2
1:
  csrw sepc, t0
${name}_out:
${restoreRegs()}
  csrrw x31, sscratch, x31
  sret
${name}_irq:
  li a3, 2
  csrc sip, a3
${tag === TAG_HS ? "  li a3, 4\n  csrc hvip, a3" : ""}
  j ${name}_out
  # An SRET that traps (TSR/VTSR) resumes here: give up on the program.
${name}_abort:
${tag === TAG_VS ? "  csrr a1, scause\n" + canonicaliseTval("stval", "vs").replace(/\b1(\d)/g, "2$1") : ""}
  ecall
  j ${name}_abort`;
}

/** The harness and trap handlers: the fixed part of every batch. */
function harnessText(): string {
  const loadF = Array.from({ length: 32 }, (_, i) => `  fld f${i}, ${BLK_F + 8 * i}(s2)`).join("\n");
  const loadX = Array.from({ length: 30 }, (_, i) => `  ld x${i + 1}, ${BLK_X + 8 * i}(x31)`).join("\n");
  const storeX = Array.from({ length: 30 }, (_, i) => `  sd x${i + 1}, ${RES_X + 8 * i}(x31)`).join("\n");
  const storeF = Array.from({ length: 32 }, (_, i) => `  fsd f${i}, ${RES_F + 8 * i}(s0)`).join("\n");
  const csrs = [
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
  ];
  // fcsr at RES_CSR, mstatus at +8 (read before FS is forced on), the rest after.
  const storeCsrs = csrs.map((c, i) => `  csrr t0, ${c}\n  sd t0, ${RES_CSR + 16 + 8 * i}(s0)`).join("\n");
  const nDump = 31 + 32 + 2 + csrs.length; // x, f, fcsr, mstatus, csrs; then hash, aborted, ntraps
  const zeroCsrs = [
    "mepc",
    "mcause",
    "mtval",
    "mtval2",
    "mtinst",
    "sepc",
    "scause",
    "stval",
    "htval",
    "htinst",
    "vsepc",
    "vscause",
    "vstval",
    "mie",
    "hvip",
  ]
    .map((c) => `  csrw ${c}, zero`)
    .join("\n");
  return `
  .section .text.init, "ax", @progbits
  .globl _start
_start:
  # PMP entry 0: all of memory, RWX, for S and U (Priv §3.7).
  li t0, -1
  csrw pmpaddr0, t0
  li t0, 0x1f
  csrw pmpcfg0, t0
  la t0, qd_mtrap
  csrw mtvec, t0
  la t0, qd_state
  sd zero, 0(t0)

qd_next:
  la s3, qd_state
  ld t1, 0(s3)
  la t2, qd_count
  ld t2, 0(t2)
  bgeu t1, t2, qd_all_done
  la t3, qd_progs
  slli t4, t1, 4
  add t3, t3, t4
  ld s1, 0(t3)
  ld s2, 8(t3)
  sd s2, 8(s3)
  sd zero, 16(s3)
  # Translation off, every TLB flushed.
  csrw satp, zero
  csrw hgatp, zero
  csrw vsatp, zero
  sfence.vma
  hfence.gvma
  hfence.vvma
  li t0, ${hex(MSTATUS_FS_DIRTY | MSTATUS_MPP_M)}
  csrw mstatus, t0
  li t0, ${hex(HSTATUS_VSXL_64)}
  csrw hstatus, t0
  li t0, ${hex(MSTATUS_FS_DIRTY)}
  csrw vsstatus, t0
${zeroCsrs}
  # No interrupt pending or enabled: the program raises its own (SSIP, VSSIP).
  li t0, 2
  csrc mip, t0
  ld t0, ${BLK_MIDELEG}(s2)
  csrw mideleg, t0
  ld t0, ${BLK_HIDELEG}(s2)
  csrw hideleg, t0
  ld t0, ${BLK_MEDELEG}(s2)
  csrw medeleg, t0
  ld t0, ${BLK_HEDELEG}(s2)
  csrw hedeleg, t0
  ld t0, ${BLK_COUNTEREN}(s2)
  csrw mcounteren, t0
  csrw scounteren, t0
  csrw hcounteren, t0
  la t0, qd_strap
  csrw stvec, t0
  la t0, qd_vstrap
  csrw vstvec, t0
  la t0, qd_msave
  csrw mscratch, t0
  la t0, qd_hssave
  csrw sscratch, t0
  la t0, qd_vssave
  csrw vsscratch, t0
  # No LR reservation survives from the harness or the previous program.
  la t0, qd_scratch
  sc.d zero, zero, (t0)
  # The data area: a 64-bit LCG from the program's seed.
  ld t0, ${BLK_SEED}(s2)
  li t1, ${hex(DATA_BASE)}
  li t2, ${hex(DATA_BASE + DATA_SIZE)}
  li t3, 0x5851f42d4c957f2d
  li t4, 0x14057b7ef767814f
1:
  mul t0, t0, t3
  add t0, t0, t4
  sd t0, 0(t1)
  addi t1, t1, 8
  bltu t1, t2, 1b
  la t0, qd_log_count
  sd zero, 0(t0)
${loadF}
  ld t0, ${BLK_FCSR}(s2)
  fscsr t0
  csrw mepc, s1
  mv x31, s2
${loadX}
  ld x31, ${BLK_X + 240}(x31)
  mret

# ---- the end of a program (reached by a jump, in M-mode) ----------------
  .globl qd_end
qd_end:
  csrrw x31, mscratch, x31
${storeX}
  csrr x1, mscratch
  sd x1, ${RES_X + 240}(x31)
  csrw mscratch, x31
  mv s0, x31
qd_dump:
  csrr t0, mstatus
  sd t0, ${RES_CSR + 8}(s0)
  li t0, ${hex(MSTATUS_FS_DIRTY)}
  csrs mstatus, t0
  li t0, ${hex(1n << 17n)}
  csrc mstatus, t0
${storeF}
  frcsr t0
  sd t0, ${RES_CSR}(s0)
${storeCsrs}
  # Hash of the data area.
  li t1, ${hex(DATA_BASE)}
  li t2, ${hex(DATA_BASE + DATA_SIZE)}
  li t3, 0x100000001b3
  li t0, 0
1:
  ld t4, 0(t1)
  xor t0, t0, t4
  mul t0, t0, t3
  srli t4, t0, 29
  xor t0, t0, t4
  addi t1, t1, 8
  bltu t1, t2, 1b
  sd t0, ${RES_CSR + 16 + 8 * csrs.length}(s0)
  la s3, qd_state
  ld t0, 16(s3)
  sd t0, ${RES_CSR + 24 + 8 * csrs.length}(s0)
  la t0, qd_log_count
  ld t0, 0(t0)
  sd t0, ${RES_CSR + 32 + 8 * csrs.length}(s0)
  # Print "P<index>:" then the values, then the trap records.
  li a0, 'P'
  jal qd_putc
  ld s2, 8(s3)
  ld a0, ${BLK_INDEX}(s2)
  jal qd_puthex
  li a0, ':'
  jal qd_putc
  addi s4, s0, ${RES_X}
  li s5, ${nDump + 3}
2:
  ld a0, 0(s4)
  jal qd_puthex
  li a0, ','
  jal qd_putc
  addi s4, s4, 8
  addi s5, s5, -1
  bnez s5, 2b
  la s4, qd_log
  la t0, qd_log_count
  ld s5, 0(t0)
  li t0, 6
  mul s5, s5, t0
3:
  beqz s5, 4f
  li t0, 6
  remu t0, s5, t0
  bnez t0, 5f
  li a0, ';'
  jal qd_putc
5:
  ld a0, 0(s4)
  jal qd_puthex
  li a0, ','
  jal qd_putc
  addi s4, s4, 8
  addi s5, s5, -1
  j 3b
4:
  li a0, '\\n'
  jal qd_putc
  la s3, qd_state
  ld t1, 0(s3)
  addi t1, t1, 1
  sd t1, 0(s3)
  j qd_next

qd_all_done:
  li a0, 'D'
  jal qd_putc
  li a0, '\\n'
  jal qd_putc
  li t0, 1
  la t1, tohost
  sd t0, 0(t1)
1:
  j 1b

# putchar(a0) through HTIF: device 1, command 1; waits until the host took it.
qd_putc:
  li t5, 0x0101
  slli t5, t5, 48
  or t5, t5, a0
  la t6, tohost
  sd t5, 0(t6)
1:
  ld t5, 0(t6)
  bnez t5, 1b
  ret

# a0 in hex, no leading zeros.
qd_puthex:
  mv s6, ra
  mv s7, a0
  li s8, 60
1:
  beqz s8, 2f
  srl t0, s7, s8
  bnez t0, 2f
  addi s8, s8, -4
  j 1b
2:
  srl a0, s7, s8
  andi a0, a0, 15
  li t0, 10
  bltu a0, t0, 3f
  addi a0, a0, 'a' - 10 - '0'
3:
  addi a0, a0, '0'
  jal qd_putc
  addi s8, s8, -4
  bgez s8, 2b
  mv ra, s6
  ret

# ---- M-mode trap handler ---------------------------------------------------
  .balign 4
qd_mtrap:
  csrrw x31, mscratch, x31
${saveRegs()}
  csrr t0, mepc
  la t1, qd_text_start
  bltu t0, t1, qd_mabort
  la t1, qd_text_end
  bgeu t0, t1, qd_mabort
  la t1, qd_log_count
  ld t2, 0(t1)
  li a1, ${MAX_TRAPS}
  bgeu t2, a1, qd_mabort
  addi a1, t2, 1
  sd a1, 0(t1)
  li a1, 48
  mul a1, t2, a1
  la a2, qd_log
  add a2, a2, a1
  li a1, ${TAG_M}
  sd a1, 0(a2)
  csrr a1, mcause
  sd a1, 8(a2)
  csrr a3, mtval
  sd a3, 16(a2)
  sd t0, 24(a2)
  csrr a3, mstatus
  li a4, ${hex(M_TRAP_STATUS_MASK)}
  and a3, a3, a4
  sd a3, 32(a2)
  csrr a3, mtval2
  sd a3, 40(a2)
  # Recorded: now make what the spec leaves open read the same on every
  # implementation, for the program's own CSR reads and the final dump.
  # mstatus.GVA and mtval2 (QEMU 7.2 never clears them,
  # docs/qemu-differences.md#mstatusgva, #mtval2-and-htval-after-other-traps):
  li a3, ${hex(1n << 38n)}
  csrc mstatus, a3
${canonicaliseTval("mtval", "mtval2")}
  # An interrupt (the program's SSIP or VSSIP): clear it and go on where it struck.
  bltz a1, 4f
  # ECALL (causes 8-11): continue after it in M-mode.
  addi a3, a1, -8
  li a4, 4
  bltu a3, a4, 2f
  lhu a3, 0(t0)
  andi a3, a3, 3
  li a4, 3
  addi t0, t0, 2
  bne a3, a4, 1f
  addi t0, t0, 2
1:
  csrw mepc, t0
  j 3f
2:
  addi t0, t0, 4
  csrw mepc, t0
  li a3, ${hex(MSTATUS_MPV)}
  csrc mstatus, a3
  li a3, ${hex(MSTATUS_MPP_M)}
  csrs mstatus, a3
  j 3f
4:
  li a3, 2
  csrc mip, a3
  li a3, 4
  csrc hvip, a3
3:
${restoreRegs()}
  csrrw x31, mscratch, x31
  mret

# The program cannot go on: dump what it has now.
qd_mabort:
  la t1, qd_state
  li t2, 1
  sd t2, 16(t1)
  # As after a recorded trap (docs/qemu-differences.md#mstatusgva).
  li t2, ${hex(1n << 38n)}
  csrc mstatus, t2
${restoreRegs()}
  csrrw x31, mscratch, x31
  j qd_end

# ---- S-mode and VS-mode trap handlers (R3) ---------------------------------
  .section .qd.shandlers, "ax", @progbits
${sHandler("qd_strap", TAG_HS)}
${sHandler("qd_vstrap", TAG_VS)}

# ---- harness data (R2) -----------------------------------------------------
  .section .qd.state, "aw", @progbits
  .balign 64
qd_state: .dword 0, 0, 0, 0   # index, set-up block, aborted
qd_scratch: .dword 0
qd_log_count: .dword 0
  .balign 64
qd_msave: .zero ${RES_CSR + 16 + 8 * csrs.length + 64}
  .balign 64
qd_hssave: .zero 128
  .balign 64
qd_vssave: .zero 128
  .balign 64
qd_log: .zero ${48 * MAX_TRAPS}

  .section .tohost, "aw", @progbits
  .balign 64
  .globl tohost
tohost: .dword 0
  .size tohost, 8
  .balign 64
  .globl fromhost
fromhost: .dword 0
  .size fromhost, 8
`;
}

/** The assembly of a whole batch. */
export function batchAssembly(entries: readonly BatchEntry[]): string {
  const parts: string[] = [
    "# Generated by test/qemu-diff (rvhv's differential test against QEMU). Do not edit.",
    "  .option arch, +h",
    "  .option norvc",
    harnessText(),
    pageTables(),
    '  .section .text, "ax", @progbits',
    "  .balign 4",
    "qd_text_start:",
  ];
  entries.forEach((e, k) => {
    parts.push(`  .balign 4`, `qd_p${k}:`, e.code, "  .option norvc", "  j qd_end");
  });
  parts.push("  .balign 4", "qd_text_end:", "  nop");
  parts.push('  .section .qd.blocks, "aw", @progbits', "  .balign 8");
  parts.push(`qd_count: .dword ${entries.length}`, "qd_progs:");
  entries.forEach((_, k) => parts.push(`  .dword qd_p${k}, qd_b${k}`));
  entries.forEach((e, k) => {
    if (e.x.length !== 31 || e.f.length !== 32) throw new Error("set-up block needs 31 x and 32 f values");
    const words = [
      ...e.x,
      ...e.f,
      BigInt(e.fcsr),
      e.medeleg,
      e.hedeleg,
      BigInt(e.counteren),
      e.dataSeed,
      BigInt(e.index),
      e.mideleg,
      e.hideleg,
    ];
    if (words.length * 8 !== BLK_SIZE) throw new Error("set-up block layout");
    parts.push(`qd_b${k}:`);
    for (let i = 0; i < words.length; i += 4)
      parts.push(
        `  .dword ${words
          .slice(i, i + 4)
          .map(hex)
          .join(", ")}`,
      );
  });
  return parts.join("\n") + "\n";
}

/** The linker script: the regions of layout.ts. */
export function linkerScript(): string {
  const at = (n: number) => `0x${n.toString(16)}`;
  return `OUTPUT_ARCH("riscv")
ENTRY(_start)
SECTIONS
{
  . = ${at(R0)};
  .text.init : { *(.text.init) }
  . = ALIGN(0x1000);
  .tohost : { *(.tohost) }
  . = ALIGN(0x1000);
  .text : { *(.text) }
  . = ${at(R1)};
  .qd.data (NOLOAD) : { . += ${DATA_SIZE}; }
  . = ${at(R2)};
  .qd.tables : { *(.qd.tables) }
  .qd.state : { *(.qd.state) }
  .qd.blocks : { *(.qd.blocks) }
  . = ${at(R3)};
  .qd.shandlers : { *(.qd.shandlers) }
  /DISCARD/ : { *(.data) *(.bss) *(.sdata) *(.sbss) *(.comment) *(.riscv.attributes) }
}
`;
}

export { R1 };
