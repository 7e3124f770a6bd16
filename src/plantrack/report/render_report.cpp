// The period reports as JSON, Markdown and CSV (HTML is in render_html.cpp).
#include <cmath>

#include <fmt/format.h>

#include "plantrack/report/rows.hpp"
#include "plantrack/report/period_report.hpp"
#include "plantrack/report/plan_view.hpp"
#include "plantrack/util/csv.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::report {

namespace {

Json ids(const std::vector<const ItemView*>& views)
{
    Json array = Json::array();
    for (const auto* view : views) {
        array.push_back(view->item->id);
    }
    return array;
}

Json change_json(const Totals& now, const Totals& before)
{
    return Json{{"items", now.items - before.items},
                {"done", now.done - before.done},
                {"overdue", now.overdue - before.overdue},
                {"red", now.red - before.red},
                {"yellow", now.yellow - before.yellow},
                {"green", now.green - before.green},
                {"progress", std::round((now.progress - before.progress) * 10.0) / 10.0}};
}

Json optional_json(const std::optional<double>& value)
{
    return value ? Json(*value) : Json(nullptr);
}

// User text in Markdown (a table cell, a heading): line breaks flattened, and every character
// Markdown or the HTML inside it would act on backslash-escaped, so a note holding
// `<img src=x onerror=...>`, `[x](javascript:...)`, `![x](http://...)` or `<!--` shows as typed
// and runs, loads and hides nothing. (CommonMark lets any ASCII punctuation be escaped.)
std::string md(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\n' || c == '\r') {
            out += ' ';
            continue;
        }
        if (std::string_view("\\`*_[]<>!|&~#").find(c) != std::string_view::npos) {
            out += '\\';
        }
        out.push_back(c);
    }
    return out;
}

std::string md_table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
                     const std::vector<bool>& numeric)
{
    std::string text = "|";
    std::string rule = "|";
    for (std::size_t i = 0; i < headers.size(); ++i) {
        text += ' ';
        text += md(headers[i]);
        text += " |";
        rule += i < numeric.size() && numeric[i] ? " ---: |" : " --- |";
    }
    text += "\n" + rule + "\n";
    for (const auto& row : rows) {
        text += "|";
        for (const auto& cell : row) {
            text += ' ';
            text += md(cell);
            text += " |";
        }
        text += "\n";
    }
    return text;
}

std::string signed_number(double value)
{
    const auto text = util::format_one_decimal(value);
    return value > 0.04 ? "+" + text : text;
}

std::string signed_int(int value)
{
    return value > 0 ? fmt::format("+{}", value) : fmt::format("{}", value);
}

std::string rate_text(const std::optional<double>& rate, const Labels& labels)
{
    return rate ? util::format_one_decimal(*rate) + "%" : std::string(labels.not_set);
}

std::string points_text(const std::optional<double>& points, const Labels& labels)
{
    return points ? util::format_one_decimal(*points) : std::string(labels.not_set);
}

} // namespace

std::string render_report_json(const PeriodReport& report)
{
    Json json{{"plan", report.snapshot.plan.id},   {"illustrative", report.snapshot.plan.illustrative},
              {"goal", report.snapshot.plan.goal}, {"period", report.period.to_string()},
              {"as_of", report.as_of.to_string()}, {"summary", totals_json(report.summary)}};
    Json areas = Json::array();
    for (const auto& entry : report.areas) {
        Json area{{"id", entry.area->id}, {"title", entry.area->title}};
        area.update(totals_json(entry.totals));
        areas.push_back(std::move(area));
    }
    json["areas"] = areas;
    json["completed"] = ids(report.completed);
    json["newly_overdue"] = ids(report.newly_overdue);
    json["red"] = ids(report.red);
    Json indicators = Json::array();
    for (const auto& view : report.indicators) {
        indicators.push_back(indicator_json(view));
    }
    json["indicators"] = indicators;
    Json owners = Json::array();
    for (const auto& owner : report.owners) {
        owners.push_back({{"owner", owner.owner},
                          {"items", owner.items},
                          {"done", owner.done},
                          {"overdue", owner.overdue},
                          {"on_time_rate", optional_json(owner.on_time_rate)},
                          {"updates", owner.updates},
                          {"late_updates", owner.late_updates}});
    }
    json["owners"] = owners;
    const auto previous = report.period.previous();
    json["previous"] = {{"period", previous.to_string()},
                        {"as_of", previous.last_day().to_string()},
                        {"summary", totals_json(report.previous_summary)}};
    json["change"] = change_json(report.summary, report.previous_summary);
    json["known_at"] = report.known_at ? Json(core::format_timestamp(*report.known_at)) : Json(nullptr);
    if (report.kind == ReportKind::annual) {
        Json assessment = Json::array();
        for (const auto& a : report.assessment) {
            assessment.push_back({{"rank", a.rank},
                                  {"owner", a.owner},
                                  {"score", a.score},
                                  {"on_time_points", optional_json(a.on_time_points)},
                                  {"overdue_points", optional_json(a.overdue_points)},
                                  {"reporting_points", optional_json(a.reporting_points)},
                                  {"progress_points", optional_json(a.progress_points)},
                                  {"items", a.items},
                                  {"due_in_year", a.due_in_year},
                                  {"done_on_time", a.done_on_time},
                                  {"overdue", a.overdue},
                                  {"updates_expected", a.updates_expected},
                                  {"updates_received", a.updates_received}});
        }
        json["assessment"] = assessment;
        const auto& w = report.snapshot.plan.assessment;
        json["assessment_weights"] = {
            {"on_time", w.on_time}, {"overdue", w.overdue}, {"reporting", w.reporting}, {"progress", w.progress}};
    }
    return json_text(json) + "\n";
}

std::string render_report_markdown(const PeriodReport& report, const Labels& l)
{
    const auto& plan = report.snapshot.plan;
    const auto previous = report.period.previous();
    std::string text = fmt::format("# {}\n\n", md(plan.title));
    // Each text a paragraph of one block quote, so the heading says what kind of plan this is.
    const auto texts = plan_texts(plan, l, "> ");
    for (std::size_t begin = 0; begin < texts.size();) {
        const auto end = texts.find('\n', begin);
        text += begin == 0 ? "" : ">\n";
        text += texts.substr(begin, end - begin + 1);
        begin = end + 1;
    }
    text += texts.empty() ? "" : "\n";
    text += fmt::format("## {} {}\n\n", report_title(report, l), report.period.to_string());
    text += fmt::format("{}: {} · {}: {}{}\n\n{}\n\n", l.as_of, report.as_of, l.plan, md(plan.id),
                        report.known_at ? fmt::format(" · {}: {}", l.known_at, core::format_timestamp(*report.known_at))
                                        : std::string(),
                        l.generated_note);

    const auto& now = report.summary;
    const auto& before = report.previous_summary;
    text += fmt::format("### {}\n\n", l.summary);
    auto figure_row = [&](std::string_view name, int a, int b) {
        return std::vector<std::string>{std::string(name), fmt::format("{}", a), fmt::format("{}", b),
                                        signed_int(a - b)};
    };
    text += md_table({std::string(l.figure), fmt::format("{} ({})", l.this_period, report.period.to_string()),
                      fmt::format("{} ({})", l.previous, previous.to_string()), std::string(l.change)},
                     {figure_row(l.items, now.items, before.items),
                      figure_row(l.tasks, now.tasks, before.tasks),
                      figure_row(l.done, now.done, before.done),
                      figure_row(l.overdue, now.overdue, before.overdue),
                      figure_row(l.red, now.red, before.red),
                      figure_row(l.yellow, now.yellow, before.yellow),
                      figure_row(l.green, now.green, before.green),
                      {std::string(l.progress), util::format_one_decimal(now.progress) + "%",
                       util::format_one_decimal(before.progress) + "%", signed_number(now.progress - before.progress)}},
                     {false, true, true, true});

    text += fmt::format("\n### {}\n\n", l.areas_heading);
    std::vector<std::vector<std::string>> area_rows;
    for (std::size_t i = 0; i < report.areas.size(); ++i) {
        const auto& entry = report.areas[i];
        const auto& t = entry.totals;
        area_rows.push_back({entry.area->number, entry.area->title, fmt::format("{}", t.items),
                             fmt::format("{}", t.done), fmt::format("{}", t.overdue), fmt::format("{}", t.red),
                             fmt::format("{}", t.yellow), fmt::format("{}", t.green),
                             util::format_one_decimal(t.progress) + "%",
                             signed_number(t.progress - report.previous_areas[i].totals.progress)});
    }
    text += md_table({"", std::string(l.area), std::string(l.items), std::string(l.done), std::string(l.overdue),
                      std::string(l.red), std::string(l.yellow), std::string(l.green), std::string(l.progress),
                      std::string(l.change)},
                     area_rows, {false, false, true, true, true, true, true, true, true, true});

    auto item_section = [&](std::string_view heading, const std::vector<const ItemView*>& views, bool with_note) {
        text += fmt::format("\n### {} ({})\n\n", heading, views.size());
        if (views.empty()) {
            text += fmt::format("{}\n", l.no_entries);
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto* view : views) {
            const auto& item = *view->item;
            std::vector<std::string> row{item.id,
                                         item.title,
                                         item.lead,
                                         item.due.to_string(),
                                         std::string(label(l, view->state.status)),
                                         fmt::format("{}%", view->state.progress)};
            if (with_note) {
                row.push_back(view->state.note.empty() ? std::string(l.not_set) : view->state.note);
            }
            rows.push_back(std::move(row));
        }
        std::vector<std::string> headers{std::string(l.id),  std::string(l.title),  std::string(l.lead),
                                         std::string(l.due), std::string(l.status), std::string(l.progress)};
        if (with_note) {
            headers.emplace_back(l.latest_note);
        }
        text += md_table(headers, rows, {false, false, false, false, false, true, false});
    };
    item_section(l.completed, report.completed, false);
    item_section(l.newly_overdue, report.newly_overdue, false);
    item_section(l.red_items, report.red, true);

    text += fmt::format("\n### {}\n\n", l.indicators);
    if (report.indicators.empty()) {
        text += fmt::format("{}\n", l.no_entries);
    } else {
        std::vector<std::vector<std::string>> rows;
        for (const auto& view : report.indicators) {
            const auto& indicator = *view.indicator;
            rows.push_back(
                {indicator.id, indicator.title, std::string(label(l, indicator.measure)),
                 fmt::format("{}{}", util::format_number(indicator.target.value),
                             indicator.unit.empty() ? "" : " " + indicator.unit),
                 view.status.latest ? util::format_rounded(*view.status.latest, 2) : std::string(l.not_set),
                 view.status.latest_period ? view.status.latest_period->to_string() : std::string(l.not_set),
                 view.status.expected ? util::format_rounded(*view.status.expected, 2) : std::string(l.not_set),
                 std::string(label(l, view.status.judgement))});
        }
        text += md_table({std::string(l.id), std::string(l.indicator), std::string(l.measure), std::string(l.target),
                          std::string(l.latest), std::string(l.latest_period), std::string(l.expected),
                          std::string(l.judgement)},
                         rows, {false, false, false, true, true, false, true, false});
    }

    text += fmt::format("\n### {}\n\n", l.owners_heading);
    std::vector<std::vector<std::string>> owner_rows;
    for (const auto& owner : report.owners) {
        owner_rows.push_back({owner.owner, fmt::format("{}", owner.items), fmt::format("{}", owner.done),
                              fmt::format("{}", owner.overdue), rate_text(owner.on_time_rate, l),
                              fmt::format("{}", owner.updates), fmt::format("{}", owner.late_updates)});
    }
    text += md_table({std::string(l.owner), std::string(l.items), std::string(l.done), std::string(l.overdue),
                      std::string(l.on_time_rate), std::string(l.updates), std::string(l.late_updates)},
                     owner_rows, {false, true, true, true, true, true, true});

    if (report.kind == ReportKind::annual) {
        const auto& w = plan.assessment;
        text += fmt::format("\n### {}\n\n#### {}\n\n{}\n", l.assessment, l.rules, assessment_rules(l, plan));
        std::vector<std::vector<std::string>> rows;
        for (const auto& a : report.assessment) {
            rows.push_back({fmt::format("{}", a.rank), a.owner, util::format_one_decimal(a.score),
                            points_text(a.on_time_points, l), points_text(a.overdue_points, l),
                            points_text(a.reporting_points, l), points_text(a.progress_points, l),
                            fmt::format("{}/{}", a.done_on_time, a.due_in_year), fmt::format("{}", a.overdue),
                            fmt::format("{}/{}", a.updates_received, a.updates_expected)});
        }
        text += md_table({std::string(l.rank), std::string(l.owner), std::string(l.score),
                          weighted(l.on_time_points, w.on_time, l), weighted(l.overdue_points, w.overdue, l),
                          weighted(l.reporting_points, w.reporting, l), weighted(l.progress_points, w.progress, l),
                          fmt::format("{}/{}", l.done_on_time, l.due_in_year), std::string(l.overdue),
                          std::string(l.reports_received)},
                         rows, {true, false, true, true, true, true, true, true, true, true});
    }
    return text;
}

std::string render_report_csv(const PeriodReport& report)
{
    // One long table (section, id, name, metric, value) that spreadsheets pivot easily. A value
    // can be user text (a red item's note), so it is neutralised like the rest; numbers are left alone.
    std::string text = util::csv_line({"section", "id", "name", "metric", "value"});
    auto row = [&](const std::string& section, const std::string& id, const std::string& name,
                   const std::string& metric, const std::string& value) {
        text += util::csv_line({util::csv_cell(section), util::csv_cell(id), util::csv_cell(name),
                                util::csv_cell(metric), util::csv_cell(value)});
    };
    auto totals_rows = [&](const std::string& section, const std::string& id, const std::string& name,
                           const Totals& t) {
        row(section, id, name, "items", fmt::format("{}", t.items));
        row(section, id, name, "tasks", fmt::format("{}", t.tasks));
        row(section, id, name, "done", fmt::format("{}", t.done));
        row(section, id, name, "overdue", fmt::format("{}", t.overdue));
        row(section, id, name, "red", fmt::format("{}", t.red));
        row(section, id, name, "yellow", fmt::format("{}", t.yellow));
        row(section, id, name, "green", fmt::format("{}", t.green));
        row(section, id, name, "progress", util::format_one_decimal(t.progress));
    };
    const auto& plan = report.snapshot.plan;
    row("report", plan.id, plan.title, "period", report.period.to_string());
    row("report", plan.id, plan.title, "illustrative", plan.illustrative ? "true" : "false");
    row("report", plan.id, plan.title, "as_of", report.as_of.to_string());
    totals_rows("summary", plan.id, plan.title, report.summary);
    totals_rows("previous", plan.id, report.period.previous().to_string(), report.previous_summary);
    for (const auto& entry : report.areas) {
        totals_rows("area", entry.area->id, entry.area->title, entry.totals);
    }
    auto item_rows = [&](const std::string& section, const std::vector<const ItemView*>& views) {
        for (const auto* view : views) {
            row(section, view->item->id, view->item->title, "status", std::string(to_string(view->state.status)));
            row(section, view->item->id, view->item->title, "progress", fmt::format("{}", view->state.progress));
            if (section == "red") {
                row(section, view->item->id, view->item->title, "note", view->state.note);
            }
        }
    };
    item_rows("completed", report.completed);
    item_rows("newly_overdue", report.newly_overdue);
    item_rows("red", report.red);
    for (const auto& view : report.indicators) {
        const auto json = indicator_json(view);
        for (const auto& key : {"target", "latest", "latest_period", "expected", "judgement"}) {
            const auto& value = json[key];
            row("indicator", view.indicator->id, view.indicator->title, key,
                value.is_null()     ? ""
                : value.is_string() ? value.get<std::string>()
                                    : value.dump());
        }
    }
    for (const auto& owner : report.owners) {
        row("owner", owner.owner, owner.owner, "items", fmt::format("{}", owner.items));
        row("owner", owner.owner, owner.owner, "done", fmt::format("{}", owner.done));
        row("owner", owner.owner, owner.owner, "overdue", fmt::format("{}", owner.overdue));
        row("owner", owner.owner, owner.owner, "on_time_rate",
            owner.on_time_rate ? util::format_one_decimal(*owner.on_time_rate) : "");
        row("owner", owner.owner, owner.owner, "updates", fmt::format("{}", owner.updates));
        row("owner", owner.owner, owner.owner, "late_updates", fmt::format("{}", owner.late_updates));
    }
    for (const auto& a : report.assessment) {
        row("assessment", a.owner, a.owner, "rank", fmt::format("{}", a.rank));
        row("assessment", a.owner, a.owner, "score", util::format_one_decimal(a.score));
    }
    return text;
}

} // namespace plantrack::report
