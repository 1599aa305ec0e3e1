// `rvhv web`: its command line, and the server it runs (a child process):
// the page's files with their content types, the guest's files byte for
// byte, and nothing else (404, no path traversal, 405 for other methods).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request, type IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "./support/cli.js";
import { REPO } from "./fixtures/build.js";

let tmp: string;
let kernel: string;
let initrd: string;
const KERNEL_BYTES = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) & 0xff);
const INITRD_BYTES = Uint8Array.from({ length: 3000 }, (_, i) => (i * 13) & 0xff);

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "rvhv-web-"));
  kernel = join(tmp, "Image");
  initrd = join(tmp, "initrd");
  writeFileSync(kernel, KERNEL_BYTES);
  writeFileSync(initrd, INITRD_BYTES);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (...argv: string[]): Promise<CliResult> => runCli(argv);

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request with `path` sent exactly as given (no URL normalisation). */
function get(port: number, path: string, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("rvhv web: the command line", () => {
  it("refuses --kernel without --initrd, a bad port and a file argument, in one line with status 2", async () => {
    for (const [args, message] of [
      [["--kernel", "k"], "--kernel and --initrd go together"],
      [["--port", "70000"], "--port needs a whole number from 0 to 65535, got '70000'"],
      [["Image"], "web takes no file argument ('Image'): use --kernel"],
    ] as const) {
      const r = await cli("web", ...args);
      expect(r.stderr).toBe(`rvhv: ${message} (usage: rvhv --help)\n`);
      expect(r.status).toBe(2);
    }
  });

  it("names a missing kernel and exits 2", async () => {
    const missing = join(tmp, "no-such-Image");
    const r = await cli("web", "--kernel", missing, "--initrd", initrd);
    expect(r.stderr).toBe(`rvhv: cannot read the kernel ${missing}: no such file\n`);
    expect(r.status).toBe(2);
  });
});

describe("rvhv web: the server", () => {
  let server: ChildProcess;
  let port = 0;
  let exited: Promise<number | null>;

  beforeAll(async () => {
    server = spawn(
      process.execPath,
      ["--import", "tsx", join(REPO, "src/cli/main.ts"), "web", "--port", "0", "--kernel", kernel, "--initrd", initrd],
      { cwd: REPO, stdio: ["ignore", "pipe", "inherit"] },
    );
    exited = new Promise((resolve) => server.on("exit", resolve));
    port = await new Promise<number>((resolve, reject) => {
      let out = "";
      server.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
        out += chunk;
        const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
        if (m) resolve(Number(m[1]));
      });
      void exited.then((status) => reject(new Error(`rvhv web exited with ${status}`)));
    });
  }, 60_000);

  afterAll(() => {
    server.kill("SIGTERM");
  });

  it("serves the page with its content types", async () => {
    const index = await get(port, "/");
    expect(index.status).toBe(200);
    expect(index.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(index.body.toString()).toContain('<script src="main.js">');
    expect(index.body).toEqual((await get(port, "/index.html")).body);
    for (const [path, type] of [
      ["/main.js", "text/javascript; charset=utf-8"],
      ["/machine-worker.js", "text/javascript; charset=utf-8"],
      ["/xterm.css", "text/css; charset=utf-8"],
    ]) {
      const r = await get(port, path);
      expect(r.status, path).toBe(200);
      expect(r.headers["content-type"], path).toBe(type);
      expect(r.body.length, path).toBeGreaterThan(1000);
    }
  });

  it("serves the guest's Image and initramfs byte for byte", async () => {
    const image = await get(port, "/guest/Image");
    expect(image.headers["content-type"]).toBe("application/octet-stream");
    expect(image.headers["content-length"]).toBe(String(KERNEL_BYTES.length));
    expect(new Uint8Array(image.body)).toEqual(KERNEL_BYTES);
    expect(new Uint8Array((await get(port, "/guest/initramfs.cpio.gz")).body)).toEqual(INITRD_BYTES);
    const head = await get(port, "/guest/Image", "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it("answers 404 for anything else, paths that climb out included, and 405 for other methods", async () => {
    for (const path of [
      "/package.json",
      "/../package.json",
      "/..%2fpackage.json",
      "/%2e%2e/%2e%2e/etc/passwd",
      "//etc/passwd",
      "/guest/",
      "//[",
      "http://[/",
      "*",
      "/guest/build.log",
      "/build/web/main.js",
    ]) {
      expect((await get(port, path)).status, path).toBe(404);
    }
    expect((await get(port, "/main.js?v=1")).status).toBe(200);
    const post = await get(port, "/", "POST");
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
  });

  it("reports a port in use in one line with status 2", async () => {
    const r = await cli("web", "--port", String(port), "--kernel", kernel, "--initrd", initrd);
    expect(r.stderr).toBe(`rvhv: cannot listen on 127.0.0.1:${port}: in use (try --port)\n`);
    expect(r.status).toBe(2);
  });

  it("stops on SIGTERM with status 0", async () => {
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
