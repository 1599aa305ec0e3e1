// The browser platform (platform.ts), for a machine in a Web Worker. A
// message to ourselves through a MessageChannel is a task of its own, so
// the worker's other tasks (messages from the page, timers) run before it,
// and unlike setTimeout(0) it is never clamped to 4 ms (HTML §8.6 "Timers":
// nested timeouts wait at least 4 ms). The default console is the browser's
// developer console.

import type { Platform } from "./platform.js";

export function browserPlatform(): Platform {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  const decoder = new TextDecoder();
  return {
    yieldToHost: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      }),
    writeConsole: (data) => console.log(typeof data === "string" ? data : decoder.decode(data)),
  };
}
