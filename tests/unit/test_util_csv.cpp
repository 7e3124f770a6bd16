#include <doctest/doctest.h>

#include "plantrack/util/csv.hpp"

#include <sstream>
#include <string>
#include <vector>

using namespace plantrack::util;

namespace {

using Cells = std::vector<std::string>;

} // namespace

TEST_SUITE("util::csv")
{
    TEST_CASE("CsvReader: plain records with their line numbers")
    {
        const auto records = parse_csv("item,date,status\n1.1,2024-03-01,on-track\n");
        REQUIRE(records.size() == 2);
        CHECK(records[0].line == 1);
        CHECK(records[0].cells == Cells{"item", "date", "status"});
        CHECK(records[0].problem.empty());
        CHECK(records[1].line == 2);
        CHECK(records[1].cells == Cells{"1.1", "2024-03-01", "on-track"});
    }

    TEST_CASE("CsvReader: quotes and doubled quotes")
    {
        const auto records = parse_csv("\"a,b\",\"say \"\"hi\"\"\",\"\",plain\n");
        REQUIRE(records.size() == 1);
        CHECK(records[0].cells == Cells{"a,b", "say \"hi\"", "", "plain"});
        CHECK(records[0].problem.empty());
    }

    TEST_CASE("CsvReader: empty cells and a last line without a line end")
    {
        const auto records = parse_csv("a,,c,\nx,y");
        REQUIRE(records.size() == 2);
        CHECK(records[0].cells == Cells{"a", "", "c", ""});
        CHECK(records[1].cells == Cells{"x", "y"});
        CHECK(records[1].line == 2);
        CHECK(parse_csv("").empty());
    }

    TEST_CASE("CsvReader: CRLF line ends")
    {
        const auto records = parse_csv("a,b\r\nc,\"d\"\r\ne,f\r\n");
        REQUIRE(records.size() == 3);
        CHECK(records[0].cells == Cells{"a", "b"});
        CHECK(records[1].cells == Cells{"c", "d"});
        CHECK(records[2].cells == Cells{"e", "f"});
        CHECK(records[2].line == 3);
        for (const auto& record : records) {
            CHECK(record.problem.empty());
        }
    }

    TEST_CASE("CsvReader: blank lines are skipped but counted")
    {
        const auto records = parse_csv("\na,b\n\n\r\nc,d\n\n");
        REQUIRE(records.size() == 2);
        CHECK(records[0].line == 2);
        CHECK(records[1].line == 5);
        CHECK(records[1].cells == Cells{"c", "d"});
    }

    TEST_CASE("CsvReader: a line break inside quotes keeps later line numbers right")
    {
        const auto records = parse_csv("1,\"first line\nsecond line\",x\n2,y,z\n3,\"a\r\nb\",w\n4,v,u\n");
        REQUIRE(records.size() == 4);
        CHECK(records[0].line == 1);
        CHECK(records[0].cells == Cells{"1", "first line\nsecond line", "x"});
        CHECK(records[1].line == 3);
        CHECK(records[1].cells == Cells{"2", "y", "z"});
        CHECK(records[2].line == 4);
        CHECK(records[2].cells == Cells{"3", "a\r\nb", "w"});
        CHECK(records[3].line == 6);
        for (const auto& record : records) {
            CHECK(record.problem.empty());
        }
    }

    TEST_CASE("CsvReader: an unterminated quote is reported on the line it opens")
    {
        const auto records = parse_csv("a,b\nc,\"never closed\nd,e\nf,g\n");
        REQUIRE(records.size() == 2);
        CHECK(records[0].problem.empty());
        CHECK(records[1].line == 2);
        CHECK(records[1].problem == "unterminated quoted cell (a \" opens a cell that never closes)");
    }

    TEST_CASE("CsvReader: text after a closing quote")
    {
        const auto records = parse_csv("\"a\"b,c\nnext,row\n");
        REQUIRE(records.size() == 2);
        CHECK(records[0].problem == "text after a closing quote (quote the whole cell)");
        CHECK(records[0].cells == Cells{"a", "c"});
        CHECK(records[1].line == 2);
        CHECK(records[1].problem.empty());
    }

    TEST_CASE("CsvReader: a quote inside an unquoted cell")
    {
        const auto records = parse_csv("ab\"c,d\n");
        REQUIRE(records.size() == 1);
        CHECK(records[0].problem == "a quote inside an unquoted cell (quote the whole cell)");
    }

    TEST_CASE("CsvReader: control characters other than tab")
    {
        SUBCASE("tab is fine")
        {
            const auto records = parse_csv("a\tb,c\n");
            REQUIRE(records.size() == 1);
            CHECK(records[0].problem.empty());
            CHECK(records[0].cells == Cells{"a\tb", "c"});
        }
        SUBCASE("unquoted")
        {
            const auto records = parse_csv("a\x01"
                                           "b,c\nd,e\n");
            REQUIRE(records.size() == 2);
            CHECK(records[0].problem == "control character 0x01 in a cell");
            CHECK(records[1].problem.empty());
        }
        SUBCASE("quoted")
        {
            const auto records = parse_csv("\"a\x1b\",c\n");
            REQUIRE(records.size() == 1);
            CHECK(records[0].problem == "control character 0x1B in a cell");
        }
        SUBCASE("NUL and DEL")
        {
            CHECK(parse_csv(std::string("a\0b\n", 4))[0].problem == "control character 0x00 in a cell");
            CHECK(parse_csv("a\x7f\n")[0].problem == "control character 0x7F in a cell");
        }
        SUBCASE("a lone carriage return inside a record")
        {
            const auto records = parse_csv("a,b\rc\n");
            REQUIRE_FALSE(records.empty());
            CHECK(records[0].problem == "a carriage return inside a record");
        }
    }

    TEST_CASE("CsvReader: cells longer than 64 KiB")
    {
        REQUIRE(CsvReader::k_max_cell_bytes == 65536);
        SUBCASE("exactly the limit is fine")
        {
            const auto records = parse_csv(std::string(65536, 'x') + ",y\n");
            REQUIRE(records.size() == 1);
            CHECK(records[0].problem.empty());
            CHECK(records[0].cells[0].size() == 65536);
        }
        SUBCASE("one byte more is reported, and the cell is not kept whole")
        {
            const auto records = parse_csv(std::string(65537, 'x') + ",y\nnext,row\n");
            REQUIRE(records.size() == 2);
            CHECK(records[0].problem == "a cell longer than 65536 bytes");
            CHECK(records[0].cells[0].size() == 65536);
            CHECK(records[0].cells[1] == "y");
            CHECK(records[1].line == 2);
            CHECK(records[1].problem.empty());
        }
        SUBCASE("quoted")
        {
            const auto records = parse_csv("\"" + std::string(70000, 'x') + "\"\n");
            REQUIRE(records.size() == 1);
            CHECK(records[0].problem == "a cell longer than 65536 bytes");
        }
    }

    TEST_CASE("CsvReader: records across many buffer refills read exactly as written")
    {
        // 3,000 records of varying length (about 400 KB): cells, quotes, CRLF and multi-byte
        // characters fall on every position of the reader's 64 KiB buffer.
        std::string text;
        std::vector<Cells> expected;
        for (int i = 0; i < 3000; ++i) {
            Cells cells{"item" + std::to_string(i),
                        std::string(static_cast<std::size_t>(i % 97), static_cast<char>('a' + i % 26))};
            std::string chinese;
            for (int k = 0; k < i % 5; ++k) {
                chinese += "中文";
            }
            cells.push_back(chinese);
            text += cells[0] + "," + cells[1] + "," + cells[2];
            if (i % 7 == 0) {
                cells.push_back("a, \"quoted\" cell");
                text += ",\"a, \"\"quoted\"\" cell\"";
            }
            text += i % 3 == 0 ? "\r\n" : "\n";
            expected.push_back(cells);
        }
        const auto records = parse_csv(text);
        REQUIRE(records.size() == expected.size());
        for (std::size_t i = 0; i < records.size(); ++i) {
            CAPTURE(i);
            CHECK(records[i].problem.empty());
            CHECK(records[i].line == static_cast<int>(i) + 1);
            CHECK(records[i].cells == expected[i]);
        }
    }

    TEST_CASE("CsvReader reads a stream one record at a time")
    {
        std::istringstream in("a,b\nc,d\n");
        CsvReader reader(in);
        auto first = reader.next();
        REQUIRE(first);
        CHECK(first->cells == Cells{"a", "b"});
        auto second = reader.next();
        REQUIRE(second);
        CHECK(second->line == 2);
        CHECK_FALSE(reader.next());
        CHECK_FALSE(reader.next());
    }

    TEST_CASE("csv_cell: neutralises formulas and quotes when needed")
    {
        SUBCASE("plain text passes")
        {
            CHECK(csv_cell("市发展改革委") == "市发展改革委");
            CHECK(csv_cell("") == "");
            CHECK(csv_cell("a=b") == "a=b");
        }
        SUBCASE("a leading = + - @ tab or CR gets an apostrophe")
        {
            CHECK(csv_cell("=SUM(A1:A9)") == "'=SUM(A1:A9)");
            CHECK(csv_cell("+A1") == "'+A1");
            CHECK(csv_cell("-A1") == "'-A1");
            CHECK(csv_cell("-1+2") == "'-1+2");
            CHECK(csv_cell("-2+3+cmd|' /C calc'!A0") == "'-2+3+cmd|' /C calc'!A0");
            CHECK(csv_cell("@cmd") == "'@cmd");
            CHECK(csv_cell("\t=1") == "'\t=1");
            CHECK(csv_cell("\r=1") == "\"'\r=1\"");
        }
        SUBCASE("commas, quotes and line breaks are quoted")
        {
            CHECK(csv_cell("a,b") == "\"a,b\"");
            CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
            CHECK(csv_cell("two\nlines") == "\"two\nlines\"");
            CHECK(csv_cell("=1,2") == "\"'=1,2\"");
        }
        SUBCASE("numbers are not neutralised when asked, nor when they are plain numbers")
        {
            CHECK(csv_cell("-9.5", false) == "-9.5");
            CHECK(csv_cell("+3", false) == "+3");
            CHECK(csv_cell("=1", false) == "=1");
            CHECK(csv_cell("-9.5") == "-9.5");
            CHECK(csv_cell("-1e3") == "-1e3");
        }
        SUBCASE("what csv_cell writes reads back")
        {
            const std::string hostile = "=HYPERLINK(\"http://x\",\"y\"),\nnext";
            const auto records = parse_csv(csv_line({csv_cell(hostile), csv_cell("b")}));
            REQUIRE(records.size() == 1);
            CHECK(records[0].problem.empty());
            CHECK(records[0].cells == Cells{"'" + hostile, "b"});
        }
    }

    TEST_CASE("csv_line")
    {
        CHECK(csv_line({"a", "b", ""}) == "a,b,\n");
        CHECK(csv_line({}) == "\n");
    }
}
