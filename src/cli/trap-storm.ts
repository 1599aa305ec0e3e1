// The one line that reports a trap storm (a hart taking the same exception at
// its trap vector over and over: devices/trap-storm-watch.ts).
import type { TrapStorm } from "../devices/trap-storm-watch.js";

/** Exception codes and their names (Priv §3.1.15 Table 14). */
const EXCEPTION_NAMES: Record<number, string> = {
  0: "instruction address misaligned",
  1: "instruction access fault",
  2: "illegal instruction",
  3: "breakpoint",
  4: "load address misaligned",
  5: "load access fault",
  6: "store/AMO address misaligned",
  7: "store/AMO access fault",
  8: "environment call from U-mode",
  9: "environment call from S-mode",
  10: "environment call from VS-mode",
  11: "environment call from M-mode",
  12: "instruction page fault",
  13: "load page fault",
  15: "store/AMO page fault",
  18: "software check",
  19: "hardware error",
  20: "instruction guest-page fault",
  21: "load guest-page fault",
  22: "virtual instruction",
  23: "store/AMO guest-page fault",
};

const hex = (v: bigint): string => `0x${v.toString(16)}`;

/**
 * "trap storm: illegal instruction (2) at pc 0x0 over and over, tval 0x0,
 * mtvec 0x0 — the program has no working trap handler" (`onHart` adds the
 * hart, for machines with several).
 */
export function trapStormMessage(storm: TrapStorm, onHart = false): string {
  const name = EXCEPTION_NAMES[storm.cause] ?? "exception";
  return (
    `trap storm: ${name} (${storm.cause}) at pc ${hex(storm.pc)}${onHart ? ` on hart ${storm.hartId}` : ""} ` +
    `over and over, tval ${hex(storm.tval)}, ${storm.tvecName} ${hex(storm.tvec)} — the program has no working trap handler`
  );
}
