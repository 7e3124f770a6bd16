// plantrack indicator record ID VALUE --period P | list | show ID
#include <algorithm>

#include <fmt/format.h>

#include "plantrack/report/rows.hpp"
#include "plantrack/cli/commands.hpp"
#include "plantrack/report/indicator_view.hpp"
#include "plantrack/store/plan_store.hpp"
#include "plantrack/util/table.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::cli {

namespace {

struct RecordOptions
{
    std::string indicator;
    std::string value;
    std::string period;
    std::string note;
    std::string by;
};

struct ShowOptions
{
    std::string indicator;
};

const core::Indicator& find_indicator_or_throw(const core::Plan& plan, const std::string& id)
{
    const auto* indicator = plan.find_indicator(id);
    if (indicator == nullptr) {
        std::vector<std::string> ids;
        for (const auto& candidate : plan.indicators) {
            ids.push_back(candidate.id);
        }
        throw Error(fmt::format("unknown indicator '{}'{}", id, util::did_you_mean(id, ids)));
    }
    return *indicator;
}

void run_record(Context& context, const RecordOptions& options)
{
    auto db = context.open_db(store::Database::Access::write);
    store::WriteTransaction transaction(db);
    const auto plan_id = store::resolve_plan_id(db, context.options.plan);
    const auto plan = store::read_plan(db, plan_id);
    const auto& indicator = find_indicator_or_throw(plan, options.indicator);
    const auto value = util::parse_number(options.value);
    if (!value) {
        throw Error(fmt::format("value '{}' is not a number", options.value));
    }
    const auto period = core::Period::parse(options.period);
    if (!period || period->kind == core::Period::Kind::half) {
        throw Error(fmt::format("period '{}' is not a year (2024) or a quarter (2024Q2)", options.period));
    }
    if (period->last_day() < plan.start || period->first_day() > plan.end) {
        throw Error(
            fmt::format("period {} is outside the plan period {} to {}", period->to_string(), plan.start, plan.end));
    }
    if (auto reason = core::reason_to_refuse_text("the note", options.note, 4000)) {
        throw Error(*reason);
    }
    store::Reading reading{indicator.id,
                           *period,
                           *value,
                           options.note,
                           options.by.empty() ? context.environment().user : options.by,
                           context.environment().now};
    if (auto reason = core::reason_to_refuse_text("the reporter", reading.by, 200)) {
        throw Error(*reason);
    }
    store::append_reading(db, plan_id, reading);
    transaction.commit();
    context.emit(fmt::format("recorded {} {} = {}{}\n", indicator.id, period->to_string(), util::format_number(*value),
                             indicator.unit.empty() ? "" : " " + indicator.unit));
}

void run_list(Context& context)
{
    auto db = context.open_db(store::Database::Access::read);
    const auto plan_id = store::resolve_plan_id(db, context.options.plan);
    const auto plan = store::read_plan(db, plan_id, false, context.known_at());
    const auto views = report::view_indicators(db, plan, context.as_of(), context.known_at());
    const auto& labels = report::labels_for(context.language(plan.language));
    const report::ListStyle style{context.format({"table", "json", "csv"}, "table"), &labels, context.use_color(),
                                  context.table_layout()};
    context.emit(report::render_indicator_list(views, style));
}

void run_show(Context& context, const ShowOptions& options)
{
    auto db = context.open_db(store::Database::Access::read);
    const auto plan_id = store::resolve_plan_id(db, context.options.plan);
    const auto plan = store::read_plan(db, plan_id, false, context.known_at());
    const auto& indicator = find_indicator_or_throw(plan, options.indicator);
    const auto as_of = context.as_of();
    const auto views = report::view_indicators(db, plan, as_of, context.known_at());
    const auto& view =
        *std::find_if(views.begin(), views.end(), [&](const auto& v) { return v.indicator == &indicator; });
    const auto& l = report::labels_for(context.language(plan.language));
    const auto format = context.format({"table", "json"}, "table");
    const int start_year = plan.start.year();
    const int plan_years = plan.end.year() - start_year + 1;
    // The trajectory at every year end of the plan, and each reading as judged at its period.
    std::vector<core::Period> years;
    for (int year = start_year; year <= plan.end.year(); ++year) {
        years.push_back(core::Period::of_year(year));
    }
    auto all = store::readings(db, plan_id, context.known_at());
    std::erase_if(all, [&](const store::Reading& r) { return r.indicator_id != indicator.id; });
    // In time order (2024Q2 before 2024; a fourth quarter before its year), corrections of a
    // period after the reading they correct.
    std::stable_sort(all.begin(), all.end(), [](const store::Reading& a, const store::Reading& b) {
        const double ta = core::period_time(a.period);
        const double tb = core::period_time(b.period);
        if (ta != tb) {
            return ta < tb;
        }
        return a.period.kind != core::Period::Kind::year && b.period.kind == core::Period::Kind::year;
    });
    if (format == "json") {
        auto json = report::indicator_json(view);
        report::Json trajectory = report::Json::array();
        for (const auto& year : years) {
            const auto expected = core::expected_value(indicator, year, start_year, plan_years);
            trajectory.push_back(
                {{"period", year.to_string()},
                 {"expected", expected ? report::Json(report::rounded(*expected)) : report::Json(nullptr)}});
        }
        json["trajectory"] = trajectory;
        report::Json readings = report::Json::array();
        for (const auto& r : all) {
            readings.push_back({{"period", r.period.to_string()},
                                {"value", r.value},
                                {"note", r.note},
                                {"by", r.by},
                                {"recorded_at", core::format_timestamp(r.recorded_at)}});
        }
        json["readings"] = readings;
        context.emit(report::json_text(json) + "\n");
        return;
    }
    std::string text = fmt::format("{} {}  {}\n", l.indicator, indicator.id, indicator.title);
    text += fmt::format("  {}: {} · {}: {}{} ({}) · {}: {}\n", l.measure, label(l, indicator.measure), l.target,
                        util::format_number(indicator.target.value), indicator.unit.empty() ? "" : " " + indicator.unit,
                        indicator.target.period.to_string(), l.baseline,
                        indicator.baseline ? fmt::format("{} ({})", util::format_number(indicator.baseline->value),
                                                         indicator.baseline->period.to_string())
                                           : std::string(l.not_set));
    text += fmt::format("  {}: {} · {}: {} · {}: {}\n\n", l.latest,
                        view.status.latest ? util::format_rounded(*view.status.latest, 2) : std::string(l.not_set),
                        l.expected,
                        view.status.expected ? util::format_rounded(*view.status.expected, 2) : std::string(l.not_set),
                        l.judgement, label(l, view.status.judgement));
    util::Table table({std::string(l.period), std::string(l.expected), std::string(l.value), std::string(l.note),
                       std::string(l.by), std::string(l.recorded_at)});
    table.align_right(1);
    table.align_right(2);
    for (const auto& year : years) {
        const auto expected = core::expected_value(indicator, year, start_year, plan_years);
        table.add_row({year.to_string(), expected ? util::format_rounded(*expected, 2) : "", "", "", "", ""});
    }
    for (const auto& r : all) {
        const auto expected = core::expected_value(indicator, r.period, start_year, plan_years);
        table.add_row({r.period.to_string(), expected ? util::format_rounded(*expected, 2) : "",
                       util::format_number(r.value), r.note, r.by, core::format_timestamp(r.recorded_at)});
    }
    text += table.render();
    context.emit(text);
}

} // namespace

void add_indicator_commands(CLI::App& app, Context& context)
{
    auto* indicator = app.add_subcommand("indicator", "Record and judge the plan's quantitative targets");
    indicator->require_subcommand(1);

    auto record_options = std::make_shared<RecordOptions>();
    auto* record = indicator->add_subcommand("record", "Record a reading for a year or a quarter");
    record->add_option("ID", record_options->indicator, "Indicator id")->required();
    record->add_option("VALUE", record_options->value, "The reading")->required()->allow_extra_args(false);
    record->add_option("--period", record_options->period, "2024 or 2024Q2")->required();
    record->add_option("--note", record_options->note, "Source or remark");
    record->add_option("--by", record_options->by, "Who reports (default: the login name)");
    record->callback([&context, record_options] { run_record(context, *record_options); });

    auto* list = indicator->add_subcommand("list", "Indicators with latest value, expected value and judgement");
    list->callback([&context] { run_list(context); });

    auto show_options = std::make_shared<ShowOptions>();
    auto* show = indicator->add_subcommand("show", "An indicator with its trajectory and every reading");
    show->add_option("ID", show_options->indicator, "Indicator id")->required();
    show->callback([&context, show_options] { run_show(context, *show_options); });
}

} // namespace plantrack::cli
