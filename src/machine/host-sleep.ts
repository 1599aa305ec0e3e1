// Sleeping the host process while every hart or vCPU waits (the virt
// machine and the hypervisor machine): a timer for the next guest deadline,
// which console input can cut short.

/** setTimeout's limit is 2^31 - 1 ms; longer waits are taken in pieces. */
const MAX_SLEEP_MS = 2 ** 30;

/**
 * Waits `ms` host milliseconds (Infinity: as long as a timer can; the
 * caller then waits again). `setWake` is handed a function that ends the
 * wait early, and null once it is over.
 */
export function sleepHost(ms: number, setWake: (wake: (() => void) | null) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, Math.min(Math.max(0, Math.ceil(ms)), MAX_SLEEP_MS));
    setWake(done);
    function done(): void {
      clearTimeout(timer);
      setWake(null);
      resolve();
    }
  });
}
