"""Print geoparsing scores (accuracy within 161 km, median error) on a GWN/LGL gold corpus.

Usage: .venv/bin/python benchmarks/geoparse_eval.py --corpus /work/shared/data/dev/geoparsing/lgl.xml
       [--geo-profile us-local|conflict]
"""

from __future__ import annotations

import argparse
import json
import time

from eventwire.evaluate.geoparse import evaluate_geoparse
from eventwire.geoparse.profiles import GEO_PROFILES, US_LOCAL


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, help="GWN.xml or lgl.xml")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--errors", action="store_true", help="also list the frequent errors")
    parser.add_argument(
        "--geo-profile",
        choices=GEO_PROFILES,
        default=US_LOCAL,
        help="detector profile (default us-local: GeoWebNews and LGL are US local news)",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    report = evaluate_geoparse(args.corpus, limit=args.limit, profile=args.geo_profile)
    if not args.errors:
        report.pop("frequent_errors")
    report["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
