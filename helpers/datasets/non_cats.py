"""The non-cats of the generated pictures: animal faces that share a cat's round face and eyes
(dog, rabbit, mouse, bear, owl, jack-o'-lantern), birds and fish, objects and scenes (car,
house, cup, ball, tree, flower, mountains, the sea). Each ``draw_*(canvas, rng)`` draws one
on a canvas that already holds its background."""

from __future__ import annotations

from .cats import is_dark
from .drawing import (
    BLACK,
    DARK,
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
    turns,
    vary,
)

ANIMAL_FACE = Placement(scale=(0.19, 0.3), x=(0.3, 0.7), y=(0.42, 0.62))


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
    whisker = rgb(90, 85, 80) if not is_dark(fur) else WHITE
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
