#pragma once
// Seeded pseudo-random numbers that are identical on every platform and standard library.
// std::uniform_int_distribution & co. are implementation-defined (libstdc++, libc++ and MSVC give
// different streams for the same engine), so resampling code draws only through this header.
#include <array>
#include <cstdint>

namespace stats {

/// SplitMix64 step (Steele, Lea & Flood 2014; Vigna's public-domain splitmix64.c): advances `state`
/// by the golden-ratio increment and returns the mixed value. Used to expand one 64-bit seed into a
/// xoshiro256** state. Pure apart from `state`; thread-safe when each thread owns its state.
constexpr std::uint64_t splitmix64(std::uint64_t& state) {
    state += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/// xoshiro256** 1.0 (Blackman & Vigna, "Scrambled linear pseudorandom number generators", 2018;
/// reference code at prng.di.unimi.it), a fast 256-bit generator for simulation, not cryptography.
/// Same seed, same stream on every platform. Not thread-safe: use one instance per thread.
class Xoshiro256StarStar {
public:
    /// Seeds the state with four successive splitmix64 outputs of `seed`, as the authors advise
    /// (never all zero, because splitmix64 is a bijection of its counter).
    explicit constexpr Xoshiro256StarStar(std::uint64_t seed) : state_{} {
        for (auto& word : state_) word = splitmix64(seed);
    }

    /// Uses `state` verbatim (it must not be all zero); for the published reference vectors.
    static constexpr Xoshiro256StarStar from_state(const std::array<std::uint64_t, 4>& state) {
        Xoshiro256StarStar rng(0);
        rng.state_ = state;
        return rng;
    }

    /// Next 64 random bits.
    constexpr std::uint64_t next() {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    /// Uniform integer in [0, bound) without modulo bias: draws r until r >= 2^64 mod bound (the
    /// incomplete top block is rejected), then returns r mod bound (OpenBSD arc4random_uniform).
    /// bound == 0 or 1 returns 0 without drawing.
    constexpr std::uint64_t below(std::uint64_t bound) {
        if (bound <= 1) return 0;
        const std::uint64_t threshold = (0 - bound) % bound;  // == 2^64 mod bound
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold) return r % bound;
        }
    }

    /// Uniform double in [0, 1): the top 53 bits of next() times 2^-53 (Vigna's recommendation).
    constexpr double uniform01() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k) {
        return (x << k) | (x >> (64 - k));
    }

    std::array<std::uint64_t, 4> state_;
};

}  // namespace stats
