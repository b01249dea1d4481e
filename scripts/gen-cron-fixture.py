#!/usr/bin/env python3
"""Writes Tests/ScheduleTests/Fixtures/croniter-next-runs.tsv: random cron expressions with their
next 5 runs computed by croniter, the independent implementation the Swift schedule engine is
checked against (Tests/ScheduleTests/CroniterFixtureTests.swift).

Semantics: croniter is run with implement_cron_bug=True, which gives classic Vixie/ISC cron
behaviour for day of month + day of week: when both fields are restricted either one matching is
enough, but a field written starting with `*` (such as `*/2`) does not count as restricted, so the
two are combined with AND. Without that flag croniter 6.0.0 ORs `*/2` with a weekday too, which no
Vixie-derived cron does. Zones are UTC and fixed offsets (Etc/GMT+5 is UTC-5); daylight-saving
behaviour is covered by hand-written tests instead, since croniter's DST handling differs from ISC
cron's (it skips jobs in the spring-forward gap).

Ranges are always generated with start < end: croniter 6.0.0 reads a one-value range such as `59-59`
or `4-4` as `*` (every value), which no cron does, so such rows would only test croniter's quirk.

croniter 6.0.0 also skips the 1st of March after a February when the day-of-month list holds days
that February lacks (`23 * 1,16,31 * *` jumps from 26 February 2028 to 16 March). Each croniter
answer is therefore checked against a plain day-by-day walk written here; rows where the two differ
are left out of the fixture and listed on stderr, so the fixture holds only rows two independent
readings agree on.

Run with a fixed seed so the fixture is reproducible:
    .build/pyenv/bin/python scripts/gen-cron-fixture.py
Columns: cron, zone, start (Unix seconds), next five runs (Unix seconds, comma-separated).
"""
import datetime
import os
import random
import sys

from croniter import croniter, CroniterBadDateError

SEED = 20261203
ROWS = 3000
ZONES = {
    "UTC": 0,
    "Etc/GMT+5": -5 * 3600,
    "Etc/GMT-9": 9 * 3600,
    "Etc/GMT-14": 14 * 3600,
    "Etc/GMT+12": -12 * 3600,
    "Etc/GMT-3": 3 * 3600,
}
DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def item(rng, low, high, names=None):
    kind = rng.random()
    if kind < 0.35:
        value = rng.randint(low, high)
        if names and rng.random() < 0.3:
            return names[value - low] if value - low < len(names) else str(value)
        return str(value)
    if kind < 0.6:
        a = rng.randint(low, high - 1)
        b = rng.randint(a + 1, high)
        return f"{a}-{b}"
    if kind < 0.8:
        a = rng.randint(low, high - 1)
        b = rng.randint(a + 1, high)
        return f"{a}-{b}/{rng.randint(1, max(1, (high - low) // 2))}"
    return ",".join(str(v) for v in sorted(rng.sample(range(low, high + 1), rng.randint(2, 4))))


def field(rng, low, high, star_weight, names=None):
    r = rng.random()
    if r < star_weight:
        return "*"
    if r < star_weight + 0.15:
        return f"*/{rng.randint(2, max(2, (high - low) // 2))}"
    return item(rng, low, high, names)


def random_cron(rng):
    minute = field(rng, 0, 59, 0.15)
    hour = field(rng, 0, 23, 0.3)
    dom = field(rng, 1, 31, 0.55)
    month = field(rng, 1, 12, 0.7, MONTH_NAMES)
    dow = field(rng, 0, 6, 0.55, DAY_NAMES)
    if dow.isdigit() and rng.random() < 0.15 and dow == "0":
        dow = "7"
    return f"{minute} {hour} {dom} {month} {dow}"


def field_values(text, low, high, names=()):
    """The set of values of one cron field; names and 7-for-Sunday as cron reads them."""
    values = set()
    for part in text.split(","):
        base, _, step = part.partition("/")
        step = int(step) if step else 1
        if base == "*":
            a, b = low, high
        elif "-" in base:
            a, b = (parse_value(v, names) for v in base.split("-"))
        else:
            a = parse_value(base, names)
            b = high if step > 1 or "/" in part else a
        values.update(range(a, b + 1, step))
    return {0 if (high == 6 and v == 7) else v for v in values}


def parse_value(text, names):
    lower = text.lower()
    if lower in names:
        return names.index(lower) + (1 if len(names) == 12 else 0)
    return int(text)


def walk(cron, start_dt, count):
    """Next runs by walking days: the reference croniter answers are checked against."""
    fields = cron.split()
    minutes = sorted(field_values(fields[0], 0, 59))
    hours = sorted(field_values(fields[1], 0, 23))
    doms = field_values(fields[2], 1, 31)
    months = field_values(fields[3], 1, 12, MONTH_NAMES)
    dows = field_values(fields[4], 0, 6, DAY_NAMES)
    either = not fields[2].startswith("*") and not fields[4].startswith("*")
    day = start_dt.replace(hour=0, minute=0, second=0, microsecond=0)
    runs = []
    for _ in range(366 * 12):
        if day.month in months:
            dom_ok = day.day in doms
            dow_ok = (day.isoweekday() % 7) in dows
            if (dom_ok or dow_ok) if either else (dom_ok and dow_ok):
                for h in hours:
                    for m in minutes:
                        t = day.replace(hour=h, minute=m)
                        if t > start_dt:
                            runs.append(int(t.timestamp()))
                            if len(runs) == count:
                                return runs
        day += datetime.timedelta(days=1)
    return runs


def main():
    rng = random.Random(SEED)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_path = os.path.join(root, "Tests/ScheduleTests/Fixtures/croniter-next-runs.tsv")
    lines = ["cron\tzone\tstart\truns"]
    epoch_low = int(datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc).timestamp())
    epoch_high = int(datetime.datetime(2031, 1, 1, tzinfo=datetime.timezone.utc).timestamp())
    while len(lines) - 1 < ROWS:
        cron = random_cron(rng)
        zone_name = rng.choice(list(ZONES))
        offset = datetime.timezone(datetime.timedelta(seconds=ZONES[zone_name]))
        start = rng.randint(epoch_low, epoch_high)
        start_dt = datetime.datetime.fromtimestamp(start, tz=offset)
        try:
            it = croniter(cron, start_dt, implement_cron_bug=True, max_years_between_matches=12)
            runs = [int(it.get_next(datetime.datetime).timestamp()) for _ in range(5)]
        except CroniterBadDateError:
            runs = []
        except Exception as error:  # an expression croniter refuses is not a useful comparison row
            print(f"skip {cron!r}: {error}", file=sys.stderr)
            continue
        if runs != walk(cron, start_dt, 5):
            print(f"croniter disagrees with the day walk, left out: {cron!r} {zone_name} {start}", file=sys.stderr)
            continue
        lines.append(f"{cron}\t{zone_name}\t{start}\t{','.join(str(r) for r in runs)}")
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {len(lines) - 1} rows to {out_path}")


if __name__ == "__main__":
    main()
