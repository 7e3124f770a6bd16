#pragma once

#include <memory>
#include <string>
#include <vector>

// Writes .xlsx workbooks through libxlsxwriter; it knows nothing of plans. The workbook is
// written to a temporary file beside its path and renamed into place by save(), so a failed
// write never leaves a half-written workbook under the name.
namespace plantrack::util {

// How a cell looks. `fill` is "#RRGGBB" or empty; `number_format` an Excel format code.
struct XlsxStyle
{
    bool bold = false;
    bool locked = true; // on a protected sheet, a locked cell cannot be edited
    bool wrap = false;
    bool border = false;
    std::string fill;
    std::string number_format;
};

class XlsxWriter
{
public:
    explicit XlsxWriter(std::string path);
    ~XlsxWriter();
    XlsxWriter(const XlsxWriter&) = delete;
    XlsxWriter& operator=(const XlsxWriter&) = delete;

    // A style usable in every sheet of this workbook.
    int add_style(const XlsxStyle& style);

    class Sheet
    {
    public:
        void text(int row, int column, const std::string& value, int style = -1);
        void number(int row, int column, double value, int style = -1);
        // A date cell (a serial number; give it a style with a date number format).
        void date(int row, int column, int year, unsigned month, unsigned day, int style);
        // An empty cell with a style (an unlocked cell to fill in, say).
        void blank(int row, int column, int style);
        void column_width(int first, int last, double width, int style = -1);
        // A drop-down of `choices` over a range; other values are refused by the spreadsheet.
        void choice_list(int first_row, int column, int last_row, const std::vector<std::string>& choices,
                         const std::string& title, const std::string& message);
        // Whole numbers from `minimum` to `maximum` over a range.
        void whole_numbers(int first_row, int column, int last_row, int minimum, int maximum, const std::string& title,
                           const std::string& message);
        void freeze(int rows, int columns);
        void filter(int first_row, int first_column, int last_row, int last_column);
        // Locks the locked cells (no password: it guards against slips, not people).
        void protect();
        void hide();

    private:
        friend class XlsxWriter;
        Sheet(XlsxWriter& owner, void* worksheet) : m_owner(owner), m_worksheet(worksheet) {}
        XlsxWriter& m_owner;
        void* m_worksheet;
    };

    // A new sheet; sheet names are at most 31 characters (longer ones are cut).
    Sheet& add_sheet(const std::string& name);

    // Writes the workbook beside its path (write) and renames it into place (commit), so that
    // several workbooks can be written first and put in place together. save() does both.
    // Throw plantrack::Error on failure.
    void write();
    void commit();
    void save()
    {
        write();
        commit();
    }

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace plantrack::util
