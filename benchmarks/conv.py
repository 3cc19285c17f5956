"""Convolution speed: the course's loop version, the library's vectorized layer
(``grader_tests.nn.conv``) and, when it is installed, PyTorch's CPU ``conv2d``, forward and
backward, on the course's shapes, in one process with the same thread count.

    python benchmarks/conv.py              # every shape; PyTorch if importable
    python benchmarks/conv.py --threads 2  # BLAS and PyTorch threads (default 1)

PyTorch is not a course dependency: ``pip install torch==2.13.0`` (CPU build) to compare with
it. Like for like: PyTorch gets the same float64 numbers (channels first, its own layout; the
layer is channels last), the same thread count (threadpoolctl for NumPy's BLAS,
``torch.set_num_threads`` for PyTorch), and its forward pass runs without autograd while its
backward pass is ``torch.autograd.grad`` for the input, the kernels and the bias, as
``conv_backward`` returns all three. Each shape is timed in alternating rounds (fast forward,
PyTorch forward, fast backward, PyTorch backward, again) so a change of the machine's speed
hits both sides; each time is the fastest round. The gradients of both are checked to agree.

The loop version runs only on the first shape (it is about three orders of magnitude slower);
its time on the others is not measured, not guessed.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SHAPES = [  # (name, m, n_H, n_W, n_C_prev, f, n_C, pad, stride)
    ("m=10, 64x64x3, f=3, 8 filters", 10, 64, 64, 3, 3, 8, 1, 1),
    ("m=64, 64x64x3, f=4, 8 filters", 64, 64, 64, 3, 4, 8, 1, 1),
    ("m=64, 64x64x3, f=5, 16 filters", 64, 64, 64, 3, 5, 16, 2, 1),
    ("m=64, 16x16x1, f=3, 8 filters", 64, 16, 16, 1, 3, 8, 1, 1),
    ("m=64, 8x8x8, f=3, 16 filters", 64, 8, 8, 8, 3, 16, 1, 1),
    ("c4w1 timing check: m=32, 32x32x3, f=3, 8 filters", 32, 32, 32, 3, 3, 8, 1, 1),
    ("c4w1 CNN conv 1: m=64, 8x8x1, f=3, 8 filters", 64, 8, 8, 1, 3, 8, 1, 1),
    ("c4w1 CNN conv 2: m=64, 4x4x8, f=3, 16 filters", 64, 4, 4, 8, 3, 16, 1, 1),
    ("c4w1 CNN conv 1: m=32, 8x8x1, f=3, 8 filters", 32, 8, 8, 1, 3, 8, 1, 1),
    ("c4w1 CNN conv 2: m=32, 4x4x8, f=3, 16 filters", 32, 4, 4, 8, 3, 16, 1, 1),
]
ROUNDS = 5  # at least; small shapes get more rounds, up to about MIN_SECONDS of timing each
MIN_SECONDS = 0.5


def _seconds(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def fastest_rounds(functions: dict) -> dict:
    """{name: the fastest time in seconds}: the functions run one after another, in rounds, at
    least ROUNDS rounds and until about MIN_SECONDS have gone by (after one warm-up round)."""
    for function in functions.values():
        function()
    best = {name: float("inf") for name in functions}
    start, rounds = time.perf_counter(), 0
    while rounds < ROUNDS or (time.perf_counter() - start < MIN_SECONDS and rounds < 1000):
        for name, function in functions.items():
            best[name] = min(best[name], _seconds(function))
        rounds += 1
    return best


def _cell(value, digits: int = 2) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def _relative(got, want) -> float:
    import numpy as np

    return float(np.max(np.abs(got - want)) / max(np.max(np.abs(want)), 1e-300))


def row(shape, rng, nn, torch, with_loop: bool) -> tuple[str, float]:
    """One line of the table (the times of one shape, in ms) and the largest relative
    difference between the fast layer's and PyTorch's results (0.0 without PyTorch)."""
    name, m, n_H, n_W, n_C_prev, f, n_C, pad, stride = shape
    A = rng.standard_normal((m, n_H, n_W, n_C_prev))
    W = rng.standard_normal((f, f, n_C_prev, n_C))
    b = rng.standard_normal((1, 1, 1, n_C))
    hp = {"stride": stride, "pad": pad}
    Z, cache = nn.conv_forward(A, W, b, hp)
    dZ = rng.standard_normal(Z.shape)
    functions = {
        "fast_f": lambda: nn.conv_forward(A, W, b, hp),
        "fast_b": lambda: nn.conv_backward(dZ, cache),
    }
    difference = 0.0
    if torch is not None:
        x = torch.tensor(A.transpose(0, 3, 1, 2).copy(), requires_grad=True)
        w = torch.tensor(W.transpose(3, 2, 0, 1).copy(), requires_grad=True)
        bias = torch.tensor(b.ravel().copy(), requires_grad=True)
        grad = torch.tensor(dZ.transpose(0, 3, 1, 2).copy())
        assert x.dtype == w.dtype == grad.dtype == torch.float64  # like for like
        conv = torch.nn.functional.conv2d

        def forward():
            with torch.no_grad():
                return conv(x, w, bias, stride=stride, padding=pad)

        out = conv(x, w, bias, stride=stride, padding=pad)

        def backward():
            return torch.autograd.grad(out, (x, w, bias), grad, retain_graph=True)

        functions = {
            "fast_f": functions["fast_f"],
            "torch_f": forward,
            "fast_b": functions["fast_b"],
            "torch_b": backward,
        }
        dA_prev, dW, db = nn.conv_backward(dZ, cache)
        dx, dw, dbias = (t.numpy() for t in backward())
        difference = max(
            _relative(Z, forward().numpy().transpose(0, 2, 3, 1)),
            _relative(dA_prev, dx.transpose(0, 2, 3, 1)),
            _relative(dW, dw.transpose(2, 3, 1, 0)),
            _relative(db.ravel(), dbias),
        )
    times = {key: value * 1e3 for key, value in fastest_rounds(functions).items()}
    loop_f = (
        _seconds(lambda: nn.loop_conv_forward(A, W, b, stride, pad)) * 1e3 if with_loop else None
    )
    fast_f, fast_b = times["fast_f"], times["fast_b"]
    torch_f, torch_b = times.get("torch_f"), times.get("torch_b")
    ratio_f = _cell(fast_f / torch_f if torch_f else None)
    ratio_b = _cell(fast_b / torch_b if torch_b else None)
    cells = [_cell(loop_f)] + [_cell(t, 3) for t in (fast_f, fast_b, torch_f, torch_b)]
    return f"| {name} | {' | '.join(cells)} | {ratio_f} | {ratio_b} |", difference


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python benchmarks/conv.py", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--threads", type=int, default=1, help="BLAS and PyTorch threads")
    options = parser.parse_args(argv)
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(options.threads)  # before NumPy and PyTorch start their pools
    import numpy as np
    from threadpoolctl import threadpool_limits

    from grader_tests import nn

    try:
        import torch
    except ImportError:
        torch = None
        print("PyTorch is not installed (pip install torch==2.13.0): its columns stay empty.\n")
    with threadpool_limits(limits=options.threads):
        if torch is not None:
            torch.set_num_threads(options.threads)
        versions = f"NumPy {np.__version__}" + (f", torch {torch.__version__}" if torch else "")
        print(
            f"{platform.machine()}, {os.cpu_count()} cores; {versions}; threads: "
            f"{options.threads}; times in milliseconds, each the fastest of at least {ROUNDS} "
            "alternating rounds\n"
        )
        print(
            "| shape | loop fwd | fast fwd | fast bwd | torch fwd | torch bwd | fast/torch fwd "
            "| fast/torch bwd |"
        )
        print("|---|---|---|---|---|---|---|---|")
        rng = np.random.default_rng(0)
        worst = 0.0
        for index, shape in enumerate(SHAPES):
            line, difference = row(shape, rng, nn, torch, with_loop=index == 0)
            worst = max(worst, difference)
            print(line, flush=True)
    if torch is not None:
        print(f"\nlargest relative difference from PyTorch (Z, dA_prev, dW, db): {worst:.1e}")
        if worst > 1e-10:
            print("the fast layer and PyTorch disagree")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
