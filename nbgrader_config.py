"""nbgrader configuration of the course (run nbgrader commands from this folder)."""

import os
import platform
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file


def _same_numbers_everywhere() -> dict[str, str]:
    """Settings that make NumPy and OpenBLAS compute bit for bit the same on every x86-64
    machine: NumPy's SIMD kernels above its baseline off (np.exp and np.tanh differ in the last
    bit between AVX2 and AVX-512, and ten thousand training steps turn that into a different
    cost), one OpenBLAS kernel family and one thread. The kernels of nbgrader's commands
    inherit them, so the solution notebooks `nbgrader generate_solution` executes print the
    numbers their text states on any such machine."""
    settings = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    try:
        try:
            from numpy._core import _multiarray_umath as umath
        except ImportError:  # NumPy 1.x
            from numpy.core import _multiarray_umath as umath
        extra = sorted(set(umath.__cpu_dispatch__) - set(umath.__cpu_baseline__))
    except (ImportError, AttributeError):
        extra = []
    if extra:
        settings["NPY_DISABLE_CPU_FEATURES"] = " ".join(extra)
    if platform.machine().lower() in ("x86_64", "amd64"):
        settings["OPENBLAS_CORETYPE"] = "Haswell"
    return settings


def _is_nbgrader_command() -> bool:
    """True in `nbgrader ...` and `python -m nbgrader ...`; False in a Jupyter server, whose
    nbgrader extensions read this file too: a learner's JupyterLab keeps NumPy's fastest
    kernels (the settings above give the same numbers on every processor, at some cost in
    speed)."""
    program = Path(sys.argv[0] if sys.argv else "")
    return program.name == "nbgrader" or (
        program.name == "__main__.py" and program.parent.name == "nbgrader"
    )


if _is_nbgrader_command():
    for _name, _value in _same_numbers_everywhere().items():
        os.environ[_name] = _value
    if "generate_solution" in sys.argv:
        # the solution notebooks keep their figures (a static viewer shows them): the kernel
        # that runs them draws with Jupyter's inline backend, whatever MPLBACKEND says
        os.environ.pop("MPLBACKEND", None)

# The course's assignments, in order. nbgrader 0.9 adds an assignment to the gradebook when
# `nbgrader generate_assignment ID` runs; this list is what the project's tests hold the
# course to (each has source/ID/ID.ipynb, release/, notebooks/ and grader_tests/ID/).
ASSIGNMENTS = [
    "c1w2_logistic_regression",
    "c1w3_shallow_network",
    "c1w4_deep_network",
    "c2w1_practical_aspects",
    "c2w2_optimization",
    "c2w3_tuning_batchnorm_softmax",
    "c3_ml_strategy",
    "c4w1_convolution",
    "c4w2_case_studies",
]

c.CourseDirectory.course_id = "deep-learning-from-scratch"

# The exchange (release -> fetch -> submit -> collect) lives in the course folder by default, so
# that it works on one machine with no set-up: `exchange/` holds what the instructor released
# and what learners submitted, `my-work/<id>/` what a learner fetched and works on (both
# git-ignored). On a JupyterHub, point NBGRADER_EXCHANGE at a folder every user can reach.
# JupyterLab's Assignment List reads the config again from inside `my-work/`: the committed
# my-work/nbgrader_config.py there loads this file. Formgrader offers Release only when the
# exchange folder exists, so the course-local one is made here (a read-only checkout skips it).
_COURSE = Path(__file__).resolve().parent
c.Exchange.root = os.environ.get("NBGRADER_EXCHANGE") or str(_COURSE / "exchange")
c.Exchange.assignment_dir = str(_COURSE / "my-work")
if "NBGRADER_EXCHANGE" not in os.environ:
    try:
        (_COURSE / "exchange").mkdir(exist_ok=True)
    except OSError:
        pass
c.CourseDirectory.solution_directory = "notebooks"

# Student stubs: the solution region becomes this.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}

# Autograde: the notebook is executed for its outputs with the kernel inside the grader's
# sandbox (grader_tests/sandbox.py) in place of nbgrader's Execute, then the hidden checks
# grade it again in a separate sandboxed worker and write each test cell's verdict
# (partial credit) before the grades are saved. No grade comes from the kernel.
c.Autograde.autograde_preprocessors = [
    "grader_tests.execute.SandboxedExecute",
    "grader_tests.nbgrader_step.HiddenChecks",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]
# A cell may run this long in the sandboxed kernel before it is interrupted (the rest of
# the notebook still runs); the whole notebook this long before the sandbox is ended.
c.SandboxedExecute.timeout = 180
c.SandboxedExecute.notebook_timeout = 1800
c.Execute.timeout = 180  # nbgrader's own Execute, used by `nbgrader validate` and friends
c.HiddenChecks.timeout = 1800
c.HiddenChecks.call_timeout = 60
