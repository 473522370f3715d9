#pragma once
// A fast 64-bit content hash used to name file contents and find duplicates. Not cryptographic:
// equal hashes are confirmed byte by byte before two files are called duplicates.
#include <cstdint>
#include <string>
#include <string_view>

namespace util {

/// Hashes bytes eight at a time with a multiply-xorshift mix (the 64-bit finaliser of
/// MurmurHash3 / SplitMix64 applied per word). Same input, same value on every platform.
std::uint64_t content_hash(std::string_view bytes);
/// 16 lower-case hex digits.
std::string hash_hex(std::uint64_t hash);

}  // namespace util
