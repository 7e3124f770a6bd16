#include "plantrack/store/update_store.hpp"

#include <functional>
#include <unordered_map>

#include <SQLiteCpp/Statement.h>

namespace plantrack::store {

namespace {

constexpr std::int64_t k_no_cutoff = std::numeric_limits<std::int64_t>::max();

core::ItemState state_from_row(SQLite::Statement& query, int first)
{
    core::ItemState state;
    state.last_update = core::Date::parse(query.getColumn(first).getString());
    state.status = core::parse_status(query.getColumn(first + 1).getString()).value_or(core::Status::not_started);
    state.progress = query.getColumn(first + 2).getInt();
    state.note = query.getColumn(first + 3).getString();
    return state;
}

// The latest update of one item within the cutoff: a single index seek.
constexpr const char* k_latest_sql = "SELECT date, status, progress, note FROM updates "
                                     "WHERE plan_id = ?1 AND item_id = ?2 AND date <= ?3 AND recorded_at <= ?4 "
                                     "ORDER BY date DESC, recorded_at DESC, update_id DESC LIMIT 1";

core::Update update_from_row(SQLite::Statement& query)
{
    core::Update update;
    update.item_id = query.getColumn(0).getString();
    update.date = *core::Date::parse(query.getColumn(1).getString());
    update.status = core::parse_status(query.getColumn(2).getString()).value_or(core::Status::not_started);
    update.progress = query.getColumn(3).getInt();
    update.note = query.getColumn(4).getString();
    update.by = query.getColumn(5).getString();
    update.recorded_at = query.getColumn(6).getInt64();
    update.sequence = query.getColumn(7).getInt64();
    return update;
}

} // namespace

std::vector<core::ItemState> states_as_of(Database& db, const core::Plan& plan, const Cutoff& cutoff)
{
    std::vector<core::ItemState> states(plan.items.size());
    std::unordered_map<std::string, std::size_t> index;
    index.reserve(plan.items.size());
    for (std::size_t i = 0; i < plan.items.size(); ++i) {
        index.emplace(plan.items[i].id, i);
    }
    const auto as_of = cutoff.as_of.to_string();
    const auto known_at = cutoff.known_at.value_or(k_no_cutoff);
    // Fast path: the latest update of each item (kept by a trigger) answers for every item whose
    // latest update is within the cutoff; only the others need a seek.
    std::vector<std::size_t> need_seek;
    std::vector<bool> has_latest(plan.items.size(), false);
    SQLite::Statement latest(db.sql(), "SELECT l.item_id, u.date, u.status, u.progress, u.note, u.recorded_at "
                                       "FROM item_latest l JOIN updates u ON u.update_id = l.update_id "
                                       "WHERE l.plan_id = ?");
    latest.bind(1, plan.id);
    while (latest.executeStep()) {
        const auto found = index.find(latest.getColumn(0).getString());
        if (found == index.end()) {
            continue;
        }
        has_latest[found->second] = true;
        if (latest.getColumn(1).getString() <= as_of && latest.getColumn(5).getInt64() <= known_at) {
            states[found->second] = state_from_row(latest, 1);
        } else {
            need_seek.push_back(found->second);
        }
    }
    if (!need_seek.empty()) {
        SQLite::Statement seek(db.sql(), k_latest_sql);
        for (const auto i : need_seek) {
            seek.reset();
            seek.bind(1, plan.id);
            seek.bind(2, plan.items[i].id);
            seek.bind(3, as_of);
            seek.bind(4, static_cast<std::int64_t>(known_at));
            if (seek.executeStep()) {
                states[i] = state_from_row(seek, 0);
            }
        }
    }
    return states;
}

core::ItemState state_as_of(Database& db, const std::string& plan_id, const std::string& item_id, const Cutoff& cutoff)
{
    SQLite::Statement seek(db.sql(), k_latest_sql);
    seek.bind(1, plan_id);
    seek.bind(2, item_id);
    seek.bind(3, cutoff.as_of.to_string());
    seek.bind(4, static_cast<std::int64_t>(cutoff.known_at.value_or(k_no_cutoff)));
    if (seek.executeStep()) {
        return state_from_row(seek, 0);
    }
    return {};
}

struct UpdateWriter::Statements
{
    explicit Statements(SQLite::Database& database)
        : db(database), latest(db, k_latest_sql),
          identical(db, "SELECT 1 FROM updates WHERE plan_id = ? AND item_id = ? AND date = ? AND +status = ? AND "
                        "progress = ? AND note = ? AND reporter = ? LIMIT 1"),
          insert(db, "INSERT INTO updates (plan_id, item_id, date, status, progress, note, reporter, recorded_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
          keep_latest(db, "INSERT INTO item_latest (plan_id, item_id, update_id, date, recorded_at) "
                          "SELECT plan_id, item_id, update_id, date, recorded_at FROM updates "
                          "WHERE plan_id = ?1 AND item_id = ?2 "
                          "ORDER BY date DESC, recorded_at DESC, update_id DESC LIMIT 1 "
                          "ON CONFLICT (plan_id, item_id) DO UPDATE SET update_id = excluded.update_id, "
                          "date = excluded.date, recorded_at = excluded.recorded_at")
    {}
    SQLite::Database& db;
    SQLite::Statement latest;
    SQLite::Statement identical;
    SQLite::Statement insert;
    SQLite::Statement keep_latest;
};

UpdateWriter::UpdateWriter(Database& db, std::string plan_id)
    : m_plan_id(std::move(plan_id)), m_statements(std::make_unique<Statements>(db.sql()))
{}

UpdateWriter::~UpdateWriter() = default;

core::ItemState UpdateWriter::state_as_of(const std::string& item_id, core::Date date)
{
    auto& seek = m_statements->latest;
    seek.reset();
    seek.bind(1, m_plan_id);
    seek.bind(2, item_id);
    seek.bind(3, date.to_string());
    seek.bind(4, static_cast<std::int64_t>(k_no_cutoff));
    return seek.executeStep() ? state_from_row(seek, 0) : core::ItemState{};
}

namespace {

// Binds plan, item, date, status, progress, note and reporter as parameters 1–7.
void bind_update(SQLite::Statement& statement, const std::string& plan_id, const core::Update& update)
{
    statement.reset();
    statement.bind(1, plan_id);
    statement.bind(2, update.item_id);
    statement.bind(3, update.date.to_string());
    statement.bind(4, std::string(to_string(update.status)));
    statement.bind(5, update.progress);
    statement.bind(6, update.note);
    statement.bind(7, update.by);
}

} // namespace

namespace {

constexpr std::size_t k_filter_bits = std::size_t{1} << 23; // 1 MiB: ~3% false positives at 1M rows

std::uint64_t filter_hash(const core::Update& update, std::uint64_t seed)
{
    std::uint64_t hash = 1469598103934665603ULL ^ seed;
    for (const char c : update.item_id) {
        hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    hash = (hash ^ static_cast<std::uint64_t>(update.date.days())) * 1099511628211ULL;
    hash ^= hash >> 29;
    return hash % k_filter_bits;
}

} // namespace

bool UpdateWriter::might_exist(const core::Update& update)
{
    if (m_appended_unfiltered) {
        return true;
    }
    if (!m_latest_loaded) {
        SQLite::Statement query(m_statements->db, "SELECT item_id, date FROM item_latest WHERE plan_id = ?");
        query.bind(1, m_plan_id);
        while (query.executeStep()) {
            m_latest_before.emplace(query.getColumn(0).getString(), *core::Date::parse(query.getColumn(1).getString()));
        }
        m_appended_filter.assign(k_filter_bits / 64, 0);
        m_latest_loaded = true;
    }
    const auto before = m_latest_before.find(update.item_id);
    if (before != m_latest_before.end() && update.date <= before->second) {
        return true;
    }
    for (const std::uint64_t seed : {1u, 2u, 3u}) {
        const auto bit = filter_hash(update, seed);
        if ((m_appended_filter[bit / 64] & (std::uint64_t{1} << (bit % 64))) == 0) {
            return false;
        }
    }
    return true;
}

bool UpdateWriter::has_identical(const core::Update& update)
{
    if (!might_exist(update)) {
        return false;
    }
    auto& query = m_statements->identical;
    bind_update(query, m_plan_id, update);
    return query.executeStep();
}

std::int64_t UpdateWriter::append(const core::Update& update)
{
    auto& insert = m_statements->insert;
    bind_update(insert, m_plan_id, update);
    insert.bind(8, static_cast<std::int64_t>(update.recorded_at));
    insert.exec();
    m_touched.insert(update.item_id);
    if (!m_latest_loaded) {
        m_appended_unfiltered = true; // appended before the filter existed: always ask the database
    } else {
        for (const std::uint64_t seed : {1u, 2u, 3u}) {
            const auto bit = filter_hash(update, seed);
            m_appended_filter[bit / 64] |= std::uint64_t{1} << (bit % 64);
        }
    }
    return m_statements->db.getLastInsertRowid();
}

void UpdateWriter::finish()
{
    auto& keep = m_statements->keep_latest;
    for (const auto& item_id : m_touched) {
        keep.reset();
        keep.bind(1, m_plan_id);
        keep.bind(2, item_id);
        keep.exec();
    }
    m_touched.clear();
}

std::int64_t append_update(Database& db, const std::string& plan_id, const core::Update& update)
{
    UpdateWriter writer(db, plan_id);
    const auto sequence = writer.append(update);
    writer.finish();
    return sequence;
}

bool has_identical_update(Database& db, const std::string& plan_id, const core::Update& update)
{
    return UpdateWriter(db, plan_id).has_identical(update);
}

std::vector<core::Update> history(Database& db, const std::string& plan_id, const std::string& item_id,
                                  std::optional<core::Timestamp> known_at)
{
    SQLite::Statement query(db.sql(), "SELECT item_id, date, status, progress, note, reporter, recorded_at, update_id "
                                      "FROM updates WHERE plan_id = ? AND item_id = ? AND recorded_at <= ? "
                                      "ORDER BY date, recorded_at, update_id");
    query.bind(1, plan_id);
    query.bind(2, item_id);
    query.bind(3, static_cast<std::int64_t>(known_at.value_or(k_no_cutoff)));
    std::vector<core::Update> updates;
    while (query.executeStep()) {
        updates.push_back(update_from_row(query));
    }
    return updates;
}

void for_each_update(Database& db, const std::string& plan_id, const std::function<void(const core::Update&)>& visit)
{
    SQLite::Statement query(db.sql(), "SELECT item_id, date, status, progress, note, reporter, recorded_at, update_id "
                                      "FROM updates WHERE plan_id = ? ORDER BY update_id");
    query.bind(1, plan_id);
    while (query.executeStep()) {
        visit(update_from_row(query));
    }
}

std::map<std::string, core::Date> first_done_dates(Database& db, const std::string& plan_id, const Cutoff& cutoff)
{
    SQLite::Statement query(db.sql(), "SELECT item_id, min(date) FROM updates WHERE plan_id = ? AND status = 'done' "
                                      "AND date <= ? AND recorded_at <= ? GROUP BY item_id");
    query.bind(1, plan_id);
    query.bind(2, cutoff.as_of.to_string());
    query.bind(3, static_cast<std::int64_t>(cutoff.known_at.value_or(k_no_cutoff)));
    std::map<std::string, core::Date> dates;
    while (query.executeStep()) {
        dates.emplace(query.getColumn(0).getString(), *core::Date::parse(query.getColumn(1).getString()));
    }
    return dates;
}

std::map<std::string, int> update_counts(Database& db, const std::string& plan_id, core::Date from, core::Date to,
                                         std::optional<core::Timestamp> known_at)
{
    SQLite::Statement query(db.sql(),
                            "SELECT item_id, count(*) FROM updates WHERE plan_id = ? AND date BETWEEN ? AND ? "
                            "AND recorded_at <= ? GROUP BY item_id");
    query.bind(1, plan_id);
    query.bind(2, from.to_string());
    query.bind(3, to.to_string());
    query.bind(4, static_cast<std::int64_t>(known_at.value_or(k_no_cutoff)));
    std::map<std::string, int> counts;
    while (query.executeStep()) {
        counts.emplace(query.getColumn(0).getString(), query.getColumn(1).getInt());
    }
    return counts;
}

void append_reading(Database& db, const std::string& plan_id, const Reading& reading)
{
    SQLite::Statement insert(db.sql(), "INSERT INTO readings (plan_id, indicator_id, period, value, note, reporter, "
                                       "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, plan_id);
    insert.bind(2, reading.indicator_id);
    insert.bind(3, reading.period.to_string());
    insert.bind(4, reading.value);
    insert.bind(5, reading.note);
    insert.bind(6, reading.by);
    insert.bind(7, static_cast<std::int64_t>(reading.recorded_at));
    insert.exec();
}

std::vector<Reading> readings(Database& db, const std::string& plan_id, std::optional<core::Timestamp> known_at)
{
    SQLite::Statement query(db.sql(), "SELECT indicator_id, period, value, note, reporter, recorded_at FROM readings "
                                      "WHERE plan_id = ? AND recorded_at <= ? ORDER BY indicator_id, period, "
                                      "recorded_at, reading_id");
    query.bind(1, plan_id);
    query.bind(2, static_cast<std::int64_t>(known_at.value_or(k_no_cutoff)));
    std::vector<Reading> result;
    while (query.executeStep()) {
        result.push_back({query.getColumn(0).getString(), *core::Period::parse(query.getColumn(1).getString()),
                          query.getColumn(2).getDouble(), query.getColumn(3).getString(),
                          query.getColumn(4).getString(), query.getColumn(5).getInt64()});
    }
    return result;
}

} // namespace plantrack::store

namespace plantrack::store {

std::vector<core::ItemState> states_at(Database& db, const std::string& plan_id,
                                       const std::vector<std::pair<std::string, core::Date>>& item_dates,
                                       std::optional<core::Timestamp> known_at)
{
    std::vector<core::ItemState> states(item_dates.size());
    SQLite::Statement seek(db.sql(), k_latest_sql);
    for (std::size_t i = 0; i < item_dates.size(); ++i) {
        seek.reset();
        seek.bind(1, plan_id);
        seek.bind(2, item_dates[i].first);
        seek.bind(3, item_dates[i].second.to_string());
        seek.bind(4, static_cast<std::int64_t>(known_at.value_or(k_no_cutoff)));
        if (seek.executeStep()) {
            states[i] = state_from_row(seek, 0);
        }
    }
    return states;
}

void for_each_update_date(Database& db, const std::string& plan_id, core::Date from, core::Date to,
                          std::optional<core::Timestamp> known_at,
                          const std::function<void(const std::string& item, core::Date date)>& visit)
{
    SQLite::Statement query(db.sql(), "SELECT item_id, date FROM updates WHERE plan_id = ? AND date BETWEEN ? AND ? "
                                      "AND recorded_at <= ?");
    query.bind(1, plan_id);
    query.bind(2, from.to_string());
    query.bind(3, to.to_string());
    query.bind(4, static_cast<std::int64_t>(known_at.value_or(k_no_cutoff)));
    while (query.executeStep()) {
        visit(query.getColumn(0).getString(), *core::Date::parse(query.getColumn(1).getString()));
    }
}

} // namespace plantrack::store
