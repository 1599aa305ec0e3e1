// Test support: reads a device-tree blob (DT spec §5) into a map from node
// path to its properties, for comparing trees property by property.
export type FdtNodeMap = Map<string, Map<string, Uint8Array>>;

export function readFdt(blob: Uint8Array): FdtNodeMap {
  const v = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (v.getUint32(0) !== 0xd00dfeed) throw new Error("not a DTB");
  const offStruct = v.getUint32(8);
  const offStrings = v.getUint32(12);
  const text = new TextDecoder();
  const cstr = (off: number): [string, number] => {
    let end = off;
    while (blob[end] !== 0) end++;
    return [text.decode(blob.subarray(off, end)), end + 1];
  };
  const nodes: FdtNodeMap = new Map();
  const path: string[] = [];
  let p = offStruct;
  for (;;) {
    const token = v.getUint32(p);
    p += 4;
    if (token === 1) {
      const [name, next] = cstr(p);
      p = (next + 3) & ~3;
      path.push(name);
      nodes.set(pathOf(path), new Map());
    } else if (token === 2) {
      path.pop();
    } else if (token === 3) {
      const len = v.getUint32(p);
      const [name] = cstr(offStrings + v.getUint32(p + 4));
      nodes.get(pathOf(path))!.set(name, blob.slice(p + 8, p + 8 + len));
      p = (p + 8 + len + 3) & ~3;
    } else if (token === 9) {
      return nodes;
    } else if (token !== 4) {
      throw new Error(`bad token ${token}`);
    }
  }
}

function pathOf(parts: string[]): string {
  return "/" + parts.slice(1).join("/");
}

/** A property as big-endian 32-bit cells. */
export function cells(value: Uint8Array | undefined): number[] {
  if (value === undefined) throw new Error("no such property");
  const v = new DataView(value.buffer, value.byteOffset, value.byteLength);
  return Array.from({ length: value.length / 4 }, (_, i) => v.getUint32(4 * i));
}

/** A property as a string list. */
export function strings(value: Uint8Array | undefined): string[] {
  if (value === undefined) throw new Error("no such property");
  return new TextDecoder().decode(value).split("\0").slice(0, -1);
}
