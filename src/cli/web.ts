// `rvhv web`: serves the web page (web/, built into build/web/) and the
// guest's kernel Image and initramfs on 127.0.0.1, until Ctrl-C. In the
// browser the page boots the guest as `rvhv boot` does, in a Web Worker.
// Without --kernel it serves the cached guest of guest-linux-config/ (it
// does not build it: that takes minutes; the message says how).
import { readdirSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";
import { builtGuest } from "../guest/build.js";
import { integerOption, parseCommandArgs, UsageError, type OptionSpec } from "./args.js";
import { InputError, readImage, readInput } from "./input-files.js";
import { EXIT_USAGE, type Io } from "./io.js";
import { rvhvPackage } from "./package-root.js";
import { readyWebPage } from "./web-build.js";
import { CONTENT_TYPES, LOOPBACK, serveRoutes, type Route } from "./web-server.js";

const WEB_OPTIONS: OptionSpec = {
  port: { type: "string" },
  kernel: { type: "string" },
  initrd: { type: "string" },
};
const DEFAULT_PORT = 8080;
/** Where the page fetches the guest (web/main.ts). */
const GUEST_PATHS = { kernel: "/guest/Image", initrd: "/guest/initramfs.cpio.gz" };
const BINARY = "application/octet-stream";

export async function webCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, WEB_OPTIONS);
  if (positionals.length > 0) throw new UsageError(`web takes no file argument ('${positionals[0]}'): use --kernel`);
  const port = integerOption(values, "port", DEFAULT_PORT, 0, 65535);
  let kernel = values.kernel === undefined ? undefined : String(values.kernel);
  let initrd = values.initrd === undefined ? undefined : String(values.initrd);
  if ((kernel === undefined) !== (initrd === undefined)) throw new UsageError("--kernel and --initrd go together");
  if (kernel === undefined || initrd === undefined) {
    const guest = builtGuest();
    if (guest === null) {
      io.stderr.write("rvhv: the Linux guest is not built: run npx rvhv guest build (once; 6 to 20 minutes)\n");
      return EXIT_USAGE;
    }
    kernel = guest.image;
    initrd = guest.initrd;
  }
  try {
    readImage("kernel", kernel);
    readInput("initrd", initrd);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.stderr.write(`rvhv: ${e.message}\n`);
    return EXIT_USAGE;
  }

  const pkg = rvhvPackage();
  if (pkg === null) throw new Error("rvhv: cannot find rvhv's package.json above the running command");
  const page = readyWebPage(pkg.root);
  if ("error" in page) {
    io.stderr.write(`rvhv: ${page.error}\n`);
    return 1;
  }
  const routes = pageRoutes(page.dir);
  routes.set(GUEST_PATHS.kernel, { file: kernel, contentType: BINARY });
  routes.set(GUEST_PATHS.initrd, { file: initrd, contentType: BINARY });

  let server;
  try {
    server = await serveRoutes(routes, port);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== "EADDRINUSE" && code !== "EACCES") throw e;
    io.stderr.write(
      `rvhv: cannot listen on ${LOOPBACK}:${port}: ${code === "EADDRINUSE" ? "in use" : "not allowed"} (try --port)\n`,
    );
    return EXIT_USAGE;
  }
  const { port: bound } = server.address() as AddressInfo;
  io.stdout.write(`rvhv: the web page is at http://${LOOPBACK}:${bound}/ (Ctrl-C stops the server)\n`);
  await new Promise<void>((resolve) => {
    const done = (): void => {
      process.off("SIGINT", done);
      process.off("SIGTERM", done);
      resolve();
    };
    process.on("SIGINT", done);
    process.on("SIGTERM", done);
  });
  server.closeAllConnections();
  server.close();
  return 0;
}

/** Every file of the built page by its URL path; "/" is index.html. */
function pageRoutes(dir: string): Map<string, Route> {
  const routes = new Map<string, Route>();
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    const contentType = CONTENT_TYPES[extname(name)];
    if (contentType !== undefined && statSync(file).isFile()) routes.set(`/${name}`, { file, contentType });
  }
  const index = routes.get("/index.html");
  if (index !== undefined) routes.set("/", index);
  return routes;
}
