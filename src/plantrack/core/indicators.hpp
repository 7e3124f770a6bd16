#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plantrack/core/date.hpp"
#include "plantrack/core/model.hpp"

namespace plantrack::core {

enum class Judgement { on_track, at_risk, off_track, no_data, unjudged };
std::string_view to_string(Judgement judgement);

// One reading as judged: the value recorded for a period (the latest recorded one wins).
struct PeriodReading
{
    Period period;
    double value = 0;
};

// Where an indicator stands at its latest reading.
struct IndicatorStatus
{
    std::optional<Period> latest_period;
    std::optional<double> latest;   // the judged value (SPEC "Indicator": per measure)
    std::optional<double> expected; // the trajectory's value for latest_period
    Judgement judgement = Judgement::no_data;
};

// Time on the trajectory's axis, in years: the end of year Y is Y, the end of quarter n of
// year Y is Y − 1 + n/4 (so quarters lie on the line between year ends).
double period_time(const Period& period);

// The expected value of `indicator` for `period`, or nullopt where no trajectory exists
// (level/share without a baseline before the target period). `plan_start_year` and
// `plan_years` give the span for cumulative targets.
std::optional<double> expected_value(const Indicator& indicator, const Period& period, int plan_start_year,
                                     int plan_years);

// The judged value at `latest` from the readings (one per period, any order): the reading itself
// for level, share and change-from-baseline; the compound average of the yearly growth rates so
// far for annual-growth; the running sum since the plan's start for cumulative.
double judged_value(const Indicator& indicator, const std::vector<PeriodReading>& readings, const Period& latest,
                    int plan_start_year);

// on-track if `judged` meets `expected` in the indicator's direction; at-risk if it falls short
// by no more than `at_risk_within` percent of |expected|; off-track beyond.
Judgement judge(Direction direction, double judged, double expected, double at_risk_within);

// The whole judgement from the readings whose period ends on or before `as_of`.
IndicatorStatus indicator_status(const Indicator& indicator, const std::vector<PeriodReading>& readings,
                                 const Plan& plan, Date as_of);

} // namespace plantrack::core
