// The period report as one self-contained HTML file: inline CSS and inline SVG charts, nothing
// loaded from anywhere, every user-supplied text escaped, readable on A4 paper.
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "plantrack/core/indicators.hpp"
#include "plantrack/report/period_report.hpp"
#include "plantrack/util/escape.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::report {

namespace {

using util::html_escape;

constexpr const char* k_style = R"css(
:root { --red: #c5221f; --yellow: #e37400; --green: #188038; --done: #1a73e8; --cancelled: #9aa0a6; --ink: #202124; --muted: #5f6368; --rule: #dadce0; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: var(--ink); margin: 0 auto; max-width: 190mm; padding: 12mm 8mm; line-height: 1.45; font-size: 10.5pt; }
h1 { font-size: 17pt; margin: 0 0 2pt; }
h2 { font-size: 13pt; margin: 0 0 8pt; color: var(--muted); font-weight: 600; }
h3 { font-size: 12pt; margin: 18pt 0 6pt; border-bottom: 2px solid var(--ink); padding-bottom: 2pt; }
p.meta { color: var(--muted); margin: 0 0 10pt; }
p.notice { border: 1px solid var(--muted); padding: 4pt 8pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 9.5pt; }
td:first-child { white-space: nowrap; }
th, td { border-bottom: 1px solid var(--rule); padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #f1f3f4; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
.chip { display: inline-block; padding: 0 5pt; border-radius: 8pt; color: #fff; font-size: 8.5pt; white-space: nowrap; }
.chip.red { background: var(--red); } .chip.yellow { background: var(--yellow); } .chip.green { background: var(--green); }
.chip.done { background: var(--done); } .chip.cancelled { background: var(--cancelled); }
.chip.on-track { background: var(--green); } .chip.at-risk { background: var(--yellow); } .chip.off-track { background: var(--red); }
.chip.no-data, .chip.unjudged { background: var(--cancelled); }
.up { color: var(--green); } .down { color: var(--red); }
.cards { display: flex; flex-wrap: wrap; gap: 6pt; margin: 6pt 0; }
.card { flex: 1 1 0; border: 1px solid var(--rule); border-radius: 4pt; padding: 4pt 6pt; min-width: 0; }
.card b { display: block; font-size: 15pt; }
.card span { color: var(--muted); font-size: 8.5pt; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font-family: inherit; }
.charts { display: grid; grid-template-columns: repeat(2, 1fr); gap: 8pt; }
.chart { border: 1px solid var(--rule); border-radius: 4pt; padding: 4pt; break-inside: avoid; page-break-inside: avoid; }
.chart h4 { margin: 0 0 2pt; font-size: 9.5pt; }
section { break-inside: auto; }
@page { size: A4; margin: 12mm; }
@media print { body { padding: 0; max-width: none; } h3 { break-after: avoid; page-break-after: avoid; } }
)css";

const char* light_color(core::Light light)
{
    switch (light) {
    case core::Light::red:
        return "#c5221f";
    case core::Light::yellow:
        return "#e37400";
    case core::Light::green:
        return "#188038";
    case core::Light::done:
        return "#1a73e8";
    case core::Light::cancelled:
        return "#9aa0a6";
    }
    return "#9aa0a6";
}

std::string chip(std::string_view css_class, std::string_view text)
{
    return fmt::format("<span class=\"chip {}\">{}</span>", css_class, html_escape(text));
}

std::string number(double value)
{
    return fmt::format("{:.1f}", value);
}

std::string delta(double value, bool higher_is_better, bool one_decimal)
{
    const std::string text = one_decimal ? util::format_one_decimal(value) : fmt::format("{}", std::lround(value));
    if (std::abs(value) < 0.05) {
        return text;
    }
    const bool good = (value > 0) == higher_is_better;
    return fmt::format("<span class=\"{}\">{}{}</span>", good ? "up" : "down", value > 0 ? "+" : "", text);
}

// Horizontal bars: each area's weighted task progress.
std::string area_chart(const PeriodReport& report)
{
    const int row = 20;
    const int label_width = 250;
    const int bar_width = 380;
    const int height = static_cast<int>(report.areas.size()) * row + 10;
    std::string svg =
        fmt::format("<svg viewBox=\"0 0 700 {}\" width=\"700\" height=\"{}\" role=\"img\">", height, height);
    for (std::size_t i = 0; i < report.areas.size(); ++i) {
        const auto& entry = report.areas[i];
        const int y = static_cast<int>(i) * row + 4;
        const double width = bar_width * std::clamp(entry.totals.progress, 0.0, 100.0) / 100.0;
        svg +=
            fmt::format("<text x=\"0\" y=\"{}\" font-size=\"11\">{} {}</text>", y + 12, html_escape(entry.area->number),
                        html_escape(util::truncate_to_width(entry.area->title, 36)));
        svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" fill=\"#f1f3f4\"/>", label_width, y,
                           bar_width);
        svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"14\" fill=\"#1a73e8\"/>", label_width, y,
                           width);
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\">{}%</text>", label_width + bar_width + 6, y + 12,
                           number(entry.totals.progress));
    }
    return svg + "</svg>";
}

// One stacked bar of the items by light, with a legend.
std::string light_chart(const PeriodReport& report, const Labels& l)
{
    const auto& t = report.summary;
    const std::vector<std::pair<core::Light, int>> parts = {{core::Light::red, t.red},
                                                            {core::Light::yellow, t.yellow},
                                                            {core::Light::green, t.green},
                                                            {core::Light::done, t.done},
                                                            {core::Light::cancelled, t.cancelled}};
    const double total = std::max(1, t.items);
    std::string svg = "<svg viewBox=\"0 0 700 56\" width=\"700\" height=\"56\" role=\"img\">";
    double x = 0;
    for (const auto& [light, count] : parts) {
        const double width = 700.0 * count / total;
        if (count > 0) {
            svg += fmt::format("<rect x=\"{:.1f}\" y=\"0\" width=\"{:.1f}\" height=\"22\" fill=\"{}\"/>", x, width,
                               light_color(light));
        }
        x += width;
    }
    double legend_x = 0;
    for (const auto& [light, count] : parts) {
        svg += fmt::format("<rect x=\"{:.0f}\" y=\"34\" width=\"12\" height=\"12\" fill=\"{}\"/>"
                           "<text x=\"{:.0f}\" y=\"45\" font-size=\"11\">{} {}</text>",
                           legend_x, light_color(light), legend_x + 16, html_escape(label(l, light)), count);
        legend_x += 130;
    }
    return svg + "</svg>";
}

// 挂图作战: every task as a bar from start to due, its milestones as diamonds at their due
// dates, coloured by light, with a line at the report date.
std::string timeline_chart(const PeriodReport& report)
{
    const auto& plan = report.snapshot.plan;
    const int left = 60;
    const int width = 640;
    const int row = 12;
    const double span = std::max(1, plan.end - plan.start);
    auto x_of = [&](core::Date date) { return left + width * std::clamp((date - plan.start) / span, 0.0, 1.0); };
    std::vector<const ItemView*> tasks;
    std::map<std::string, std::vector<const ItemView*>> milestones;
    for (const auto& view : report.snapshot.items) {
        if (view.item->kind == core::ItemKind::task) {
            tasks.push_back(&view);
        } else {
            milestones[view.item->parent_id].push_back(&view);
        }
    }
    const int height = static_cast<int>(tasks.size()) * row + 30;
    std::string svg = fmt::format("<svg viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\">",
                                  left + width + 10, height, left + width + 10, height);
    for (int year = plan.start.year(); year <= plan.end.year() + 1; ++year) {
        const auto date = core::Date::from_ymd(year, 1, 1);
        if (date < plan.start || date > plan.end.plus_days(1)) {
            continue;
        }
        const double x = x_of(std::min(date, plan.end));
        svg += fmt::format("<line x1=\"{:.1f}\" y1=\"14\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"#dadce0\"/>"
                           "<text x=\"{:.1f}\" y=\"10\" font-size=\"9\">{}</text>",
                           x, x, height, x + 2, year);
    }
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        const auto* task = tasks[i];
        const double y = 18 + static_cast<double>(i) * row;
        svg += fmt::format("<text x=\"0\" y=\"{:.0f}\" font-size=\"8\">{}</text>", y + 8, html_escape(task->item->id));
        const double x1 = x_of(task->item->start);
        const double x2 = x_of(task->item->due);
        svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.0f}\" width=\"{:.1f}\" height=\"6\" fill=\"{}\" opacity=\"0.75\">"
                           "<title>{} {}</title></rect>",
                           x1, y + 2, std::max(1.0, x2 - x1), light_color(task->light), html_escape(task->item->id),
                           html_escape(task->item->title));
        for (const auto* milestone : milestones[task->item->id]) {
            const double x = x_of(milestone->item->due);
            svg += fmt::format(
                "<path d=\"M{:.1f} {:.0f}l4 4l-4 4l-4 -4z\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"0.5\">"
                "<title>{} {}</title></path>",
                x, y + 1, light_color(milestone->light), html_escape(milestone->item->id),
                html_escape(milestone->item->title));
        }
    }
    const double now = x_of(report.as_of);
    svg += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"14\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"#202124\" stroke-dasharray=\"3 2\"/>", now, now,
        height);
    return svg + "</svg>";
}

// An indicator's trajectory (line), its readings (dots) and its target (ring).
std::string indicator_chart(const IndicatorView& view, const core::Plan& plan, const Labels& l)
{
    const auto& indicator = *view.indicator;
    const int start_year = plan.start.year();
    const int plan_years = plan.end.year() - start_year + 1;
    std::vector<std::pair<double, double>> line;
    const int first_year = indicator.baseline ? std::min(indicator.baseline->period.year, start_year) : start_year;
    for (int year = first_year; year <= indicator.target.period.year; ++year) {
        const auto period = core::Period::of_year(year);
        if (const auto expected = core::expected_value(indicator, period, start_year, plan_years)) {
            line.emplace_back(year, *expected);
        }
    }
    std::vector<std::pair<double, double>> points;
    for (const auto& reading : view.readings) {
        const double judged = core::judged_value(indicator, view.readings, reading.period, start_year);
        points.emplace_back(core::period_time(reading.period), judged);
    }
    double min_x = first_year;
    double max_x = indicator.target.period.year;
    double min_y = indicator.target.value;
    double max_y = indicator.target.value;
    for (const auto& [x, y] : line) {
        min_y = std::min(min_y, y);
        max_y = std::max(max_y, y);
    }
    for (const auto& [x, y] : points) {
        min_x = std::min(min_x, x);
        max_x = std::max(max_x, x);
        min_y = std::min(min_y, y);
        max_y = std::max(max_y, y);
    }
    if (max_y - min_y < 1e-9) {
        max_y += 1;
        min_y -= 1;
    }
    const double pad = (max_y - min_y) * 0.12;
    min_y -= pad;
    max_y += pad;
    if (max_x - min_x < 1) {
        min_x -= 1;
    }
    const double w = 300;
    const double h = 120;
    const double left = 44;
    const double bottom = 18;
    auto sx = [&](double x) { return left + (w - left - 8) * (x - min_x) / (max_x - min_x); };
    auto sy = [&](double y) { return (h - bottom) - (h - bottom - 6) * (y - min_y) / (max_y - min_y); };
    std::string svg = fmt::format("<svg viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\">", w, h);
    svg +=
        fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#dadce0\"/>", left, h - bottom, w - 8);
    for (int year = static_cast<int>(std::ceil(min_x)); year <= static_cast<int>(max_x); ++year) {
        svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\">{}</text>", sx(year),
                           h - 5, year);
    }
    svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"9\" text-anchor=\"end\">{}</text>", left - 4,
                       sy(max_y - pad) + 3, html_escape(util::format_rounded(max_y - pad, 2)));
    svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"9\" text-anchor=\"end\">{}</text>", left - 4,
                       sy(min_y + pad) + 3, html_escape(util::format_rounded(min_y + pad, 2)));
    if (line.size() >= 2) {
        std::string path;
        for (const auto& [x, y] : line) {
            path += fmt::format("{}{:.1f} {:.1f}", path.empty() ? "M" : " L", sx(x), sy(y));
        }
        svg += fmt::format(
            "<path d=\"{}\" fill=\"none\" stroke=\"#5f6368\" stroke-dasharray=\"4 3\"><title>{}</title></path>", path,
            html_escape(l.trajectory));
    }
    svg +=
        fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\" fill=\"none\" stroke=\"#1a73e8\" stroke-width=\"2\">"
                    "<title>{} {}</title></circle>",
                    sx(period_time(indicator.target.period)), sy(indicator.target.value), html_escape(l.target),
                    html_escape(util::format_number(indicator.target.value)));
    std::string polyline;
    for (const auto& [x, y] : points) {
        polyline += fmt::format("{}{:.1f} {:.1f}", polyline.empty() ? "M" : " L", sx(x), sy(y));
    }
    if (points.size() >= 2) {
        svg += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"#202124\"/>", polyline);
    }
    for (const auto& [x, y] : points) {
        svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"#202124\"><title>{}</title></circle>",
                           sx(x), sy(y), html_escape(util::format_rounded(y, 2)));
    }
    return svg + "</svg>";
}

std::string table_html(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
                       const std::vector<bool>& numeric)
{
    std::string html = "<table><thead><tr>";
    for (std::size_t i = 0; i < headers.size(); ++i) {
        html += fmt::format("<th{}>{}</th>", i < numeric.size() && numeric[i] ? " class=\"n\"" : "", headers[i]);
    }
    html += "</tr></thead><tbody>";
    for (const auto& row : rows) {
        html += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i) {
            html += fmt::format("<td{}>{}</td>", i < numeric.size() && numeric[i] ? " class=\"n\"" : "", row[i]);
        }
        html += "</tr>";
    }
    return html + "</tbody></table>\n";
}

std::string h(std::string_view text)
{
    return html_escape(text);
}

} // namespace

std::string render_report_html(const PeriodReport& report, const Labels& l)
{
    const auto& plan = report.snapshot.plan;
    const auto previous = report.period.previous();
    const auto& now = report.summary;
    const auto& before = report.previous_summary;
    std::string html = fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                                   "<title>{} — {} {}</title>\n<style>{}</style>\n</head>\n<body>\n",
                                   l.language == "en" ? "en" : "zh-CN", h(plan.title), h(report_title(report, l)),
                                   report.period.to_string(), k_style);
    html += fmt::format(
        "<h1>{}</h1>\n<h2>{} {}</h2>\n<p class=\"meta\">{}: {} · {}: {}{} · {}</p>\n", h(plan.title),
        h(report_title(report, l)), report.period.to_string(), h(l.as_of), report.as_of, h(l.plan), h(plan.id),
        report.known_at ? fmt::format(" · {}: {}", h(l.known_at), core::format_timestamp(*report.known_at))
                        : std::string(),
        h(l.generated_note));
    if (plan.illustrative) {
        html += fmt::format("<p class=\"notice\">{}</p>\n", h(l.illustrative));
    }
    if (!plan.goal.empty()) {
        html += fmt::format("<p><b>{}</b>: {}</p>\n", h(l.overall_goal), h(plan.goal));
    }

    html += fmt::format("<section><h3>{}</h3>\n<div class=\"cards\">", h(l.summary));
    auto card = [&](std::string_view name, const std::string& value, const std::string& change) {
        html += fmt::format("<div class=\"card\"><span>{}</span><b>{}</b><span>{} {}</span></div>", h(name), value,
                            h(l.change), change);
    };
    card(l.progress, number(now.progress) + "%", delta(now.progress - before.progress, true, true));
    card(l.items, fmt::format("{}", now.items), delta(now.items - before.items, true, false));
    card(l.done, fmt::format("{}", now.done), delta(now.done - before.done, true, false));
    card(l.overdue, fmt::format("{}", now.overdue), delta(now.overdue - before.overdue, false, false));
    card(l.red, fmt::format("{}", now.red), delta(now.red - before.red, false, false));
    card(l.yellow, fmt::format("{}", now.yellow), delta(now.yellow - before.yellow, false, false));
    card(l.green, fmt::format("{}", now.green), delta(now.green - before.green, true, false));
    html += fmt::format("</div>\n<p class=\"meta\">{}: {} ({})</p>\n", h(l.previous), previous.to_string(),
                        previous.last_day());
    html += fmt::format("<h4>{}</h4>{}\n</section>\n", h(l.light_distribution), light_chart(report, l));

    html += fmt::format("<section><h3>{}</h3>\n{}\n", h(l.areas_heading), area_chart(report));
    std::vector<std::vector<std::string>> area_rows;
    for (std::size_t i = 0; i < report.areas.size(); ++i) {
        const auto& entry = report.areas[i];
        const auto& t = entry.totals;
        area_rows.push_back({h(entry.area->number), h(entry.area->title), fmt::format("{}", t.items),
                             fmt::format("{}", t.done), fmt::format("{}", t.overdue), fmt::format("{}", t.red),
                             fmt::format("{}", t.yellow), fmt::format("{}", t.green), number(t.progress) + "%",
                             delta(t.progress - report.previous_areas[i].totals.progress, true, true)});
    }
    html += table_html({"", h(l.area), h(l.items), h(l.done), h(l.overdue), h(l.red), h(l.yellow), h(l.green),
                        h(l.progress), h(l.change)},
                       area_rows, {false, false, true, true, true, true, true, true, true, true});
    html += "</section>\n";

    html += fmt::format("<section><h3>{}</h3>\n{}\n</section>\n", h(l.timeline), timeline_chart(report));

    auto item_section = [&](std::string_view heading, const std::vector<const ItemView*>& views, bool with_note) {
        html += fmt::format("<section><h3>{} ({})</h3>\n", h(heading), views.size());
        if (views.empty()) {
            html += fmt::format("<p>{}</p></section>\n", h(l.no_entries));
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto* view : views) {
            const auto& item = *view->item;
            std::vector<std::string> row{h(item.id),
                                         h(item.title),
                                         h(item.lead),
                                         item.due.to_string(),
                                         chip(to_string(view->light), label(l, view->light)) + " " +
                                             h(label(l, view->state.status)),
                                         fmt::format("{}%", view->state.progress)};
            if (with_note) {
                row.push_back(view->state.note.empty() ? h(l.not_set) : h(view->state.note));
            }
            rows.push_back(std::move(row));
        }
        std::vector<std::string> headers{h(l.id), h(l.title), h(l.lead), h(l.due), h(l.status), h(l.progress)};
        if (with_note) {
            headers.push_back(h(l.latest_note));
        }
        html += table_html(headers, rows, {false, false, false, false, false, true, false}) + "</section>\n";
    };
    item_section(l.completed, report.completed, false);
    item_section(l.newly_overdue, report.newly_overdue, false);
    item_section(l.red_items, report.red, true);

    html += fmt::format("<section><h3>{}</h3>\n", h(l.indicators));
    if (report.indicators.empty()) {
        html += fmt::format("<p>{}</p>\n", h(l.no_entries));
    } else {
        std::vector<std::vector<std::string>> rows;
        for (const auto& view : report.indicators) {
            const auto& indicator = *view.indicator;
            rows.push_back(
                {h(indicator.id), h(indicator.title), h(label(l, indicator.measure)),
                 h(util::format_number(indicator.target.value) + (indicator.unit.empty() ? "" : " " + indicator.unit)),
                 view.status.latest ? h(util::format_rounded(*view.status.latest, 2)) : h(l.not_set),
                 view.status.latest_period ? view.status.latest_period->to_string() : h(l.not_set),
                 view.status.expected ? h(util::format_rounded(*view.status.expected, 2)) : h(l.not_set),
                 chip(to_string(view.status.judgement), label(l, view.status.judgement))});
        }
        html += table_html({h(l.id), h(l.indicator), h(l.measure), h(l.target), h(l.latest), h(l.latest_period),
                            h(l.expected), h(l.judgement)},
                           rows, {false, false, false, true, true, false, true, false});
        html += "<div class=\"charts\">";
        for (const auto& view : report.indicators) {
            html += fmt::format("<div class=\"chart\"><h4>{} {}</h4>{}</div>", h(view.indicator->title),
                                chip(to_string(view.status.judgement), label(l, view.status.judgement)),
                                indicator_chart(view, plan, l));
        }
        html += "</div>\n";
    }
    html += "</section>\n";

    html += fmt::format("<section><h3>{}</h3>\n", h(l.owners_heading));
    std::vector<std::vector<std::string>> owner_rows;
    for (const auto& owner : report.owners) {
        owner_rows.push_back({h(owner.owner), fmt::format("{}", owner.items), fmt::format("{}", owner.done),
                              fmt::format("{}", owner.overdue),
                              owner.on_time_rate ? number(*owner.on_time_rate) + "%" : h(l.not_set),
                              fmt::format("{}", owner.updates), fmt::format("{}", owner.late_updates)});
    }
    html += table_html(
        {h(l.owner), h(l.items), h(l.done), h(l.overdue), h(l.on_time_rate), h(l.updates), h(l.late_updates)},
        owner_rows, {false, true, true, true, true, true, true});
    html += "</section>\n";

    if (report.kind == ReportKind::annual) {
        html += fmt::format("<section><h3>{}</h3>\n<h4>{}</h4>\n<ul>", h(l.assessment), h(l.rules));
        const auto rules = assessment_rules(l, plan);
        const auto& w = plan.assessment;
        std::size_t begin = 0;
        while (begin < rules.size()) {
            const auto end = std::min(rules.find('\n', begin), rules.size());
            auto line = rules.substr(begin, end - begin);
            if (line.starts_with("- ")) {
                html += fmt::format("<li>{}</li>", h(line.substr(2)));
            } else if (!line.empty()) {
                html += fmt::format("</ul><p>{}</p><ul>", h(line));
            }
            begin = end + 1;
        }
        html += "</ul>\n";
        auto points = [&](const std::optional<double>& value) {
            return value ? util::format_one_decimal(*value) : h(l.not_set);
        };
        std::vector<std::vector<std::string>> rows;
        for (const auto& a : report.assessment) {
            rows.push_back({fmt::format("{}", a.rank), h(a.owner), util::format_one_decimal(a.score),
                            points(a.on_time_points), points(a.overdue_points), points(a.reporting_points),
                            points(a.progress_points), fmt::format("{}/{}", a.done_on_time, a.due_in_year),
                            fmt::format("{}", a.overdue),
                            fmt::format("{}/{}", a.updates_received, a.updates_expected)});
        }
        html +=
            table_html({h(l.rank), h(l.owner), h(l.score), h(weighted(l.on_time_points, w.on_time, l)),
                        h(weighted(l.overdue_points, w.overdue, l)), h(weighted(l.reporting_points, w.reporting, l)),
                        h(weighted(l.progress_points, w.progress, l)),
                        h(fmt::format("{}/{}", l.done_on_time, l.due_in_year)), h(l.overdue), h(l.reports_received)},
                       rows, {true, false, true, true, true, true, true, true, true, true});
        html += "</section>\n";
    }
    html += "</body>\n</html>\n";
    return html;
}

} // namespace plantrack::report
