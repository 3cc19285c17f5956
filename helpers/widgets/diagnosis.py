"""The diagnosis explorer of week c3 (ML strategy): five sliders for the error rates of a
model (human, train, train-dev, dev, test); the widget draws the errors and the four gaps
between them and shows the verdict of the learner's ``diagnose(human, train, train_dev, dev,
test)``, which returns the name of the largest gap.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from helpers import plotting

from .base import Explorer, LearnerProblem

DIAGNOSIS_NAMES = ("human", "train", "train_dev", "dev", "test")
DEFAULT_ERRORS = (0.01, 0.015, 0.02, 0.10, 0.105)  # a data-mismatch case
GAP_NAMES = plotting.GAP_NAMES
GAP_ADVICE = {
    "avoidable bias": "a bigger network, training longer or a better optimizer, another "
    "architecture",
    "variance": "more training data, regularization, another architecture",
    "data mismatch": "error analysis of the dev set, training data more like it (collect or "
    "synthesize)",
    "overfitting to dev": "a bigger dev set",
}


@dataclass(frozen=True)
class DiagnosisRun:
    """The errors set on the sliders and the learner's verdict."""

    errors: tuple
    verdict: str

    @property
    def gaps(self) -> np.ndarray:
        """avoidable bias, variance, data mismatch, overfitting to dev (fractions)."""
        return np.diff(np.asarray(self.errors, dtype=np.float64))


class DiagnosisExplorer(Explorer):
    """Five sliders (errors in %) and the bars of the errors and of their gaps.

    Attributes: ``sliders`` (``{name: FloatSlider}``, in %, names as in
    ``DIAGNOSIS_NAMES``), ``status`` (``HTML``: the verdict and what to try, or a message),
    ``plot`` (``Output``), ``runs`` (``{errors: DiagnosisRun}``). Moving a slider calls
    :meth:`update`.
    """

    def __init__(self, diagnose, errors=DEFAULT_ERRORS) -> None:
        name = "diagnosis_explorer"
        if not callable(diagnose):
            raise ValueError(f"{name}: expected the function `diagnose`, got "
                             f"{type(diagnose).__name__}.")  # fmt: skip
        values = tuple(errors)
        if len(values) != 5 or not all(
            isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)
            and 0 <= v <= 0.5 for v in values
        ):  # fmt: skip
            raise ValueError(f"{name}: errors must be 5 fractions between 0 and 0.5, got "
                             f"{errors!r}.")  # fmt: skip
        self._diagnose = diagnose
        self.sliders = {
            label: widgets.FloatSlider(
                value=round(100 * value, 1), min=0.0, max=50.0, step=0.5,
                description=f"{label.replace('_', '-')} error %", continuous_update=False,
                style={"description_width": "120px"}, layout=widgets.Layout(width="420px"),
            )
            for label, value in zip(DIAGNOSIS_NAMES, values, strict=True)
        }  # fmt: skip
        controls = tuple(self.sliders.values())
        super().__init__(
            "<b>Diagnosis explorer</b>: set the error rates of a model (in %). The bars show "
            "the errors and the four gaps between them; your <code>diagnose</code> names the "
            "largest gap, the problem to work on first.",
            controls=widgets.VBox(list(controls)),
            busy_controls=controls,
        )
        self.start(controls)

    def update(self, change=None) -> DiagnosisRun | None:
        """Ask ``diagnose`` (or reuse its answer) and draw the bars; ``None`` on a problem."""
        key = tuple(round(self.sliders[label].value / 100, 6) for label in DIAGNOSIS_NAMES)
        run = self._run(key, "<i>diagnosing...</i>")
        if run is None:
            return None
        fig = plotting.plot_error_gaps(run.errors, verdict=run.verdict,
                                       title="The model's errors and their gaps")  # fmt: skip
        rates = ", ".join(
            f"{name.replace('_', '-')} {100 * error:.2f} %"
            for name, error in zip(DIAGNOSIS_NAMES, key, strict=True)
        )
        status = (
            f"<b>diagnose says: {run.verdict}</b>. What to try: "
            f"{GAP_ADVICE.get(run.verdict, '(not one of the four gaps)')}.<br><i>{rates}</i>"
        )
        self._show_result(status, fig)
        return run

    def _train(self, *errors) -> DiagnosisRun:
        verdict = self._call_learner("diagnose", self._diagnose, *errors)
        if verdict not in GAP_NAMES:
            raise LearnerProblem(
                f"`diagnose` returned {verdict!r}; expected one of the names "
                f"{', '.join(repr(gap) for gap in GAP_NAMES)}."
            )
        return DiagnosisRun(tuple(errors), verdict)


def diagnosis_explorer(diagnose, errors=DEFAULT_ERRORS) -> DiagnosisExplorer:
    """A widget that shows the gaps between five error rates and what ``diagnose`` says.

    Arguments:
        diagnose: your ``diagnose(human, train, train_dev, dev, test)`` (errors as fractions),
            returning the name of the largest gap.
        errors: where the five sliders start, as fractions (human, train, train-dev, dev,
            test).

    When your function raises (``NotImplementedError`` if it is not written yet), a short
    message says so instead of a traceback.

    Returns: the widget, a ``VBox`` (:class:`DiagnosisExplorer`).
    """
    return DiagnosisExplorer(diagnose, errors)
