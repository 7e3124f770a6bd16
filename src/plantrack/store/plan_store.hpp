#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plantrack/core/model.hpp"
#include "plantrack/store/database.hpp"

namespace plantrack::store {

// One recorded difference between the stored plan and a loaded file.
struct PlanChange
{
    std::string entity; // plan | owner | area | goal | indicator | item
    std::string entity_id;
    std::string change; // added | changed | withdrawn | restored
    std::string field;  // for "changed"
    std::string old_value;
    std::string new_value;
};

// What loading a plan file did.
struct RevisionResult
{
    std::string plan_id;
    bool created = false;            // the plan was new
    int revision = 0;                // the plan's revision after the load
    std::vector<PlanChange> changes; // empty when the file matched the stored plan
};

// Creates the plan, or records the differences as a new revision: new entities are added,
// changed fields recorded, entities missing from the file withdrawn (kept with their history).
// Loading an unchanged file records nothing. Runs in one transaction.
RevisionResult apply_plan(Database& db, const core::Plan& plan, const std::string& source, core::Timestamp now);

// The ids of the plans in the database.
std::vector<std::string> plan_ids(Database& db);

// The plan a command works on: `requested`, or the only plan in the database.
std::string resolve_plan_id(Database& db, const std::optional<std::string>& requested);

// The current revision of a plan, or with `known_at` the revision in force then (revisions
// loaded later are undone; a time before the plan was first loaded is refused). Withdrawn items
// are included (marked) only when asked.
core::Plan read_plan(Database& db, const std::string& plan_id, bool include_withdrawn = false,
                     std::optional<core::Timestamp> known_at = std::nullopt);

// The plan's header and review settings only (no owners, areas, goals or items): for commands
// that touch one item, so they stay fast however large the plan is. `known_at` as for read_plan.
core::Plan read_plan_header(Database& db, const std::string& plan_id,
                            std::optional<core::Timestamp> known_at = std::nullopt);

// One item of the plan (withdrawn ones too) as of `known_at` as for read_plan, or nullopt.
std::optional<core::Item> read_item(Database& db, const std::string& plan_id, const std::string& item_id,
                                    std::optional<core::Timestamp> known_at = std::nullopt);

// The ids of the plan's current items (for suggestions).
std::vector<std::string> read_item_ids(Database& db, const std::string& plan_id);

// The revisions of a plan, newest last: (revision, loaded_at, source).
struct RevisionInfo
{
    int revision = 0;
    core::Timestamp loaded_at = 0;
    std::string source;
    int added = 0;
    int changed = 0;
    int withdrawn = 0;
};
std::vector<RevisionInfo> revisions(Database& db, const std::string& plan_id);

} // namespace plantrack::store
