// `rvhv guest build|path`: the Linux guest of guest-linux-config/, built into
// the cache by src/guest (no-op when the cache has it).
import { buildGuest, guestCacheDir, printGuestProgress } from "../guest/build.js";
import { UsageError } from "./args.js";
import type { Io } from "./io.js";

/** build.sh failed (it names the cause and its log). */
const EXIT_BUILD_FAILED = 1;

export async function guestCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (rest.length > 0) throw new UsageError(`guest ${sub} takes no arguments`);
  switch (sub) {
    case "build":
      try {
        // build.sh reports progress, or that the cache is up to date.
        const guest = await buildGuest({ onProgress: printGuestProgress(process.stderr) });
        io.stdout.write(`${guest.dir}\n`);
        return 0;
      } catch (e) {
        io.stderr.write(`${(e as Error).message}\n`);
        return EXIT_BUILD_FAILED;
      }
    case "path":
      try {
        io.stdout.write(`${guestCacheDir()}\n`);
        return 0;
      } catch (e) {
        io.stderr.write(`${(e as Error).message}\n`);
        return EXIT_BUILD_FAILED;
      }
    case undefined:
      throw new UsageError("guest needs a subcommand: build or path");
    default:
      throw new UsageError(`unknown guest subcommand '${sub}' (build or path)`);
  }
}
