#include "plantrack/plan/plan_file.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "plantrack/plan/yaml_tree.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::plan {

namespace {

// Plans are a few MB even at city scale (20,000 milestones); anything far larger is not a plan.
constexpr std::size_t k_max_file_bytes = 32 * 1024 * 1024;
constexpr std::size_t k_max_scalar_bytes = 16 * 1024;

using Keys = std::vector<std::string>;

const Keys k_top_keys = {"format", "plan", "owners", "goals", "areas"};
const Keys k_plan_keys = {"id", "title", "period", "language", "goal", "illustrative", "review", "assessment"};
const Keys k_assessment_keys = {"on_time", "overdue", "reporting", "progress"};
const Keys k_booleans = {"true", "false"};
const Keys k_period_keys = {"start", "end"};
const Keys k_review_keys = {"update_every", "report_every",   "stale_after_days",
                            "behind_by",    "at_risk_within", "report_by_day"};
const Keys k_owner_keys = {"name", "kind"};
const Keys k_goal_keys = {"id", "title", "description", "indicators"};
const Keys k_indicator_keys = {"id", "title", "unit", "measure", "direction", "baseline", "target"};
const Keys k_period_value_keys = {"period", "value"};
const Keys k_area_keys = {"id", "number", "title", "summary", "tasks"};
const Keys k_task_keys = {"id", "title", "lead", "partners", "leader", "start", "due", "weight", "milestones"};
const Keys k_milestone_keys = {"id", "title", "due", "start", "lead"};

const Keys k_update_rhythms = {"week", "month", "quarter"};
const Keys k_report_rhythms = {"month", "quarter", "half-year", "year"};
const Keys k_owner_kinds = {"department", "person"};
const Keys k_languages = {"zh", "en"};

// The 1-based column of `mark` in characters. YamlMark counts bytes, but editors count
// characters, and in a Chinese plan most characters take three bytes.
int character_column(std::string_view text, const YamlMark& mark)
{
    if (mark.pos < 0 || mark.column < 0 || mark.column > mark.pos || static_cast<std::size_t>(mark.pos) > text.size()) {
        return mark.column + 1;
    }
    int column = 1;
    for (auto i = static_cast<std::size_t>(mark.pos - mark.column); i < static_cast<std::size_t>(mark.pos); ++i) {
        column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 ? 1 : 0;
    }
    return column;
}

// Walks the YAML tree, filling the model and collecting located diagnostics.
class Reader
{
public:
    Reader(std::string file_name, std::string_view text) : m_file(std::move(file_name)), m_text(text) {}

    void error(const YamlMark& mark, std::string message)
    {
        const int line = mark.is_null() ? 0 : mark.line + 1;
        const int column = mark.is_null() ? 0 : character_column(m_text, mark);
        m_diagnostics.push_back({m_file, line, column, std::move(message)});
    }

    std::vector<Diagnostic> take_diagnostics() { return std::move(m_diagnostics); }

    // Checks that `node` is a mapping with only `allowed` keys, each once, and `required` present.
    // Returns false when it is not a mapping.
    bool check_map(const YamlNode& node, const Keys& allowed, const Keys& required, std::string_view what)
    {
        if (!node.IsMap()) {
            error(node.Mark(), fmt::format("{} must be a mapping", what));
            return false;
        }
        std::set<std::string> seen;
        for (const auto& entry : node.entries()) {
            if (!entry.first.IsScalar()) {
                error(entry.first.Mark(), fmt::format("a key in {} must be plain text", what));
                continue;
            }
            const std::string key(entry.first.Scalar());
            if (!seen.insert(key).second) {
                error(entry.first.Mark(), fmt::format("duplicate key '{}' in {}", key, what));
            }
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                error(entry.first.Mark(),
                      fmt::format("unknown key '{}' in {}{}", key, what, util::did_you_mean(key, allowed)));
            }
        }
        for (const auto& key : required) {
            if (!seen.contains(key)) {
                error(node.Mark(), fmt::format("missing required key '{}' in {}", key, what));
            }
        }
        return true;
    }

    // The text of a scalar, or nullopt (with a diagnostic) for anything else.
    std::optional<std::string> text(const YamlNode& node, std::string_view what, bool allow_empty = false)
    {
        if (!node.IsScalar()) {
            error(node.Mark(), fmt::format("{} must be a single value", what));
            return std::nullopt;
        }
        const auto value = node.Scalar();
        if (value.size() > k_max_scalar_bytes) {
            error(node.Mark(),
                  fmt::format("{} is too long ({} bytes; at most {})", what, value.size(), k_max_scalar_bytes));
            return std::nullopt;
        }
        if (!allow_empty && value.empty()) {
            error(node.Mark(), fmt::format("{} must not be empty", what));
            return std::nullopt;
        }
        return std::string(value);
    }

    std::optional<core::Date> date(const YamlNode& node, std::string_view what)
    {
        const auto value = text(node, what);
        if (!value) {
            return std::nullopt;
        }
        const auto parsed = core::Date::parse(*value);
        if (!parsed) {
            error(node.Mark(), fmt::format("{} '{}' is not a valid date (expected YYYY-MM-DD)", what, *value));
        }
        return parsed;
    }

    std::optional<double> number(const YamlNode& node, std::string_view what)
    {
        const auto value = text(node, what);
        if (!value) {
            return std::nullopt;
        }
        const auto parsed = util::parse_number(*value);
        if (!parsed) {
            error(node.Mark(), fmt::format("{} '{}' is not a number", what, *value));
        }
        return parsed;
    }

    std::optional<std::string> choice(const YamlNode& node, std::string_view what, const Keys& choices)
    {
        const auto value = text(node, what);
        if (value && std::find(choices.begin(), choices.end(), *value) == choices.end()) {
            error(node.Mark(), fmt::format("unknown {} '{}' (one of: {}){}", what, *value, util::join(choices, ", "),
                                           util::did_you_mean(*value, choices)));
            return std::nullopt;
        }
        return value;
    }

    bool is_list(const YamlNode& node, std::string_view what)
    {
        if (!node.IsSequence()) {
            error(node.Mark(), fmt::format("{} must be a list", what));
            return false;
        }
        return true;
    }

private:
    std::string m_file;
    std::string_view m_text;
    std::vector<Diagnostic> m_diagnostics;
};

// Ids must be unique across a kind (items, areas, goals, indicators, owners).
class IdRegistry
{
public:
    IdRegistry(Reader& reader, std::string kind) : m_reader(reader), m_kind(std::move(kind)) {}

    // True if `id` is new; otherwise reports where it was first defined.
    bool add(const std::string& id, const YamlMark& mark)
    {
        const auto [found, inserted] = m_first_line.emplace(id, mark.line + 1);
        if (!inserted) {
            m_reader.error(mark,
                           fmt::format("duplicate {} '{}' (first defined at line {})", m_kind, id, found->second));
        }
        return inserted;
    }

private:
    Reader& m_reader;
    std::string m_kind;
    std::map<std::string, int> m_first_line;
};

struct OwnerReference
{
    std::string name;
    YamlMark mark;
};

struct DatedItem
{
    std::size_t index;
    YamlMark due_mark;
    YamlMark start_mark;
    bool has_start = false;
};

class PlanParser
{
public:
    PlanParser(Reader& reader)
        : m_reader(reader), m_items(reader, "item id"), m_areas(reader, "area id"), m_goals(reader, "goal id"),
          m_indicators(reader, "indicator id"), m_owners(reader, "owner")
    {}

    core::Plan parse(const YamlNode& root)
    {
        if (!m_reader.check_map(root, k_top_keys, {"format", "plan", "owners", "areas"}, "the plan file")) {
            return m_plan;
        }
        if (const auto node = root["format"]) {
            const auto value = m_reader.text(node, "format");
            if (value && *value != "1") {
                m_reader.error(node.Mark(),
                               fmt::format("unsupported format '{}' (this plantrack reads format 1)", *value));
            }
        }
        if (const auto node = root["plan"]) {
            parse_plan_header(node);
        }
        if (const auto node = root["owners"]) {
            parse_owners(node);
        }
        if (const auto node = root["goals"]) {
            parse_goals(node);
        }
        if (const auto node = root["areas"]) {
            parse_areas(node);
        }
        check_owner_references();
        check_dates();
        return std::move(m_plan);
    }

private:
    void parse_plan_header(const YamlNode& node)
    {
        if (!m_reader.check_map(node, k_plan_keys, {"id", "title", "period"}, "plan")) {
            return;
        }
        assign_text(node["id"], "plan id", m_plan.id);
        assign_text(node["title"], "plan title", m_plan.title);
        if (const auto period = node["period"]) {
            if (m_reader.check_map(period, k_period_keys, k_period_keys, "plan period")) {
                const auto start = period["start"] ? m_reader.date(period["start"], "period start") : std::nullopt;
                const auto end = period["end"] ? m_reader.date(period["end"], "period end") : std::nullopt;
                if (start && end) {
                    if (*end < *start) {
                        m_reader.error(period["end"].Mark(),
                                       fmt::format("period end {} is before its start {}", *end, *start));
                    } else {
                        m_plan.start = *start;
                        m_plan.end = *end;
                        m_has_period = true;
                    }
                }
            }
        }
        if (const auto language = node["language"]) {
            if (auto value = m_reader.choice(language, "language", k_languages)) {
                m_plan.language = *value;
            }
        }
        if (const auto goal = node["goal"]) {
            assign_text(goal, "plan goal", m_plan.goal);
        }
        if (const auto illustrative = node["illustrative"]) {
            parse_boolean(illustrative, "illustrative", m_plan.illustrative);
        }
        if (const auto review = node["review"]) {
            parse_review(review);
        }
        if (const auto assessment = node["assessment"]) {
            parse_assessment(assessment);
        }
    }

    void parse_boolean(const YamlNode& node, std::string_view what, bool& out)
    {
        if (auto value = m_reader.choice(node, what, k_booleans)) {
            out = *value == "true";
        }
    }

    // The points of each component; they need not add up to 100 (the score is scaled to 100).
    void parse_assessment(const YamlNode& node)
    {
        if (!m_reader.check_map(node, k_assessment_keys, {}, "assessment")) {
            return;
        }
        auto& weights = m_plan.assessment;
        const std::pair<const char*, double*> components[] = {{"on_time", &weights.on_time},
                                                              {"overdue", &weights.overdue},
                                                              {"reporting", &weights.reporting},
                                                              {"progress", &weights.progress}};
        for (const auto& [key, out] : components) {
            if (const auto value = node[key]) {
                parse_percent(value, key, *out);
            }
        }
        if (weights.on_time + weights.overdue + weights.reporting + weights.progress <= 0) {
            m_reader.error(node.Mark(), "assessment weights must not all be 0");
        }
    }

    void parse_review(const YamlNode& node)
    {
        if (!m_reader.check_map(node, k_review_keys, {}, "review")) {
            return;
        }
        auto& review = m_plan.review;
        if (const auto value = node["update_every"]) {
            if (auto rhythm = m_reader.choice(value, "update_every", k_update_rhythms)) {
                review.update_every = *rhythm;
            }
        }
        if (const auto value = node["report_every"]) {
            if (auto rhythm = m_reader.choice(value, "report_every", k_report_rhythms)) {
                review.report_every = *rhythm;
            }
        }
        if (const auto value = node["stale_after_days"]) {
            const auto text = m_reader.text(value, "stale_after_days");
            const auto days = text ? util::parse_integer(*text, 1, 3660) : std::nullopt;
            if (text && !days) {
                m_reader.error(
                    value.Mark(),
                    fmt::format("stale_after_days '{}' must be a whole number of days from 1 to 3660", *text));
            } else if (days) {
                review.stale_after_days = static_cast<int>(*days);
            }
        }
        parse_percent(node["behind_by"], "behind_by", review.behind_by);
        parse_percent(node["at_risk_within"], "at_risk_within", review.at_risk_within);
        if (const auto value = node["report_by_day"]) {
            const auto text = m_reader.text(value, "report_by_day");
            const auto days = text ? util::parse_integer(*text, 0, 60) : std::nullopt;
            if (text && !days) {
                m_reader.error(value.Mark(),
                               fmt::format("report_by_day '{}' must be a whole number of days from 0 to 60", *text));
            } else if (days) {
                review.report_by_day = static_cast<int>(*days);
            }
        }
    }

    void parse_percent(const YamlNode& node, std::string_view what, double& out)
    {
        if (!node) {
            return;
        }
        const auto value = m_reader.number(node, what);
        if (value && (*value < 0 || *value > 100)) {
            m_reader.error(node.Mark(),
                           fmt::format("{} must be from 0 to 100, not {}", what, util::format_number(*value)));
        } else if (value) {
            out = *value;
        }
    }

    void parse_owners(const YamlNode& node)
    {
        if (!m_reader.is_list(node, "owners")) {
            return;
        }
        for (const auto& entry : node) {
            if (!m_reader.check_map(entry, k_owner_keys, {"name"}, "owner")) {
                continue;
            }
            core::Owner owner;
            if (!assign_text(entry["name"], "owner name", owner.name)) {
                continue;
            }
            if (const auto kind = entry["kind"]) {
                if (auto value = m_reader.choice(kind, "owner kind", k_owner_kinds)) {
                    owner.kind = *value;
                }
            }
            if (m_owners.add(owner.name, entry["name"].Mark())) {
                m_plan.owners.push_back(std::move(owner));
            }
        }
    }

    void parse_goals(const YamlNode& node)
    {
        if (!m_reader.is_list(node, "goals")) {
            return;
        }
        for (const auto& entry : node) {
            if (!m_reader.check_map(entry, k_goal_keys, {"id", "title"}, "goal")) {
                continue;
            }
            core::Goal goal;
            const bool has_id = assign_text(entry["id"], "goal id", goal.id);
            assign_text(entry["title"], "goal title", goal.title);
            if (const auto description = entry["description"]) {
                assign_text(description, "goal description", goal.description);
            }
            if (has_id && m_goals.add(goal.id, entry["id"].Mark())) {
                m_plan.goals.push_back(goal);
            }
            if (const auto indicators = entry["indicators"]) {
                if (m_reader.is_list(indicators, "indicators")) {
                    for (const auto& indicator : indicators) {
                        parse_indicator(indicator, goal.id);
                    }
                }
            }
        }
    }

    std::optional<core::PeriodValue> period_value(const YamlNode& node, std::string_view what)
    {
        if (!m_reader.check_map(node, k_period_value_keys, k_period_value_keys, what)) {
            return std::nullopt;
        }
        std::optional<core::Period> period;
        if (const auto p = node["period"]) {
            if (auto text = m_reader.text(p, fmt::format("{} period", what))) {
                period = core::Period::parse(*text);
                if (!period || period->kind == core::Period::Kind::half) {
                    m_reader.error(p.Mark(), fmt::format("{} period '{}' is not a year (2025) or a quarter (2025Q4)",
                                                         what, *text));
                    period.reset();
                }
            }
        }
        const auto value = node["value"] ? m_reader.number(node["value"], fmt::format("{} value", what)) : std::nullopt;
        if (!period || !value) {
            return std::nullopt;
        }
        return core::PeriodValue{*period, *value};
    }

    void parse_indicator(const YamlNode& node, const std::string& goal_id)
    {
        if (!m_reader.check_map(node, k_indicator_keys, {"id", "title", "measure", "direction", "target"},
                                "indicator")) {
            return;
        }
        core::Indicator indicator;
        indicator.goal_id = goal_id;
        bool ok = assign_text(node["id"], "indicator id", indicator.id);
        ok = assign_text(node["title"], "indicator title", indicator.title) && ok;
        if (const auto unit = node["unit"]) {
            if (auto value = m_reader.text(unit, "unit", true)) {
                indicator.unit = *value;
            }
        }
        std::optional<core::Measure> measure;
        if (const auto m = node["measure"]) {
            if (auto value = m_reader.choice(m, "measure", core::measure_names())) {
                measure = core::parse_measure(*value);
            }
        }
        std::optional<core::Direction> direction;
        if (const auto d = node["direction"]) {
            if (auto value = m_reader.choice(d, "direction", {"up", "down"})) {
                direction = core::parse_direction(*value);
            }
        }
        std::optional<core::PeriodValue> target;
        if (const auto t = node["target"]) {
            target = period_value(t, "target");
        }
        if (const auto b = node["baseline"]) {
            indicator.baseline = period_value(b, "baseline");
            if (!indicator.baseline) {
                ok = false;
            }
        }
        if (!measure || !direction || !target) {
            ok = false;
        }
        if (ok) {
            indicator.measure = *measure;
            indicator.direction = *direction;
            indicator.target = *target;
            check_indicator(indicator, node);
        }
        if (!indicator.id.empty() && m_indicators.add(indicator.id, node["id"].Mark()) && ok) {
            m_plan.indicators.push_back(std::move(indicator));
        }
    }

    void check_indicator(const core::Indicator& indicator, const YamlNode& node)
    {
        if (indicator.measure == core::Measure::change_from_baseline && !indicator.baseline) {
            m_reader.error(node.Mark(), fmt::format("indicator '{}' measures change-from-baseline but has no baseline "
                                                    "to measure from",
                                                    indicator.id));
        }
        if (indicator.baseline && indicator.baseline->period.last_day() >= indicator.target.period.last_day()) {
            m_reader.error(node["baseline"].Mark(),
                           fmt::format("indicator '{}' has its baseline period {} at or after its target period {}",
                                       indicator.id, indicator.baseline->period.to_string(),
                                       indicator.target.period.to_string()));
        }
        if (m_has_period &&
            (indicator.target.period.last_day() < m_plan.start || indicator.target.period.first_day() > m_plan.end)) {
            m_reader.error(node["target"].Mark(),
                           fmt::format("indicator '{}' has its target period {} outside the plan period {} to {}",
                                       indicator.id, indicator.target.period.to_string(), m_plan.start, m_plan.end));
        }
        if (indicator.measure == core::Measure::share && (indicator.target.value < 0 || indicator.target.value > 100)) {
            m_reader.error(node["target"].Mark(), fmt::format("indicator '{}' is a share, so its target must be a "
                                                              "percentage from 0 to 100",
                                                              indicator.id));
        }
    }

    void parse_areas(const YamlNode& node)
    {
        if (!m_reader.is_list(node, "areas")) {
            return;
        }
        for (const auto& entry : node) {
            if (!m_reader.check_map(entry, k_area_keys, {"id", "title", "tasks"}, "area")) {
                continue;
            }
            core::Area area;
            const bool has_id = assign_text(entry["id"], "area id", area.id);
            assign_text(entry["title"], "area title", area.title);
            if (const auto number = entry["number"]) {
                if (auto value = m_reader.text(number, "area number")) {
                    area.number = *value;
                }
            }
            if (const auto summary = entry["summary"]) {
                if (auto value = m_reader.text(summary, "area summary", true)) {
                    area.summary = *value;
                }
            }
            if (has_id && m_areas.add(area.id, entry["id"].Mark())) {
                m_plan.areas.push_back(area);
            }
            if (const auto tasks = entry["tasks"]) {
                if (m_reader.is_list(tasks, "tasks")) {
                    for (const auto& task : tasks) {
                        parse_task(task, area.id);
                    }
                }
            }
        }
    }

    void parse_task(const YamlNode& node, const std::string& area_id)
    {
        if (!m_reader.check_map(node, k_task_keys, {"id", "title", "lead", "due"}, "task")) {
            return;
        }
        core::Item task;
        task.kind = core::ItemKind::task;
        task.area_id = area_id;
        bool ok = parse_item_common(node, task, "task");
        if (const auto partners = node["partners"]) {
            if (m_reader.is_list(partners, "partners")) {
                for (const auto& partner : partners) {
                    if (auto name = m_reader.text(partner, "partner")) {
                        m_references.push_back({*name, partner.Mark()});
                        task.partners.push_back(*name);
                    }
                }
            }
        }
        if (const auto leader = node["leader"]) {
            if (auto value = m_reader.text(leader, "leader")) {
                task.leader = *value;
            }
        }
        if (const auto weight = node["weight"]) {
            const auto value = m_reader.number(weight, "weight");
            if (value && (*value <= 0 || *value > 1000)) {
                m_reader.error(weight.Mark(), fmt::format("weight must be a number above 0 and at most 1000, not {}",
                                                          util::format_number(*value)));
            } else if (value) {
                task.weight = *value;
            }
        }
        const std::size_t task_index = m_plan.items.size();
        if (ok) {
            m_plan.items.push_back(task);
            m_dated.push_back({task_index, node["due"].Mark(), node["start"] ? node["start"].Mark() : YamlMark(),
                               static_cast<bool>(node["start"])});
        }
        if (const auto milestones = node["milestones"]) {
            if (m_reader.is_list(milestones, "milestones")) {
                for (const auto& milestone : milestones) {
                    parse_milestone(milestone, task, ok ? std::optional<std::size_t>(task_index) : std::nullopt);
                }
            }
        }
    }

    void parse_milestone(const YamlNode& node, const core::Item& task, std::optional<std::size_t> task_index)
    {
        if (!m_reader.check_map(node, k_milestone_keys, {"id", "title", "due"}, "milestone")) {
            return;
        }
        core::Item milestone;
        milestone.kind = core::ItemKind::milestone;
        milestone.area_id = task.area_id;
        milestone.parent_id = task.id;
        milestone.lead = task.lead;
        const bool ok = parse_item_common(node, milestone, "milestone");
        if (ok && task_index) {
            m_plan.items.push_back(milestone);
            m_dated.push_back({m_plan.items.size() - 1, node["due"].Mark(),
                               node["start"] ? node["start"].Mark() : YamlMark(), static_cast<bool>(node["start"])});
        }
    }

    // id, title, lead, start and due: shared by tasks and milestones.
    bool parse_item_common(const YamlNode& node, core::Item& item, std::string_view kind)
    {
        bool ok = assign_text(node["id"], fmt::format("{} id", kind), item.id);
        if (ok) {
            ok = m_items.add(item.id, node["id"].Mark());
        }
        ok = assign_text(node["title"], fmt::format("{} title", kind), item.title) && ok;
        if (const auto lead = node["lead"]) {
            if (auto name = m_reader.text(lead, "lead")) {
                item.lead = *name;
                m_references.push_back({*name, lead.Mark()});
            } else {
                ok = false;
            }
        }
        if (const auto start = node["start"]) {
            const auto value = m_reader.date(start, "start");
            ok = ok && value.has_value();
            if (value) {
                item.start = *value;
            }
        }
        if (const auto due = node["due"]) {
            const auto value = m_reader.date(due, "due date");
            ok = ok && value.has_value();
            if (value) {
                item.due = *value;
            }
        } else {
            ok = false;
        }
        return ok;
    }

    bool assign_text(const YamlNode& node, std::string_view what, std::string& out)
    {
        if (!node) {
            return false;
        }
        if (auto value = m_reader.text(node, what)) {
            out = std::move(*value);
            return true;
        }
        return false;
    }

    void check_owner_references()
    {
        std::vector<std::string> names;
        for (const auto& owner : m_plan.owners) {
            names.push_back(owner.name);
        }
        const std::set<std::string> declared(names.begin(), names.end());
        for (const auto& reference : m_references) {
            if (!declared.contains(reference.name)) {
                m_reader.error(reference.mark, fmt::format("owner '{}' is not declared in owners{}", reference.name,
                                                           util::did_you_mean(reference.name, names)));
            }
        }
    }

    // Resolves start dates, then checks every item's dates against the plan and its task.
    void check_dates()
    {
        std::map<std::string, std::size_t> task_of;
        for (const auto& dated : m_dated) {
            auto& item = m_plan.items[dated.index];
            if (item.kind == core::ItemKind::task) {
                task_of[item.id] = dated.index;
                if (!dated.has_start) {
                    item.start = m_plan.start;
                }
            } else if (!dated.has_start) {
                item.start = m_plan.items[task_of.at(item.parent_id)].start;
            }
        }
        for (const auto& dated : m_dated) {
            const auto& item = m_plan.items[dated.index];
            if (m_has_period && (item.due < m_plan.start || item.due > m_plan.end)) {
                m_reader.error(dated.due_mark,
                               fmt::format("due date {} of {} '{}' is outside the plan period {} to {}", item.due,
                                           to_string(item.kind), item.id, m_plan.start, m_plan.end));
            }
            if (dated.has_start && m_has_period && (item.start < m_plan.start || item.start > m_plan.end)) {
                m_reader.error(dated.start_mark,
                               fmt::format("start {} of {} '{}' is outside the plan period {} to {}", item.start,
                                           to_string(item.kind), item.id, m_plan.start, m_plan.end));
            }
            if (item.due < item.start) {
                m_reader.error(dated.due_mark, fmt::format("due date {} of {} '{}' is before its start {}", item.due,
                                                           to_string(item.kind), item.id, item.start));
            }
            if (item.kind == core::ItemKind::milestone) {
                const auto& task = m_plan.items[task_of.at(item.parent_id)];
                if (item.due > task.due) {
                    m_reader.error(dated.due_mark, fmt::format("milestone '{}' is due {}, after its task '{}' (due {})",
                                                               item.id, item.due, task.id, task.due));
                }
                if (dated.has_start && item.start < task.start) {
                    m_reader.error(dated.start_mark,
                                   fmt::format("milestone '{}' starts {}, before its task '{}' (starts {})", item.id,
                                               item.start, task.id, task.start));
                }
            }
        }
    }

    Reader& m_reader;
    core::Plan m_plan;
    bool m_has_period = false;
    IdRegistry m_items;
    IdRegistry m_areas;
    IdRegistry m_goals;
    IdRegistry m_indicators;
    IdRegistry m_owners;
    std::vector<OwnerReference> m_references;
    std::vector<DatedItem> m_dated;
};

// Line and column (1-based) of byte `offset` in `text`.
std::pair<int, int> position_of(std::string_view text, std::size_t offset)
{
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

// The column (1-based) of a tab in the indentation of line `line` (1-based), if there is one.
// A tab there is the usual cause of a syntax error in a hand-edited file, and LibYAML's own
// message does not always say so.
std::optional<int> tab_in_indentation(std::string_view text, int line)
{
    std::size_t begin = 0;
    for (int i = 1; i < line; ++i) {
        begin = text.find('\n', begin);
        if (begin == std::string_view::npos) {
            return std::nullopt;
        }
        ++begin;
    }
    for (std::size_t i = begin; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) {
        if (text[i] == '\t') {
            return static_cast<int>(i - begin) + 1;
        }
    }
    return std::nullopt;
}

// Orders diagnostics as they appear in the file (they are found section by section).
void sort_by_position(std::vector<Diagnostic>& diagnostics)
{
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
}

// The refusal of a file over the limit; `size` is its real size when known (read_plan_file
// reads only one byte past the limit), else nullopt.
PlanFile too_large(const std::string& file_name, std::optional<std::uintmax_t> size)
{
    PlanFile result;
    result.diagnostics.push_back(
        {file_name, 0, 0,
         size ? fmt::format("the file is {} bytes; a plan file may be at most {}", *size, k_max_file_bytes)
              : fmt::format("the file is more than {} bytes; a plan file may be at most that", k_max_file_bytes)});
    return result;
}

} // namespace

PlanFile parse_plan(std::string_view text, const std::string& file_name)
{
    PlanFile result;
    if (text.size() > k_max_file_bytes) {
        return too_large(file_name, text.size());
    }
    if (const auto bad = util::first_invalid_utf8(text)) {
        const auto [line, column] = position_of(text, *bad);
        result.diagnostics.push_back({file_name, line, column, "the file is not valid UTF-8 text"});
        return result;
    }
    if (text.find('\0') != std::string_view::npos) {
        const auto [line, column] = position_of(text, text.find('\0'));
        result.diagnostics.push_back({file_name, line, column, "the file contains a NUL byte; it is not a text file"});
        return result;
    }
    const auto document = YamlDocument::parse(text);
    if (const auto& error = document.error()) {
        const int line = error->mark.is_null() ? 0 : error->mark.line + 1;
        int column = error->mark.is_null() ? 0 : character_column(text, error->mark);
        std::string message = error->message;
        if (const auto tab =
                error->kind == YamlError::Kind::syntax && line > 0 ? tab_in_indentation(text, line) : std::nullopt) {
            column = *tab;
            message = "invalid YAML: a tab in the indentation (YAML indents with spaces only)";
        }
        result.diagnostics.push_back({file_name, line, column, std::move(message)});
        return result;
    }
    const auto root = document.root();
    if (!root || root.IsNull()) {
        result.diagnostics.push_back({file_name, 1, 1, "the file is empty; a plan file is a YAML mapping"});
        return result;
    }
    Reader reader(file_name, text);
    PlanParser parser(reader);
    result.plan = parser.parse(root);
    result.diagnostics = reader.take_diagnostics();
    sort_by_position(result.diagnostics);
    return result;
}

PlanFile read_plan_file(const std::string& path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw Error(fmt::format("cannot read plan file '{}': {}", path,
                                std::filesystem::exists(path, ec) ? "not a regular file" : "no such file"));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(fmt::format("cannot read plan file '{}'", path));
    }
    // Read at most one byte past the limit so a huge file is refused without loading it whole,
    // and allocate for the file's size, not for the limit.
    const auto size = std::filesystem::file_size(path, ec);
    std::string text(ec ? 0 : static_cast<std::size_t>(std::min<std::uintmax_t>(size, k_max_file_bytes)) + 1, '\0');
    std::size_t length = 0;
    while (length <= k_max_file_bytes) {
        if (length == text.size()) {
            text.resize(std::min(std::max<std::size_t>(2 * text.size(), 64 * 1024), k_max_file_bytes + 1));
        }
        in.read(text.data() + length, static_cast<std::streamsize>(text.size() - length));
        length += static_cast<std::size_t>(in.gcount());
        if (!in) {
            break;
        }
    }
    if (in.bad()) {
        throw Error(fmt::format("cannot read plan file '{}'", path));
    }
    text.resize(length);
    if (length > k_max_file_bytes) {
        // Not the bytes read (one past the limit): the file's own size, or "more than".
        return too_large(path, ec || size <= k_max_file_bytes ? std::nullopt : std::optional<std::uintmax_t>(size));
    }
    return parse_plan(text, path);
}

core::Plan load_plan_file(const std::string& path)
{
    auto file = read_plan_file(path);
    if (!file.ok()) {
        const auto count = file.diagnostics.size();
        throw InputError(std::move(file.diagnostics),
                         fmt::format("{}: {} problem{} found", path, count, count == 1 ? "" : "s"));
    }
    return std::move(file.plan);
}

} // namespace plantrack::plan
