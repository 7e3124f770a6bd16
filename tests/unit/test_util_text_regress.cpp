// Regression tests for bugs found while hardening plantrack (issue 7): each test names the bug
// it guards against.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "plantrack/util/csv.hpp"
#include "plantrack/util/table.hpp"
#include "plantrack/util/text.hpp"

using namespace plantrack::util;

TEST_SUITE("regress::util")
{
    TEST_CASE("did_you_mean counts characters, not bytes: one Chinese character is one edit")
    {
        const std::vector<std::string> owners = {"市发展改革委", "市工业和信息化局", "市财政局"};
        CHECK(nearest("市发改委", owners) == "市发展改革委");
        CHECK(did_you_mean("市发改委", owners) == ", did you mean '市发展改革委'?");
        CHECK(nearest("市财政", owners) == "市财政局");
        CHECK_FALSE(nearest("教育局", owners)); // three edits from 市财政局, too far for three characters
        // Bytes that are not UTF-8 still compare, one edit each, without crashing.
        CHECK(nearest("1\xFF", std::vector<std::string>{"1.1", "12"}) == "12");
        CHECK_FALSE(nearest(std::string(300, '\xE5'), owners));
    }

    TEST_CASE("parse_number accepts one leading plus")
    {
        CHECK(parse_number("+5") == 5.0);
        CHECK(parse_number("+0.5") == 0.5);
        CHECK(parse_number("+1e3") == 1000.0);
        CHECK_FALSE(parse_number("+"));
        CHECK_FALSE(parse_number("++5"));
        CHECK_FALSE(parse_number("+-5"));
        CHECK_FALSE(parse_number("-+5"));
        CHECK_FALSE(parse_number("+inf"));
        CHECK_FALSE(parse_number("+nan"));
        CHECK_FALSE(parse_number("+ 5"));
        // csv_cell still neutralises a leading plus, number or not.
        CHECK(csv_cell("+5") == "'+5");
        CHECK(csv_cell("+A1") == "'+A1");
    }

    TEST_CASE("a note with line breaks keeps terminal tables one line per row")
    {
        CHECK(single_line("one\ntwo") == "one⏎two");
        CHECK(single_line("one\r\ntwo\rthree") == "one⏎two⏎three");
        CHECK(single_line("tab\there") == "tab here");
        CHECK(single_line("plain") == "plain");
        Table table({"id", "note", "by"});
        table.add_row({"1", "first line\nsecond line", "me"});
        table.add_row({"2", "short", "you"});
        const auto text = table.render();
        CHECK(text == "id  note                    by\n"
                      "1   first line⏎second line  me\n"
                      "2   short                   you\n");
    }

    TEST_CASE("error text is one printable line: controls and stray bytes are shown, long text is cut")
    {
        CHECK(printable("plain 中文") == "plain 中文");
        CHECK(printable("a\nb") == "a\\nb");
        CHECK(printable("\x1b[31mred") == "\\x1B[31mred");
        CHECK(printable("bad \xFF byte") == "bad \\xFF byte");
        CHECK(printable("c1 \xC2\x9B") == "c1 \\x9B");
        CHECK(printable("tab\tkept") == "tab\tkept");
        const auto cut = printable(std::string(100000, 'x'));
        CHECK(cut.size() < 4100);
        CHECK(cut.ends_with("…"));
        const auto cut_chinese = printable(std::string(2000, 'a') + "中文中文中文", 2001);
        CHECK(is_valid_utf8(cut_chinese));
    }

    TEST_CASE("shorten cuts between characters, so a long Chinese id stays valid UTF-8")
    {
        std::string id;
        for (int i = 0; i < 30; ++i) {
            id += "节点";
        }
        const auto shown = shorten(id, 25);
        CHECK(is_valid_utf8(shown));
        CHECK(shown.starts_with("节点节点"));
        CHECK(shown.ends_with("…"));
        CHECK(shorten("short", 60) == "short");
        CHECK(shorten("", 3).empty());
    }
}
