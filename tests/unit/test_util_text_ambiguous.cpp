#include <doctest/doctest.h>

#include "plantrack/util/text.hpp"

using namespace plantrack::util;

TEST_SUITE("util::text")
{
    TEST_CASE("display_width: East Asian Ambiguous characters as the terminal shows them")
    {
        // “ ” — … ○ ① ± are ambiguous; Chinese is wide either way, ASCII narrow either way.
        CHECK(display_width("“一枢纽、四中心”") == 16);
        CHECK(display_width("“一枢纽、四中心”", AmbiguousWidth::wide) == 18);
        CHECK(display_width("2023—2025", AmbiguousWidth::wide) == 10);
        CHECK(display_width("…○①±", AmbiguousWidth::narrow) == 4);
        CHECK(display_width("…○①±", AmbiguousWidth::wide) == 8);
        CHECK(display_width("abc 中文", AmbiguousWidth::wide) == 8);
        // A combining mark stays zero-width.
        CHECK(display_width("e\u0301", AmbiguousWidth::wide) == 1);
    }

    TEST_CASE("truncate_to_width counts the ellipsis as the terminal does")
    {
        CHECK(truncate_to_width("abcdefgh", 5) == "abcd…");
        CHECK(truncate_to_width("abcdefgh", 5, AmbiguousWidth::wide) == "abc…");
        CHECK(display_width(truncate_to_width("“一枢纽、四中心”", 9, AmbiguousWidth::wide), AmbiguousWidth::wide) <= 9);
    }
}
