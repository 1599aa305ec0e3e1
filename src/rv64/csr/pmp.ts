// PMP configuration and address CSRs (Priv §3.7.1). RV64: only the even
// pmpcfg registers exist, each holding eight entries' configuration bytes.
import { CSR_PMPADDR0, CSR_PMPCFG0 } from "../constants.js";
import type { Hart } from "../hart.js";
import { PMP_ENTRIES } from "../mmu/pmp.js";
import { csrOut, defineCsr, zeroCsr } from "./table.js";

/** Priv §3.7.1: the W=1,R=0 combination is reserved; we keep the old byte. */
function legalCfg(old: number, v: number): number {
  return (v & 3) === 2 ? old : v & 0x9f;
}

function pmpChanged(h: Hart): void {
  h.pmp.update();
  h.mmu.flush();
}

for (let reg = 0; reg < 16; reg += 2) {
  const first = reg * 4;
  if (first >= PMP_ENTRIES) {
    defineCsr(CSR_PMPCFG0 + reg, zeroCsr(`pmpcfg${reg}`));
    continue;
  }
  defineCsr(CSR_PMPCFG0 + reg, {
    name: `pmpcfg${reg}`,
    read(h) {
      const c = h.pmp.cfg;
      csrOut.hi = c[first + 4] | (c[first + 5] << 8) | (c[first + 6] << 16) | (c[first + 7] << 24);
      return c[first] | (c[first + 1] << 8) | (c[first + 2] << 16) | (c[first + 3] << 24);
    },
    write(h, _csrno, lo, hi) {
      for (let k = 0; k < 8; k++) {
        const i = first + k;
        if (h.pmp.cfgLocked(i)) continue;
        const byte = (k < 4 ? lo >>> (8 * k) : hi >>> (8 * (k - 4))) & 0xff;
        h.pmp.cfg[i] = legalCfg(h.pmp.cfg[i], byte);
      }
      pmpChanged(h);
    },
  });
}

for (let i = 0; i < 64; i++) {
  if (i >= PMP_ENTRIES) {
    defineCsr(CSR_PMPADDR0 + i, zeroCsr(`pmpaddr${i}`));
    continue;
  }
  defineCsr(CSR_PMPADDR0 + i, {
    name: `pmpaddr${i}`,
    read(h) {
      csrOut.hi = h.pmp.addrHi[i];
      return h.pmp.addrLo[i];
    },
    write(h, _csrno, lo, hi) {
      if (h.pmp.addrLocked(i)) return;
      h.pmp.addrLo[i] = lo;
      h.pmp.addrHi[i] = hi & 0x3fffff; // pmpaddr holds bits 55:2 (54 bits)
      pmpChanged(h);
    },
  });
}
