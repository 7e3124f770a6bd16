#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "plantrack/core/model.hpp"
#include "plantrack/report/labels.hpp"
#include "plantrack/util/table.hpp"

namespace plantrack::report {

// The whole plan as JSON: header, review settings, owners, goals with indicators, areas with
// tasks and their milestones (the shape of the plan file).
nlohmann::ordered_json plan_json(const core::Plan& plan);

// The texts that frame a plan, one line each, each after `quote`: that it is illustrative (its
// assignments are examples), and its overall goal. Empty when it has neither.
std::string plan_texts(const core::Plan& plan, const Labels& labels, std::string_view quote);

// `plan show` as text: the header, then each area with its tasks and milestones.
std::string render_plan_text(const core::Plan& plan, const Labels& labels, const util::TableLayout& layout = {});

// One line saying what the plan holds ("13 areas, 65 tasks, 79 milestones, ...").
std::string plan_counts(const core::Plan& plan);

} // namespace plantrack::report
