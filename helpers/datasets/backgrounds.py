"""The backgrounds that cats and non-cats share: plain, gradient, room, sofa, grass, sky, water
and road (:func:`background`)."""

from __future__ import annotations

from .drawing import (
    WHITE,
    Canvas,
    Color,
    Point,
    Random,
    luminance,
    palette,
    rgb,
    shade,
    vary,
)


def _pick(rng: Random, palette: list[Color], tone: str | None) -> Color:
    """A colour of ``palette``: any, or only "light" or only "dark" ones."""
    if tone == "light":
        palette = [c for c in palette if luminance(c) >= 0.55]
    elif tone == "dark":
        palette = [c for c in palette if luminance(c) <= 0.45]
    return vary(rng, rng.choice(palette), 0.1)


def background(canvas: Canvas, rng: Random, kind: str, tone: str | None = None) -> None:
    """Paint one of the backgrounds both classes share; ``tone`` = "light", "dark" or None."""
    if kind == "plain":
        canvas.pixels[...] = _pick(rng, _PLAIN, tone)
    elif kind == "gradient":
        top, bottom = _pick(rng, _PLAIN, tone), _pick(rng, _PLAIN, tone)
        canvas.vertical_gradient(top, shade(bottom, 0.8))
    elif kind == "room":
        floor_y = rng.uniform(0.62, 0.82)
        canvas.vertical_gradient(_pick(rng, _WALLS, tone), _pick(rng, _WALLS, tone))
        if rng.chance(0.35):
            stripe = shade(canvas.pixels[0, 0], 0.9)
            canvas.stripes((0, 0, 1, floor_y), (1.0, 0.0), rng.uniform(0.08, 0.16), 0.4, stripe)
        if rng.chance(0.3):
            x0 = rng.uniform(0.0, 0.6)
            canvas.polygon(_box(x0, 0.08, x0 + 0.3, 0.4), rgb(170, 205, 235))
            canvas.line([(x0 + 0.15, 0.08), (x0 + 0.15, 0.4)], 0.02, WHITE)
        floor = _pick(rng, _FLOORS, tone)
        canvas.vertical_gradient(floor, shade(floor, 0.8), floor_y, 1.0)
        canvas.line([(0, floor_y), (1, floor_y)], 0.02, shade(floor, 0.6))
    elif kind == "sofa":
        canvas.vertical_gradient(_pick(rng, _WALLS, tone), _pick(rng, _WALLS, tone))
        sofa = _pick(rng, _SOFAS, tone)
        top = rng.uniform(0.3, 0.5)
        canvas.polygon(_box(-0.1, top, 1.1, 1.1), shade(sofa, 0.85))
        seat = rng.uniform(0.72, 0.85)
        canvas.polygon(_box(-0.1, seat, 1.1, 1.1), sofa)
        canvas.line([(-0.1, seat), (1.1, seat)], 0.015, shade(sofa, 0.6))
        if rng.chance(0.5):
            x = rng.uniform(0.0, 1.0)
            canvas.line([(x, top + 0.05), (x, seat - 0.02)], 0.01, shade(sofa, 0.7))
    elif kind == "grass":
        horizon = rng.uniform(0.25, 0.55)
        canvas.vertical_gradient(vary(rng, rgb(120, 180, 235)), rgb(205, 230, 245), 0.0, horizon)
        green = vary(rng, rgb(80, 150, 60))
        canvas.vertical_gradient(shade(green, 1.15), shade(green, 0.8), horizon, 1.0)
        for _ in range(14):
            x, y = rng.uniform(0, 1), rng.uniform(horizon + 0.05, 1.0)
            top = (x + rng.uniform(-0.03, 0.03), y - rng.uniform(0.04, 0.08))
            canvas.line([(x, y), top], 0.012, shade(green, rng.uniform(0.6, 1.3)))
    elif kind == "sky":
        canvas.vertical_gradient(vary(rng, rgb(90, 150, 225)), vary(rng, rgb(190, 220, 245)))
        for _ in range(rng.integer(3)):
            x, y, r = rng.uniform(0.1, 0.9), rng.uniform(0.1, 0.6), rng.uniform(0.05, 0.09)
            for dx, dy, k in ((-1.1, 0.2, 0.8), (0.0, 0.0, 1.0), (1.1, 0.25, 0.75)):
                canvas.ellipse((x + dx * r, y + dy * r), (r * k * 1.2, r * k), WHITE, alpha=0.9)
    elif kind == "water":
        canvas.vertical_gradient(vary(rng, rgb(60, 150, 200)), vary(rng, rgb(15, 60, 120)))
        for _ in range(3 + rng.integer(4)):
            x, y, r = rng.uniform(0.05, 0.95), rng.uniform(0.05, 0.95), rng.uniform(0.012, 0.03)
            canvas.ellipse((x, y), (r, r), rgb(200, 230, 250), alpha=0.5)
        if rng.chance(0.6):
            weed = rgb(40, 120, 60)
            for _ in range(2 + rng.integer(3)):
                x = rng.uniform(0.0, 1.0)
                points = [(x + 0.03 * (i % 2), 1.0 - 0.08 * i) for i in range(5)]
                canvas.line(points, 0.02, weed)
    elif kind == "road":
        horizon = rng.uniform(0.35, 0.5)
        canvas.vertical_gradient(vary(rng, rgb(120, 175, 230)), rgb(210, 230, 240), 0.0, horizon)
        canvas.vertical_gradient(rgb(90, 140, 70), rgb(70, 120, 60), horizon, horizon + 0.1)
        canvas.vertical_gradient(vary(rng, rgb(100, 100, 105)), rgb(70, 70, 75), horizon + 0.1, 1)
        lane = horizon + 0.1 + (0.9 - horizon) * 0.6
        canvas.stripes((0, lane - 0.015, 1, lane + 0.015), (1.0, 0.0), 0.2, 0.5, WHITE)
    else:  # pragma: no cover - a programming error
        raise ValueError(f"unknown background {kind!r}")


def _box(x0: float, y0: float, x1: float, y1: float) -> list[Point]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


_PLAIN = palette(
    "ebe6dc c8d7e6 f0e1c8 bebec3 e1c8cd c8e1c8 5a5f6e 282d3c "
    "463228 232326 962832 285a5a 5a4678 c8a03c 7896be a0785a"
)
_WALLS = palette("e1d7c3 c8d2dc e6c8b4 d7e1cd b4aaa0 6e788c a05a46 506450 3c3c46 be966e")
_FLOORS = palette("966941 af875a 78553c 9696a0 be3c3c 5a6e96 3c2d23 c8beaa 28282d")
_SOFAS = palette("96282d 32508c 506e46 785a46 3c3c41 c8b496 aa7828 643c6e")
