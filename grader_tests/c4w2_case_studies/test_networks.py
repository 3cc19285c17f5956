"""Hidden checks of count_parameters on random stacks of layers (odd sizes, strides that do not
divide evenly, "same" and numeric padding, FC after a volume and after an FC layer) and on
LeNet-5 and VGG-16, against the reference."""

from __future__ import annotations

import pytest

from .common import check

VGG16 = [
    *[("conv", 3, 1, "same", 64)] * 2, ("pool", 2, 2),
    *[("conv", 3, 1, "same", 128)] * 2, ("pool", 2, 2),
    *[("conv", 3, 1, "same", 256)] * 3, ("pool", 2, 2),
    *[("conv", 3, 1, "same", 512)] * 3, ("pool", 2, 2),
    *[("conv", 3, 1, "same", 512)] * 3, ("pool", 2, 2),
    ("fc", 4096), ("fc", 4096), ("fc", 1000),
]  # fmt: skip


def _random_layers(rng) -> list:
    layers = []
    for _ in range(int(rng.integers(2, 4))):
        f = int(rng.choice([1, 3, 5]))
        pad = "same" if rng.random() < 0.5 else int(rng.integers(0, 3))
        layers.append(("conv", f, int(rng.integers(1, 3)), pad, int(rng.integers(2, 9))))
        if rng.random() < 0.7:
            layers.append(("pool", int(rng.choice([2, 3])), int(rng.choice([1, 2]))))
    return layers + [("fc", int(rng.integers(5, 40))), ("fc", int(rng.integers(2, 11)))]


@pytest.mark.grades("test_count_parameters")
@pytest.mark.parametrize("trial", range(3))
def test_count_parameters(count_parameters, rng, trial):
    input_shape = (int(rng.integers(20, 40)), int(rng.integers(20, 40)), int(rng.integers(1, 5)))
    layers = _random_layers(rng)
    what = f"count_parameters({input_shape}, {layers})"
    check(count_parameters, "count_parameters", what, input_shape, layers)


@pytest.mark.grades("test_count_parameters")
def test_count_parameters_of_vgg16(count_parameters):
    what = "count_parameters((224, 224, 3), the layers of VGG-16)"
    check(count_parameters, "count_parameters", what, (224, 224, 3), VGG16)
