// plantrack init [--lang zh|en] [FILE]
#include "plantrack/cli/cmd_init.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "plantrack/util/error.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::cli {

namespace {

// {0} the first year, {1} the second, {2} the last. Every key of the format appears once,
// with what it is for; docs/PLAN-FORMAT.md says the rest.
constexpr const char* k_template_en = R"(# An action plan for plantrack. Every key is described in PLAN-FORMAT.md
# (/usr/share/doc/plantrack/ when installed). Edit it, then:
#   plantrack plan check plan.yaml     (finds every problem, with its line)
#   plantrack plan load plan.yaml      (creates the plan in ./plantrack.db; load it again after edits)
format: 1
plan:
  id: my-plan-{0}-{2}                 # short and unique in the database
  title: Three-year action plan ({0}–{2})
  period: {{start: {0}-01-01, end: {2}-12-31}}
  language: en                        # labels of tables and reports: en or zh
  # How progress is reviewed (these are the defaults): an item without an update for more than
  # stale_after_days is stale; behind_by is how many points behind the time elapsed turns it
  # yellow; at_risk_within is the percent short of its trajectory that an indicator may be.
  review: {{update_every: month, stale_after_days: 45, behind_by: 20, at_risk_within: 10}}

# Everyone who leads or partners in an item: kind is department or person.
owners:
  - {{name: Development Office, kind: department}}
  - {{name: Transport Bureau, kind: department}}

# Sub-goals with quantitative targets. measure: level, share, annual-growth, cumulative or
# change-from-baseline; direction: up (at least) or down (at most).
goals:
  - id: G1
    title: A stronger local economy
    indicators:
      - id: logistics-revenue
        title: Logistics revenue
        unit: million
        measure: level
        direction: up
        baseline: {{period: {0}, value: 800}}
        target: {{period: {2}, value: 1000}}

# Areas hold the numbered tasks; a task's milestones are its dated steps.
areas:
  - id: A1
    number: "1"
    title: Build the city's logistics hub
    tasks:
      - id: "1"
        title: Open the regional logistics hub
        lead: Development Office
        partners: [Transport Bureau]
        leader: Deputy mayor for transport  # optional: the responsible leader
        start: {0}-03-01
        due: {2}-06-30
        weight: 2                         # counts twice in the area's progress (default 1)
        milestones:
          - {{id: "1.1", title: Approve the hub's plan, due: {0}-09-30}}
          - {{id: "1.2", title: Finish the first phase, start: {0}-10-01, due: {1}-12-31, lead: Transport Bureau}}
      - id: "2"
        title: Publish the freight timetable
        lead: Transport Bureau
        due: {0}-12-31
)";

constexpr const char* k_template_zh = R"(# plantrack 行动方案模板。每个字段的含义见 PLAN-FORMAT.md（安装后在
# /usr/share/doc/plantrack/）。修改后：
#   plantrack plan check plan.yaml     （列出每个问题及其所在行）
#   plantrack plan load plan.yaml      （在 ./plantrack.db 中建立方案；修改后再次载入即可）
format: 1
plan:
  id: my-plan-{0}-{2}                 # 简短，在数据库中唯一
  title: 三年行动方案（{0}—{2}年）
  period: {{start: {0}-01-01, end: {2}-12-31}}
  language: zh                        # 表格和报告的标签语言：zh 或 en
  # 调度规则（以下为默认值）：超过 stale_after_days 天未更新即为长期未更新；进度落后于时间
  # 进度超过 behind_by 个百分点亮黄灯；指标低于应达值不超过 at_risk_within% 为存在风险。
  review: {{update_every: month, stale_after_days: 45, behind_by: 20, at_risk_within: 10}}

# 牵头和配合的单位或个人：kind 为 department（单位）或 person（个人）。
owners:
  - {{name: 市发展改革委, kind: department}}
  - {{name: 市交通运输局, kind: department}}

# 分目标及其量化指标。measure：level、share、annual-growth、cumulative 或
# change-from-baseline；direction：up（不低于）或 down（不高于）。
goals:
  - id: G1
    title: 经济实力明显增强
    indicators:
      - id: logistics-revenue
        title: 物流业营业收入
        unit: 亿元
        measure: level
        direction: up
        baseline: {{period: {0}, value: 800}}
        target: {{period: {2}, value: 1000}}

# 领域下是编号的任务；任务的节点（milestones）是它分解出的有期限的步骤。
areas:
  - id: A1
    number: 一
    title: 加快建设区域物流枢纽
    tasks:
      - id: "1"
        title: 建成区域物流枢纽
        lead: 市发展改革委
        partners: [市交通运输局]
        leader: 分管副市长                # 可选：包保领导
        start: {0}-03-01
        due: {2}-06-30
        weight: 2                         # 在领域进度中按两倍计（默认 1）
        milestones:
          - {{id: "1.1", title: 制定物流枢纽建设实施方案, due: {0}-09-30}}
          - {{id: "1.2", title: 一期工程完工, start: {0}-10-01, due: {1}-12-31, lead: 市交通运输局}}
      - id: "2"
        title: 发布货运班列时刻表
        lead: 市交通运输局
        due: {0}-12-31
)";

struct InitOptions
{
    std::string file = "plan.yaml";
};

void run_init(Context& context, const InitOptions& options)
{
    const auto language = context.language("zh");
    const auto year = context.environment().today.year();
    const auto text = plan_template(language, year);
    // "x": create, never replace — not even a file that appears while we write.
    FILE* file = std::fopen(options.file.c_str(), "wx");
    if (file == nullptr) {
        std::error_code ec;
        if (errno == EEXIST || std::filesystem::exists(options.file, ec)) {
            throw Error(fmt::format("'{}' exists; init never overwrites a file (give another FILE)",
                                    util::printable(options.file)));
        }
        throw Error(fmt::format("cannot create '{}': {}", util::printable(options.file), std::strerror(errno)));
    }
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    if (std::fclose(file) != 0 || !written) {
        std::error_code ec;
        std::filesystem::remove(options.file, ec);
        throw Error(fmt::format("cannot write '{}' (disk full?)", util::printable(options.file)));
    }
    context.emit(fmt::format("wrote {}: a plan template for {}–{}; check it with 'plantrack plan check {}', "
                             "then load it with 'plantrack plan load {}'\n",
                             util::printable(options.file), year, year + 2, util::printable(options.file),
                             util::printable(options.file)));
}

} // namespace

std::string plan_template(const std::string& language, int first_year)
{
    return fmt::format(fmt::runtime(language == "en" ? k_template_en : k_template_zh), first_year, first_year + 1,
                       first_year + 2);
}

void add_init_command(CLI::App& app, Context& context)
{
    auto options = std::make_shared<InitOptions>();
    auto* init = app.add_subcommand("init", "Write a commented plan template that passes 'plan check'");
    init->add_option("FILE", options->file, "The plan file to create (default plan.yaml; never overwritten)");
    init->callback([&context, options] { run_init(context, *options); });
}

} // namespace plantrack::cli
