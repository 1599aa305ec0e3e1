// A small WebAssembly binary encoder (WebAssembly Core Specification 2.0,
// §5 "Binary Format"): enough to emit one module holding one function that
// imports its memory and a few host functions, as the translation engine
// does per block at run time. No toolchain: the bytes are written here.

/** Value types (§5.3.1) and the empty block type (§5.4.1). */
export const I32 = 0x7f;
export const I64 = 0x7e;
export const F64 = 0x7c;
export const VOID = 0x40;

/** The opcodes the block translator uses (§5.4). */
export const Op = {
  unreachable: 0x00,
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  brTable: 0x0e,
  return: 0x0f,
  call: 0x10,
  callIndirect: 0x11,
  drop: 0x1a,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  i64Load: 0x29,
  i64Load8S: 0x30,
  i64Load8U: 0x31,
  i64Load16S: 0x32,
  i64Load16U: 0x33,
  i64Load32S: 0x34,
  i64Load32U: 0x35,
  i32Store: 0x36,
  i64Store: 0x37,
  i64Store8: 0x3c,
  i64Store16: 0x3d,
  i64Store32: 0x3e,
  i32Const: 0x41,
  i64Const: 0x42,
  f64Const: 0x44,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32Ne: 0x47,
  i32LtS: 0x48,
  i32LeS: 0x4c,
  i32GtU: 0x4b,
  i32GeS: 0x4e,
  f64Eq: 0x61,
  f64Ne: 0x62,
  f64Lt: 0x63,
  f64Gt: 0x64,
  f64Le: 0x65,
  i64Eqz: 0x50,
  i64Eq: 0x51,
  i64Ne: 0x52,
  i64LtS: 0x53,
  i64LtU: 0x54,
  i64GtS: 0x55,
  i64GtU: 0x56,
  i64GeS: 0x59,
  i64GeU: 0x5a,
  i32Clz: 0x67,
  i32Ctz: 0x68,
  i32Popcnt: 0x69,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32DivS: 0x6d,
  i32DivU: 0x6e,
  i32RemS: 0x6f,
  i32RemU: 0x70,
  i32And: 0x71,
  i32Or: 0x72,
  i32Xor: 0x73,
  i32Shl: 0x74,
  i32ShrS: 0x75,
  i32ShrU: 0x76,
  i32Rotl: 0x77,
  i32Rotr: 0x78,
  i64Clz: 0x79,
  i64Ctz: 0x7a,
  i64Popcnt: 0x7b,
  i64Add: 0x7c,
  i64Sub: 0x7d,
  i64Mul: 0x7e,
  i64DivS: 0x7f,
  i64DivU: 0x80,
  i64RemS: 0x81,
  i64RemU: 0x82,
  i64And: 0x83,
  i64Or: 0x84,
  i64Xor: 0x85,
  i64Shl: 0x86,
  i64ShrS: 0x87,
  i64ShrU: 0x88,
  i64Rotl: 0x89,
  i64Rotr: 0x8a,
  f64Abs: 0x99,
  f64Neg: 0x9a,
  f64Sqrt: 0x9f,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
  f64Div: 0xa3,
  i32WrapI64: 0xa7,
  i64ExtendI32S: 0xac,
  i64ExtendI32U: 0xad,
  i64ReinterpretF64: 0xbd,
  f64ReinterpretI64: 0xbf,
  i64Extend8S: 0xc2,
  i64Extend16S: 0xc3,
} as const;

/** A growable byte buffer with the format's integer encodings (§5.2.2). */
export class Bytes {
  private buf = new Uint8Array(256);
  length = 0;

  byte(b: number): this {
    if (this.length === this.buf.length) this.grow(1);
    this.buf[this.length++] = b;
    return this;
  }

  bytes(bs: ArrayLike<number>): this {
    if (this.length + bs.length > this.buf.length) this.grow(bs.length);
    this.buf.set(bs, this.length);
    this.length += bs.length;
    return this;
  }

  /** Makes room for `more` bytes (at least doubling, so appends stay linear). */
  private grow(more: number): void {
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.length + more));
    grown.set(this.buf);
    this.buf = grown;
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

  /**
   * A name (§5.2.4): its UTF-8 length, then its bytes. The engine's names
   * (env, mem, call, block indices) are ASCII, which is its own UTF-8,
   * written byte by byte: a TextEncoder cost more than a small module's
   * other bytes while V8 is cold (sort's 8 regions: 19 -> 16 ms).
   */
  name(s: string): this {
    this.u32(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) throw new Error(`wasm encoder: the name ${JSON.stringify(s)} is not ASCII`);
      this.byte(c);
    }
    return this;
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
  f64(v: number): this {
    const bits = new Uint8Array(new Float64Array([v]).buffer);
    return this.byte(Op.f64Const).bytes(bits);
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
  /** The name it is exported under, if any. */
  export?: string;
}

export interface ModuleSpec {
  /** The module's functions, numbered after the imported ones (a `call` of the first is `call imports.length`). */
  functions: FunctionSpec[];
  /** Host functions imported from "env" by name: function indices 0... */
  imports?: { name: string; params: number[]; results: number[] }[];
  /** Imports a function table as "env"."<name>" (table 0). */
  table?: string;
  /** Function types for call_indirect, numbered after the functions' and the imports' types. */
  callTypes?: { params: number[]; results: number[] }[];
}

/**
 * A module that imports memory "env"."mem" (at least `memoryPages` pages of
 * 64 KiB) and the spec's host functions and table, and exports the
 * functions that have export names.
 */
export function encodeModule(spec: ModuleSpec, memoryPages: number): Uint8Array {
  const out = new Bytes().bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  const section = (id: number, body: Bytes): void => {
    out.byte(id).sized(body);
  };
  const { functions } = spec;
  const hostImports = spec.imports ?? [];
  // Type section: each function's type (function i has type i), then each import's, then the call types.
  const types = [...functions, ...hostImports, ...(spec.callTypes ?? [])];
  const type = new Bytes().u32(types.length);
  for (const t of types) type.byte(0x60).u32(t.params.length).bytes(t.params).u32(t.results.length).bytes(t.results);
  section(1, type);
  // Import section: the memory (limits with a minimum only), then the host functions.
  const imports = new Bytes().u32(1 + hostImports.length + (spec.table !== undefined ? 1 : 0));
  imports.name("env").name("mem").byte(0x02).byte(0x00).u32(memoryPages);
  // A table of funcref (0x70) with a minimum of 1 (§5.3.7, §5.5.5).
  if (spec.table !== undefined) imports.name("env").name(spec.table).byte(0x01).byte(0x70).byte(0x00).u32(1);
  hostImports.forEach((host, i) =>
    imports
      .name("env")
      .name(host.name)
      .byte(0x00)
      .u32(functions.length + i),
  );
  section(2, imports);
  // Function section: function i has type i.
  const functionTypes = new Bytes().u32(functions.length);
  functions.forEach((_, i) => functionTypes.u32(i));
  section(3, functionTypes);
  // Export section: function indices count the imported functions first.
  const exported = functions.flatMap((fn, i) => (fn.export === undefined ? [] : [{ name: fn.export, i }]));
  const exports = new Bytes().u32(exported.length);
  for (const { name, i } of exported)
    exports
      .name(name)
      .byte(0x00)
      .u32(hostImports.length + i);
  section(7, exports);
  // Code section: locals run-length encoded by type.
  const code = new Bytes().u32(functions.length);
  for (const fn of functions) {
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
    code.sized(body);
  }
  section(10, code);
  return out.view().slice();
}
