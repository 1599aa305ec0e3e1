// Legacy extensions (SBI v2.0 §5, SBI v0.1): one EID per function, the
// result in a0 alone. Hart masks are passed by pointer (an S-mode virtual
// address of an unsigned long); a null pointer selects every hart.
import type { SbiCall, SbiExtension } from "./call.js";
import {
  EID_LEGACY_CLEAR_IPI,
  EID_LEGACY_CONSOLE_GETCHAR,
  EID_LEGACY_CONSOLE_PUTCHAR,
  EID_LEGACY_REMOTE_FENCE_I,
  EID_LEGACY_REMOTE_SFENCE_VMA,
  EID_LEGACY_REMOTE_SFENCE_VMA_ASID,
  EID_LEGACY_SEND_IPI,
  EID_LEGACY_SET_TIMER,
  EID_LEGACY_SHUTDOWN,
  SBI_ERR_INVALID_ADDRESS,
  SBI_ERR_INVALID_PARAM,
  SRST_REASON_NONE,
  SRST_SHUTDOWN,
} from "./constants.js";
import { selectLegacyHarts, selectedHarts } from "./hart-mask.js";

/** A legacy extension: one function, whatever a6 holds. */
function legacy(name: string, eid: number, handle: (call: SbiCall) => void): SbiExtension {
  return { name: `legacy ${name}`, eid, legacy: true, functions: [{ name, handle }] };
}

/** Reads the hart mask a0 points at into selectedHarts; false (with the error set) when it cannot. */
function legacyHarts(call: SbiCall): boolean {
  const host = call.host;
  const mask =
    call.argLo[0] === 0 && call.argHi[0] === 0 ? null : host.loadGuestVirtual64(call.argLo[0], call.argHi[0]);
  if (mask === null && (call.argLo[0] !== 0 || call.argHi[0] !== 0)) {
    call.fail(SBI_ERR_INVALID_ADDRESS);
    return false;
  }
  if (!selectLegacyHarts(mask, host.hartCount)) {
    call.fail(SBI_ERR_INVALID_PARAM);
    return false;
  }
  return true;
}

const getcharBuffer = new Uint8Array(1);

export const legacyExtensions: SbiExtension[] = [
  legacy("set_timer", EID_LEGACY_SET_TIMER, (call) => {
    call.host.setTimer(call.argLo[0], call.argHi[0]);
    call.ok();
  }),
  legacy("console_putchar", EID_LEGACY_CONSOLE_PUTCHAR, (call) => {
    getcharBuffer[0] = call.argLo[0];
    call.host.consoleWrite(getcharBuffer);
    call.ok();
  }),
  // §5.3: the byte read, or -1 when there is none.
  legacy("console_getchar", EID_LEGACY_CONSOLE_GETCHAR, (call) => {
    if (call.host.consoleRead(getcharBuffer, 1) === 1) call.ok(getcharBuffer[0]);
    else call.ok(-1, -1);
  }),
  // §5.4: 0 when no IPI was pending, else a positive value.
  legacy("clear_ipi", EID_LEGACY_CLEAR_IPI, (call) => call.ok(call.host.clearIpi() ? 1 : 0)),
  legacy("send_ipi", EID_LEGACY_SEND_IPI, (call) => {
    if (!legacyHarts(call)) return;
    for (const hartId of selectedHarts) call.host.sendIpi(hartId);
    call.ok();
  }),
  legacy("remote_fence_i", EID_LEGACY_REMOTE_FENCE_I, (call) => {
    if (!legacyHarts(call)) return;
    for (const hartId of selectedHarts) call.host.fenceI(hartId);
    call.ok();
  }),
  legacy("remote_sfence_vma", EID_LEGACY_REMOTE_SFENCE_VMA, legacySfence),
  legacy("remote_sfence_vma_asid", EID_LEGACY_REMOTE_SFENCE_VMA_ASID, legacySfence),
  legacy("shutdown", EID_LEGACY_SHUTDOWN, (call) => {
    call.host.systemReset(SRST_SHUTDOWN, SRST_REASON_NONE);
    call.noReturn = true;
  }),
];

/** remote_sfence_vma(_asid)(hart_mask, start, size[, asid]). */
function legacySfence(call: SbiCall): void {
  if (!legacyHarts(call)) return;
  for (const hartId of selectedHarts) {
    call.host.sfenceVma(hartId, call.argLo[1], call.argHi[1], call.argLo[2], call.argHi[2]);
  }
  call.ok();
}
