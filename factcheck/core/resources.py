"""Folders that ship with factcheck but live at the top of the repository: the prompts and the migrations.

A wheel carries them inside the package (``factcheck/prompts``, ``factcheck/migrations``: see
``[tool.setuptools.package-dir]`` in pyproject.toml), where ``importlib.resources`` finds them. An
editable install (a clone with ``pip install -e``) imports ``factcheck`` from the clone, where the
same folders sit beside the package under their repository names. That second place is the only
other one looked at, so a packaged desk never reads files from wherever it happens to be started.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

# Name inside the package -> name at the top of the repository.
_CHECKOUT_NAMES = {"prompts": "prompts", "migrations": "alembic"}


@cache
def bundled(name: str) -> Path:
    """The folder ``name`` ("prompts" or "migrations") as a path on disk."""
    if name not in _CHECKOUT_NAMES:
        raise ValueError(f"factcheck ships no folder named {name!r}")
    # Installed from a wheel: package data, on disk (wheels are always unpacked).
    installed = Path(str(files("factcheck").joinpath(name)))
    if installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parents[2] / _CHECKOUT_NAMES[name]
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"factcheck's {name} are missing: neither {installed} nor {checkout} exists; reinstall factcheck"
    )
