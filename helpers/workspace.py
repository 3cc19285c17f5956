"""Your own working copy of a week's notebook, outside the course's tracked folders.

    python -m helpers.workspace c1w2                 # the exercises: my-work/c1w2_.../...ipynb
    python -m helpers.workspace c1w2 --solution      # the worked solution, to run and change

Open the copy in JupyterLab: saving it (JupyterLab saves on its own every few minutes) never
changes ``release/`` or ``notebooks/``, so ``git pull`` keeps working. ``my-work/`` is also
where the Assignment List's Fetch puts a released assignment. An existing copy is never
overwritten: you are told where it is.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

WORK = "my-work"


def course_root(start: Path | None = None) -> Path:
    """The course folder (the one holding ``nbgrader_config.py`` and ``release/``)."""
    for folder in [start or Path.cwd(), Path(__file__).resolve().parents[1]]:
        for candidate in [folder, *folder.parents]:
            if (candidate / "nbgrader_config.py").is_file() and (candidate / "release").is_dir():
                return candidate
    raise SystemExit("no course folder found: run this from the course folder (it has release/)")


def weeks(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "release").iterdir() if (p / f"{p.name}.ipynb").is_file())


def find_week(name: str, root: Path) -> str:
    """The full id of a week from its id or a prefix such as ``c1w2``."""
    known = weeks(root)
    matches = [w for w in known if w == name or w.startswith(name + "_")]
    if len(matches) != 1:
        raise SystemExit(f"unknown week {name!r}: choose one of {', '.join(known)}")
    return matches[0]


def make_copy(name: str, solution: bool = False, root: Path | None = None) -> Path:
    """Copy a week's release (or solution) notebook into ``my-work/<id>/``; the new path."""
    root = root or course_root()
    week = find_week(name, root)
    source = root / ("notebooks" if solution else "release") / week / f"{week}.ipynb"
    target = root / WORK / week / (f"{week}_solution.ipynb" if solution else f"{week}.ipynb")
    if target.exists():
        raise SystemExit(f"you already have a copy: {target} (open it, or rename it first)")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".ipynb.part")
    shutil.copyfile(source, partial)
    partial.replace(target)  # never a half-copied notebook
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.workspace",
        description="Make your own copy of a week's notebook in my-work/ and say where it is.",
    )
    parser.add_argument("week", help="a week's id or its start, e.g. c1w2")
    parser.add_argument("--solution", action="store_true", help="copy the worked solution")
    options = parser.parse_args(argv)
    target = make_copy(options.week, options.solution)
    print(f"your copy: {target}\nopen it in JupyterLab: jupyter lab {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
