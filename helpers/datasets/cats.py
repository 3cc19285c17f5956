"""The cats of the generated pictures: coats (:class:`Coat`), faces, sitting bodies
(:func:`draw_cat`)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .drawing import (
    BLACK,
    PINK,
    WHITE,
    Canvas,
    Color,
    Placement,
    Random,
    Sketch,
    both_sides,
    mix,
    palette,
    rgb,
    shade,
    turn,
    vary,
)


@dataclass(frozen=True)
class Coat:
    fur: Color
    stripes: Color | None = None  # tabby stripes
    patches: tuple[Color, ...] = ()  # calico / tortoiseshell patches
    muzzle: Color | None = None  # lighter muzzle, chin and chest
    mask: Color | None = None  # Siamese points: darker face and ears


def random_coat(rng: Random) -> Coat:
    """A coat drawn at random, the common ones (orange, grey, black...) more often."""
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


def is_dark(color: Color) -> bool:
    return float(color[0]) + float(color[1]) + float(color[2]) < 1.2


def cat_head(sketch: Sketch, rng: Random, coat: Coat) -> None:
    """A cat's face around (0, 0), about 2 units wide, ears up to v = -1.3."""
    ear_tip_u, ear_tip_v = rng.uniform(0.62, 0.85), rng.uniform(-1.38, -1.12)
    ear_color = coat.mask if coat.mask is not None else coat.fur
    inner_ear = mix(PINK, coat.fur, 0.35 if is_dark(coat.fur) else 0.1)
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
    nose = mix(PINK, BLACK, 0.7) if is_dark(coat.fur) and coat.muzzle is None else PINK
    sketch.polygon([(-0.1, 0.17), (0.1, 0.17), (0.0, 0.28)], vary(rng, nose, 0.05))
    mouth = shade(coat.fur, 0.4) if not is_dark(coat.fur) else rgb(10, 10, 10)
    for side in both_sides(sketch):
        side.line([(0.0, 0.27), (0.0, 0.35), (0.07, 0.41), (0.16, 0.39)], 0.035, mouth)
    whisker = WHITE if is_dark(coat.fur) or coat.muzzle is not None else rgb(70, 65, 60)
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


CAT_FACE = Placement(scale=(0.25, 0.32), x=(0.43, 0.57), y=(0.5, 0.6))
SITTING_CAT = Placement(scale=(0.12, 0.16), x=(0.3, 0.7), y=(0.22, 0.34), tilt=0.08)
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
