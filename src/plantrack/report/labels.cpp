#include "plantrack/report/labels.hpp"

namespace plantrack::report {

namespace {

const Labels k_english = {
    "en", "ID", "Kind", "Area", "Parent", "Title", "Lead", "Partners", "Leader", "Start", "Due", "Status", "Progress",
    "Light", "Last update", "Note", "By", "Recorded", "Date", "Days overdue", "Days left", "Days without update",
    "Expected", "Items", "Tasks", "Milestones", "Done", "Overdue", "Red", "Yellow", "Green", "Cancelled", "Owner",
    "Owners", "On-time rate", "Updates", "Plan", "Period", "As of", "Revision", "Goal", "Indicator", "Unit",
    "Measure", "Direction", "Target", "Baseline", "Latest", "Latest period", "Judgement", "Readings", "Value",
    "Total", "none", "task", "milestone", "Weight", "Recent updates", "State", "Nothing is overdue.",
    "Nothing falls due in that window.", "Nothing is stale.", "No items match.", "Summary", "Areas",
    "Completed in the period", "Newly overdue", "Red items", "Indicators", "Lead owners", "Change",
    "Previous period", "Department assessment", "Rank", "Score", "How the assessment is scored",
    "Quarterly report", "Half-year circular", "Annual report", "Figures count every update dated on or before the end of the period.",
    "—",
    {"not started", "on track", "at risk", "delayed", "done", "cancelled"},
    {"red", "yellow", "green", "done", "cancelled"},
    {"level", "share", "average annual growth", "cumulative", "change from baseline"},
    {"on track", "at risk", "off track", "no data", "unjudged"},
    "Figure", "This period", "Known at", "Latest note", "On time (40)", "Overdue (20)", "Reporting (20)",
    "Progress (20)", "Due in year", "Done on time", "Reports received / expected", "Timeline of tasks and milestones",
    "Lights", "Progress by area", "Trajectory", "Reading", "(none)", "Period end",
};

const Labels k_chinese = {
    "zh", "编号", "类型", "领域", "所属任务", "名称", "牵头单位", "配合单位", "包保领导", "开始", "完成时限", "状态", "进度",
    "灯", "最近更新", "说明", "填报人", "记录时间", "日期", "逾期天数", "剩余天数", "未更新天数", "应达进度", "事项",
    "任务", "节点", "已完成", "逾期", "红灯", "黄灯", "绿灯", "已取消", "责任单位", "责任单位", "按期完成率", "更新次数",
    "方案", "期间", "截至", "修订版本", "目标", "指标", "单位", "口径", "方向", "目标值", "基期", "最新值", "最新期",
    "研判", "读数", "数值", "合计", "无", "任务", "节点", "权重", "最近更新记录", "当前状态", "没有逾期事项。",
    "该期间内没有到期事项。", "没有长期未更新的事项。", "没有符合条件的事项。", "总体情况", "各领域进展",
    "本期完成事项", "本期新增逾期事项", "红灯事项", "指标监测", "牵头单位情况", "变化", "上期", "部门年度考核", "排名",
    "得分", "考核规则", "季度报告", "半年通报", "年度报告", "本报告统计截至期末（含）填报的全部进展。", "—",
    {"未启动", "正常推进", "存在风险", "滞后", "已完成", "已取消"},
    {"红灯", "黄灯", "绿灯", "已完成", "已取消"},
    {"总量", "占比", "年均增速", "累计", "较基期变化"},
    {"符合进度", "存在风险", "偏离进度", "暂无数据", "无法研判"},
    "指标", "本期", "数据截至记录时间", "最新说明", "按期完成（40）", "逾期情况（20）", "按时报送（20）",
    "推进进度（20）", "年内到期", "按期完成", "实报/应报", "挂图作战：任务与节点时间轴", "红黄绿灯分布",
    "各领域进度", "目标路径", "实际值", "（无）", "期末",
};

} // namespace

const Labels& labels_for(std::string_view language)
{
    return language == "en" ? k_english : k_chinese;
}

std::string_view label(const Labels& labels, core::Status status)
{
    return labels.status_names[static_cast<std::size_t>(status)];
}

std::string_view label(const Labels& labels, core::Light light)
{
    return labels.light_names[static_cast<std::size_t>(light)];
}

std::string_view label(const Labels& labels, core::Measure measure)
{
    return labels.measure_names[static_cast<std::size_t>(measure)];
}

std::string_view label(const Labels& labels, core::ItemKind kind)
{
    return kind == core::ItemKind::task ? labels.task : labels.milestone;
}

} // namespace plantrack::report
