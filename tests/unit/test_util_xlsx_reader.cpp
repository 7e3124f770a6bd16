#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "plantrack/util/error.hpp"
#include "plantrack/util/xlsx_reader.hpp"

using namespace plantrack::util;

namespace {

std::string fixture(const std::string& name)
{
    std::ifstream in(std::string(PLANTRACK_SOURCE_DIR) + "/tests/cli/fixtures/xlsx/" + name, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

} // namespace

TEST_SUITE("util::xlsx_reader")
{
    TEST_CASE("cell references")
    {
        CHECK(cell_reference(1, 0) == "A1");
        CHECK(cell_reference(3, 1) == "B3");
        CHECK(cell_reference(10, 25) == "Z10");
        CHECK(cell_reference(2, 26) == "AA2");
        CHECK(cell_reference(1048576, 16383) == "XFD1048576");
    }

    TEST_CASE("cells as text: shared, inline and rich strings, numbers, dates, cached formula values")
    {
        const auto reader = XlsxReader::open_memory(fixture("returns-good.xlsx"), "good.xlsx");
        REQUIRE(reader->sheets().size() == 1);
        CHECK(reader->sheets()[0].name == "Sheet1");
        CHECK_FALSE(reader->sheets()[0].hidden);
        auto rows = reader->rows("Sheet1");
        const auto header = rows.next();
        REQUIRE(header);
        CHECK(header->number == 1);
        CHECK(header->cells == std::vector<std::string>{"编号", "日期", "状态", "进度", "说明", "填报人"});
        const auto second = rows.next();
        REQUIRE(second);
        CHECK(second->cells == std::vector<std::string>{"1", "2024-10-31", "正常推进", "60", "按计划推进", "张三"});
        const auto third = rows.next();
        REQUIRE(third);
        // A number item id, a custom 年月日 date format, a formula's cached value.
        CHECK(third->cells == std::vector<std::string>{"2", "2024-10-31", "存在风险", "30", "资金未到位", "张三"});
        const auto fourth = rows.next();
        REQUIRE(fourth);
        CHECK(fourth->cells == std::vector<std::string>{"3", "2024/10/31", "on track", "45%", "", "王五"});
        // Row 5 is empty and not returned; row 6 holds a blank.
        const auto sixth = rows.next();
        REQUIRE(sixth);
        CHECK(sixth->number == 6);
        CHECK(sixth->cells == std::vector<std::string>{" "});
        const auto seventh = rows.next();
        REQUIRE(seventh);
        CHECK(seventh->number == 7);
        // Row 9 has styled cells without values: not a row.
        CHECK_FALSE(rows.next());
    }

    TEST_CASE("hostile workbooks are refused with plantrack::Error")
    {
        CHECK_THROWS_AS(XlsxReader::open_memory("plain text", "t.xlsx"), plantrack::Error);
        CHECK_THROWS_AS(XlsxReader::open_memory("", "t.xlsx"), plantrack::Error);
        CHECK_THROWS_AS(XlsxReader::open_memory(fixture("entity-expansion.xlsx"), "t.xlsx"), plantrack::Error);
        CHECK_THROWS_AS(XlsxReader::open_memory(fixture("no-workbook.xlsx"), "t.xlsx"), plantrack::Error);
        const auto bomb = XlsxReader::open_memory(fixture("bomb.xlsx"), "bomb.xlsx");
        auto rows = bomb->rows("Sheet1");
        CHECK(rows.next()); // the header, before the blanks
        CHECK_THROWS_WITH_AS(rows.next(), doctest::Contains("expands beyond the limits"), plantrack::Error);
        SUBCASE("a lower part limit refuses a part that declares more")
        {
            XlsxLimits limits;
            limits.max_part_bytes = 100;
            CHECK_THROWS_AS(XlsxReader::open_memory(fixture("returns-good.xlsx"), "t.xlsx", limits), plantrack::Error);
        }
    }
}
