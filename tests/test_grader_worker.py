"""The worker process and the plain-data channel: what student code can and cannot do."""

import pickle

import numpy as np
import pytest

from grader_tests import codec
from grader_tests.client import CallLimits, Cell, StudentCodeError, Worker
from helpers.checks import learner_error


def roundtrip(value):
    return codec.decode(codec.loads_plain(pickle.dumps(codec.encode(value))))


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        3,
        2.5,
        1 + 2j,
        "text",
        b"bytes",
        [1, (2.0, None)],
        {"dw": np.ones((3, 1))},
        np.float32(1.5),
        np.arange(6, dtype=np.int16).reshape(2, 3),
        np.array([b"cat", b"dog"]),
        np.zeros((0, 4)),
        np.asfortranarray(np.arange(6.0).reshape(2, 3)),
    ],
)
def test_plain_values_survive_the_channel(value):
    back = roundtrip(value)
    if isinstance(value, (np.ndarray, np.generic)):
        assert back.dtype == value.dtype and np.array_equal(back, value)
    elif isinstance(value, dict):
        assert np.array_equal(back["dw"], value["dw"])
    else:
        assert back == value and type(back) is type(value)


def test_objects_come_back_as_unsupported_not_as_objects():
    class Sneaky:
        def __eq__(self, other):
            return True

    for value in (Sneaky(), np.array([Sneaky()], dtype=object), [1, {"a": Sneaky()}]):
        assert codec.contains_unsupported(roundtrip(value)) is not None


def test_the_checker_refuses_pickles_that_name_a_class():
    evil = pickle.dumps(np.ones(2))  # a real pickle of an array names numpy globals
    with pytest.raises(pickle.UnpicklingError, match="refusing"):
        codec.loads_plain(evil)

    class Boom:
        def __reduce__(self):
            return (print, ("pwned",))

    with pytest.raises(pickle.UnpicklingError):
        codec.loads_plain(pickle.dumps(Boom()))


@pytest.mark.parametrize(
    "tagged",
    [
        ("ndarray", "<f8", (2, 2), b"\0" * 8),
        ("ndarray", "|O", (1,), b"\0" * 8),
        ("int", "3"),
        ("mystery",),
        ("dict", [(("list", []), ("none",))]),
        (),
    ],
)
def test_malformed_encodings_are_refused(tagged):
    with pytest.raises(codec.DecodeError):
        codec.decode(tagged)


PROGRAM = [
    Cell("setup", "import numpy as np\n%matplotlib inline\nscale = 2", False),
    Cell("double", "def double(a):\n    return a * scale, {'shape': np.shape(a)}", True),
    Cell("hangs_at_load", "while True:\n    pass", True),
    Cell("quits", "def quits():\n    import os\n    os._exit(4)", True),
    Cell("loops", "def loops():\n    while True:\n        pass", True),
    Cell("weird", "def weird():\n    return object()", True),
    Cell("value_then_exit", "answer = 42\nimport sys\nsys.exit(3)", True),
    Cell(
        "uses_helper",
        "def uses_helper(x):\n    return helper(x)\ndef helper(x):\n    return -1",
        True,
    ),
    Cell(
        "describe_helper",
        "def describe_helper():\n"
        "    import inspect\n"
        "    code = helper.__code__\n"
        "    return f'stub: {code.co_consts} {code.co_names}' + str(helper.__closure__)\n"
        "def helper_with_object():\n"
        "    return helper(object())",
        True,
    ),
    Cell("stub", "def stub():\n    raise NotImplementedError()", True),
    Cell(
        "missing_key",
        'def missing_key(parameters):\n    W = parameters["W2"]\n    return W',
        True,
    ),
    Cell("greedy", "def greedy():\n    return bytearray(8 * 1024**3)", True),
    Cell(
        "kills_parent",
        "def kills_parent():\n    import os, signal\n    os.kill(os.getppid(), signal.SIGKILL)",
        True,
    ),
]
NAMES = [
    "double",
    "quits",
    "loops",
    "weird",
    "answer",
    "uses_helper",
    "describe_helper",
    "helper_with_object",
    "stub",
    "missing_key",
    "greedy",
    "kills_parent",
    "scale",
]


@pytest.fixture(scope="module")
def worker():
    w = Worker(PROGRAM, NAMES, CallLimits(call_seconds=2, cell_seconds=3, memory_mb=2048))
    w.start()
    yield w
    w.close()


def test_a_hanging_cell_is_skipped_and_reported(worker):
    assert "did not finish within 3 s" in worker.report.errors["hangs_at_load"]
    assert worker.report.errors["value_then_exit"] == "SystemExit: 3"
    assert worker.inventory["double"] == "function" and worker.inventory["answer"] == "value"


def test_calls_return_plain_data(worker):
    result, info = worker.call("double", (np.arange(3),))
    assert np.array_equal(result, [0, 2, 4]) and info == {"shape": (3,)}
    assert worker.value("answer") == 42 and worker.value("scale") == 2


@pytest.mark.parametrize(
    "name, message",
    [
        ("quits", r"ended the process \(exit status 4\)"),
        ("loops", "did not finish within 2 s"),
        ("weird", "returned an object of type object"),
        ("stub", "is not written yet"),
        ("greedy", "MemoryError"),
    ],
)
def test_misbehaving_calls_fail_only_themselves(worker, name, message):
    with pytest.raises(StudentCodeError, match=message):
        worker.call(name)
    assert worker.call("double", (1,))[0] == 2  # the worker still answers


def test_a_learners_error_keeps_its_kind_message_and_line_for_the_hints(worker):
    with pytest.raises(StudentCodeError) as raised:
        worker.call("missing_key", ({"W1": 1.0, "b1": 0.0},))
    error = raised.value
    assert (error.kind, error.detail) == ("KeyError", "'W2'")
    assert error.code == 'W = parameters["W2"]'
    # the public checks' hints read them as they read an error raised in the notebook
    assert "one layer too far" in str(learner_error("missing_key(parameters)", None, error))


def test_killing_the_worker_costs_one_call_and_grading_goes_on(worker):
    with pytest.raises(StudentCodeError, match="ended the grading process"):
        worker.call("kills_parent")
    assert worker.call("double", (5,))[0] == 10  # restarted, program run again


def test_isolation_rebinds_a_dependency_for_one_call_only(worker):
    def helper(x):  # the trusted version: it runs here, in the checker
        return x + 100

    assert worker.call("uses_helper", (1,)) == -1
    assert worker.call("uses_helper", (1,), isolate={"helper": helper}) == 101
    assert worker.call("uses_helper", (1,)) == -1


def test_a_call_that_calls_an_isolated_function_too_often_is_stopped(worker):
    isolate = {"helper": lambda x: x + 100}
    restarts = worker.report.restarts
    with pytest.raises(StudentCodeError, match="was stopped after 0 calls of helper"):
        worker.call("uses_helper", (1,), isolate=isolate, max_calls=0)
    assert worker.call("uses_helper", (1,), isolate=isolate, max_calls=1) == 101  # goes on
    assert worker.report.restarts == restarts  # only the call's child ended


def test_a_training_function_may_call_an_isolated_one_a_few_times_per_iteration():
    from grader_tests.plugin import CALLS_PER_ITERATION, calls_allowed

    def model(X, Y, num_iterations=100, print_cost=False):
        return X

    assert calls_allowed(model, (1, 2), {}) == CALLS_PER_ITERATION * 101
    assert calls_allowed(model, (1, 2, 3), {}) == CALLS_PER_ITERATION * 4
    assert calls_allowed(model, (1, 2), {"num_iterations": 0}) == CALLS_PER_ITERATION
    assert calls_allowed(lambda x: x, (1,), {}) is None  # no num_iterations: no limit
    assert calls_allowed(model, (1,), {}) is None  # arguments the reference does not take


def test_an_isolated_dependency_is_a_call_back_not_code_in_the_worker(worker):
    def helper(x):
        return x + 100

    # the student's side sees a stub: no code object of the trusted function, no source
    seen = worker.call("describe_helper", isolate={"helper": helper})
    assert "x + 100" not in seen and "co_consts" not in seen
    assert seen.startswith("stub:")
    # a call back with something that is not plain data is refused, and the call fails
    with pytest.raises(StudentCodeError, match="failed on the arguments your code gave it"):
        worker.call("helper_with_object", isolate={"helper": helper})


def test_the_program_keeps_only_the_trusted_cells_the_student_needs():
    from grader_tests.course import needed_cells

    program = [
        Cell(
            "setup",
            "%matplotlib inline\nimport numpy as np\nimport matplotlib.pyplot as plt",
            False,
        ),
        Cell("data", "X = np.ones((2, 3))\nlabels = ['a']", False),
        Cell("sigmoid", "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))", True),
        Cell("demo", "print(sigmoid(X))\nplt.plot([1, 2])", False),
        Cell("m_train", "m_train = X.shape[1]", True),
        Cell("training", "trained = sigmoid(X) * m_train", False),
    ]
    kept = needed_cells(program)
    assert [c.label for c in kept] == ["setup", "data", "sigmoid", "m_train"]
    # the setup cell loses the import nobody reads; the student's cells are kept as written
    assert "numpy" in kept[0].source and "import matplotlib" not in kept[0].source
    assert kept[2].source == program[2].source


def test_a_functions_own_names_do_not_keep_a_trusted_cell_but_its_globals_do():
    from grader_tests.course import needed_cells

    program = [
        Cell("setup", "import numpy as np\nimport matplotlib.pyplot as plt\nimport math", False),
        Cell("data", "X = np.ones((2, 3))", False),
        Cell("limits", "LIMIT = 3", False),
        Cell("f", "def f(X, z):\n    a = [x for x in X if x < LIMIT]\n    return plt, a", True),
    ]
    kept = needed_cells(program)
    assert [c.label for c in kept] == ["setup", "limits", "f"]  # X is f's own argument
    assert "matplotlib" in kept[0].source and "numpy" not in kept[0].source
    assert "math" not in kept[0].source
