#include <doctest/doctest.h>

#include "plantrack/util/table.hpp"

using plantrack::util::AmbiguousWidth;
using plantrack::util::Table;
using plantrack::util::TableLayout;

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

    TEST_CASE("colour escapes take no columns when the output keeps colour")
    {
        TableLayout coloured;
        coloured.color = true;
        Table table({"id", "light", "n"}, coloured);
        table.add_row({"1", "\x1b[31mred\x1b[0m", "3"});
        table.add_row({"2", "green", "4"});
        CHECK(table.render() == "id  light  n\n"
                                "1   \x1b[31mred\x1b[0m    3\n"
                                "2   green  4\n");
    }

    TEST_CASE("a table wider than the terminal shortens its widest text column first")
    {
        // Unfitted: 2 + 2 + 29 + 2 + 12 + 2 + 10 = 59 columns.
        const auto make = [](std::size_t width) {
            Table table({"id", "title", "lead", "due"}, TableLayout{width, AmbiguousWidth::narrow});
            table.allow_shortening(1);
            table.allow_shortening(2);
            table.add_row({"1", "Build the logistics hub north", "市发展改革委", "2025-12-31"});
            table.add_row({"13", "A short one", "DeptB", "2024-06-30"});
            return table.render();
        };
        CHECK(make(0) == make(59));
        CHECK(make(0) != make(58));
        SUBCASE("only the title: 50 columns")
        {
            CHECK(make(50) == "id  title                 lead          due\n"
                              "1   Build the logistics…  市发展改革委  2025-12-31\n"
                              "13  A short one           DeptB         2024-06-30\n");
        }
        SUBCASE("title and lead once they are equally wide: 40 columns")
        {
            // The title goes down to the lead's 12 columns, then each loses one in turn.
            CHECK(make(40) == "id  title        lead         due\n"
                              "1   Build the …  市发展改革…  2025-12-31\n"
                              "13  A short one  DeptB        2024-06-30\n");
        }
        SUBCASE("never below 8 columns: the terminal wraps what is still too wide")
        {
            CHECK(make(10) == "id  title     lead      due\n"
                              "1   Build t…  市发展…   2025-12-31\n"
                              "13  A short…  DeptB     2024-06-30\n");
        }
    }

    TEST_CASE("ambiguous characters take two columns when the terminal says so")
    {
        for (const auto ambiguous : {AmbiguousWidth::narrow, AmbiguousWidth::wide}) {
            Table table({"title", "n"}, TableLayout{0, ambiguous});
            table.add_row({"“一枢纽”", "1"});
            table.add_row({"abcdefghij", "2"});
            // The quotes are ambiguous: 1 + 6 + 1 narrow, 2 + 6 + 2 wide.
            CHECK(table.render() == (ambiguous == AmbiguousWidth::wide ? "title       n\n"
                                                                         "“一枢纽”  1\n"
                                                                         "abcdefghij  2\n"
                                                                       : "title       n\n"
                                                                         "“一枢纽”    1\n"
                                                                         "abcdefghij  2\n"));
        }
    }

    TEST_CASE("columns that may be dropped go first, in their order, when text alone cannot make it fit")
    {
        const auto make = [](std::size_t width) {
            Table table({"id", "kind", "title", "start", "due"}, TableLayout{width, AmbiguousWidth::narrow});
            table.allow_shortening(2);
            table.allow_dropping(1);
            table.allow_dropping(3);
            table.add_row({"1", "task", "Build the logistics hub north", "2023-01-01", "2025-12-31"});
            return table.render();
        };
        // Whole: 2 + 4 + 29 + 10 + 10 + 8 = 63. At 60 the title alone is shortened (to 26).
        CHECK(make(60) == "id  kind  title                       start       due\n"
                          "1   task  Build the logistics hub n…  2023-01-01  2025-12-31\n");
        // At 50 a 20-column title would not fit beside every column: kind goes, then the title
        // is shortened to 22.
        CHECK(make(50) == "id  title                   start       due\n"
                          "1   Build the logistics h…  2023-01-01  2025-12-31\n");
        // At 30 start goes too, and the title is shortened to 14.
        CHECK(make(30) == "id  title           due\n"
                          "1   Build the log…  2025-12-31\n");
    }
}
