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
