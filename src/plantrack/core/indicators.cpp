#include "plantrack/core/indicators.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace plantrack::core {

namespace {

// Values this close count as equal: readings are typed with a few decimals, and sums and
// compound averages must not turn "exactly on the line" into "just short" by rounding.
constexpr double k_tolerance = 1e-9;

std::optional<double> on_line(double from_time, double from_value, double to_time, double to_value, double time)
{
    if (to_time <= from_time) {
        return std::nullopt;
    }
    const double fraction = std::clamp((time - from_time) / (to_time - from_time), 0.0, 1.0);
    return from_value + (to_value - from_value) * fraction;
}

} // namespace

std::string_view to_string(Judgement judgement)
{
    switch (judgement) {
    case Judgement::on_track:
        return "on-track";
    case Judgement::at_risk:
        return "at-risk";
    case Judgement::off_track:
        return "off-track";
    case Judgement::no_data:
        return "no-data";
    case Judgement::unjudged:
        return "unjudged";
    }
    return "";
}

double period_time(const Period& period)
{
    switch (period.kind) {
    case Period::Kind::year:
        return period.year;
    case Period::Kind::half:
        return period.year - 1 + period.index / 2.0;
    case Period::Kind::quarter:
        return period.year - 1 + period.index / 4.0;
    }
    return period.year;
}

std::optional<double> expected_value(const Indicator& indicator, const Period& period, int plan_start_year,
                                     int plan_years)
{
    const double time = period_time(period);
    const double target_time = period_time(indicator.target.period);
    switch (indicator.measure) {
    case Measure::level:
    case Measure::share:
        if (!indicator.baseline) {
            return time >= target_time ? std::optional<double>(indicator.target.value) : std::nullopt;
        }
        return on_line(period_time(indicator.baseline->period), indicator.baseline->value, target_time,
                       indicator.target.value, time);
    case Measure::annual_growth:
        return indicator.target.value;
    case Measure::cumulative: {
        if (plan_years <= 0) {
            return std::nullopt;
        }
        const double elapsed = std::clamp((time - (plan_start_year - 1)) / plan_years, 0.0, 1.0);
        return indicator.target.value * elapsed;
    }
    case Measure::change_from_baseline:
        if (!indicator.baseline) {
            return std::nullopt;
        }
        return on_line(period_time(indicator.baseline->period), 0.0, target_time, indicator.target.value, time);
    }
    return std::nullopt;
}

double judged_value(const Indicator& indicator, const std::vector<PeriodReading>& readings, const Period& latest,
                    int plan_start_year)
{
    const double latest_time = period_time(latest);
    std::map<int, double> years;                   // year readings
    std::map<int, std::map<int, double>> quarters; // quarter readings by year and quarter
    double latest_value = 0;
    for (const auto& reading : readings) {
        if (reading.period == latest) {
            latest_value = reading.value;
        }
        if (period_time(reading.period) > latest_time + k_tolerance) {
            continue;
        }
        if (reading.period.kind == Period::Kind::year) {
            years[reading.period.year] = reading.value;
        } else if (reading.period.kind == Period::Kind::quarter) {
            quarters[reading.period.year][reading.period.index] = reading.value;
        }
    }
    switch (indicator.measure) {
    case Measure::level:
    case Measure::share:
    case Measure::change_from_baseline:
        return latest_value;
    case Measure::annual_growth: {
        // Full years before the latest period's year, then the latest reading for its year
        // (a quarter's reading is the year-to-date rate).
        double product = 1;
        int count = 0;
        for (int year = plan_start_year; year < latest.year; ++year) {
            // A fourth quarter's year-to-date rate is the year's rate when the year has no reading.
            std::optional<double> rate;
            if (const auto found = years.find(year); found != years.end()) {
                rate = found->second;
            } else if (const auto q = quarters.find(year); q != quarters.end() && q->second.contains(4)) {
                rate = q->second.at(4);
            }
            if (rate) {
                product *= 1 + *rate / 100;
                ++count;
            }
        }
        product *= 1 + latest_value / 100;
        ++count;
        if (product <= 0) {
            return -100;
        }
        return (std::pow(product, 1.0 / count) - 1) * 100;
    }
    case Measure::cumulative: {
        double sum = 0;
        for (int year = plan_start_year; year <= latest.year; ++year) {
            const bool complete = year < latest.year || latest.kind == Period::Kind::year;
            const auto found = years.find(year);
            if (complete && found != years.end()) {
                sum += found->second;
                continue;
            }
            if (const auto q = quarters.find(year); q != quarters.end()) {
                for (const auto& [index, amount] : q->second) {
                    sum += amount;
                }
            }
        }
        return sum;
    }
    }
    return latest_value;
}

Judgement judge(Direction direction, double judged, double expected, double at_risk_within)
{
    const double shortfall = direction == Direction::up ? expected - judged : judged - expected;
    const double scale = std::max(1.0, std::abs(expected));
    if (shortfall <= k_tolerance * scale) {
        return Judgement::on_track;
    }
    if (shortfall <= at_risk_within / 100 * std::abs(expected) + k_tolerance * scale) {
        return Judgement::at_risk;
    }
    return Judgement::off_track;
}

IndicatorStatus indicator_status(const Indicator& indicator, const std::vector<PeriodReading>& readings,
                                 const Plan& plan, Date as_of)
{
    IndicatorStatus status;
    std::vector<PeriodReading> known;
    for (const auto& reading : readings) {
        if (reading.period.last_day() <= as_of) {
            known.push_back(reading);
        }
    }
    if (known.empty()) {
        return status;
    }
    const auto latest = std::max_element(known.begin(), known.end(), [](const auto& a, const auto& b) {
        const double ta = period_time(a.period);
        const double tb = period_time(b.period);
        // A year and its fourth quarter end together: the year's reading is the fuller one.
        return ta != tb ? ta < tb : a.period.kind != Period::Kind::year && b.period.kind == Period::Kind::year;
    });
    status.latest_period = latest->period;
    const int start_year = plan.start.year();
    const int plan_years = plan.end.year() - start_year + 1;
    status.latest = judged_value(indicator, known, latest->period, start_year);
    status.expected = expected_value(indicator, latest->period, start_year, plan_years);
    status.judgement = status.expected
                           ? judge(indicator.direction, *status.latest, *status.expected, plan.review.at_risk_within)
                           : Judgement::unjudged;
    return status;
}

} // namespace plantrack::core
