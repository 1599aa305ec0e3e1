import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { beforeAll, describe, expect, it } from "vitest";
import { ElfError, loadSegments, parseElf } from "../../src/loader/elf.js";
import { readProgramFile } from "../../src/loader/program-file.js";
import { Ram } from "../../src/rv64/memory.js";
import { buildFixture } from "./fixtures/build.js";

const RAM_BASE = 0x80000000;
let hello: Uint8Array;

beforeAll(() => {
  hello = new Uint8Array(readFileSync(buildFixture("hello")));
});

/** A copy of the hello program with `edit` applied to its bytes. */
function patched(edit: (b: Uint8Array, v: DataView) => void): Uint8Array {
  const b = hello.slice();
  edit(b, new DataView(b.buffer));
  return b;
}

/** Offset of the n-th program header of type `type` in hello. */
function phdr(type: number, n = 0): number {
  const v = new DataView(hello.buffer, hello.byteOffset);
  const phoff = Number(v.getBigUint64(32, true));
  for (let i = 0, seen = 0; i < v.getUint16(56, true); i++) {
    const off = phoff + 56 * i;
    if (v.getUint32(off, true) === type && seen++ === n) return off;
  }
  throw new Error("no such program header");
}

function elfError(bytes: Uint8Array, ram = new Ram(RAM_BASE, 1 << 20)): string {
  try {
    loadSegments(parseElf(bytes), bytes, ram);
  } catch (e) {
    expect(e).toBeInstanceOf(ElfError);
    const message = (e as Error).message;
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error("expected an ElfError");
}

describe("ELF loader", () => {
  it("reports the entry point and finds tohost/fromhost and other symbols", () => {
    const image = parseElf(hello);
    expect(image.entry).toBe(0x80000000n);
    expect(image.symbols.get("tohost")).toBe(0x80001000n);
    expect(image.symbols.get("fromhost")).toBe(0x80001040n);
    expect(image.symbols.get("_start")).toBe(0x80000000n);
    expect(image.symbols.has("no_such_symbol")).toBe(false);
    expect(image.segments.map((s) => s.addr)).toEqual([0x80000000n, 0x80001000n]);
  });

  it("copies file bytes to the physical address and zeroes the rest of memsz", () => {
    const seg = phdr(1, 1);
    const bytes = patched((_, v) => v.setBigUint64(seg + 40, v.getBigUint64(seg + 40, true) + 0x100n, true));
    const ram = new Ram(RAM_BASE, 1 << 20);
    ram.u8.fill(0xaa);
    const image = parseElf(bytes);
    loadSegments(image, bytes, ram);
    const text = image.segments[0];
    expect(ram.u8.subarray(0, text.fileSize)).toEqual(bytes.subarray(text.fileOffset, text.fileOffset + text.fileSize));
    const data = image.segments[1];
    const end = 0x1000 + data.fileSize;
    expect(Array.from(ram.u8.subarray(end, end + 0x100)).every((b) => b === 0)).toBe(true);
    expect(ram.u8[end + 0x100]).toBe(0xaa);
  });

  it("loads a position-independent (ET_DYN) program unrelocated at its vaddrs", () => {
    const bytes = patched((_, v) => v.setUint16(16, 3, true));
    expect(parseElf(bytes).segments[0].addr).toBe(0x80000000n);
  });

  it("rejects a missing file", () => {
    expect(() => readProgramFile(join(tmpdir(), "rvhv-no-such-file.elf"))).toThrow(new ElfError("no such file"));
  });

  it("rejects an empty file", () => {
    expect(elfError(new Uint8Array(0))).toBe("empty file");
  });

  it("rejects a file that is not ELF", () => {
    expect(elfError(new TextEncoder().encode("#!/bin/sh\necho hi\n"))).toBe("not an ELF file (bad magic number)");
  });

  it("rejects a truncated header", () => {
    expect(elfError(hello.subarray(0, 20))).toBe("truncated ELF header (file is 20 bytes, the header needs 64)");
  });

  it("rejects program headers past the end of the file", () => {
    expect(elfError(patched((_, v) => v.setBigUint64(32, 0x10000n, true)))).toMatch(
      /^truncated file: program headers end at byte 65704, file is \d+ bytes$/,
    );
  });

  it("rejects a segment past the end of the file", () => {
    expect(elfError(hello.subarray(0, 0x2050))).toBe(
      "truncated file: segment 2 needs bytes 0x2000..0x2100, file is 0x2050 bytes",
    );
  });

  it("rejects a 32-bit ELF", () => {
    expect(elfError(patched((b) => (b[4] = 1)))).toMatch(/^32-bit ELF \(ELFCLASS32\)/);
  });

  it("rejects a big-endian ELF", () => {
    expect(elfError(patched((b) => (b[5] = 2)))).toMatch(/^big-endian ELF \(ELFDATA2MSB\)/);
  });

  it("names the machine of a non-RISC-V ELF", () => {
    expect(elfError(patched((_, v) => v.setUint16(18, 62, true)))).toBe(
      "not a RISC-V program (e_machine 62, x86-64; RISC-V is 243)",
    );
    expect(elfError(patched((_, v) => v.setUint16(18, 999, true)))).toBe(
      "not a RISC-V program (e_machine 999; RISC-V is 243)",
    );
  });

  it("rejects an object file that is not linked", () => {
    expect(elfError(patched((_, v) => v.setUint16(16, 1, true)))).toMatch(/^relocatable object file \(ET_REL\)/);
  });

  it("rejects a program that needs a dynamic linker", () => {
    const first = phdr(0x70000003); // PT_RISCV_ATTRIBUTES, reused as PT_INTERP
    expect(elfError(patched((_, v) => v.setUint32(first, 3, true)))).toMatch(/^dynamically linked \(PT_INTERP\)/);
  });

  it("rejects a file with no loadable segments", () => {
    const text = phdr(1, 0);
    const data = phdr(1, 1);
    const bytes = patched((_, v) => {
      v.setUint32(text, 0, true);
      v.setUint32(data, 0, true);
    });
    expect(elfError(bytes)).toBe("no loadable segments (PT_LOAD)");
  });

  it("rejects a segment outside RAM, giving both ranges", () => {
    const text = phdr(1, 0);
    expect(elfError(patched((_, v) => v.setBigUint64(text + 24, 0x1000n, true)))).toBe(
      "segment 0x1000..0x10bb is outside RAM 0x80000000..0x800fffff",
    );
    expect(elfError(hello, new Ram(RAM_BASE, 0x1000))).toBe(
      "segment 0x80001000..0x800010ff is outside RAM 0x80000000..0x80000fff (try a larger --mem)",
    );
  });
});
