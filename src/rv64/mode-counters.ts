// Instructions retired per privilege mode (M, HS/S, U, VS, VU), counted
// exactly without touching the run loop: every mode change (trap entry, an
// xRET, firmware switching a hart) first credits the instructions since the
// last change to the mode being left. What `rvhv boot --stats` reports as
// "ran in VS/VU".
import type { Hart } from "./hart.js";

/** Index into Hart.modeInstructions: privilege (U 0, S 1, M 3) + 4 when V = 1. */
export function modeIndex(priv: number, virt: boolean): number {
  return priv + (virt ? 4 : 0);
}

/** Credits the instructions retired since the last call to the hart's current mode. */
export function creditMode(h: Hart): void {
  const retired = h.retired();
  h.modeInstructions[modeIndex(h.priv, h.virt)] += retired - h.modeMark;
  h.modeMark = retired;
}
