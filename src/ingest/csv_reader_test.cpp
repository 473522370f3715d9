// Unit tests for src/ingest/csv_reader.cpp.
#include "ingest/csv_reader.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "util/strings.hpp"

namespace {

using ingest::read_csv;

model::Table parse_ok(std::string_view text) {
    auto result = read_csv(text, "t.csv");
    EXPECT_TRUE(result.has_value()) << (result.has_value() ? "" : result.error().message);
    return result.has_value() ? std::move(result).value() : model::Table{};
}

std::string parse_error(std::string_view text) {
    auto result = read_csv(text, "t.csv");
    EXPECT_FALSE(result.has_value());
    return result.has_value() ? "" : result.error().message;
}

bool has_warning(const model::Table& table, std::string_view expected) {
    for (const auto& w : table.warnings)
        if (w == expected) return true;
    return false;
}

TEST(CsvReader, SimpleTableWithNumbersAndText) {
    auto t = parse_ok("model,ttft_s,tokens_s\nllama3,0.1382,74.11\ngemma3,0.0987,76.96\n");
    EXPECT_EQ(t.file, "t.csv");
    EXPECT_EQ(t.line, 1);
    ASSERT_EQ(t.columns, (std::vector<std::string>{"model", "ttft_s", "tokens_s"}));
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0].line, 2);
    EXPECT_EQ(t.rows[1].line, 3);
    EXPECT_EQ(t.rows[0].cells[0].text, "llama3");
    EXPECT_FALSE(t.rows[0].cells[0].is_number);
    EXPECT_TRUE(t.rows[0].cells[1].is_number);
    EXPECT_EQ(t.rows[0].cells[1].number, 0.1382);
    EXPECT_EQ(t.rows[1].cells[2].number, 76.96);
    EXPECT_TRUE(t.units.empty());
    EXPECT_TRUE(t.meanings.empty());
    EXPECT_TRUE(t.warnings.empty());
}

TEST(CsvReader, QuotedFieldsKeepTextAndQuotedNumbersAreNumbers) {
    auto t = parse_ok("\"timestamp\",\"model\",\"tokens_s\"\n\"2025-09-30T20:09:43\",\"llama3.1:8b\",\"77.5\"\n");
    ASSERT_EQ(t.columns, (std::vector<std::string>{"timestamp", "model", "tokens_s"}));
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0].cells[0].text, "2025-09-30T20:09:43");
    EXPECT_FALSE(t.rows[0].cells[0].is_number);
    EXPECT_EQ(t.rows[0].cells[2].text, "77.5");
    EXPECT_TRUE(t.rows[0].cells[2].is_number);
    EXPECT_EQ(t.rows[0].cells[2].number, 77.5);
}

TEST(CsvReader, EscapedQuotesAndEmbeddedCommas) {
    auto t = parse_ok("a,b\n\"say \"\"hi\"\", then go\",\"x,y\"\n\"\"\"\",\"\"\n");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0].cells[0].text, "say \"hi\", then go");
    EXPECT_EQ(t.rows[0].cells[1].text, "x,y");
    EXPECT_EQ(t.rows[1].cells[0].text, "\"");
    EXPECT_TRUE(t.rows[1].cells[1].missing());
}

TEST(CsvReader, EmbeddedNewlinesKeepLineNumbersRight) {
    auto t = parse_ok("id,prompt\n1,\"line one\nline two\r\nline three\"\n2,plain\n3,\"a\rb\"\n4,end\n");
    ASSERT_EQ(t.rows.size(), 4u);
    EXPECT_EQ(t.rows[0].line, 2);
    EXPECT_EQ(t.rows[0].cells[1].text, "line one\nline two\r\nline three");
    EXPECT_EQ(t.rows[1].line, 5);
    EXPECT_EQ(t.rows[2].line, 6);
    EXPECT_EQ(t.rows[2].cells[1].text, "a\rb");
    EXPECT_EQ(t.rows[3].line, 8);
}

TEST(CsvReader, CrlfLineEnds) {
    auto t = parse_ok("a,b\r\n1,2\r\n3,4\r\n");
    ASSERT_EQ(t.columns, (std::vector<std::string>{"a", "b"}));
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[1].line, 3);
    EXPECT_EQ(t.rows[1].cells[1].text, "4");
    EXPECT_EQ(t.rows[1].cells[1].number, 4.0);
}

TEST(CsvReader, LoneCrLineEnds) {
    auto t = parse_ok("a,b\r1,2\r3,4");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0].line, 2);
    EXPECT_EQ(t.rows[1].line, 3);
    EXPECT_EQ(t.rows[1].cells[0].number, 3.0);
}

TEST(CsvReader, BomIsSkipped) {
    auto t = parse_ok("\xEF\xBB\xBFname,value\nx,1\n");
    ASSERT_EQ(t.columns[0], "name");
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0].line, 2);
}

TEST(CsvReader, FinalLineWithoutNewlineAndTrailingBlankLines) {
    auto t = parse_ok("a,b\n1,2");
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0].cells[1].number, 2.0);
    auto u = parse_ok("a,b\n1,2\n\n\r\n  \n");
    EXPECT_EQ(u.rows.size(), 1u);
    EXPECT_TRUE(u.warnings.empty());
}

TEST(CsvReader, BlankLinesInsideAreSkippedButLinesCount) {
    auto t = parse_ok("\n\na,b\n1,2\n\n3,4\n");
    EXPECT_EQ(t.line, 3);
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0].line, 4);
    EXPECT_EQ(t.rows[1].line, 6);
}

TEST(CsvReader, RaggedShortRowIsPaddedWithMissingCells) {
    auto t = parse_ok("a,b,c\n1,2\n4,5,6\n");
    ASSERT_EQ(t.rows.size(), 2u);
    ASSERT_EQ(t.rows[0].cells.size(), 3u);
    EXPECT_TRUE(t.rows[0].cells[2].missing());
    EXPECT_FALSE(t.rows[0].cells[2].is_number);
    ASSERT_EQ(t.warnings.size(), 1u);
    EXPECT_EQ(t.warnings[0], "t.csv:2: row has 2 fields, header has 3");
}

TEST(CsvReader, RaggedLongRowKeepsFirstColumnsAndListsExtras) {
    auto t = parse_ok("a,b\n1,2,extra,\"more\"\n");
    ASSERT_EQ(t.rows.size(), 1u);
    ASSERT_EQ(t.rows[0].cells.size(), 2u);
    EXPECT_EQ(t.rows[0].cells[1].number, 2.0);
    ASSERT_EQ(t.warnings.size(), 1u);
    EXPECT_EQ(t.warnings[0], "t.csv:2: row has 4 fields, header has 2; extra fields dropped: 'extra', 'more'");
}

TEST(CsvReader, RaggedWarningsAreCappedWithSummary) {
    std::string text = "a,b\n";
    for (int i = 0; i < 150; ++i) text += "1\n";
    auto t = parse_ok(text);
    EXPECT_EQ(t.rows.size(), 150u);
    ASSERT_EQ(t.warnings.size(), 101u);
    EXPECT_EQ(t.warnings.back(), "t.csv: 50 more ragged rows not listed");
}

TEST(CsvReader, EmptyCellsAreMissingNotZero) {
    auto t = parse_ok("a,b,c\n,\"\",  \n");
    ASSERT_EQ(t.rows.size(), 1u);
    for (const auto& cell : t.rows[0].cells) {
        EXPECT_TRUE(cell.missing());
        EXPECT_FALSE(cell.is_number);
        EXPECT_TRUE(std::isnan(cell.number));
    }
    EXPECT_TRUE(t.warnings.empty());
}

TEST(CsvReader, NonFiniteCellsAreNumbersAndFlagged) {
    auto t = parse_ok("m,v\na,NaN\nb,Infinity\nc,1e309\nd,-inf\n");
    ASSERT_EQ(t.rows.size(), 4u);
    EXPECT_TRUE(t.rows[0].cells[1].is_number);
    EXPECT_TRUE(std::isnan(t.rows[0].cells[1].number));
    EXPECT_TRUE(std::isinf(t.rows[1].cells[1].number));
    EXPECT_TRUE(std::isinf(t.rows[2].cells[1].number));
    EXPECT_LT(t.rows[3].cells[1].number, 0);
    ASSERT_EQ(t.warnings.size(), 4u);
    EXPECT_EQ(t.warnings[0], "t.csv:2: column 'v' holds non-finite value 'NaN'");
    EXPECT_EQ(t.warnings[2], "t.csv:4: column 'v' holds non-finite value '1e309'");
    EXPECT_FALSE(t.rows[0].cells[0].is_number);  // "a" is text
}

TEST(CsvReader, UnitRowIsDetected) {
    auto t = parse_ok("name,time,size\n,ms,MB\nrun1,12.5,300\n");
    ASSERT_EQ(t.units, (std::vector<std::string>{"", "ms", "MB"}));
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0].line, 3);
}

TEST(CsvReader, NsightComputeStyleUnitRowIsDetected) {
    auto t = parse_ok(
        "\"ID\",\"Kernel Name\",\"Block Size\",\"Registers\",\"Shared\",\"Duration\",\"Occupancy\"\n"
        "\"\",\"\",\"block\",\"register/thread\",\"Kbyte/block\",\"us\",\"%\"\n"
        "\"0\",\"void k<1>(const float *, int)\",\"(128, 1, 1)\",\"40\",\"1.02\",\"3.9\",\"61.5\"\n");
    ASSERT_EQ(t.units.size(), 7u);
    EXPECT_EQ(t.units[3], "register/thread");
    EXPECT_EQ(t.units[4], "Kbyte/block");
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0].cells[1].text, "void k<1>(const float *, int)");
    EXPECT_EQ(t.rows[0].cells[6].number, 61.5);
}

TEST(CsvReader, TextSecondRowIsNotUnits) {
    auto t = parse_ok("model,tag\nllama3.1:8b,q4_0\ngemma3:1b,qat\n");
    EXPECT_TRUE(t.units.empty());
    EXPECT_EQ(t.rows.size(), 2u);
    auto u = parse_ok("metric,unit\nlatency,ms\n");  // one unit out of two cells: data
    EXPECT_TRUE(u.units.empty());
    EXPECT_EQ(u.rows.size(), 1u);
    auto v = parse_ok("a,b,c\nx,b,s\n");  // single letters alone do not make units
    EXPECT_TRUE(v.units.empty());
    auto w = parse_ok("p,q\nms,tokens per second and more\n");  // long text with spaces
    EXPECT_TRUE(w.units.empty());
}

TEST(CsvReader, AllEmptySecondRowIsDataNotUnits) {
    auto t = parse_ok("a,b\n,\n1,2\n");
    EXPECT_TRUE(t.units.empty());
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_TRUE(t.rows[0].cells[0].missing());
    EXPECT_EQ(t.rows[0].line, 2);
}

TEST(CsvReader, SecondRowWithNumberIsNotUnits) {
    auto t = parse_ok("a,b\nms,5\n");
    EXPECT_TRUE(t.units.empty());
    EXPECT_EQ(t.rows.size(), 1u);
}

TEST(CsvReader, IsUnitRowDirect) {
    EXPECT_TRUE(ingest::is_unit_row({"", "ms", "MB"}));
    EXPECT_TRUE(ingest::is_unit_row({"inst/cycle", "warp", "%", ""}));
    EXPECT_FALSE(ingest::is_unit_row({"", ""}));
    EXPECT_FALSE(ingest::is_unit_row({}));
    EXPECT_FALSE(ingest::is_unit_row({"llama3", "gemma3", "ms"}));
    EXPECT_FALSE(ingest::is_unit_row({"ms", "1.5"}));
}

TEST(CsvReader, JsonInCellComesOutExactly) {
    auto t = parse_ok(
        "model,error,options\n"
        "llama3.1:8b,,\"{\"\"temperature\"\":0.3,\"\"top_p\"\":0.9}\"\n");
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0].cells[2].text, "{\"temperature\":0.3,\"top_p\":0.9}");
    EXPECT_FALSE(t.rows[0].cells[2].is_number);
    EXPECT_TRUE(t.rows[0].cells[1].missing());
}

TEST(CsvReader, UnterminatedQuoteReportsOpeningLine) {
    EXPECT_EQ(parse_error("a,b\n1,2\n3,\"open\nstill open\n"),
              "t.csv:3: unterminated quoted field (opened on this line)");
    EXPECT_EQ(parse_error("\"a,b\n"), "t.csv:1: unterminated quoted field (opened on this line)");
}

TEST(CsvReader, EmptyInputIsAnError) {
    EXPECT_EQ(parse_error(""), "t.csv: empty file");
    EXPECT_EQ(parse_error(" \n\r\n\t"), "t.csv: empty file");
    EXPECT_EQ(parse_error("\xEF\xBB\xBF"), "t.csv: empty file");
    EXPECT_EQ(parse_error("\xEF\xBB\xBF\n\n"), "t.csv: empty file");
}

TEST(CsvReader, HeaderWithoutNamesIsAnError) {
    EXPECT_EQ(parse_error(",,\n1,2,3\n"), "t.csv:1: header has no column names");
    EXPECT_EQ(parse_error("\n\"\" , \"  \"\n"), "t.csv:2: header has no column names");
}

TEST(CsvReader, HeaderOnlyFile) {
    auto t = parse_ok("a,b,c\n");
    EXPECT_EQ(t.columns.size(), 3u);
    EXPECT_TRUE(t.rows.empty());
    EXPECT_TRUE(t.warnings.empty());
}

TEST(CsvReader, HeaderNamesAreTrimmedAndDuplicatesWarned) {
    auto t = parse_ok(" a , \"b\" ,a\n1,2,3\n");
    ASSERT_EQ(t.columns, (std::vector<std::string>{"a", "b", "a"}));
    ASSERT_EQ(t.warnings.size(), 1u);
    EXPECT_EQ(t.warnings[0], "t.csv:1: duplicate column name 'a' (columns 1 and 3)");
    EXPECT_EQ(t.rows[0].cells[2].number, 3.0);
}

TEST(CsvReader, WhitespaceAroundNumbers) {
    auto t = parse_ok("a,b,c\n  12.5 ,\t-3\t,\" 7 \"\n");
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0].cells[0].text, "12.5");
    EXPECT_EQ(t.rows[0].cells[0].number, 12.5);
    EXPECT_EQ(t.rows[0].cells[1].number, -3.0);
    EXPECT_EQ(t.rows[0].cells[2].text, " 7 ");  // quoted text is kept exactly
    EXPECT_TRUE(t.rows[0].cells[2].is_number);
    EXPECT_EQ(t.rows[0].cells[2].number, 7.0);
}

TEST(CsvReader, NumbersAreParsedExactly) {
    auto t = parse_ok("v\n0.1\n1e-3\n+4\n1,234\n\"1,234,567.5\"\n12abc\n0x10\n");
    ASSERT_EQ(t.rows.size(), 7u);
    EXPECT_TRUE(has_warning(t, "t.csv:5: row has 2 fields, header has 1; extra fields dropped: '234'"));
    EXPECT_EQ(t.rows[0].cells[0].number, 0.1);
    EXPECT_EQ(t.rows[1].cells[0].number, 1e-3);
    EXPECT_EQ(t.rows[2].cells[0].number, 4.0);
    EXPECT_EQ(t.rows[3].cells[0].number, 1.0);  // unquoted "1,234" is two fields
    EXPECT_EQ(t.rows[4].cells[0].number, 1234567.5);
    EXPECT_FALSE(t.rows[5].cells[0].is_number);
    EXPECT_EQ(t.rows[5].cells[0].text, "12abc");
    EXPECT_FALSE(t.rows[6].cells[0].is_number);  // no hex
}

// The reader inlines a fast path for plain decimals; it must agree bit for bit with parse_number.
TEST(CsvReader, NumbersMatchParseNumberBitForBit) {
    std::vector<std::string> samples = {"0.1", "0.3", "-0", "-0.0", "00012.50", "1.", ".5", "-.5", "5e-324",
                                        "123456789012345", "999999999999999.9", "9007199254740993",
                                        "0.000000000000001", "1234567.891011", "74.11", "-3e-5", "1e22", "1e23"};
    std::uint64_t state = 42;
    for (int i = 0; i < 20000; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const auto digits = std::to_string(state >> 11);
        const auto cut = static_cast<std::size_t>(state % 20);
        const std::string number = digits.substr(0, 1 + cut % digits.size());
        const std::size_t point = (state >> 7) % (number.size() + 1);
        samples.push_back((state & 1 ? "-" : "") + number.substr(0, point) + (point < number.size() ? "." : "") +
                          number.substr(point));
    }
    std::string text = "v\n";
    for (const auto& sample : samples) text += sample + "\n";
    auto t = parse_ok(text);
    ASSERT_EQ(t.rows.size(), samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const auto expected = util::parse_number(samples[i]);
        const auto& cell = t.rows[i].cells[0];
        ASSERT_EQ(cell.is_number, expected.has_value()) << samples[i];
        if (!expected) continue;
        ASSERT_EQ(std::memcmp(&cell.number, &*expected, sizeof(double)), 0) << samples[i];
    }
}

TEST(CsvReader, SpacesBeforeOpeningQuoteAndTextAfterClosingQuote) {
    auto t = parse_ok("a,b,c\n  \"x,y\" ,\"ab\"cd,e\"f\n");
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0].cells[0].text, "x,y");
    EXPECT_EQ(t.rows[0].cells[1].text, "abcd");
    EXPECT_EQ(t.rows[0].cells[2].text, "e\"f");
}

TEST(CsvReader, TrailingCommaAtEndOfInput) {
    auto t = parse_ok("a,b\n1,");
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0].cells[0].number, 1.0);
    EXPECT_TRUE(t.rows[0].cells[1].missing());
    EXPECT_TRUE(t.warnings.empty());
}

TEST(CsvReader, UnicodeTextSurvives) {
    auto t = parse_ok("name,temp\n\"Grüße 🌍\",\"45 °C\"\n");
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0].cells[0].text, "Grüße 🌍");
    EXPECT_FALSE(t.rows[0].cells[1].is_number);
}

TEST(CsvReader, DuplicateWarningsAreCapped) {
    std::string header = "a";
    for (int i = 0; i < 120; ++i) header += ",a";
    auto t = parse_ok(header + "\n1\n");
    EXPECT_EQ(t.columns.size(), 121u);
    EXPECT_TRUE(has_warning(t, "t.csv:1: duplicate column name 'a' (columns 1 and 2)"));
    EXPECT_TRUE(has_warning(t, "t.csv: 20 more duplicate column names not listed"));
}

TEST(CsvReader, HostileInputsDoNotCrash) {
    const std::string inputs[] = {"\"",       "\"\"\"",         ",\r\r\n\"",  std::string("a\0b\n\0,\"\0\"", 9),
                                  "\xff\xfe", "\"a\"\"\n,\"", "a\n\"\"\"", "\r\r\r,",
                                  ",\n,,,,,", "\"a\"b\"c\",d\n1"};
    for (const auto& input : inputs) {
        auto result = read_csv(input, "t.csv");
        if (!result.has_value()) continue;
        for (const auto& row : result->rows) EXPECT_EQ(row.cells.size(), result->columns.size());
    }
    EXPECT_EQ(parse_error("a\n\"\"\""), "t.csv:2: unterminated quoted field (opened on this line)");
}

TEST(CsvReader, TenThousandGeneratedRows) {
    std::string text = "idx,latency_ms,model,note\n";
    for (int i = 0; i < 10000; ++i) {
        text += std::to_string(i) + "," + std::to_string(i) + ".25,m" + std::to_string(i % 7);
        text += (i % 100 == 0) ? ",\"multi\nline\"\n" : ",\n";
    }
    auto t = parse_ok(text);
    ASSERT_EQ(t.rows.size(), 10000u);
    long long expected_line = 2;
    for (int i = 0; i < 10000; ++i) {
        const auto& row = t.rows[static_cast<std::size_t>(i)];
        ASSERT_EQ(row.line, expected_line) << i;
        expected_line += (i % 100 == 0) ? 2 : 1;
        ASSERT_EQ(row.cells[0].number, i);
        ASSERT_EQ(row.cells[1].number, i + 0.25);
        ASSERT_EQ(row.cells[2].text, "m" + std::to_string(i % 7));
    }
    EXPECT_TRUE(t.warnings.empty());
}

}  // namespace
