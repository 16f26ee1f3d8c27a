"""Every regular expression factcheck runs, and adversarial text to run them on.

Found two ways, so that a new pattern cannot slip past the fuzz test: compiled patterns held by a
module (``_ACTOR = re.compile(...)``) and literal patterns passed straight to ``re.search(r"...")``
and its siblings, read from the source with ``ast``.
"""

from __future__ import annotations

import ast
import importlib
import itertools
import pkgutil
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import factcheck

_RE_CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split"}
# Modules that only run on the developer's side (a scripted fake model server) or need optional extras.
_SKIP_MODULES = ("factcheck.devtools", "factcheck.__main__")


@dataclass(frozen=True)
class Found:
    where: str
    pattern: str
    flags: int

    def compiled(self) -> re.Pattern:
        return re.compile(self.pattern, self.flags)


def _modules() -> Iterator[str]:
    yield "factcheck"
    for info in pkgutil.walk_packages(factcheck.__path__, "factcheck."):
        if not info.name.startswith(_SKIP_MODULES):
            yield info.name


def _flag_value(node: ast.AST) -> int:
    """re.I | re.S written in the call, as far as it can be read without running it."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "re":
        return int(getattr(re, node.attr, 0))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _flag_value(node.left) | _flag_value(node.right)
    return 0


def _literal_calls(path: Path, module: str) -> Iterator[Found]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in _RE_CALLS
            and node.args
        ):
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            flags = 0
            for kw in node.keywords:
                if kw.arg == "flags":
                    flags = _flag_value(kw.value)
            positional_flags = {
                "compile": 1,
                "search": 2,
                "match": 2,
                "fullmatch": 2,
                "findall": 2,
                "finditer": 2,
                "split": 3,
                "sub": 4,
                "subn": 4,
            }[node.func.attr]
            if len(node.args) > positional_flags:
                flags = _flag_value(node.args[positional_flags])
            yield Found(f"{module}:{node.lineno}", first.value, flags)


def every_pattern() -> list[Found]:
    seen: dict[tuple[str, int], Found] = {}
    for name in _modules():
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern):
                seen.setdefault(
                    (value.pattern, value.flags & ~re.UNICODE),
                    Found(f"{name}.{attr}", value.pattern, value.flags & ~re.UNICODE),
                )
        path = Path(module.__file__ or "")
        if path.suffix == ".py":
            for found in _literal_calls(path, name):
                seen.setdefault((found.pattern, found.flags), found)
    return sorted(seen.values(), key=lambda f: f.where)


# Characters the patterns treat specially: word characters of several kinds, every separator and
# punctuation mark they accept, and the quotation marks and dashes of news text.
ALPHABET = [
    "A",
    "a",
    "Z",
    "é",
    "1",
    " ",
    "\t",
    "\n",
    "-",
    "–",
    "—",
    ".",
    ",",
    ";",
    ":",
    "'",
    "’",
    '"',
    "“",
    "”",
    "(",
    ")",
    "/",
    "&",
    "_",
    "@",
    "#",
    "%",
    "$",
    "?",
    "!",
    "<",
    ">",
    "=",
    "+",
    "*",
]
# Words and pieces the patterns are built around (names, titles, reporting verbs, units, URLs).
PIECES = [
    "A-",
    "A ",
    "A. ",
    "Aa ",
    "Aa-",
    "Mc",
    "O’",
    "of ",
    "the ",
    "The ",
    "said ",
    "a ",
    "an ",
    "Sen. ",
    "Dr. ",
    "1,",
    "1.",
    "1 ",
    "10 ",
    "per ",
    "cent ",
    "$1 ",
    "http://a",
    "www.",
    "a@",
    "according to ",
    "who ",
    ", who ",
    "told ",
    "that ",
    "on ",
    "Inc ",
    "“a ",
    "a” ",
    "A, a ",
    "A, ",
    "AA",
    "aa",
    "A-a ",
    "Jan ",
    "last ",
    "week ",
    "Monday ",
    "%",
    "1%",
    "a-",
    "-a",
    "' ",
    "’s ",
    "\n\n",
    "<a>",
    "&amp;",
]
# Openings that take a pattern past its anchor before the pump starts.
PREFIXES = ["", "According to ", "“Yes,” ", "” said ", "The ", "“", "http://", "Mayor ", "On Monday, ", "A "]


def pumps() -> list[str]:
    pairs = ["".join(p) for p in itertools.product(ALPHABET, repeat=2)]
    return list(dict.fromkeys([*ALPHABET, *PIECES, *pairs]))


def hostile(pump: str, prefix: str = "", length: int = 240) -> str:
    """``prefix`` then ``pump`` repeated to about ``length`` characters, ended by a character that
    makes most patterns fail only at the very end (where backtracking does its damage)."""
    return prefix + pump * max(1, length // len(pump)) + "\x01"


def worst_case(pattern: str, flags: int, cases: list[tuple[str, str]], length: int) -> tuple[float, str, str]:
    """The slowest search of ``pattern`` over the cases (prefix, pump) at ``length``: (seconds,
    prefix, pump). Run in a child process: a pattern that backtracks for ever is killed there."""
    import time

    rx = re.compile(pattern, flags)
    worst = (0.0, "", "")
    for prefix, pump in cases:
        text = hostile(pump, prefix, length)
        began = time.perf_counter()
        rx.search(text)
        took = time.perf_counter() - began
        if took > worst[0]:
            worst = (took, prefix, pump)
    return worst
