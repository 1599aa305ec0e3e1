// A flattened device-tree writer (Devicetree Specification v0.4, chapter 5
// "Flattened Devicetree (DTB) Format"). Build a tree of nodes and
// properties, then serialize it as a version 17 blob: header, memory
// reservation block, structure block, strings block.
//
// Not a hot path: values may be numbers or bigints; everything is encoded
// big-endian as the format requires.

/** DT spec §5.2: header fields. */
const FDT_MAGIC = 0xd00dfeed;
const FDT_VERSION = 17;
const FDT_LAST_COMP_VERSION = 16;
const HEADER_SIZE = 40;

/** DT spec §5.4.1: structure block tokens. */
const FDT_BEGIN_NODE = 1;
const FDT_END_NODE = 2;
const FDT_PROP = 3;
const FDT_END = 9;

export interface FdtProperty {
  readonly name: string;
  /** The value's bytes, exactly as they appear in the blob. */
  readonly value: Uint8Array;
}

/** A memory reservation entry (DT spec §5.3). */
export interface FdtReservation {
  address: bigint;
  size: bigint;
}

const U64_MAX = (1n << 64n) - 1n;

function toU64(v: number | bigint, what: string): bigint {
  const b = typeof v === "bigint" ? v : Number.isSafeInteger(v) ? BigInt(v) : -1n;
  if (b < 0n || b > U64_MAX) throw new RangeError(`${what}: ${v} is not a 64-bit unsigned integer`);
  return b;
}

function checkU32(v: number, what: string): number {
  if (!Number.isInteger(v) || v < 0 || v > 0xffffffff)
    throw new RangeError(`${what}: ${v} is not a 32-bit unsigned integer`);
  return v;
}

/** DT spec §2.2.1 / §2.2.4: node and property names use these characters. */
const NODE_NAME = /^[0-9A-Za-z,._+-]+(@[0-9A-Za-z,._+-]+)?$/;
const PROPERTY_NAME = /^[0-9A-Za-z,._+?#-]+$/;

export class FdtNode {
  readonly properties: FdtProperty[] = [];
  readonly children: FdtNode[] = [];
  private phandleValue = 0;

  constructor(
    /** The node name with its unit address (`serial@10000000`); "" for the root. */
    readonly name: string,
    private readonly tree: DeviceTree,
  ) {}

  /** Adds a child node; names must be unique among siblings. */
  addChild(name: string): FdtNode {
    if (!NODE_NAME.test(name)) throw new Error(`invalid device-tree node name "${name}"`);
    if (this.child(name) !== undefined) throw new Error(`device-tree node "${name}" already exists`);
    const node = new FdtNode(name, this.tree);
    this.children.push(node);
    return node;
  }

  child(name: string): FdtNode | undefined {
    return this.children.find((c) => c.name === name);
  }

  /** The property's raw value, or undefined. */
  get(name: string): Uint8Array | undefined {
    return this.properties.find((p) => p.name === name)?.value;
  }

  /** Sets a property to raw bytes, replacing an earlier value of the same name. */
  setBytes(name: string, value: Uint8Array): this {
    if (!PROPERTY_NAME.test(name)) throw new Error(`invalid device-tree property name "${name}"`);
    const i = this.properties.findIndex((p) => p.name === name);
    const prop = { name, value: Uint8Array.from(value) };
    if (i >= 0) this.properties[i] = prop;
    else this.properties.push(prop);
    return this;
  }

  /** A property with no value (a flag such as `interrupt-controller`). */
  setEmpty(name: string): this {
    return this.setBytes(name, new Uint8Array(0));
  }

  /** One or more 32-bit cells (`<a b c>`). */
  setU32(name: string, ...cells: number[]): this {
    const out = new Uint8Array(4 * cells.length);
    const view = new DataView(out.buffer);
    cells.forEach((c, i) => view.setUint32(4 * i, checkU32(c, name)));
    return this.setBytes(name, out);
  }

  /** One or more 64-bit values, each as two cells (high, low). */
  setU64(name: string, ...values: (number | bigint)[]): this {
    const out = new Uint8Array(8 * values.length);
    const view = new DataView(out.buffer);
    values.forEach((v, i) => view.setBigUint64(8 * i, toU64(v, name)));
    return this.setBytes(name, out);
  }

  /** A NUL-terminated string. */
  setString(name: string, value: string): this {
    return this.setStrings(name, [value]);
  }

  /** A string list: each string NUL-terminated, concatenated (DT spec §2.2.4.2 <stringlist>). */
  setStrings(name: string, values: string[]): this {
    const parts = values.map((s) => {
      if (s.includes("\0")) throw new Error(`device-tree string in "${name}" contains NUL`);
      return new TextEncoder().encode(`${s}\0`);
    });
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let off = 0;
    for (const p of parts) {
      out.set(p, off);
      off += p.length;
    }
    return this.setBytes(name, out);
  }

  /**
   * This node's phandle (DT spec §2.3.3), allocated on first use and stored
   * as its `phandle` property. Other nodes refer to it by this number.
   */
  phandle(): number {
    if (this.phandleValue === 0) {
      this.phandleValue = this.tree.allocatePhandle();
      this.setU32("phandle", this.phandleValue);
    }
    return this.phandleValue;
  }
}

export class DeviceTree {
  readonly root: FdtNode = new FdtNode("", this);
  /** The memory reservation block (DT spec §5.3). */
  readonly reservations: FdtReservation[] = [];
  /** boot_cpuid_phys in the header: the physical id of the boot CPU. */
  bootCpuId = 0;
  private nextPhandle = 1;

  allocatePhandle(): number {
    return this.nextPhandle++;
  }

  /** The node at an absolute path such as `/soc/serial@10000000`, or undefined. */
  find(path: string): FdtNode | undefined {
    if (!path.startsWith("/")) return undefined;
    let node: FdtNode | undefined = this.root;
    for (const part of path.split("/").filter((p) => p !== "")) {
      node = node.child(part);
      if (node === undefined) return undefined;
    }
    return node;
  }

  addReservation(address: number | bigint, size: number | bigint): void {
    this.reservations.push({ address: toU64(address, "reservation address"), size: toU64(size, "reservation size") });
  }

  /** Serializes the tree as a version 17 DTB (DT spec §5). */
  toBlob(): Uint8Array {
    const strings = new ByteSink();
    const stringOffsets = new Map<string, number>();
    const struct = new ByteSink();

    const emitNode = (node: FdtNode): void => {
      struct.u32(FDT_BEGIN_NODE);
      struct.bytes(new TextEncoder().encode(`${node.name}\0`));
      struct.align4();
      // DT spec §5.4.2: a node's properties precede its children.
      for (const prop of node.properties) {
        let nameOff = stringOffsets.get(prop.name);
        if (nameOff === undefined) {
          nameOff = strings.length;
          stringOffsets.set(prop.name, nameOff);
          strings.bytes(new TextEncoder().encode(`${prop.name}\0`));
        }
        struct.u32(FDT_PROP);
        struct.u32(prop.value.length);
        struct.u32(nameOff);
        struct.bytes(prop.value);
        struct.align4();
      }
      for (const child of node.children) emitNode(child);
      struct.u32(FDT_END_NODE);
    };
    emitNode(this.root);
    struct.u32(FDT_END);

    // DT spec §5.1: the reservation block is 8-byte aligned and the
    // structure block 4-byte aligned; the header's 40 bytes and the 16-byte
    // reservation entries keep both so without padding.
    const offRsvmap = HEADER_SIZE;
    const rsvSize = 16 * (this.reservations.length + 1);
    const offStruct = offRsvmap + rsvSize;
    const offStrings = offStruct + struct.length;
    const total = offStrings + strings.length;

    const blob = new Uint8Array(total);
    const view = new DataView(blob.buffer);
    const header = [
      FDT_MAGIC,
      total,
      offStruct,
      offStrings,
      offRsvmap,
      FDT_VERSION,
      FDT_LAST_COMP_VERSION,
      checkU32(this.bootCpuId, "boot_cpuid_phys"),
      strings.length,
      struct.length,
    ];
    header.forEach((v, i) => view.setUint32(4 * i, v));
    this.reservations.forEach((r, i) => {
      view.setBigUint64(offRsvmap + 16 * i, r.address);
      view.setBigUint64(offRsvmap + 16 * i + 8, r.size);
    });
    // The terminating all-zero entry is already zero.
    blob.set(struct.toBytes(), offStruct);
    blob.set(strings.toBytes(), offStrings);
    return blob;
  }
}

/** A growable big-endian byte buffer. */
class ByteSink {
  private buf = new Uint8Array(1024);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  u32(v: number): void {
    this.reserve(4);
    new DataView(this.buf.buffer).setUint32(this.length, v);
    this.length += 4;
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  align4(): void {
    const pad = (4 - (this.length & 3)) & 3;
    this.reserve(pad);
    this.buf.fill(0, this.length, this.length + pad);
    this.length += pad;
  }

  toBytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}
