/* Sorting: quicksort (median-of-three, insertion sort below a cutoff) of
 * N pseudo-random 64-bit keys, REPEATS times with fresh keys. Self-check
 * after each sort: the keys are in order, and their sum and xor-of-mixes (a
 * multiset fingerprint) match the unsorted input's, so nothing was lost or
 * duplicated. */
#include "rt/bench.h"

#define N 100000
#define REPEATS 6
#define INSERTION_CUTOFF 16

static uint64_t keys[N];

static void insertion_sort(uint64_t *a, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint64_t v = a[i];
        size_t j = i;
        for (; j > 0 && a[j - 1] > v; j--) a[j] = a[j - 1];
        a[j] = v;
    }
}

static void swap(uint64_t *a, uint64_t *b)
{
    uint64_t t = *a;
    *a = *b;
    *b = t;
}

/* Recurses into the smaller side and loops on the larger, so the stack
 * stays O(log n) deep whatever the input. */
static void quicksort(uint64_t *a, size_t n)
{
    while (n > INSERTION_CUTOFF) {
        size_t mid = n / 2;
        if (a[mid] < a[0]) swap(&a[mid], &a[0]);
        if (a[n - 1] < a[0]) swap(&a[n - 1], &a[0]);
        if (a[n - 1] < a[mid]) swap(&a[n - 1], &a[mid]);
        uint64_t pivot = a[mid];
        /* Hoare partition: a[0] <= pivot <= a[n-1] act as sentinels. */
        size_t i = 0, j = n - 1;
        for (;;) {
            do i++; while (a[i] < pivot);
            do j--; while (a[j] > pivot);
            if (i >= j) break;
            swap(&a[i], &a[j]);
        }
        size_t left = j + 1;
        if (left < n - left) {
            quicksort(a, left);
            a += left;
            n -= left;
        } else {
            quicksort(a + left, n - left);
            n = left;
        }
    }
    insertion_sort(a, n);
}

/* A bijective mixer (splitmix64's finaliser), so the xor fingerprint
 * depends on every bit of every key. */
static uint64_t mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

static void fingerprint(const uint64_t *a, size_t n, uint64_t *sum, uint64_t *mixed)
{
    uint64_t s = 0, m = 0;
    for (size_t i = 0; i < n; i++) {
        s += a[i];
        m ^= mix(a[i]);
    }
    *sum = s;
    *mixed = m;
}

int main(void)
{
    uint64_t state = 0x2545F4914F6CDD1DULL;
    for (int r = 0; r < REPEATS; r++) {
        /* Every other round draws keys from a narrow range, so runs of equal
           keys test the partition's handling of duplicates. */
        uint64_t range_mask = (r & 1) ? 0x3ff : ~0ULL;
        for (size_t i = 0; i < N; i++) keys[i] = bench_next(&state) & range_mask;
        uint64_t sum0, mixed0, sum1, mixed1;
        fingerprint(keys, N, &sum0, &mixed0);
        quicksort(keys, N);
        for (size_t i = 1; i < N; i++) {
            if (keys[i - 1] > keys[i]) {
                BENCH_LOG("sort: round %d: out of order at %zu\n", r, i);
                return 1;
            }
        }
        fingerprint(keys, N, &sum1, &mixed1);
        if (sum0 != sum1 || mixed0 != mixed1) {
            BENCH_LOG("sort: round %d: keys changed by the sort\n", r);
            return 2;
        }
    }
    BENCH_LOG("sort: %d rounds of %d keys sorted\n", REPEATS, N);
    return 0;
}
