"""Data sets of the course: generated cat / non-cat pictures, and pictures a learner uploads.

The cat pictures
----------------
``load_cat_dataset()`` returns 209 training pictures (72 cats) and 50 test pictures (33 cats)
of 64 x 64 pixels, in the layout of the course's ``train_catvnoncat.h5`` / ``test_catvnoncat.h5``
files. Nothing is downloaded: the pictures are *drawn by the code below* from a fixed seed.

- Cats: faces and sitting cats with pointed ears, eyes with slit pupils, a nose, a mouth and
  whiskers, in many coats (orange, grey, brown or silver tabby, black, white, grey-blue,
  calico, tuxedo, Siamese, tortoiseshell), sizes, positions and slight tilts.
- Non-cats: animal faces that share a cat's round face and eyes (dog, rabbit, mouse, bear,
  owl with ear tufts, jack-o'-lantern with triangle eyes), birds and fish, objects and
  scenes (car, house, cup, ball, tree, flower, mountains under a sun, the sea).
- Backgrounds (plain, gradient, a room's wall and floor, a sofa, grass, sky, water, road),
  uneven lighting, a white-balance shift and mild noise.

As with the course's photographs, logistic regression on the raw pixels learns the training
set almost perfectly but does much worse on the test set, and a network with hidden layers
does better (``tests/test_datasets.py`` checks the first; see ``CONTRASTING_BACKGROUND``).

The same bytes come out on every machine and every supported NumPy: randomness is the raw
64-bit stream of ``np.random.PCG64`` (whose output NumPy keeps stable) turned into uniform
numbers here, and the drawing uses only ``+ - * /``, ``sqrt``, comparisons, ``floor`` and
clipping, whose results IEEE arithmetic fixes exactly (no sums over arrays, no ``np.sin``).
Rotations use rational points on the circle, ``((1 - t^2) / (1 + t^2), 2t / (1 + t^2))``.

Drawing toolkit: :class:`Canvas` holds a float picture (RGB in 0..1, coordinates in
"picture units": 0..1 from left to right and from top to bottom) and fills ellipses, rings,
convex polygons, thick polylines, stripes and gradients with anti-aliased edges;
:class:`Sketch` draws on a canvas in the local coordinates of one object (its centre, size,
tilt and mirror image).

Points in the plane
-------------------
``load_planar_dataset()`` returns the "flower" (400 points, two classes, eight petals), also
generated here from a fixed seed; ``load_extra_datasets()`` returns four more 2-D sets made by
scikit-learn's generators with fixed seeds (circles, moons, blobs, gaussian quantiles). Points
are columns: ``X`` is ``(2, m)``, ``Y`` is ``(1, m)``.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = [
    "load_cat_dataset",
    "load_example_picture",
    "read_picture",
    "resize_picture",
    "load_planar_dataset",
    "load_extra_datasets",
]

CLASSES = (b"non-cat", b"cat")
NUM_PX = 64
TRAIN_SIZE, TRAIN_CATS = 209, 72
TEST_SIZE, TEST_CATS = 50, 33
EXAMPLE_SIZE = 256

_SEED = 1  # the data set's seed: changing it changes every picture (and the course's numbers)
_TRAIN_STREAM, _TEST_STREAM, _SPLIT_STREAM, _EXAMPLE_STREAM = 1, 2, 3, 4
_EXAMPLE_SEED = 5  # which generated cat is the "bundled example picture"

Color = np.ndarray  # three floats in 0..1
Point = tuple[float, float]
Turn = tuple[float, float]  # a rotation as (cos, sin)

NO_TURN: Turn = (1.0, 0.0)


# =============================================================================== randomness
_UNIT = 1.0 / 9007199254740992.0  # 2 ** -53: 53 random bits -> a float in [0, 1)


class Random:
    """Uniform random numbers from the raw PCG64 stream, stable across NumPy versions.

    NumPy's distribution methods may change between versions; the raw 64-bit output of a
    bit generator does not. The top 53 bits of each raw number make one float in [0, 1).
    """

    def __init__(self, *seed: int) -> None:
        self._bits = np.random.PCG64(list(seed))

    def random(self) -> float:
        """A float in [0, 1)."""
        return (int(self._bits.random_raw()) >> 11) * _UNIT

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self.random()

    def integer(self, n: int) -> int:
        """An integer in 0..n-1."""
        return min(int(self.random() * n), n - 1)

    def chance(self, p: float) -> bool:
        return self.random() < p

    def choice(self, options: Sequence):
        return options[self.integer(len(options))]

    def weighted(self, weights: dict):
        """A key of ``weights`` drawn with probability proportional to its weight."""
        x = self.random() * sum(weights.values())
        for key, weight in weights.items():
            x -= weight
            if x < 0:
                return key
        return key

    def sign(self) -> float:
        return 1.0 if self.random() < 0.5 else -1.0

    def tilt(self, limit: float) -> Turn:
        """A rotation by a random angle of at most about ``2 * limit`` radians either way."""
        return turn(self.uniform(-limit, limit))

    def noise(self, shape: tuple[int, ...]) -> np.ndarray:
        """An array of floats in [-1, 1) with a triangular distribution (sum of two uniforms)."""
        count = math.prod(shape)
        raw = self._bits.random_raw(2 * count) >> np.uint64(11)
        uniform = raw.astype(np.float64) * _UNIT
        return (uniform[:count] + uniform[count:] - 1.0).reshape(shape)

    def shuffled(self, items: list) -> list:
        """A copy of ``items`` in random order (Fisher-Yates)."""
        items = list(items)
        for i in range(len(items) - 1, 0, -1):
            j = self.integer(i + 1)
            items[i], items[j] = items[j], items[i]
        return items


def turn(t: float) -> Turn:
    """The rotation by the angle ``2 * atan(t)``, as (cos, sin), computed without trigonometry."""
    return ((1.0 - t * t) / (1.0 + t * t), 2.0 * t / (1.0 + t * t))


def compose(a: Turn, b: Turn) -> Turn:
    """Rotation ``a`` followed by rotation ``b``."""
    return (a[0] * b[0] - a[1] * b[1], a[1] * b[0] + a[0] * b[1])


def turns(count: int, start: Turn = NO_TURN) -> list[Turn]:
    """``count`` rotations evenly spread around the circle, starting at ``start``."""
    step = turn(round(math.tan(math.pi / count), 9))
    result = [start]
    for _ in range(count - 1):
        result.append(compose(result[-1], step))
    return result


# =================================================================================== colours
def rgb(r: int, g: int, b: int) -> Color:
    """A colour from 0..255 components."""
    return np.array([r, g, b], dtype=np.float64) / 255.0


def palette(codes: str) -> list[Color]:
    """Colours from hex codes: ``palette("ff8800 202020")``."""
    return [rgb(*(int(code[i : i + 2], 16) for i in (0, 2, 4))) for code in codes.split()]


def shade(color: Color, factor: float) -> Color:
    """``color`` made darker (factor < 1) or lighter (factor > 1)."""
    return np.minimum(color * factor, 1.0)


def mix(a: Color, b: Color, t: float) -> Color:
    """The colour ``t`` of the way from ``a`` to ``b``."""
    return a + (b - a) * t


def vary(rng: Random, color: Color, amount: float = 0.12) -> Color:
    """``color`` with its brightness and each component shifted a little at random."""
    factor = rng.uniform(1.0 - amount, 1.0 + amount)
    jitter = np.array([rng.uniform(-amount, amount) for _ in range(3)]) * 0.25
    return np.clip(color * factor + jitter, 0.0, 1.0)


BLACK, WHITE = rgb(20, 20, 22), rgb(250, 250, 248)
PINK, DARK = rgb(235, 150, 160), rgb(40, 30, 30)


# ==================================================================================== canvas
def unit_clip(values: np.ndarray) -> np.ndarray:
    """``values`` clipped to 0..1 (like np.clip, with less overhead on small arrays)."""
    return np.minimum(np.maximum(values, 0.0), 1.0)


class Canvas:
    """A square float RGB picture with anti-aliased shapes.

    Coordinates are picture units: ``x`` from 0 (left) to 1 (right), ``y`` from 0 (top) to
    1 (bottom), so a drawing looks the same at any pixel size. Every shape is computed only
    inside its bounding box, as a *coverage* (0 outside, 1 inside, in between on the edge
    pixel), then blended into the picture: ``pixel += (color - pixel) * coverage * alpha``.
    """

    def __init__(self, size: int, color: Color) -> None:
        self.size = size
        self.pixels = np.empty((size, size, 3))
        self.pixels[...] = color
        centres = (np.arange(size, dtype=np.float64) + 0.5) / size
        self.x = centres[np.newaxis, :]
        self.y = centres[:, np.newaxis]
        self._clip: np.ndarray | None = None

    # ---------------------------------------------------------------- plumbing
    def _window(self, x0: float, y0: float, x1: float, y1: float):
        """The pixel slices (rows, columns) covering a box, or None if it is off the picture."""
        s = self.size
        c0, c1 = max(math.floor(x0 * s) - 1, 0), min(math.ceil(x1 * s) + 1, s)
        r0, r1 = max(math.floor(y0 * s) - 1, 0), min(math.ceil(y1 * s) + 1, s)
        if c0 >= c1 or r0 >= r1:
            return None
        return slice(r0, r1), slice(c0, c1)

    def _paint(self, window, coverage: np.ndarray, color: Color, alpha: float) -> None:
        weight = coverage * alpha
        if self._clip is not None:
            weight = weight * self._clip[window]
        region = self.pixels[window]
        region += (color - region) * weight[..., np.newaxis]

    def _edge(self, distance: np.ndarray, soft: float) -> np.ndarray:
        """Coverage from a signed distance in picture units (negative inside)."""
        return unit_clip(0.5 - distance * (self.size / (1.0 + soft)))

    def fill(self, coverage: np.ndarray, color: Color, alpha: float = 1.0) -> None:
        """Paint ``color`` where a whole-picture ``coverage`` (e.g. a mask) is > 0."""
        self._paint((slice(None), slice(None)), coverage, color, alpha)

    def full(self, window, coverage: np.ndarray) -> np.ndarray:
        """A whole-picture coverage that is ``coverage`` inside ``window`` and 0 elsewhere."""
        result = np.zeros((self.size, self.size))
        if window is not None:
            result[window] = coverage
        return result

    @contextmanager
    def clip(self, coverage: np.ndarray):
        """Inside this block, shapes only paint where ``coverage`` (whole picture) is > 0."""
        previous = self._clip
        self._clip = coverage if previous is None else previous * coverage
        try:
            yield
        finally:
            self._clip = previous

    # ------------------------------------------------------------------ shapes
    def _ellipse_distance(self, centre: Point, radii: Point, rotation: Turn, margin: float):
        """(window, approximate signed distance to the edge) of an ellipse, in picture units."""
        (cx, cy), (rx, ry), (c, s) = centre, radii, rotation
        hx = math.sqrt(rx * c * (rx * c) + ry * s * (ry * s)) + margin
        hy = math.sqrt(rx * s * (rx * s) + ry * c * (ry * c)) + margin
        window = self._window(cx - hx, cy - hy, cx + hx, cy + hy)
        if window is None:
            return None, None
        dx = self.x[:, window[1]] - cx
        dy = self.y[window[0], :] - cy
        u = dx * c + dy * s
        v = dy * c - dx * s
        rx2, ry2 = rx * rx, ry * ry
        level = u * u / rx2 + v * v / ry2 - 1.0
        slope = 2.0 * np.sqrt(u * u / (rx2 * rx2) + v * v / (ry2 * ry2))
        return window, level / np.maximum(slope, 1e-12)  # first-order distance to the edge

    def ellipse_coverage(self, centre: Point, radii: Point, rotation: Turn = NO_TURN, soft=0.0):
        """(window, coverage) of a filled ellipse; ``soft`` widens the edge (in pixels)."""
        window, distance = self._ellipse_distance(centre, radii, rotation, 0.0)
        if window is None:
            return None, None
        return window, self._edge(distance, soft)

    def ring(self, centre, radii, width, color, rotation=NO_TURN, alpha=1.0) -> None:
        """The outline of an ellipse, ``width`` thick (picture units)."""
        window, distance = self._ellipse_distance(centre, radii, rotation, width / 2.0)
        if window is not None:
            coverage = unit_clip((width / 2.0 - np.abs(distance)) * self.size + 0.5)
            self._paint(window, coverage, color, alpha)

    def ellipse(self, centre, radii, color, rotation=NO_TURN, alpha=1.0, soft=0.0) -> None:
        window, coverage = self.ellipse_coverage(centre, radii, rotation, soft)
        if window is not None:
            self._paint(window, coverage, color, alpha)

    def polygon_coverage(self, points: Sequence[Point], soft: float = 0.0):
        """(window, coverage) of a filled *convex* polygon (corners in either order)."""
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        window = self._window(min(xs), min(ys), max(xs), max(ys))
        if window is None:
            return None, None
        x, y = self.x[:, window[1]], self.y[window[0], :]
        area = sum(xs[i - 1] * ys[i] - xs[i] * ys[i - 1] for i in range(len(points)))
        side = 1.0 if area > 0 else -1.0
        distance = None
        for (ax, ay), (bx, by) in zip(points, [*points[1:], points[0]], strict=True):
            length = math.sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay))
            if length == 0.0:
                continue
            nx, ny = side * (by - ay) / length, side * (ax - bx) / length  # outward normal
            edge = (x - ax) * nx + (y - ay) * ny
            distance = edge if distance is None else np.maximum(distance, edge)
        return window, self._edge(distance, soft)

    def polygon(self, points, color, alpha=1.0, soft=0.0) -> None:
        window, coverage = self.polygon_coverage(points, soft)
        if window is not None:
            self._paint(window, coverage, color, alpha)

    def line(self, points: Sequence[Point], width: float, color, alpha=1.0) -> None:
        """A polyline of the given width (picture units) with round ends and joints."""
        pad = width / 2.0
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        window = self._window(min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)
        if window is None:
            return
        x, y = self.x[:, window[1]], self.y[window[0], :]
        nearest = None
        for (ax, ay), (bx, by) in zip(points[:-1], points[1:], strict=True):
            dx, dy = bx - ax, by - ay
            t = ((x - ax) * dx + (y - ay) * dy) / max(dx * dx + dy * dy, 1e-18)
            t = unit_clip(t)
            ex, ey = x - (ax + t * dx), y - (ay + t * dy)
            squared = ex * ex + ey * ey
            nearest = squared if nearest is None else np.minimum(nearest, squared)
        pixels = width * self.size  # thin lines are drawn one pixel wide but fainter
        coverage = unit_clip(max(pixels, 1.0) / 2.0 + 0.5 - np.sqrt(nearest) * self.size)
        self._paint(window, coverage, color, alpha * min(pixels, 1.0))

    def stripes(self, box, direction: Turn, period: float, duty: float, color, alpha=1.0):
        """Parallel stripes across ``box`` = (x0, y0, x1, y1); ``duty`` = stripe / period."""
        window = self._window(*box)
        if window is None:
            return
        x, y = self.x[:, window[1]], self.y[window[0], :]
        phase = (x * direction[0] + y * direction[1]) / period
        offset = np.abs(phase - np.floor(phase) - 0.5) * (period * self.size)  # pixels
        coverage = unit_clip(duty * period * self.size / 2.0 + 0.5 - offset)
        self._paint(window, coverage, color, alpha)

    def vertical_gradient(self, top: Color, bottom: Color, y0=0.0, y1=1.0) -> None:
        """Fill the band ``y0 <= y < y1`` with a colour going from ``top`` to ``bottom``."""
        window = self._window(0.0, y0, 1.0, y1)
        if window is None:
            return
        y = self.y[window[0], :]
        t = unit_clip((y - y0) / (y1 - y0))
        band = unit_clip((y - y0) * self.size + 0.5) * unit_clip((y1 - y) * self.size + 0.5)
        color = top + (bottom - top) * t[..., np.newaxis]  # (rows, 1, 3)
        coverage = np.broadcast_to(band, (band.shape[0], self.size))
        weight = coverage if self._clip is None else coverage * self._clip[window]
        region = self.pixels[window]
        region += (color - region) * weight[..., np.newaxis]

    # --------------------------------------------------------------- finishing
    def light(self, level: float, slope_x: float, slope_y: float) -> None:
        """Uneven lighting: multiply by a brightness that changes linearly across the picture."""
        factor = level + slope_x * (self.x - 0.5) + slope_y * (self.y - 0.5)
        self.pixels *= factor[..., np.newaxis]

    def to_uint8(self, noise: np.ndarray | None = None) -> np.ndarray:
        values = self.pixels if noise is None else self.pixels + noise
        return np.clip(np.rint(values * 255.0), 0, 255).astype(np.uint8)


@dataclass(frozen=True)
class Sketch:
    """Draws on a canvas in an object's own coordinates.

    A local point ``(u, v)`` lands at ``centre + scale * rotation(mirror(u), v)``: objects are
    described once, around (0, 0) at unit size, and placed, sized, tilted and mirrored here.
    """

    canvas: Canvas
    centre: Point
    scale: float
    rotation: Turn = NO_TURN
    mirror: bool = False

    def at(self, u: float, v: float) -> Point:
        if self.mirror:
            u = -u
        c, s = self.rotation
        return (
            self.centre[0] + self.scale * (u * c - v * s),
            self.centre[1] + self.scale * (u * s + v * c),
        )

    def _turn(self, rotation: Turn) -> Turn:
        if self.mirror:
            rotation = (rotation[0], -rotation[1])
        return compose(rotation, self.rotation)

    def ellipse(self, centre, radii, color, rotation=NO_TURN, alpha=1.0, soft=0.0) -> None:
        radii = (radii[0] * self.scale, radii[1] * self.scale)
        self.canvas.ellipse(self.at(*centre), radii, color, self._turn(rotation), alpha, soft)

    def ring(self, centre, radii, width, color, rotation=NO_TURN, alpha=1.0) -> None:
        radii = (radii[0] * self.scale, radii[1] * self.scale)
        self.canvas.ring(
            self.at(*centre), radii, width * self.scale, color, self._turn(rotation), alpha
        )

    def circle(self, centre, radius, color, alpha=1.0) -> None:
        self.ellipse(centre, (radius, radius), color, alpha=alpha)

    def ellipse_mask(self, centre, radii, rotation=NO_TURN, soft=0.0) -> np.ndarray:
        radii = (radii[0] * self.scale, radii[1] * self.scale)
        window, coverage = self.canvas.ellipse_coverage(
            self.at(*centre), radii, self._turn(rotation), soft
        )
        return self.canvas.full(window, coverage)

    def polygon(self, points, color, alpha=1.0, soft=0.0) -> None:
        self.canvas.polygon([self.at(*p) for p in points], color, alpha, soft)

    def rect(self, u0, v0, u1, v1, color, alpha=1.0) -> None:
        self.polygon([(u0, v0), (u1, v0), (u1, v1), (u0, v1)], color, alpha)

    def line(self, points, width, color, alpha=1.0) -> None:
        self.canvas.line([self.at(*p) for p in points], width * self.scale, color, alpha)

    def mirrored(self) -> Sketch:
        return Sketch(self.canvas, self.centre, self.scale, self.rotation, not self.mirror)


def both_sides(sketch: Sketch):
    """The sketch and its mirror image: draw a left-right symmetric part once for each."""
    return (sketch, sketch.mirrored())


# =============================================================================== backgrounds
def _luminance(color: Color) -> float:
    return 0.299 * float(color[0]) + 0.587 * float(color[1]) + 0.114 * float(color[2])


def _pick(rng: Random, palette: list[Color], tone: str | None) -> Color:
    """A colour of ``palette``: any, or only "light" or only "dark" ones."""
    if tone == "light":
        palette = [c for c in palette if _luminance(c) >= 0.55]
    elif tone == "dark":
        palette = [c for c in palette if _luminance(c) <= 0.45]
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


# ====================================================================================== cats
@dataclass(frozen=True)
class Coat:
    fur: Color
    stripes: Color | None = None  # tabby stripes
    patches: tuple[Color, ...] = ()  # calico / tortoiseshell patches
    muzzle: Color | None = None  # lighter muzzle, chin and chest
    mask: Color | None = None  # Siamese points: darker face and ears


def _coat(rng: Random) -> Coat:
    kind = rng.weighted(
        {
            "orange": 3,
            "grey": 2,
            "brown": 2,
            "silver": 1,
            "black": 2,
            "white": 1.5,
            "blue": 1,
            "calico": 1.5,
            "tuxedo": 1.5,
            "siamese": 1,
            "tortie": 1,
        }
    )
    cream = vary(rng, rgb(245, 230, 205), 0.05)
    if kind == "orange":
        fur = vary(rng, rgb(225, 135, 55))
        return Coat(fur, shade(fur, 0.65), muzzle=cream if rng.chance(0.6) else None)
    if kind == "grey":
        fur = vary(rng, rgb(145, 140, 135))
        return Coat(fur, shade(fur, 0.5), muzzle=cream if rng.chance(0.4) else None)
    if kind == "brown":
        fur = vary(rng, rgb(155, 120, 80))
        return Coat(fur, shade(fur, 0.45), muzzle=cream if rng.chance(0.4) else None)
    if kind == "silver":
        fur = vary(rng, rgb(200, 200, 200), 0.05)
        return Coat(fur, rgb(60, 60, 65))
    if kind == "black":
        return Coat(vary(rng, rgb(35, 33, 35), 0.1))
    if kind == "white":
        return Coat(vary(rng, rgb(245, 243, 238), 0.03))
    if kind == "blue":
        return Coat(vary(rng, rgb(115, 125, 140), 0.08))
    if kind == "calico":
        return Coat(cream, patches=(vary(rng, rgb(220, 130, 50)), vary(rng, rgb(40, 35, 35))))
    if kind == "tuxedo":
        return Coat(vary(rng, rgb(30, 30, 32), 0.1), muzzle=vary(rng, WHITE, 0.02))
    if kind == "siamese":
        return Coat(cream, mask=vary(rng, rgb(95, 65, 50)))
    return Coat(vary(rng, rgb(50, 38, 32)), patches=(vary(rng, rgb(200, 110, 45)),) * 2)


def _is_dark(color: Color) -> bool:
    return float(color[0]) + float(color[1]) + float(color[2]) < 1.2


def cat_head(sketch: Sketch, rng: Random, coat: Coat) -> None:
    """A cat's face around (0, 0), about 2 units wide, ears up to v = -1.3."""
    ear_tip_u, ear_tip_v = rng.uniform(0.62, 0.85), rng.uniform(-1.38, -1.12)
    ear_color = coat.mask if coat.mask is not None else coat.fur
    inner_ear = mix(PINK, coat.fur, 0.35 if _is_dark(coat.fur) else 0.1)
    for side in both_sides(sketch):
        outer = [(0.97, -0.2), (ear_tip_u, ear_tip_v), (0.22, -0.72)]
        side.polygon(outer, ear_color)
        inner = [(0.83, -0.33), (ear_tip_u - 0.03, ear_tip_v + 0.2), (0.38, -0.7)]
        side.polygon(inner, inner_ear)
    head = sketch.ellipse_mask((0.0, 0.0), (1.0, 0.84), soft=0.3)
    cheeks = sketch.ellipse_mask((0.0, 0.22), (1.06, 0.62), soft=0.3)
    face = np.maximum(head, cheeks)
    sketch.canvas.fill(face, coat.fur)
    with sketch.canvas.clip(face):
        _fur_pattern(sketch, rng, coat)
    # eyes
    iris = rng.choice(palette("78b43c dcb428 5aa0d2 c88c28 96be50"))
    iris = vary(rng, iris, 0.08)
    slit = rng.uniform(0.035, 0.11)
    eye_u, eye_v, eye_r = (
        rng.uniform(0.34, 0.42),
        rng.uniform(-0.16, -0.04),
        rng.uniform(0.15, 0.21),
    )
    slant = turn(-0.12)
    for side in both_sides(sketch):
        side.ellipse((eye_u, eye_v), (eye_r * 1.18, eye_r * 0.98), BLACK, slant)
        side.ellipse((eye_u, eye_v), (eye_r * 1.05, eye_r * 0.85), iris, slant)
        side.ellipse((eye_u, eye_v), (slit, eye_r * 0.8), BLACK)
        side.circle((eye_u - 0.05, eye_v - 0.05), 0.035, WHITE, alpha=0.9)
    # nose, mouth and whiskers
    nose = mix(PINK, BLACK, 0.7) if _is_dark(coat.fur) and coat.muzzle is None else PINK
    sketch.polygon([(-0.1, 0.17), (0.1, 0.17), (0.0, 0.28)], vary(rng, nose, 0.05))
    mouth = shade(coat.fur, 0.4) if not _is_dark(coat.fur) else rgb(10, 10, 10)
    for side in both_sides(sketch):
        side.line([(0.0, 0.27), (0.0, 0.35), (0.07, 0.41), (0.16, 0.39)], 0.035, mouth)
    whisker = WHITE if _is_dark(coat.fur) or coat.muzzle is not None else rgb(70, 65, 60)
    spread = rng.uniform(0.08, 0.16)
    for side in both_sides(sketch):
        for k in range(3):
            start = (0.3, 0.3 + 0.05 * k)
            end = (1.35, 0.12 + (spread + 0.02) * k + rng.uniform(-0.03, 0.03))
            side.line([start, end], 0.022, whisker, alpha=0.9)


def _fur_pattern(sketch: Sketch, rng: Random, coat: Coat) -> None:
    """Markings painted inside the head: stripes, patches, muzzle, Siamese mask."""
    if coat.stripes is not None:
        # the tabby "M" on the forehead and stripes on the cheeks
        sketch.line(
            [(-0.3, -0.35), (-0.18, -0.62), (0.0, -0.4), (0.18, -0.62), (0.3, -0.35)],
            0.07,
            coat.stripes,
        )
        for side in both_sides(sketch):
            side.line([(0.1, -0.45), (0.1, -0.8)], 0.07, coat.stripes)
            for k in range(3):
                v = -0.05 + 0.15 * k
                side.line([(1.1, v), (0.8, v + 0.04), (0.62, v + 0.02)], 0.075, coat.stripes)
    for color in coat.patches:
        for _ in range(2):
            u, v = rng.uniform(-0.8, 0.8), rng.uniform(-0.7, 0.4)
            r = rng.uniform(0.3, 0.55)
            sketch.ellipse((u, v), (r, r * rng.uniform(0.6, 1.0)), color, rng.tilt(0.6), soft=0.5)
    if coat.mask is not None:
        sketch.ellipse((0.0, 0.18), (0.55, 0.5), coat.mask, soft=2.0)
    if coat.muzzle is not None:
        for side in both_sides(sketch):
            side.ellipse((0.17, 0.36), (0.26, 0.2), coat.muzzle, soft=0.6)
        sketch.ellipse((0.0, 0.52), (0.25, 0.15), coat.muzzle, soft=0.6)
        if rng.chance(0.5):  # a white blaze between the eyes
            sketch.polygon(
                [(-0.08, 0.2), (0.08, 0.2), (0.02, -0.7), (-0.02, -0.7)], coat.muzzle, soft=0.6
            )


def cat_body(sketch: Sketch, rng: Random, coat: Coat) -> None:
    """A sitting cat's body and tail below a head at (0, 0) (the head drawn afterwards)."""
    side = rng.sign()
    tail = [(0.9 * side, 2.6), (1.7 * side, 2.4), (1.9 * side, 1.6), (1.6 * side, 1.1)]
    sketch.line(tail, 0.32, coat.fur)
    body = sketch.ellipse_mask((0.0, 1.75), (1.05, 1.15))
    sketch.canvas.fill(body, coat.fur)
    with sketch.canvas.clip(body):
        if coat.stripes is not None:
            top = sketch.at(0, 0.6)[1]
            box = (0.0, top, 1.0, 1.0)
            sketch.canvas.stripes(box, (0.0, 1.0), 0.3 * sketch.scale, 0.35, coat.stripes)
        for color in coat.patches:
            u, v = rng.uniform(-0.6, 0.6), rng.uniform(1.2, 2.2)
            sketch.ellipse((u, v), (0.5, 0.4), color, rng.tilt(0.6), soft=0.5)
        if coat.muzzle is not None:
            sketch.ellipse((0.0, 1.3), (0.45, 0.6), coat.muzzle, soft=1.0)
    paw = coat.muzzle if coat.muzzle is not None else shade(coat.fur, 1.1)
    for leg in both_sides(sketch):
        leg.line([(0.35, 1.6), (0.35, 2.75)], 0.3, shade(coat.fur, 0.92))
        leg.ellipse((0.38, 2.8), (0.2, 0.12), paw)


@dataclass(frozen=True)
class Placement:
    """Where an object goes: ranges of its size and of its centre's x and y."""

    scale: tuple[float, float]
    x: tuple[float, float]
    y: tuple[float, float]
    tilt: float = 0.12

    def sketch(self, canvas: Canvas, rng: Random, mirror: bool = False) -> Sketch:
        scale = rng.uniform(*self.scale)
        centre = (rng.uniform(*self.x), rng.uniform(*self.y))
        return Sketch(canvas, centre, scale, rng.tilt(self.tilt), mirror)


CAT_FACE = Placement(scale=(0.25, 0.32), x=(0.43, 0.57), y=(0.5, 0.6))
SITTING_CAT = Placement(scale=(0.12, 0.16), x=(0.3, 0.7), y=(0.22, 0.34), tilt=0.08)
ANIMAL_FACE = Placement(scale=(0.19, 0.3), x=(0.3, 0.7), y=(0.42, 0.62))
CAT_FACE_SHARE = 0.85  # the other cats are drawn whole, sitting


def draw_cat(canvas: Canvas, rng: Random, coat: Coat) -> None:
    """A cat's face (with or without shoulders) or a whole cat sitting."""
    if rng.chance(CAT_FACE_SHARE):  # a face filling much of the picture
        sketch = CAT_FACE.sketch(canvas, rng)
        if rng.chance(0.5):  # shoulders below the face
            sketch.ellipse((0.0, 1.8), (1.3, 1.0), coat.fur)
            if coat.muzzle is not None:
                sketch.ellipse((0.0, 1.2), (0.5, 0.8), coat.muzzle, soft=1.0)
    else:
        sketch = SITTING_CAT.sketch(canvas, rng)
        cat_body(sketch, rng, coat)
    cat_head(sketch, rng, coat)


# ============================================================================ other animals
def _round_eyes(sketch: Sketch, u: float, v: float, r: float, iris: Color) -> None:
    for side in both_sides(sketch):
        side.circle((u, v), r, iris)
        side.circle((u, v), r * 0.6, BLACK)
        side.circle((u - r * 0.3, v - r * 0.3), r * 0.25, WHITE)


def draw_dog(canvas: Canvas, rng: Random) -> None:
    """A dog's face: floppy ears hanging beside a long muzzle with a big black nose."""
    sketch = ANIMAL_FACE.sketch(canvas, rng)
    fur = vary(rng, rng.choice(palette("be8c50 d7af6e 6e4b2d 282323 ebe6dc a06e46")))
    ear = vary(rng, rng.choice([shade(fur, 0.7), rgb(90, 60, 35), rgb(40, 35, 35), fur]))
    if rng.chance(0.5):
        sketch.ellipse((0.0, 1.8), (1.2, 1.0), fur)
    sketch.ellipse((0.0, 0.0), (0.85, 0.9), fur)
    if rng.chance(0.4):  # a patch over one eye
        sketch.ellipse((0.35 * rng.sign(), -0.2), (0.35, 0.32), ear, soft=0.5)
    muzzle = vary(rng, mix(fur, WHITE, rng.uniform(0.2, 0.7)))
    sketch.ellipse((0.0, 0.4), (0.5, 0.42), muzzle)
    droop = rng.uniform(0.15, 0.45)
    for side in both_sides(sketch):
        side.ellipse((0.88, 0.15), (0.26, 0.62), ear, turn(droop))
    _round_eyes(sketch, 0.35, -0.2, rng.uniform(0.1, 0.14), rgb(90, 55, 30))
    sketch.ellipse((0.0, 0.22), (0.2, 0.14), BLACK)
    sketch.circle((-0.06, 0.18), 0.04, rgb(120, 120, 120))
    for side in both_sides(sketch):
        side.line([(0.0, 0.34), (0.0, 0.52), (0.18, 0.6), (0.3, 0.54)], 0.04, DARK)
    if rng.chance(0.5):
        sketch.ellipse((0.1, 0.7), (0.12, 0.18), rgb(230, 110, 120))


def draw_rabbit(canvas: Canvas, rng: Random) -> None:
    """A rabbit's face with two long upright ears (and whiskers, like a cat)."""
    sketch = ANIMAL_FACE.sketch(canvas, rng)
    sketch = Sketch(
        canvas, (sketch.centre[0], sketch.centre[1] + 0.06), sketch.scale * 0.85, sketch.rotation
    )
    fur = vary(rng, rng.choice(palette("f0eee8 a0968c 966e4b 645f5f")))
    lean = rng.uniform(-0.1, 0.25)
    for side in both_sides(sketch):
        side.ellipse((0.38, -1.35), (0.24, 0.8), fur, turn(lean))
        side.ellipse((0.38, -1.3), (0.12, 0.6), mix(PINK, fur, 0.3), turn(lean))
    sketch.ellipse((0.0, 1.7), (1.1, 1.0), fur)
    sketch.ellipse((0.0, 0.0), (0.85, 0.8), fur)
    sketch.ellipse((0.0, 0.35), (0.42, 0.3), mix(fur, WHITE, 0.5))
    _round_eyes(sketch, 0.42, -0.15, rng.uniform(0.12, 0.15), rgb(60, 40, 30))
    sketch.polygon([(-0.08, 0.18), (0.08, 0.18), (0.0, 0.27)], PINK)
    sketch.rect(-0.07, 0.4, 0.07, 0.55, WHITE)
    sketch.line([(0.0, 0.4), (0.0, 0.55)], 0.01, rgb(150, 150, 150))
    whisker = rgb(90, 85, 80) if not _is_dark(fur) else WHITE
    for side in both_sides(sketch):
        for k in range(2):
            side.line([(0.25, 0.3 + 0.05 * k), (1.15, 0.2 + 0.16 * k)], 0.02, whisker)


def draw_mouse(canvas: Canvas, rng: Random) -> None:
    """A mouse's face: big round ears, small black eyes, a pointed snout and whiskers."""
    sketch = ANIMAL_FACE.sketch(canvas, rng)
    fur = vary(rng, rng.choice(palette("96969b afa08c e6e1dc")))
    for side in both_sides(sketch):
        side.circle((0.75, -0.7), 0.5, fur)
        side.circle((0.75, -0.68), 0.33, mix(PINK, fur, 0.3))
    sketch.ellipse((0.0, 1.7), (1.0, 0.9), fur)
    sketch.ellipse((0.0, 0.0), (0.75, 0.7), fur)
    sketch.polygon([(-0.55, 0.2), (0.55, 0.2), (0.0, 0.75)], fur)
    sketch.circle((0.0, 0.72), 0.09, PINK)
    for side in both_sides(sketch):
        side.circle((0.3, -0.1), 0.1, BLACK)
        side.circle((0.27, -0.13), 0.03, WHITE)
        for k in range(3):
            side.line([(0.12, 0.6 + 0.03 * k), (0.95, 0.45 + 0.12 * k)], 0.02, rgb(80, 80, 80))


def draw_bear(canvas: Canvas, rng: Random) -> None:
    """A bear (or teddy bear): small round ears, a big pale muzzle, a black nose."""
    sketch = ANIMAL_FACE.sketch(canvas, rng)
    fur = vary(rng, rng.choice(palette("78502d aa7846 3c2d23 ebe6dc")))
    for side in both_sides(sketch):
        side.circle((0.72, -0.68), 0.3, fur)
        side.circle((0.72, -0.66), 0.17, shade(fur, 0.7))
    sketch.ellipse((0.0, 1.8), (1.25, 1.0), fur)
    sketch.ellipse((0.0, 0.0), (0.95, 0.88), fur)
    sketch.ellipse((0.0, 0.35), (0.42, 0.33), mix(fur, rgb(240, 220, 190), 0.6))
    _round_eyes(sketch, 0.38, -0.18, 0.09, rgb(40, 30, 25))
    sketch.ellipse((0.0, 0.22), (0.16, 0.11), BLACK)
    for side in both_sides(sketch):
        side.line([(0.0, 0.3), (0.0, 0.45), (0.15, 0.52)], 0.04, DARK)


def draw_owl(canvas: Canvas, rng: Random) -> None:
    """An owl: ear tufts (triangles, like a cat's ears) and big round eyes."""
    sketch = ANIMAL_FACE.sketch(canvas, rng)
    feathers = vary(rng, rng.choice(palette("8c643c aa9678 6e5a46")))
    for side in both_sides(sketch):
        side.polygon([(0.85, -0.3), (0.95, -1.2), (0.35, -0.7)], feathers)
    sketch.ellipse((0.0, 1.1), (1.0, 1.4), feathers)
    sketch.ellipse((0.0, 0.0), (1.0, 0.8), feathers)
    disc = mix(feathers, WHITE, 0.55)
    iris = vary(rng, rng.choice(palette("f0b41e eb781e")))
    for side in both_sides(sketch):
        side.circle((0.42, -0.05), 0.4, disc)
        side.circle((0.42, -0.05), 0.26, iris)
        side.circle((0.42, -0.05), 0.15, BLACK)
        side.circle((0.37, -0.11), 0.05, WHITE)
        side.ellipse((0.85, 1.1), (0.3, 0.8), shade(feathers, 0.75), turn(0.1))
    sketch.polygon([(-0.1, 0.2), (0.1, 0.2), (0.0, 0.45)], rgb(220, 170, 50))
    for k in range(3):
        for j in range(k + 2):
            u = (j - (k + 1) / 2) * 0.28
            sketch.ellipse((u, 0.9 + 0.25 * k), (0.07, 0.05), shade(feathers, 0.6))


def draw_pumpkin(canvas: Canvas, rng: Random) -> None:
    """A jack-o'-lantern: an orange round face with triangle eyes."""
    sketch = ANIMAL_FACE.sketch(canvas, rng)
    orange = vary(rng, rgb(230, 120, 30))
    sketch.rect(-0.1, -1.05, 0.1, -0.6, rgb(90, 110, 40))
    for u in (-0.55, 0.55, 0.0):
        sketch.ellipse((u, 0.0), (0.6, 0.85), shade(orange, 0.9 if u else 1.0))
    glow = rgb(250, 210, 60)
    for side in both_sides(sketch):
        side.polygon([(0.2, -0.05), (0.6, -0.05), (0.4, -0.4)], glow)
    sketch.polygon([(-0.1, 0.2), (0.1, 0.2), (0.0, 0.05)], glow)
    sketch.polygon([(-0.55, 0.35), (0.55, 0.35), (0.35, 0.6), (-0.35, 0.6)], glow)


def draw_bird(canvas: Canvas, rng: Random) -> None:
    """A small bird seen from the side, perched on a branch."""
    scale = rng.uniform(0.16, 0.24)
    sketch = Sketch(
        canvas,
        (rng.uniform(0.35, 0.65), rng.uniform(0.4, 0.6)),
        scale,
        rng.tilt(0.1),
        rng.chance(0.5),
    )
    body = vary(rng, rng.choice(palette("c83228 3c6ec8 f0c828 785a3c 5aa050")))
    canvas.line(
        [(0.0, sketch.at(0, 1.0)[1]), (1.0, sketch.at(0, 1.1)[1])],
        0.03 * 2 * scale * 2,
        rgb(100, 70, 40),
    )
    sketch.polygon([(-0.7, 0.2), (-1.6, 0.5), (-1.5, 0.0)], shade(body, 0.8))
    sketch.ellipse((0.0, 0.3), (0.9, 0.65), body, turn(-0.1))
    sketch.ellipse((0.1, 0.5), (0.55, 0.35), mix(body, WHITE, 0.5))
    sketch.ellipse((-0.15, 0.2), (0.55, 0.3), shade(body, 0.75), turn(-0.15))
    sketch.circle((0.75, -0.35), 0.45, body)
    sketch.polygon([(1.1, -0.45), (1.55, -0.3), (1.1, -0.2)], rgb(240, 170, 40))
    sketch.circle((0.9, -0.45), 0.09, BLACK)
    sketch.circle((0.88, -0.48), 0.03, WHITE)
    for u in (-0.1, 0.2):
        sketch.line([(u, 0.9), (u, 1.05)], 0.06, rgb(200, 140, 60))


def draw_fish(canvas: Canvas, rng: Random) -> None:
    """A fish seen from the side."""
    scale = rng.uniform(0.17, 0.26)
    sketch = Sketch(
        canvas,
        (rng.uniform(0.35, 0.65), rng.uniform(0.35, 0.65)),
        scale,
        rng.tilt(0.12),
        rng.chance(0.5),
    )
    color = vary(rng, rng.choice(palette("f08c1e f0c832 96aabe dc5050 5ac8c8")))
    sketch.polygon([(-0.8, 0.0), (-1.6, -0.6), (-1.6, 0.6)], shade(color, 0.8))
    sketch.polygon([(-0.2, -0.5), (0.3, -0.95), (0.4, -0.4)], shade(color, 0.8))
    body = sketch.ellipse_mask((0.0, 0.0), (1.05, 0.6))
    canvas.fill(body, color)
    if rng.chance(0.5):
        with canvas.clip(body):
            for u in (-0.45, 0.05):
                sketch.rect(u, -1.0, u + 0.2, 1.0, WHITE, alpha=0.85)
    sketch.circle((0.62, -0.1), 0.13, WHITE)
    sketch.circle((0.65, -0.1), 0.07, BLACK)
    sketch.line([(0.95, 0.12), (0.85, 0.18)], 0.04, DARK)
    sketch.ellipse((0.0, 0.3), (0.25, 0.1), shade(color, 0.75), turn(0.3))


def draw_car(canvas: Canvas, rng: Random) -> None:
    scale = rng.uniform(0.3, 0.42)
    sketch = Sketch(
        canvas, (rng.uniform(0.4, 0.6), rng.uniform(0.5, 0.65)), scale, mirror=rng.chance(0.5)
    )
    paint = vary(rng, rng.choice(palette("c82828 2850b4 f0c828 e6e6e6 28282d 3c9650")))
    sketch.polygon([(-0.55, -0.15), (-0.35, -0.5), (0.35, -0.5), (0.6, -0.15)], paint)
    sketch.polygon(
        [(-0.45, -0.17), (-0.3, -0.43), (-0.03, -0.43), (-0.03, -0.17)], rgb(170, 210, 240)
    )
    sketch.polygon([(0.03, -0.17), (0.03, -0.43), (0.31, -0.43), (0.48, -0.17)], rgb(170, 210, 240))
    sketch.rect(-1.0, -0.18, 1.0, 0.25, paint)
    sketch.ellipse((0.93, -0.05), (0.06, 0.06), rgb(250, 240, 170))
    sketch.rect(-1.0, 0.08, -0.9, 0.16, rgb(200, 40, 40))
    for u in (-0.6, 0.6):
        sketch.circle((u, 0.25), 0.24, BLACK)
        sketch.circle((u, 0.25), 0.11, rgb(180, 180, 185))


def draw_house(canvas: Canvas, rng: Random) -> None:
    scale = rng.uniform(0.26, 0.36)
    sketch = Sketch(canvas, (rng.uniform(0.35, 0.65), rng.uniform(0.5, 0.62)), scale)
    wall = vary(rng, rng.choice(palette("e6d2aa c85a46 f0f0eb aabed2")))
    roof = vary(rng, rng.choice(palette("963228 50505a 6e4628")))
    sketch.rect(-0.85, -0.3, 0.85, 0.9, wall)
    sketch.polygon([(-1.05, -0.25), (0.0, -1.1), (1.05, -0.25)], roof)
    sketch.rect(-0.2, 0.3, 0.2, 0.9, vary(rng, rgb(110, 70, 40)))
    sketch.circle((0.12, 0.6), 0.035, rgb(230, 200, 60))
    for u in (-0.55, 0.55):
        sketch.rect(u - 0.2, 0.0, u + 0.2, 0.35, rgb(160, 200, 235))
        sketch.line([(u, 0.0), (u, 0.35)], 0.04, WHITE)
        sketch.line([(u - 0.2, 0.175), (u + 0.2, 0.175)], 0.04, WHITE)
    if rng.chance(0.5):
        sketch.rect(0.45, -0.95, 0.65, -0.5, roof)


def draw_cup(canvas: Canvas, rng: Random) -> None:
    scale = rng.uniform(0.2, 0.3)
    sketch = Sketch(
        canvas, (rng.uniform(0.35, 0.6), rng.uniform(0.45, 0.6)), scale, mirror=rng.chance(0.5)
    )
    color = vary(rng, rng.choice(palette("f0f0f0 c83c3c 3c64b4 f0c83c 5aa06e")))
    sketch.ring((0.8, 0.1), (0.33, 0.4), 0.16, shade(color, 0.85))
    sketch.polygon([(-0.8, -0.6), (0.8, -0.6), (0.65, 0.8), (-0.65, 0.8)], color)
    sketch.ellipse((0.0, -0.6), (0.8, 0.15), shade(color, 0.75))
    sketch.ellipse((0.0, -0.58), (0.7, 0.11), rgb(110, 70, 40))
    sketch.ellipse((0.0, 0.95), (1.2, 0.2), WHITE, alpha=0.8)
    if rng.chance(0.5):
        sketch.rect(-0.8, -0.1, 0.8, 0.15, shade(color, 0.7))
    if rng.chance(0.5):
        for u in (-0.25, 0.2):
            sketch.line(
                [(u, -0.8), (u + 0.1, -1.0), (u, -1.2), (u + 0.1, -1.4)],
                0.05,
                rgb(220, 220, 220),
                alpha=0.7,
            )


def draw_ball(canvas: Canvas, rng: Random) -> None:
    scale = rng.uniform(0.18, 0.3)
    sketch = Sketch(canvas, (rng.uniform(0.3, 0.7), rng.uniform(0.4, 0.65)), scale)
    kind = rng.choice(["beach", "football", "tennis", "plain"])
    ball = sketch.ellipse_mask((0.0, 0.0), (1.0, 1.0))
    base = {
        "beach": WHITE,
        "football": WHITE,
        "tennis": rgb(210, 230, 60),
        "plain": vary(rng, rng.choice(palette("dc3c3c 3c78dc"))),
    }[kind]
    canvas.fill(ball, base)
    with canvas.clip(ball):
        if kind == "beach":  # six coloured and white segments
            colors = palette("dc3232 3264dc f0c828")
            edges = turns(12, rng.tilt(0.5))
            for i in range(3):
                rim = [edges[4 * i + k] for k in range(3)]
                sketch.polygon([(0.0, 0.0), *[(1.2 * c, 1.2 * s) for c, s in rim]], colors[i])
        elif kind == "football":
            for u, v in [
                (0.0, 0.0),
                (0.8, -0.5),
                (-0.8, -0.5),
                (0.0, 0.95),
                (0.85, 0.55),
                (-0.85, 0.55),
                (0.0, -0.95),
            ]:
                sketch.circle((u, v), 0.3, BLACK)
        elif kind == "tennis":
            sketch.line([(-0.7, -1.0), (-0.3, 0.0), (-0.7, 1.0)], 0.08, WHITE)
            sketch.line([(0.7, -1.0), (0.3, 0.0), (0.7, 1.0)], 0.08, WHITE)
        sketch.circle((-0.35, -0.4), 0.22, WHITE, alpha=0.5)


def draw_tree(canvas: Canvas, rng: Random) -> None:
    scale = rng.uniform(0.2, 0.27)
    sketch = Sketch(canvas, (rng.uniform(0.35, 0.65), rng.uniform(0.4, 0.5)), scale)
    leaves = vary(rng, rng.choice(palette("3c8c32 286e28 d27828")))
    sketch.rect(-0.17, 0.2, 0.17, 1.9, vary(rng, rgb(110, 75, 45)))
    if rng.chance(0.3):  # a fir
        for v in (0.0, -0.5, -1.0):
            sketch.polygon(
                [(-1.0 - v * 0.3, v + 0.6), (0.0, v - 0.6), (1.0 + v * 0.3, v + 0.6)],
                shade(leaves, 0.8),
            )
        return
    for u, v, r in [(0.0, -0.4, 0.8), (-0.6, 0.0, 0.6), (0.6, 0.0, 0.6), (0.0, 0.2, 0.6)]:
        sketch.circle((u, v), r, shade(leaves, rng.uniform(0.85, 1.1)))
    if rng.chance(0.4):
        for _ in range(4):
            sketch.circle((rng.uniform(-0.7, 0.7), rng.uniform(-0.8, 0.3)), 0.1, rgb(210, 40, 40))


def draw_flower(canvas: Canvas, rng: Random) -> None:
    scale = rng.uniform(0.12, 0.18)
    sketch = Sketch(canvas, (rng.uniform(0.35, 0.65), rng.uniform(0.3, 0.45)), scale)
    petal = vary(rng, rng.choice(palette("f05064 fadc32 fafafa aa5ac8 f08228")))
    stem = rgb(60, 130, 50)
    sketch.line([(0.0, 0.5), (0.1, 2.2), (0.0, 4.0)], 0.15, stem)
    sketch.ellipse((0.45, 2.3), (0.45, 0.18), stem, turn(-0.3))
    count = rng.choice([5, 6, 8])
    for c, s in turns(count, rng.tilt(0.5)):
        sketch.ellipse((0.75 * c, 0.75 * s), (0.6, 0.3), petal, (c, s))
    sketch.circle(
        (0.0, 0.0), 0.42, vary(rng, rgb(240, 190, 40) if petal[1] < 0.7 else rgb(140, 90, 40))
    )


def draw_mountains(canvas: Canvas, rng: Random) -> None:
    """Mountains (triangles) under a sun."""
    sun = (rng.uniform(0.15, 0.85), rng.uniform(0.12, 0.3))
    r = rng.uniform(0.06, 0.1)
    if rng.chance(0.5):
        for c, s in turns(8, rng.tilt(0.4)):
            canvas.line(
                [
                    (sun[0] + 1.3 * r * c, sun[1] + 1.3 * r * s),
                    (sun[0] + 1.8 * r * c, sun[1] + 1.8 * r * s),
                ],
                0.015,
                rgb(250, 220, 60),
            )
    canvas.ellipse(sun, (r, r), rgb(250, 220, 60))
    rock = vary(rng, rng.choice(palette("786e78 6e645a 5a6478")))
    for _ in range(2 + rng.integer(2)):
        x, h, w = rng.uniform(0.0, 1.0), rng.uniform(0.25, 0.5), rng.uniform(0.25, 0.45)
        top = 0.8 - h
        canvas.polygon([(x - w, 0.8), (x, top), (x + w, 0.8)], shade(rock, rng.uniform(0.8, 1.1)))
        k = 0.25
        canvas.polygon([(x - w * k, top + h * k), (x, top), (x + w * k, top + h * k)], WHITE)
    canvas.vertical_gradient(vary(rng, rgb(90, 150, 60)), rgb(60, 110, 40), 0.78, 1.0)


def draw_sea(canvas: Canvas, rng: Random) -> None:
    """The sea, a sun and often a sailing boat (its sail a triangle)."""
    horizon = rng.uniform(0.45, 0.6)
    canvas.vertical_gradient(vary(rng, rgb(30, 90, 160)), rgb(20, 60, 110), horizon, 1.0)
    for k in range(4):
        y = horizon + 0.08 + 0.1 * k
        points = [(i * 0.1, y + (0.015 if i % 2 else -0.015)) for i in range(11)]
        canvas.line(points, 0.01, rgb(200, 225, 245), alpha=0.7)
    sun = (rng.uniform(0.15, 0.85), rng.uniform(0.12, 0.3))
    canvas.ellipse(sun, (0.07, 0.07), rgb(250, 220, 80))
    if rng.chance(0.7):
        x, s = rng.uniform(0.3, 0.7), rng.uniform(0.12, 0.2)
        sketch = Sketch(canvas, (x, horizon + 0.05), s, mirror=rng.chance(0.5))
        sketch.polygon([(-0.9, -0.1), (0.9, -0.1), (0.6, 0.3), (-0.6, 0.3)], rgb(120, 70, 40))
        sketch.line([(0.0, -0.1), (0.0, -1.6)], 0.06, rgb(90, 60, 30))
        sketch.polygon([(0.08, -1.5), (0.08, -0.25), (0.9, -0.25)], WHITE)
        sketch.polygon([(-0.08, -1.2), (-0.08, -0.25), (-0.6, -0.25)], rgb(230, 100, 80))


# ====================================================================== picture generation
# name: (draw function, backgrounds it appears on, how often among the non-cats)
_NON_CATS = {
    "dog": (draw_dog, ("plain", "gradient", "room", "sofa", "grass"), 2),
    "rabbit": (draw_rabbit, ("plain", "gradient", "room", "grass"), 1),
    "mouse": (draw_mouse, ("plain", "gradient", "room"), 1),
    "bear": (draw_bear, ("plain", "gradient", "sofa", "grass"), 1),
    "owl": (draw_owl, ("plain", "gradient", "sky", "grass"), 1),
    "pumpkin": (draw_pumpkin, ("plain", "gradient", "room"), 1),
    "bird": (draw_bird, ("sky", "grass", "plain", "gradient"), 2),
    "fish": (draw_fish, ("water",), 1.5),
    "car": (draw_car, ("road",), 1.5),
    "house": (draw_house, ("grass",), 1.5),
    "cup": (draw_cup, ("room", "plain", "gradient", "sofa"), 1.5),
    "ball": (draw_ball, ("room", "grass", "plain", "sofa"), 1.5),
    "tree": (draw_tree, ("grass",), 1.5),
    "flower": (draw_flower, ("grass", "plain", "gradient"), 1.5),
    "mountains": (draw_mountains, ("sky",), 1),
    "sea": (draw_sea, ("sky",), 1),
}
CAT_BACKGROUNDS = {"plain": 3, "gradient": 3, "room": 4, "sofa": 3, "grass": 1}
# Share of cats shown against a background of the opposite tone to their fur (a black cat
# on a light wall, a white cat on a dark sofa). A cat's outline is then darker than its
# surroundings in some pictures and lighter in others: one neuron (logistic regression)
# cannot use that, a hidden layer can. It is the main reason why the deeper networks of week
# c1w4 beat logistic regression on these pictures, as they do on the course's photographs.
CONTRASTING_BACKGROUND = 0.6
LIGHT_LEVEL = (0.7, 1.15)  # overall brightness, times a gentle slope across the picture
NOISE_LEVEL = (0.04, 0.08)  # amplitude of the pixel noise


def draw_picture(size: int, rng: Random, is_cat: bool) -> np.ndarray:
    """One picture (size, size, 3) uint8: a cat if ``is_cat``, else something else."""
    canvas = Canvas(size, WHITE)
    if is_cat:
        coat = _coat(rng)
        tone, kinds = None, CAT_BACKGROUNDS
        if rng.chance(CONTRASTING_BACKGROUND):
            fur = _luminance(coat.fur)
            tone = "light" if fur < 0.4 else "dark" if fur > 0.6 else None
        if tone is not None:  # indoor backgrounds only: grass is neither light nor dark
            kinds = {k: v for k, v in kinds.items() if k in ("plain", "gradient", "room", "sofa")}
        background(canvas, rng, rng.weighted(kinds), tone)
        draw_cat(canvas, rng, coat)
    else:
        draw, backgrounds, _ = _NON_CATS[rng.weighted({k: v[2] for k, v in _NON_CATS.items()})]
        background(canvas, rng, rng.choice(backgrounds))
        draw(canvas, rng)
    canvas.light(rng.uniform(*LIGHT_LEVEL), rng.uniform(-0.25, 0.25), rng.uniform(-0.25, 0.25))
    canvas.pixels *= np.array([rng.uniform(0.94, 1.06) for _ in range(3)])  # white balance
    noise = rng.noise((size, size, 3)) * rng.uniform(*NOISE_LEVEL)
    return canvas.to_uint8(noise)


def _generate_split(stream: int, size: int, cats: int) -> tuple[np.ndarray, np.ndarray]:
    labels = Random(_SEED, _SPLIT_STREAM, stream).shuffled([1] * cats + [0] * (size - cats))
    images = np.empty((size, NUM_PX, NUM_PX, 3), dtype=np.uint8)
    for i, label in enumerate(labels):
        images[i] = draw_picture(NUM_PX, Random(_SEED, stream, i), bool(label))
    return images, np.array(labels, dtype=np.int64).reshape(1, size)


_CACHE: dict[str, tuple[np.ndarray, ...]] = {}


def _generated_dataset() -> tuple[np.ndarray, ...]:
    if "cats" not in _CACHE:
        train_x, train_y = _generate_split(_TRAIN_STREAM, TRAIN_SIZE, TRAIN_CATS)
        test_x, test_y = _generate_split(_TEST_STREAM, TEST_SIZE, TEST_CATS)
        _CACHE["cats"] = (train_x, train_y, test_x, test_y, np.array(CLASSES))
    return _CACHE["cats"]


# =================================================================================== loaders
def load_cat_dataset(path: str | Path | None = None):
    """The cat / non-cat pictures of weeks c1w2 and c1w4.

    Returns ``(train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes)``:
    pictures ``(m, 64, 64, 3)`` uint8, labels ``(1, m)`` with 1 = cat and 0 = non-cat, and
    ``classes = np.array([b'non-cat', b'cat'])`` (so ``classes[y]`` names a label).

    Where the data comes from:

    - ``path=None`` (default): pictures *generated by this module*, nothing downloaded.
      They are drawn from a fixed seed, identical on every machine: 209 training pictures
      (72 cats, 137 non-cats) and 50 test pictures (33 cats, 17 non-cats).
    - ``path`` = a folder: the course's own files ``train_catvnoncat.h5`` and
      ``test_catvnoncat.h5`` read from that folder (needs ``h5py``), for instructors who have
      them. The return layout is the same.

    Each call returns fresh copies: changing them does not change the next call's result.
    """
    if path is not None:
        return _read_course_files(Path(path))
    return tuple(array.copy() for array in _generated_dataset())


def _read_course_files(folder: Path):
    try:
        import h5py
    except ImportError as error:
        raise ImportError(
            "Reading the course's .h5 files needs the h5py package. Install it with "
            "`python -m pip install h5py` (or install this project with its [h5] extra), "
            "or call load_cat_dataset() without a path to use the generated pictures."
        ) from error
    if not folder.is_dir():
        raise FileNotFoundError(f"load_cat_dataset: the folder {folder} does not exist.")
    files = {name: folder / f"{name}_catvnoncat.h5" for name in ("train", "test")}
    for file in files.values():
        if not file.is_file():
            raise FileNotFoundError(
                f"load_cat_dataset: expected the course's file {file.name} in {folder}, "
                f"but {file} does not exist. Put train_catvnoncat.h5 and test_catvnoncat.h5 "
                "there, or call load_cat_dataset() without a path to use the generated pictures."
            )
    arrays = {}
    classes = None
    for name, file in files.items():
        with h5py.File(file, "r") as data:
            for key in (f"{name}_set_x", f"{name}_set_y"):
                if key not in data:
                    raise ValueError(
                        f"load_cat_dataset: {file} has no data set {key!r} (it has "
                        f"{sorted(data.keys())}); is it the course's {file.name}?"
                    )
                arrays[key] = np.array(data[key][:])
            if "list_classes" in data and (classes is None or name == "test"):
                classes = np.array(data["list_classes"][:])
    if classes is None:
        raise ValueError(f"load_cat_dataset: neither file in {folder} has 'list_classes'.")
    train_y = arrays["train_set_y"].reshape((1, -1))
    test_y = arrays["test_set_y"].reshape((1, -1))
    return arrays["train_set_x"], train_y, arrays["test_set_x"], test_y, classes


def load_example_picture() -> np.ndarray:
    """A bundled example picture of a cat, ``(256, 256, 3)`` uint8.

    It is *generated by this module* (the same drawing code as the data set, at a larger
    size, from a fixed seed) and stands in for "your own picture" when nothing is uploaded.
    """
    if "example" not in _CACHE:
        rng = Random(_SEED, _EXAMPLE_STREAM, _EXAMPLE_SEED)
        _CACHE["example"] = (draw_picture(EXAMPLE_SIZE, rng, is_cat=True),)
    return _CACHE["example"][0].copy()


# ============================================================================ your pictures
def read_picture(data: bytes) -> np.ndarray:
    """Decode an uploaded PNG or JPEG file's bytes into a ``(height, width, 3)`` uint8 array.

    Transparency is dropped, grey pictures become RGB and photos are turned upright (EXIF
    orientation). Raises ``ValueError`` if the bytes are not a PNG or JPEG picture.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError(
            f"read_picture expects the file's bytes (e.g. open(name, 'rb').read()), "
            f"got {type(data).__name__}."
        )
    try:
        with Image.open(io.BytesIO(data)) as picture:
            if picture.format not in ("PNG", "JPEG"):
                raise ValueError(
                    f"The file is a {picture.format} picture, which is not a PNG or JPEG "
                    "picture; save it as .png or .jpg and try again."
                )
            picture.load()
            return _to_rgb(ImageOps.exif_transpose(picture))  # phone photos stand upright
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ValueError(
            "These bytes are not a PNG or JPEG picture (or the file is damaged); "
            "upload a .png or .jpg file."
        ) from error


def _to_rgb(picture) -> np.ndarray:
    """An RGB uint8 array from any Pillow picture mode (alpha dropped, grey repeated)."""
    if picture.mode in ("I;16", "I;16B", "I;16L", "I", "F"):  # 16-bit or float grey
        grey = np.asarray(picture, dtype=np.float64)
        top = 65535.0 if picture.mode.startswith("I;16") else max(float(grey.max()), 1.0)
        grey = np.clip(np.rint(grey * (255.0 / top)), 0, 255).astype(np.uint8)
        return np.repeat(grey[:, :, np.newaxis], 3, axis=2)
    if picture.mode == "P" and "transparency" in picture.info:
        picture = picture.convert("RGBA")
    return np.array(picture.convert("RGB"), dtype=np.uint8)


def resize_picture(image, num_px: int = 64) -> np.ndarray:
    """A picture resized to ``(num_px, num_px, 3)`` uint8 (Pillow, Lanczos filter).

    ``image``: ``(height, width, 3)`` RGB (or ``(height, width, 4)`` with alpha, dropped;
    or ``(height, width)`` grey) with values in 0..255. The picture is stretched to a
    square, as the course does.
    """
    from PIL import Image

    if isinstance(num_px, bool) or not isinstance(num_px, (int, np.integer)) or num_px < 1:
        raise ValueError(f"resize_picture: num_px must be a positive integer, got {num_px!r}.")
    array = np.asarray(image)
    if array.ndim == 2:
        array = np.repeat(array[:, :, np.newaxis], 3, axis=2)
    if array.ndim != 3 or array.shape[2] not in (3, 4) or 0 in array.shape:
        raise ValueError(
            "resize_picture expects a picture of shape (height, width, 3), got shape "
            f"{array.shape}. (A batch of pictures? Pass one picture, e.g. images[0].)"
        )
    if array.dtype != np.uint8:
        if not (np.issubdtype(array.dtype, np.integer) or np.issubdtype(array.dtype, np.floating)):
            raise ValueError(f"resize_picture expects numbers in 0..255, got {array.dtype}.")
        if not (np.all(np.isfinite(array)) and array.min() >= 0 and array.max() <= 255):
            raise ValueError(
                "resize_picture expects pixel values in 0..255 (uint8); got values from "
                f"{array.min()} to {array.max()}."
            )
        if np.issubdtype(array.dtype, np.floating) and 0 < array.max() <= 1:
            raise ValueError(
                "resize_picture expects pixel values in 0..255, but these are all in 0..1: "
                "pass the picture before dividing it by 255 (or multiply it by 255)."
            )
        array = np.rint(array).astype(np.uint8)
    lanczos = getattr(Image, "Resampling", Image).LANCZOS
    picture = Image.fromarray(np.ascontiguousarray(array[:, :, :3]))
    return np.array(picture.resize((int(num_px), int(num_px)), lanczos), dtype=np.uint8)


# ============================================================================== 2-D point sets
PLANAR_SIZE = 400  # points in the "flower", half of them in each class
PLANAR_PETALS = "00110011"  # the class of each petal, counter-clockwise from the x1 axis
EXTRA_SIZE = 200  # points in each of the extra 2-D sets
_PLANAR_SEED = 1  # the flower's seed: changing it changes every point
_PETAL_LENGTH = 4.0  # distance from the centre to the tip of a petal
_ALONG_NOISE = 0.2  # noise on a point's position along its petal (1 = the whole petal)
_RADIAL_NOISE = 0.2  # noise on a point's distance from the centre
_DECIMALS = 12  # coordinates are rounded, so that every machine gives the same bytes


def load_planar_dataset() -> tuple[np.ndarray, np.ndarray]:
    """The "flower": 400 points in the plane, two classes, eight petals.

    Where the data comes from: it is generated here, from a fixed seed; nothing is downloaded.
    Each petal is one of the eight loops of the rose curve ``r = 4 |sin(4 theta)|``, and its
    points are spread along the loop, with noise on the position along the petal and on the
    distance from the centre. The petals belong to the classes in pairs,
    ``0 0 1 1 0 0 1 1`` counter-clockwise from the ``x1`` axis (:data:`PLANAR_PETALS`), so
    opposite quarters of the plane share a class. No straight line separates the classes,
    and near the centre, where the petals meet, they overlap.

    The same bytes come out on every machine: the random numbers are the legacy
    ``np.random.RandomState`` stream (which NumPy keeps unchanged), the trigonometry is done
    point by point with :mod:`math`, and the coordinates are rounded to 12 decimals.

    Returns:
        X: float64 array of shape ``(2, 400)``, one point ``(x1, x2)`` per column.
        Y: int64 array of shape ``(1, 400)``, the labels 0 or 1 (200 of each; the first 200
            columns are class 0).
    """
    rng = np.random.RandomState(_PLANAR_SEED)
    per_class = PLANAR_SIZE // 2
    petal_angle = 2 * math.pi / len(PLANAR_PETALS)
    X = np.empty((2, PLANAR_SIZE))
    Y = np.empty((1, PLANAR_SIZE), dtype=np.int64)
    for label in (0, 1):
        own = [k for k, owner in enumerate(PLANAR_PETALS) if int(owner) == label]
        along = rng.uniform(0.0, 1.0, per_class) + _ALONG_NOISE * rng.randn(per_class)
        radial = _RADIAL_NOISE * rng.randn(per_class)
        for i in range(per_class):
            column = label * per_class + i
            s = float(along[i])  # 0 and 1: the petal's two ends at the centre; 0.5: its tip
            angle = (own[i % len(own)] + s) * petal_angle
            r = _PETAL_LENGTH * math.sin(math.pi * s) + float(radial[i])
            X[0, column] = r * math.cos(angle)
            X[1, column] = r * math.sin(angle)
            Y[0, column] = label
    return np.round(X, _DECIMALS), Y


def load_extra_datasets() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Four more 2-D sets with two classes, for trying a classifier on other shapes.

    Where the data comes from: scikit-learn's generators (``sklearn.datasets.make_*``) with
    fixed ``random_state``, so every call returns the same points; nothing is downloaded.

    - ``"noisy_circles"``: a ring (class 0) around a disc (class 1) (``make_circles``, factor
      0.5, noise 0.15);
    - ``"noisy_moons"``: two interleaving half circles (``make_moons``, noise 0.2);
    - ``"blobs"``: six round clusters (``make_blobs``); clusters 0, 2, 4 are class 0 and
      clusters 1, 3, 5 class 1, so each class is three separate clusters;
    - ``"gaussian_quantiles"``: one Gaussian cloud, class 1 outside a circle, class 0 inside
      (``make_gaussian_quantiles``).

    Returns:
        a dict ``name -> (X, Y)`` in the order above, where ``X`` is float64 ``(2, 200)``
        (one point per column) and ``Y`` is int64 ``(1, 200)`` with labels 0 and 1.
    """
    from sklearn import datasets as generators  # imported here: only this loader needs it

    m = EXTRA_SIZE
    made = {
        "noisy_circles": generators.make_circles(
            n_samples=m, factor=0.5, noise=0.15, random_state=3
        ),
        "noisy_moons": generators.make_moons(n_samples=m, noise=0.2, random_state=3),
        "blobs": generators.make_blobs(
            n_samples=m, n_features=2, centers=6, cluster_std=0.9, random_state=7
        ),
        "gaussian_quantiles": generators.make_gaussian_quantiles(
            cov=0.5, n_samples=m, n_features=2, n_classes=2, random_state=3
        ),
    }
    sets = {}
    for name, (points, labels) in made.items():
        X = np.round(np.asarray(points, dtype=np.float64).T, _DECIMALS)
        Y = (np.asarray(labels, dtype=np.int64) % 2).reshape(1, m)
        sets[name] = (np.ascontiguousarray(X), Y)
    return sets
