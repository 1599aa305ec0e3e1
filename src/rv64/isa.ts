// The ISA this hart implements, as named in device trees and ISA strings
// (Unpriv "ISA Extension Naming Conventions": single letters, then Z
// extensions by category and name, then S extensions). Keep in step with
// the opcode table (decode/table.ts), the CSRs (csr/) and the MMU.
import { hasHypervisor } from "./csr/table.js";

// prettier-ignore
const EXTENSIONS: readonly string[] = [
  "i", "m", "a", "f", "d", "c", "h",
  "zicbom", "zicboz", "zicntr", "zicond", "zicsr", "zifencei", "zihintpause", "zihpm",
  "zfa", "zfh", "zfhmin",
  "zba", "zbb", "zbc", "zbkb", "zbkc", "zbkx", "zbs",
  "smstateen", "sstc", "svade", "svadu", "svnapot", "svpbmt",
];

/** Extension names in canonical order; "h" only when src/h-extension is loaded. */
export function hartIsaExtensions(): string[] {
  return EXTENSIONS.filter((e) => e !== "h" || hasHypervisor());
}

/** The `riscv,isa` string: "rv64" + single letters, then "_"-separated multi-letter names. */
export function riscvIsaString(extensions: readonly string[] = hartIsaExtensions()): string {
  const single = extensions.filter((e) => e.length === 1).join("");
  const multi = extensions.filter((e) => e.length > 1);
  return ["rv64" + single, ...multi].join("_");
}
