#include <doctest/doctest.h>

#include "plantrack/plan/plan_file.hpp"

#include <chrono>
#include <string>
#include <vector>

#include <fmt/format.h>

using plantrack::Diagnostic;
using plantrack::plan::parse_plan;
using plantrack::plan::PlanFile;
namespace core = plantrack::core;

namespace {

// A small valid plan. Variants below replace one line, so the line numbers here stay right.
const std::string k_plan = R"(format: 1
plan:
  id: p
  title: Test plan
  period: {start: 2023-01-01, end: 2025-12-31}
  review: {stale_after_days: 30}
owners:
  - {name: DeptA}
  - {name: DeptB, kind: department}
goals:
  - id: G1
    title: Goal one
    indicators:
      - id: revenue
        title: Revenue
        unit: 亿元
        measure: level
        direction: up
        baseline: {period: 2022, value: 7000}
        target: {period: 2025, value: 10000}
areas:
  - id: A1
    number: 一
    title: Area one
    tasks:
      - id: "1"
        title: Task one
        lead: DeptA
        partners: [DeptB]
        due: 2024-12-31
        milestones:
          - {id: "1.1", title: M1, due: 2023-06-30}
          - {id: "1.2", title: M2, start: 2023-03-01, due: 2023-09-30, lead: DeptB}
      - id: "2"
        title: Task two
        lead: DeptB
        start: 2023-04-01
        due: 2025-12-31
        weight: 2
        milestones:
          - {id: "2.1", title: M3, due: 2024-06-30}
)";

// k_plan with line `line` (1-based) replaced by `text`.
std::string with_line(int line, const std::string& text)
{
    std::string result;
    int current = 1;
    std::size_t begin = 0;
    while (begin < k_plan.size()) {
        const auto end = k_plan.find('\n', begin);
        const auto original = k_plan.substr(begin, end - begin);
        result += (current == line ? text : original) + "\n";
        begin = end + 1;
        ++current;
    }
    REQUIRE_MESSAGE(line < current, "no line ", line);
    return result;
}

std::string describe(const std::vector<Diagnostic>& diagnostics)
{
    std::string text;
    for (const auto& d : diagnostics) {
        text += plantrack::format_diagnostic(d) + "\n";
    }
    return text;
}

// Parses `text` and checks that it yields exactly the one diagnostic given.
void check_one(const std::string& text, int line, int column, const std::string& message)
{
    const auto file = parse_plan(text, "plan.yaml");
    INFO(describe(file.diagnostics));
    REQUIRE(file.diagnostics.size() == 1);
    const auto& d = file.diagnostics.front();
    CHECK(d.file == "plan.yaml");
    CHECK(d.line == line);
    CHECK(d.column == column);
    CHECK(d.message == message);
    CHECK_FALSE(file.ok());
}

const core::Item& item(const core::Plan& plan, const char* id)
{
    const auto* found = plan.find_item(id);
    REQUIRE_MESSAGE(found != nullptr, id);
    return *found;
}

// Parses hostile text; it must come back with diagnostics, not throw, and quickly.
PlanFile parse_hostile(const std::string& text)
{
    const auto start = std::chrono::steady_clock::now();
    PlanFile file;
    CHECK_NOTHROW(file = parse_plan(text, "hostile.yaml"));
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    CHECK(elapsed.count() < 5.0); // generous for loaded CI machines; a hang or blow-up takes far longer
    CHECK_FALSE(file.ok());
    return file;
}

} // namespace

TEST_SUITE("plan::plan_file")
{
    TEST_CASE("a minimal valid plan parses with every default resolved")
    {
        const auto file = parse_plan(k_plan, "plan.yaml");
        INFO(describe(file.diagnostics));
        REQUIRE(file.ok());
        const auto& plan = file.plan;
        CHECK(plan.id == "p");
        CHECK(plan.title == "Test plan");
        CHECK(plan.start.to_string() == "2023-01-01");
        CHECK(plan.end.to_string() == "2025-12-31");
        CHECK(plan.language == "zh");
        CHECK(plan.review.stale_after_days == 30);
        CHECK(plan.review.behind_by == 20);
        CHECK(plan.review.at_risk_within == 10);
        CHECK(plan.review.update_every == "month");
        REQUIRE(plan.owners.size() == 2);
        CHECK(plan.owners[0].name == "DeptA");
        CHECK(plan.owners[0].kind == "department");
        REQUIRE(plan.areas.size() == 1);
        CHECK(plan.areas[0].number == "一");
        CHECK(plan.item_ids() == std::vector<std::string>{"1", "1.1", "1.2", "2", "2.1"});
        SUBCASE("a task without start gets the plan's start")
        {
            const auto& task = item(plan, "1");
            CHECK(task.kind == core::ItemKind::task);
            CHECK(task.start.to_string() == "2023-01-01");
            CHECK(task.due.to_string() == "2024-12-31");
            CHECK(task.area_id == "A1");
            CHECK(task.parent_id.empty());
            CHECK(task.partners == std::vector<std::string>{"DeptB"});
            CHECK(task.weight == 1);
        }
        SUBCASE("a task's own start is kept")
        {
            CHECK(item(plan, "2").start.to_string() == "2023-04-01");
            CHECK(item(plan, "2").weight == 2);
        }
        SUBCASE("a milestone without start gets its task's, and its task's lead")
        {
            const auto& first = item(plan, "1.1");
            CHECK(first.kind == core::ItemKind::milestone);
            CHECK(first.parent_id == "1");
            CHECK(first.area_id == "A1");
            CHECK(first.start.to_string() == "2023-01-01");
            CHECK(first.lead == "DeptA");
            const auto& later = item(plan, "2.1");
            CHECK(later.start.to_string() == "2023-04-01"); // task 2's own start, not the plan's
            CHECK(later.lead == "DeptB");
        }
        SUBCASE("a milestone's own start and lead are kept")
        {
            const auto& own = item(plan, "1.2");
            CHECK(own.start.to_string() == "2023-03-01");
            CHECK(own.lead == "DeptB");
        }
        SUBCASE("the indicator")
        {
            REQUIRE(plan.indicators.size() == 1);
            const auto& indicator = plan.indicators[0];
            CHECK(indicator.id == "revenue");
            CHECK(indicator.goal_id == "G1");
            CHECK(indicator.unit == "亿元");
            CHECK(indicator.measure == core::Measure::level);
            CHECK(indicator.direction == core::Direction::up);
            REQUIRE(indicator.baseline);
            CHECK(indicator.baseline->period.to_string() == "2022");
            CHECK(indicator.baseline->value == 7000);
            CHECK(indicator.target.period.to_string() == "2025");
            CHECK(indicator.target.value == 10000);
        }
    }

    TEST_CASE("every rule, with its exact location and message")
    {
        SUBCASE("an unknown key, with the nearest valid one suggested")
        {
            check_one(with_line(39, "        wieght: 2"), 39, 9,
                      "unknown key 'wieght' in task, did you mean 'weight'?");
        }
        SUBCASE("an unknown key with nothing near")
        {
            check_one(with_line(39, "        colour: blue"), 39, 9, "unknown key 'colour' in task");
        }
        SUBCASE("a missing required key")
        {
            check_one(with_line(35, "        leader: Someone"), 34, 9, "missing required key 'title' in task");
        }
        SUBCASE("a duplicate item id")
        {
            check_one(with_line(41, R"(          - {id: "1.1", title: M3, due: 2024-06-30})"), 41, 18,
                      "duplicate item id '1.1' (first defined at line 32)");
        }
        SUBCASE("a duplicate key")
        {
            check_one(with_line(39, "        title: Again"), 39, 9, "duplicate key 'title' in task");
        }
        SUBCASE("an owner that is not declared")
        {
            check_one(with_line(36, "        lead: DeptC"), 36, 15,
                      "owner 'DeptC' is not declared in owners, did you mean 'DeptA'?");
        }
        SUBCASE("an undeclared partner")
        {
            check_one(with_line(29, "        partners: [Nobody]"), 29, 20, "owner 'Nobody' is not declared in owners");
        }
        SUBCASE("a due date outside the plan period")
        {
            check_one(with_line(38, "        due: 2026-01-31"), 38, 14,
                      "due date 2026-01-31 of task '2' is outside the plan period 2023-01-01 to 2025-12-31");
        }
        SUBCASE("a due date before the item's start")
        {
            const std::string line =
                R"(          - {id: "1.2", title: M2, start: 2023-10-01, due: 2023-09-30, lead: DeptB})";
            check_one(with_line(33, line), 33, 60,
                      "due date 2023-09-30 of milestone '1.2' is before its start 2023-10-01");
        }
        SUBCASE("a milestone due after its task")
        {
            check_one(with_line(32, R"(          - {id: "1.1", title: M1, due: 2025-01-31})"), 32, 41,
                      "milestone '1.1' is due 2025-01-31, after its task '1' (due 2024-12-31)");
        }
        SUBCASE("a malformed date")
        {
            check_one(with_line(30, "        due: 2024-13-01"), 30, 14,
                      "due date '2024-13-01' is not a valid date (expected YYYY-MM-DD)");
        }
        SUBCASE("a date in another shape")
        {
            check_one(with_line(37, "        start: 2023/04/01"), 37, 16,
                      "start '2023/04/01' is not a valid date (expected YYYY-MM-DD)");
        }
        SUBCASE("an unknown measure")
        {
            check_one(with_line(17, "        measure: levle"), 17, 18,
                      "unknown measure 'levle' (one of: level, share, annual-growth, cumulative, "
                      "change-from-baseline), did you mean 'level'?");
        }
        SUBCASE("an unknown direction")
        {
            check_one(with_line(18, "        direction: upward"), 18, 20,
                      "unknown direction 'upward' (one of: up, down)");
        }
        SUBCASE("change-from-baseline without a baseline")
        {
            const auto text = with_line(19, "        # no baseline");
            const auto pos = text.find("measure: level");
            REQUIRE(pos != std::string::npos);
            auto changed = text;
            changed.replace(pos, 14, "measure: change-from-baseline");
            check_one(changed, 14, 9,
                      "indicator 'revenue' measures change-from-baseline but has no baseline to measure from");
        }
        SUBCASE("a format this plantrack does not read")
        {
            check_one(with_line(1, "format: 2"), 1, 9, "unsupported format '2' (this plantrack reads format 1)");
        }
        SUBCASE("several problems are all reported, in file order of discovery")
        {
            auto text = with_line(39, "        wieght: 2");
            const auto pos = text.find("lead: DeptB\n        start");
            REQUIRE(pos != std::string::npos);
            text.replace(pos, 11, "lead: DeptC");
            const auto file = parse_plan(text, "plan.yaml");
            INFO(describe(file.diagnostics));
            CHECK(file.diagnostics.size() == 2);
        }
    }

    TEST_CASE("hostile input returns diagnostics, never throws, quickly")
    {
        SUBCASE("empty text")
        {
            const auto file = parse_hostile("");
            REQUIRE(file.diagnostics.size() == 1);
            CHECK(file.diagnostics[0].message == "the file is empty; a plan file is a YAML mapping");
            CHECK(parse_hostile("   \n# only a comment\n").diagnostics.size() == 1);
        }
        SUBCASE("a list at the top level")
        {
            const auto file = parse_hostile("- a\n- b\n");
            REQUIRE(file.diagnostics.size() == 1);
            CHECK(file.diagnostics[0].line == 1);
            CHECK(file.diagnostics[0].column == 1);
            CHECK(file.diagnostics[0].message == "the plan file must be a mapping");
        }
        SUBCASE("a scalar at the top level")
        {
            CHECK(parse_hostile("just text\n").diagnostics[0].message == "the plan file must be a mapping");
        }
        SUBCASE("tabs for indentation")
        {
            const auto file = parse_hostile("format: 1\nplan:\n\tid: p\n");
            REQUIRE_FALSE(file.diagnostics.empty());
            CHECK(file.diagnostics.back().line == 3);
            CHECK(file.diagnostics.back().message.rfind("invalid YAML: ", 0) == 0);
        }
        SUBCASE("20000 levels of nesting")
        {
            const auto file = parse_hostile(std::string(20000, '['));
            REQUIRE(file.diagnostics.size() == 1);
            CHECK(file.diagnostics[0].message.rfind("invalid YAML: ", 0) == 0);
            std::string maps;
            for (int i = 0; i < 20000; ++i) {
                maps += "{a: ";
            }
            CHECK(parse_hostile(maps).diagnostics.size() == 1);
        }
        SUBCASE("a 5 MB scalar")
        {
            const auto text = with_line(4, "  title: " + std::string(5 * 1024 * 1024, 'x'));
            const auto file = parse_hostile(text);
            REQUIRE(file.diagnostics.size() == 1);
            CHECK(file.diagnostics[0].line == 4);
            CHECK(file.diagnostics[0].column == 10);
            CHECK(file.diagnostics[0].message == "plan title is too long (5242880 bytes; at most 16384)");
        }
        SUBCASE("an alias bomb")
        {
            // Nine levels of ten references each: 10^9 leaves if anything expanded them.
            std::string text = "a: &a [x,x,x,x,x,x,x,x,x,x]\n";
            const std::string names = "abcdefghi";
            for (std::size_t i = 1; i < names.size(); ++i) {
                text += fmt::format("{}: &{} [", names[i], names[i]);
                for (int j = 0; j < 10; ++j) {
                    text += fmt::format("{}*{}", j == 0 ? "" : ",", names[i - 1]);
                }
                text += "]\n";
            }
            text += "format: 1\nplan: *i\nowners: *i\ngoals: *i\nareas: *i\n";
            const auto file = parse_hostile(text);
            CHECK(file.diagnostics.size() < 100);
        }
        SUBCASE("an alias bomb inside the areas")
        {
            std::string text = with_line(25, "    tasks: *t");
            text = "x: &t [[a,a,a],[a,a,a]]\n" + text;
            const auto file = parse_hostile(text);
            CHECK_FALSE(file.diagnostics.empty());
        }
        SUBCASE("invalid UTF-8")
        {
            const auto file = parse_hostile(with_line(4, "  title: Test \xFF plan"));
            REQUIRE(file.diagnostics.size() == 1);
            CHECK(file.diagnostics[0].line == 4);
            CHECK(file.diagnostics[0].column == 15);
            CHECK(file.diagnostics[0].message == "the file is not valid UTF-8 text");
        }
        SUBCASE("a NUL byte")
        {
            const auto file = parse_hostile(std::string("format: 1\n\0", 11));
            REQUIRE(file.diagnostics.size() == 1);
            CHECK(file.diagnostics[0].message == "the file contains a NUL byte; it is not a text file");
        }
        SUBCASE("unbalanced brackets")
        {
            const auto file = parse_hostile("format: 1\nplan: {id: p\n");
            REQUIRE_FALSE(file.diagnostics.empty());
            CHECK(file.diagnostics.back().message.rfind("invalid YAML: ", 0) == 0);
        }
    }
}
