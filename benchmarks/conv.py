"""Convolution speed: the course's loop version, the library's vectorized layer
(``grader_tests.nn.conv``) and, when it is installed, PyTorch's CPU ``conv2d``, forward and
backward, on the course's shapes, in one process with the same thread count.

    python benchmarks/conv.py              # every shape; PyTorch if importable
    python benchmarks/conv.py --threads 2  # BLAS and PyTorch threads (default 1)

PyTorch is not a course dependency: ``pip install torch==2.13.0`` (CPU build) to compare with
it. The loop version runs only on the smallest shape (it is about three orders of magnitude
slower); its time on the others is not measured, not guessed.
"""

from __future__ import annotations

import argparse
import os
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
    ("CNN layer 1: m=64, 16x16x1, f=3, 8 filters", 64, 16, 16, 1, 3, 8, 1, 1),
    ("CNN layer 2: m=64, 8x8x8, f=3, 16 filters", 64, 8, 8, 8, 3, 16, 1, 1),
]


def best_of(function, repeat: int = 5) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by other work)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def loop_forward(A_prev, W, b, stride, pad):
    import numpy as np

    m, n_H_prev, n_W_prev, _ = A_prev.shape
    f, _, _, n_C = W.shape
    n_H, n_W = (n_H_prev + 2 * pad - f) // stride + 1, (n_W_prev + 2 * pad - f) // stride + 1
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    Z = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                window = A_pad[i, h * stride : h * stride + f, w * stride : w * stride + f, :]
                for c in range(n_C):
                    Z[i, h, w, c] = np.sum(window * W[..., c]) + b[0, 0, 0, c]
    return Z


def _cell(value) -> str:
    return "" if value is None else f"{value:.2f}"


def row(shape, rng, nn, torch, with_loop: bool) -> str:
    """One line of the table: the times of one shape, in ms."""
    name, m, n_H, n_W, n_C_prev, f, n_C, pad, stride = shape
    A = rng.standard_normal((m, n_H, n_W, n_C_prev))
    W = rng.standard_normal((f, f, n_C_prev, n_C))
    b = rng.standard_normal((1, 1, 1, n_C))
    hp = {"stride": stride, "pad": pad}
    Z, cache = nn.conv_forward(A, W, b, hp)
    dZ = rng.standard_normal(Z.shape)
    fast_f = best_of(lambda: nn.conv_forward(A, W, b, hp)) * 1e3
    fast_b = best_of(lambda: nn.conv_backward(dZ, cache)) * 1e3
    loop_f = best_of(lambda: loop_forward(A, W, b, stride, pad), 1) * 1e3 if with_loop else None
    torch_f = torch_b = None
    if torch is not None:
        x = torch.tensor(A.transpose(0, 3, 1, 2).copy(), requires_grad=True)
        w = torch.tensor(W.transpose(3, 2, 0, 1).copy(), requires_grad=True)
        bias = torch.tensor(b.ravel().copy(), requires_grad=True)
        grad = torch.tensor(dZ.transpose(0, 3, 1, 2).copy())
        conv = torch.nn.functional.conv2d

        def forward():
            with torch.no_grad():
                conv(x, w, bias, stride=stride, padding=pad)

        out = conv(x, w, bias, stride=stride, padding=pad)
        torch_f = best_of(forward) * 1e3
        torch_b = best_of(lambda: torch.autograd.grad(out, (x, w, bias), grad, retain_graph=True))
        torch_b *= 1e3
    ratio_f = _cell(fast_f / torch_f if torch_f else None)
    ratio_b = _cell(fast_b / torch_b if torch_b else None)
    cells = [_cell(loop_f), f"{fast_f:.2f}", f"{fast_b:.2f}", _cell(torch_f), _cell(torch_b)]
    return f"| {name} | {' | '.join(cells)} | {ratio_f} | {ratio_b} |"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python benchmarks/conv.py", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--threads", type=int, default=1, help="BLAS and PyTorch threads")
    options = parser.parse_args(argv)
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(options.threads)
    import numpy as np

    from grader_tests import nn

    try:
        import torch

        torch.set_num_threads(options.threads)
    except ImportError:
        torch = None
        print("PyTorch is not installed (pip install torch==2.13.0): its column stays empty.\n")
    rng = np.random.default_rng(0)
    print(f"threads: {options.threads}; times are the best of 5 runs, in milliseconds\n")
    print(
        "| shape | loop fwd | fast fwd | fast bwd | torch fwd | torch bwd | fast/torch fwd "
        "| fast/torch bwd |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for index, shape in enumerate(SHAPES):
        print(row(shape, rng, nn, torch, with_loop=index == 0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
