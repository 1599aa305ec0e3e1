// LR reservations and the store fast paths (src/rv64/memory.ts): a page
// holding a reservation is kept out of every store TLB, so that each store
// there can clear the reservations it overlaps (Unpriv §14.2). The page keeps
// that flag for a number of stores after its last reservation went, so a
// lock loop's LR does not purge the store TLBs on every pass; after them its
// stores take the fast path again, and the next LR must purge it again.
import { describe, expect, it } from "vitest";
import { PAGE_RESERVED } from "../../src/rv64/memory.js";
import { makeHart, RAM_BASE } from "./support/hart.js";

const PAGE = 3;
const LOCK = RAM_BASE + PAGE * 4096 + 0x40;
const OTHER = RAM_BASE + PAGE * 4096 + 0x800;

describe("LR reservations and store fast paths", () => {
  it("clears a reservation on an overlapping store, keeps the page flagged for a while, then lets stores go fast", () => {
    const h = makeHart();
    const phys = h.phys;
    const flagged = (): boolean => (phys.ram.pageFlags[PAGE] & PAGE_RESERVED) !== 0;
    // A store TLB entry for the page, filled before any LR.
    h.mmu.store64(OTHER | 0, 0, 1, 0);
    phys.reserve(0, LOCK);
    expect(flagged()).toBe(true);
    // Stores elsewhere in the page leave the reservation alone (and go through
    // the slow path: the LR purged the entry filled above).
    for (let i = 0; i < 100; i++) h.mmu.store64(OTHER | 0, 0, i, 0);
    expect(phys.reservation[0]).toBe(LOCK);
    expect(flagged()).toBe(true);
    // A store to the reserved doubleword clears it (an SC's or another hart's).
    h.mmu.store32((LOCK + 4) | 0, 0, 7);
    expect(phys.reservation[0]).toBe(-1);
    expect(flagged()).toBe(true);
    // With no reservation left, the flag goes after a number of stores.
    let stores = 0;
    while (flagged() && stores < 1000) {
      h.mmu.store64(OTHER | 0, 0, stores, 0);
      stores++;
    }
    expect(flagged()).toBe(false);
    expect(stores).toBeGreaterThan(1);
    // Stores now fill the store TLB; a new LR must purge that entry, or the
    // next store to the lock would miss the reservation.
    h.mmu.store64(LOCK | 0, 0, 0, 0);
    phys.reserve(0, LOCK);
    h.mmu.store64(LOCK | 0, 0, 1, 0);
    expect(phys.reservation[0]).toBe(-1);
  });

  it("a new LR on a page still flagged keeps its reservation until a store overlaps it", () => {
    const h = makeHart();
    const phys = h.phys;
    phys.reserve(0, LOCK);
    h.mmu.store32(LOCK | 0, 0, 1); // SC
    expect(phys.reservation[0]).toBe(-1);
    phys.reserve(0, LOCK); // the loop's next LR: the page is still flagged
    for (let i = 0; i < 200; i++) h.mmu.store64(OTHER | 0, 0, i, 0);
    expect(phys.reservation[0]).toBe(LOCK);
    h.mmu.store64((LOCK - 8) | 0, 0, 0, 0); // the doubleword before: no overlap
    expect(phys.reservation[0]).toBe(LOCK);
    h.mmu.store64(LOCK | 0, 0, 0, 0);
    expect(phys.reservation[0]).toBe(-1);
  });
});
