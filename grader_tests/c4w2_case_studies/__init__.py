"""Hidden checks of c4w2_case_studies: parameter counts of classic networks, ResNet blocks,
1 x 1 and depthwise convolutions and their costs, EfficientNet's compound scaling, and data
augmentation.

``ISOLATE``: the two ResNet blocks may compute their 1 x 1 convolutions with the graded
``pointwise_conv``; the grader answers those calls with the reference, so a mistake there costs
points only in its own cell. (``conv2d`` and ``relu`` are provided cells, not graded.)

``QUICK_RUN``: text replaced in the solution notebook's cells when the test suite executes it
(see grader_tests/c1w2_logistic_regression/__init__.py): the transfer-learning and the
plain-against-residual trainings are cut.
"""

ASSIGNMENT = "c4w2_case_studies"
PUBLIC_CHECKS = "helpers.checks.c4w2"
ISOLATE = {
    "identity_block": ["pointwise_conv"],
    "convolutional_block": ["pointwise_conv"],
}
QUICK_RUN = {
    "num_epochs=30,\n": "num_epochs=2,\n",  # pretraining on the digits 0-5
    "num_epochs=300,\n": "num_epochs=10,\n",  # the new softmax head, convolutions frozen
    "num_epochs=100,\n": "num_epochs=5,\n",  # the same network from scratch
    "num_epochs=40,\n": "num_epochs=2,\n",  # plain against residual deep networks (2.6)
}
