"""Student-facing helpers of the course: data sets, plots, widgets and public checks.

One shape vocabulary for the whole course (every docstring uses these letters):

- ``m``: number of examples; examples are *columns*, so ``X.shape == (n_x, m)``
- ``n_x``: number of input features (for pictures ``num_px * num_px * 3``)
- ``num_px``: height and width of a square picture, in pixels
- images: ``(m, n_H, n_W, n_C)``, here ``(m, num_px, num_px, 3)``, ``uint8`` in 0..255
- labels: ``Y.shape == (1, m)`` with values 0 or 1
- ``f``, ``pad``, ``stride``: filter size, padding and stride of a convolution; its output
  size is ``floor((n + 2 * pad - f) / stride) + 1``

Modules: :mod:`helpers.datasets`, :mod:`helpers.plotting`, :mod:`helpers.widgets`,
:mod:`helpers.checks`.
"""

import os


def limit_blas_threads(threads: int | None = None) -> int:
    """Let NumPy's matrix products use at most ``threads`` threads in this kernel (default 1,
    or the environment variable ``COURSE_BLAS_THREADS``); returns the number set.

    The course's matrices are small. On a shared machine (a JupyterHub, a laptop doing other
    work, a notebook beside a training widget), OpenBLAS's default of one thread per core
    makes its threads wait on each other, and a notebook can run several times slower than on
    one thread. Each notebook's first cell calls this; call it with a larger number if your
    machine is yours alone and you want to try.
    """
    from threadpoolctl import threadpool_limits

    if threads is None:
        threads = int(os.environ.get("COURSE_BLAS_THREADS", "1"))
    threadpool_limits(limits=max(1, threads), user_api="blas")
    return max(1, threads)
