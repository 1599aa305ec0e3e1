// A cache of G-stage translations (guest-physical page -> host-physical
// page, with the leaf's permission bits), consulted before every G-stage
// walk: the walks of a VS-stage PTE's address and of the final guest-physical
// address. Without it each guest TLB miss walks the G-stage once per VS-level
// PTE. Priv §9.5 lets an implementation cache G-stage translations until
// HFENCE.GVMA or an hgatp write; it is flushed with the TLB (Mmu.flush),
// which those and every other change of translation state call.
const BITS = 8;
const SIZE = 1 << BITS;
const PTE_R = 1 << 1;
const PTE_W = 1 << 2;
const PTE_X = 1 << 3;
const PTE_A = 1 << 6;
const PTE_D = 1 << 7;

// Walk kinds (page-walk.ts WALK_*).
const WALK_FETCH = 0;
const WALK_LOAD = 1;
const WALK_CBO = 4;
const WALK_HLVX = 5;

export class GStageCache {
  /** Guest-physical page numbers (exact below 2^53); -1 is empty. */
  private readonly tag = new Float64Array(SIZE).fill(-1);
  private readonly hostPage = new Float64Array(SIZE);
  private readonly perm = new Uint8Array(SIZE);

  flush(): void {
    this.tag.fill(-1);
  }

  /**
   * The host page for guest page `page`, or -1 when not cached or when the
   * cached leaf does not allow `permission` without a fault or an A/D
   * update (the walk then decides). `mxr`: HS-level mstatus.MXR.
   */
  lookup(page: number, permission: number, mxr: boolean): number {
    const i = page % SIZE;
    if (this.tag[i] !== page) return -1;
    const p = this.perm[i];
    let ok: boolean;
    if (permission === WALK_FETCH || permission === WALK_HLVX) ok = (p & PTE_X) !== 0;
    else if (permission === WALK_LOAD || permission === WALK_CBO) ok = (p & PTE_R) !== 0 || (mxr && (p & PTE_X) !== 0);
    else ok = (p & (PTE_W | PTE_D)) === (PTE_W | PTE_D);
    return ok ? this.hostPage[i] : -1;
  }

  /** Records a completed walk whose leaf (with A set) had permission bits `pteLo`. */
  fill(page: number, hostPage: number, pteLo: number): void {
    if ((pteLo & PTE_A) === 0) return;
    const i = page % SIZE;
    this.tag[i] = page;
    this.hostPage[i] = hostPage;
    this.perm[i] = pteLo & 0xff;
  }
}
