// The web page (`rvhv web`, web/): Debian's chromium, headless and driven by
// puppeteer-core, loads the page from the server, which boots the Linux
// guest under the TypeScript hypervisor in a Web Worker; the test waits for
// the shell's prompt in the terminal, types `uname -a`, and checks the
// answer. A screenshot of the page is left in test/results/ (not committed).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, requireGuest } from "./support.js";

const CHROMIUM = "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** The boot takes a few seconds in Chromium here; the limit leaves room for a loaded CI machine. */
const TIMEOUT_MS = 120_000;
const RESULTS = join(REPO, "test/results");

/** What the page publishes for tests (web/main.ts). */
interface PageHook {
  text: string;
  phase: string;
  bootMs: number;
}
declare const window: { rvhv?: PageHook };

/** Starts `rvhv web --port 0` from source; resolves with its URL once it listens. */
function startServer(args: string[]): Promise<{ server: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const server = spawn(process.execPath, ["--import", "tsx", join(REPO, "src/cli/main.ts"), "web", ...args], {
      cwd: REPO,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    server.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) resolve({ server, url: m[0] });
    });
    server.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
    server.on("error", reject);
    server.on("exit", (status) => reject(new Error(`rvhv web exited (${status}): ${err}`)));
  });
}

describe.skipIf(!HAVE_CHROMIUM)(
  `rvhv web: the guest boots in Chromium${HAVE_CHROMIUM ? "" : " (chromium not found: apt-get install chromium)"}`,
  () => {
    let server: ChildProcess | undefined;
    let browser: Browser | undefined;
    afterAll(async () => {
      await browser?.close();
      server?.kill("SIGTERM");
    });

    it(
      "loads the guest, boots it to a shell in a worker, and runs uname -a typed into the terminal",
      async () => {
        const guest = requireGuest();
        const started = await startServer(["--port", "0", "--kernel", guest.image, "--initrd", guest.initrd]);
        server = started.server;
        browser = await puppeteer.launch({
          executablePath: CHROMIUM,
          headless: true,
          // Root in a container has no user namespaces for Chromium's sandbox.
          args: ["--no-sandbox"],
        });
        const page = await browser.newPage();
        await page.setViewport({ width: 1000, height: 760 });
        await page.goto(started.url);
        await page.waitForFunction(() => (window.rvhv?.bootMs ?? -1) >= 0 || window.rvhv?.phase === "error", {
          timeout: TIMEOUT_MS,
          polling: 100,
        });
        const booted = (await page.evaluate(() => window.rvhv!)) as PageHook;
        expect(booted.phase, booted.text).toBe("shell");
        console.log(`rvhv web: booted to the shell in Chromium in ${(booted.bootMs / 1000).toFixed(2)} s`);

        await page.click("#terminal");
        await page.keyboard.type("uname -a\n");
        await page.waitForFunction(() => /\nLinux [^\n]*\n[^\n]*rvhv:[^\r\n]*# $/.test(window.rvhv!.text), {
          timeout: 30_000,
          polling: 100,
        });
        const text = await page.evaluate(() => window.rvhv!.text);
        const answer = text.slice(text.lastIndexOf("uname -a")).split("\n")[1];
        expect(answer).toMatch(/^Linux rvhv .* riscv64/);

        mkdirSync(RESULTS, { recursive: true });
        await page.screenshot({ path: join(RESULTS, "web-shell.png") });
        const status = await page.$eval("#status", (e) => e.textContent ?? "");
        expect(status).toMatch(/MIPS · \d+ exits · hypervisor [\d.]+%/);

        // Ctrl-A x stops the machine.
        await page.keyboard.down("Control");
        await page.keyboard.press("a");
        await page.keyboard.up("Control");
        await page.keyboard.press("x");
        await page.waitForFunction(() => window.rvhv!.phase === "ended", { timeout: 10_000, polling: 100 });
        expect(await page.$eval("#phase", (e) => e.textContent)).toBe("stopped (Ctrl-A x)");
      },
      TIMEOUT_MS + 60_000,
    );
  },
);
