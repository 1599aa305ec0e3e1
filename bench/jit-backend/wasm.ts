// A tiny WebAssembly binary encoder (WebAssembly Core Specification 2.0,
// §5 "Binary Format"): enough to emit one module holding one function that
// imports its memory, as a translation engine would emit per block at run
// time. No toolchain: the bytes are written here.

/** Value types (§5.3.1) and the empty block type (§5.4.1). */
export const I32 = 0x7f;
export const I64 = 0x7e;
export const VOID = 0x40;

/** The opcodes the block translator uses (§5.4). */
export const Op = {
  unreachable: 0x00,
  loop: 0x03,
  if: 0x04,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  return: 0x0f,
  call: 0x10,
  drop: 0x1a,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  i64Load: 0x29,
  i64Load8U: 0x31,
  i32Store: 0x36,
  i64Store: 0x37,
  i32Const: 0x41,
  i64Const: 0x42,
  i32Eqz: 0x45,
  i32GeS: 0x4e,
  i64Eq: 0x51,
  i64Ne: 0x52,
  i64LtS: 0x53,
  i64LtU: 0x54,
  i64GeS: 0x59,
  i64GeU: 0x5a,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32And: 0x71,
  i32Or: 0x72,
  i32Shl: 0x74,
  i64Add: 0x7c,
  i64Sub: 0x7d,
  i64Mul: 0x7e,
  i64And: 0x83,
  i64Or: 0x84,
  i64Xor: 0x85,
  i64Shl: 0x86,
  i64ShrS: 0x87,
  i64ShrU: 0x88,
  i32WrapI64: 0xa7,
} as const;

/** A growable byte buffer with the format's integer encodings (§5.2.2). */
export class Bytes {
  private buf = new Uint8Array(256);
  length = 0;

  byte(b: number): this {
    if (this.length === this.buf.length) {
      const grown = new Uint8Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf[this.length++] = b;
    return this;
  }

  bytes(bs: ArrayLike<number>): this {
    for (let i = 0; i < bs.length; i++) this.byte(bs[i]);
    return this;
  }

  /** Unsigned LEB128 of a value below 2^32. */
  u32(v: number): this {
    v >>>= 0;
    do {
      const b = v & 0x7f;
      v >>>= 7;
      this.byte(v !== 0 ? b | 0x80 : b);
    } while (v !== 0);
    return this;
  }

  /** Signed LEB128 of an int32. */
  s32(v: number): this {
    v |= 0;
    for (;;) {
      const b = v & 0x7f;
      v >>= 7;
      if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) return this.byte(b);
      this.byte(b | 0x80);
    }
  }

  /** Signed LEB128 of the 64-bit value (hi:lo), two int32 halves. */
  s64(lo: number, hi: number): this {
    // Shift the pair right by 7 at a time, arithmetic on the high half.
    for (;;) {
      const b = lo & 0x7f;
      lo = (lo >>> 7) | (hi << 25);
      hi >>= 7;
      const done = (hi === 0 && lo === 0 && (b & 0x40) === 0) || (hi === -1 && lo === -1 && (b & 0x40) !== 0);
      if (done) return this.byte(b);
      this.byte(b | 0x80);
    }
  }

  name(s: string): this {
    const utf8 = new TextEncoder().encode(s);
    return this.u32(utf8.length).bytes(utf8);
  }

  /** Appends another buffer, prefixed with its length (sections, function bodies). */
  sized(inner: Bytes): this {
    return this.u32(inner.length).bytes(inner.view());
  }

  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** A function body (§5.5.13): local declarations, then code. */
export class FunctionBody extends Bytes {
  op(code: number): this {
    return this.byte(code);
  }
  i32(v: number): this {
    return this.byte(Op.i32Const).s32(v);
  }
  i64(lo: number, hi: number): this {
    return this.byte(Op.i64Const).s64(lo, hi);
  }
  get(local: number): this {
    return this.byte(Op.localGet).u32(local);
  }
  set(local: number): this {
    return this.byte(Op.localSet).u32(local);
  }
  tee(local: number): this {
    return this.byte(Op.localTee).u32(local);
  }
  /** A load or store with its memarg (§5.4.6): log2 alignment and a constant offset. */
  mem(code: number, alignLog2: number, offset: number): this {
    return this.byte(code).u32(alignLog2).u32(offset);
  }
}

export interface FunctionSpec {
  params: number[];
  results: number[];
  /** Extra locals, by type, in index order after the parameters. */
  locals: number[];
  /** The code, without the final `end`. */
  code: FunctionBody;
  /** A host function imported as "env"."host" (function index 0; the module's own is then 1). */
  hostImport?: { params: number[]; results: number[] };
}

/**
 * A module that imports memory "env"."mem" (at least `memoryPages` pages of
 * 64 KiB), and optionally a host function, and exports one function as "run".
 */
export function encodeModule(fn: FunctionSpec, memoryPages: number): Uint8Array {
  const out = new Bytes().bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  const section = (id: number, body: Bytes): void => {
    out.byte(id).sized(body);
  };
  // Type section: the function's type (0), then the import's (1).
  const types = [fn, ...(fn.hostImport !== undefined ? [fn.hostImport] : [])];
  const type = new Bytes().u32(types.length);
  for (const t of types) type.byte(0x60).u32(t.params.length).bytes(t.params).u32(t.results.length).bytes(t.results);
  section(1, type);
  // Import section: the memory (limits with a minimum only), and the host function.
  const imports = new Bytes().u32(fn.hostImport !== undefined ? 2 : 1);
  imports.name("env").name("mem").byte(0x02).byte(0x00).u32(memoryPages);
  if (fn.hostImport !== undefined) imports.name("env").name("host").byte(0x00).u32(1);
  section(2, imports);
  // Function section: the module's function has type 0.
  section(3, new Bytes().u32(1).u32(0));
  // Export section: function indices count the imported function first.
  section(
    7,
    new Bytes()
      .u32(1)
      .name("run")
      .byte(0x00)
      .u32(fn.hostImport !== undefined ? 1 : 0),
  );
  // Code section: locals run-length encoded by type.
  const body = new Bytes();
  const groups: [number, number][] = [];
  for (const t of fn.locals) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last[1] === t) last[0]++;
    else groups.push([1, t]);
  }
  body.u32(groups.length);
  for (const [count, t] of groups) body.u32(count).byte(t);
  body.bytes(fn.code.view()).byte(Op.end);
  section(10, new Bytes().u32(1).sized(body));
  return out.view().slice();
}

// The WebAssembly JS API (the project's lib is ES2022 without the DOM types,
// and @types/node does not declare it): the few members used here.
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
export interface WasmModule {
  readonly kind: "module";
}
export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}
interface WasmApi {
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => WasmInstance;
}
export const Wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
