#include "ingest/encoding.hpp"

#include <gtest/gtest.h>

namespace {

std::string utf16le(const std::string& ascii) {
    std::string out;
    for (char c : ascii) { out += c; out += '\0'; }
    return out;
}

TEST(Encoding, PlainUtf8) {
    auto d = ingest::decode_text("a,b\n1,2\n", "f.csv");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->encoding, "utf-8");
    EXPECT_EQ(d->text, "a,b\n1,2\n");
    EXPECT_TRUE(d->warnings.empty());
}

TEST(Encoding, Utf8BomStripped) {
    auto d = ingest::decode_text("\xEF\xBB\xBFx", "f.csv");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->text, "x");
    EXPECT_EQ(d->encoding, "utf-8-bom");
}

TEST(Encoding, Utf16LeAndBeWithBom) {
    auto le = ingest::decode_text("\xFF\xFE" + utf16le("hi\n"), "f.csv");
    ASSERT_TRUE(le);
    EXPECT_EQ(le->text, "hi\n");
    std::string be = "\xFE\xFF";
    be += std::string("\0h\0i", 4);
    auto b = ingest::decode_text(be, "f.csv");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->text, "hi");
    EXPECT_EQ(b->encoding, "utf-16be");
}

TEST(Encoding, Utf16BehindMangledBom) {
    // FF FE re-encoded as UTF-8 ("ÿþ"), then UTF-16LE: seen in real profiler exports.
    auto d = ingest::decode_text("\xC3\xBF\xC3\xBE" + utf16le("==ERROR== x"), "ncu.csv");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->text, "==ERROR== x");
    EXPECT_EQ(d->encoding, "utf-16le-mangled-bom");
    ASSERT_FALSE(d->warnings.empty());
    EXPECT_NE(d->warnings[0].find("broken BOM"), std::string::npos);
}

TEST(Encoding, Utf16SurrogatePairAndLoneSurrogate) {
    std::string bytes = "\xFF\xFE";
    bytes += std::string("\x3D\xD8\x00\xDE", 4);  // U+1F600
    bytes += std::string("\x00\xD8", 2);          // lone high surrogate at the end
    auto d = ingest::decode_text(bytes, "f.md");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->text, "\xF0\x9F\x98\x80\xEF\xBF\xBD");
    EXPECT_EQ(d->warnings.size(), 2u);
}

TEST(Encoding, BareUtf16LeDetected) {
    auto d = ingest::decode_text(utf16le("model,tokens_s\n"), "f.csv");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->text, "model,tokens_s\n");
}

TEST(Encoding, BinaryRejected) {
    auto d = ingest::decode_text(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "x.json");
    ASSERT_FALSE(d);
    EXPECT_EQ(d.error().message.rfind("binary", 0), 0u);
}

TEST(Encoding, InvalidUtf8ReplacedWithLine) {
    auto d = ingest::decode_text("ok\nbad \xC0\xAF here\n", "f.md");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->text, "ok\nbad \xEF\xBF\xBD here\n");
    ASSERT_EQ(d->warnings.size(), 1u);
    EXPECT_EQ(d->warnings[0], "f.md:2: invalid UTF-8 replaced by U+FFFD");
}

}  // namespace
