#pragma once

// The plan and helpers the store tests share.

#include <doctest/doctest.h>

#include "core_test_values.hpp"

#include "plantrack/plan/plan_file.hpp"
#include "plantrack/store/database.hpp"
#include "plantrack/store/plan_store.hpp"
#include "plantrack/store/update_store.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <SQLiteCpp/Statement.h>

namespace store_test {

using namespace plantrack;

inline const std::string k_plan = R"(format: 1
plan:
  id: p
  title: Store plan
  period: {start: 2024-01-01, end: 2025-12-31}
owners:
  - {name: DeptA}
  - {name: DeptB}
goals:
  - id: G1
    title: Goal
    indicators:
      - {id: revenue, title: Revenue, measure: level, direction: up, target: {period: 2025, value: 100}}
areas:
  - id: A1
    title: Area one
    tasks:
      - id: "1"
        title: Task one
        lead: DeptA
        due: 2024-12-31
        milestones:
          - {id: "1.1", title: M1, due: 2024-06-30}
          - {id: "1.2", title: M2, due: 2024-09-30}
      - id: "2"
        title: Task two
        lead: DeptB
        due: 2025-12-31
)";

inline core::Plan parse(const std::string& text)
{
    auto file = plan::parse_plan(text, "plan.yaml");
    REQUIRE(file.ok());
    return std::move(file.plan);
}

inline std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    const auto pos = text.find(from);
    REQUIRE_MESSAGE(pos != std::string::npos, from);
    text.replace(pos, from.size(), to);
    return text;
}

using core::test_values::day;

inline store::Database memory_db()
{
    return store::Database::open(":memory:", store::Database::Access::write);
}

inline core::Update update(const char* item, const char* date, core::Status status, int progress,
                           core::Timestamp recorded_at, std::string note = "")
{
    return core::test_values::update_of(item, date, status, progress, recorded_at, 0, std::move(note));
}

inline bool same_state(const core::ItemState& a, const core::ItemState& b)
{
    return a.status == b.status && a.progress == b.progress && a.last_update == b.last_update && a.note == b.note;
}

} // namespace store_test
