#pragma once

#include <map>
#include <string>
#include <vector>

#include "plantrack/core/indicators.hpp"
#include "plantrack/report/labels.hpp"
#include "plantrack/report/rows.hpp"
#include "plantrack/store/update_store.hpp"

namespace plantrack::report {

// An indicator with its readings (one per period, the latest recorded wins) and its standing.
struct IndicatorView
{
    const core::Indicator* indicator = nullptr;
    std::vector<core::PeriodReading> readings; // by period, only those ended by the view's as-of date
    core::IndicatorStatus status;
};

// Every indicator of the plan judged as of `as_of` from readings recorded by `known_at`.
std::vector<IndicatorView> view_indicators(store::Database& db, const core::Plan& plan, core::Date as_of,
                                           std::optional<core::Timestamp> known_at);

// One entry of `indicator list` (SPEC keys: id, title, unit, measure, direction, target, latest,
// latest_period, expected, judgement).
Json indicator_json(const IndicatorView& view);

// Rounds a figure for output (4 decimals), so float noise never shows.
double rounded(double value);

// `indicator list` as table, json or csv.
std::string render_indicator_list(const std::vector<IndicatorView>& views, const ListStyle& style);

std::string_view label(const Labels& labels, core::Judgement judgement);

} // namespace plantrack::report
