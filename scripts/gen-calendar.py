#!/usr/bin/env python3
"""Generate Resources/calendar/china.json, the official China working calendar, from the PyPI
package `chinesecalendar` (pip install chinesecalendar), which transcribes the State Council General
Office's yearly holiday notices (国务院办公厅关于…部分节假日安排的通知).

Output, per year:
  holidays  every day of a holiday break (放假), including the Saturdays and Sundays that fall inside
            the break: a break is a maximal run of consecutive days off that contains at least one day
            chinesecalendar lists as a holiday. chinesecalendar itself is not consistent about the
            weekend days of older breaks (2011-2018), so the runs are rebuilt here from is_workday().
  workdays  weekend days declared working days (调休上班), named after their break: "国庆节调休".
A break holding two festivals gets both names in the order of the notice ("中秋节、国庆节" in 2012 and
2023, "国庆节、中秋节" in 2017, 2020 and 2025). Each date is filed under its own calendar year, so a
元旦 break beginning on 31 December puts that day in the earlier year.

Usage: python3 scripts/gen-calendar.py [--output PATH] [--first 2010] [--last 2026] [--generated yyyy-mm-dd]
"""
import argparse
import datetime
import json
import os
import sys
from importlib import metadata

import chinese_calendar
from chinese_calendar.constants import Holiday, holidays as LIB_HOLIDAYS, workdays as LIB_WORKDAYS

CHINESE_NAMES = {
    Holiday.new_years_day: "元旦",
    Holiday.spring_festival: "春节",
    Holiday.tomb_sweeping_day: "清明节",
    Holiday.labour_day: "劳动节",
    Holiday.dragon_boat_festival: "端午节",
    Holiday.mid_autumn_festival: "中秋节",
    Holiday.national_day: "国庆节",
    Holiday.anti_fascist_70th_day: Holiday.anti_fascist_70th_day.chinese,
}

# chinesecalendar labels the whole 2020 break National Day although Mid-Autumn fell on 1 October:
# 国办发明电〔2019〕16号 names it "国庆节、中秋节：10月1日至8日放假调休".
FESTIVALS_MISSING_FROM_LABELS = {
    datetime.date(2020, 10, 1): Holiday.mid_autumn_festival,
}

ONE_DAY = datetime.timedelta(days=1)


def festival(label):
    """The Holiday member for one of chinesecalendar's English labels."""
    return Holiday(label)


def holiday_breaks(first, last):
    """Maximal runs of days off around [first, last] that contain a listed holiday, with their names."""
    day = datetime.date(first, 1, 1) - datetime.timedelta(days=31)
    end = datetime.date(last, 12, 31) + datetime.timedelta(days=31)
    breaks, run = [], []
    while day <= end:
        try:
            off = not chinese_calendar.is_workday(day)
        except NotImplementedError:
            off = False  # outside chinesecalendar's years: ends any run
        if off:
            run.append(day)
        else:
            if run:
                breaks.append(run)
            run = []
        day += ONE_DAY
    if run:
        breaks.append(run)
    named = []
    for run in breaks:
        order = []
        for d in run:
            labels = []
            if d in LIB_HOLIDAYS:
                labels.append(festival(LIB_HOLIDAYS[d]))
            if d in FESTIVALS_MISSING_FROM_LABELS:
                labels.append(FESTIVALS_MISSING_FROM_LABELS[d])
            for member in labels:
                if member not in order:
                    order.append(member)
        if order:
            named.append({"days": run, "festivals": order, "name": "、".join(CHINESE_NAMES[m] for m in order)})
    return named


def workday_name(day, label, breaks):
    """The 调休 name of a weekend working day: the name of the nearest break of the same festival."""
    member = festival(label)
    candidates = [b for b in breaks if member in b["festivals"]]
    if not candidates:
        return CHINESE_NAMES[member] + "调休"
    nearest = min(candidates, key=lambda b: min(abs((d - day).days) for d in b["days"]))
    return nearest["name"] + "调休"


def build(first, last):
    breaks = holiday_breaks(first, last)
    years = {str(y): {"holidays": [], "workdays": []} for y in range(first, last + 1)}
    for b in breaks:
        for d in b["days"]:
            if first <= d.year <= last:
                years[str(d.year)]["holidays"].append({"date": d.isoformat(), "name": b["name"]})
    for d in sorted(LIB_WORKDAYS):
        if first <= d.year <= last:
            if d.weekday() < 5:
                sys.exit("unexpected weekday working day %s" % d)
            years[str(d.year)]["workdays"].append({"date": d.isoformat(), "name": workday_name(d, LIB_WORKDAYS[d], breaks)})
    for entry in years.values():
        entry["holidays"].sort(key=lambda e: e["date"])
        entry["workdays"].sort(key=lambda e: e["date"])
    return years


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=os.path.join(root, "Resources", "calendar", "china.json"))
    parser.add_argument("--first", type=int, default=2010)
    parser.add_argument("--last", type=int, default=2026)
    parser.add_argument("--generated", default=datetime.date.today().isoformat(),
                        help="date recorded as 'generated' (default today), to reproduce a file byte for byte")
    args = parser.parse_args()
    version = metadata.version("chinesecalendar")
    document = {
        "source": "PyPI chinesecalendar %s (https://github.com/LKI/chinese-calendar), transcribing the "
                  "State Council General Office holiday notices; generated by scripts/gen-calendar.py" % version,
        "generated": args.generated,
        "conventions": "holidays: every day of a holiday break, weekend days inside the break included; "
                       "workdays: weekend days declared working days (调休). Other days follow the weekday rule.",
        "years": build(args.first, args.last),
    }
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as out:
        json.dump(document, out, ensure_ascii=False, indent=1)
        out.write("\n")
    print("wrote %s (chinesecalendar %s, years %d-%d)" % (args.output, version, args.first, args.last))


if __name__ == "__main__":
    main()
