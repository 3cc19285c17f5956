"""What the headless tests of figures and explorers share: matplotlib's Agg backend, the text a
reader sees in an HTML widget, the picture an Output widget shows, and closing figures after
each test."""

from __future__ import annotations

import base64
import html
import io
import re

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    """A test's figures are closed after it (import this fixture into the test module)."""
    yield
    plt.close("all")


def shown_text(widget_html: str) -> str:
    """The text a reader sees in an HTML widget's value."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", widget_html)).split())


def shown_png(output: ipywidgets.Output) -> Image.Image:
    """The single PNG figure an Output widget shows."""
    assert len(output.outputs) == 1, output.outputs
    return Image.open(io.BytesIO(base64.b64decode(output.outputs[0]["data"]["image/png"])))


def move_last_slider_left(explorer) -> tuple[str, str, str]:
    """What the browser test does to an explorer: move its last ``SelectionSlider`` one step to
    the left. Returns (the slider's new readout, the status text before, the status after)."""
    sliders = [
        w for w in explorer.children[1].children if isinstance(w, ipywidgets.SelectionSlider)
    ]
    last = sliders[-1]
    labels = [label for label, _ in last.options]
    position = labels.index(last.label)
    assert position > 0, "the last slider must not start at its first value"
    before = shown_text(explorer.status.value)
    last.value = last.options[position - 1][1]
    return last.label, before, shown_text(explorer.status.value)
