// Counters (Unpriv Zicntr, Priv §3.1.10-12): cycle/instret count retired
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
//
// mcountinhibit (Priv §3.1.12): while CY (IR) is set, mcycle (minstret)
// does not count. Its storage then holds the frozen value itself instead of
// an offset; setting the bit freezes the value the inhibiting instruction
// read, clearing it turns the value back into an offset. The instruction
// that writes mcountinhibit is not counted either way (as an instruction
// that writes the counter itself is not). The hpm inhibit bits are
// read-only zero with their counters, and TM does not exist (bit 1 is 0).
import {
  CSR_CYCLE,
  CSR_HPMCOUNTER3,
  CSR_INSTRET,
  CSR_HCOUNTEREN,
  CSR_MCOUNTEREN,
  CSR_MCOUNTINHIBIT,
  CSR_MCYCLE,
  MCOUNTINHIBIT_CY,
  MCOUNTINHIBIT_IR,
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

/** mcountinhibit's bit for counter `csrno` (CSR_MCYCLE or CSR_MINSTRET). */
function inhibitBit(csrno: number): number {
  return csrno === CSR_MCYCLE ? MCOUNTINHIBIT_CY : MCOUNTINHIBIT_IR;
}

/** Reads counter `csrno` (CSR_MCYCLE or CSR_MINSTRET): retired count + offset mod 2^64, or the frozen value. */
function readCounter(h: Hart, csrno: number): number {
  if ((h.csrLo[CSR_MCOUNTINHIBIT] & inhibitBit(csrno)) !== 0) {
    csrOut.hi = h.csrHi[csrno];
    return h.csrLo[csrno];
  }
  const retired = h.retired();
  const lo = add64(loOf(retired), hiOf(retired), h.csrLo[csrno], h.csrHi[csrno]);
  csrOut.hi = r.hi;
  return lo;
}
/**
 * Sets the offset so that the next instruction reads the value written: the
 * writing instruction's own retirement does not count. An inhibited counter
 * just holds the value.
 */
function writeCounter(h: Hart, csrno: number, lo: number, hi: number): void {
  if ((h.csrLo[CSR_MCOUNTINHIBIT] & inhibitBit(csrno)) !== 0) {
    h.csrLo[csrno] = lo;
    h.csrHi[csrno] = hi;
    return;
  }
  const next = h.retired() + 1;
  h.csrLo[csrno] = sub64(lo, hi, loOf(next), hiOf(next));
  h.csrHi[csrno] = r.hi;
}
defineCsr(CSR_MCYCLE, { name: "mcycle", read: readCounter, write: writeCounter });
defineCsr(CSR_MINSTRET, { name: "minstret", read: readCounter, write: writeCounter });

const MCOUNTINHIBIT_WRITABLE = MCOUNTINHIBIT_CY | MCOUNTINHIBIT_IR;
const INHIBITABLE: readonly number[] = [CSR_MCYCLE, CSR_MINSTRET];
defineCsr(CSR_MCOUNTINHIBIT, {
  name: "mcountinhibit",
  read(h) {
    csrOut.hi = 0;
    return h.csrLo[CSR_MCOUNTINHIBIT];
  },
  write(h, _csrno, lo) {
    const next = lo & MCOUNTINHIBIT_WRITABLE;
    for (const csrno of INHIBITABLE) {
      const bit = inhibitBit(csrno);
      if (((h.csrLo[CSR_MCOUNTINHIBIT] ^ next) & bit) === 0) continue;
      // Read the value under the old setting, then store it under the new one.
      const vLo = readCounter(h, csrno);
      const vHi = csrOut.hi;
      h.csrLo[CSR_MCOUNTINHIBIT] ^= bit;
      writeCounter(h, csrno, vLo, vHi);
    }
  },
});
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
