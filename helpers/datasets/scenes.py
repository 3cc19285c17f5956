"""One generated picture (:func:`draw_picture`): a background, a cat or a non-cat, lighting,
white balance and noise."""

from __future__ import annotations

import numpy as np

from .backgrounds import background
from .cats import draw_cat, random_coat
from .drawing import WHITE, Canvas, Random, luminance
from .non_cats import (
    draw_ball,
    draw_bear,
    draw_bird,
    draw_car,
    draw_cup,
    draw_dog,
    draw_fish,
    draw_flower,
    draw_house,
    draw_mountains,
    draw_mouse,
    draw_owl,
    draw_pumpkin,
    draw_rabbit,
    draw_sea,
    draw_tree,
)

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
        coat = random_coat(rng)
        tone, kinds = None, CAT_BACKGROUNDS
        if rng.chance(CONTRASTING_BACKGROUND):
            fur = luminance(coat.fur)
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
