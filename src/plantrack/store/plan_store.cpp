#include "plantrack/store/plan_store.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <variant>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "plantrack/store/fast_statement.hpp"
#include "plantrack/util/error.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::store {

namespace {

// A column value as stored: NULL, text, real or integer (the tables are STRICT, so a value
// reads back with the type it was written with, and equal values compare equal).
using Value = std::variant<std::monostate, std::string, double, std::int64_t>;

std::string display(const Value& value)
{
    if (std::holds_alternative<std::string>(value)) {
        return std::get<std::string>(value);
    }
    if (std::holds_alternative<double>(value)) {
        return util::format_number(std::get<double>(value));
    }
    if (std::holds_alternative<std::int64_t>(value)) {
        return fmt::format("{}", std::get<std::int64_t>(value));
    }
    return "";
}

void bind(SQLite::Statement& statement, int index, const Value& value)
{
    if (std::holds_alternative<std::string>(value)) {
        statement.bind(index, std::get<std::string>(value));
    } else if (std::holds_alternative<double>(value)) {
        statement.bind(index, std::get<double>(value));
    } else if (std::holds_alternative<std::int64_t>(value)) {
        statement.bind(index, std::get<std::int64_t>(value));
    } else {
        statement.bind(index);
    }
}

Value read_value(const SQLite::Column& column)
{
    if (column.isNull()) {
        return {};
    }
    if (column.isFloat()) {
        return column.getDouble();
    }
    if (column.isInteger()) {
        return static_cast<std::int64_t>(column.getInt64());
    }
    return column.getString();
}

// One row of a plan table, as the loaded file says it should be.
struct Row
{
    std::string id;
    std::vector<Value> values; // in the order of the table's `columns`
};

// A table holding one kind of plan entity, and the columns a revision may change.
struct Table
{
    std::string entity;
    std::string name;
    std::string id_column;
    std::vector<std::string> columns;
};

const Table k_owners{"owner", "owners", "name", {"kind"}};
const Table k_areas{"area", "areas", "area_id", {"number", "title", "summary"}};
const Table k_goals{"goal", "goals", "goal_id", {"title", "description"}};
const Table k_indicators{"indicator",
                         "indicators",
                         "indicator_id",
                         {"goal_id", "title", "unit", "measure", "direction", "baseline_period", "baseline_value",
                          "target_period", "target_value"}};
const Table k_items{
    "item",
    "items",
    "item_id",
    {"kind", "area_id", "parent_id", "title", "lead", "partners", "leader", "start_date", "due_date", "weight"}};

Value text(const std::string& s)
{
    return s;
}
Value optional_text(const std::string& s)
{
    return s.empty() ? Value{} : Value{s};
}

std::vector<Row> rows_of(const std::vector<core::Owner>& owners)
{
    std::vector<Row> rows;
    for (const auto& owner : owners) {
        rows.push_back({owner.name, {text(owner.kind)}});
    }
    return rows;
}

std::vector<Row> rows_of(const std::vector<core::Area>& areas)
{
    std::vector<Row> rows;
    for (const auto& area : areas) {
        rows.push_back({area.id, {text(area.number), text(area.title), text(area.summary)}});
    }
    return rows;
}

std::vector<Row> rows_of(const std::vector<core::Goal>& goals)
{
    std::vector<Row> rows;
    for (const auto& goal : goals) {
        rows.push_back({goal.id, {text(goal.title), text(goal.description)}});
    }
    return rows;
}

std::vector<Row> rows_of(const std::vector<core::Indicator>& indicators)
{
    std::vector<Row> rows;
    for (const auto& i : indicators) {
        rows.push_back(
            {i.id,
             {text(i.goal_id), text(i.title), text(i.unit), text(std::string(to_string(i.measure))),
              text(std::string(to_string(i.direction))), i.baseline ? Value{i.baseline->period.to_string()} : Value{},
              i.baseline ? Value{i.baseline->value} : Value{}, text(i.target.period.to_string()),
              Value{i.target.value}}});
    }
    return rows;
}

std::vector<Row> rows_of(const std::vector<core::Item>& items)
{
    std::vector<Row> rows;
    rows.reserve(items.size());
    for (const auto& item : items) {
        rows.push_back({item.id,
                        {text(std::string(to_string(item.kind))), text(item.area_id), optional_text(item.parent_id),
                         text(item.title), text(item.lead), text(util::join(item.partners, "\n")), text(item.leader),
                         text(item.start.to_string()), text(item.due.to_string()), Value{item.weight}}});
    }
    return rows;
}

struct StoredRow
{
    std::vector<Value> values;
    bool withdrawn = false;
};

// Brings one table in line with `rows`, appending what changed to `changes`.
void sync_table(SQLite::Database& db, const Table& table, const std::string& plan_id, const std::vector<Row>& rows,
                std::vector<PlanChange>& changes)
{
    const auto columns = util::join(table.columns, ", ");
    std::map<std::string, StoredRow> stored;
    {
        SQLite::Statement query(db, fmt::format("SELECT {}, {}, withdrawn FROM {} WHERE plan_id = ?", table.id_column,
                                                columns, table.name));
        query.bind(1, plan_id);
        while (query.executeStep()) {
            StoredRow row;
            for (int i = 0; i < static_cast<int>(table.columns.size()); ++i) {
                row.values.push_back(read_value(query.getColumn(i + 1)));
            }
            row.withdrawn = query.getColumn(static_cast<int>(table.columns.size()) + 1).getInt() != 0;
            stored.emplace(query.getColumn(0).getString(), std::move(row));
        }
    }
    std::string parameters;
    std::string assignments;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        parameters += ", ?";
        assignments += fmt::format("{}{} = excluded.{}", i == 0 ? "" : ", ", table.columns[i], table.columns[i]);
    }
    SQLite::Statement upsert(
        db, fmt::format("INSERT INTO {} (plan_id, {}, {}, position, withdrawn) VALUES (?, ?{}, ?, 0) "
                        "ON CONFLICT (plan_id, {}) DO UPDATE SET {}, position = excluded.position, "
                        "withdrawn = 0",
                        table.name, table.id_column, columns, parameters, table.id_column, assignments));
    std::set<std::string> present;
    for (std::size_t position = 0; position < rows.size(); ++position) {
        const auto& row = rows[position];
        present.insert(row.id);
        const auto found = stored.find(row.id);
        if (found == stored.end()) {
            changes.push_back({table.entity, row.id, "added", "", "", ""});
        } else {
            if (found->second.withdrawn) {
                changes.push_back({table.entity, row.id, "restored", "", "", ""});
            }
            for (std::size_t i = 0; i < table.columns.size(); ++i) {
                if (found->second.values[i] != row.values[i]) {
                    changes.push_back({table.entity, row.id, "changed", table.columns[i],
                                       display(found->second.values[i]), display(row.values[i])});
                }
            }
        }
        upsert.reset();
        int index = 1;
        upsert.bind(index++, plan_id);
        upsert.bind(index++, row.id);
        for (const auto& value : row.values) {
            bind(upsert, index++, value);
        }
        upsert.bind(index, static_cast<std::int64_t>(position));
        upsert.exec();
    }
    SQLite::Statement withdraw(
        db, fmt::format("UPDATE {} SET withdrawn = 1 WHERE plan_id = ? AND {} = ?", table.name, table.id_column));
    for (const auto& [id, row] : stored) {
        if (!row.withdrawn && !present.contains(id)) {
            changes.push_back({table.entity, id, "withdrawn", "", "", ""});
            withdraw.reset();
            withdraw.bind(1, plan_id);
            withdraw.bind(2, id);
            withdraw.exec();
        }
    }
}

std::vector<std::pair<std::string, Value>> header_fields(const core::Plan& plan)
{
    return {{"title", plan.title},
            {"start_date", plan.start.to_string()},
            {"end_date", plan.end.to_string()},
            {"language", plan.language},
            {"update_every", plan.review.update_every},
            {"report_every", plan.review.report_every},
            {"stale_after_days", static_cast<std::int64_t>(plan.review.stale_after_days)},
            {"behind_by", plan.review.behind_by},
            {"at_risk_within", plan.review.at_risk_within},
            {"goal", plan.goal},
            {"illustrative", static_cast<std::int64_t>(plan.illustrative ? 1 : 0)},
            {"report_by_day", static_cast<std::int64_t>(plan.review.report_by_day)},
            {"weight_on_time", plan.assessment.on_time},
            {"weight_overdue", plan.assessment.overdue},
            {"weight_reporting", plan.assessment.reporting},
            {"weight_progress", plan.assessment.progress}};
}

// Updates the plans row, recording changed header fields; returns the stored revision (0 if new).
int sync_header(SQLite::Database& db, const core::Plan& plan, std::vector<PlanChange>& changes)
{
    const auto fields = header_fields(plan);
    std::vector<std::string> names;
    for (const auto& field : fields) {
        names.push_back(field.first);
    }
    SQLite::Statement query(db,
                            fmt::format("SELECT {}, revision FROM plans WHERE plan_id = ?", util::join(names, ", ")));
    query.bind(1, plan.id);
    int revision = 0;
    if (query.executeStep()) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const auto stored = read_value(query.getColumn(static_cast<int>(i)));
            if (stored != fields[i].second) {
                changes.push_back(
                    {"plan", plan.id, "changed", fields[i].first, display(stored), display(fields[i].second)});
            }
        }
        revision = query.getColumn(static_cast<int>(fields.size())).getInt();
    }
    std::string parameters;
    std::string assignments;
    for (std::size_t i = 0; i < names.size(); ++i) {
        parameters += ", ?";
        assignments += fmt::format("{}{} = excluded.{}", i == 0 ? "" : ", ", names[i], names[i]);
    }
    SQLite::Statement upsert(db, fmt::format("INSERT INTO plans (plan_id, {}, revision) VALUES (?{}, 0) "
                                             "ON CONFLICT (plan_id) DO UPDATE SET {}",
                                             util::join(names, ", "), parameters, assignments));
    upsert.bind(1, plan.id);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        bind(upsert, static_cast<int>(i) + 2, fields[i].second);
    }
    upsert.exec();
    return revision;
}

// The parts of a list stored joined by line feeds (partners).
std::vector<std::string> split_lines(std::string_view joined)
{
    std::vector<std::string> parts;
    std::size_t begin = 0;
    while (begin < joined.size()) {
        const auto end = std::min(joined.find('\n', begin), joined.size());
        parts.emplace_back(joined.substr(begin, end - begin));
        begin = end + 1;
    }
    return parts;
}

constexpr const char* k_item_columns = "SELECT item_id, kind, area_id, parent_id, title, lead, partners, leader, "
                                       "start_date, due_date, weight, withdrawn";

core::Item item_from_row(const FastStatement& query)
{
    core::Item item;
    item.id = query.string(0);
    item.kind = query.text(1) == "task" ? core::ItemKind::task : core::ItemKind::milestone;
    item.area_id = query.string(2);
    item.parent_id = query.string(3); // NULL for a task reads as ""
    item.title = query.string(4);
    item.lead = query.string(5);
    item.partners = split_lines(query.text(6));
    item.leader = query.string(7);
    item.start = *core::Date::parse(query.text(8));
    item.due = *core::Date::parse(query.text(9));
    item.weight = query.real(10);
    item.withdrawn = query.integer(11) != 0;
    return item;
}

} // namespace

RevisionResult apply_plan(Database& db, const core::Plan& plan, const std::string& source, core::Timestamp now)
{
    try {
        WriteTransaction transaction(db);
        auto& sql = db.sql();
        RevisionResult result;
        result.plan_id = plan.id;
        const int previous = sync_header(sql, plan, result.changes);
        result.created = previous == 0;
        sync_table(sql, k_owners, plan.id, rows_of(plan.owners), result.changes);
        sync_table(sql, k_areas, plan.id, rows_of(plan.areas), result.changes);
        sync_table(sql, k_goals, plan.id, rows_of(plan.goals), result.changes);
        sync_table(sql, k_indicators, plan.id, rows_of(plan.indicators), result.changes);
        sync_table(sql, k_items, plan.id, rows_of(plan.items), result.changes);
        if (result.changes.empty()) {
            result.revision = previous;
            transaction.commit();
            return result;
        }
        result.revision = previous + 1;
        int added = 0;
        int changed = 0;
        int withdrawn = 0;
        std::set<std::pair<std::string, std::string>> changed_entities;
        for (const auto& change : result.changes) {
            added += change.change == "added" ? 1 : 0;
            withdrawn += change.change == "withdrawn" ? 1 : 0;
            if (change.change == "changed" && changed_entities.insert({change.entity, change.entity_id}).second) {
                ++changed;
            }
        }
        SQLite::Statement revision(sql, "INSERT INTO revisions (plan_id, revision, loaded_at, source, added, changed, "
                                        "withdrawn) VALUES (?, ?, ?, ?, ?, ?, ?)");
        revision.bind(1, plan.id);
        revision.bind(2, result.revision);
        revision.bind(3, static_cast<std::int64_t>(now));
        revision.bind(4, source);
        revision.bind(5, added);
        revision.bind(6, changed);
        revision.bind(7, withdrawn);
        revision.exec();
        // A new plan's revision 1 is the whole file; listing each entity as "added" adds nothing.
        if (!result.created) {
            SQLite::Statement record(sql, "INSERT INTO revision_changes (plan_id, revision, entity, entity_id, change, "
                                          "field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            for (const auto& change : result.changes) {
                record.reset();
                record.bind(1, plan.id);
                record.bind(2, result.revision);
                record.bind(3, change.entity);
                record.bind(4, change.entity_id);
                record.bind(5, change.change);
                bind(record, 6, optional_text(change.field));
                bind(record, 7, change.change == "changed" ? Value{change.old_value} : Value{});
                bind(record, 8, change.change == "changed" ? Value{change.new_value} : Value{});
                record.exec();
            }
        }
        SQLite::Statement bump(sql, "UPDATE plans SET revision = ? WHERE plan_id = ?");
        bump.bind(1, result.revision);
        bump.bind(2, plan.id);
        bump.exec();
        transaction.commit();
        return result;
    } catch (const SQLite::Exception& e) {
        rethrow_sqlite_error(e, db.path());
    }
}

std::vector<std::string> plan_ids(Database& db)
{
    std::vector<std::string> ids;
    SQLite::Statement query(db.sql(), "SELECT plan_id FROM plans ORDER BY plan_id");
    while (query.executeStep()) {
        ids.push_back(query.getColumn(0).getString());
    }
    return ids;
}

std::string resolve_plan_id(Database& db, const std::optional<std::string>& requested)
{
    const auto ids = plan_ids(db);
    if (requested) {
        if (std::find(ids.begin(), ids.end(), *requested) == ids.end()) {
            throw Error(
                fmt::format("no plan '{}' in '{}'{}", *requested, db.path(), util::did_you_mean(*requested, ids)));
        }
        return *requested;
    }
    if (ids.empty()) {
        throw Error(
            fmt::format("the database '{}' holds no plan; load one with 'plantrack plan load FILE'", db.path()));
    }
    if (ids.size() > 1) {
        throw Error(fmt::format("the database '{}' holds {} plans ({}); choose one with --plan", db.path(), ids.size(),
                                util::join(ids, ", ")));
    }
    return ids.front();
}

namespace {

core::Plan read_current_header(Database& db, const std::string& plan_id)
{
    auto& sql = db.sql();
    core::Plan plan;
    SQLite::Statement query(sql, "SELECT title, start_date, end_date, language, update_every, report_every, "
                                 "stale_after_days, behind_by, at_risk_within, revision, goal, illustrative, "
                                 "report_by_day, weight_on_time, weight_overdue, weight_reporting, "
                                 "weight_progress FROM plans WHERE plan_id = ?");
    query.bind(1, plan_id);
    if (!query.executeStep()) {
        throw Error(fmt::format("no plan '{}' in '{}'", plan_id, db.path()));
    }
    plan.id = plan_id;
    plan.title = query.getColumn(0).getString();
    plan.start = *core::Date::parse(query.getColumn(1).getString());
    plan.end = *core::Date::parse(query.getColumn(2).getString());
    plan.language = query.getColumn(3).getString();
    plan.review.update_every = query.getColumn(4).getString();
    plan.review.report_every = query.getColumn(5).getString();
    plan.review.stale_after_days = query.getColumn(6).getInt();
    plan.review.behind_by = query.getColumn(7).getDouble();
    plan.review.at_risk_within = query.getColumn(8).getDouble();
    plan.revision = query.getColumn(9).getInt();
    plan.goal = query.getColumn(10).getString();
    plan.illustrative = query.getColumn(11).getInt() != 0;
    plan.review.report_by_day = query.getColumn(12).getInt();
    plan.assessment = {query.getColumn(13).getDouble(), query.getColumn(14).getDouble(),
                       query.getColumn(15).getDouble(), query.getColumn(16).getDouble()};
    return plan;
}

// What revision_changes says of one entity field: its old value, as text.
struct Undo
{
    int revision = 0;
    std::string entity;
    std::string entity_id;
    std::string change;
    std::string field;
    std::string old_value;
};

// The changes of the revisions loaded after `known_at`, newest first, and the revision in force
// at `known_at`. Refuses a time before the plan was first loaded: there was no plan to report on.
std::vector<Undo> changes_after(Database& db, const std::string& plan_id, core::Timestamp known_at, int& in_force)
{
    in_force = 0;
    for (const auto& revision : revisions(db, plan_id)) {
        if (revision.loaded_at <= known_at) {
            in_force = revision.revision;
        } else if (in_force == 0) {
            throw Error(fmt::format("the plan '{}' was first loaded at {}, after --known-at {}", plan_id,
                                    core::format_timestamp(revision.loaded_at), core::format_timestamp(known_at)));
        }
    }
    std::vector<Undo> undo;
    SQLite::Statement query(db.sql(), "SELECT revision, entity, entity_id, change, coalesce(field, ''), "
                                      "coalesce(old_value, '') FROM revision_changes WHERE plan_id = ? "
                                      "AND revision > ? ORDER BY revision DESC, rowid DESC");
    query.bind(1, plan_id);
    query.bind(2, in_force);
    while (query.executeStep()) {
        undo.push_back({query.getColumn(0).getInt(), query.getColumn(1).getString(), query.getColumn(2).getString(),
                        query.getColumn(3).getString(), query.getColumn(4).getString(),
                        query.getColumn(5).getString()});
    }
    return undo;
}

double number_of(const std::string& text)
{
    return text.empty() ? 0 : std::strtod(text.c_str(), nullptr);
}

core::Date date_of(const std::string& text)
{
    return core::Date::parse(text).value_or(core::Date{});
}

// Sets one field, as a revision recorded it, back to its old value. Fields this plantrack
// does not know (none today) are left as they are.
void set_field(core::Plan& plan, const std::string& field, const std::string& old)
{
    auto& r = plan.review;
    if (field == "title") {
        plan.title = old;
    } else if (field == "start_date") {
        plan.start = date_of(old);
    } else if (field == "end_date") {
        plan.end = date_of(old);
    } else if (field == "language") {
        plan.language = old;
    } else if (field == "update_every") {
        r.update_every = old;
    } else if (field == "report_every") {
        r.report_every = old;
    } else if (field == "stale_after_days") {
        r.stale_after_days = static_cast<int>(number_of(old));
    } else if (field == "behind_by") {
        r.behind_by = number_of(old);
    } else if (field == "at_risk_within") {
        r.at_risk_within = number_of(old);
    } else if (field == "goal") {
        plan.goal = old;
    } else if (field == "illustrative") {
        plan.illustrative = old == "1";
    } else if (field == "report_by_day") {
        r.report_by_day = static_cast<int>(number_of(old));
    } else if (field == "weight_on_time") {
        plan.assessment.on_time = number_of(old);
    } else if (field == "weight_overdue") {
        plan.assessment.overdue = number_of(old);
    } else if (field == "weight_reporting") {
        plan.assessment.reporting = number_of(old);
    } else if (field == "weight_progress") {
        plan.assessment.progress = number_of(old);
    }
}

void set_field(core::Owner& owner, const std::string& field, const std::string& old)
{
    if (field == "kind") {
        owner.kind = old;
    }
}

void set_field(core::Area& area, const std::string& field, const std::string& old)
{
    if (field == "number") {
        area.number = old;
    } else if (field == "title") {
        area.title = old;
    } else if (field == "summary") {
        area.summary = old;
    }
}

void set_field(core::Goal& goal, const std::string& field, const std::string& old)
{
    if (field == "title") {
        goal.title = old;
    } else if (field == "description") {
        goal.description = old;
    }
}

void set_field(core::Indicator& indicator, const std::string& field, const std::string& old)
{
    if (field == "goal_id") {
        indicator.goal_id = old;
    } else if (field == "title") {
        indicator.title = old;
    } else if (field == "unit") {
        indicator.unit = old;
    } else if (field == "measure") {
        indicator.measure = core::parse_measure(old).value_or(indicator.measure);
    } else if (field == "direction") {
        indicator.direction = core::parse_direction(old).value_or(indicator.direction);
    } else if (field == "baseline_period") {
        if (const auto period = core::Period::parse(old)) {
            indicator.baseline = core::PeriodValue{*period, indicator.baseline ? indicator.baseline->value : 0};
        } else {
            indicator.baseline.reset();
        }
    } else if (field == "baseline_value") {
        if (indicator.baseline) {
            indicator.baseline->value = number_of(old);
        }
    } else if (field == "target_period") {
        indicator.target.period = core::Period::parse(old).value_or(indicator.target.period);
    } else if (field == "target_value") {
        indicator.target.value = number_of(old);
    }
}

void set_field(core::Item& item, const std::string& field, const std::string& old)
{
    if (field == "kind") {
        item.kind = old == "task" ? core::ItemKind::task : core::ItemKind::milestone;
    } else if (field == "area_id") {
        item.area_id = old;
    } else if (field == "parent_id") {
        item.parent_id = old;
    } else if (field == "title") {
        item.title = old;
    } else if (field == "lead") {
        item.lead = old;
    } else if (field == "partners") {
        item.partners = split_lines(old);
    } else if (field == "leader") {
        item.leader = old;
    } else if (field == "start_date") {
        item.start = date_of(old);
    } else if (field == "due_date") {
        item.due = date_of(old);
    } else if (field == "weight") {
        item.weight = number_of(old);
    }
}

std::string id_of(const core::Owner& owner)
{
    return owner.name;
}
template <typename Entity>
std::string id_of(const Entity& entity)
{
    return entity.id;
}

// An entity of the plan with whether it was withdrawn, while revisions are undone.
template <typename Entity>
struct Entry
{
    Entity entity;
    bool withdrawn = false;
    bool present = true; // false once its "added" is undone: it did not exist yet
};

template <typename Entity>
std::vector<Entry<Entity>> entries(std::vector<Entity> entities, const std::set<std::string>& withdrawn)
{
    std::vector<Entry<Entity>> result;
    result.reserve(entities.size());
    for (auto& entity : entities) {
        const bool gone = withdrawn.contains(id_of(entity));
        result.push_back({std::move(entity), gone, true});
    }
    return result;
}

template <typename Entity>
void undo_one(std::vector<Entry<Entity>>& list, const Undo& change)
{
    for (auto& entry : list) {
        if (!entry.present || id_of(entry.entity) != change.entity_id) {
            continue;
        }
        if (change.change == "added") {
            entry.present = false;
        } else if (change.change == "withdrawn") {
            entry.withdrawn = false;
        } else if (change.change == "restored") {
            entry.withdrawn = true;
        } else if (change.change == "changed") {
            set_field(entry.entity, change.field, change.old_value);
        }
        return;
    }
}

template <typename Entity>
std::vector<Entity> kept(std::vector<Entry<Entity>> list, bool include_withdrawn)
{
    std::vector<Entity> result;
    result.reserve(list.size());
    for (auto& entry : list) {
        if (entry.present && (include_withdrawn || !entry.withdrawn)) {
            result.push_back(std::move(entry.entity));
        }
    }
    return result;
}

std::set<std::string> withdrawn_ids(Database& db, const Table& table, const std::string& plan_id)
{
    std::set<std::string> ids;
    SQLite::Statement query(
        db.sql(), fmt::format("SELECT {} FROM {} WHERE plan_id = ? AND withdrawn = 1", table.id_column, table.name));
    query.bind(1, plan_id);
    while (query.executeStep()) {
        ids.insert(query.getColumn(0).getString());
    }
    return ids;
}

// The plan as the store holds it now (withdrawn entities included when asked).
core::Plan read_current_plan(Database& db, const std::string& plan_id, bool include_withdrawn);

// The plan as it stood at `known_at`: the current one with every later revision undone, newest
// first (revision_changes keeps each changed field's old value, and what was added, withdrawn or
// restored).
core::Plan plan_known_at(Database& db, const std::string& plan_id, bool include_withdrawn, core::Timestamp known_at)
{
    int in_force = 0;
    const auto undo = changes_after(db, plan_id, known_at, in_force);
    auto current = read_current_plan(db, plan_id, true);
    if (in_force == current.revision) {
        return include_withdrawn ? current : read_current_plan(db, plan_id, false);
    }
    auto owners = entries(std::move(current.owners), withdrawn_ids(db, k_owners, plan_id));
    auto areas = entries(std::move(current.areas), withdrawn_ids(db, k_areas, plan_id));
    auto goals = entries(std::move(current.goals), withdrawn_ids(db, k_goals, plan_id));
    auto indicators = entries(std::move(current.indicators), withdrawn_ids(db, k_indicators, plan_id));
    std::set<std::string> withdrawn_items;
    for (const auto& item : current.items) {
        if (item.withdrawn) {
            withdrawn_items.insert(item.id);
        }
    }
    auto items = entries(std::move(current.items), withdrawn_items);
    for (const auto& change : undo) {
        if (change.entity == "plan") {
            set_field(current, change.field, change.old_value);
        } else if (change.entity == "owner") {
            undo_one(owners, change);
        } else if (change.entity == "area") {
            undo_one(areas, change);
        } else if (change.entity == "goal") {
            undo_one(goals, change);
        } else if (change.entity == "indicator") {
            undo_one(indicators, change);
        } else if (change.entity == "item") {
            undo_one(items, change);
        }
    }
    for (auto& entry : items) {
        entry.entity.withdrawn = entry.withdrawn;
    }
    current.owners = kept(std::move(owners), include_withdrawn);
    current.areas = kept(std::move(areas), include_withdrawn);
    current.goals = kept(std::move(goals), include_withdrawn);
    current.indicators = kept(std::move(indicators), include_withdrawn);
    current.items = kept(std::move(items), include_withdrawn);
    current.revision = in_force;
    return current;
}

// Whether a revision was loaded after `known_at` (the plan read must then be rolled back).
bool revised_after(Database& db, const std::string& plan_id, std::optional<core::Timestamp> known_at)
{
    if (!known_at) {
        return false;
    }
    SQLite::Statement query(db.sql(), "SELECT count(*) FROM revisions WHERE plan_id = ? AND loaded_at > ?");
    query.bind(1, plan_id);
    query.bind(2, static_cast<std::int64_t>(*known_at));
    return query.executeStep() && query.getColumn(0).getInt() > 0;
}

} // namespace

core::Plan read_plan_header(Database& db, const std::string& plan_id, std::optional<core::Timestamp> known_at)
{
    if (!revised_after(db, plan_id, known_at)) {
        return read_current_header(db, plan_id);
    }
    auto plan = plan_known_at(db, plan_id, true, *known_at);
    plan.owners.clear();
    plan.areas.clear();
    plan.goals.clear();
    plan.indicators.clear();
    plan.items.clear();
    return plan;
}

core::Plan read_plan(Database& db, const std::string& plan_id, bool include_withdrawn,
                     std::optional<core::Timestamp> known_at)
{
    if (revised_after(db, plan_id, known_at)) {
        return plan_known_at(db, plan_id, include_withdrawn, *known_at);
    }
    return read_current_plan(db, plan_id, include_withdrawn);
}

namespace {

core::Plan read_current_plan(Database& db, const std::string& plan_id, bool include_withdrawn)
{
    auto& sql = db.sql();
    core::Plan plan = read_current_header(db, plan_id);
    const std::string current = include_withdrawn ? "" : " AND withdrawn = 0";
    {
        SQLite::Statement query(sql,
                                "SELECT name, kind FROM owners WHERE plan_id = ?" + current + " ORDER BY position");
        query.bind(1, plan_id);
        while (query.executeStep()) {
            plan.owners.push_back({query.getColumn(0).getString(), query.getColumn(1).getString()});
        }
    }
    {
        SQLite::Statement query(sql, "SELECT area_id, number, title, summary FROM areas WHERE plan_id = ?" + current +
                                         " ORDER BY position");
        query.bind(1, plan_id);
        while (query.executeStep()) {
            plan.areas.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                                  query.getColumn(2).getString(), query.getColumn(3).getString()});
        }
    }
    {
        SQLite::Statement query(sql, "SELECT goal_id, title, description FROM goals WHERE plan_id = ?" + current +
                                         " ORDER BY position");
        query.bind(1, plan_id);
        while (query.executeStep()) {
            plan.goals.push_back(
                {query.getColumn(0).getString(), query.getColumn(1).getString(), query.getColumn(2).getString()});
        }
    }
    {
        SQLite::Statement query(sql, "SELECT indicator_id, goal_id, title, unit, measure, direction, baseline_period, "
                                     "baseline_value, target_period, target_value FROM indicators "
                                     "WHERE plan_id = ?" +
                                         current + " ORDER BY position");
        query.bind(1, plan_id);
        while (query.executeStep()) {
            core::Indicator indicator;
            indicator.id = query.getColumn(0).getString();
            indicator.goal_id = query.getColumn(1).getString();
            indicator.title = query.getColumn(2).getString();
            indicator.unit = query.getColumn(3).getString();
            indicator.measure = core::parse_measure(query.getColumn(4).getString()).value_or(core::Measure::level);
            indicator.direction = core::parse_direction(query.getColumn(5).getString()).value_or(core::Direction::up);
            if (!query.getColumn(6).isNull()) {
                indicator.baseline = core::PeriodValue{*core::Period::parse(query.getColumn(6).getString()),
                                                       query.getColumn(7).getDouble()};
            }
            indicator.target = {*core::Period::parse(query.getColumn(8).getString()), query.getColumn(9).getDouble()};
            plan.indicators.push_back(std::move(indicator));
        }
    }
    {
        // One pass over the table, then a sort by position (rows are usually in that order
        // already): walking the position index and fetching each row from it took 4 times as
        // long for the 20,000-item plan.
        FastStatement query(sql, std::string(k_item_columns) + ", position, item_key FROM items NOT INDEXED " +
                                     "WHERE plan_id = ?" + current);
        query.bind(1, plan_id);
        // Room for every item at once: growing a vector of 20,000 items moved them 15 times. The
        // last position is one seek in the position index (a count walked all 20,000 entries)
        // and bounds the number of current items.
        FastStatement last(sql, "SELECT coalesce(max(position) + 1, 0) FROM items WHERE plan_id = ?");
        last.bind(1, plan_id);
        const auto items = last.step() ? static_cast<std::size_t>(last.integer(0)) : 0;
        plan.items.reserve(items);
        std::vector<std::pair<std::int64_t, std::int64_t>> order; // position, key
        order.reserve(items);
        while (query.step()) {
            plan.items.push_back(item_from_row(query));
            order.emplace_back(query.integer(12), query.integer(13));
        }
        if (!std::is_sorted(order.begin(), order.end())) {
            std::vector<std::size_t> index(order.size());
            for (std::size_t i = 0; i < index.size(); ++i) {
                index[i] = i;
            }
            std::sort(index.begin(), index.end(), [&](std::size_t a, std::size_t b) { return order[a] < order[b]; });
            std::vector<core::Item> sorted;
            sorted.reserve(plan.items.size());
            for (const auto i : index) {
                sorted.push_back(std::move(plan.items[i]));
            }
            plan.items = std::move(sorted);
        }
    }
    return plan;
}

} // namespace

std::optional<core::Item> read_item(Database& db, const std::string& plan_id, const std::string& item_id,
                                    std::optional<core::Timestamp> known_at)
{
    if (revised_after(db, plan_id, known_at)) {
        const auto plan = plan_known_at(db, plan_id, true, *known_at);
        if (const auto* item = plan.find_item(item_id)) {
            return *item;
        }
        return std::nullopt;
    }
    FastStatement query(db.sql(), std::string(k_item_columns) + " FROM items WHERE plan_id = ? AND item_id = ?");
    query.bind(1, plan_id);
    query.bind(2, item_id);
    if (!query.step()) {
        return std::nullopt;
    }
    return item_from_row(query);
}

std::vector<std::string> read_item_ids(Database& db, const std::string& plan_id)
{
    std::vector<std::string> ids;
    SQLite::Statement query(db.sql(),
                            "SELECT item_id FROM items WHERE plan_id = ? AND withdrawn = 0 ORDER BY position");
    query.bind(1, plan_id);
    while (query.executeStep()) {
        ids.push_back(query.getColumn(0).getString());
    }
    return ids;
}

std::vector<RevisionInfo> revisions(Database& db, const std::string& plan_id)
{
    std::vector<RevisionInfo> result;
    SQLite::Statement query(db.sql(), "SELECT revision, loaded_at, source, added, changed, withdrawn FROM revisions "
                                      "WHERE plan_id = ? ORDER BY revision");
    query.bind(1, plan_id);
    while (query.executeStep()) {
        result.push_back({query.getColumn(0).getInt(), query.getColumn(1).getInt64(), query.getColumn(2).getString(),
                          query.getColumn(3).getInt(), query.getColumn(4).getInt(), query.getColumn(5).getInt()});
    }
    return result;
}

} // namespace plantrack::store
