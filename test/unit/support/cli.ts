// Test support: the rvhv command run in-process (src/cli/main.ts) with its
// output captured.
import { main } from "../../../src/cli/main.js";

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `rvhv <argv>` in this process; stdout and stderr come back as text. */
export async function runCli(argv: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const text = (data: string | Uint8Array): string =>
    typeof data === "string" ? data : new TextDecoder().decode(data);
  const status = await main(argv, {
    stdout: { write: (data: string | Uint8Array) => (stdout += text(data)) },
    stderr: { write: (data: string | Uint8Array) => (stderr += text(data)) },
  });
  return { status, stdout, stderr };
}
