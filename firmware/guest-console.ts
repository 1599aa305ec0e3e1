// A guest's console: what it writes (DBCN, legacy putchar, its emulated
// UART) goes to the host's output; what the host types waits in a queue
// until the guest reads it (DBCN read, legacy getchar, the UART).
export class GuestConsole {
  /** Receives the guest's output bytes. The array is only valid during the call. */
  output: (bytes: Uint8Array) => void = () => {};
  private input: number[] = [];
  private head = 0;

  write(bytes: Uint8Array): void {
    if (bytes.length > 0) this.output(bytes);
  }

  push(bytes: Uint8Array | readonly number[]): void {
    for (const b of bytes) this.input.push(b);
  }

  pending(): number {
    return this.input.length - this.head;
  }

  /** Moves up to `max` queued bytes into `into`; returns how many. */
  read(into: Uint8Array, max: number): number {
    const n = Math.min(max, this.pending());
    for (let i = 0; i < n; i++) into[i] = this.input[this.head + i];
    this.head += n;
    if (this.head === this.input.length) {
      this.input.length = 0;
      this.head = 0;
    }
    return n;
  }
}
