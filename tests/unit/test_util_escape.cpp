#include <doctest/doctest.h>

#include "plantrack/util/escape.hpp"

using plantrack::util::html_escape;

TEST_SUITE("util::escape")
{
    TEST_CASE("html_escape: the five characters that matter in content and attributes")
    {
        CHECK(html_escape("") == "");
        CHECK(html_escape("市发展改革委 plain") == "市发展改革委 plain");
        CHECK(html_escape("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        CHECK(html_escape("a & b") == "a &amp; b");
        CHECK(html_escape("\"quoted\"") == "&quot;quoted&quot;");
        CHECK(html_escape("&amp;") == "&amp;amp;"); // escaped text is escaped again, never trusted
        CHECK(html_escape("\" onmouseover=\"x") == "&quot; onmouseover=&quot;x");
    }
}
