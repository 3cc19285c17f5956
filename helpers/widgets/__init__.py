"""Interactive widgets of the course (ipywidgets 8): change a hyperparameter, see the effect.

- :func:`learning_rate_explorer`: sliders for the learning rate and the number of iterations
  retrain *your* ``model`` and show its cost curve and its train / test accuracy.
- :func:`picture_classifier`: upload a picture (PNG or JPEG) and see what *your* ``predict``
  says about it.
- :func:`decision_boundary_explorer`: a data-set menu and sliders for the hidden-layer size
  and the number of iterations retrain *your* ``nn_model`` and show its decision boundary.
- :func:`deep_model_explorer`: a text field for the hidden-layer sizes (``20, 7, 5``) and
  sliders for the learning rate and the iterations retrain *your* ``L_layer_model`` and show
  its cost curve and its train / test accuracy.
- :func:`regularization_explorer` (c2w1): sliders for the L2 strength λ and the dropout
  keep_prob retrain the notebook's ``regularization_model`` (which calls *your* L2 and dropout
  functions) and show its decision boundary and its train / test accuracy.
- :func:`initialization_explorer` (c2w1): a log-scale slider for the size of the starting
  weights retrains the three-layer network and shows its cost curve and accuracies beside a
  run that starts from *your* ``initialize_parameters_he``.
- :func:`optimizer_paths_explorer` (c2w2): sliders for the learning rate, β1 and β2 redraw the
  steps of gradient descent, momentum, RMSprop and Adam (made by *your* update functions) on
  a cost of two parameters.
- :func:`averages_explorer` (c2w2): a β slider recomputes *your* exponentially weighted
  average of a year of temperatures, without and with bias correction.
- :func:`sampling_explorer` (c2w3): a slider for the number of samples and a linear / log
  choice show where *your* ``sample_learning_rates`` and ``sample_betas`` put α and β.
- :func:`batchnorm_explorer` (c2w3): a batch-norm checkbox and a learning-rate slider retrain
  the notebook's deep digits network (which calls *your* batch-norm and softmax functions) and
  show its cost curve and its train / test accuracy.
- :func:`diagnosis_explorer` (c3): sliders for five error rates (human, train, train-dev,
  dev, test) draw the gaps between them and show what *your* ``diagnose`` calls the problem.
- :func:`filter_explorer` (c4w1): a filter menu (edges, Sobel, Scharr, blurs) and sliders for
  the padding and the stride filter a photograph with *your* convolution and show the output
  and its size.
- :func:`feature_map_explorer` (c4w1): a slider over the test pictures and a layer menu show
  the feature maps of the trained CNN (which calls *your* convolution) and its prediction.
- :func:`cost_explorer` (c4w2): sliders for the output size, the input and output channels,
  the filter size and a bottleneck's channels count, with *your* ``conv_cost`` and
  ``depthwise_separable_cost``, the multiplications of a normal convolution, an Inception-style
  1 x 1 bottleneck and a depthwise-separable convolution, drawn as bars.
- :func:`augmentation_explorer` (c4w2): a mirror checkbox and sliders for the crop size, the
  crop's seed and the red, green and blue shifts augment a colour photograph with *your*
  ``horizontal_flip``, ``random_crop`` and ``color_shift`` and show it beside the original.

Shapes (the vocabulary of :mod:`helpers`): ``X`` is ``(n_x, m)`` with examples as columns,
``Y`` is ``(1, m)``, pictures are ``(num_px, num_px, 3)`` uint8.

The widgets work without a browser too (in a plain Python process, or when a notebook is run
headless by nbclient/nbgrader): they are built, train once with their starting values and
hold their figures as PNG data in an ``ipywidgets.Output``; nothing waits for a user. Each
widget object keeps its parts as attributes (sliders, ``status`` text, ``plot`` output) and
has a method that does what a user action would (:meth:`LearningRateExplorer.update`,
:meth:`PictureClassifier.classify_bytes`, :meth:`DecisionBoundaryExplorer.update`,
:meth:`DeepModelExplorer.update`, :meth:`RegularizationExplorer.update`,
:meth:`InitializationExplorer.update`, :meth:`OptimizerPathsExplorer.update`,
:meth:`AveragesExplorer.update`, :meth:`SamplingExplorer.update`,
:meth:`BatchNormExplorer.update`, :meth:`DiagnosisExplorer.update`,
:meth:`FilterExplorer.update`, :meth:`FeatureMapExplorer.update`,
:meth:`CostExplorer.update`, :meth:`AugmentationExplorer.update`), so tests can drive it.

When your code raises (for example ``NotImplementedError`` because you have not written it
yet), the widget shows a short message saying what to do instead of a traceback.

Layout of the package: :mod:`helpers.widgets.base` holds the :class:`~.base.Explorer` base
class (status line, plot, run cache, seeding, calling the learner's code, sliders) and one
module per widget: :mod:`~helpers.widgets.learning_rates`, :mod:`~helpers.widgets.picture`
(week c1w2), :mod:`~helpers.widgets.decision_boundary` (c1w3),
:mod:`~helpers.widgets.deep_model` (c1w4), :mod:`~helpers.widgets.regularization` and
:mod:`~helpers.widgets.initialization` (c2w1), :mod:`~helpers.widgets.optimizers` and
:mod:`~helpers.widgets.averages` (c2w2), :mod:`~helpers.widgets.sampling` and
:mod:`~helpers.widgets.batchnorm` (c2w3), :mod:`~helpers.widgets.diagnosis` (c3),
:mod:`~helpers.widgets.filters` and :mod:`~helpers.widgets.feature_maps` (c4w1),
:mod:`~helpers.widgets.costs` and :mod:`~helpers.widgets.augmentation` (c4w2). Every name
below is importable from ``helpers.widgets`` itself.
"""

from __future__ import annotations

# ``from .m import X as X`` re-exports a name that is not in __all__ (as before the split):
# the explorers' base class, what a training run returns, the sliders' values and the seeds.
from .augmentation import DEFAULT_CROP_SEEDS as DEFAULT_CROP_SEEDS
from .augmentation import DEFAULT_CROPS as DEFAULT_CROPS
from .augmentation import DEFAULT_SHIFTS as DEFAULT_SHIFTS
from .augmentation import AugmentationExplorer, augmentation_explorer
from .augmentation import AugmentationRun as AugmentationRun
from .averages import DEFAULT_BETAS as DEFAULT_BETAS
from .averages import AveragesExplorer, averages_explorer
from .averages import AveragesRun as AveragesRun
from .base import COST_EVERY as COST_EVERY
from .base import Explorer as Explorer
from .batchnorm import DEFAULT_BATCHNORM_EPOCHS as DEFAULT_BATCHNORM_EPOCHS
from .batchnorm import DEFAULT_BATCHNORM_LEARNING_RATES as DEFAULT_BATCHNORM_LEARNING_RATES
from .batchnorm import BatchNormExplorer, batchnorm_explorer
from .batchnorm import BatchNormRun as BatchNormRun
from .costs import CostExplorer, cost_explorer
from .costs import CostRun as CostRun
from .decision_boundary import DEFAULT_BOUNDARY_ITERATIONS as DEFAULT_BOUNDARY_ITERATIONS
from .decision_boundary import DEFAULT_HIDDEN_SIZES as DEFAULT_HIDDEN_SIZES
from .decision_boundary import EXPLORER_SEED as EXPLORER_SEED
from .decision_boundary import BoundaryRun as BoundaryRun
from .decision_boundary import DecisionBoundaryExplorer, decision_boundary_explorer
from .deep_model import DEEP_EXPLORER_SEED as DEEP_EXPLORER_SEED
from .deep_model import DEFAULT_DEEP_ITERATIONS as DEFAULT_DEEP_ITERATIONS
from .deep_model import DEFAULT_DEEP_LEARNING_RATES as DEFAULT_DEEP_LEARNING_RATES
from .deep_model import MAX_HIDDEN_LAYERS as MAX_HIDDEN_LAYERS
from .deep_model import MAX_HIDDEN_UNITS as MAX_HIDDEN_UNITS
from .deep_model import DeepModelExplorer, deep_model_explorer, parse_hidden_layers
from .deep_model import DeepRun as DeepRun
from .diagnosis import DEFAULT_ERRORS as DEFAULT_ERRORS
from .diagnosis import DiagnosisExplorer, diagnosis_explorer
from .diagnosis import DiagnosisRun as DiagnosisRun
from .feature_maps import FeatureMapExplorer, feature_map_explorer
from .feature_maps import FeatureMapRun as FeatureMapRun
from .filters import DEFAULT_PADS as DEFAULT_PADS
from .filters import DEFAULT_STRIDES as DEFAULT_STRIDES
from .filters import FILTERS as FILTERS
from .filters import FilterExplorer, filter_explorer
from .filters import FilterRun as FilterRun
from .initialization import DEFAULT_INITIALIZATION_ITERATIONS as DEFAULT_INITIALIZATION_ITERATIONS
from .initialization import DEFAULT_WEIGHT_SCALES as DEFAULT_WEIGHT_SCALES
from .initialization import INITIALIZATION_SEED as INITIALIZATION_SEED
from .initialization import InitializationExplorer, initialization_explorer
from .initialization import InitializationRun as InitializationRun
from .learning_rates import DEFAULT_ITERATIONS as DEFAULT_ITERATIONS
from .learning_rates import DEFAULT_LEARNING_RATES as DEFAULT_LEARNING_RATES
from .learning_rates import LearningRateExplorer, learning_rate_explorer
from .learning_rates import TrainingRun as TrainingRun
from .optimizers import DEFAULT_BETA1S as DEFAULT_BETA1S
from .optimizers import DEFAULT_BETA2S as DEFAULT_BETA2S
from .optimizers import DEFAULT_PATH_LEARNING_RATES as DEFAULT_PATH_LEARNING_RATES
from .optimizers import OptimizerPathsExplorer, optimizer_paths_explorer
from .optimizers import PathsRun as PathsRun
from .picture import PictureClassifier, picture_classifier
from .regularization import DEFAULT_KEEP_PROBS as DEFAULT_KEEP_PROBS
from .regularization import DEFAULT_LAMBDAS as DEFAULT_LAMBDAS
from .regularization import DEFAULT_REGULARIZATION_ITERATIONS as DEFAULT_REGULARIZATION_ITERATIONS
from .regularization import REGULARIZATION_SEED as REGULARIZATION_SEED
from .regularization import RegularizationExplorer, regularization_explorer
from .regularization import RegularizationRun as RegularizationRun
from .sampling import DEFAULT_SAMPLE_COUNTS as DEFAULT_SAMPLE_COUNTS
from .sampling import SamplingExplorer, sampling_explorer
from .sampling import SamplingRun as SamplingRun

__all__ = [
    "learning_rate_explorer",
    "picture_classifier",
    "LearningRateExplorer",
    "PictureClassifier",
    "decision_boundary_explorer",
    "DecisionBoundaryExplorer",
    "deep_model_explorer",
    "DeepModelExplorer",
    "parse_hidden_layers",
    "regularization_explorer",
    "RegularizationExplorer",
    "initialization_explorer",
    "InitializationExplorer",
    "optimizer_paths_explorer",
    "OptimizerPathsExplorer",
    "averages_explorer",
    "AveragesExplorer",
    "sampling_explorer",
    "SamplingExplorer",
    "batchnorm_explorer",
    "BatchNormExplorer",
    "diagnosis_explorer",
    "DiagnosisExplorer",
    "filter_explorer",
    "FilterExplorer",
    "feature_map_explorer",
    "FeatureMapExplorer",
    "cost_explorer",
    "CostExplorer",
    "augmentation_explorer",
    "AugmentationExplorer",
]
