import { describe, expect, it } from "vitest";
import { DeviceTree } from "../../src/devices/fdt.js";
import { HAVE_DTC, NO_DTC_MESSAGE, decompile } from "./support/dtc.js";

function sample(): DeviceTree {
  const t = new DeviceTree();
  t.root.setU32("#address-cells", 2);
  t.root.setU32("#size-cells", 2);
  t.root.setString("model", "rvhv test");
  const a = t.root.addChild("node@1000");
  a.setU64("reg", 0x1000, 0x100n);
  a.setStrings("compatible", ["vendor,a", "generic"]);
  a.setBytes("data", new Uint8Array([1, 2, 0xff]));
  a.setEmpty("flag");
  a.setU64("big", 0xfedcba9876543210n);
  const b = a.addChild("child");
  b.setU32("ref", a.phandle());
  b.setU32("reg", 7);
  t.root.addChild("empty");
  t.addReservation(0x80000000, 0x200000);
  t.bootCpuId = 1;
  return t;
}

function header(blob: Uint8Array): number[] {
  const v = new DataView(blob.buffer, blob.byteOffset);
  return Array.from({ length: 10 }, (_, i) => v.getUint32(4 * i));
}

describe("FDT writer", () => {
  it("writes a version 17 header with consistent offsets and sizes", () => {
    const blob = sample().toBlob();
    const [magic, total, offStruct, offStrings, offRsv, version, lastComp, bootCpu, sizeStrings, sizeStruct] =
      header(blob);
    expect(magic).toBe(0xd00dfeed);
    expect(total).toBe(blob.length);
    expect(version).toBe(17);
    expect(lastComp).toBe(16);
    expect(bootCpu).toBe(1);
    expect(offRsv % 8).toBe(0);
    expect(offStruct % 4).toBe(0);
    expect(offStruct).toBe(offRsv + 2 * 16); // one entry plus the terminator
    expect(offStrings).toBe(offStruct + sizeStruct);
    expect(offStrings + sizeStrings).toBe(total);
  });

  it("stores each property name once in the strings block", () => {
    const blob = sample().toBlob();
    const [, , , offStrings, , , , , sizeStrings] = header(blob);
    const names = new TextDecoder()
      .decode(blob.subarray(offStrings, offStrings + sizeStrings))
      .split("\0")
      .slice(0, -1);
    expect(names.filter((n) => n === "reg")).toHaveLength(1);
    expect(new Set(names).size).toBe(names.length);
  });

  it.skipIf(!HAVE_DTC)(
    `decompiles with dtc to the tree that was built (${HAVE_DTC ? "dtc found" : NO_DTC_MESSAGE})`,
    () => {
      expect(decompile(sample().toBlob())).toBe(
        [
          "/dts-v1/;",
          "",
          "/memreserve/\t0x0000000080000000 0x0000000000200000;",
          "/ {",
          "\t#address-cells = <0x02>;",
          "\t#size-cells = <0x02>;",
          '\tmodel = "rvhv test";',
          "",
          "\tnode@1000 {",
          "\t\treg = <0x00 0x1000 0x00 0x100>;",
          '\t\tcompatible = "vendor,a\\0generic";',
          "\t\tdata = [01 02 ff];",
          "\t\tflag;",
          "\t\tbig = <0xfedcba98 0x76543210>;",
          "\t\tphandle = <0x01>;",
          "",
          "\t\tchild {",
          "\t\t\tref = <0x01>;",
          "\t\t\treg = <0x07>;",
          "\t\t};",
          "\t};",
          "",
          "\tempty {",
          "\t};",
          "};",
          "",
        ].join("\n"),
      );
    },
  );

  it("setting a property again replaces it; phandles are allocated once per node", () => {
    const t = new DeviceTree();
    const n = t.root.addChild("n");
    n.setU32("x", 1);
    n.setU32("x", 2, 3);
    expect(Array.from(n.get("x")!)).toEqual([0, 0, 0, 2, 0, 0, 0, 3]);
    expect(n.phandle()).toBe(1);
    expect(n.phandle()).toBe(1);
    expect(t.root.addChild("m").phandle()).toBe(2);
    expect(t.find("/n")).toBe(n);
    expect(t.find("/nope")).toBeUndefined();
  });

  it("rejects duplicate nodes, bad names and out-of-range values", () => {
    const t = new DeviceTree();
    t.root.addChild("a@1");
    expect(() => t.root.addChild("a@1")).toThrow(/already exists/);
    expect(() => t.root.addChild("a/b")).toThrow(/invalid/);
    expect(() => t.root.setU32("x y", 1)).toThrow(/invalid/);
    expect(() => t.root.setU32("x", 2 ** 32)).toThrow(RangeError);
    expect(() => t.root.setU32("x", -1)).toThrow(RangeError);
    expect(() => t.root.setU64("x", 2 ** 64)).toThrow(RangeError);
    expect(() => t.root.setString("x", "a\0b")).toThrow(/NUL/);
  });
});
