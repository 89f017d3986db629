"""`course data`: find or fetch the data sets and say where each file came from."""

from __future__ import annotations

from pathlib import Path

from utils import data


def data_report(data_dir: Path | None = None, download: bool = True) -> tuple[str, bool]:
    """A table of every data file with its origin, and whether all of them were found."""
    rows = data.dataset_report(data_dir=data_dir, download=download)
    lines = []
    ok = True
    for row in rows:
        if row.get("error"):
            ok = False
            lines.append(f"  MISSING {row['dataset']}/{row['file']}\n{_indent(row['error'])}")
        else:
            name = f"{row['dataset']}/{row['file']}"
            lines.append(f"  ok      {name}  ({row['origin']}) {row['path']}")
    return "\n".join(lines), ok


def _indent(text: str) -> str:
    return "\n".join("          " + line for line in text.splitlines())
