#!/usr/bin/env python3
"""Generate Tests/DubanCoreTests/Fixtures/deadline-cases.json: expected deadlines per SPEC Appendix A1.

This is an independent reference implementation for testing the Swift DeadlineCalculator. It shares
no code or data with it: working days come straight from the PyPI package `chinesecalendar`
(pip install chinesecalendar) through its is_workday(), and working time is counted by brute force,
one minute (or one second) at a time, instead of by intervals as the Swift code does.

A1, as implemented here (China time, UTC+8; working periods 09:00-12:00 and 13:00-18:00):
  minutes / hours / days   start + N minutes / hours / N x 24 h
  months                   same wall-clock date and time N months later, day clamped to the month's end
  working_hours            N x 60 working minutes; a minute counts when its day is a working day and it
                           lies inside a working period; the due instant is the end of the last counted one
  working_days             the start day is not counted; 18:00 on the N-th working day after it
  amount < 1               refused: {"error": "invalid_amount"}; unknown unit: {"error": "unknown_unit"}

Cases whose computation needs a year chinesecalendar has no data for are left out.
Usage: python3 scripts/gen-deadline-cases.py [--output PATH]
"""
import argparse
import calendar
import datetime
import functools
import json
import os
import random
from importlib import metadata

import chinese_calendar

CHINA = datetime.timezone(datetime.timedelta(hours=8))
PERIODS = [(datetime.time(9, 0), datetime.time(12, 0)), (datetime.time(13, 0), datetime.time(18, 0))]
UNITS = ["minutes", "hours", "working_hours", "working_days", "days", "months"]


@functools.lru_cache(maxsize=None)
def is_workday(day):
    """chinesecalendar's is_workday(), memoised: it rescans its tables on every call."""
    return chinese_calendar.is_workday(day)


def is_working_instant(moment):
    """Whether the minute or second starting at `moment` is working time."""
    if not is_workday(moment.date()):
        return False
    clock = moment.time().replace(tzinfo=None)
    return any(begin <= clock < end for begin, end in PERIODS)


def add_working_hours(start, hours):
    step = datetime.timedelta(seconds=60 if start.second == 0 else 1)
    needed = hours * 3600 // int(step.total_seconds())
    moment = start
    while needed > 0:
        if not is_workday(moment.date()):
            # Nothing of this day counts: jump to its end.
            moment = datetime.datetime.combine(moment.date() + datetime.timedelta(days=1), datetime.time(0), CHINA)
            continue
        if is_working_instant(moment):
            needed -= 1
        moment += step
    return moment


def add_working_days(start, count):
    day = start.date()
    while count > 0:
        day += datetime.timedelta(days=1)
        if is_workday(day):
            count -= 1
    return datetime.datetime.combine(day, datetime.time(18, 0), CHINA)


def add_months(start, months):
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    day = min(start.day, calendar.monthrange(year, month + 1)[1])
    return start.replace(year=year, month=month + 1, day=day)


def due(start, amount, unit):
    """The expected deadline as an ISO 8601 string, or an error code."""
    if unit not in UNITS:
        return {"error": "unknown_unit"}
    if amount < 1:
        return {"error": "invalid_amount"}
    if unit == "minutes":
        result = start + datetime.timedelta(minutes=amount)
    elif unit == "hours":
        result = start + datetime.timedelta(hours=amount)
    elif unit == "days":
        result = start + datetime.timedelta(days=amount)
    elif unit == "months":
        result = add_months(start, amount)
    elif unit == "working_hours":
        result = add_working_hours(start, amount)
    else:
        result = add_working_days(start, amount)
    return {"due": result.isoformat()}


def working_seconds_between(a, b):
    """Brute force: working minutes in [a, b) for whole-minute instants, in seconds."""
    total, moment = 0, a
    while moment < b:
        if is_working_instant(moment):
            total += 60
        moment += datetime.timedelta(minutes=1)
    return total


def at(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=CHINA)


def curated():
    """Hand-picked starts and amounts: the A1 examples, boundaries, breaks, 调休 days, month ends, errors."""
    cases = [
        ("2026-09-24T10:00", 1, "working_days"),  # A1: Thursday -> Monday 28 September (Mid-Autumn 25-27)
        ("2026-09-24T00:00", 1, "working_days"),
        ("2026-09-24T23:59", 1, "working_days"),
        ("2026-10-09T10:00", 1, "working_days"),  # A1: Friday -> Saturday 10 October, a 调休 working day
        ("2026-09-23T16:00", 4, "working_hours"),  # A1: 16:00 + 4 working hours -> 11:00 next working day
        ("2026-09-24T16:00", 4, "working_hours"),  # across the Mid-Autumn break
        ("2026-09-30T16:00", 4, "working_hours"),  # across the National Day break
        ("2026-09-30T16:00", 1, "working_days"),
        ("2026-10-01T10:00", 1, "working_days"),  # start on a holiday
        ("2026-09-19T10:00", 1, "working_days"),  # Saturday before the 20 September 调休 Sunday
        ("2026-09-20T10:00", 4, "working_hours"),  # on a 调休 Sunday
        ("2026-02-13T17:00", 4, "working_hours"),  # into 14 February 调休 Saturday
        ("2026-02-14T18:00", 1, "working_days"),  # Spring Festival 2026: 15-23 February
        ("2020-01-23T15:00", 8, "working_hours"),  # 2020 Spring Festival, extended to 2 February
        ("2020-01-23T15:00", 3, "working_days"),
        ("2019-09-30T17:30", 1, "working_hours"),
        ("2019-09-29T09:00", 2, "working_days"),  # 29 September 2019: 调休 Sunday
        ("2023-09-28T12:30", 5, "working_hours"),  # 2023 中秋节、国庆节 break 29 Sep - 6 Oct
        ("2023-10-07T09:00", 1, "working_days"),  # 调休 Saturday
        ("2024-02-29T10:00", 12, "months"),
        ("2024-01-31T10:00", 1, "months"),
        ("2023-01-31T10:00", 1, "months"),
        ("2019-01-31T23:59", 1, "months"),
        ("2020-01-31T00:00", 1, "months"),
        ("2025-03-31T09:00", 1, "months"),
        ("2025-08-31T18:00", 6, "months"),
        ("2025-10-31T12:00", 4, "months"),
        ("2024-12-31T08:00", 2, "months"),
        ("2019-05-31T10:00", 13, "months"),
        ("2019-01-01T00:00", 60, "months"),
        ("2026-01-02T10:00", 250, "working_days"),
        ("2019-01-02T09:00", 1500, "working_days"),
        ("2025-01-02T09:00", 400, "working_hours"),
        ("2021-06-01T10:00", 1000, "days"),
        ("2019-03-01T10:00", 10000, "hours"),
        ("2022-07-15T14:00", 100000, "minutes"),
        ("2026-03-02T11:59:30", 1, "working_hours"),  # seconds carried through the lunch break
        ("2026-03-06T17:59:59", 1, "working_hours"),  # Friday, one second before close
        ("2026-03-07T08:15:45", 2, "working_hours"),  # Saturday with seconds
        ("2026-09-24T10:00", 0, "working_days"),
        ("2026-09-24T10:00", -1, "hours"),
        ("2026-09-24T10:00", 0, "months"),
        ("2026-09-24T10:00", 1, "weeks"),
        ("2026-09-24T10:00", 1, "WORKING_DAYS"),
        ("2026-09-24T10:00", 1, ""),
    ]
    boundaries = ["00:00", "08:59", "09:00", "09:01", "11:59", "12:00", "12:30", "13:00", "17:59", "18:00", "21:00"]
    for day in ["2026-09-25", "2026-10-10", "2025-09-30", "2024-05-06"]:
        for clock in boundaries:
            cases.append(("%sT%s" % (day, clock), 4, "working_hours"))
    for clock in ["08:59", "09:00", "12:00", "13:00", "18:00"]:
        cases.append(("2025-04-30T%s" % clock, 1, "working_days"))
        cases.append(("2022-12-30T%s" % clock, 3, "working_hours"))
        cases.append(("2021-02-10T%s" % clock, 2, "working_days"))
    return [(at(start), amount, unit) for start, amount, unit in cases]


def sampled(rng, count):
    """Random starts across 2019-2026 with boundary-heavy times and typical seed amounts."""
    amounts = {
        "minutes": [1, 30, 90, 1440, 5000],
        "hours": [1, 4, 24, 48, 72, 500],
        "working_hours": [1, 2, 3, 4, 5, 8, 9, 16, 24, 40, 120],
        "working_days": [1, 2, 3, 5, 7, 15, 20, 60],
        "days": [1, 7, 15, 30, 90, 365],
        "months": [1, 2, 3, 6, 11, 12, 24],
    }
    clocks = ["00:00", "07:30", "08:59", "09:00", "10:15", "11:59", "12:00", "12:45", "13:00", "15:20",
              "16:00", "17:30", "17:59", "18:00", "18:01", "23:59"]
    first = datetime.date(2019, 1, 1).toordinal()
    last = datetime.date(2026, 10, 31).toordinal()
    result = []
    for _ in range(count):
        day = datetime.date.fromordinal(rng.randint(first, last))
        if rng.random() < 0.15:
            day = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        clock = rng.choice(clocks) if rng.random() < 0.8 else "%02d:%02d" % (rng.randint(0, 23), rng.randint(0, 59))
        unit = rng.choice(UNITS)
        result.append((at("%sT%s" % (day.isoformat(), clock)), rng.choice(amounts[unit]), unit))
    return result


def between_cases(rng, count):
    result = []
    first = datetime.date(2019, 1, 1).toordinal()
    last = datetime.date(2026, 12, 1).toordinal()
    pairs = [("2026-09-24T10:00", "2026-09-28T11:00"), ("2026-09-23T16:00", "2026-09-24T11:00"),
             ("2026-10-09T17:00", "2026-10-12T09:30"), ("2026-09-28T12:00", "2026-09-28T13:00"),
             ("2026-09-28T18:00", "2026-09-29T09:00"), ("2020-01-23T09:00", "2020-02-04T09:00")]
    for a, b in pairs:
        result.append((at(a), at(b)))
    while len(result) < count:
        a = datetime.datetime.combine(datetime.date.fromordinal(rng.randint(first, last)),
                                      datetime.time(rng.randint(0, 23), rng.choice([0, 1, 30, 59])), CHINA)
        result.append((a, a + datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 12))))
    return result


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=os.path.join(root, "Tests", "DubanCoreTests", "Fixtures", "deadline-cases.json"))
    args = parser.parse_args()
    rng = random.Random(20260924)
    cases = []
    for start, amount, unit in curated() + sampled(rng, 300):
        try:
            expected = due(start, amount, unit)
        except NotImplementedError:  # beyond chinesecalendar's last year
            continue
        cases.append(dict({"start": start.isoformat(), "amount": amount, "unit": unit}, **expected))
    between = []
    for a, b in between_cases(rng, 60):
        try:
            between.append({"from": a.isoformat(), "to": b.isoformat(), "seconds": working_seconds_between(a, b)})
        except NotImplementedError:
            continue
    document = {
        "source": "scripts/gen-deadline-cases.py, SPEC Appendix A1 on PyPI chinesecalendar %s is_workday()"
                  % metadata.version("chinesecalendar"),
        "workingHours": ["09:00-12:00", "13:00-18:00"],
        "cases": cases,
        "workingTimeBetween": between,
    }
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as out:
        out.write("{\n")
        out.write(' "source": %s,\n' % json.dumps(document["source"], ensure_ascii=False))
        out.write(' "workingHours": %s,\n' % json.dumps(document["workingHours"]))
        for key in ("cases", "workingTimeBetween"):
            rows = ",\n  ".join(json.dumps(row, ensure_ascii=False) for row in document[key])
            out.write(' "%s": [\n  %s\n ]%s\n' % (key, rows, "," if key == "cases" else ""))
        out.write("}\n")
    print("wrote %s: %d deadline cases, %d working-time cases" % (args.output, len(cases), len(between)))


if __name__ == "__main__":
    main()
