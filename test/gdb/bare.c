/* gdb-bare: the bare-metal program the gdb tests (test/unit/gdb-multiarch.test.ts)
   debug under `rvhv run --gdb`. It adds square(i) for i = 0..3 into
   `counter` (14 when left alone), prints the sum through HTIF's console,
   and exits with it as the status (mod 256), so what gdb changes shows in
   both. Built with -g -O0 so every variable lives in memory. */
volatile unsigned long tohost __attribute__((section(".tohost"), aligned(64)));
volatile unsigned long fromhost __attribute__((section(".tohost"), aligned(64)));

volatile long counter;
const char greeting[] = "gdb-bare: start\n";

/* HTIF console: device 1, command 1 (putchar); wait until the host took the last one. */
static void putchar_htif(char c) {
  while (tohost != 0) {
  }
  tohost = (1UL << 56) | (1UL << 48) | (unsigned char)c;
}

static void print(const char *s) {
  while (*s != 0) putchar_htif(*s++);
}

static void print_number(long n) {
  char digits[24];
  int i = 0;
  do {
    digits[i++] = (char)('0' + n % 10);
    n /= 10;
  } while (n > 0);
  while (i > 0) putchar_htif(digits[--i]);
}

long square(long x) {
  return x * x;
}

int main(void) {
  print(greeting);
  for (long i = 0; i < 4; i++) counter += square(i);
  print("gdb-bare: counter=");
  print_number(counter);
  print("\n");
  while (tohost != 0) {
  }
  return (int)(counter & 0xff);
}
