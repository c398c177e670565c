"""``make bench``: run every benchmark, print its figures and say which targets are met."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    results: dict[str, bool] = {}
    for path in sorted(HERE.glob("bench_*.py")):
        module = importlib.import_module(f"tests.bench.{path.stem}")
        print(f"\n== {path.stem} ==")
        results[path.stem] = bool(module.main())
    print("\n== targets ==")
    for name, met in results.items():
        print(f"  {name:<24} {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
