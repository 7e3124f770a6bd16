#include <doctest/doctest.h>

#include "plantrack/util/encoding.hpp"

using plantrack::util::guess_encoding;
using plantrack::util::starts_as_utf8;
using plantrack::util::to_utf8;

TEST_SUITE("util::encoding")
{
    TEST_CASE("to_utf8")
    {
        SUBCASE("GB18030 bytes of 中文")
        {
            CHECK(to_utf8("\xD6\xD0\xCE\xC4", "GB18030") == "中文");
            CHECK(to_utf8("item,\xD6\xD0\xCE\xC4\n", "GB18030") == "item,中文\n");
        }
        SUBCASE("UTF-16 with its byte-order mark")
        {
            CHECK(to_utf8(std::string_view("\xFF\xFE\x2D\x4E", 4), "UTF-16") == "中");
        }
        SUBCASE("ASCII is unchanged")
        {
            CHECK(to_utf8("a,b\n", "GB18030") == "a,b\n");
            CHECK(to_utf8("", "GB18030") == "");
        }
        SUBCASE("bytes invalid in the encoding")
        {
            CHECK_FALSE(to_utf8("\xD6", "GB18030")); // a truncated pair
            CHECK_FALSE(to_utf8("\xFF\xFF", "GB18030"));
        }
        SUBCASE("an unknown encoding")
        {
            CHECK_FALSE(to_utf8("abc", "NO-SUCH-ENCODING"));
        }
        SUBCASE("larger than the conversion buffer")
        {
            std::string gb;
            std::string utf8;
            for (int i = 0; i < 20000; ++i) {
                gb += "\xD6\xD0\xCE\xC4";
                utf8 += "中文";
            }
            const auto converted = to_utf8(gb, "GB18030");
            REQUIRE(converted);
            CHECK(converted->size() == utf8.size());
            CHECK(*converted == utf8);
        }
    }

    TEST_CASE("guess_encoding")
    {
        CHECK(guess_encoding("\xD6\xD0\xCE\xC4") == "GB18030");
        CHECK(guess_encoding(std::string_view("\xFF\xFE\x2D\x4E", 4)) == "UTF-16");
        CHECK(guess_encoding(std::string_view("\xFE\xFF\x4E\x2D", 4)) == "UTF-16");
        CHECK_FALSE(guess_encoding("\xD6"));
        CHECK(guess_encoding(std::string_view("i\0t\0e\0m\0,\0-N\n\0", 14)) == "UTF-16LE");
        CHECK(guess_encoding(std::string_view("\0i\0t\0e\0m\0,N-\0\n", 14)) == "UTF-16BE");
    }

    TEST_CASE("starts_as_utf8: valid but for a character cut at the end, and no NUL")
    {
        CHECK(starts_as_utf8("item,date\n沈阳"));
        CHECK(starts_as_utf8("item,\xE6\xB2")); // 沈 cut after two of its three bytes
        CHECK_FALSE(starts_as_utf8("item,\xD6\xD0,date"));
        CHECK_FALSE(starts_as_utf8(std::string_view("i\0t\0", 4)));
        CHECK(starts_as_utf8(""));
    }
}
