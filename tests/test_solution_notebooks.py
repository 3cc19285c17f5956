"""The committed solution notebooks as a reader meets them on a code host, with no kernel:
every figure stored, no raw widget repr, no error."""

from __future__ import annotations

import pytest

from grader_tests.course import cell_source
from support import ASSIGNMENTS, ROOT, load

DRAWS = ("plt.", "plotting.")


def code_cells(assignment: str) -> list[dict]:
    notebook = load(ROOT / "notebooks" / assignment / f"{assignment}.ipynb")
    return [c for c in notebook["cells"] if c["cell_type"] == "code"]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_drawing_cell_has_its_figure_stored(assignment):
    drawing = [c for c in code_cells(assignment) if any(d in cell_source(c) for d in DRAWS)]
    missing = [
        cell_source(c).splitlines()[0]
        for c in drawing
        if not any(k.startswith("image/") for o in c.get("outputs", []) for k in o.get("data", {}))
    ]
    assert drawing, f"{assignment} draws nothing"
    assert not missing, (
        f"{len(missing)} of {len(drawing)} drawing cells have no stored figure ({missing}): "
        f"regenerate with `nbgrader generate_solution {assignment} --force`"
    )


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_no_raw_widget_repr_and_no_error_is_stored(assignment):
    for cell in code_cells(assignment):
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", cell_source(cell)[:80]
            text = "".join(output.get("data", {}).get("text/plain", ""))
            assert "children=(" not in text, f"a raw widget repr is stored: {text[:80]}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_figures_need_no_cjk_font(assignment):
    """Figures use English only: matplotlib's bundled font has no CJK glyphs, and a missing
    glyph shows as a box with a "Glyph ... missing from font(s)" warning in the output."""
    for cell in code_cells(assignment):
        for output in cell.get("outputs", []):
            text = "".join(output.get("text", "")) + "".join(
                output.get("data", {}).get("text/plain", "")
            )
            assert "missing from font" not in text, f"{cell_source(cell)[:80]}: {text[:200]}"
