// The HTTP server of `rvhv web`: a fixed table of paths, each a file with
// its content type, on 127.0.0.1 only. Paths are looked up whole in the
// table, so nothing outside it can be named (no traversal); anything else
// is a 404, and methods other than GET and HEAD a 405.
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";

export interface Route {
  /** The file on disk, read at each request (a rebuilt page is served at once). */
  file: string;
  contentType: string;
}

/** Content types by file name ending (RFC 9239 for JavaScript). */
export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
};

export const LOOPBACK = "127.0.0.1";

/** Starts serving `routes` (URL path → file) on 127.0.0.1:`port` (0: any free port). */
export function serveRoutes(routes: Map<string, Route>, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    // The request target as sent, less its query: no decoding, no normalising.
    const route = routes.get((request.url ?? "").split("?")[0]);
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain" }).end("method not allowed\n");
      return;
    }
    let body: Uint8Array;
    try {
      if (route === undefined) throw new Error("no route");
      body = readFileSync(route.file);
    } catch {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
      return;
    }
    response.writeHead(200, {
      "Content-Type": route.contentType,
      "Content-Length": body.length,
      // The page and the guest change with a rebuild: never use a stale copy.
      "Cache-Control": "no-store",
    });
    response.end(request.method === "HEAD" ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, LOOPBACK, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}
