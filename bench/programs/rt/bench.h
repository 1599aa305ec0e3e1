/* Portability layer for the benchmark programs.
 *
 * Each program is plain C with `int main(void)` returning 0 when its
 * self-check passes and a small failure code otherwise. Built bare-metal for
 * rvhv (scripts/build-bench.mjs), crt0.S calls main and reports the result
 * through HTIF; built for the host with -DBENCH_HOST, the same source runs
 * natively so its logic and expected values can be checked with a trusted
 * CPU. Only the host build prints. */
#ifndef RVHV_BENCH_H
#define RVHV_BENCH_H

#include <stddef.h>
#include <stdint.h>

#ifdef BENCH_HOST
#include <stdio.h>
#define BENCH_LOG(...) printf(__VA_ARGS__)
#else
#define BENCH_LOG(...) ((void)0)
#endif

/* xorshift64* (Vigna, 2016): the programs' deterministic input generator. */
static inline uint64_t bench_next(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

static inline uint64_t bench_rotl(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}

#endif
