// Counters (Unpriv Zicntr, Priv §3.1.10-11): cycle/instret count retired
// instructions (one cycle per instruction), time reads the platform's mtime.
// The hpm counters and events exist and read zero, as the spec permits.
//
// mcycle and minstret are two counters (Priv §3.1.10): writing one leaves
// the other alone. Each reads as the hart's retired-instruction count
// (Hart.retired(), exact at every instruction and never rewritten) plus an
// offset: a 64-bit value kept in the counter's own CSR storage
// (h.csrLo/csrHi[CSR_MCYCLE] and [CSR_MINSTRET], 0 at reset) that only a
// write to that counter changes. Both advance one per retired instruction,
// and any 64-bit value reads back exactly (the count is a double, exact far
// beyond any run; the offset is two int32 halves).
import {
  CSR_CYCLE,
  CSR_HPMCOUNTER3,
  CSR_INSTRET,
  CSR_HCOUNTEREN,
  CSR_MCOUNTEREN,
  CSR_MCOUNTINHIBIT,
  CSR_MCYCLE,
  CSR_MHPMCOUNTER3,
  CSR_MHPMEVENT3,
  CSR_MINSTRET,
  CSR_SCOUNTEREN,
  CSR_TIME,
  PRIV_M,
  PRIV_U,
} from "../constants.js";
import type { Hart } from "../hart.js";
import { add64, hiOf, loOf, r, sub64 } from "../int64.js";
import { CSR_ILLEGAL, CSR_OK, CSR_VIRTUAL, csrOut, defineCsr, zeroCsr } from "./table.js";
import { guestTime } from "../timer.js";

function readNumber(v: number): number {
  csrOut.hi = hiOf(v);
  return loOf(v);
}

/** Reads counter `csrno` (CSR_MCYCLE or CSR_MINSTRET): retired count + offset, mod 2^64. */
function readCounter(h: Hart, csrno: number): number {
  const retired = h.retired();
  const lo = add64(loOf(retired), hiOf(retired), h.csrLo[csrno], h.csrHi[csrno]);
  csrOut.hi = r.hi;
  return lo;
}
/**
 * Sets the offset so that the next instruction reads the value written: the
 * writing instruction's own retirement does not count.
 */
function writeCounter(h: Hart, csrno: number, lo: number, hi: number): void {
  const next = h.retired() + 1;
  h.csrLo[csrno] = sub64(lo, hi, loOf(next), hiOf(next));
  h.csrHi[csrno] = r.hi;
}
defineCsr(CSR_MCYCLE, { name: "mcycle", read: readCounter, write: writeCounter });
defineCsr(CSR_MINSTRET, { name: "minstret", read: readCounter, write: writeCounter });
// All inhibit bits are hardwired to zero (Priv §3.1.12 allows it).
defineCsr(CSR_MCOUNTINHIBIT, zeroCsr("mcountinhibit"));
for (let i = 3; i < 32; i++) {
  defineCsr(CSR_MHPMCOUNTER3 + i - 3, zeroCsr(`mhpmcounter${i}`));
  defineCsr(CSR_MHPMEVENT3 + i - 3, zeroCsr(`mhpmevent${i}`));
}

/**
 * Priv §3.1.11, §9.2.6, §9.6.1: below M, counter n needs mcounteren[n]
 * (else illegal). With V=1 it also needs hcounteren[n], and in VU-mode
 * scounteren[n] (else a virtual instruction); in U-mode, scounteren[n]
 * (else illegal).
 */
function counterEnabled(h: Hart, csrno: number): number {
  const bit = 1 << (csrno & 31);
  if (h.priv === PRIV_M) return CSR_OK;
  if ((h.csrLo[CSR_MCOUNTEREN] & bit) === 0) return CSR_ILLEGAL;
  if (h.virt) {
    if ((h.csrLo[CSR_HCOUNTEREN] & bit) === 0) return CSR_VIRTUAL;
    if (h.priv === PRIV_U && (h.csrLo[CSR_SCOUNTEREN] & bit) === 0) return CSR_VIRTUAL;
    return CSR_OK;
  }
  if (h.priv === PRIV_U && (h.csrLo[CSR_SCOUNTEREN] & bit) === 0) return CSR_ILLEGAL;
  return CSR_OK;
}

defineCsr(CSR_CYCLE, { name: "cycle", predicate: counterEnabled, read: (h) => readCounter(h, CSR_MCYCLE) });
defineCsr(CSR_INSTRET, { name: "instret", predicate: counterEnabled, read: (h) => readCounter(h, CSR_MINSTRET) });
// Priv §9.2.7: with V=1, time reads time + htimedelta.
defineCsr(CSR_TIME, {
  name: "time",
  predicate: counterEnabled,
  read(h) {
    if (!h.virt) return readNumber(h.platform.readTime());
    const lo = guestTime(h);
    csrOut.hi = r.hi;
    return lo;
  },
});
for (let i = 3; i < 32; i++) {
  defineCsr(CSR_HPMCOUNTER3 + i - 3, { ...zeroCsr(`hpmcounter${i}`), predicate: counterEnabled, write: undefined });
}
