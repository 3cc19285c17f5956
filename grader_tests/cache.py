"""Results of the expensive autograde steps, stored by what they were computed from.

The batch command's workers store them; its single writer's autograde finds them by the key
of the steps' input (the cells, the submission's other files, the grader: see
:func:`grader_digest`) and does not run them again. A key that does not match means
"compute it".
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

VERSION = 2
DIRECTORY_HELP = "Reuse results stored here by an earlier run (the batch command sets it)."


def key(*parts) -> str:
    """A digest of JSON-able parts."""
    text = json.dumps([VERSION, *parts], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def folder_digest(folder: Path, exclude_suffix: str = "", skip: tuple[str, ...] = ()) -> str:
    """A digest of the names and contents of the files under ``folder`` (leaving out files
    whose name ends with ``exclude_suffix`` and folders named in ``skip``)."""
    digest = hashlib.sha256()
    folder = Path(folder)
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            if path.is_symlink() or not path.is_file() or set(relative.parts[:-1]) & set(skip):
                continue
            if exclude_suffix and path.name.endswith(exclude_suffix):
                continue
            digest.update(str(relative).encode("utf-8") + b"\0")
            with open(path, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
            digest.update(b"\0")
    return digest.hexdigest()


def grader_folders(root: str | Path, assignment: str) -> list[Path]:
    """The folders :func:`grader_digest` reads."""
    from .sandbox import course_packages

    package = Path(__file__).resolve().parent
    return [package, *course_packages(), Path(root) / "source" / assignment]


def grader_digest(root: str | Path, assignment: str) -> str:
    """A digest of everything a grade is computed with besides the submission: the grader's
    code and hidden checks (this package), the course's public package (``helpers``), the
    assignment's ``source/`` folder and the course's ``nbgrader_config.py``. Editing any of
    them (fixing a hidden check, say) makes every stored result of the assignment stale."""
    root = Path(root)
    digest = hashlib.sha256()
    for folder in grader_folders(root, assignment):
        digest.update(str(folder.name).encode("utf-8") + b"\0")
        digest.update(folder_digest(folder, skip=("__pycache__", ".ipynb_checkpoints")).encode())
    config = root / "nbgrader_config.py"
    if config.is_file():
        digest.update(hashlib.sha256(config.read_bytes()).hexdigest().encode())
    return digest.hexdigest()


def reuse_or_compute(step, key_parts, compute):
    """The result that the autograde ``step`` (a preprocessor) stored in its ``cache_directory``
    under the key of ``key_parts()`` (its log says so), else ``compute()``, stored there; with
    no ``cache_directory``, ``compute()``."""
    if not step.cache_directory:
        return compute()
    digest = key(*key_parts())
    path = Path(step.cache_directory) / digest[:2] / f"{digest}.json"  # one file per key
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # none stored yet, or not readable: compute it
        stored = None
    if stored is not None:  # the batch command looks for this line in the log:
        step.log.info("%s: reused a stored result", type(step).__name__)
        return stored
    stored = compute()
    write_json(path, stored)
    return stored


def write_json(path: Path, value) -> None:
    """Write ``value`` as JSON to ``path`` atomically (a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, part = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(value, out, ensure_ascii=False)
    os.replace(part, path)
