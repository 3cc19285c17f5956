"""A small NumPy neural-network library for the instructor side (references, hidden checks).

The week references (``grader_tests/<week>/reference.py``) and their checks import the
course's building blocks from here instead of each writing its own. This folder is not an
assignment (there is no ``source/nn/``), and it runs in the checker's process only: no code of
it ever enters the worker that runs student code.

Conventions (Andrew Ng's deep learning specialization):

- Columns are examples: ``X`` and every activation ``A`` are ``(n, m)``, labels ``Y`` are
  ``(1, m)``, ``W{l}`` is ``(n_l, n_{l-1})``, ``b{l}`` is ``(n_l, 1)``.
- Parameters are a dict ``{"W1", "b1", ...}``; gradients a dict with the same keys prefixed
  by "d" (``{"dW1", "db1", ...}``). Functions return new dicts and arrays and never edit the
  caller's.
- A forward step returns ``(output, cache)`` and its backward step takes
  ``(d_output, cache)``: an activation's cache is ``Z``, a linear cache is
  ``(A_prev, W, b)``, a layer's cache is ``(linear_cache, Z)``.
- Formulas are written as in the course's references, so results are the same to the bit.

THE RULE ON m (which gradients are averaged over the m examples):

- Gradients flowing backward between layers (``dA``, ``dZ``, and ``dAL`` from the loss) are
  per-example: gradients of the SUM of the m losses, never divided by m.
- A layer's backward divides its PARAMETER gradients by m or not exactly as the course does
  for that layer, and its docstring says which. Dense layers average: ``linear_backward``
  returns ``dW = dZ A_prev.T / m`` and ``db`` = the mean of ``dZ`` over the columns, the
  gradients of the mean cost J. The convolution layer (C4) will not average: like the
  course's ``conv_backward``, its ``dW`` and ``db`` will be sums over the examples.
- Nothing else rescales a gradient: the loss gradient is not divided by m, and updates use
  the gradients as they come.

Modules: ``activations`` (sigmoid, relu, tanh), ``layers`` (dense), ``losses`` (binary
cross-entropy), ``init`` (initializers), ``optim`` (updates), ``gradcheck`` (numerical
gradients and relative errors).
"""

from .activations import (
    ACTIVATIONS,
    activation_pair,
    relu,
    relu_backward,
    relu_derivative,
    relu_forward,
    sigmoid,
    sigmoid_backward,
    sigmoid_derivative,
    sigmoid_forward,
    tanh,
    tanh_backward,
    tanh_derivative,
    tanh_forward,
)
from .gradcheck import (
    numerical_gradient,
    numerical_gradients,
    relative_error,
    worst_relative_error,
)
from .init import (
    GRADER_SEED,
    as_generator,
    he,
    initialize_parameters,
    initialize_parameters_deep,
    scaled_random,
    xavier,
    zeros,
)
from .layers import (
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    linear_forward,
)
from .losses import binary_cross_entropy, binary_cross_entropy_gradient
from .optim import update_parameters

__all__ = [
    "ACTIVATIONS",
    "GRADER_SEED",
    "activation_pair",
    "as_generator",
    "binary_cross_entropy",
    "binary_cross_entropy_gradient",
    "he",
    "initialize_parameters",
    "initialize_parameters_deep",
    "linear_activation_backward",
    "linear_activation_forward",
    "linear_backward",
    "linear_forward",
    "numerical_gradient",
    "numerical_gradients",
    "relative_error",
    "relu",
    "relu_backward",
    "relu_derivative",
    "relu_forward",
    "scaled_random",
    "sigmoid",
    "sigmoid_backward",
    "sigmoid_derivative",
    "sigmoid_forward",
    "tanh",
    "tanh_backward",
    "tanh_derivative",
    "tanh_forward",
    "update_parameters",
    "worst_relative_error",
    "xavier",
    "zeros",
]
