#include "plantrack/report/plan_view.hpp"

#include <fmt/format.h>

#include "plantrack/util/table.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::report {

namespace {

using Json = nlohmann::ordered_json;

Json period_value_json(const core::PeriodValue& value)
{
    return Json{{"period", value.period.to_string()}, {"value", value.value}};
}

Json item_json(const core::Item& item)
{
    Json json{{"id", item.id},
              {"title", item.title},
              {"lead", item.lead},
              {"partners", item.partners},
              {"leader", item.leader.empty() ? Json(nullptr) : Json(item.leader)},
              {"start", item.start.to_string()},
              {"due", item.due.to_string()}};
    if (item.kind == core::ItemKind::task) {
        json["weight"] = item.weight;
    }
    return json;
}

} // namespace

Json plan_json(const core::Plan& plan)
{
    Json owners = Json::array();
    for (const auto& owner : plan.owners) {
        owners.push_back({{"name", owner.name}, {"kind", owner.kind}});
    }
    Json goals = Json::array();
    for (const auto& goal : plan.goals) {
        Json indicators = Json::array();
        for (const auto& indicator : plan.indicators) {
            if (indicator.goal_id != goal.id) {
                continue;
            }
            indicators.push_back(
                {{"id", indicator.id},
                 {"title", indicator.title},
                 {"unit", indicator.unit},
                 {"measure", std::string(to_string(indicator.measure))},
                 {"direction", std::string(to_string(indicator.direction))},
                 {"baseline", indicator.baseline ? period_value_json(*indicator.baseline) : Json(nullptr)},
                 {"target", period_value_json(indicator.target)}});
        }
        goals.push_back(
            {{"id", goal.id}, {"title", goal.title}, {"description", goal.description}, {"indicators", indicators}});
    }
    Json areas = Json::array();
    for (const auto& area : plan.areas) {
        Json tasks = Json::array();
        for (const auto& item : plan.items) {
            if (item.area_id != area.id || item.kind != core::ItemKind::task || item.withdrawn) {
                continue;
            }
            Json task = item_json(item);
            Json milestones = Json::array();
            for (const auto& milestone : plan.items) {
                if (milestone.parent_id == item.id && !milestone.withdrawn) {
                    milestones.push_back(item_json(milestone));
                }
            }
            task["milestones"] = milestones;
            tasks.push_back(std::move(task));
        }
        areas.push_back({{"id", area.id},
                         {"number", area.number},
                         {"title", area.title},
                         {"summary", area.summary},
                         {"tasks", tasks}});
    }
    return Json{{"id", plan.id},
                {"title", plan.title},
                {"period", {{"start", plan.start.to_string()}, {"end", plan.end.to_string()}}},
                {"language", plan.language},
                {"revision", plan.revision},
                {"goal", plan.goal},
                {"illustrative", plan.illustrative},
                {"assessment",
                 {{"on_time", plan.assessment.on_time},
                  {"overdue", plan.assessment.overdue},
                  {"reporting", plan.assessment.reporting},
                  {"progress", plan.assessment.progress}}},
                {"review",
                 {{"update_every", plan.review.update_every},
                  {"report_every", plan.review.report_every},
                  {"stale_after_days", plan.review.stale_after_days},
                  {"behind_by", plan.review.behind_by},
                  {"at_risk_within", plan.review.at_risk_within},
                  {"report_by_day", plan.review.report_by_day}}},
                {"owners", owners},
                {"goals", goals},
                {"areas", areas}};
}

std::string plan_counts(const core::Plan& plan)
{
    int tasks = 0;
    int milestones = 0;
    for (const auto& item : plan.items) {
        if (item.withdrawn) {
            continue;
        }
        (item.kind == core::ItemKind::task ? tasks : milestones) += 1;
    }
    return fmt::format("{} areas, {} tasks, {} milestones, {} owners, {} goals, {} indicators", plan.areas.size(),
                       tasks, milestones, plan.owners.size(), plan.goals.size(), plan.indicators.size());
}

std::string plan_texts(const core::Plan& plan, const Labels& labels, std::string_view quote)
{
    std::string text;
    if (plan.illustrative) {
        text += fmt::format("{}{}\n", quote, labels.illustrative);
    }
    if (!plan.goal.empty()) {
        text += fmt::format("{}{}: {}\n", quote, labels.overall_goal, plan.goal);
    }
    return text;
}

std::string render_plan_text(const core::Plan& plan, const Labels& labels, const util::TableLayout& layout)
{
    std::string text = fmt::format("{}\n{} ({} – {}), {} {}\n{}\n", plan.title, plan.id, plan.start, plan.end,
                                   labels.revision, plan.revision, plan_counts(plan));
    text += plan_texts(plan, labels, "");
    for (const auto& goal : plan.goals) {
        if (!goal.description.empty()) {
            text += fmt::format("{} {}: {}\n", goal.id, goal.title, goal.description);
        }
    }
    for (const auto& area : plan.areas) {
        text += fmt::format("\n{}{}{}\n", area.number.empty() ? "" : area.number, area.number.empty() ? "" : "  ",
                            area.title);
        util::Table table({std::string(labels.id), std::string(labels.title), std::string(labels.lead),
                           std::string(labels.start), std::string(labels.due)},
                          layout);
        table.allow_shortening(1);
        table.allow_shortening(2);
        for (const auto& item : plan.items) {
            if (item.area_id != area.id || item.withdrawn) {
                continue;
            }
            const bool task = item.kind == core::ItemKind::task;
            table.add_row({task ? item.id : "  " + item.id,
                           util::truncate_to_width(task ? item.title : "· " + item.title, 44), item.lead,
                           item.start.to_string(), item.due.to_string()});
        }
        text += table.render();
    }
    return text;
}

} // namespace plantrack::report
