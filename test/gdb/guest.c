/* gdb-guest: the VS-mode guest the gdb tests (test/unit/gdb-multiarch.test.ts)
   debug under `rvhv boot --gdb`. It turns on Sv39 with two 1 GiB mappings
   of its RAM: identity at 0x8000_0000 and an alias at 0x4000_0000, which
   only the guest's own page table (VS-stage) knows, so reading through the
   alias shows the stub translating as the guest does. Then it adds
   twice(i) for i = 0..3 into `guest_counter` (12 when left alone), prints
   the sum through SBI DBCN and shuts down through SBI SRST. Built with
   -g -O0 so every variable lives in memory. */
#define SBI_EXT_DBCN 0x4442434eUL
#define SBI_EXT_SRST 0x53525354UL

/* PTE bits (Priv §4.4.1): V R W X, and A D set so no Svade fault comes. */
#define PTE_LEAF_RWX 0xcfUL
#define SATP_SV39 (8UL << 60)
#define GIB (1UL << 30)

static unsigned long page_table[512] __attribute__((aligned(4096)));
volatile long guest_counter;

static long sbi_call(unsigned long ext, unsigned long fn, unsigned long a0, unsigned long a1, unsigned long a2) {
  register unsigned long r0 asm("a0") = a0;
  register unsigned long r1 asm("a1") = a1;
  register unsigned long r2 asm("a2") = a2;
  register unsigned long r6 asm("a6") = fn;
  register unsigned long r7 asm("a7") = ext;
  asm volatile("ecall" : "+r"(r0), "+r"(r1) : "r"(r2), "r"(r6), "r"(r7) : "memory");
  return (long)r0;
}

static void print(const char *s) {
  unsigned long n = 0;
  while (s[n] != 0) n++;
  /* DBCN console_write(num_bytes, base_addr_lo, base_addr_hi): a guest physical address. */
  sbi_call(SBI_EXT_DBCN, 0, n, (unsigned long)s, 0);
}

static void print_number(long n) {
  char digits[24];
  int i = 23;
  digits[i] = 0;
  do {
    digits[--i] = (char)('0' + n % 10);
    n /= 10;
  } while (n > 0);
  print(&digits[i]);
}

long twice(long x) {
  return 2 * x;
}

void guest_main(void) {
  unsigned long ram_ppn = 0x80000000UL >> 12;
  page_table[0x80000000UL / GIB] = (ram_ppn << 10) | PTE_LEAF_RWX;
  page_table[0x40000000UL / GIB] = (ram_ppn << 10) | PTE_LEAF_RWX;
  asm volatile("csrw satp, %0; sfence.vma" : : "r"(SATP_SV39 | ((unsigned long)page_table >> 12)) : "memory");
  print("gdb-guest: paging on\n");
  for (long i = 0; i < 4; i++) guest_counter += twice(i);
  print("gdb-guest: counter=");
  print_number(guest_counter);
  print("\n");
  /* SRST system_reset(shutdown, no reason). */
  sbi_call(SBI_EXT_SRST, 0, 0, 0, 0);
}
