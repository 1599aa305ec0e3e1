import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildVirtDeviceTree } from "../../src/devices/virt-dtb.js";
import { hartIsaExtensions, riscvIsaString } from "../../src/rv64/isa.js";
import { HAVE_DTC, NO_DTC_MESSAGE, withBlob } from "./support/dtc.js";
import { cells, readFdt, strings } from "./support/fdt-reader.js";

const MiB = 1024 * 1024;

function tree(harts: number, extra: { bootargs?: string; initrd?: { start: number; end: number } } = {}) {
  return readFdt(buildVirtDeviceTree({ harts, memBytes: 256 * MiB, ...extra }).toBlob());
}

function node(t: ReturnType<typeof readFdt>, path: string): Map<string, Uint8Array> {
  const n = t.get(path);
  if (n === undefined) throw new Error(`no node ${path}`);
  return n;
}

describe("virt device tree", () => {
  it("has QEMU virt's root, memory and chosen nodes", () => {
    const t = tree(1, { bootargs: "console=ttyS0 earlycon", initrd: { start: 0x88200000, end: 0x8a000000 } });
    const root = node(t, "/");
    expect(strings(root.get("compatible"))).toEqual(["riscv-virtio"]);
    expect(cells(root.get("#address-cells"))).toEqual([2]);
    expect(cells(root.get("#size-cells"))).toEqual([2]);
    expect(cells(node(t, "/memory@80000000").get("reg"))).toEqual([0, 0x80000000, 0, 256 * MiB]);
    const chosen = node(t, "/chosen");
    expect(strings(chosen.get("bootargs"))).toEqual(["console=ttyS0 earlycon"]);
    expect(strings(chosen.get("stdout-path"))).toEqual(["/soc/serial@10000000"]);
    expect(cells(chosen.get("linux,initrd-start"))).toEqual([0, 0x88200000]);
    expect(cells(chosen.get("linux,initrd-end"))).toEqual([0, 0x8a000000]);
  });

  it("leaves bootargs and the initrd out when not given", () => {
    const chosen = node(tree(1), "/chosen");
    expect(chosen.has("bootargs")).toBe(false);
    expect(chosen.has("linux,initrd-start")).toBe(false);
  });

  it("describes each hart with its ISA, MMU and local interrupt controller", () => {
    const t = tree(3);
    expect(cells(node(t, "/cpus").get("timebase-frequency"))).toEqual([10_000_000]);
    for (let id = 0; id < 3; id++) {
      const cpu = node(t, `/cpus/cpu@${id}`);
      expect(cells(cpu.get("reg"))).toEqual([id]);
      expect(strings(cpu.get("device_type"))).toEqual(["cpu"]);
      expect(strings(cpu.get("status"))).toEqual(["okay"]);
      expect(strings(cpu.get("compatible"))).toEqual(["riscv"]);
      const isa = strings(cpu.get("riscv,isa"))[0];
      expect(isa).toMatch(/^rv64imafdch_/);
      expect(isa.split("_")).toEqual(expect.arrayContaining(["zicsr", "zifencei", "sstc"]));
      expect(strings(cpu.get("riscv,isa-base"))).toEqual(["rv64i"]);
      expect(strings(cpu.get("riscv,isa-extensions"))).toEqual(hartIsaExtensions());
      expect(strings(cpu.get("mmu-type"))).toEqual(["riscv,sv57"]);
      const intc = node(t, `/cpus/cpu@${id}/interrupt-controller`);
      expect(strings(intc.get("compatible"))).toEqual(["riscv,cpu-intc"]);
      expect(cells(intc.get("#interrupt-cells"))).toEqual([1]);
      expect(intc.get("interrupt-controller")).toHaveLength(0);
      expect(cells(node(t, `/cpus/cpu-map/cluster0/core${id}`).get("cpu"))).toEqual(cells(cpu.get("phandle")));
    }
  });

  it("the riscv,isa string and the extension list agree", () => {
    expect(riscvIsaString(["i", "m", "a", "zicsr", "zba"])).toBe("rv64ima_zicsr_zba");
    const [letters, ...multi] = riscvIsaString().slice(4).split("_");
    expect([...letters, ...multi]).toEqual(hartIsaExtensions());
  });

  it("wires the CLINT (MSI 3, MTI 7) and PLIC (M-ext 11, S-ext 9) to every hart", () => {
    const t = tree(2);
    const intc = [0, 1].map((id) => cells(node(t, `/cpus/cpu@${id}/interrupt-controller`).get("phandle"))[0]);
    const clint = node(t, "/soc/clint@2000000");
    expect(strings(clint.get("compatible"))).toEqual(["sifive,clint0", "riscv,clint0"]);
    expect(cells(clint.get("reg"))).toEqual([0, 0x2000000, 0, 0x10000]);
    expect(cells(clint.get("interrupts-extended"))).toEqual([intc[0], 3, intc[0], 7, intc[1], 3, intc[1], 7]);
    const plic = node(t, "/soc/plic@c000000");
    expect(strings(plic.get("compatible"))).toEqual(["sifive,plic-1.0.0", "riscv,plic0"]);
    expect(cells(plic.get("riscv,ndev"))).toEqual([96]);
    expect(cells(plic.get("interrupts-extended"))).toEqual([intc[0], 11, intc[0], 9, intc[1], 11, intc[1], 9]);
    expect(plic.get("interrupt-controller")).toHaveLength(0);
    const serial = node(t, "/soc/serial@10000000");
    expect(strings(serial.get("compatible"))).toEqual(["ns16550a"]);
    expect(cells(serial.get("clock-frequency"))).toEqual([3686400]);
    expect(cells(serial.get("interrupts"))).toEqual([10]);
    expect(cells(serial.get("interrupt-parent"))).toEqual(cells(plic.get("phandle")));
  });

  it("has the sifive,test syscon with poweroff and reboot nodes", () => {
    const t = tree(1);
    const test = node(t, "/soc/test@100000");
    expect(strings(test.get("compatible"))).toEqual(["sifive,test1", "sifive,test0", "syscon"]);
    for (const [name, value] of [
      ["poweroff", 0x5555],
      ["reboot", 0x7777],
    ] as const) {
      const n = node(t, `/${name}`);
      expect(strings(n.get("compatible"))).toEqual([`syscon-${name}`]);
      expect(cells(n.get("regmap"))).toEqual(cells(test.get("phandle")));
      expect(cells(n.get("offset"))).toEqual([0]);
      expect(cells(n.get("value"))).toEqual([value]);
    }
  });

  it.skipIf(!HAVE_DTC)(`dtc accepts the tree without warnings (${HAVE_DTC ? "dtc found" : NO_DTC_MESSAGE})`, () => {
    const blob = buildVirtDeviceTree({ harts: 4, memBytes: 512 * MiB, bootargs: "x" }).toBlob();
    const r = withBlob(blob, (path) =>
      spawnSync("dtc", ["-I", "dtb", "-O", "dts", "-o", "/dev/null", path], { encoding: "utf8" }),
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
  });

  const HAVE_QEMU = !spawnSync("qemu-system-riscv64", ["--version"]).error;
  it.skipIf(!HAVE_QEMU)("matches the tree of qemu-system-riscv64 -M virt -smp 2 -m 256M, node for node", () => {
    const dir = mkdtempSync(join(tmpdir(), "rvhv-qemu-dtb-"));
    let qemu: ReturnType<typeof readFdt>;
    try {
      const path = join(dir, "q.dtb");
      const r = spawnSync(
        "qemu-system-riscv64",
        ["-M", `virt,dumpdtb=${path}`, "-smp", "2", "-m", "256M", "-nographic"],
        {
          encoding: "utf8",
        },
      );
      expect(r.status, r.stderr).toBe(0);
      qemu = readFdt(readFileSync(path));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const ours = tree(2);
    // Where rvhv deliberately differs: its own ISA and MMU, the newer ISA
    // properties, and QEMU's random seed; and the devices rvhv lacks.
    const oursOnly = new Set([
      "riscv,isa-base",
      "riscv,isa-extensions",
      "riscv,cbom-block-size",
      "riscv,cboz-block-size",
      "#address-cells",
    ]);
    const differ = new Set(["riscv,isa", "mmu-type"]);
    const qemuOnly = new Set(["rng-seed"]);
    for (const [path, props] of ours) {
      const theirs = qemu.get(path);
      expect(theirs, `QEMU has no node ${path}`).toBeDefined();
      for (const [name, value] of props) {
        if (differ.has(name)) continue;
        if (!theirs!.has(name)) {
          expect(oursOnly.has(name), `${path}: QEMU has no property ${name}`).toBe(true);
          continue;
        }
        expect(Array.from(value), `${path} ${name}`).toEqual(Array.from(theirs!.get(name)!));
      }
      for (const name of theirs!.keys()) {
        if (!props.has(name)) expect(qemuOnly.has(name), `${path}: rvhv lacks ${name}`).toBe(true);
      }
    }
  });
});
