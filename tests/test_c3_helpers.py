"""Tests of week c3's helpers: the web / phone digits, the new figures of helpers.plotting and
the diagnosis explorer, headless (Agg, no frontend, no kernel)."""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from widget_support import _close_figures  # noqa: E402, F401
from widget_support import shown_png as _png
from widget_support import shown_text as _text

from helpers import datasets, plotting, widgets  # noqa: E402


# =================================================================================== loaders
def test_web_and_phone_digits_have_the_stated_shapes_and_ranges():
    web_X, web_Y, phone_X, phone_Y = datasets.load_web_and_phone_digits()
    assert web_X.shape == (64, 1297) and web_Y.shape == (1, 1297)
    assert phone_X.shape == (64, 500) and phone_Y.shape == (1, 500)
    assert web_X.dtype == np.float64 and web_Y.dtype == np.int64
    for X in (web_X, phone_X):
        assert 0.0 <= X.min() and X.max() <= 1.0
    assert set(np.unique(web_Y)) == set(range(10)) == set(np.unique(phone_Y))
    # the phone pictures are fainter: a grey background, less contrast
    assert phone_X.mean() > web_X.mean() and phone_X.std() < web_X.std()


def test_web_and_phone_digits_are_deterministic_fresh_copies():
    first = datasets.load_web_and_phone_digits()
    for array in first:
        array[...] = 0
    second, third = datasets.load_web_and_phone_digits(), datasets.load_web_and_phone_digits()
    for a, b in zip(second, third, strict=True):
        np.testing.assert_array_equal(a, b)
    assert second[0].any() and second[2].any()


def test_degrade_pictures_is_deterministic_and_leaves_the_global_state_alone():
    web_X = datasets.load_web_and_phone_digits()[0][:, :10]
    np.random.seed(5)
    state = np.random.get_state()[1].copy()
    first = datasets.degrade_pictures(web_X, seed=11)
    np.testing.assert_array_equal(np.random.get_state()[1], state)
    np.testing.assert_array_equal(first, datasets.degrade_pictures(web_X, seed=11))
    assert not np.array_equal(first, datasets.degrade_pictures(web_X, seed=12))
    assert first.shape == (64, 10) and 0.0 <= first.min() and first.max() <= 1.0
    clean = datasets.degrade_pictures(web_X, blur=0.0, fade=1.0, noise=0.0)
    np.testing.assert_allclose(clean, np.clip(web_X + 0.2, 0, 1))  # only the brightness
    assert datasets.degrade_pictures(web_X[:, 0]).shape == (64, 1)
    with pytest.raises(ValueError, match=re.escape("must have shape (64, m)")):
        datasets.degrade_pictures(np.zeros((10, 3)))


def test_digit_features_are_three_yes_no_rows():
    features = datasets.digit_features(np.arange(10).reshape(1, -1))
    assert features.shape == (3, 10) and features.dtype == np.float64
    np.testing.assert_array_equal(features[0], [1, 0, 1, 0, 1, 0, 1, 0, 1, 0])
    np.testing.assert_array_equal(features[1], [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
    np.testing.assert_array_equal(features[2], [1, 0, 0, 0, 1, 0, 1, 0, 1, 1])
    assert datasets.FEATURE_NAMES == ("even", "greater than 4", "closed loop")
    with pytest.raises(ValueError, match=re.escape("digits 0 to 9")):
        datasets.digit_features(np.array([[3, 12]]))


# =================================================================================== figures
def test_plot_error_gaps_draws_the_errors_and_the_gaps():
    fig = plotting.plot_error_gaps([0.0, 0.01, 0.015, 0.10, 0.105], verdict="data mismatch",
                                   title="Case 2")  # fmt: skip
    left, right = fig.axes
    assert fig._suptitle.get_text() == "Case 2"
    np.testing.assert_allclose([p.get_height() for p in left.patches], [0, 1, 1.5, 10, 10.5])
    np.testing.assert_allclose([p.get_height() for p in right.patches], [1, 0.5, 8.5, 0.5])
    colors = [p.get_facecolor() for p in right.patches]
    assert colors[2] != colors[0] and colors[0] == colors[1]  # the verdict stands out
    assert [t.get_text() for t in right.get_xticklabels()] == list(plotting.GAP_NAMES)
    assert "error" in left.get_ylabel() and "gap" in right.get_ylabel()
    with pytest.raises(ValueError, match=re.escape("5 finite numbers")):
        plotting.plot_error_gaps([0.1, 0.2])


def test_plot_cause_shares_labels_the_ceilings():
    fig = plotting.plot_cause_shares({"dog": 0.05, "blurry": 0.5}, dev_error=0.10)
    ax = fig.axes[0]
    assert ax.get_title() == "Error analysis" and "share" in ax.get_xlabel()
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["5 %  (dev error at best 9.50 %)", "50 %  (dev error at best 5.00 %)"]
    ticks = {t.get_text(): y for t, y in zip(ax.get_yticklabels(), ax.get_yticks(), strict=True)}
    assert ticks == {"dog": 1, "blurry": 0}  # the first cause on top
    with pytest.raises(ValueError, match=re.escape("between 0 and 1")):
        plotting.plot_cause_shares({"dog": 5})
    with pytest.raises(ValueError, match=re.escape("non-empty dict")):
        plotting.plot_cause_shares({})


# ===================================================================== the diagnosis explorer
def diagnose(human, train, train_dev, dev, test):
    gaps = [train - human, train_dev - train, dev - train_dev, test - dev]
    return widgets.diagnosis.GAP_NAMES[int(np.argmax(gaps))]


def test_diagnosis_explorer_builds_headless_and_shows_the_verdict():
    figures_before = plt.get_fignums()
    explorer = widgets.diagnosis_explorer(diagnose)
    assert isinstance(explorer, ipywidgets.VBox)
    run = explorer.runs[widgets.DEFAULT_ERRORS]
    assert run.verdict == "data mismatch"
    np.testing.assert_allclose(run.gaps, [0.005, 0.005, 0.08, 0.005])
    status = _text(explorer.status.value)
    assert status.startswith("diagnose says: data mismatch.") and "synthesize" in status
    assert _png(explorer.plot).size[0] > 800
    assert plt.get_fignums() == figures_before


def test_diagnosis_explorer_updates_on_the_sliders_and_remembers():
    calls = []

    def counting(*errors):
        calls.append(errors)
        return diagnose(*errors)

    explorer = widgets.diagnosis_explorer(counting)
    explorer.sliders["train_dev"].value = 9.0  # observers fire without a frontend
    assert _text(explorer.status.value).startswith("diagnose says: variance")
    assert calls[-1] == (0.01, 0.015, 0.09, 0.10, 0.105)
    explorer.sliders["train_dev"].value = 2.0  # remembered
    assert len(calls) == 2 and explorer.update() is explorer.runs[widgets.DEFAULT_ERRORS]


def test_diagnosis_explorer_names_the_unwritten_learner_function():
    def diagnose(human, train, train_dev, dev, test):
        raise NotImplementedError()

    explorer = widgets.diagnosis_explorer(diagnose)
    status = _text(explorer.status.value)
    assert "Your `diagnose` is not written yet" in status and "Traceback" not in status
    assert explorer.plot.outputs == () and explorer.update() is None


def test_diagnosis_explorer_explains_an_unknown_verdict():
    explorer = widgets.diagnosis_explorer(lambda *errors: "bias")
    assert "returned 'bias'; expected one of the names" in _text(explorer.status.value)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("diagnose",), "expected the function `diagnose`"),
        ((diagnose, (0.1, 0.2)), "errors must be 5 fractions between 0 and 0.5"),
        ((diagnose, (0.1, 0.2, 0.3, 0.4, 0.9)), "errors must be 5 fractions between 0 and 0.5"),
    ],
)
def test_diagnosis_explorer_rejects_bad_arguments(args, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        widgets.diagnosis_explorer(*args)
