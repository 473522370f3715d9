#include "ingest/encoding.hpp"

#include <cstdint>
#include <cstring>

#include "util/strings.hpp"

namespace ingest {

namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

constexpr std::uint32_t kReplacement = 0xFFFD;

std::string decode_utf16(std::string_view bytes, bool little_endian, std::size_t* bad_units) {
    std::string out;
    out.reserve(bytes.size() / 2 + 16);
    auto unit_at = [&](std::size_t i) -> std::uint32_t {
        auto lo = static_cast<unsigned char>(bytes[i]);
        auto hi = static_cast<unsigned char>(bytes[i + 1]);
        return little_endian ? (static_cast<std::uint32_t>(hi) << 8 | lo) : (static_cast<std::uint32_t>(lo) << 8 | hi);
    };
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        std::uint32_t u = unit_at(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
            std::uint32_t v = unit_at(i + 2);
            if (v >= 0xDC00 && v <= 0xDFFF) {
                append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) {
            ++*bad_units;
            u = kReplacement;
        }
        append_utf8(out, u);
    }
    if (i < bytes.size()) ++*bad_units;  // odd trailing byte
    return out;
}

// Replaces invalid UTF-8 sequences by U+FFFD; returns the offset of the first bad byte or npos.
std::size_t repair_utf8(std::string_view in, std::string& out) {
    std::size_t first_bad = std::string_view::npos;
    std::size_t i = 0;
    out.reserve(in.size());
    while (i < in.size()) {
        std::size_t bad = 0;
        std::string_view rest = in.substr(i);
        if (util::is_valid_utf8(rest, &bad)) {
            out.append(rest);
            break;
        }
        out.append(rest.substr(0, bad));
        if (first_bad == std::string_view::npos) first_bad = i + bad;
        append_utf8(out, kReplacement);
        i += bad + 1;
        // Skip continuation bytes of the broken sequence.
        while (i < in.size() && (static_cast<unsigned char>(in[i]) & 0xC0) == 0x80) ++i;
    }
    return first_bad;
}

bool looks_like_bare_utf16le(std::string_view bytes) {
    std::size_t sample = std::min<std::size_t>(bytes.size() & ~std::size_t{1}, 512);
    if (sample < 4) return false;
    std::size_t odd_nuls = 0, even_nuls = 0;
    for (std::size_t i = 0; i < sample; i += 2) {
        even_nuls += bytes[i] == '\0';
        odd_nuls += bytes[i + 1] == '\0';
    }
    return odd_nuls * 10 >= (sample / 2) * 9 && even_nuls == 0;
}

bool looks_binary(std::string_view bytes) {
    // Branch-free so the compiler vectorises it: this runs on every file.
    std::size_t sample = std::min<std::size_t>(bytes.size(), 8192);
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t control = 0, nul = 0;
    for (std::size_t i = 0; i < sample; ++i) {
        unsigned c = p[i];
        nul += c == 0;
        control += (c < 0x20) & (c != '\n') & (c != '\r') & (c != '\t') & (c != '\f') & (c != 0x1B);
    }
    return nul > 0 || (sample > 0 && control * 10 > sample);
}

util::Result<Decoded> from_utf16(std::string_view body, bool le, std::string encoding, const std::string& file,
                                 std::string note) {
    Decoded d;
    std::size_t bad_units = 0;
    d.text = decode_utf16(body, le, &bad_units);
    d.encoding = std::move(encoding);
    d.warnings.push_back(file + ": " + note);
    if (bad_units > 0)
        d.warnings.push_back(file + ": " + std::to_string(bad_units) + " invalid UTF-16 code unit(s) replaced by U+FFFD");
    return d;
}

}  // namespace

util::Result<Decoded> decode_text(std::string_view bytes, const std::string& file) {
    auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
    if (starts("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        Decoded d;
        std::size_t bad = repair_utf8(bytes, d.text);
        d.encoding = "utf-8-bom";
        if (bad != std::string_view::npos)
            d.warnings.push_back(util::make_error(file, util::line_of(bytes, bad),
                                                  "invalid UTF-8 replaced by U+FFFD").message);
        return d;
    }
    if (starts("\xFF\xFE")) return from_utf16(bytes.substr(2), true, "utf-16le", file, "decoded from UTF-16LE (BOM)");
    if (starts("\xFE\xFF")) return from_utf16(bytes.substr(2), false, "utf-16be", file, "decoded from UTF-16BE (BOM)");
    if (starts("\xC3\xBF\xC3\xBE") && bytes.size() > 5 && bytes[5] == '\0')
        return from_utf16(bytes.substr(4), true, "utf-16le-mangled-bom", file,
                          "UTF-16LE behind a broken BOM (bytes C3 BF C3 BE: the FF FE mark re-encoded as UTF-8); decoded as UTF-16LE");
    if (looks_like_bare_utf16le(bytes))
        return from_utf16(bytes, true, "utf-16le", file, "no BOM, but NUL in every odd byte: decoded as UTF-16LE");
    if (looks_binary(bytes)) return util::Error{"binary content (NUL or control bytes), not text"};
    Decoded d;
    std::size_t bad = 0;
    if (util::is_valid_utf8(bytes, &bad)) {
        d.text.assign(bytes);
    } else {
        bad = repair_utf8(bytes, d.text);
        d.warnings.push_back(util::make_error(file, util::line_of(bytes, bad), "invalid UTF-8 replaced by U+FFFD").message);
    }
    d.encoding = "utf-8";
    return d;
}

util::Result<Decoded> decode_owned_text(std::string&& bytes, const std::string& file) {
    std::string_view view(bytes);
    bool plain = view.substr(0, 3) != "\xEF\xBB\xBF" && view.substr(0, 2) != "\xFF\xFE" &&
                 view.substr(0, 2) != "\xFE\xFF" && view.substr(0, 4) != "\xC3\xBF\xC3\xBE" &&
                 !looks_like_bare_utf16le(view) && !looks_binary(view) && util::is_valid_utf8(view);
    if (!plain) return decode_text(view, file);
    Decoded d;
    d.text = std::move(bytes);
    d.encoding = "utf-8";
    return d;
}

}  // namespace ingest
