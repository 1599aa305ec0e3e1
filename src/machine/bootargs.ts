// The Linux kernel command line rvhv gives a guest, by device model; the
// same for `rvhv boot` and the web page.
import type { GuestDevices } from "../../firmware/guest.js";

/**
 * The PV console is hvc0 (SBI DBCN; earlycon=sbi shows the boot before
 * hvc0 registers), the emulated one ttyS0 (its early console from
 * stdout-path).
 */
const DEFAULT_BOOTARGS: Record<GuestDevices, string> = {
  pv: "console=hvc0 earlycon=sbi",
  emulated: "console=ttyS0 earlycon",
};

/** The command line for `devices`, with the user's `append` words after it. */
export function guestBootargs(devices: GuestDevices, append?: string): string {
  return append === undefined ? DEFAULT_BOOTARGS[devices] : `${DEFAULT_BOOTARGS[devices]} ${append}`;
}
