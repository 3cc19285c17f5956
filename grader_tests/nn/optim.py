"""Parameter updates: each returns a NEW dict and never edits the caller's dict or arrays."""

from __future__ import annotations


def update_parameters(parameters: dict, grads: dict, learning_rate: float) -> dict:
    """One gradient-descent step (the course's ``update_parameters``): a new dict
    {key: parameters[key] - learning_rate * grads["d" + key]} for every key of parameters.

    Values may be arrays or numbers (the b of logistic regression); keys of ``grads`` with no
    parameter (``"dA0"``, ...) are ignored; a parameter without its gradient is a KeyError.
    """
    missing = [key for key in parameters if "d" + key not in grads]
    if missing:
        raise KeyError(
            f"no gradient for {', '.join(missing)} (expected key(s) "
            f"{', '.join('d' + key for key in missing)} in grads)"
        )
    return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}
