#pragma once

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <optional>
#include <string>
#include <vector>

#include "plantrack/core/model.hpp"
#include "plantrack/core/state.hpp"
#include "plantrack/store/database.hpp"

namespace plantrack::store {

// Which updates count: those dated on or before `as_of`, and recorded at or before `known_at`
// when it is set (--known-at).
struct Cutoff
{
    core::Date as_of;
    std::optional<core::Timestamp> known_at;
};

// Whether states carry the note of the update they come from. A note is read from the update
// itself, where the rest of a state is in the index: reviews of 20,000 items skip them.
enum class Notes { read, skip };

// The state of every item of `plan` (in the order of plan.items) as of the cutoff.
std::vector<core::ItemState> states_as_of(Database& db, const core::Plan& plan, const Cutoff& cutoff,
                                          Notes notes = Notes::read);

// Fills in the note of each state from the update it comes from (its `sequence`).
void read_notes(Database& db, const std::vector<core::ItemState*>& states);

// The state of one item as of the cutoff.
core::ItemState state_as_of(Database& db, const std::string& plan_id, const std::string& item_id, const Cutoff& cutoff);

// Reads and appends one plan's updates inside the caller's write transaction, with its
// statements prepared once: an import of a million rows prepares three statements, not three
// million (preparing dominated the cost of import before).
class UpdateWriter
{
public:
    UpdateWriter(Database& db, std::string plan_id);
    ~UpdateWriter();
    UpdateWriter(const UpdateWriter&) = delete;
    UpdateWriter& operator=(const UpdateWriter&) = delete;

    // The item's state as of `date`, counting everything recorded so far (this transaction too).
    core::ItemState state_as_of(const std::string& item_id, core::Date date);

    // True if an update identical in item, date, status, progress, note and reporter is recorded.
    bool has_identical(const core::Update& update);

    // Appends one update. Returns its sequence number. Updates are written in batches (one
    // statement for many rows costs less than a statement per row); everything this writer
    // reads sees them all, and finish() writes the last batch.
    std::int64_t append(core::Update update);

    // Writes what is pending and brings the latest-update table up to date for every item
    // appended to. Call once, before the transaction commits.
    void finish();

private:
    // Writes the appended updates not yet written.
    void flush();

    // The item's key in the database, if the plan holds it.
    std::optional<std::int64_t> find_key(const std::string& item_id);
    // The same, or plantrack::Error if the plan has no such item.
    std::int64_t key_of(const std::string& item_id);

    // Whether an identical update could exist, answered without a query for the common case of
    // new returns: dated after everything the item had before this writer, and not among what
    // this writer appended (a Bloom filter of item and date: no false negatives).
    bool might_exist(const core::Update& update, std::int64_t key);

    struct Statements;
    // An appended update not yet written, with what its statement binds.
    struct Pending
    {
        core::Update update;
        std::int64_t key = 0;
        std::string date;
    };
    std::string m_plan_id;
    std::string m_bound_date; // the date text a seek or duplicate check binds, until it runs again
    std::vector<Pending> m_pending;
    std::int64_t m_next_sequence = 0; // 0 until read from the database
    std::unordered_map<std::string, std::int64_t> m_keys;
    std::string m_last_item; // the item key_of() answered last, and its key (0: none yet)
    std::int64_t m_last_key = 0;
    std::unordered_set<std::int64_t> m_touched;                   // keys of the items appended to
    std::unordered_map<std::int64_t, core::Date> m_latest_before; // by item key
    bool m_latest_loaded = false;
    bool m_appended_unfiltered = false;
    std::vector<std::uint64_t> m_appended_filter;
    std::unique_ptr<Statements> m_statements;
};

// One-off forms of UpdateWriter's operations (the caller holds the write transaction).
std::int64_t append_update(Database& db, const std::string& plan_id, const core::Update& update);
bool has_identical_update(Database& db, const std::string& plan_id, const core::Update& update);

// Every update of an item, oldest first (by date, recording time, insertion order).
std::vector<core::Update> history(Database& db, const std::string& plan_id, const std::string& item_id,
                                  std::optional<core::Timestamp> known_at = std::nullopt);

// Every update of the plan, in the order of `history`, item by item (plan order not implied).
void for_each_update(Database& db, const std::string& plan_id, const std::function<void(const core::Update&)>& visit);

// For each item with a `done` update dated on or before the cutoff: the date of the first.
std::map<std::string, core::Date> first_done_dates(Database& db, const std::string& plan_id, const Cutoff& cutoff);

// Number of updates per item dated within [from, to] (and known by the cutoff's known_at).
std::map<std::string, int> update_counts(Database& db, const std::string& plan_id, core::Date from, core::Date to,
                                         std::optional<core::Timestamp> known_at);

// An indicator reading: a value for a period, append-only; the latest recorded for a period wins.
struct Reading
{
    std::string indicator_id;
    core::Period period;
    double value = 0;
    std::string note;
    std::string by;
    core::Timestamp recorded_at = 0;
};

void append_reading(Database& db, const std::string& plan_id, const Reading& reading);

// All readings of a plan's indicators recorded by `known_at` (all when unset), oldest recorded
// first within each indicator and period.
std::vector<Reading> readings(Database& db, const std::string& plan_id, std::optional<core::Timestamp> known_at);

} // namespace plantrack::store

namespace plantrack::store {

// The state of each listed item as of its own date (e.g. each item's due date), in order,
// without notes.
std::vector<core::ItemState> states_at(Database& db, const std::string& plan_id,
                                       const std::vector<std::pair<std::string, core::Date>>& item_dates,
                                       std::optional<core::Timestamp> known_at);

// Every (item, date, recorded time) of the updates dated within [from, to] and known by `known_at`.
void for_each_update_date(
    Database& db, const std::string& plan_id, core::Date from, core::Date to, std::optional<core::Timestamp> known_at,
    const std::function<void(const std::string& item, core::Date date, core::Timestamp recorded_at)>& visit);

} // namespace plantrack::store
