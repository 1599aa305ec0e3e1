// src/cli/guest-output.ts: where each guest's console output goes.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { guestOutput } from "../../src/cli/guest-output.js";

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

function capture(): { stdout: { write(d: string | Uint8Array): void }; text: () => string } {
  let text = "";
  return {
    stdout: { write: (d) => (text += typeof d === "string" ? d : new TextDecoder().decode(d)) },
    text: () => text,
  };
}

describe("guest console output", () => {
  it("passes one guest's bytes through unchanged", () => {
    const c = capture();
    const out = guestOutput(c.stdout, 1, undefined);
    out.write(0, bytes("rvhv:~# "));
    expect(out.atLineStart).toBe(false);
    out.write(0, bytes("ls\n"));
    expect(c.text()).toBe("rvhv:~# ls\n");
    expect(out.atLineStart).toBe(true);
  });

  it("prefixes every line of several guests; a line another guest cut goes on after [gN]+", () => {
    const c = capture();
    const out = guestOutput(c.stdout, 2, undefined);
    out.write(0, bytes("one\ntw"));
    out.write(1, bytes("b1\nb2\n"));
    out.write(0, bytes("o\n"));
    expect(c.text()).toBe("[g0] one\n[g0] tw\n[g1] b1\n[g1] b2\n[g0]+ o\n");
  });

  it("writes each guest's output to its own file with --console-dir", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rvhv-console-"));
    try {
      const c = capture();
      const out = guestOutput(c.stdout, 2, dir);
      out.write(0, bytes("zero\n"));
      out.write(1, bytes("one\n"));
      await out.close();
      expect(readFileSync(join(dir, "g0.log"), "utf8")).toBe("zero\n");
      expect(readFileSync(join(dir, "g1.log"), "utf8")).toBe("one\n");
      expect(c.text()).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
