#include "plantrack/util/xlsx_writer.hpp"

#include <cstdio>
#include <deque>
#include <filesystem>
#include <unistd.h>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "plantrack/util/error.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::util {

namespace {

lxw_worksheet* sheet_of(void* worksheet)
{
    return static_cast<lxw_worksheet*>(worksheet);
}

lxw_row_t row_of(int row)
{
    return static_cast<lxw_row_t>(row);
}

lxw_col_t column_of(int column)
{
    return static_cast<lxw_col_t>(column);
}

} // namespace

struct XlsxWriter::Impl
{
    std::string path;
    std::string temporary;
    lxw_workbook* workbook = nullptr;
    std::vector<lxw_format*> formats;
    std::deque<Sheet> sheets;
    // Kept alive until the workbook is written: libxlsxwriter holds pointers to them.
    std::deque<std::vector<std::string>> choice_texts;
    std::deque<std::vector<const char*>> choice_pointers;
    std::deque<std::string> messages;
    bool saved = false;
    std::string error;

    void check(lxw_error code, std::string_view what)
    {
        if (code != LXW_NO_ERROR && error.empty()) {
            error = fmt::format("{}: {}", what, lxw_strerror(code));
        }
    }
    lxw_format* format(int style) const
    {
        return style >= 0 && static_cast<std::size_t>(style) < formats.size() ? formats[static_cast<std::size_t>(style)]
                                                                              : nullptr;
    }
    char* keep(const std::string& text)
    {
        messages.push_back(text);
        return messages.back().data();
    }
    // Applies a data validation to rows first..last of one column, with the same title and
    // message on the input hint and on the refusal.
    void validate(lxw_worksheet* sheet, int first_row, int column, int last_row, lxw_data_validation& validation,
                  const std::string& title, const std::string& message, std::string_view what);
};

XlsxWriter::XlsxWriter(std::string path) : m_impl(std::make_unique<Impl>())
{
    m_impl->path = std::move(path);
    const auto target = std::filesystem::path(m_impl->path);
    std::error_code ec;
    const auto folder = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
    if (!std::filesystem::is_directory(folder, ec)) {
        throw Error(fmt::format("cannot write '{}': there is no folder '{}'", m_impl->path, folder.string()));
    }
    m_impl->temporary =
        (target.parent_path() / fmt::format(".{}.{}.tmp", target.filename().string(), getpid())).string();
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = nullptr;
    options.use_zip64 = LXW_FALSE;
    m_impl->workbook = workbook_new_opt(m_impl->temporary.c_str(), &options);
    if (m_impl->workbook == nullptr) {
        throw Error(fmt::format("cannot create a workbook at '{}'", m_impl->path));
    }
}

XlsxWriter::~XlsxWriter()
{
    if (m_impl->saved) {
        return;
    }
    if (m_impl->workbook != nullptr) {
        // workbook_close writes the file (and frees the workbook): let it, then remove it.
        workbook_close(m_impl->workbook);
    }
    std::remove(m_impl->temporary.c_str());
}

int XlsxWriter::add_style(const XlsxStyle& style)
{
    lxw_format* format = workbook_add_format(m_impl->workbook);
    if (style.bold) {
        format_set_bold(format);
    }
    if (!style.locked) {
        format_set_unlocked(format);
    }
    if (style.wrap) {
        format_set_text_wrap(format);
        format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    }
    if (style.border) {
        format_set_border(format, LXW_BORDER_THIN);
    }
    if (style.fill.size() == 7 && style.fill[0] == '#') {
        format_set_pattern(format, LXW_PATTERN_SOLID);
        format_set_bg_color(format, static_cast<lxw_color_t>(std::stoul(style.fill.substr(1), nullptr, 16)));
    }
    if (!style.number_format.empty()) {
        format_set_num_format(format, style.number_format.c_str());
    }
    m_impl->formats.push_back(format);
    return static_cast<int>(m_impl->formats.size() - 1);
}

XlsxWriter::Sheet& XlsxWriter::add_sheet(const std::string& name)
{
    const auto shown = shorten(name, 31);
    // shorten() ends a cut name in "…"; a sheet name is cut plainly.
    auto sheet_name = shown.size() < name.size() && shown.ends_with("…") ? shown.substr(0, shown.size() - 3) : shown;
    lxw_worksheet* worksheet = workbook_add_worksheet(m_impl->workbook, sheet_name.c_str());
    if (worksheet == nullptr) {
        throw Error(fmt::format("cannot add sheet '{}' to '{}'", name, m_impl->path));
    }
    m_impl->sheets.push_back(Sheet(*this, worksheet));
    return m_impl->sheets.back();
}

void XlsxWriter::Sheet::text(int row, int column, const std::string& value, int style)
{
    // A string cell, never a formula, whatever the text starts with.
    m_owner.m_impl->check(worksheet_write_string(sheet_of(m_worksheet), row_of(row), column_of(column), value.c_str(),
                                                 m_owner.m_impl->format(style)),
                          "writing a cell");
}

void XlsxWriter::Sheet::number(int row, int column, double value, int style)
{
    m_owner.m_impl->check(worksheet_write_number(sheet_of(m_worksheet), row_of(row), column_of(column), value,
                                                 m_owner.m_impl->format(style)),
                          "writing a cell");
}

void XlsxWriter::Sheet::date(int row, int column, int year, unsigned month, unsigned day, int style)
{
    lxw_datetime datetime{year, static_cast<int>(month), static_cast<int>(day), 0, 0, 0.0};
    m_owner.m_impl->check(worksheet_write_datetime(sheet_of(m_worksheet), row_of(row), column_of(column), &datetime,
                                                   m_owner.m_impl->format(style)),
                          "writing a date cell");
}

void XlsxWriter::Sheet::blank(int row, int column, int style)
{
    m_owner.m_impl->check(
        worksheet_write_blank(sheet_of(m_worksheet), row_of(row), column_of(column), m_owner.m_impl->format(style)),
        "writing a cell");
}

void XlsxWriter::Sheet::column_width(int first, int last, double width, int style)
{
    m_owner.m_impl->check(worksheet_set_column(sheet_of(m_worksheet), column_of(first), column_of(last), width,
                                               m_owner.m_impl->format(style)),
                          "setting a column width");
}

void XlsxWriter::Impl::validate(lxw_worksheet* sheet, int first_row, int column, int last_row,
                                lxw_data_validation& validation, const std::string& title, const std::string& message,
                                std::string_view what)
{
    validation.input_title = keep(title);
    validation.input_message = keep(message);
    validation.error_title = keep(title);
    validation.error_message = keep(message);
    check(worksheet_data_validation_range(sheet, row_of(first_row), column_of(column), row_of(last_row),
                                          column_of(column), &validation),
          what);
}

void XlsxWriter::Sheet::choice_list(int first_row, int column, int last_row, const std::vector<std::string>& choices,
                                    const std::string& title, const std::string& message)
{
    auto& impl = *m_owner.m_impl;
    impl.choice_texts.push_back(choices);
    auto& pointers = impl.choice_pointers.emplace_back();
    for (const auto& choice : impl.choice_texts.back()) {
        pointers.push_back(choice.c_str());
    }
    pointers.push_back(nullptr);
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = const_cast<char**>(pointers.data());
    impl.validate(sheet_of(m_worksheet), first_row, column, last_row, validation, title, message, "adding a drop-down");
}

void XlsxWriter::Sheet::whole_numbers(int first_row, int column, int last_row, int minimum, int maximum,
                                      const std::string& title, const std::string& message)
{
    auto& impl = *m_owner.m_impl;
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_INTEGER;
    validation.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    validation.minimum_number = minimum;
    validation.maximum_number = maximum;
    impl.validate(sheet_of(m_worksheet), first_row, column, last_row, validation, title, message,
                  "adding a number check");
}

void XlsxWriter::Sheet::freeze(int rows, int columns)
{
    worksheet_freeze_panes(sheet_of(m_worksheet), row_of(rows), column_of(columns));
}

void XlsxWriter::Sheet::filter(int first_row, int first_column, int last_row, int last_column)
{
    m_owner.m_impl->check(worksheet_autofilter(sheet_of(m_worksheet), row_of(first_row), column_of(first_column),
                                               row_of(last_row), column_of(last_column)),
                          "adding a filter");
}

void XlsxWriter::Sheet::protect()
{
    lxw_protection options{};
    options.format_columns = LXW_TRUE; // people widen columns to read long titles
    options.format_rows = LXW_TRUE;
    options.autofilter = LXW_TRUE;
    worksheet_protect(sheet_of(m_worksheet), nullptr, &options);
}

void XlsxWriter::Sheet::hide()
{
    worksheet_hide(sheet_of(m_worksheet));
}

void XlsxWriter::write()
{
    auto& impl = *m_impl;
    const auto code = workbook_close(impl.workbook);
    impl.workbook = nullptr;
    if (!impl.error.empty() || code != LXW_NO_ERROR) {
        std::remove(impl.temporary.c_str());
        impl.saved = true;
        throw Error(fmt::format("cannot write '{}': {}", impl.path,
                                impl.error.empty() ? std::string(lxw_strerror(code)) : impl.error));
    }
}

void XlsxWriter::commit()
{
    auto& impl = *m_impl;
    impl.saved = true;
    std::error_code ec;
    std::filesystem::rename(impl.temporary, impl.path, ec);
    if (ec) {
        std::remove(impl.temporary.c_str());
        throw Error(fmt::format("cannot write '{}': {}", impl.path, ec.message()));
    }
}

} // namespace plantrack::util
