"""The batch command's nbgrader process: autogrades one student after another, on request.

``python -m grader_tests.batch_process ASSIGNMENT CACHE_DIR`` imports nbgrader once (over two
seconds), then reads one JSON request a line on stdin, ``{"student": ID, "log": PATH,
"db_url": URL, "autograded_directory": DIR}`` (empty: the course's own), runs nbgrader's
``Autograde`` for that student with the batch command's result store, logging to PATH, and
answers ``{"student": ID, "status": "ok" | "failed", "detail": TEXT}`` on one line of stdout.
No student code runs in this process: nbgrader's steps start the sandbox.
"""

from __future__ import annotations

import json
import logging
import sys
import traceback


def main(argv: list[str]) -> int:
    assignment, cache_dir = argv
    answers = sys.stdout
    sys.stdout = sys.stderr  # whatever nbgrader prints must not reach the answer channel

    from grader_tests import skip_unused_imports

    skip_unused_imports()
    from nbgrader.apps.autogradeapp import AutogradeApp
    from nbgrader.converters import Autograde
    from nbgrader.converters.base import NbGraderException

    app = AutogradeApp()
    steps = ("SandboxedExecute", "HiddenChecks")
    app.initialize(["--force", *(f"--{step}.cache_directory={cache_dir}" for step in steps)])
    app.coursedir.assignment_id = assignment
    super(AutogradeApp, app).start()  # what AutogradeApp.start does before converting
    course = {name: getattr(app.coursedir, name) for name in ("db_url", "autograded_directory")}

    for line in sys.stdin:
        request = json.loads(line)
        handler = logging.FileHandler(request["log"], encoding="utf-8")
        handler.setFormatter(logging.Formatter("[%(levelname)s] %(message)s"))
        app.log.addHandler(handler)
        status, detail = "ok", ""
        try:
            for name, default in course.items():
                setattr(app.coursedir, name, request.get(name) or default)
            app.coursedir.student_id = request["student"]
            Autograde(coursedir=app.coursedir, parent=app).start()
        except NbGraderException:  # nbgrader logged what went wrong (the log says it)
            status = "failed"
        except Exception as exc:  # noqa: BLE001 - reported to the batch command, not raised
            app.log.error("%s", traceback.format_exc())
            status, detail = "failed", f"{type(exc).__name__}: {exc}"
        finally:
            app.log.removeHandler(handler)
            handler.close()
        answers.write(json.dumps({"student": request["student"], "status": status,
                                  "detail": detail}) + "\n")  # fmt: skip
        answers.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
