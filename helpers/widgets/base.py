"""The plumbing every widget of :mod:`helpers.widgets` shares: the :class:`Explorer` base class.

An explorer is a ``VBox`` of four parts, top to bottom: a short introduction, its controls
(sliders, a text field, an upload button...), a ``status`` line (``HTML``: the result, or a
message when the learner's code failed) and a ``plot`` (``Output`` holding one figure as PNG
data). :class:`Explorer` builds that layout and holds what the explorers have in common:

- calling the learner's function (:meth:`Explorer._call_learner`): with ``np.random``
  seeded if asked (:class:`SeededRandom`), overflow warnings silenced, and any exception
  turned into a :class:`LearnerProblem` whose message says what to do;
- the run cache (``runs``) and :meth:`Explorer._run`, which trains only settings not seen
  before and disables the controls while it trains;
- the status line and the plot (:meth:`Explorer._show_result`,
  :meth:`Explorer._show_problem`);
- checking the lists of slider values (:func:`slider_values`, :func:`start_value`) and building
  the sliders (:func:`choice_slider`).

None of this changes NumPy's or BLAS's thread settings: the learner's code runs in the
kernel's own process with whatever the kernel was started with.
"""

from __future__ import annotations

import base64
import contextlib
import html
import io
import os
import sysconfig
import warnings
from pathlib import Path

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from threadpoolctl import threadpool_limits

from helpers import plotting

COST_EVERY = 100  # the course's optimize records the cost every 100 iterations
PROBLEM_COLOR = "#b00020"


# ==================================================================================== figures
def figure_output(fig) -> dict:
    """A matplotlib figure as one ``display_data`` output (PNG); the figure is closed."""
    buffer = io.BytesIO()
    try:
        fig.savefig(buffer, format="png", dpi=100, facecolor="white")
    finally:
        plt.close(fig)
    width, height = (int(round(size * 100)) for size in fig.get_size_inches())
    return {
        "output_type": "display_data",
        "data": {
            "image/png": base64.b64encode(buffer.getvalue()).decode("ascii"),
            "text/plain": f"<Figure size {width}x{height}>",
        },
        "metadata": {},
    }


def show_figure(output: widgets.Output, fig) -> None:
    """Replace what ``output`` shows by ``fig`` (which is closed).

    Setting ``outputs`` directly (what ``Output.append_display_data`` does) works the same
    in a live kernel, in a headless run and in a test, unlike ``with output: display(fig)``,
    which needs an IPython kernel to capture anything.
    """
    output.outputs = (figure_output(fig),)


# =================================================================================== messages
class LearnerProblem(Exception):
    """The learner's function failed or returned something unusable (the message says why)."""


def problem_html(text: str) -> str:
    """``text`` as a red, framed block of HTML for the status line (the text is escaped)."""
    return (
        f'<div style="color: {PROBLEM_COLOR}; border-left: 4px solid {PROBLEM_COLOR}; '
        f'padding: 4px 10px; white-space: pre-wrap;">{html.escape(text)}</div>'
    )


def learner_error(name: str, error: Exception) -> str:
    """A short, friendly message for an exception raised by the learner's function ``name``."""
    if isinstance(error, NotImplementedError):
        return (
            f"Your `{name}` is not written yet (it raised NotImplementedError). "
            f"Write `{name}` above, run its cell, then run this cell again."
        )
    detail = str(error).strip() or "(no message)"
    return (
        f"Your `{name}` raised {type(error).__name__}: {detail}\n"
        f"Fix `{name}` above (its public checks help), run its cell, then run this cell again."
    )


def learner_costs(costs, name: str, label: str) -> np.ndarray:
    """The costs returned by the learner's function ``name`` as floats ``(k,)``.

    ``label`` is how the message names them (``'d["costs"]'``); a :class:`LearnerProblem`
    when they are not a list of numbers.
    """
    try:
        return plotting._cost_values(costs, name, label)
    except ValueError as error:
        raise LearnerProblem(f"Your `{name}` returned unusable costs: {error}") from None


# ================================================================================= randomness
def checked_parameters(parameters, layers_dims, source: str) -> dict:
    """The parameters W1, b1, ..., WL, bL of a network with these layer sizes as float arrays
    of the right shapes, or a LearnerProblem that says what is wrong; ``source`` names where
    they come from ("your `L_layer_model`")."""
    if not isinstance(parameters, dict):
        raise LearnerProblem(
            f"The parameters from {source} should be a dict W1, b1, ...; they are a "
            f"{type(parameters).__name__}."
        )
    L = len(layers_dims) - 1
    checked = {}
    for l in range(1, L + 1):
        for name, shape in (
            ("W", (layers_dims[l], layers_dims[l - 1])),
            ("b", (layers_dims[l], 1)),
        ):
            key = f"{name}{l}"
            if key not in parameters:
                raise LearnerProblem(
                    f"The parameters from {source} have no {key!r} (keys: "
                    f"{', '.join(map(str, parameters)) or 'none'}); a network "
                    f"{' → '.join(map(str, layers_dims))} needs W1, b1 .. W{L}, b{L}."
                )
            try:
                value = np.asarray(parameters[key], dtype=np.float64)
            except (TypeError, ValueError):
                value = None
            if value is None or value.shape != shape:
                got = "not an array of numbers" if value is None else f"shape {value.shape}"
                raise LearnerProblem(
                    f"parameters[{key!r}] from {source} has {got}; expected shape {shape}."
                )
            checked[key] = value
    return checked


class SeededRandom:
    """A ``with`` block with ``np.random`` seeded; the learner's random state is put back after."""

    def __init__(self, seed: int) -> None:
        self.seed = seed

    def __enter__(self) -> None:
        self.state = np.random.get_state()
        np.random.seed(self.seed)

    def __exit__(self, *exc) -> bool:
        np.random.set_state(self.state)
        return False


# ==================================================================================== sliders
def start_value(value, options: tuple, name: str):
    """Where a slider over ``options`` starts: ``value``, or the middle option for ``None``."""
    if value is None:
        return options[len(options) // 2]
    if value not in options:
        raise ValueError(f"{name}={value!r} is not one of the slider's values {options}.")
    return options[options.index(value)]


def choice_slider(
    options, value, description: str, style: dict, label: str = "{}", width: str = "420px"
) -> widgets.SelectionSlider:
    """A slider over fixed ``options`` that acts only when released (training is slow).

    ``label`` formats each option for display (``"{:g}"`` for learning rates).
    """
    return widgets.SelectionSlider(
        options=[(label.format(option), option) for option in options],
        value=value,
        description=description,
        continuous_update=False,
        style=style,
        layout=widgets.Layout(width=width),
    )


# =================================================================================== explorer
class Explorer(widgets.VBox):
    """Base class of the course's widgets: intro, controls, a status line and a plot.

    Attributes: ``status`` (``HTML``: the result or a message), ``plot`` (``Output``: the
    figure), ``runs`` (``{key: run}``, every training run so far, for the explorers that
    train). A subclass builds its controls, calls ``super().__init__(intro, controls,
    busy_controls)`` and then, if it trains, implements ``_train(*key)`` and an ``update``
    that gets its run from :meth:`_run`.
    """

    def __init__(self, intro: str, controls: widgets.Widget, busy_controls=()) -> None:
        """``intro``: HTML text above the controls; ``controls``: the widget holding them;
        ``busy_controls``: the controls disabled while a run trains."""
        self.status = widgets.HTML()
        self.plot = widgets.Output()
        self.runs: dict = {}
        self._busy_controls = tuple(busy_controls)
        super().__init__(children=[widgets.HTML(intro), controls, self.status, self.plot])

    def start(self, controls) -> None:
        """Update on every change of ``controls`` (a released slider, a menu, a field), and
        show the first result now."""
        for control in controls:
            control.observe(self.update, names="value")
        self.update()

    def __repr__(self) -> str:
        """What a static viewer of the notebook shows in place of the live widget."""
        return f"[{type(self).__name__}: an interactive widget; run the notebook to use it]"

    # ---------------------------------------------------------------- the learner's code
    def _call_learner(self, name: str, function, *args, seed=None, silence_warnings=True, **kwargs):
        """``function(*args, **kwargs)``: the learner's function ``name``, called safely.

        NumPy's floating-point warnings are off (a large learning rate may overflow exp or
        log: the plot says so instead), and so are ``RuntimeWarning`` s if
        ``silence_warnings``. With a ``seed``, ``np.random`` is seeded for the call and the
        learner's random state is put back afterwards. An exception becomes a
        :class:`LearnerProblem` whose message says what to do.
        """
        try:
            with contextlib.ExitStack() as stack:
                if seed is not None:
                    stack.enter_context(SeededRandom(seed))
                stack.enter_context(np.errstate(all="ignore"))
                # one BLAS thread: on a small or shared machine (a JupyterHub) threads that
                # spin against each other make training several times slower
                stack.enter_context(threadpool_limits(limits=1, user_api="blas"))
                # what the learner's code prints (accuracy lines, costs) would land above
                # the widget, away from what it belongs to: the explorer shows results itself
                stack.enter_context(contextlib.redirect_stdout(io.StringIO()))
                if silence_warnings:
                    stack.enter_context(warnings.catch_warnings())
                    warnings.simplefilter("ignore", RuntimeWarning)
                return function(*args, **kwargs)
        except Exception as error:  # the learner's code: a message, not a traceback
            raise LearnerProblem(learner_error(name, error)) from error

    # ------------------------------------------------------------------------- the runs
    def _train(self, *key):
        """The run for the controls' values ``key``; a :class:`LearnerProblem` on a problem."""
        raise NotImplementedError

    def _run(self, key: tuple, busy: str):
        """The run for ``key``: from ``runs``, or trained now; ``None`` (and the problem
        shown) when training failed. ``busy`` is the status line while it trains; the
        controls are disabled meanwhile."""
        if key not in self.runs:
            self.status.value = busy
            self._enable(False)
            try:
                self.runs[key] = self._train(*key)
            except LearnerProblem as problem:
                self._show_problem(str(problem))
                return None
            finally:
                self._enable(True)
        return self.runs[key]

    def _earlier_runs(self, run) -> list:
        """The other runs so far with as many iterations as ``run``, oldest first."""
        return [
            other
            for other in self.runs.values()
            if other.num_iterations == run.num_iterations and other is not run
        ]

    def _enable(self, enabled: bool) -> None:
        """Enable (or disable, while a run trains) the ``busy_controls``."""
        for control in self._busy_controls:
            control.disabled = not enabled

    # --------------------------------------------------------------- status and plot
    def _show_result(self, status: str, fig) -> None:
        """The status line becomes ``status`` (HTML) and the plot shows ``fig``."""
        self.status.value = status
        show_figure(self.plot, fig)

    def _show_problem(self, message: str, fig=None) -> None:
        """The status line shows ``message`` in red; the plot shows ``fig``, or nothing."""
        self.status.value = problem_html(message)
        if fig is None:
            self.plot.outputs = ()
        else:
            show_figure(self.plot, fig)


# ======================================================== shared by several explorers
def _library_folders() -> tuple[str, ...]:
    """Folders whose code is not the learner's: NumPy, these helpers, the standard library
    and the installed packages."""
    paths = sysconfig.get_paths()
    folders = {
        os.path.dirname(np.__file__),
        str(Path(__file__).resolve().parents[1]),
        paths.get("stdlib", ""),
        paths.get("purelib", ""),
        paths.get("platlib", ""),
    }
    return tuple(folder for folder in folders if folder)


def culprit(error: BaseException, default: str) -> str:
    """The name of the learner's function in which ``error`` was raised, or ``default``.

    The provided model calls the learner's functions: when one of them raises (for example
    ``NotImplementedError`` because it is not written yet), the message should name *that*
    function, not the model. This is the innermost frame of the traceback that is not in
    NumPy, the standard library, an installed package or these helpers.
    """
    folders = _library_folders()
    name = default
    tb = error.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        filename = os.path.abspath(code.co_filename)
        if not filename.startswith(folders) and not code.co_name.startswith("<"):
            name = code.co_name
        tb = tb.tb_next
    return name


def call_named(explorer: Explorer, name: str, function, *args, **kwargs):
    """``explorer._call_learner(name, function, ...)``, but a failure names the learner's
    function that raised (see :func:`culprit`) when that is not ``name`` itself."""
    try:
        return explorer._call_learner(name, function, *args, **kwargs)
    except LearnerProblem as problem:
        cause = problem.__cause__
        if isinstance(cause, Exception):
            failed = culprit(cause, name)
            if failed != name:
                raise LearnerProblem(learner_error(failed, cause)) from cause
        raise


def slider_values(
    values, name: str, low: float = 0.0, high: float = np.inf, *, low_ok=False, integer=False
) -> tuple:
    """A slider's values: distinct numbers in (low, high], or [low, high] if ``low_ok``; whole
    numbers (ints) if ``integer``, else floats. A ``ValueError`` naming ``name`` otherwise."""
    try:
        values = tuple(values)
    except TypeError:
        raise ValueError(f"{name} must be a list of numbers, got {values!r}.") from None
    if not values:
        raise ValueError(f"{name} must not be empty.")
    kind = "whole numbers" if integer else "numbers"
    if (low, high, low_ok) == (0.0, np.inf, False):
        kind = f"positive {kind}"
    else:
        kind += f" in {'[' if low_ok else '('}{low:g}, {high:g}]"
    types = (int, np.integer) if integer else (int, float, np.integer, np.floating)
    for value in values:
        inside = isinstance(value, types) and not isinstance(value, bool) and np.isfinite(value)
        if not inside or not ((value >= low if low_ok else value > low) and value <= high):
            raise ValueError(f"{name} must hold {kind}, got {value!r}.")
    converted = tuple(int(v) if integer else float(v) for v in values)
    if len(set(converted)) != len(converted):
        raise ValueError(f"{name} holds the same value twice: {values!r}.")
    return converted


def checked_split(X_train, Y_train, X_test, Y_test, function: str) -> tuple[np.ndarray, ...]:
    """The four arrays as floats, points ``(2, m)`` and labels ``(1, m)``, or a ValueError."""
    X_train = plotting._points(X_train, function)
    X_test = plotting._points(X_test, function)
    Y_train = plotting._binary_labels(Y_train, X_train.shape[1], "Y_train", function)
    Y_test = plotting._binary_labels(Y_test, X_test.shape[1], "Y_test", function)
    return (
        X_train,
        Y_train.reshape(1, -1).astype(np.float64),
        X_test,
        Y_test.reshape(1, -1).astype(np.float64),
    )
