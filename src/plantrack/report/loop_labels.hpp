#pragma once

#include <string_view>

namespace plantrack::report {

// The words of the departments' loop (owed, dispatch, the ledger) in one language; the general
// words (id, title, status …) are in Labels.
struct LoopLabels
{
    std::string_view owed_heading; // "{period} ({first} to {last}): {items} items of {owners} owners owe a return"
    std::string_view nothing_owed; // "{period}: every open item has an update dated in the period."
    std::string_view previous_status, previous_progress, return_sheet, return_title, return_instructions, items_sheet,
        updates_sheet, indicators_sheet, overdue_sheet, owed_sheet, ledger_title, reading_period;
};

// "zh" or "en" (anything else reads as zh).
const LoopLabels& loop_labels_for(std::string_view language);

} // namespace plantrack::report
