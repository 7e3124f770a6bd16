// libFuzzer target: the xlsx reader (util::XlsxReader over libzip and expat). Any bytes are
// opened as a workbook from memory and every row of every sheet is read, with limits small
// enough that a bomb is refused quickly; the typed-input parsers read every cell. Refusals are
// plantrack::Error; anything else (a crash, a sanitizer report, another exception) is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "plantrack/core/typed_input.hpp"
#include "plantrack/util/error.hpp"
#include "plantrack/util/xlsx_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace util = plantrack::util;
    util::XlsxLimits limits;
    limits.max_part_bytes = 4 * 1024 * 1024;
    limits.max_total_bytes = 16 * 1024 * 1024;
    limits.max_shared_strings = 100'000;
    try {
        const auto reader =
            util::XlsxReader::open_memory(std::string(reinterpret_cast<const char*>(data), size), "fuzz.xlsx", limits);
        for (const auto& sheet : reader->sheets()) {
            try {
                auto rows = reader->rows(sheet.name);
                while (auto row = rows.next()) {
                    for (std::size_t i = 0; i < row->cells.size(); ++i) {
                        const auto& cell = row->cells[i];
                        (void)util::cell_reference(row->number, i);
                        (void)plantrack::core::parse_typed_date(cell);
                        (void)plantrack::core::parse_typed_status(cell);
                        (void)plantrack::core::parse_typed_progress(cell);
                        (void)plantrack::core::canonical_column(cell);
                    }
                }
            } catch (const plantrack::Error&) {
                // A refused sheet: the next one is still read.
            }
        }
    } catch (const plantrack::Error&) {
        // A refused workbook.
    }
    return 0;
}
