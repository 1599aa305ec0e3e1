// The web page: loads the guest's kernel Image and initramfs from the
// server (`rvhv web`) with a progress bar, boots them in a worker
// (machine-worker.ts), and connects the guest's console to an xterm.js
// terminal. A status line shows instructions per second, exits and the
// hypervisor's share of the time; Ctrl-A x stops the machine, as in
// `rvhv boot` on a terminal.
import { Terminal } from "@xterm/xterm";
import { CONSOLE_HELP, EscapeDecoder } from "../src/platform/console-escape.js";
import type { HypervisorRunResult } from "../src/machine/hypervisor-machine.js";
import type { RunStatus } from "../src/machine/run-status.js";
import type { FromWorker, ToWorker } from "./protocol.js";

/** What the guest's /init prints once user space runs (guest-linux-config/init). */
const READY_MARKER = "rvhv-guest: ready";
/** The shell's prompt (guest-linux-config/profile: PS1='rvhv:\w\$ '), at the end of the output. */
const PROMPT = /rvhv:[^\r\n]*[#$] $/;
/** How much console text the page keeps for prompt detection and the test hook. */
const MIRROR_CHARS = 64 * 1024;

/** The phase line once the machine has ended, by HypervisorMachine.run's reason. */
const ENDINGS: Record<HypervisorRunResult["reason"], string> = {
  stopped: "stopped (Ctrl-A x)",
  poweroff: "the guest powered off",
  "max-insns": "stopped at the instruction limit",
};

const GUEST_FILES = [
  { name: "Image", url: "guest/Image" },
  { name: "initramfs", url: "guest/initramfs.cpio.gz" },
];

const $ = (id: string): HTMLElement => document.getElementById(id)!;
const phase = $("phase");
const bar = $("bar") as HTMLProgressElement;
const statusLine = $("status");

/**
 * What the boot test reads (test/boot/web.test.ts): the console text so
 * far, the page's phase, and the milliseconds from starting the machine
 * to the shell's first prompt.
 */
const page = { text: "", phase: "loading", bootMs: -1 };
(window as unknown as { rvhv: typeof page }).rvhv = page;

function setPhase(name: string, text: string): void {
  page.phase = name;
  phase.textContent = text;
}

const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);

/** Fetches `url` whole, reporting bytes as they arrive. */
async function download(
  name: string,
  url: string,
  shown: (text: string, fraction: number) => void,
): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok || response.body === null)
    throw new Error(`cannot load the guest's ${name} (${url}): HTTP ${response.status}`);
  const total = Number(response.headers.get("Content-Length") ?? 0);
  const bytes = new Uint8Array(total);
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (loaded + value.length <= total) bytes.set(value, loaded);
    else chunks.push(value);
    loaded += value.length;
    shown(`loading the ${name}: ${mib(loaded)} / ${mib(total)} MiB`, total > 0 ? loaded / total : 0);
  }
  if (loaded === total) return bytes.buffer;
  // No or a wrong Content-Length: join what came.
  const whole = new Uint8Array(loaded);
  let at = 0;
  for (const part of [bytes.subarray(0, Math.min(loaded, total)), ...chunks]) {
    whole.set(part, at);
    at += part.length;
  }
  return whole.buffer;
}

function formatStatus(s: RunStatus, mips: number): string {
  const share = Number.isNaN(s.hypervisorShare) ? "" : ` · hypervisor ${(100 * s.hypervisorShare).toFixed(1)}%`;
  return `${mips.toFixed(1)} MIPS · ${s.exits} exits${share} · ${(s.instructions / 1e6).toFixed(0)} M instructions`;
}

async function main(): Promise<void> {
  // convertEol: a bare LF also returns the carriage, as the host tty does for `rvhv boot` (ONLCR):
  // the kernel's early SBI console writes lines with LF alone.
  const terminal = new Terminal({ cols: 100, rows: 32, scrollback: 5000, convertEol: true });
  terminal.open($("terminal"));
  terminal.focus();

  const buffers: ArrayBuffer[] = [];
  for (const [i, file] of GUEST_FILES.entries()) {
    buffers.push(
      await download(file.name, file.url, (text, fraction) => {
        setPhase("loading", text);
        bar.value = (i + fraction) / GUEST_FILES.length;
      }),
    );
  }

  const worker = new Worker("machine-worker.js");
  worker.onerror = (event) => setPhase("error", `error: the machine's worker failed: ${event.message}`);
  const send = (message: ToWorker, transfer: Transferable[] = []): void => worker.postMessage(message, transfer);
  const decoder = new TextDecoder();
  const escape = new EscapeDecoder();
  const encoder = new TextEncoder();
  let started = 0;
  /** The previous status sample, for the rate since. */
  let last = { instructions: 0, at: 0 };

  terminal.onData((data) =>
    escape.decode(
      encoder.encode(data),
      (bytes) => send({ type: "input", bytes: bytes.slice() }),
      (command) => (command === "quit" ? send({ type: "stop" }) : terminal.write(CONSOLE_HELP)),
    ),
  );

  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    switch (message.type) {
      case "output": {
        terminal.write(message.bytes);
        page.text = (page.text + decoder.decode(message.bytes, { stream: true })).slice(-MIRROR_CHARS);
        if (page.bootMs < 0 && page.text.includes(READY_MARKER) && PROMPT.test(page.text)) {
          page.bootMs = performance.now() - started;
          bar.value = 1;
          setPhase(
            "shell",
            `shell ready: booted in ${(page.bootMs / 1000).toFixed(1)} s — Ctrl-A x stops, Ctrl-A h helps`,
          );
        }
        break;
      }
      case "status": {
        const now = performance.now();
        const s = message.status;
        const mips = (s.instructions - last.instructions) / (now - last.at) / 1000;
        last = { instructions: s.instructions, at: now };
        statusLine.textContent = formatStatus(s, mips);
        if (page.phase === "booting") {
          const where = page.text === "" ? "" : page.text.includes(READY_MARKER) ? ", user space" : ", the kernel";
          setPhase("booting", `booting${where}… ${(s.instructions / 1e6).toFixed(0)} M instructions`);
        }
        break;
      }
      case "ended": {
        const text = message.reason === "error" ? `error: ${message.message}` : ENDINGS[message.reason];
        setPhase(message.reason === "error" ? "error" : "ended", text);
        bar.value = 1;
        terminal.write(`\r\n[rvhv: ${text}]\r\n`);
        worker.terminate();
        break;
      }
    }
  };

  setPhase("booting", "booting…");
  // Indeterminate until the shell's prompt: how long a boot takes is not known ahead.
  bar.removeAttribute("value");
  started = performance.now();
  last = { instructions: 0, at: started };
  send({ type: "boot", image: buffers[0], initrd: buffers[1] }, buffers);
}

main().catch((e: unknown) => setPhase("error", `error: ${(e as Error).message}`));
