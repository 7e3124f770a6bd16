#include "plantrack/store/update_store.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <unordered_map>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "plantrack/store/fast_statement.hpp"
#include "plantrack/util/error.hpp"

namespace plantrack::store {

namespace {

constexpr std::int64_t k_no_cutoff = std::numeric_limits<std::int64_t>::max();

// Updates written by one INSERT statement: a statement's own cost (opening cursors, setting up
// and tearing down) was a third of the cost of each row.
constexpr int k_batch_rows = 32;

// The latest update of one item within the cutoff: one seek in the index, which holds the state
// (no read of the update itself).
constexpr const char* k_latest_sql = "SELECT date, status, progress, update_id FROM updates "
                                     "WHERE item_key = ?1 AND date <= ?2 AND recorded_at <= ?3 "
                                     "ORDER BY date DESC, recorded_at DESC, update_id DESC LIMIT 1";

// Reads date, status, progress and update id from columns first … first + 3.
core::ItemState state_from_row(const FastStatement& query, int first)
{
    core::ItemState state;
    state.last_update = core::Date::parse(query.text(first));
    state.status = core::parse_status(query.text(first + 1)).value_or(core::Status::not_started);
    state.progress = static_cast<int>(query.integer(first + 2));
    state.sequence = query.integer(first + 3);
    return state;
}

core::Update update_from_row(const FastStatement& query)
{
    core::Update update;
    update.item_id = query.string(0);
    update.date = *core::Date::parse(query.text(1));
    update.status = core::parse_status(query.text(2)).value_or(core::Status::not_started);
    update.progress = static_cast<int>(query.integer(3));
    update.note = query.string(4);
    update.by = query.string(5);
    update.recorded_at = query.integer(6);
    update.sequence = query.integer(7);
    return update;
}

// The state of each wanted (item id, date) into states[i], counting updates recorded by
// `known_at`. The latest-update table answers for every item whose latest update counts (as
// of today, all of them) and for every item first updated after its date; only the others need
// a seek in the index, made in key order so that neighbouring items share the pages SQLite
// already holds. Items never updated have no row there and keep the default state.
void fill_states(Database& db, const std::string& plan_id,
                 const std::vector<std::pair<std::string_view, core::Date>>& wanted,
                 std::optional<core::Timestamp> known_at, Notes notes, std::vector<core::ItemState>& states)
{
    std::unordered_multimap<std::string_view, std::size_t> index;
    index.reserve(wanted.size());
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        index.emplace(wanted[i].first, i);
    }
    const auto known = known_at.value_or(k_no_cutoff);
    std::vector<std::pair<std::int64_t, std::size_t>> to_seek; // item key, position
    std::optional<core::Date> text_date;                       // the date `date_text` spells (most calls ask one date)
    std::string date_text;
    {
        FastStatement latest(db.sql(), notes == Notes::read
                                           ? "SELECT item_id, item_key, date, status, progress, update_id, "
                                             "recorded_at, first_date, note FROM item_latest WHERE plan_id = ?"
                                           : "SELECT item_id, item_key, date, status, progress, update_id, "
                                             "recorded_at, first_date FROM item_latest WHERE plan_id = ?");
        latest.bind(1, plan_id);
        while (latest.step()) {
            const auto [first, last] = index.equal_range(latest.text(0));
            if (first == last) {
                continue;
            }
            auto state = state_from_row(latest, 2);
            if (notes == Notes::read) {
                state.note = latest.string(8);
            }
            for (auto found = first; found != last; ++found) {
                const auto date = wanted[found->second].second;
                if (date != text_date) {
                    text_date = date;
                    date_text = date.to_string();
                }
                if (latest.text(7) > date_text) {
                    continue; // first updated after the date: not started then
                }
                if (state.last_update <= date && latest.integer(6) <= known) {
                    states[found->second] = state;
                } else {
                    to_seek.emplace_back(latest.integer(1), found->second);
                }
            }
        }
    }
    std::sort(to_seek.begin(), to_seek.end());
    FastStatement seek(db.sql(), k_latest_sql);
    seek.bind(3, static_cast<std::int64_t>(known));
    std::optional<core::Date> bound_date;
    for (const auto& [key, position] : to_seek) {
        seek.reset();
        seek.bind(1, key);
        if (bound_date != wanted[position].second) {
            // date_text is bound to the statement: changed only after a reset.
            bound_date = wanted[position].second;
            date_text = bound_date->to_string();
            text_date = bound_date;
            seek.bind(2, date_text);
        }
        if (seek.step()) {
            states[position] = state_from_row(seek, 0);
        }
    }
    if (notes == Notes::read) {
        std::vector<core::ItemState*> seeked;
        for (const auto& entry : to_seek) {
            seeked.push_back(&states[entry.second]);
        }
        read_notes(db, seeked);
    }
}

} // namespace

std::vector<core::ItemState> states_as_of(Database& db, const core::Plan& plan, const Cutoff& cutoff, Notes notes)
{
    std::vector<std::pair<std::string_view, core::Date>> wanted;
    wanted.reserve(plan.items.size());
    for (const auto& item : plan.items) {
        wanted.emplace_back(item.id, cutoff.as_of);
    }
    std::vector<core::ItemState> states(wanted.size());
    fill_states(db, plan.id, wanted, cutoff.known_at, notes, states);
    return states;
}

void read_notes(Database& db, const std::vector<core::ItemState*>& states)
{
    FastStatement query(db.sql(), "SELECT note FROM updates WHERE update_id = ?");
    for (auto* state : states) {
        if (state->sequence == 0) {
            continue;
        }
        query.reset();
        query.bind(1, state->sequence);
        if (query.step()) {
            state->note = query.string(0);
        }
    }
}

core::ItemState state_as_of(Database& db, const std::string& plan_id, const std::string& item_id, const Cutoff& cutoff)
{
    FastStatement seek(db.sql(), "SELECT u.date, u.status, u.progress, u.update_id, u.note FROM updates u "
                                 "WHERE u.item_key = (SELECT item_key FROM items WHERE plan_id = ?1 AND "
                                 "item_id = ?2) AND u.date <= ?3 AND u.recorded_at <= ?4 "
                                 "ORDER BY u.date DESC, u.recorded_at DESC, u.update_id DESC LIMIT 1");
    const auto as_of = cutoff.as_of.to_string();
    seek.bind(1, plan_id);
    seek.bind(2, item_id);
    seek.bind(3, as_of);
    seek.bind(4, static_cast<std::int64_t>(cutoff.known_at.value_or(k_no_cutoff)));
    if (!seek.step()) {
        return {};
    }
    auto state = state_from_row(seek, 0);
    state.note = seek.string(4);
    return state;
}

struct UpdateWriter::Statements
{
    explicit Statements(SQLite::Database& database)
        : db(database), key(db, "SELECT item_key FROM items WHERE plan_id = ? AND item_id = ?"),
          latest(db, k_latest_sql),
          identical(db, "SELECT 1 FROM updates WHERE item_key = ? AND date = ? AND +status = ? AND progress = ? "
                        "AND note = ? AND reporter = ? LIMIT 1"),
          insert(db, insert_sql(1)),
          keep_latest(db, "INSERT INTO item_latest (plan_id, item_id, item_key, update_id, date, recorded_at, status, "
                          "progress, note, first_date) "
                          "SELECT plan_id, item_id, item_key, update_id, date, recorded_at, status, progress, note, "
                          "(SELECT min(date) FROM updates WHERE item_key = ?1) "
                          "FROM updates WHERE item_key = ?1 "
                          "ORDER BY date DESC, recorded_at DESC, update_id DESC LIMIT 1 "
                          "ON CONFLICT (plan_id, item_id) DO UPDATE SET item_key = excluded.item_key, "
                          "update_id = excluded.update_id, date = excluded.date, recorded_at = excluded.recorded_at, "
                          "status = excluded.status, progress = excluded.progress, note = excluded.note, "
                          "first_date = excluded.first_date")
    {}
    SQLite::Database& db;
    FastStatement key;
    FastStatement latest;
    FastStatement identical;
    FastStatement insert;
    // Prepared at the first full batch: preparing its 288 parameters was 40% of a `log`.
    std::optional<FastStatement> insert_batch;
    FastStatement keep_latest;

    // An INSERT of `rows` updates, 9 parameters each.
    static std::string insert_sql(int rows)
    {
        // update_id is left to SQLite (the largest + 1, which append() predicts): an explicit
        // one costs a seek in the table to check it is free.
        std::string sql = "INSERT INTO updates (item_key, date, status, progress, note, reporter, plan_id, "
                          "item_id, recorded_at) VALUES ";
        for (int i = 0; i < rows; ++i) {
            sql += i == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        }
        return sql;
    }
};

UpdateWriter::UpdateWriter(Database& db, std::string plan_id)
    : m_plan_id(std::move(plan_id)), m_statements(std::make_unique<Statements>(db.sql()))
{
    m_statements->key.bind(1, m_plan_id);
    m_pending.reserve(k_batch_rows);
}

UpdateWriter::~UpdateWriter() = default;

std::optional<std::int64_t> UpdateWriter::find_key(const std::string& item_id)
{
    // Returns come item by item (or month by month): most rows name the item of the row before.
    if (m_last_key != 0 && item_id == m_last_item) {
        return m_last_key;
    }
    std::int64_t key = 0;
    if (const auto found = m_keys.find(item_id); found != m_keys.end()) {
        key = found->second;
    } else {
        auto& query = m_statements->key;
        query.reset();
        query.bind(2, item_id);
        if (!query.step()) {
            return std::nullopt;
        }
        key = query.integer(0);
        m_keys.emplace(item_id, key);
    }
    m_last_item = item_id;
    m_last_key = key;
    return key;
}

std::int64_t UpdateWriter::key_of(const std::string& item_id)
{
    const auto key = find_key(item_id);
    if (!key) {
        throw Error(fmt::format("no item '{}' in plan '{}'", item_id, m_plan_id));
    }
    return *key;
}

core::ItemState UpdateWriter::state_as_of(const std::string& item_id, core::Date date)
{
    flush();
    const auto key = key_of(item_id);
    auto& seek = m_statements->latest;
    seek.reset();
    m_bound_date = date.to_string();
    seek.bind(1, key);
    seek.bind(2, m_bound_date);
    seek.bind(3, static_cast<std::int64_t>(k_no_cutoff));
    return seek.step() ? state_from_row(seek, 0) : core::ItemState{};
}

namespace {

constexpr std::size_t k_filter_bits = std::size_t{1} << 23; // 1 MiB: ~3% false positives at 1M rows

// The filter's three bits for an item and date, from one hash (splitmix64's finaliser) by
// double hashing.
std::array<std::size_t, 3> filter_bits(std::int64_t key, core::Date date)
{
    std::uint64_t z = (static_cast<std::uint64_t>(key) << 24) ^ static_cast<std::uint64_t>(date.days());
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    const auto first = z & 0xffffffffULL;
    const auto step = (z >> 32) | 1;
    return {static_cast<std::size_t>(first % k_filter_bits), static_cast<std::size_t>((first + step) % k_filter_bits),
            static_cast<std::size_t>((first + 2 * step) % k_filter_bits)};
}

} // namespace

bool UpdateWriter::might_exist(const core::Update& update, std::int64_t key)
{
    if (m_appended_unfiltered) {
        return true;
    }
    if (!m_latest_loaded) {
        FastStatement query(m_statements->db, "SELECT item_key, date FROM item_latest WHERE plan_id = ?");
        query.bind(1, m_plan_id);
        while (query.step()) {
            m_latest_before.emplace(query.integer(0), *core::Date::parse(query.text(1)));
        }
        m_appended_filter.assign(k_filter_bits / 64, 0);
        m_latest_loaded = true;
    }
    const auto before = m_latest_before.find(key);
    if (before != m_latest_before.end() && update.date <= before->second) {
        return true;
    }
    for (const auto bit : filter_bits(key, update.date)) {
        if ((m_appended_filter[bit / 64] & (std::uint64_t{1} << (bit % 64))) == 0) {
            return false;
        }
    }
    return true;
}

bool UpdateWriter::has_identical(const core::Update& update)
{
    const auto found = find_key(update.item_id);
    if (!found || !might_exist(update, *found)) {
        return false; // an item the plan does not hold has no updates
    }
    const auto key = *found;
    // What is pending is compared here; the database holds the rest (a flush would break up the
    // batch for each of the ~3% of rows the filter cannot rule out).
    const auto same = [&](const Pending& row) {
        const auto& u = row.update;
        return u.item_id == update.item_id && u.date == update.date && u.status == update.status &&
               u.progress == update.progress && u.note == update.note && u.by == update.by;
    };
    if (std::any_of(m_pending.begin(), m_pending.end(), same)) {
        return true;
    }
    // Texts are bound without copies (a copy of each was an eighth of the cost of import).
    auto& query = m_statements->identical;
    query.reset();
    m_bound_date = update.date.to_string();
    query.bind(1, key);
    query.bind(2, m_bound_date);
    query.bind(3, to_string(update.status)); // a literal: lives as long as the program
    query.bind(4, update.progress);
    query.bind(5, update.note);
    query.bind(6, update.by);
    return query.step();
}

std::int64_t UpdateWriter::append(core::Update update)
{
    if (m_next_sequence == 0) {
        // The write transaction is held: nobody else appends until it ends.
        SQLite::Statement next(m_statements->db, "SELECT coalesce(max(update_id), 0) + 1 FROM updates");
        next.executeStep();
        m_next_sequence = next.getColumn(0).getInt64();
    }
    const auto key = key_of(update.item_id);
    m_touched.insert(key);
    if (!m_latest_loaded) {
        m_appended_unfiltered = true; // appended before the filter existed: always ask the database
    } else {
        for (const auto bit : filter_bits(key, update.date)) {
            m_appended_filter[bit / 64] |= std::uint64_t{1} << (bit % 64);
        }
    }
    update.sequence = m_next_sequence++;
    const auto sequence = update.sequence;
    auto date = update.date.to_string();
    m_pending.push_back({std::move(update), key, std::move(date)});
    if (m_pending.size() == static_cast<std::size_t>(k_batch_rows)) {
        flush();
    }
    return sequence;
}

void UpdateWriter::flush()
{
    auto bind = [](FastStatement& statement, int first, const Pending& row, const std::string& plan_id) {
        const auto& u = row.update;
        statement.bind(first, row.key);
        statement.bind(first + 1, row.date);
        statement.bind(first + 2, to_string(u.status)); // a literal: lives as long as the program
        statement.bind(first + 3, u.progress);
        statement.bind(first + 4, u.note);
        statement.bind(first + 5, u.by);
        statement.bind(first + 6, plan_id);
        statement.bind(first + 7, u.item_id);
        statement.bind(first + 8, static_cast<std::int64_t>(u.recorded_at));
    };
    if (m_pending.empty()) {
        return;
    }
    if (m_pending.size() == static_cast<std::size_t>(k_batch_rows)) {
        if (!m_statements->insert_batch) {
            m_statements->insert_batch.emplace(m_statements->db, Statements::insert_sql(k_batch_rows));
        }
        auto& insert = *m_statements->insert_batch;
        insert.reset();
        for (std::size_t i = 0; i < m_pending.size(); ++i) {
            bind(insert, static_cast<int>(i) * 9 + 1, m_pending[i], m_plan_id);
        }
        insert.run();
    } else {
        auto& insert = m_statements->insert;
        for (const auto& row : m_pending) {
            insert.reset();
            bind(insert, 1, row, m_plan_id);
            insert.run();
        }
    }
    // The sequences append() returned are the ones SQLite gave; were they not, every tie
    // between updates would be broken wrongly, so stop rather than commit.
    if (m_statements->db.getLastInsertRowid() != m_pending.back().update.sequence) {
        throw Error(fmt::format("updates were numbered {} where {} was expected; nothing was recorded",
                                m_statements->db.getLastInsertRowid(), m_pending.back().update.sequence));
    }
    m_pending.clear();
}

void UpdateWriter::finish()
{
    flush();
    auto& keep = m_statements->keep_latest;
    for (const auto key : m_touched) {
        keep.reset();
        keep.bind(1, key);
        keep.run();
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
    FastStatement query(db.sql(), "SELECT item_id, date, status, progress, note, reporter, recorded_at, update_id "
                                  "FROM updates WHERE item_key = (SELECT item_key FROM items WHERE plan_id = ?1 "
                                  "AND item_id = ?2) AND recorded_at <= ?3 ORDER BY date, recorded_at, update_id");
    query.bind(1, plan_id);
    query.bind(2, item_id);
    query.bind(3, static_cast<std::int64_t>(known_at.value_or(k_no_cutoff)));
    std::vector<core::Update> updates;
    while (query.step()) {
        updates.push_back(update_from_row(query));
    }
    return updates;
}

void for_each_update(Database& db, const std::string& plan_id, const std::function<void(const core::Update&)>& visit)
{
    FastStatement query(db.sql(), "SELECT item_id, date, status, progress, note, reporter, recorded_at, update_id "
                                  "FROM updates WHERE plan_id = ? ORDER BY update_id");
    query.bind(1, plan_id);
    while (query.step()) {
        visit(update_from_row(query));
    }
}

std::map<std::string, core::Date> first_done_dates(Database& db, const std::string& plan_id, const Cutoff& cutoff)
{
    // One pass over the small index of done updates. (Left to itself SQLite walks the whole
    // updates index instead, for its order: 1.6 billion instructions for a city-scale report.)
    SQLite::Statement query(db.sql(),
                            "SELECT i.item_id, d.first FROM items i JOIN (SELECT item_key, min(date) AS first "
                            "FROM updates INDEXED BY updates_done WHERE status = 'done' AND date <= ?2 "
                            "AND recorded_at <= ?3 GROUP BY item_key) d ON d.item_key = i.item_key "
                            "WHERE i.plan_id = ?1");
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
    // A range of the index per item: only the period's updates are read.
    SQLite::Statement query(db.sql(),
                            "SELECT i.item_id, count(*) FROM items i JOIN updates u ON u.item_key = i.item_key "
                            "WHERE i.plan_id = ?1 AND u.date BETWEEN ?2 AND ?3 AND u.recorded_at <= ?4 "
                            "GROUP BY i.item_id"); // the order items are read in: no temporary B-tree
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
    const std::vector<std::pair<std::string_view, core::Date>> wanted(item_dates.begin(), item_dates.end());
    std::vector<core::ItemState> states(wanted.size());
    fill_states(db, plan_id, wanted, known_at, Notes::skip, states);
    return states;
}

void for_each_update_date(
    Database& db, const std::string& plan_id, core::Date from, core::Date to, std::optional<core::Timestamp> known_at,
    const std::function<void(const std::string& item, core::Date date, core::Timestamp recorded_at)>& visit)
{
    FastStatement query(
        db.sql(), "SELECT i.item_id, u.date, u.recorded_at FROM items i JOIN updates u ON u.item_key = i.item_key "
                  "WHERE i.plan_id = ?1 AND u.date BETWEEN ?2 AND ?3 AND u.recorded_at <= ?4");
    const auto first = from.to_string();
    const auto last = to.to_string();
    query.bind(1, plan_id);
    query.bind(2, first);
    query.bind(3, last);
    query.bind(4, static_cast<std::int64_t>(known_at.value_or(k_no_cutoff)));
    std::string item;
    while (query.step()) {
        item = query.text(0);
        visit(item, *core::Date::parse(query.text(1)), query.integer(2));
    }
}

} // namespace plantrack::store
