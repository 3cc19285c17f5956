"""Hidden checks of c4w1_convolution: convolution and pooling, forward and backward, the loop
versions step by step and a vectorized convolution.

``ISOLATE``: the graded functions each graded function may call, answered by the reference
while the grader calls the student's function, so a mistake costs points only in its own cell
(``conv_forward`` calls ``zero_pad`` and ``conv_single_step``; ``pool_backward`` calls
``create_mask_from_window`` and ``distribute_value``).

``QUICK_RUN``: text replaced in the solution notebook's cells when the test suite executes it
(see grader_tests/c1w2_logistic_regression/__init__.py): the CNN's training and the timing of
the loop convolution are cut.
"""

ASSIGNMENT = "c4w1_convolution"
PUBLIC_CHECKS = "helpers.checks.c4w1"
ISOLATE = {
    "conv_forward": ["zero_pad", "conv_single_step"],
    "conv_backward": ["zero_pad"],
    "pool_backward": ["create_mask_from_window", "distribute_value"],
    "conv_forward_fast": ["zero_pad"],
    "conv_backward_fast": ["zero_pad"],
}
QUICK_RUN = {
    "num_epochs=30,\n": "num_epochs=2,\n",  # the CNN
    "num_epochs=100,\n": "num_epochs=5,\n",  # the dense network of the shift experiment
    "timing_shape = (10, 32, 32, 3)": "timing_shape = (2, 8, 8, 3)",  # the loops' timing
}
