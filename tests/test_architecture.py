"""The house rules: imports run one way, each package has a complete front door, modules stay small."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {"scenarios": set(), "scoring": {"scenarios"}, "app": {"scenarios", "scoring"}}
OURS = {"scenarios", "scoring", "app", "web", "tests"}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & OURS


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_imports_run_one_way(package: str) -> None:
    wrong = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) - ALLOWED[package] - {package})
        for path in sorted((ROOT / package).rglob("*.py"))
    }
    assert {file: names for file, names in wrong.items() if names} == {}


def test_the_checker_sees_a_wrong_import(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text("from app.settings import Settings\nimport scoring.rubric\n", encoding="utf-8")
    assert imported_packages(module) == {"app", "scoring"}


def isort_key(name: str) -> tuple[int, str]:
    kind = 0 if name.isupper() else 1 if name[0].isupper() else 2
    return kind, name


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_front_door_is_sorted_and_complete(package: str) -> None:
    module = importlib.import_module(package)
    exported = list(module.__all__)
    assert exported == sorted(exported, key=isort_key), "keep __all__ sorted (constants, classes, functions)"
    public = {name for name in vars(module) if not name.startswith("_")}
    submodules = {p.stem for p in (ROOT / package).glob("*.py")} | {
        p.name for p in (ROOT / package).iterdir() if p.is_dir()
    }
    missing = sorted(public - set(exported) - submodules - {"annotations"})
    assert missing == [], f"public names not in __all__: {missing}"
    for name in exported:
        assert hasattr(module, name), name


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_modules_stay_small(package: str) -> None:
    too_long = {
        str(path.relative_to(ROOT)): count
        for path in (ROOT / package).rglob("*.py")
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > 450
    }
    assert too_long == {}
