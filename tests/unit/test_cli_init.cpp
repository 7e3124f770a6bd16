#include <doctest/doctest.h>

#include "plantrack/cli/cmd_init.hpp"
#include "plantrack/plan/plan_file.hpp"

using plantrack::cli::plan_template;
using plantrack::plan::parse_plan;

TEST_SUITE("cli::init")
{
    TEST_CASE("the plan template passes plan check in both languages, whatever the year")
    {
        for (const auto* language : {"zh", "en"}) {
            for (const int year : {2024, 2026, 2099}) {
                CAPTURE(language);
                CAPTURE(year);
                const auto file = parse_plan(plan_template(language, year), "plan.yaml");
                CHECK(file.ok());
                CHECK(file.plan.language == language);
                CHECK(file.plan.start.to_string() == std::to_string(year) + "-01-01");
                CHECK(file.plan.end.to_string() == std::to_string(year + 2) + "-12-31");
                CHECK(file.plan.areas.size() == 1);
                CHECK(file.plan.items.size() == 4); // 2 tasks, 2 milestones
                CHECK(file.plan.owners.size() == 2);
                CHECK(file.plan.indicators.size() == 1);
            }
        }
    }

    TEST_CASE("the template points to the format's documentation and keeps its flow maps")
    {
        const auto text = plan_template("en", 2026);
        CHECK(text.starts_with("# An action plan for plantrack."));
        CHECK(text.find("PLAN-FORMAT.md") != std::string::npos);
        CHECK(text.find("{") != std::string::npos); // flow maps survive the formatting
        CHECK(text.find("{{") == std::string::npos);
    }
}
