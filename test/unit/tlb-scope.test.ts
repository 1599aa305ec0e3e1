// TLB flushes drop only what they name (issue 13): a change of the host's
// translation (satp, SFENCE.VMA with V=0) keeps the guests' cached
// translations; the guests' fences (HFENCE.VVMA, HFENCE.GVMA, SFENCE.VMA with
// V=1) keep the host's and other VMIDs'; and a guest switch (hgatp, vsatp)
// keeps every address space's entries for when it comes back. And what
// atomics cache: their translations, like a load's or a store's.
import { describe, expect, it } from "vitest";
import { CSR_HGATP, CSR_PMPADDR0, CSR_PMPCFG0, CSR_SATP, CSR_VSATP, PRIV_S } from "../../src/rv64/constants.js";
import { writeCsr } from "../../src/rv64/firmware-access.js";
import type { Hart } from "../../src/rv64/hart.js";
import { LOAD_BASE, STORE_BASE, STORE_FLAGGED, tlbIndex } from "../../src/rv64/mmu/mmu.js";
import { runHart } from "../../src/rv64/run-loop.js";
import { makeHart, RAM_BASE } from "./support/hart.js";

const DATA = (RAM_BASE + 0x8000) | 0;

/** Whether a load from DATA in the host's (V=0) or the guest's (V=1) S-mode context hits the TLB. */
function cached(h: Hart, virt: boolean): boolean {
  const saved = h.virt;
  h.virt = virt;
  h.mmu.selectContext();
  const i = h.mmu.set + (tlbIndex(DATA) | LOAD_BASE);
  const hit = h.mmu.tagLo[i] === (DATA & -4096) && h.mmu.tagHi[i] === 0;
  h.virt = saved;
  h.mmu.selectContext();
  return hit;
}

/** An HS-mode hart whose host and guest contexts (bare translation) both cache DATA. */
function warmHart(): Hart {
  const h = makeHart();
  // PMP: one NAPOT entry over everything, RWX, so S-mode may use RAM.
  writeCsr(h, CSR_PMPADDR0, -1, 0x003fffff);
  writeCsr(h, CSR_PMPCFG0, 0x1f, 0);
  h.priv = PRIV_S;
  for (const virt of [true, false]) {
    h.virt = virt;
    h.mmu.selectContext();
    h.mmu.load32(DATA, 0);
  }
  expect([cached(h, false), cached(h, true)]).toEqual([true, true]);
  return h;
}

/** Runs one instruction in HS-mode. */
function execute(h: Hart, insn: number): void {
  new DataView(h.phys.ram.u8.buffer).setUint32(0, insn, true);
  h.phys.dropAllCode();
  h.pcLo = RAM_BASE | 0;
  runHart(h, 1);
}

describe("TLB flush scope", () => {
  it("a satp write keeps the guest's translations", () => {
    const h = warmHart();
    writeCsr(h, CSR_SATP, 0, 0);
    expect([cached(h, false), cached(h, true)]).toEqual([false, true]);
  });

  it("vsatp and hgatp writes keep the host's translations, and the old guest space's for a switch back", () => {
    for (const [csr, lo, hi] of [
      [CSR_VSATP, 0x1234, 0], // another root, MODE still Bare
      [CSR_HGATP, 0, 5 << 12], // VMID 5
    ]) {
      const h = warmHart();
      writeCsr(h, csr, lo, hi);
      expect([cached(h, false), cached(h, true)]).toEqual([true, false]);
      writeCsr(h, csr, 0, 0);
      expect([cached(h, false), cached(h, true)]).toEqual([true, true]);
    }
  });

  it("HFENCE.VVMA drops the current VMID's translations, HFENCE.GVMA rs2 the named VMID's", () => {
    // Warm VMID 1 and VMID 2 (hgatp MODE Bare, VMID in bits 57:44), then fence one.
    const twoVms = (): Hart => {
      const h = warmHart();
      for (const vmid of [1, 2]) {
        writeCsr(h, CSR_HGATP, 0, vmid << 12);
        h.virt = true;
        h.mmu.selectContext();
        h.mmu.load32(DATA, 0);
        h.virt = false;
        h.mmu.selectContext();
      }
      return h;
    };
    const cachedUnder = (h: Hart, vmid: number): boolean => {
      writeCsr(h, CSR_HGATP, 0, vmid << 12);
      return cached(h, true);
    };
    let h = twoVms(); // hgatp holds VMID 2
    execute(h, 0x22000073); // hfence.vvma x0, x0
    expect([cachedUnder(h, 1), cachedUnder(h, 2), cached(h, false)]).toEqual([true, false, true]);
    h = twoVms();
    h.xl[5] = 1;
    execute(h, 0x62500073); // hfence.gvma x0, x5 (VMID 1)
    expect([cachedUnder(h, 1), cachedUnder(h, 2), cached(h, false)]).toEqual([false, true, true]);
  });

  it("HFENCE.VVMA and HFENCE.GVMA drop the guest's, SFENCE.VMA (V=0) the host's", () => {
    const cases: [string, number, boolean[]][] = [
      ["hfence.vvma", 0x22000073, [true, false]],
      ["hfence.gvma", 0x62000073, [true, false]],
      ["sfence.vma", 0x12000073, [false, true]],
    ];
    for (const [name, insn, expected] of cases) {
      const h = warmHart();
      execute(h, insn);
      expect(h.pcLo, name).toBe((RAM_BASE + 4) | 0);
      expect([cached(h, false), cached(h, true)], name).toEqual(expected);
    }
  });
});

describe("What atomics and stores to flagged pages cache", () => {
  /** Whether the host's store TLB maps the page of `addr`. */
  const storeCached = (h: Hart, addr: number): boolean => {
    const i = h.mmu.set + (tlbIndex(addr) | STORE_BASE);
    return h.mmu.tagLo[i] === (addr & -4096) && h.mmu.tagHi[i] === 0;
  };
  const AMOADD_W_X0_X0_X5 = 0x0002a02f; // amoadd.w x0, x0, (x5)

  it("an AMO caches its page for the stores after it, as a store does", () => {
    const h = warmHart();
    h.xl[5] = DATA;
    expect(storeCached(h, DATA)).toBe(false);
    execute(h, AMOADD_W_X0_X0_X5);
    expect(h.pcLo).toBe((RAM_BASE + 4) | 0);
    expect(storeCached(h, DATA)).toBe(true);
  });

  it("flagged on a page whose stores must be seen (one that holds code): plain stores take the slow path until the flag goes", () => {
    const h = warmHart();
    h.xl[5] = RAM_BASE | 0; // the page execute() runs from
    execute(h, AMOADD_W_X0_X0_X5);
    expect(h.pcLo).toBe((RAM_BASE + 4) | 0);
    expect(storeCached(h, RAM_BASE | 0)).toBe(false);
    const i = h.mmu.set + (tlbIndex(RAM_BASE) | STORE_BASE);
    expect(h.mmu.tagLo[i]).toBe(RAM_BASE | 0 | STORE_FLAGGED);
    // A store there drops the page's code, and with its flag gone the entry serves the fast path again.
    h.xl[5] = (RAM_BASE + 0x100) | 0;
    execute(h, 0x0002b023); // sd x0, 0(x5)
    expect(h.mmu.tagLo[i]).toBe(RAM_BASE | 0);
  });

  it("a store that walks to a page with a lingering reservation caches it marked: later stores keep to the slow path", () => {
    const h = warmHart();
    h.xl[5] = DATA;
    execute(h, 0x1002a02f); // lr.w x0, (x5): DATA's page gets PAGE_RESERVED
    execute(h, 0x0002b423); // sd x0, 8(x5): walks (no store entry yet)
    expect(h.pcLo).toBe((RAM_BASE + 4) | 0);
    const i = h.mmu.set + (tlbIndex(DATA) | STORE_BASE);
    expect(h.mmu.tagLo[i]).toBe((DATA & -4096) | STORE_FLAGGED);
  });

  it("an LR caches its page for the loads after it", () => {
    const h = warmHart();
    writeCsr(h, CSR_SATP, 0, 0); // empties the host's context
    expect(cached(h, false)).toBe(false);
    h.xl[5] = DATA;
    execute(h, 0x1002a02f); // lr.w x0, (x5)
    expect(cached(h, false)).toBe(true);
  });
});

describe("TLB indexing", () => {
  it("pages 1 MiB apart (Linux's image and linear map, its hot data) keep their entries side by side", () => {
    const h = makeHart(4 << 20);
    writeCsr(h, CSR_PMPADDR0, -1, 0x003fffff);
    writeCsr(h, CSR_PMPCFG0, 0x1f, 0);
    h.priv = PRIV_S;
    h.mmu.selectContext();
    const pages = [DATA, (DATA + 0x100000) | 0, (DATA + 0x200000) | 0];
    for (const page of pages) h.mmu.load32(page, 0);
    const hits = pages.map((page) => {
      const i = h.mmu.set + (tlbIndex(page) | LOAD_BASE);
      return h.mmu.tagLo[i] === (page & -4096);
    });
    expect(hits).toEqual([true, true, true]);
  });
});
