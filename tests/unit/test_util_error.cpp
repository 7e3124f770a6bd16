#include <doctest/doctest.h>

#include "plantrack/util/error.hpp"

using plantrack::Diagnostic;
using plantrack::format_diagnostic;

TEST_SUITE("util::error")
{
    TEST_CASE("format_diagnostic: FILE:LINE:COLUMN: error: MESSAGE, leaving out what is unknown")
    {
        CHECK(format_diagnostic({"plan.yaml", 3, 7, "bad"}) == "plan.yaml:3:7: error: bad");
        CHECK(format_diagnostic({"updates.csv", 12, 0, "bad row"}) == "updates.csv:12: error: bad row");
        CHECK(format_diagnostic({"plan.yaml", 0, 0, "too big"}) == "plan.yaml: error: too big");
    }

    TEST_CASE("InputError carries its diagnostics and a summary")
    {
        const plantrack::InputError error({{"f.csv", 2, 0, "a"}, {"f.csv", 5, 0, "b"}}, "f.csv: 2 problems found");
        CHECK(std::string(error.what()) == "f.csv: 2 problems found");
        REQUIRE(error.diagnostics().size() == 2);
        CHECK(error.diagnostics()[1].line == 5);
        const plantrack::Error& base = error;
        CHECK(std::string(base.what()) == "f.csv: 2 problems found");
    }
}
