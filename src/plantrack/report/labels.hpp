#pragma once

#include <string>
#include <string_view>

#include "plantrack/core/model.hpp"
#include "plantrack/core/status.hpp"

namespace plantrack::report {

// Every human-facing word of the tables and reports, in one language.
struct Labels
{
    std::string_view language; // "zh" or "en"
    std::string_view id, kind, area, parent, title, lead, partners, leader, start, due, status, progress, light,
        last_update, note, by, recorded_at, date, days_overdue, days_left, days_without_update, expected, items, tasks,
        milestones, done, overdue, red, yellow, green, cancelled, owner, owners, on_time_rate, updates, plan, period,
        as_of, revision, goal, indicator, unit, measure, direction, target, baseline, latest, latest_period, judgement,
        readings, value, total, none, task, milestone, weight, recent_updates, state, nothing_overdue, nothing_due,
        nothing_stale, no_items, summary, areas_heading, completed, newly_overdue, red_items, indicators,
        owners_heading, change, previous, assessment, rank, score, rules, report_quarterly, report_half_year,
        report_annual, generated_note, not_set;
    std::string_view status_names[6];
    std::string_view light_names[5];
    std::string_view measure_names[5];
    std::string_view judgement_names[5];
    std::string_view figure, this_period, known_at, latest_note, on_time_points, overdue_points, reporting_points,
        progress_points, due_in_year, done_on_time, reports_received, timeline, light_distribution, area_progress,
        trajectory, reading, no_entries, today;
    std::string_view late_updates, lag, illustrative, overall_goal, description, weights, late_mark;
};

// "zh" or "en" (anything else reads as zh).
const Labels& labels_for(std::string_view language);

std::string_view label(const Labels& labels, core::Status status);
std::string_view label(const Labels& labels, core::Light light);
std::string_view label(const Labels& labels, core::Measure measure);
std::string_view label(const Labels& labels, core::ItemKind kind);

} // namespace plantrack::report
