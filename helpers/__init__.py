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
