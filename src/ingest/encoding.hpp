#pragma once
// Decides how a file's bytes are encoded and turns them into UTF-8 text for the readers.
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace ingest {

struct Decoded {
    std::string text;                   ///< UTF-8 without BOM
    std::string encoding;               ///< "utf-8", "utf-8-bom", "utf-16le", "utf-16be", ...
    std::vector<std::string> warnings;  ///< "path:line: message"
};

/// Classifies and decodes raw bytes:
/// - UTF-8 (BOM stripped); invalid sequences are replaced by U+FFFD with a warning naming the
///   first bad line, so one bad byte does not cost the rest of the file;
/// - UTF-16 LE/BE with a BOM, or ASCII-range UTF-16LE without one (NUL in every odd byte);
/// - UTF-16LE behind a mangled BOM: the bytes C3 BF C3 BE ("ÿþ" re-encoded as UTF-8) then UTF-16LE;
/// - anything else holding NUL bytes or mostly control bytes is binary: returns an Error whose
///   message starts with "binary".
/// Never throws; linear time.
util::Result<Decoded> decode_text(std::string_view bytes, const std::string& file);
/// Same, taking ownership: valid UTF-8 without a BOM (the common case) is moved, not copied.
util::Result<Decoded> decode_owned_text(std::string&& bytes, const std::string& file);

}  // namespace ingest
