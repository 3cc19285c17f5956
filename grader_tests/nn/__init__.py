"""A small NumPy neural-network library for the instructor side (references, hidden checks).

The week references and their checks import the course's building blocks from here instead
of each writing its own. It runs in the checker's process only, never in the worker.

Conventions (Andrew Ng's deep learning specialization): columns are examples (``X`` and every
``A`` are ``(n, m)``, ``Y`` is ``(1, m)``, ``W{l}`` is ``(n_l, n_{l-1})``, ``b{l}`` is
``(n_l, 1)``); parameters are a dict ``{"W1", "b1", ...}`` and gradients the same keys
prefixed by "d"; functions return new dicts and arrays. A forward step returns
``(output, cache)`` and its backward step takes ``(d_output, cache)``: an activation's cache
is ``Z``, a linear cache ``(A_prev, W, b)``, a layer's cache ``(linear_cache, Z)``. Formulas
are written as in the course's references, so results are the same to the bit.

THE RULE ON m: gradients flowing backward between layers (``dA``, ``dZ``, and ``dAL`` from the
loss) are per-example, never divided by m. A layer's backward divides its PARAMETER gradients
by m or not exactly as the course does for that layer, and says which: ``linear_backward``
averages (``dW = dZ A_prev.T / m``); the convolution layer (C4) will not (sums over the
examples, like the course's ``conv_backward``). Nothing else rescales a gradient.
"""

from .activations import (  # noqa: F401 - the library's names, re-exported
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
from .conv import (  # noqa: F401
    conv_backward,
    conv_forward,
    loop_conv_backward,
    loop_conv_forward,
    output_size,
    pool_backward,
    pool_forward,
    zero_pad,
)
from .gradcheck import (  # noqa: F401
    numerical_gradient,
    numerical_gradients,
    relative_error,
    worst_relative_error,
)
from .init import (  # noqa: F401
    GRADER_SEED,
    as_generator,
    he,
    initialize_parameters,
    initialize_parameters_deep,
    scaled_random,
    xavier,
    zeros,
)
from .layers import (  # noqa: F401
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    linear_forward,
)
from .losses import (  # noqa: F401
    binary_cross_entropy,
    binary_cross_entropy_gradient,
    one_hot,
    softmax,
    softmax_cross_entropy,
    softmax_cross_entropy_gradient,
)
from .normalization import (  # noqa: F401
    batchnorm_backward,
    batchnorm_forward,
    batchnorm_forward_test,
    update_running_averages,
)
from .optim import (  # noqa: F401
    adam_step,
    exponentially_weighted_average,
    momentum_step,
    random_mini_batches,
    rmsprop_step,
    schedule_lr_decay,
    update_lr,
    update_parameters,
    zeros_like_grads,
)
from .regularization import (  # noqa: F401
    dropout_backward,
    dropout_forward,
    l2_gradient,
    l2_penalty,
    weight_keys,
)
