#include "util/hash.hpp"

#include <cstring>

namespace util {

namespace {
constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return x;
}
std::uint64_t load_le64(const unsigned char* p) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}
}  // namespace

std::uint64_t content_hash(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t n = bytes.size();
    // Four independent lanes keep the multiplier pipeline busy (~several GB/s).
    std::uint64_t lane[4] = {n ^ kMul, 0x243F6A8885A308D3ULL, 0x13198A2E03707344ULL, 0xA4093822299F31D0ULL};
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32)
        for (int k = 0; k < 4; ++k) lane[k] = (lane[k] ^ load_le64(p + i + 8 * k)) * kMul + (lane[k] >> 29);
    std::uint64_t h = mix(lane[0]) ^ mix(lane[1] + 1) ^ mix(lane[2] + 2) ^ mix(lane[3] + 3);
    for (; i + 8 <= n; i += 8) h = mix(h ^ load_le64(p + i));
    std::uint64_t tail = 0;
    for (std::size_t k = 0; i + k < n; ++k) tail |= static_cast<std::uint64_t>(p[i + k]) << (8 * k);
    return mix(h ^ tail ^ (static_cast<std::uint64_t>(n) << 1));
}

std::string hash_hex(std::uint64_t hash) {
    static const char* digits = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = digits[hash & 0xF];
        hash >>= 4;
    }
    return out;
}

}  // namespace util
