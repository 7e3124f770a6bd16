#include "plantrack/report/period_report.hpp"

#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "plantrack/store/plan_store.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::report {

namespace {

double one_decimal(double value)
{
    const double result = std::round(value * 10.0) / 10.0;
    return result == 0.0 ? 0.0 : result;
}

bool all_items(const ItemView&)
{
    return true;
}

bool is_cancelled(const ItemView& view)
{
    return view.state.status == core::Status::cancelled;
}

// Figures of each lead owner (SPEC "For an owner"), in the plan's owner order.
std::vector<OwnerFigures> owner_figures(store::Database& db, const PeriodReport& report)
{
    const auto& snapshot = report.snapshot;
    std::vector<std::pair<std::string, core::Date>> due_items;
    std::vector<const ItemView*> due_views;
    for (const auto& view : snapshot.items) {
        if (view.item->due <= report.as_of && !is_cancelled(view)) {
            due_items.emplace_back(view.item->id, view.item->due);
            due_views.push_back(&view);
        }
    }
    const auto at_due = store::states_at(db, snapshot.plan.id, due_items, report.known_at);
    std::set<const ItemView*> on_time;
    for (std::size_t i = 0; i < due_views.size(); ++i) {
        if (at_due[i].status == core::Status::done) {
            on_time.insert(due_views[i]);
        }
    }
    std::map<std::string, std::pair<int, int>> counts; // by item: updates dated in the period, and the late ones
    const auto& review = snapshot.plan.review;
    store::for_each_update_date(db, snapshot.plan.id, report.period.first_day(), report.as_of, report.known_at,
                                [&](const std::string& item, core::Date date, core::Timestamp recorded_at) {
                                    auto& count = counts[item];
                                    ++count.first;
                                    count.second += core::is_late(date, recorded_at, review) ? 1 : 0;
                                });
    std::map<std::string, OwnerFigures> by_owner;
    for (const auto& view : snapshot.items) {
        auto& figures = by_owner[view.item->lead];
        figures.owner = view.item->lead;
        ++figures.items;
        figures.done += view.state.status == core::Status::done ? 1 : 0;
        figures.overdue += view.overdue ? 1 : 0;
        if (view.item->due <= report.as_of && !is_cancelled(view)) {
            ++figures.due;
            figures.done_on_time += on_time.contains(&view) ? 1 : 0;
        }
        if (const auto found = counts.find(view.item->id); found != counts.end()) {
            figures.updates += found->second.first;
            figures.late_updates += found->second.second;
        }
    }
    std::vector<OwnerFigures> result;
    for (const auto& owner : snapshot.plan.owners) {
        auto found = by_owner.find(owner.name);
        if (found == by_owner.end()) {
            continue;
        }
        auto& figures = found->second;
        if (figures.due > 0) {
            figures.on_time_rate = one_decimal(100.0 * figures.done_on_time / figures.due);
        }
        result.push_back(figures);
    }
    return result;
}

std::vector<Assessment> assess(store::Database& db, const PeriodReport& report, const std::vector<OwnerFigures>& owners)
{
    const auto& snapshot = report.snapshot;
    const auto year_start = core::Date::from_ymd(report.period.year, 1, 1);
    const auto year_end = report.as_of;
    const auto& rhythm = snapshot.plan.review.update_every;
    std::map<std::string, std::set<int>> received_buckets;
    // Only updates received by their period's deadline count (SPEC "Integrity of the figures"):
    // a back-dated update logged later is recorded, and counted as late, but earns nothing.
    store::for_each_update_date(db, snapshot.plan.id, year_start, year_end, report.known_at,
                                [&](const std::string& item, core::Date date, core::Timestamp recorded_at) {
                                    if (!core::is_late(date, recorded_at, snapshot.plan.review)) {
                                        received_buckets[item].insert(core::reporting_period_index(date, rhythm));
                                    }
                                });
    const auto first_done = store::first_done_dates(db, snapshot.plan.id, {year_end, report.known_at});
    std::vector<std::pair<std::string, core::Date>> due_in_year;
    std::vector<const ItemView*> due_views;
    for (const auto& view : snapshot.items) {
        if (view.item->due >= year_start && view.item->due <= year_end && !is_cancelled(view)) {
            due_in_year.emplace_back(view.item->id, view.item->due);
            due_views.push_back(&view);
        }
    }
    const auto at_due = store::states_at(db, snapshot.plan.id, due_in_year, report.known_at);
    std::map<std::string, Assessment> by_owner;
    for (std::size_t i = 0; i < due_views.size(); ++i) {
        auto& a = by_owner[due_views[i]->item->lead];
        ++a.due_in_year;
        a.done_on_time += at_due[i].status == core::Status::done ? 1 : 0;
    }
    std::map<std::string, int> started;
    std::map<std::string, double> ratio_sum;
    for (const auto& view : snapshot.items) {
        const auto& item = *view.item;
        auto& a = by_owner[item.lead];
        ++a.items;
        if (item.start > year_end) {
            continue;
        }
        ++started[item.lead];
        a.overdue += view.overdue ? 1 : 0;
        // Reporting: every bucket of the year in which the item was open should hold an update.
        std::optional<core::Date> closed;
        if (view.state.status == core::Status::done) {
            if (const auto found = first_done.find(item.id); found != first_done.end()) {
                closed = found->second;
            }
        } else if (view.state.status == core::Status::cancelled) {
            closed = view.state.last_update;
        }
        const auto from = std::max(item.start, year_start);
        const auto to = std::min(closed.value_or(year_end), year_end);
        if (from <= to) {
            const auto& received = received_buckets[item.id];
            for (int bucket = core::reporting_period_index(from, rhythm);
                 bucket <= core::reporting_period_index(to, rhythm); ++bucket) {
                ++a.updates_expected;
                a.updates_received += received.contains(bucket) ? 1 : 0;
            }
        }
        // Progress against the time-elapsed expectation; done items have met it.
        if (view.state.status == core::Status::cancelled) {
            continue;
        }
        if (view.state.status == core::Status::done) {
            ratio_sum[item.lead] += 1;
            ++a.progress_items;
        } else if (view.expected_progress > 0) {
            ratio_sum[item.lead] += std::min(1.0, view.state.progress / view.expected_progress);
            ++a.progress_items;
        }
    }
    std::vector<Assessment> result;
    for (const auto& owner : owners) {
        auto a = by_owner[owner.owner];
        a.owner = owner.owner;
        double points = 0;
        double possible = 0;
        auto add = [&](std::optional<double>& component, double weight, bool applies, double fraction) {
            if (applies && weight > 0) {
                component = one_decimal(weight * fraction);
                points += weight * fraction;
                possible += weight;
            }
        };
        const auto& weights = snapshot.plan.assessment;
        add(a.on_time_points, weights.on_time, a.due_in_year > 0,
            a.due_in_year > 0 ? static_cast<double>(a.done_on_time) / a.due_in_year : 0);
        const int started_items = started[owner.owner];
        add(a.overdue_points, weights.overdue, started_items > 0,
            started_items > 0 ? 1.0 - static_cast<double>(a.overdue) / started_items : 0);
        add(a.reporting_points, weights.reporting, a.updates_expected > 0,
            a.updates_expected > 0 ? static_cast<double>(a.updates_received) / a.updates_expected : 0);
        a.progress_ratio = a.progress_items > 0 ? ratio_sum[owner.owner] / a.progress_items : 0;
        add(a.progress_points, weights.progress, a.progress_items > 0, a.progress_ratio);
        a.score = possible > 0 ? one_decimal(100.0 * points / possible) : 0;
        result.push_back(std::move(a));
    }
    std::stable_sort(result.begin(), result.end(), [](const Assessment& x, const Assessment& y) {
        if (x.score != y.score) {
            return x.score > y.score;
        }
        const double rx = x.due_in_year > 0 ? static_cast<double>(x.done_on_time) / x.due_in_year : -1;
        const double ry = y.due_in_year > 0 ? static_cast<double>(y.done_on_time) / y.due_in_year : -1;
        if (rx != ry) {
            return rx > ry;
        }
        return x.owner < y.owner;
    });
    for (std::size_t i = 0; i < result.size(); ++i) {
        // Equal scores share a rank, so the ranking never depends on the order of names alone.
        result[i].rank = i > 0 && result[i].score == result[i - 1].score ? result[i - 1].rank : static_cast<int>(i) + 1;
    }
    return result;
}

} // namespace

PeriodReport build_period_report(store::Database& db, const std::string& plan_id, ReportKind kind,
                                 const core::Period& period, std::optional<core::Timestamp> known_at)
{
    PeriodReport report;
    report.kind = kind;
    report.period = period;
    report.as_of = period.last_day();
    report.known_at = known_at;
    report.snapshot = take_snapshot(db, plan_id, {report.as_of, known_at});
    const auto previous = period.previous();
    report.previous_snapshot.plan = report.snapshot.plan;
    report.previous_snapshot.cutoff = {previous.last_day(), known_at};
    report.previous_snapshot.items = view_items(
        report.previous_snapshot.plan,
        store::states_as_of(db, report.previous_snapshot.plan, report.previous_snapshot.cutoff, store::Notes::skip),
        previous.last_day());

    report.summary = totals(report.snapshot.items, all_items);
    report.previous_summary = totals(report.previous_snapshot.items, all_items);
    report.areas = area_totals(report.snapshot, all_items);
    report.previous_areas = area_totals(report.previous_snapshot, all_items);

    const auto first_done = store::first_done_dates(db, plan_id, report.snapshot.cutoff);
    const auto start = period.first_day();
    std::vector<core::ItemState*> red_states; // their latest notes are what the leadership reads
    for (auto& view : report.snapshot.items) {
        if (view.state.status == core::Status::done) {
            const auto found = first_done.find(view.item->id);
            if (found != first_done.end() && found->second >= start && found->second <= report.as_of) {
                report.completed.push_back(&view);
            }
        }
        const auto became_overdue = view.item->due.plus_days(1);
        if (view.overdue && became_overdue >= start && became_overdue <= report.as_of) {
            report.newly_overdue.push_back(&view);
        }
        if (view.light == core::Light::red) {
            report.red.push_back(&view);
            red_states.push_back(&view.state);
        }
    }
    store::read_notes(db, red_states); // the snapshot was taken without notes
    report.indicators = view_indicators(db, report.snapshot.plan, report.as_of, known_at);
    report.owners = owner_figures(db, report);
    if (kind == ReportKind::annual) {
        report.assessment = assess(db, report, report.owners);
    }
    return report;
}

std::string_view report_title(const PeriodReport& report, const Labels& labels)
{
    switch (report.kind) {
    case ReportKind::quarterly:
        return labels.report_quarterly;
    case ReportKind::half_year:
        return labels.report_half_year;
    case ReportKind::annual:
        return labels.report_annual;
    }
    return labels.report_quarterly;
}

std::string weighted(std::string_view name, double weight, const Labels& labels)
{
    return labels.language == "en" ? fmt::format("{} ({})", name, util::format_number(weight))
                                   : fmt::format("{}（{}）", name, util::format_number(weight));
}

std::string assessment_rules(const Labels& labels, const core::Plan& plan)
{
    const auto& w = plan.assessment;
    const int by_day = plan.review.report_by_day;
    const auto n = [](double value) { return util::format_number(value); };
    if (labels.language == "en") {
        return fmt::format(
            "Each department that leads items is scored on four components, weighted as the plan sets them "
            "(`assessment`), from its items as of 31 December:\n"
            "- On-time completion, {} points: the share of its items due within the year (cancelled ones left "
            "out) that were done by their due date.\n"
            "- Overdue items, {} points: 1 minus the share of its started items that are overdue at the year's "
            "end.\n"
            "- Reporting, {} points: the share of reporting periods (the plan's update rhythm) in which each of "
            "its open items received at least one timely update, from the item's start (or 1 January) to its "
            "completion or cancellation (or 31 December). An update recorded more than {} days after its "
            "period's end is late (补报): it is counted, but earns nothing here.\n"
            "- Progress, {} points: the mean over its started, not cancelled items of progress divided by the "
            "time-elapsed expected progress, capped at 1 (a done item counts 1).\n"
            "A component with nothing to measure (or weight 0) is left out and the others are scaled up to 100. "
            "Departments are ranked by score, then by on-time rate, then by name; equal scores share a rank.\n",
            n(w.on_time), n(w.overdue), n(w.reporting), by_day, n(w.progress));
    }
    return fmt::format(
        "对每个牵头单位按其截至12月31日的事项计分，分四项，权重按方案设定（assessment）：\n"
        "- 按期完成（{}分）：年内到期事项（不含已取消）中在完成时限当日已完成的比例。\n"
        "- 逾期情况（{}分）：1减去已启动事项中年末逾期事项的比例。\n"
        "- 按时报送（{}分）：按方案调度频次，每个在办事项自开始（或1月1日）至完成或取消（或12月31日）期间，"
        "每个调度周期至少按时报送一次进展的比例。调度周期结束{}天后才记录的进展为补报，计入补报次数，"
        "不计入本项。\n"
        "- 推进进度（{}分）：已启动且未取消事项的实际进度与按时间应达进度之比（最高为1，已完成事项计1）的平均值。\n"
        "某项无可计量内容（或权重为0）时不计入，其余各项按比例折算为100分。按得分排名，得分相同按按期完成率，"
        "再按单位名称；得分相同者名次并列。\n",
        n(w.on_time), n(w.overdue), n(w.reporting), by_day, n(w.progress));
}

} // namespace plantrack::report
