#include "plantrack/report/loop_labels.hpp"

namespace plantrack::report {

namespace {

const LoopLabels k_english = {
    "{period} ({first} to {last}): {items} open item{items_s} of {owners} lead owner{owners_s} with no update "
    "dated in the period",
    "{period} ({first} to {last}): every open item has an update dated in the period.",
    "Previous status",
    "Previous progress",
    "Return",
    "{owner}: return for {period} ({first} to {last})",
    "Fill in status (choose from the list), progress (0–100), a note (required for at risk and delayed); "
    "the date is the period's last day. Leave a row blank to skip it.",
    "Items",
    "Updates",
    "Indicators",
    "Overdue",
    "Owed",
    "{plan}: ledger as of {as_of}",
    "Period",
};

const LoopLabels k_chinese = {
    "{period}（{first} 至 {last}）：{owners} 个牵头单位的 {items} 项未在本期报送进展",
    "{period}（{first} 至 {last}）：各项均已在本期报送进展。",
    "上期状态",
    "上期进度",
    "填报",
    "{owner}：{period}（{first} 至 {last}）进展填报",
    "请填写状态（下拉选择）、进度（0–100 的整数）和说明（存在风险、滞后须说明原因）；日期已填为本期最后一天。"
    "不填的行不报送。",
    "事项",
    "进展记录",
    "指标",
    "逾期事项",
    "未报送",
    "{plan}：台账（截至 {as_of}）",
    "期间",
};

} // namespace

const LoopLabels& loop_labels_for(std::string_view language)
{
    return language == "en" ? k_english : k_chinese;
}

} // namespace plantrack::report
