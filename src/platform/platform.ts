// What a machine needs from the host it runs on, so that the same library
// code runs in Node (node.ts) and in a browser's Web Worker (browser.ts):
// a way to let the host's event loop run between slices (timers, console
// input, messages) and a default place for console output. Everything else
// the machines use (performance.now, setTimeout, WebAssembly, typed arrays)
// is the same in both. Files are the caller's business: the machines and
// loaders take bytes (the CLI reads them with node:fs, the page fetches them).

export interface Platform {
  /**
   * Resolves once the host has handled the events waiting now (console
   * input, timers, messages), without a timer's delay: a machine awaits it
   * every few milliseconds of running.
   */
  yieldToHost(): Promise<void>;
  /** Console output of a machine nobody gave a console to. */
  writeConsole(data: Uint8Array | string): void;
}
