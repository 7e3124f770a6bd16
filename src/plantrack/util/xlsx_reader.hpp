#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

// Reads the cells of an .xlsx workbook (Office Open XML spreadsheet) with libzip for the
// container and expat for the XML; it knows nothing of plans. Hostile files are refused with
// plantrack::Error, never crash it: a ZIP bomb (a limit on the uncompressed size and ratio), XML
// with a document type declaration (so no entity expansion and no external entities), missing
// parts, row or column numbers beyond a sheet's limits.
namespace plantrack::util {

// How much a workbook may hold.
struct XlsxLimits
{
    std::uint64_t max_part_bytes = 1024ULL * 1024 * 1024;  // one part (a sheet's XML), uncompressed
    std::uint64_t max_total_bytes = 2048ULL * 1024 * 1024; // all parts read, uncompressed
    // A part may expand to this many times its compressed size (real sheets: 5–30) once it is
    // larger than 1 MiB; beyond that it is a bomb.
    std::uint64_t max_ratio = 200;
    std::size_t max_shared_strings = 4'000'000;
    std::size_t max_cell_bytes = 64 * 1024;
    std::size_t max_columns = 1024; // columns read per row (a filled cell beyond is a row problem)
};

// One row of a sheet: its 1-based row number and its cells' values as text, from column A to the
// last filled one (empty cells are ""). A date cell (a number in a date format) reads as
// YYYY-MM-DD; a number as its shortest decimal text; a formula as its cached value.
struct XlsxRow
{
    int number = 0;
    std::vector<std::string> cells;
    std::string problem; // a cell of this row that could not be read
};

struct XlsxSheet
{
    std::string name;
    bool hidden = false;
};

// "B3" for column index 1 (0-based) of row 3.
std::string cell_reference(int row, std::size_t column);

class XlsxReader
{
public:
    // Opens the workbook at `path` (or held in `bytes`, for tests and fuzzing) and reads its list
    // of sheets, shared strings and styles. Throws plantrack::Error naming `name`.
    static std::unique_ptr<XlsxReader> open_file(const std::string& path, XlsxLimits limits = {});
    static std::unique_ptr<XlsxReader> open_memory(std::string bytes, const std::string& name, XlsxLimits limits = {});
    ~XlsxReader();
    XlsxReader(const XlsxReader&) = delete;
    XlsxReader& operator=(const XlsxReader&) = delete;

    const std::vector<XlsxSheet>& sheets() const;

    // The rows of a sheet, read a part at a time (constant memory however long the sheet is).
    class Rows
    {
    public:
        ~Rows();
        Rows(Rows&&) noexcept;
        // The next row that has any cell, or nullopt at the end. Throws plantrack::Error for a
        // sheet that is not well-formed XML, exceeds the limits, or is cut short.
        std::optional<XlsxRow> next();

    private:
        friend class XlsxReader;
        struct State;
        explicit Rows(std::unique_ptr<State> state);
        std::unique_ptr<State> m_state;
    };
    Rows rows(const std::string& sheet) const;

    struct Impl;

private:
    explicit XlsxReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace plantrack::util
