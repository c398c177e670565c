"""``make bench``: run every benchmark, print its figures, and end with a table of every headline figure beside its
same-run baseline and its target.

Run a few by name: ``.venv/bin/python -m tests.bench scoring engine`` (names are the ``bench_<name>.py`` modules).
Machines here are shared and noisy, so each figure stands beside a baseline measured in the same run.
"""

from __future__ import annotations

import importlib
import sys
import time
import traceback
from pathlib import Path

from .summary import Row, table

HERE = Path(__file__).resolve().parent
ORDER = ("scoring", "engine", "http", "rescore", "memory", "faults")


def benches(names: list[str]) -> list[str]:
    found = [path.stem.removeprefix("bench_") for path in HERE.glob("bench_*.py")]
    known = [name for name in ORDER if name in found] + sorted(set(found) - set(ORDER))
    unknown = sorted(set(names) - set(known))
    if unknown:
        raise SystemExit(f"no benchmark named {', '.join(unknown)}; known: {', '.join(known)}")
    return [name for name in known if not names or name in names]


def main(names: list[str]) -> int:
    rows: list[Row] = []
    for name in benches(names):
        print(f"\n== {name} ==", flush=True)
        began = time.perf_counter()
        try:
            module = importlib.import_module(f"tests.bench.bench_{name}")
            rows += module.main()
        except Exception:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            rows.append(Row(f"{name}: failed, see above", "-", "-", "runs", False))
        print(f"({name} took {time.perf_counter() - began:,.0f} s)", flush=True)
    print("\n== summary ==")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
