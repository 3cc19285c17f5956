"""What the checks cost in hand-written lines: each week's own, the shared engine's, per week.

``python benchmarks/line_count.py [--rev REV]`` counts, in the working tree or at a git
revision, the Python that issue 9 measures:

- a week's own lines: its public checks (``helpers/checks/<short>.py``) and its hidden checks
  (``grader_tests/<assignment>/*.py``) without the mutant catalogue (``spec.py``; before the
  specs, ``mutants.py``), shown apart;
- the engine: ``grader_tests/*.py``, ``grader_tests/nn/*.py``, ``helpers/checks/__init__.py``
  and ``helpers/checks/engine.py``;
- per week at k weeks: (engine + the first k weeks' own lines) / k, for k = 3 and for every
  week there is.

Each figure is given twice: all lines (``wc -l``), and code lines (no blank lines, comments or
docstrings). Weeks come in the order of ``ASSIGNMENTS`` in ``nbgrader_config.py``.
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ("/spec.py", "/mutants.py")  # the planted mistakes (mutants.py before the specs)
ENGINE = ("grader_tests/*.py", "grader_tests/nn/*.py", "helpers/checks/__init__.py",
          "helpers/checks/engine.py")  # fmt: skip


class Tree:
    """The repository's files, in the working tree or at a revision."""

    def __init__(self, rev: str | None):
        self.rev = rev
        if rev:
            listing = git("ls-tree", "-r", "--name-only", rev)
            self.paths = listing.splitlines()
        else:
            listing = git("ls-files", "--cached", "--others", "--exclude-standard")
            self.paths = [p for p in listing.splitlines() if (ROOT / p).is_file()]

    def read(self, path: str) -> str:
        return git("show", f"{self.rev}:{path}") if self.rev else (ROOT / path).read_text()


def _matches(path: str, pattern: str) -> bool:
    """``pattern``'s folder exactly (a ``*`` never crosses a ``/``)."""
    folder, _, name = pattern.rpartition("/")
    head, _, tail = path.rpartition("/")
    return head == folder and Path(tail).match(name)


def git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"git {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


def counts(text: str) -> tuple[int, int]:
    """(all lines, code lines) of a Python file."""
    lines = text.splitlines()
    skip = {i for i, line in enumerate(lines, 1) if not line.strip() or line.lstrip()[0] == "#"}
    for node in ast.walk(ast.parse(text)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                skip.update(range(body[0].lineno, body[0].end_lineno + 1))
    return len(lines), len(lines) - len(skip)


def total(tree: Tree, paths: list[str]) -> tuple[int, int]:
    pairs = [counts(tree.read(p)) for p in paths]
    return sum(p[0] for p in pairs), sum(p[1] for p in pairs)


def weeks(tree: Tree) -> list[str]:
    config = tree.read("nbgrader_config.py")
    listed = re.search(r"ASSIGNMENTS\s*=\s*\[(.*?)\]", config, re.S)
    return re.findall(r"[\"'](\w+)[\"']", listed.group(1)) if listed else []


def public_module(tree: Tree, week: str) -> str:
    init = tree.read(f"grader_tests/{week}/__init__.py")
    found = re.search(r"PUBLIC_CHECKS\s*=\s*[\"']helpers\.checks\.(\w+)[\"']", init)
    return f"helpers/checks/{found.group(1)}.py" if found else f"helpers/checks/{week}.py"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", help="count at this git revision (default: the working tree)")
    args = parser.parse_args(argv)
    tree = Tree(args.rev)
    engine_files = [p for pattern in ENGINE for p in tree.paths if _matches(p, pattern)]
    engine = total(tree, engine_files)
    print(f"counted at {args.rev or 'the working tree'}: all lines / code lines")
    print(f"{'engine (' + str(len(engine_files)) + ' files)':<34}{engine[0]:>7}{engine[1]:>7}")
    own = []
    for week in weeks(tree):
        hidden = [p for p in tree.paths if _matches(p, f"grader_tests/{week}/*.py")]
        spec = [p for p in hidden if p.endswith(CATALOGUES)]
        lines = total(tree, [public_module(tree, week)] + [p for p in hidden if p not in spec])
        own.append(lines)
        spec_lines = total(tree, spec)[0]
        print(f"{week:<34}{lines[0]:>7}{lines[1]:>7}   (catalogue {spec_lines}, not counted)")
    for k in sorted({min(3, len(own)), len(own)} - {0}):
        first = [sum(x[i] for x in own[:k]) + engine[i] for i in (0, 1)]
        print(f"{'per week at ' + str(k) + ' weeks':<34}{first[0] / k:>7.0f}{first[1] / k:>7.0f}")
    if len(own) > 3:
        later = [x[0] for x in own[3:]]
        print(f"weeks 4..{len(own)}, own lines each: {min(later)}-{max(later)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
