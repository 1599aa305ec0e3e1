// The Node.js platform (platform.ts): setImmediate runs the event loop's
// pending I/O before resuming, and the process's stdout is the console.
import type { Platform } from "./platform.js";

export const nodePlatform: Platform = {
  yieldToHost: () => new Promise<void>((resolve) => setImmediate(resolve)),
  writeConsole: (data) => {
    process.stdout.write(data);
  },
};
