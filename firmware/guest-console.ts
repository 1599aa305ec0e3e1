// A guest's console: what it writes (DBCN, legacy putchar, its emulated
// UART) goes to the host's output; what the host types either waits in a
// queue until the guest reads it (DBCN read, legacy getchar), or, when the
// console is an emulated UART (`onInput`), arrives on its serial line. The
// console outlives a guest's reboot, so input typed ahead is kept.
export class GuestConsole {
  /** Receives the guest's output bytes. The array is only valid during the call. */
  output: (bytes: Uint8Array) => void = () => {};
  /** Where typed input goes instead of the queue (an emulated UART), or null. */
  onInput: ((bytes: Uint8Array | readonly number[]) => void) | null = null;
  private input: number[] = [];
  private head = 0;
  private readonly oneByte = new Uint8Array(1);

  write(bytes: Uint8Array): void {
    if (bytes.length > 0) this.output(bytes);
  }

  writeByte(byte: number): void {
    this.oneByte[0] = byte;
    this.output(this.oneByte);
  }

  push(bytes: Uint8Array | readonly number[]): void {
    if (this.onInput !== null) {
      this.onInput(bytes);
      return;
    }
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
