"""Hidden checks of the parameter updates and the optimizer states on random networks of 1 to
4 layers: gradient descent, momentum and Adam over several steps (t = 1 and later steps, the
states v and s carried over from the reference's earlier steps), and their initializers.
Momentum and Adam always see 2 or 3 layers: a loop that stops after the first layer (a
`return` inside it) returns a one-layer network right."""

from __future__ import annotations

import pytest

from . import reference as ref
from .common import check, layer_sizes, layers_text, like, parameters_of


@pytest.mark.grades("test_update_parameters_with_gd")
@pytest.mark.parametrize("L", [1, 2, 4])
def test_update_parameters_with_gd(update_parameters_with_gd, rng, L):
    parameters = parameters_of(rng, layer_sizes(rng, L))
    grads, rate = like(rng, parameters), float(rng.choice([0.1, 0.01, 0.5]))
    what = (
        f"update_parameters_with_gd(parameters, grads, learning_rate={rate}) for "
        f"{layers_text(parameters)}"
    )
    check(update_parameters_with_gd, "update_parameters_with_gd", what, parameters, grads, rate)


@pytest.mark.grades("test_initialize_velocity")
@pytest.mark.parametrize("L", [1, 3])
def test_initialize_velocity(initialize_velocity, rng, L):
    parameters = parameters_of(rng, layer_sizes(rng, L))
    what = f"initialize_velocity(parameters) for {layers_text(parameters)}"
    check(initialize_velocity, "initialize_velocity", what, parameters)


@pytest.mark.grades("test_initialize_adam")
@pytest.mark.parametrize("L", [1, 3])
def test_initialize_adam(initialize_adam, rng, L):
    parameters = parameters_of(rng, layer_sizes(rng, L))
    what = f"initialize_adam(parameters) for {layers_text(parameters)}"
    check(initialize_adam, "initialize_adam", what, parameters)


@pytest.mark.grades("test_update_parameters_with_momentum")
@pytest.mark.parametrize("beta", [0.9, 0.5])
def test_update_parameters_with_momentum(update_parameters_with_momentum, rng, beta):
    parameters = parameters_of(rng, layer_sizes(rng, int(rng.integers(2, 4))))
    v = ref.initialize_velocity(parameters)
    rate = float(rng.choice([0.01, 0.1]))
    for step in range(1, 4):  # the first step from zeros, then from the reference's velocity
        grads = like(rng, parameters)
        what = (
            f"update_parameters_with_momentum(parameters, grads, v, beta={beta}, "
            f"learning_rate={rate}) at step {step} for {layers_text(parameters)}"
        )
        name = "update_parameters_with_momentum"
        check(update_parameters_with_momentum, name, what, parameters, grads, v, beta, rate)
        parameters, v = ref.update_parameters_with_momentum(parameters, grads, v, beta, rate)


@pytest.mark.grades("test_update_parameters_with_adam")
@pytest.mark.parametrize("case", ["default", "tiny gradients", "other betas"])
def test_update_parameters_with_adam(update_parameters_with_adam, rng, case):
    parameters = parameters_of(rng, layer_sizes(rng, int(rng.integers(2, 4))))
    v, s = ref.initialize_adam(parameters)
    options = {"learning_rate": float(rng.choice([0.01, 0.02]))}
    if case == "other betas":
        options.update(beta1=0.8, beta2=0.99)
    scale = 1e-5 if case == "tiny gradients" else 1.0
    for t in range(1, 5):
        grads = like(rng, parameters, scale)
        what = (
            f"update_parameters_with_adam(parameters, grads, v, s, t={t}, "
            f"{', '.join(f'{k}={x}' for k, x in options.items())}) for "
            f"{layers_text(parameters)} ({case})"
        )
        name = "update_parameters_with_adam"
        check(update_parameters_with_adam, name, what, parameters, grads, v, s, t, **options)
        parameters, v, s, *_ = ref.update_parameters_with_adam(
            parameters, grads, v, s, t, **options
        )
