#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plantrack/report/dashboard.hpp"
#include "plantrack/report/indicator_view.hpp"
#include "plantrack/report/labels.hpp"
#include "plantrack/report/snapshot.hpp"

namespace plantrack::report {

enum class ReportKind { quarterly, half_year, annual };

// One department's annual assessment (年度考核): its figures for the year, the points of each
// component, and its rank. A component that does not apply (nothing due, nothing to report) is
// left out and the others are scaled up to 100, so no department gains or loses by having
// nothing in a component. See `assessment_rules`.
struct Assessment
{
    std::string owner;
    int items = 0;
    int due_in_year = 0;  // items due within the year, cancelled left out
    int done_on_time = 0; // of those, done by their due date
    int overdue = 0;      // overdue at the year's end
    int updates_expected = 0;
    int updates_received = 0;
    double progress_ratio = 0; // mean of min(1, progress / expected progress) over open items
    int progress_items = 0;
    std::optional<double> on_time_points; // of the plan's assessment weights
    std::optional<double> overdue_points;
    std::optional<double> reporting_points; // timely updates only
    std::optional<double> progress_points;
    double score = 0; // of 100, one decimal
    int rank = 0;
};

// Everything a quarterly report, half-year circular or annual report shows, computed once.
struct PeriodReport
{
    ReportKind kind = ReportKind::quarterly;
    core::Period period;
    core::Date as_of; // the period's last day
    std::optional<core::Timestamp> known_at;
    Snapshot snapshot;          // as of the period's end
    Snapshot previous_snapshot; // as of the previous period's end
    Totals summary;
    Totals previous_summary;
    std::vector<AreaTotals> areas;
    std::vector<AreaTotals> previous_areas;
    std::vector<const ItemView*> completed;
    std::vector<const ItemView*> newly_overdue;
    std::vector<const ItemView*> red;
    std::vector<IndicatorView> indicators;
    std::vector<OwnerFigures> owners;
    std::vector<Assessment> assessment; // annual only, ranked
};

// Computes a report for `period` (a quarter, half-year or year, matching `kind`), counting every
// update dated on or before the period's end and recorded by `known_at` when set.
PeriodReport build_period_report(store::Database& db, const std::string& plan_id, ReportKind kind,
                                 const core::Period& period, std::optional<core::Timestamp> known_at);

// The rules of the annual assessment, as printed in the report and in docs.
std::string assessment_rules(const Labels& labels, const core::Plan& plan);

// A component's heading with its weight beside it: "On time (40)", "按期完成（40）".
std::string weighted(std::string_view name, double weight, const Labels& labels);

std::string render_report_json(const PeriodReport& report);
std::string render_report_markdown(const PeriodReport& report, const Labels& labels);
std::string render_report_html(const PeriodReport& report, const Labels& labels);
std::string render_report_csv(const PeriodReport& report);

// "季度报告" / "Quarterly report" and the like.
std::string_view report_title(const PeriodReport& report, const Labels& labels);

} // namespace plantrack::report
