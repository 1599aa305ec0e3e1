/* Integer hashing: FNV-1a 64 (a serial multiply chain, one byte at a time)
 * and XXH64 (four independent 64-bit lanes of multiply-rotate) over a 64 KiB
 * generated buffer, for ROUNDS rounds. Each round folds both hashes into an
 * accumulator and flips one buffer word with it, so no round repeats an
 * earlier one. Self-check: the published FNV-1a and XXH64 test vectors, then
 * the final accumulator against the value the host build computes. */
#include "rt/bench.h"

#define BUF_WORDS 8192 /* 64 KiB */
#define ROUNDS 256
/* The accumulator after ROUNDS rounds, from the host build (see bench/README.md). */
#define EXPECTED_ACC 0x15ab80fa63b033ceULL

static uint64_t buf[BUF_WORDS];

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x00000100000001b3ULL

static uint64_t fnv1a(const uint8_t *p, size_t n)
{
    uint64_t h = FNV_OFFSET;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= FNV_PRIME;
    }
    return h;
}

#define XXH_P1 0x9E3779B185EBCA87ULL
#define XXH_P2 0xC2B2AE3D27D4EB4FULL
#define XXH_P3 0x165667B19E3779F9ULL
#define XXH_P4 0x85EBCA77C2B2AE63ULL
#define XXH_P5 0x27D4EB2F165667C5ULL

/* Every word and half-word this program reads lies 8-byte aligned inside
 * buf (or the shorter test vectors never reach these), so plain loads are
 * safe; both the host and RISC-V are little-endian, as XXH64 assumes. */
static uint64_t read64(const uint8_t *p)
{
    return *(const uint64_t *)p;
}

static uint32_t read32(const uint8_t *p)
{
    return *(const uint32_t *)p;
}

static uint64_t xxh_round(uint64_t acc, uint64_t input)
{
    acc += input * XXH_P2;
    acc = bench_rotl(acc, 31);
    return acc * XXH_P1;
}

static uint64_t xxh_merge(uint64_t acc, uint64_t val)
{
    acc ^= xxh_round(0, val);
    return acc * XXH_P1 + XXH_P4;
}

static uint64_t xxh64(const uint8_t *p, size_t n, uint64_t seed)
{
    const uint8_t *end = p + n;
    uint64_t h;
    if (n >= 32) {
        uint64_t v1 = seed + XXH_P1 + XXH_P2, v2 = seed + XXH_P2, v3 = seed, v4 = seed - XXH_P1;
        for (; p + 32 <= end; p += 32) {
            v1 = xxh_round(v1, read64(p));
            v2 = xxh_round(v2, read64(p + 8));
            v3 = xxh_round(v3, read64(p + 16));
            v4 = xxh_round(v4, read64(p + 24));
        }
        h = bench_rotl(v1, 1) + bench_rotl(v2, 7) + bench_rotl(v3, 12) + bench_rotl(v4, 18);
        h = xxh_merge(h, v1);
        h = xxh_merge(h, v2);
        h = xxh_merge(h, v3);
        h = xxh_merge(h, v4);
    } else {
        h = seed + XXH_P5;
    }
    h += n;
    for (; p + 8 <= end; p += 8) {
        h ^= xxh_round(0, read64(p));
        h = bench_rotl(h, 27) * XXH_P1 + XXH_P4;
    }
    if (p + 4 <= end) {
        h ^= (uint64_t)read32(p) * XXH_P1;
        h = bench_rotl(h, 23) * XXH_P2 + XXH_P3;
        p += 4;
    }
    for (; p < end; p++) {
        h ^= *p * XXH_P5;
        h = bench_rotl(h, 11) * XXH_P1;
    }
    h ^= h >> 33;
    h *= XXH_P2;
    h ^= h >> 29;
    h *= XXH_P3;
    h ^= h >> 32;
    return h;
}

static int check_vectors(void)
{
    static const uint8_t abc[] = "abc";
    static const uint8_t foobar[] = "foobar";
    if (fnv1a(abc, 0) != FNV_OFFSET) return 1;
    if (fnv1a(abc, 1) != 0xaf63dc4c8601ec8cULL) return 2; /* "a" */
    if (fnv1a(foobar, 6) != 0x85944171f73967e8ULL) return 3;
    if (xxh64(abc, 0, 0) != 0xef46db3751d8e999ULL) return 4;
    if (xxh64(abc, 3, 0) != 0x44bc2cf5ad770999ULL) return 5;
    return 0;
}

int main(void)
{
    int bad = check_vectors();
    if (bad != 0) {
        BENCH_LOG("hash: test vector %d failed\n", bad);
        return bad;
    }
    uint64_t state = 0x9E3779B97F4A7C15ULL;
    for (size_t i = 0; i < BUF_WORDS; i++) buf[i] = bench_next(&state);

    uint64_t acc = 0;
    for (uint64_t round = 0; round < ROUNDS; round++) {
        const uint8_t *bytes = (const uint8_t *)buf;
        /* An odd length exercises the XXH64 tail paths. */
        uint64_t h1 = fnv1a(bytes, sizeof buf);
        uint64_t h2 = xxh64(bytes, sizeof buf - 13, round);
        acc = bench_rotl(acc, 5) ^ h1 ^ (h2 * XXH_P5);
        buf[acc % BUF_WORDS] ^= acc;
    }
    BENCH_LOG("hash: acc = 0x%016llx\n", (unsigned long long)acc);
    if (acc != EXPECTED_ACC) return 10;
    return 0;
}
