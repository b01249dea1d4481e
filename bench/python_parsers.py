#!/usr/bin/env python3
"""Parses the corpus phrases with Python's `recurrent` and `dateparser` on one core for a fixed CPU
time each and prints one JSON line per library: phrases per CPU second and how many phrases the
library returned anything for (it says nothing about whether the answer was right)."""
import datetime
import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")

from recurrent.event_parser import RecurringEvent  # noqa: E402
import dateparser  # noqa: E402

NOW = datetime.datetime(2026, 12, 4, 9, 0)


def parse_recurrent(text):
    return RecurringEvent(now_date=NOW).parse(text)


def parse_dateparser(text):
    return dateparser.parse(text, settings={"RELATIVE_BASE": NOW})


def measure(name, function, phrases, budget):
    answered = sum(1 for p in phrases if function(p) is not None)
    count = 0
    start = time.process_time()
    while time.process_time() - start < budget:
        for phrase in phrases:
            function(phrase)
        count += len(phrases)
    seconds = time.process_time() - start
    print(json.dumps({"library": name, "parsed": count, "cpu_seconds": round(seconds, 3),
                      "per_cpu_second": int(count / seconds), "answered": answered, "phrases": len(phrases)}))


def main():
    phrases = [line.rstrip("\n") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    budget = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
    measure("recurrent", parse_recurrent, phrases, budget)
    measure("dateparser", parse_dateparser, phrases, budget)


if __name__ == "__main__":
    main()
