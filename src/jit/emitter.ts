// Builds the JavaScript source of one compiled block (compile.ts), keeping
// guest registers in locals: `x5l`/`x5h` hold the low and high halves of x5.
//
// A half is loaded from the hart's arrays at its first use and written back
// only when dirty, before anything that may read the arrays or leave the
// block: a memory access (it may trap, and the TypeScript firmware reads the
// faulting instruction's registers), an interpreter handler, or an exit.
// Blocks are straight-line code with one branch at the end, so this state is
// tracked at compile time and costs nothing at run time.
import { X0_SINK } from "../rv64/decode/decode.js";
import { SIGNAL_JUMP } from "../rv64/hart.js";

/** The block ended at a jump, a branch or its last instruction; pc is set. */
export const BLOCK_CONTINUE = 0;
/** An instruction raised SIGNAL_STOP: interrupts and cached state must be re-checked. */
export const BLOCK_STOP = 1;

export class Emitter {
  private readonly lines: string[] = [];
  /** The block inlines TLB lookups (usesMemory). */
  private memory = false;
  /** The block jumps back to its start (jumpTo). */
  loops = false;
  private readonly loadedLo = new Uint8Array(33);
  private readonly loadedHi = new Uint8Array(33);
  private readonly dirtyLo = new Uint8Array(33);
  private readonly dirtyHi = new Uint8Array(33);
  /** Registers whose locals the function declares. */
  private readonly used = new Uint8Array(33);

  /** @param start the block's page offset */
  constructor(readonly start: number) {}

  line(code: string): void {
    this.lines.push(code);
  }

  /** The low half of register r as an expression (x0 is the literal 0). */
  lo(r: number): string {
    if (r === 0) return "0";
    this.used[r] = 1;
    if (this.loadedLo[r] === 0) {
      this.lines.push(`x${r}l = xl[${r}];`);
      this.loadedLo[r] = 1;
    }
    return `x${r}l`;
  }

  /** The high half of register r as an expression. */
  hi(r: number): string {
    if (r === 0) return "0";
    this.used[r] = 1;
    if (this.loadedHi[r] === 0) {
      this.lines.push(`x${r}h = xh[${r}];`);
      this.loadedHi[r] = 1;
    }
    return `x${r}h`;
  }

  /**
   * Sets register rd to (hi:lo), two expressions that must not read rd's
   * locals (compute into t0/t1 first when they would). Writes to x0 vanish.
   */
  set(rd: number, lo: string, hi: string): void {
    if (rd === X0_SINK || rd === 0) return;
    this.used[rd] = 1;
    this.lines.push(`x${rd}l = ${lo}; x${rd}h = ${hi};`);
    this.loadedLo[rd] = this.loadedHi[rd] = 1;
    this.dirtyLo[rd] = this.dirtyHi[rd] = 1;
  }

  /** Sets rd to the sign extension of a 32-bit expression (the *W instructions, LW). */
  setSigned32(rd: number, lo: string): void {
    if (rd === X0_SINK || rd === 0) return;
    this.set(rd, lo, `x${rd}l >> 31`);
  }

  /** Statements writing every dirty half back to the arrays (state unchanged: for exits inside a branch). */
  writeBackCode(): string {
    let code = "";
    for (let r = 1; r < 32; r++) {
      if (this.dirtyLo[r] !== 0) code += `xl[${r}] = x${r}l; `;
      if (this.dirtyHi[r] !== 0) code += `xh[${r}] = x${r}h; `;
    }
    return code;
  }

  /** Writes dirty halves back; the locals stay valid. */
  writeBack(): void {
    const code = this.writeBackCode();
    if (code !== "") this.lines.push(code);
    this.dirtyLo.fill(0);
    this.dirtyHi.fill(0);
  }

  /** After an interpreter handler ran: every local may be stale. */
  forget(): void {
    this.writeBack();
    this.loadedLo.fill(0);
    this.loadedHi.fill(0);
  }

  /**
   * Makes the hart's state exact at instruction `k` (at page offset `off`)
   * before something that may trap or read it: registers written back, pc,
   * and the slice counter that instret and cycle are computed from.
   */
  sync(k: number, off: number): void {
    this.writeBack();
    this.lines.push(this.syncCode(k, off));
  }

  /** The pc and slice-counter half of sync (for a slow path inside a branch; write back first). */
  syncCode(k: number, off: number): string {
    return `h.pcLo = vaLo | ${off}; h.sliceLeft = left - ${k};`;
  }

  /** The block inlines TLB lookups: it needs the MMU's arrays in locals. */
  usesMemory(): void {
    this.memory = true;
  }

  /**
   * After an interpreter handler synced at instruction k: follow its signal
   * exactly as the interpreter's page loop does (run-loop.ts).
   */
  followSignal(next: number): void {
    this.lines.push(this.followSignalCode(next));
  }

  followSignalCode(next: number): string {
    return (
      `if (h.signal !== 0) { h.sliceLeft--; t0 = h.signal; h.signal = 0; ` +
      `if ((t0 & ${SIGNAL_JUMP}) === 0) { ${setPcCode(next)} return ${BLOCK_STOP}; } ` +
      `return t0 === ${SIGNAL_JUMP} ? ${BLOCK_CONTINUE} : ${BLOCK_STOP}; }`
    );
  }

  /**
   * Statements for the block's last instruction (number `count` - 1;
   * registers written back) going on to page offset `off`. Back to the
   * block's own start (a loop), the function runs the block again while the
   * slice has room for it, instead of returning to the page loop: nothing
   * else can raise an interrupt meanwhile, since devices and other harts act
   * only between slices and anything inside the block that could returns
   * BLOCK_STOP first.
   */
  jumpTo(off: number, count: number): string {
    if (off === this.start) {
      this.loops = true;
      return `left = left - ${count}; if (left >= ${count}) continue; h.pcLo = vaLo | ${off}; h.sliceLeft = left; return ${BLOCK_CONTINUE};`;
    }
    return `${setPcCode(off)} h.sliceLeft = left - ${count}; return ${BLOCK_CONTINUE};`;
  }

  /** The function body: its locals, then the statements (in a loop if the block jumps to its start). */
  body(): string {
    const decls = ["t0 = 0", "t1 = 0", "t2 = 0", "t3 = 0"];
    for (let r = 1; r < 32; r++) if (this.used[r] !== 0) decls.push(`x${r}l = 0`, `x${r}h = 0`);
    if (this.memory) decls.push("tagLo = mmu.tagLo", "tagHi = mmu.tagHi", "ramOff = mmu.ramOff");
    decls.push("fl = h.fl", "fh = h.fh");
    const statements = this.lines.join("\n");
    return `let ${decls.join(", ")};\n${this.loops ? `for (;;) {\n${statements}\n}` : statements}`;
  }
}

/**
 * Statements setting pc to the block's page base + `off` (an offset that may
 * leave the page either way). Blocks know their page's virtual base only at
 * run time (`vaLo`/`vaHi`): one physical page may be mapped at many addresses.
 */
export function setPcCode(off: number): string {
  if (off >= 0 && off < 4096) return `h.pcLo = vaLo | ${off};`;
  return `t3 = (vaLo + ${off}) | 0; h.pcHi = (vaHi + ${off >> 31} + (t3 >>> 0 < vaLo >>> 0 ? 1 : 0)) | 0; h.pcLo = t3;`;
}
