// The web page's machine: the PV guest under rvhv's TypeScript hypervisor,
// exactly as `rvhv boot` runs it (src/machine/), in a Web Worker so that
// the page stays responsive. HypervisorMachine.run yields to the worker's
// event loop every few milliseconds (src/platform/browser.ts), which is
// when typed keys and Ctrl-A x arrive.
import { guestBootargs } from "../src/machine/bootargs.js";
import { HypervisorMachine } from "../src/machine/hypervisor-machine.js";
import { runStatus } from "../src/machine/run-status.js";
import { browserPlatform } from "../src/platform/browser.js";
import { STATUS_INTERVAL_MS, type FromWorker, type ToWorker } from "./protocol.js";

/** The worker's global scope, as much of it as we use (the page's tsconfig has DOM's types, not WebWorker's). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
};

/** As rvhv boot's defaults (src/cli/boot.ts): one vCPU, 256 MiB. */
const GUEST_MEM_BYTES = 256 * 1024 * 1024;

let machine: HypervisorMachine | null = null;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === "boot") void boot(new Uint8Array(message.image), new Uint8Array(message.initrd));
  else if (message.type === "input") machine?.pushConsoleInput(message.bytes);
  else machine?.stop();
};

async function boot(kernel: Uint8Array, initrd: Uint8Array): Promise<void> {
  let timer: ReturnType<typeof setInterval> | undefined;
  try {
    const m = new HypervisorMachine({
      guests: [
        {
          memBytes: GUEST_MEM_BYTES,
          vcpus: 1,
          kernel,
          initrd,
          bootargs: guestBootargs("pv"),
          devices: "pv",
          sstc: false,
        },
      ],
      // Times the hypervisor's work for the status line's share.
      timed: true,
      platform: browserPlatform(),
    });
    machine = m;
    m.onConsoleOutput = (_guest, bytes) => scope.postMessage({ type: "output", bytes: bytes.slice() });
    timer = setInterval(() => scope.postMessage({ type: "status", status: runStatus(m) }), STATUS_INTERVAL_MS);
    const result = await m.run();
    scope.postMessage({ type: "ended", reason: result.reason });
  } catch (e) {
    scope.postMessage({ type: "ended", reason: "error", message: (e as Error).message });
  } finally {
    clearInterval(timer);
  }
}
