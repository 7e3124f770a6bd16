#include "plantrack/report/indicator_view.hpp"

#include <cmath>

#include <fmt/format.h>

#include "plantrack/util/text.hpp"

namespace plantrack::report {

double rounded(double value)
{
    const double result = std::round(value * 10000.0) / 10000.0;
    return result == 0.0 ? 0.0 : result;
}

std::string_view label(const Labels& labels, core::Judgement judgement)
{
    return labels.judgement_names[static_cast<std::size_t>(judgement)];
}

std::vector<IndicatorView> view_indicators(store::Database& db, const core::Plan& plan, core::Date as_of,
                                           std::optional<core::Timestamp> known_at)
{
    // Readings come ordered by indicator, period and recording time: the last one per period wins.
    std::map<std::string, std::map<std::string, core::PeriodReading>> latest;
    for (const auto& reading : store::readings(db, plan.id, known_at)) {
        latest[reading.indicator_id][reading.period.to_string()] = {reading.period, reading.value};
    }
    std::vector<IndicatorView> views;
    for (const auto& indicator : plan.indicators) {
        IndicatorView view;
        view.indicator = &indicator;
        // Only readings of periods ended by `as_of`: every figure of a view (the table's latest
        // reading, the chart's dots) comes from these, so a chart cannot show later periods.
        for (const auto& [period, reading] : latest[indicator.id]) {
            if (reading.period.last_day() <= as_of) {
                view.readings.push_back(reading);
            }
        }
        std::sort(view.readings.begin(), view.readings.end(), [](const auto& a, const auto& b) {
            return core::period_time(a.period) < core::period_time(b.period);
        });
        view.status = core::indicator_status(indicator, view.readings, plan, as_of);
        views.push_back(std::move(view));
    }
    return views;
}

namespace {

Json optional_number(const std::optional<double>& value)
{
    return value ? Json(rounded(*value)) : Json(nullptr);
}

std::string number_text(const std::optional<double>& value, const Labels& labels)
{
    return value ? util::format_rounded(*value, 2) : std::string(labels.not_set);
}

} // namespace

Json indicator_json(const IndicatorView& view)
{
    const auto& indicator = *view.indicator;
    return Json{
        {"id", indicator.id},
        {"title", indicator.title},
        {"unit", indicator.unit},
        {"measure", std::string(to_string(indicator.measure))},
        {"direction", std::string(to_string(indicator.direction))},
        {"target", indicator.target.value},
        {"latest", optional_number(view.status.latest)},
        {"latest_period", view.status.latest_period ? Json(view.status.latest_period->to_string()) : Json(nullptr)},
        {"expected", optional_number(view.status.expected)},
        {"judgement", std::string(to_string(view.status.judgement))}};
}

std::string render_indicator_list(const std::vector<IndicatorView>& views, const ListStyle& style)
{
    const auto& l = *style.labels;
    const std::vector<Column> columns = {{"id", l.id},
                                         {"title", l.title},
                                         {"unit", l.unit},
                                         {"measure", l.measure},
                                         {"direction", l.direction},
                                         {"target", l.target, true},
                                         {"latest", l.latest, true},
                                         {"latest_period", l.latest_period},
                                         {"expected", l.expected, true},
                                         {"judgement", l.judgement}};
    std::vector<std::vector<Cell>> rows;
    for (const auto& view : views) {
        const auto json = indicator_json(view);
        const auto& indicator = *view.indicator;
        std::string judgement(label(l, view.status.judgement));
        if (style.color) {
            const char* code = view.status.judgement == core::Judgement::on_track    ? "32"
                               : view.status.judgement == core::Judgement::at_risk   ? "33"
                               : view.status.judgement == core::Judgement::off_track ? "31"
                                                                                     : "2";
            judgement = fmt::format("\x1b[{}m{}\x1b[0m", code, judgement);
        }
        rows.push_back(
            {text_cell(indicator.id),
             {json["title"], style.format == "table" ? util::truncate_to_width(indicator.title, 30) : indicator.title},
             text_cell(indicator.unit),
             {json["measure"], std::string(label(l, indicator.measure))},
             {json["direction"], indicator.direction == core::Direction::up ? "↑" : "↓"},
             {json["target"], util::format_number(indicator.target.value)},
             {json["latest"], number_text(view.status.latest, l)},
             {json["latest_period"],
              view.status.latest_period ? view.status.latest_period->to_string() : std::string(l.not_set)},
             {json["expected"], number_text(view.status.expected, l)},
             {json["judgement"], judgement}});
    }
    return render_rows(columns, std::move(rows), style, std::string(l.none));
}

} // namespace plantrack::report
