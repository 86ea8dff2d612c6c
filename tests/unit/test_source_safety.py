"""Scan the plugin's own source: no code execution of user text, no unpickling, no network access.

Checked with the AST (not by grepping text) so comments and docstrings that *mention* these names do
not count, and aliasing like ``import pickle as p`` is still caught.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PLUGIN = Path(__file__).resolve().parents[2] / "carbon_pool_plugin"
SOURCES = sorted(p for p in PLUGIN.rglob("*.py") if "__pycache__" not in p.parts)

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_MODULES = {
    "pickle",
    "cPickle",
    "dill",
    "joblib",
    "shelve",
    "marshal",  # unpickling user files
    "socket",
    "urllib",
    "urllib2",
    "urllib3",
    "requests",
    "http",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "telnetlib",
    "xmlrpc",  # network
}
FORBIDDEN_ATTRS = {
    "QNetworkAccessManager",
    "QgsNetworkAccessManager",
    "QgsBlockingNetworkRequest",
    "QgsFileDownloader",
    "urlopen",
}


def _problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else None
            if name in FORBIDDEN_CALLS:
                found.append(f"{path.name}:{node.lineno} calls {name}()")
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "load"
                and isinstance(func.value, ast.Name)
                and func.value.id == "np"
            ):
                allow = [k for k in node.keywords if k.arg == "allow_pickle"]
                if not allow or not (
                    isinstance(allow[0].value, ast.Constant) and allow[0].value.value is False
                ):
                    found.append(f"{path.name}:{node.lineno} np.load without allow_pickle=False")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in FORBIDDEN_MODULES:
                    found.append(f"{path.name}:{node.lineno} imports {alias.name}")
        elif isinstance(node, ast.ImportFrom):
            module = (node.module or "").split(".")[0]
            if node.level == 0 and module in FORBIDDEN_MODULES:
                found.append(f"{path.name}:{node.lineno} imports from {node.module}")
            for alias in node.names:
                if alias.name in FORBIDDEN_ATTRS:
                    found.append(f"{path.name}:{node.lineno} imports {alias.name}")
        elif isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_ATTRS:
            found.append(f"{path.name}:{node.lineno} uses {node.attr}")
    return found


def test_sources_found():
    assert len(SOURCES) > 10


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PLUGIN)))
def test_no_code_execution_unpickling_or_network(path):
    assert _problems(path) == []


def test_scanner_catches_what_it_should(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import pickle as p\nfrom urllib.request import urlopen\nimport numpy as np\n"
        "x = eval('1')\nnp.load('f.npy')\n",
        encoding="utf-8",
    )
    problems = _problems(bad)
    assert len(problems) == 5, problems
