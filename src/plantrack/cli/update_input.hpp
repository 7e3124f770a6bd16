#pragma once

#include <optional>
#include <string>
#include <variant>

#include "plantrack/core/model.hpp"
#include "plantrack/core/typed_input.hpp"
#include "plantrack/core/state.hpp"
#include "plantrack/store/update_store.hpp"

namespace plantrack::cli {

// An update as typed by a person (log) or read from a CSV row (import): raw text, unchecked.
struct UpdateInput
{
    std::string item;
    std::string date;     // empty: today (log only)
    std::string status;   // empty: carried over
    std::string progress; // empty: carried over
    std::string note;
    std::string by; // empty: the login name
};

// Why an update is refused, and the column of the input at fault ("item", "date", "status",
// "progress", "note" or "by"), so that an import can point at the cell.
struct Refusal
{
    std::string message;
    std::string column;
};

// Checks an update against the plan and the rules of SPEC (unknown item, malformed or
// out-of-range values, a reason for at-risk and delayed, done means 100), completes it
// (carry-over, default date and reporter) and returns it, or the reason it is refused. Values
// are read as people type them (core/typed_input: `正常推进`, `60%`, `2024/10/31`).
// Reads the item's state through `writer` as of the update's date, only when something carries over.
// `item` is the item input.item names, or null when the plan has none (then the refusal suggests
// the nearest of plan.items' ids; a plan read without items gives no suggestion).
std::variant<core::Update, Refusal> complete_update(store::UpdateWriter& writer, const core::Plan& plan,
                                                    const core::Item* item, const UpdateInput& input, core::Date today,
                                                    const std::string& login, core::Timestamp now);

// "unknown item 'X', did you mean 'Y'?" (or "the item id is empty").
std::string unknown_item(const std::string& id, const std::vector<std::string>& known_ids);

} // namespace plantrack::cli
