"""The house rules of ARCHITECTURE.md that code can check."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "factcheck"
FRONT_END = {"cli.py"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def core_modules():
    return [
        p for p in PACKAGE.rglob("*.py") if p.name not in FRONT_END and "formats" not in p.parts
    ]


def test_core_never_imports_click_or_rich():
    for path in core_modules():
        assert not imported_modules(path) & {"click", "rich"}, path


def test_core_never_prints():
    for path in core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "print"
        ]
        assert not calls, path


def test_formats_know_nothing_of_checking():
    for path in (PACKAGE / "formats").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "from ..checks" not in source and "from ..verify" not in source, path
