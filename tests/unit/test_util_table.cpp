#include <doctest/doctest.h>

#include "plantrack/util/table.hpp"

using plantrack::util::Table;

TEST_SUITE("util::table")
{
    TEST_CASE("columns line up by display width")
    {
        Table table({"id", "lead", "progress"});
        table.align_right(2);
        table.add_row({"1", "市发展改革委", "50.0"});
        table.add_row({"13.10", "DeptB", "100.0"});
        // Widths: id 5, lead 12 (six wide characters), progress 8.
        CHECK(table.render() == "id     lead          progress\n"
                                "1      市发展改革委      50.0\n"
                                "13.10  DeptB            100.0\n");
    }

    TEST_CASE("no trailing spaces; missing cells are empty")
    {
        Table table({"id", "title"});
        table.add_row({"1", "a long title"});
        table.add_row({"2"});
        CHECK(table.render() == "id  title\n"
                                "1   a long title\n"
                                "2\n");
        CHECK_FALSE(table.empty());
        CHECK(Table({"x"}).empty());
        CHECK(Table({"x"}).render() == "x\n");
    }
}
