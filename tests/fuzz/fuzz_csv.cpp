// libFuzzer target: CSV import parsing. Every record is read with util::CsvReader (stream) and
// util::parse_csv (string), and each row goes through the import checks that need no database:
// UTF-8, cell count, date, status, progress, note and reporter, carry-over and the plan rules;
// and the encoding guesses and util::neutralise (all output goes through it) on the raw bytes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "plantrack/core/state.hpp"
#include "plantrack/core/status.hpp"
#include "plantrack/plan/plan_file.hpp"
#include "plantrack/util/csv.hpp"
#include "plantrack/util/encoding.hpp"
#include "plantrack/util/text.hpp"

namespace {

constexpr std::string_view k_plan = R"(format: 1
plan:
  id: small
  title: Small
  period: {start: 2024-01-01, end: 2025-12-31}
owners:
  - {name: Roads Office}
areas:
  - id: A1
    title: Roads
    tasks:
      - id: "1"
        title: Resurface
        lead: Roads Office
        due: 2024-12-31
        milestones:
          - {id: "1.1", title: Survey, due: 2024-03-31}
          - {id: "1.2", title: Lay, due: 2024-10-31}
      - {id: "13", title: Thirteen, lead: Roads Office, due: 2025-06-30}
)";

const plantrack::core::Plan& fuzz_plan()
{
    static const plantrack::core::Plan plan = [] {
        auto parsed = plantrack::plan::parse_plan(k_plan, "fuzz-plan.yaml");
        if (!parsed.ok()) {
            __builtin_trap();
        }
        return parsed.plan;
    }();
    return plan;
}

std::string at(const plantrack::util::CsvRecord& record, std::size_t index)
{
    return index < record.cells.size() ? record.cells[index] : std::string();
}

// The checks of cli::complete_update that need no database (the item's state is "not started").
void check_row(const plantrack::util::CsvRecord& record)
{
    namespace core = plantrack::core;
    namespace util = plantrack::util;
    const auto& plan = fuzz_plan();
    for (const auto& text : record.cells) {
        (void)util::is_valid_utf8(text);
        (void)util::csv_cell(text);
        (void)util::csv_cell(text, false);
        (void)util::display_width(text);
        (void)util::truncate_to_width(text, 12);
    }
    if (!record.problem.empty() || record.cells.size() != 6) {
        return;
    }
    const auto item_id = at(record, 0);
    const auto* item = plan.find_item(item_id);
    if (item == nullptr) {
        (void)util::did_you_mean(item_id, plan.item_ids());
        return;
    }
    const auto date = core::Date::parse(at(record, 1));
    std::optional<core::Status> status;
    if (!at(record, 2).empty()) {
        status = core::parse_status(at(record, 2));
        if (!status) {
            (void)util::did_you_mean(at(record, 2), core::status_names());
            return;
        }
    }
    std::optional<int> progress;
    if (!at(record, 3).empty()) {
        const auto value = util::parse_integer(at(record, 3), 0, 100);
        if (!value) {
            return;
        }
        progress = static_cast<int>(*value);
    }
    if (core::reason_to_refuse_text("the note", at(record, 4), 4000) ||
        core::reason_to_refuse_text("the reporter", at(record, 5), 200) || !date) {
        return;
    }
    auto carried = core::carry_over(core::ItemState{}, status, progress);
    if (const auto* values = std::get_if<core::StatusAndProgress>(&carried)) {
        core::Update update;
        update.item_id = item->id;
        update.date = *date;
        update.status = values->status;
        update.progress = values->progress;
        update.note = at(record, 4);
        update.by = at(record, 5);
        (void)core::reason_to_refuse(plan, update);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (!plantrack::util::is_valid_utf8(text)) {
        (void)plantrack::util::guess_encoding(text);
    }
    (void)plantrack::util::starts_as_utf8(text);
    // Whatever the bytes, what emit() shows is valid UTF-8 without a control but line feed and tab.
    plantrack::util::Neutralised changes;
    const auto shown = plantrack::util::neutralise(text, changes);
    if (!plantrack::util::is_valid_utf8(shown) || plantrack::util::find_bidi_control(shown) ||
        shown.find('\x1b') != std::string::npos) {
        __builtin_trap();
    }
    std::istringstream in(text);
    plantrack::util::CsvReader reader(in);
    std::size_t streamed = 0;
    while (auto record = reader.next()) {
        check_row(*record);
        ++streamed;
    }
    // The stream reader and the whole-text reader must agree on the records.
    const auto records = plantrack::util::parse_csv(text);
    if (records.size() != streamed) {
        __builtin_trap();
    }
    return 0;
}
