"""The drawing toolkit of the generated cat pictures: randomness, colours, a canvas, sketches.

The same bytes come out on every machine and every supported NumPy: randomness is the raw
64-bit stream of ``np.random.PCG64`` (whose output NumPy keeps stable) turned into uniform
numbers here (:class:`Random`), and the drawing uses only ``+ - * /``, ``sqrt``, comparisons,
``floor`` and clipping, whose results IEEE arithmetic fixes exactly (no sums over arrays, no
``np.sin``). Rotations (:func:`turn`) use rational points on the circle,
``((1 - t^2) / (1 + t^2), 2t / (1 + t^2))``.

:class:`Canvas` holds a float picture ``(size, size, 3)`` (RGB in 0..1, coordinates in
"picture units": 0..1 from left to right and from top to bottom) and fills ellipses, rings,
convex polygons, thick polylines, stripes and gradients with anti-aliased edges;
:class:`Sketch` draws on a canvas in the local coordinates of one object (its centre, size,
tilt and mirror image); a :class:`Placement` picks at random where such an object goes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

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


def luminance(color: Color) -> float:
    """The perceived brightness of ``color``, 0 (black) .. 1 (white)."""
    return 0.299 * float(color[0]) + 0.587 * float(color[1]) + 0.114 * float(color[2])


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
