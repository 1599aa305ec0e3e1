// The ELF loader's stricter checks: the identification bytes exactly, and an
// entry point the program can start at (aligned, in RAM, in an executable
// segment). The older checks are in elf.test.ts.
import { describe, expect, it } from "vitest";
import { checkEntry, ElfError, parseElf } from "../../src/loader/elf.js";
import { BareMachine } from "../../src/devices/bare-machine.js";
import { CODE_BASE, exitWords, tinyElf, type TinyElfOptions } from "./support/tiny-program.js";

const RAM = { base: 0x80000000, size: 1 << 20 };
const EXIT0 = exitWords(0, 0);

/** tinyElf's exit-0 program with `edit` applied to its bytes. */
function patched(edit: (b: Uint8Array, v: DataView) => void, options: TinyElfOptions = {}): Uint8Array {
  const b = tinyElf(EXIT0, options);
  edit(b, new DataView(b.buffer));
  return b;
}

/** The ElfError message that parsing and checking the entry of `bytes` gives. */
function elfError(bytes: Uint8Array): string {
  try {
    checkEntry(parseElf(bytes), RAM);
  } catch (e) {
    expect(e).toBeInstanceOf(ElfError);
    return (e as Error).message;
  }
  throw new Error("expected an ElfError");
}

describe("ELF identification", () => {
  it("accepts the program as built", () => {
    const image = parseElf(tinyElf(EXIT0));
    expect(image.entry).toBe(CODE_BASE);
    expect(image.segments).toEqual([{ addr: CODE_BASE, fileOffset: 0x1000, fileSize: 0x2000, memSize: 0x2000n }]);
    expect(() => checkEntry(image, RAM)).not.toThrow();
  });

  it("needs EI_VERSION and e_version 1", () => {
    expect(elfError(patched((b) => (b[6] = 0)))).toBe("unknown ELF version 0 (EI_VERSION must be 1)");
    expect(elfError(patched((b) => (b[6] = 2)))).toBe("unknown ELF version 2 (EI_VERSION must be 1)");
    expect(elfError(patched((_, v) => v.setUint32(20, 0, true)))).toBe("unknown ELF version 0 (e_version must be 1)");
  });

  it("accepts the System V and GNU OS ABIs only", () => {
    expect(parseElf(patched((b) => (b[7] = 3))).entry).toBe(CODE_BASE);
    expect(elfError(patched((b) => (b[7] = 9)))).toBe(
      "unsupported OS ABI 9 (EI_OSABI; rvhv runs System V or GNU ELF programs, 0 or 3)",
    );
    expect(elfError(patched((b) => (b[7] = 255)))).toMatch(/^unsupported OS ABI 255 /);
  });

  it("still names an unknown class or data encoding", () => {
    expect(elfError(patched((b) => (b[4] = 0)))).toBe("unknown ELF class 0");
    expect(elfError(patched((b) => (b[5] = 0)))).toBe("unknown ELF data encoding 0");
  });
});

describe("the entry point", () => {
  const entryAt = (entry: bigint) => elfError(tinyElf(EXIT0, { entry }));

  it("must be 2-byte aligned", () => {
    expect(entryAt(CODE_BASE + 1n)).toBe("entry point 0x80000001 is not 2-byte aligned");
    expect(() => checkEntry(parseElf(tinyElf(EXIT0, { entry: CODE_BASE + 2n })), RAM)).not.toThrow();
  });

  it("must be in RAM", () => {
    expect(entryAt(0x1000n)).toBe("entry point 0x1000 is below RAM (0x80000000)");
    expect(entryAt(0x90000000n)).toBe("entry point 0x90000000 is past the end of RAM (0x800fffff)");
  });

  it("must be inside a loaded segment, which need not say PF_X (riscv-tests' link script leaves p_flags 0)", () => {
    expect(entryAt(CODE_BASE + 0x4000n)).toBe(
      "entry point 0x80004000 is outside every loaded segment (0x80000000..0x80001fff)",
    );
    expect(() => checkEntry(parseElf(tinyElf(EXIT0, { flags: 0 })), RAM)).not.toThrow();
  });

  it("is checked by the bare machine before the program starts", () => {
    const machine = new BareMachine({ memBytes: RAM.size });
    expect(() => machine.loadElf(tinyElf(EXIT0, { entry: CODE_BASE + 0x4000n }))).toThrow(ElfError);
    expect(() => machine.run()).toThrow(/no program loaded/);
  });
});
