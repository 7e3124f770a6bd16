#include <doctest/doctest.h>

#include "plantrack/util/text.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <utf8proc.h>

using namespace plantrack::util;

TEST_SUITE("util::text")
{
    TEST_CASE("display_width: columns a terminal gives")
    {
        CHECK(display_width("") == 0);
        CHECK(display_width("abc") == 3);
        CHECK(display_width("中文") == 4);
        CHECK(display_width("市发展改革委") == 12);
        CHECK(display_width("\xEF\xBC\x81") == 2); // U+FF01 FULLWIDTH EXCLAMATION MARK ！
        CHECK(display_width("\xEF\xBC\xA1") == 2); // U+FF21 FULLWIDTH LATIN CAPITAL A Ａ
        CHECK(display_width("e\xCC\x81") == 1);    // e + U+0301 COMBINING ACUTE ACCENT
        CHECK(display_width("\xCC\x81") == 0);     // the combining mark alone
        CHECK(display_width("a\xFF"
                            "b") == 3);        // an invalid byte shows as one column
        CHECK(display_width("\xE4\xB8") == 2); // a truncated sequence: two stray bytes
        CHECK(display_width("“一枢纽”") == 8); // CJK quotes are 1 each (ambiguous → narrow), 3 ideographs
        CHECK(display_width("é") == 1);        // precomposed U+00E9
    }

    TEST_CASE("display_width agrees with utf8proc for every character of the three-byte range")
    {
        // display_width counts CJK ideographs without utf8proc; it must agree with it exactly,
        // inside that block and around it.
        for (utf8proc_int32_t code = 0x800; code <= 0xFFFF; ++code) {
            if (code >= 0xD800 && code <= 0xDFFF) {
                continue; // surrogates are not characters
            }
            const std::string text{static_cast<char>(0xE0 | (code >> 12)),
                                   static_cast<char>(0x80 | ((code >> 6) & 0x3F)),
                                   static_cast<char>(0x80 | (code & 0x3F))};
            CAPTURE(code);
            REQUIRE(display_width(text) == static_cast<std::size_t>(std::max(0, utf8proc_charwidth(code))));
        }
    }

    TEST_CASE("is_valid_utf8 agrees with utf8proc on every three-byte sequence")
    {
        for (int lead = 0xE0; lead <= 0xEF; ++lead) {
            for (int second = 0x00; second <= 0xFF; ++second) {
                for (int third : {0x00, 0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF}) {
                    const std::string text{static_cast<char>(lead), static_cast<char>(second),
                                           static_cast<char>(third)};
                    utf8proc_int32_t code = 0;
                    const auto length =
                        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), 3, &code);
                    CAPTURE(lead);
                    CAPTURE(second);
                    CAPTURE(third);
                    REQUIRE(is_valid_utf8(text) == (length == 3));
                }
            }
        }
    }

    TEST_CASE("is_valid_utf8")
    {
        CHECK(is_valid_utf8(""));
        CHECK(is_valid_utf8("中文 abc"));
        CHECK_FALSE(is_valid_utf8("\xD6\xD0\xCE\xC4")); // GB18030 中文
        CHECK_FALSE(is_valid_utf8("\xC0\xAF"));         // overlong "/"
        CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));     // a UTF-16 surrogate
        CHECK_FALSE(is_valid_utf8("abc\xE4"));
    }

    TEST_CASE("pad: to a display width")
    {
        CHECK(pad("ab", 5) == "ab   ");
        CHECK(pad("ab", 5, true) == "   ab");
        CHECK(pad("中文", 6) == "中文  ");
        CHECK(pad("中文", 6, true) == "  中文");
        CHECK(pad("abcdef", 3) == "abcdef"); // never cut
        CHECK(pad("", 2) == "  ");
        CHECK(display_width(pad("市发展改革委", 14)) == 14);
    }

    TEST_CASE("truncate_to_width: at most the width, ending in … when cut")
    {
        CHECK(truncate_to_width("abc", 3) == "abc");
        CHECK(truncate_to_width("abcd", 3) == "ab…");
        CHECK(truncate_to_width("中文中文", 8) == "中文中文");
        CHECK(truncate_to_width("中文中文", 7) == "中文中…");
        CHECK(truncate_to_width("中文中文", 5) == "中文…");
        CHECK(truncate_to_width("中文中文", 4) == "中…");
        CHECK(display_width(truncate_to_width("中文中文", 4)) == 3);
        CHECK(truncate_to_width("", 0) == "");
        SUBCASE("a cut never splits a character")
        {
            const auto cut = truncate_to_width("市发展改革委员会", 9);
            CHECK(is_valid_utf8(cut));
            CHECK(display_width(cut) <= 9);
            CHECK(cut == "市发展改…");
        }
    }

    TEST_CASE("natural_less: digit runs by value")
    {
        CHECK(natural_less("2", "10"));
        CHECK_FALSE(natural_less("10", "2"));
        CHECK(natural_less("13.2", "13.10"));
        CHECK_FALSE(natural_less("13.10", "13.2"));
        CHECK(natural_less("A2", "A10"));
        CHECK(natural_less("1", "1.1"));
        CHECK(natural_less("1.9", "2"));
        CHECK(natural_less("A1", "B1"));
        CHECK_FALSE(natural_less("13.2", "13.2"));
        SUBCASE("sorting ids")
        {
            std::vector<std::string> ids = {"13.10", "2", "13.2", "1.1", "10", "1", "13"};
            std::sort(ids.begin(), ids.end(), [](const auto& a, const auto& b) { return natural_less(a, b); });
            CHECK(ids == std::vector<std::string>{"1", "1.1", "2", "10", "13", "13.2", "13.10"});
        }
        SUBCASE("equal by value: still a strict, deterministic order")
        {
            CHECK(natural_less("01", "1"));
            CHECK_FALSE(natural_less("1", "01"));
            CHECK(natural_less("A01.2", "A1.2"));
            CHECK_FALSE(natural_less("A1.2", "A01.2"));
        }
        SUBCASE("long digit runs do not overflow")
        {
            CHECK(natural_less("99999999999999999999999", "100000000000000000000000"));
        }
    }

    TEST_CASE("nearest and did_you_mean")
    {
        const std::vector<std::string> ids = {"1.1", "1.3", "13.2", "due", "lead"};
        CHECK(nearest("1.3x", ids) == "1.3");
        CHECK(did_you_mean("1.3x", ids) == ", did you mean '1.3'?");
        CHECK(nearest("leed", ids) == "lead");
        CHECK(nearest("dew", ids) == "due");
        CHECK_FALSE(nearest("completely-different", ids));
        CHECK(did_you_mean("completely-different", ids) == "");
        CHECK_FALSE(nearest("", ids));
        SUBCASE("a one-character typo in a Chinese name")
        {
            const std::vector<std::string> owners = {"市发展改革委", "市工业和信息化局"};
            CHECK(nearest("市发展该革委", owners) == "市发展改革委");
            CHECK(nearest("市发展革委", owners) == "市发展改革委");
        }
        CHECK_FALSE(nearest("x", {}));
        SUBCASE("a very long word is no typo and costs nothing")
        {
            CHECK_FALSE(nearest(std::string(100000, 'a'), ids));
        }
    }

    TEST_CASE("parse_integer: whole decimal numbers in range")
    {
        CHECK(parse_integer("0", 0, 100) == 0);
        CHECK(parse_integer("100", 0, 100) == 100);
        CHECK(parse_integer("42", 0, 100) == 42);
        CHECK(parse_integer("-5", -10, 10) == -5);
        CHECK(parse_integer("-0", 0, 100) == 0);
        CHECK_FALSE(parse_integer("101", 0, 100));
        CHECK_FALSE(parse_integer("-1", 0, 100));
        CHECK_FALSE(parse_integer("+1", 0, 100));
        CHECK_FALSE(parse_integer(" 1", 0, 100));
        CHECK_FALSE(parse_integer("1 ", 0, 100));
        CHECK_FALSE(parse_integer("1.0", 0, 100));
        CHECK_FALSE(parse_integer("1e3", 0, 10000));
        CHECK_FALSE(parse_integer("0x10", 0, 100));
        CHECK_FALSE(parse_integer("", 0, 100));
        CHECK_FALSE(parse_integer("五", 0, 100));
        SUBCASE("overflow")
        {
            constexpr auto k_max = std::numeric_limits<long long>::max();
            CHECK(parse_integer("9223372036854775807", 0, k_max) == k_max);
            CHECK_FALSE(parse_integer("9223372036854775808", 0, k_max));
            CHECK_FALSE(parse_integer("99999999999999999999999", 0, k_max));
        }
    }

    TEST_CASE("parse_number: finite decimals")
    {
        CHECK(parse_number("12") == 12.0);
        CHECK(parse_number("-3.5") == -3.5);
        CHECK(parse_number("1e3") == 1000.0);
        CHECK(parse_number("0.1") == 0.1);
        SUBCASE("-0 reads as plain zero")
        {
            const auto zero = parse_number("-0");
            REQUIRE(zero);
            CHECK(*zero == 0.0);
            CHECK_FALSE(std::signbit(*zero));
            CHECK_FALSE(std::signbit(*parse_number("-0.0")));
        }
        SUBCASE("refused")
        {
            CHECK_FALSE(parse_number("nan"));
            CHECK_FALSE(parse_number("NaN"));
            CHECK_FALSE(parse_number("inf"));
            CHECK_FALSE(parse_number("-inf"));
            CHECK_FALSE(parse_number("infinity"));
            CHECK_FALSE(parse_number("1e400"));
            CHECK_FALSE(parse_number(""));
            CHECK_FALSE(parse_number(" 1"));
            CHECK_FALSE(parse_number("1 "));
            CHECK_FALSE(parse_number("1,5"));
            CHECK_FALSE(parse_number("0x1p3"));
            CHECK_FALSE(parse_number("12%"));
            CHECK_FALSE(parse_number(std::string(100, '1')));
        }
    }

    TEST_CASE("format_number: shortest text that reads back")
    {
        CHECK(format_number(12) == "12");
        CHECK(format_number(12.5) == "12.5");
        CHECK(format_number(-0.3) == "-0.3");
        CHECK(format_number(0) == "0");
        CHECK(format_number(-0.0) == "0");
        CHECK(format_number(10000) == "10000");
        for (const double value : {0.1, 1.0 / 3, 7649.9, -15.0, 123456.789}) {
            CAPTURE(value);
            CHECK(parse_number(format_number(value)) == value);
        }
    }

    TEST_CASE("format_rounded: at most n decimals, no trailing zeros")
    {
        CHECK(format_rounded(12.754, 2) == "12.75");
        CHECK(format_rounded(11.982143, 2) == "11.98");
        CHECK(format_rounded(8600, 1) == "8600");
        CHECK(format_rounded(8599.96, 1) == "8600");
        CHECK(format_rounded(2.5, 0) == "3");
        CHECK(format_rounded(-0.001, 2) == "0"); // never "-0"
    }

    TEST_CASE("format_one_decimal")
    {
        CHECK(format_one_decimal(42) == "42.0");
        CHECK(format_one_decimal(66.666) == "66.7");
        CHECK(format_one_decimal(33.33) == "33.3");
        CHECK(format_one_decimal(0.05) == "0.1");
        CHECK(format_one_decimal(100) == "100.0");
        CHECK(format_one_decimal(-0.04) == "0.0"); // never "-0.0"
        CHECK(format_one_decimal(-2.26) == "-2.3");
        CHECK(format_one_decimal(0) == "0.0");
    }

    TEST_CASE("join")
    {
        CHECK(join({"a", "b", "c"}, ", ") == "a, b, c");
        CHECK(join({}, ", ") == "");
        CHECK(join({"only"}, "\n") == "only");
    }
}

TEST_SUITE("util::text neutralise")
{
    TEST_CASE("neutralise: controls shown as pictures, bidi and bad bytes as U+FFFD, colour kept on request")
    {
        using plantrack::util::Neutralise;
        using plantrack::util::neutralise;
        using plantrack::util::Neutralised;
        Neutralised changes;
        CHECK(neutralise("a\x1b]52;c;eA==\a b\tc\nd\x7f", changes) == "a␛]52;c;eA==␇ b\tc\nd␡");
        CHECK(changes.controls == 3);
        CHECK(changes.invalid_bytes == 0);
        CHECK(neutralise("x\u202Ey\u2066z\u200F\xC2\x9B", changes) == "x\uFFFDy\uFFFDz\uFFFD\uFFFD");
        Neutralised bad;
        CHECK(neutralise("ab\xFF\xC3", bad) == "ab\uFFFD\uFFFD");
        CHECK(bad.invalid_bytes == 2);
        Neutralised colour;
        CHECK(neutralise("\x1b[31mred\x1b[0m \x1b[2J", colour, true) == "\x1b[31mred\x1b[0m ␛[2J");
        CHECK(neutralise("\x1b[31m", colour) == "␛[31m");
        Neutralised data;
        CHECK(neutralise("\x1b\xFF", data, false, Neutralise::invalid_utf8_only) == "\x1b\uFFFD");
        CHECK(neutralise("\x1b\xFF", data, false, Neutralise::controls_only) == "␛\xFF");
        CHECK(neutralise("纯文本 plain", data) == "纯文本 plain");
    }
}
