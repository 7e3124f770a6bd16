#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "plantrack/core/date.hpp"

namespace plantrack::core {

// How the plan is run (from its safeguards): how often departments report, when an item counts
// as stale or behind, and how far an indicator may fall short before it is off track.
struct ReviewSettings
{
    std::string update_every = "month";   // month | quarter | week
    std::string report_every = "quarter"; // month | quarter | half-year | year
    int stale_after_days = 45;
    double behind_by = 20;
    double at_risk_within = 10;
    // An update is late (补报) when recorded after this many days past the end of the reporting
    // period (by `update_every`) it is dated in.
    int report_by_day = 5;
    friend bool operator==(const ReviewSettings&, const ReviewSettings&) = default;
};

// The points of each component of the annual assessment (plan setting `assessment`).
struct AssessmentWeights
{
    double on_time = 40;
    double overdue = 20;
    double reporting = 20;
    double progress = 20;
    friend bool operator==(const AssessmentWeights&, const AssessmentWeights&) = default;
};

struct Owner
{
    std::string name;
    std::string kind = "department"; // department | person
    friend bool operator==(const Owner&, const Owner&) = default;
};

enum class Measure { level, share, annual_growth, cumulative, change_from_baseline };
enum class Direction { up, down };

std::string_view to_string(Measure measure);
std::string_view to_string(Direction direction);
std::optional<Measure> parse_measure(std::string_view text);
std::optional<Direction> parse_direction(std::string_view text);
const std::vector<std::string>& measure_names();

struct PeriodValue
{
    Period period;
    double value = 0;
    friend bool operator==(const PeriodValue&, const PeriodValue&) = default;
};

// A quantitative target of a goal.
struct Indicator
{
    std::string id;
    std::string goal_id;
    std::string title;
    std::string unit;
    Measure measure = Measure::level;
    Direction direction = Direction::up;
    std::optional<PeriodValue> baseline;
    PeriodValue target;
    friend bool operator==(const Indicator&, const Indicator&) = default;
};

struct Goal
{
    std::string id;
    std::string title;
    std::string description;
    friend bool operator==(const Goal&, const Goal&) = default;
};

struct Area
{
    std::string id;
    std::string number; // display number: 一 … 十二, "+1"
    std::string title;
    std::string summary;
    friend bool operator==(const Area&, const Area&) = default;
};

enum class ItemKind { task, milestone };
std::string_view to_string(ItemKind kind);

// A task or a milestone of a task. `start` is always resolved: a task's own start or the plan's;
// a milestone's own start or its task's. A milestone's `lead` is its own or its task's.
struct Item
{
    std::string id;
    ItemKind kind = ItemKind::task;
    std::string area_id;
    std::string parent_id; // the task of a milestone; empty for tasks
    std::string title;
    std::string lead;
    std::vector<std::string> partners;
    std::string leader;
    Date start;
    Date due;
    double weight = 1;
    bool withdrawn = false; // removed by a later revision of the plan; keeps its history
    friend bool operator==(const Item&, const Item&) = default;
};

struct Plan
{
    std::string id;
    std::string title;
    Date start;
    Date end;
    std::string language = "zh";
    std::string goal;          // the overall goal (总体目标), in words
    bool illustrative = false; // its assignments (departments, dates, milestones) are examples
    ReviewSettings review;
    AssessmentWeights assessment;
    std::vector<Owner> owners;
    std::vector<Goal> goals;
    std::vector<Indicator> indicators; // in file order, each naming its goal
    std::vector<Area> areas;
    std::vector<Item> items; // in file order: each task followed by its milestones
    int revision = 0;        // set by the store: how many revisions have been loaded

    const Item* find_item(std::string_view wanted) const;
    const Indicator* find_indicator(std::string_view wanted) const;
    const Area* find_area(std::string_view wanted) const;
    std::vector<std::string> item_ids() const;

private:
    // Hashes ids as views, so a look-up by std::string_view builds no std::string.
    struct IdHash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    // Built on first look-up (and again if items were added), so look-ups stay O(1) at city scale.
    mutable std::unordered_map<std::string, std::size_t, IdHash, std::equal_to<>> m_item_index;
};

} // namespace plantrack::core
