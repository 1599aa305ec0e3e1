// What the comparison leaves out, and why. Each rule names the section of
// docs/qemu-differences.md that explains it: a result the spec leaves to
// the implementation, or a QEMU 7.2 deviation from the ratified spec.
//
// Two kinds of rule:
//   - normalisation: a field both emulators may legitimately fill
//     differently is blanked in both dumps before they are compared;
//   - known deviations: when the first difference in a program is a trap
//     QEMU 7.2 is known to get wrong, the program is set aside ("excluded",
//     counted by reason) instead of reported, because everything after that
//     trap legitimately differs too.
import { DUMP_FIELDS, TAG_HS, TAG_M, TAG_VS, TRAP_FIELDS } from "./layout.js";

const F = (name: string) => TRAP_FIELDS.indexOf(name);
const D = (name: string) => DUMP_FIELDS.indexOf(name);
const u64 = (s: string | undefined) => BigInt(`0x${s ?? "0"}`);
const hex = (v: bigint) => v.toString(16);

/** Exception causes whose xtval holds an address (Priv §3.1.16), so GVA can be 1 (Priv §9.4.1 mstatus.GVA). */
const ADDRESS_CAUSES = new Set([0, 1, 3, 4, 5, 6, 7, 12, 13, 15, 20, 21, 23]);
const MSTATUS_GVA = 1n << 38n;
const SSTATUS_SD = 1n << 63n;

/** Guest-page faults: the only traps that write mtval2/htval (Priv §9.4.4, §9.2.8: zero for other traps). */
const GUEST_PAGE_FAULTS = new Set([20, 21, 23]);
/** Faults of a load, and of a store or AMO (Priv §3.1.15, §9.6.2): misaligned, access, page, guest-page. */
const LOAD_FAULTS = new Set([4, 5, 13, 21]);
const STORE_FAULTS = new Set([6, 7, 15, 23]);

export type Emulator = "rvhv" | "qemu";

/**
 * docs/qemu-differences.md#vs-exception-cause: QEMU 7.2 takes 1 off the cause
 * of an exception delegated to VS-mode when the cause equals a VS-level
 * interrupt number (2, 6, 10), as it should for interrupts only. Our
 * programs never cause fetch access faults (1) or load access faults (5) in
 * VS-mode, so QEMU's 1 and 5 there are read back as 2 and 6.
 */
function vsCause(cause: number, who: Emulator): number {
  if (who === "qemu" && (cause === 1 || cause === 5)) return cause + 1;
  return cause;
}

/** A trap record with the implementation-defined parts blanked (values in hex, as dumped). */
export function normaliseTrap(rec: readonly string[], who: Emulator): string[] {
  const out = [...rec];
  const tag = Number(u64(out[F("tag")]));
  if (tag === TAG_VS) out[F("cause")] = hex(BigInt(vsCause(Number(u64(out[F("cause")])), who)));
  const cause = Number(u64(out[F("cause")]));
  // docs/qemu-differences.md#tval-of-illegal-and-virtual-instructions: Priv §3.1.16
  // lets xtval be 0 or the instruction bits.
  if (cause === 2 || cause === 22) out[F("tval")] = "*";
  // docs/qemu-differences.md#tval-of-ebreak: 0 or the pc; GVA follows what tval holds.
  if (cause === 3) {
    out[F("tval")] = "*";
    out[F("status")] = hex(u64(out[F("status")]) & ~MSTATUS_GVA); // hstatus.GVA is recorded at the same bit
  }
  // docs/qemu-differences.md#mtval2-and-htval-after-other-traps: QEMU 7.2
  // leaves the last guest physical address in mtval2 and htval.
  if ((tag === TAG_M || tag === TAG_HS) && !GUEST_PAGE_FAULTS.has(cause)) out[F("tval2")] = "*";
  if (tag === TAG_M) {
    const st = u64(out[F("status")]);
    const fromV = (st & (1n << 39n)) !== 0n;
    // docs/qemu-differences.md#mstatusgva: QEMU 7.2 sets GVA on a trap into M from
    // V=1 whenever tval is nonzero, address or not, and never for a trap from
    // V=0 (HLV/HSV, MPRV with MPV).
    if (!ADDRESS_CAUSES.has(cause) || !fromV) out[F("status")] = hex(st & ~MSTATUS_GVA);
  }
  return out;
}

/** A dump's values with the implementation-defined parts blanked. */
export function normaliseDump(values: readonly string[], traps: readonly (readonly string[])[]): string[] {
  const out = [...values];
  // docs/qemu-differences.md#vsstatussd: QEMU 7.2 never sets vsstatus.SD.
  const vs = D("vsstatus");
  if (out[vs] !== undefined) out[vs] = hex(u64(out[vs]) & ~SSTATUS_SD);
  // docs/qemu-differences.md#vs-traps-write-hs-csrs: QEMU 7.2 writes htval
  // and hstatus.GVA on traps into VS-mode too. After such a trap their value
  // is QEMU's.
  // The trap that aborted a program is in the dump's CSRs of the level that
  // took it, not in a record (handlers zero the others' tval): its tval is as
  // open as normaliseTrap says (Priv §3.1.16).
  if (u64(out[D("aborted")]) === 1n) {
    for (const [cause, tval] of [
      ["mcause", "mtval"],
      ["scause", "stval"],
      ["vscause", "vstval"],
    ]) {
      if ([2, 3, 22].includes(Number(u64(out[D(cause)])))) out[D(tval)] = "*";
    }
  }
  const tags = traps.map((t) => Number(u64(t[F("tag")])));
  const lastVsAt = tags.lastIndexOf(TAG_VS);
  const lastHsAt = tags.lastIndexOf(TAG_HS);
  if (lastVsAt > lastHsAt) {
    out[D("htval")] = "*";
    out[D("hstatus")] = hex(u64(out[D("hstatus")]) & ~0x40n);
  }
  return out;
}

/** The privilege a trap record says the trap came from. */
function trappedFrom(rec: readonly string[]): "M" | "HS" | "U" | "VS" | "VU" | "?" {
  const tag = Number(u64(rec[F("tag")]));
  const st = u64(rec[F("status")]);
  if (tag === TAG_M) {
    const mpp = Number((st >> 11n) & 3n);
    const mpv = (st >> 39n) & 1n;
    if (mpv) return mpp === 0 ? "VU" : "VS";
    return mpp === 3 ? "M" : mpp === 1 ? "HS" : "U";
  }
  if (tag === TAG_HS) {
    const spp = (st >> 8n) & 1n;
    const spv = (st >> 39n) & 1n; // hstatus.SPV (bit 7) recorded shifted up by 32
    if (spv) return spp ? "VS" : "VU";
    return spp ? "HS" : "U";
  }
  return (st >> 8n) & 1n ? "VS" : "VU";
}

/** What kind of instruction a word is, as far as the known deviations care. */
function classify(insn: number | null) {
  if (insn === null) return null;
  const opcode = insn & 0x7f;
  const system = opcode === 0x73;
  const funct3 = (insn >>> 12) & 7;
  const funct7 = insn >>> 25;
  const csr = insn >>> 20;
  const amo = opcode === 0x2f;
  const hlsv = system && funct3 === 4 && funct7 >= 0x30 && funct7 <= 0x37;
  return {
    csr: system && (funct3 & 3) !== 0 ? csr : -1,
    sret: insn === 0x10200073,
    sfence: system && funct3 === 0 && (insn & 0x7fff) === 0x73 && funct7 === 0x09,
    hfence: system && funct3 === 0 && (insn & 0x7fff) === 0x73 && (funct7 === 0x11 || funct7 === 0x31),
    sc: amo && insn >>> 27 === 0b00011,
    amo: amo && insn >>> 27 !== 0b00010, // SC and the AMOs, not LR
    hlsv,
    hlvx: hlsv && (funct7 === 0x32 || funct7 === 0x34) && ((insn >>> 20) & 31) === 3,
  };
}

/** A QEMU deviation that explains a difference: its anchor in docs/qemu-differences.md. */
export type KnownDeviation =
  | "vu-virtual-instruction"
  | "amo-fault-cause"
  | "hlv-vs-stage-fault"
  | "failed-sc-permissions"
  | "vtvm-satp"
  | "tvm-hgatp"
  | "hlvx-gstage-execute"
  | "tvm-tsr-in-vs";

/**
 * Whether the first differing trap record of a program is a known QEMU 7.2
 * deviation. `insnAt` reads the instruction word at an address of the ELF.
 */
export function knownDeviation(
  rvhvTraps: readonly (readonly string[])[],
  qemuTraps: readonly (readonly string[])[],
  insnAt: (addr: bigint) => number | null,
): KnownDeviation | null {
  const n = Math.min(rvhvTraps.length, qemuTraps.length);
  for (let t = 0; t < n; t++) {
    const a = normaliseTrap(rvhvTraps[t], "rvhv");
    const b = normaliseTrap(qemuTraps[t], "qemu");
    if (a.join() === b.join()) continue;
    const ca = Number(u64(a[F("cause")]));
    const cb = Number(u64(b[F("cause")]));
    const sameEpc = a[F("epc")] === b[F("epc")];
    // The instruction rvhv trapped on, and the one QEMU trapped on.
    const ia = classify(insnAt(u64(a[F("epc")])));
    const ib = classify(insnAt(u64(b[F("epc")])));
    if (ia === null || ib === null) return null;
    const fromA = trappedFrom(rvhvTraps[t]);
    const fromB = trappedFrom(qemuTraps[t]);

    // #failed-sc-permissions: "No SC instruction shall retire unless it
    // passes memory permission checks" (Unpriv §14.2), and a misaligned SC
    // traps; QEMU 7.2 fails an SC without a reservation before any check.
    if (ia.sc && [6, 7, 15, 23].includes(ca) && !sameEpc) return "failed-sc-permissions";
    // #tvm-tsr-in-vs: mstatus.TVM and TSR act in HS-mode only (Priv §9.4.1);
    // QEMU 7.2 applies them in VS-mode too. Illegal instruction is never
    // right there for satp, SFENCE.VMA or SRET.
    if (cb === 2 && fromB === "VS" && (ib.sret || ib.sfence || ib.csr === 0x180)) return "tvm-tsr-in-vs";
    // #vtvm-satp: with hstatus.VTVM = 1 a VS-mode access to satp is a
    // virtual-instruction exception (Priv §9.2.1); QEMU 7.2 lets it through.
    if (ca === 22 && ia.csr === 0x180 && fromA === "VS" && !sameEpc) return "vtvm-satp";
    // #tvm-hgatp: with mstatus.TVM = 1 an HS-mode access to hgatp is an
    // illegal instruction (Priv §9.2.10); QEMU 7.2 lets it through.
    if (ca === 2 && ia.csr === 0x680 && fromA === "HS" && !sameEpc) return "tvm-hgatp";
    // #hlvx-gstage-execute: HLVX needs execute permission in the G-stage too
    // (Priv §9.3.1); QEMU 7.2 checks read permission there.
    if (ia.hlvx && ca === 21 && !sameEpc) return "hlvx-gstage-execute";
    if (!sameEpc) return null;
    // #vu-virtual-instruction: an S- or H-level CSR access, SRET, SFENCE.VMA
    // or HFENCE from VU-mode is a virtual-instruction exception (Priv §9.6.1);
    // QEMU 7.2 raises illegal instruction.
    const sOrHCsr = ia.csr >= 0 && (((ia.csr >> 8) & 3) === 1 || ((ia.csr >> 8) & 3) === 2);
    if (ca === 22 && cb === 2 && fromA === "VU" && (sOrHCsr || ia.sret || ia.sfence || ia.hfence)) {
      return "vu-virtual-instruction";
    }
    // #amo-fault-cause: AMOs and SC raise store/AMO exceptions (Priv §3.1.15);
    // QEMU 7.2 first checks them as loads, and raises the load fault when the
    // address is misaligned or not readable. That fault need not be the load
    // twin of the right one: with a read-only VS-stage page and an unmapped
    // G-stage page, the VS-stage store page fault (15) comes first (Priv
    // §9.5), where QEMU's load check passes the VS-stage and fails the
    // G-stage (21).
    if (ia.amo && STORE_FAULTS.has(ca) && LOAD_FAULTS.has(cb)) return "amo-fault-cause";
    // #hlv-vs-stage-fault: a VS-stage permission fault of HLV/HLVX/HSV is a
    // page fault (Priv §9.3.1, "as though V=1"); QEMU 7.2 raises an access fault.
    if (ia.hlsv && [12, 13, 15].includes(ca) && [5, 7].includes(cb)) return "hlv-vs-stage-fault";
    return null;
  }
  return null;
}
