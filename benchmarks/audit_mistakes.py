"""Planted-mistake audit of the public checks: does each check name the learner's own mistake?

Each audited mistake is ONE modified solution cell of a week's instructor notebook (a planted
mistake of the week's spec, or a change written here). For each, the week's code cells run in
notebook order in one Python namespace, in this process, as a learner's kernel runs them: the
set-up, the cells that define provided functions, the data cell of C1 W2, every solution cell
(the planted one changed) and every check cell. Training runs, figures and explorers are left
out: no check cell needs them. The audit records the first check cell that fails, its message,
and what the check cells of the functions that call the planted one say.

A mistake is named correctly when the first failing check is the planted function's own, its
message holds the expected text (the hint), and every later check that fails is a check of a
function that calls the planted one and says "fix `<planted function>` first".

    python benchmarks/audit_mistakes.py            # the Markdown table, then the counts
    python benchmarks/audit_mistakes.py --details  # also every failing check's full message
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import linecache
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from grader_tests import spec as specs  # noqa: E402
from grader_tests.course import known_assignments  # noqa: E402
from helpers.checks import CheckFailure  # noqa: E402
from helpers.checks.engine import global_names  # noqa: E402

WEEKS = tuple(known_assignments())  # the weeks with hidden checks, in course order
SHORT = {"c1w2_logistic_regression": "c1w2", "c1w3_shallow_network": "c1w3"}
SHORT.update(c1w4_deep_network="c1w4", c2w1_practical_aspects="c2w1", c2w2_optimization="c2w2")
SHORT.update(
    c2w3_tuning_batchnorm_softmax="c2w3",
    c3_ml_strategy="c3",
    c4w1_convolution="c4w1",
    c4w2_case_studies="c4w2",
)
# locked cells that the check cells need besides the set-up and the provided functions
NEEDED = {"c1w2_logistic_regression": {"setup", "load_data"}}
STUB = "    # YOUR CODE HERE\n    raise NotImplementedError()\n"


@dataclass(frozen=True)
class Planted:
    """One audited mistake: a changed solution cell and the text its check must show."""

    week: str
    key: str
    function: str
    changes: dict = field(default_factory=dict)  # {old text: new text} in the solution cell
    source: str = ""  # or the whole new cell
    fragment: str = ""  # the text the first failing check's message must hold
    spec: bool = False  # a planted mistake of the week's spec (source and hint from there)


def _spec(week: str, key: str) -> Planted:
    mistake = specs.load(week).mistake(key)
    return Planted(week, key, mistake.function, source=mistake.source, spec=True)


def _stub(week: str, function: str) -> Planted:
    return Planted(week, f"{function}_stub", function, changes={"stub": STUB},
                   fragment=f"`{function}` is not written yet")  # fmt: skip


W2, W3, W4, W5, W6, W7, W8, W9, W10 = WEEKS
# fmt: off
MISTAKES = [
    # ---------------------------------------------------------------------------- C1 W2
    _spec(W2, "sigmoid_math_exp"),
    _spec(W2, "normalize_rows_no_keepdims"),
    _spec(W2, "softmax_axis0"),
    _spec(W2, "train_set_x_floor_division"),
    _spec(W2, "train_set_x_mixed"),
    _spec(W2, "initialize_with_zeros_1d"),
    _spec(W2, "propagate_no_m"),
    _spec(W2, "propagate_w_not_transposed"),
    Planted(W2, "propagate_X_times_dZ", "propagate", {"dw = X @ dZ.T / m": "dw = X * dZ / m"},
            fragment="matrix product"),
    _stub(W2, "propagate"),
    _spec(W2, "optimize_plus"),
    _spec(W2, "optimize_b_not_updated"),
    Planted(W2, "optimize_no_dw", "optimize",
            {'        dw = grads["dw"]\n': "", "learning_rate * dw": 'learning_rate * grads["dw"]'},
            fragment="define `dw`"),
    Planted(W2, "optimize_unpacking_order", "optimize",
            {"grads, cost = propagate": "cost, grads = propagate"}, fragment="order"),
    _spec(W2, "predict_threshold_ge"),
    _spec(W2, "model_untrained"),
    # ---------------------------------------------------------------------------- C1 W3
    _spec(W3, "layer_sizes_swapped"),
    _spec(W3, "initialize_parameters_transposed"),
    _spec(W3, "forward_sigmoid_hidden"),
    _stub(W3, "forward_propagation"),
    Planted(W3, "compute_cost_1x1", "compute_cost",
            {"    log_probabilities = Y * np.log(A2) + (1 - Y) * np.log(1 - A2)\n"
             "    cost = float(-np.sum(log_probabilities) / m)":
             "    cost = -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m"},
            fragment="float("),
    _spec(W3, "compute_cost_no_m"),
    _spec(W3, "backward_no_keepdims"),
    _spec(W3, "backward_no_m"),
    Planted(W3, "backward_dZ2_times_A1", "backward_propagation",
            {"dW2 = dZ2 @ A1.T / m": "dW2 = dZ2 * A1.T / m"}, fragment="matrix product"),
    _spec(W3, "update_parameters_plus"),
    Planted(W3, "nn_model_unpacking", "nn_model",
            {"A2, cache = forward_propagation(X, parameters)":
             "A2 = forward_propagation(X, parameters)"}, fragment="tuple"),
    _spec(W3, "predict_reversed"),
    # ---------------------------------------------------------------------------- C1 W4
    _spec(W4, "initialize_parameters_deep_small"),
    _spec(W4, "initialize_parameters_deep_from_0"),
    _spec(W4, "linear_forward_W_transposed"),
    Planted(W4, "linear_activation_forward_sigmoid_for_relu", "linear_activation_forward",
            {"A, activation_cache = relu(Z)": "A, activation_cache = sigmoid(Z)"},
            fragment='"relu" applies relu(Z)'),
    Planted(W4, "L_model_forward_unpacking_order", "L_model_forward",
            {"        A, cache = linear_activation_forward(": "        cache, A = "
             "linear_activation_forward("}, fragment="order"),
    _stub(W4, "L_model_forward"),
    _spec(W4, "compute_cost_one_term"),
    Planted(W4, "linear_backward_dZ_times_A_prev", "linear_backward",
            {"dW = dZ @ A_prev.T / m": "dW = dZ * A_prev.T / m"}, fragment="matrix product"),
    _spec(W4, "linear_backward_dW_no_m"),
    _spec(W4, "linear_activation_backward_relu_uses_sigmoid"),
    _spec(W4, "L_model_backward_caches_l"),
    Planted(W4, "update_parameters_range_L", "update_parameters",
            {"range(1, L + 1)": "range(L)"}, fragment="numbered from 1"),
    _spec(W4, "update_parameters_b_not_updated"),
    _spec(W4, "two_layer_model_dA2_sign"),
    _spec(W4, "L_layer_model_uphill"),
    # ---------------------------------------------------------------------------- C2 W1
    _spec(W5, "zeros_b_1d"),
    _spec(W5, "random_unscaled"),
    _spec(W5, "he_this_layer"),
    _spec(W5, "he_xavier"),
    _stub(W5, "initialize_parameters_he"),
    _spec(W5, "l2_no_m"),
    _spec(W5, "l2_with_b"),
    _spec(W5, "l2_backward_half"),
    Planted(W5, "l2_backward_from_three_layer_backward", "backward_propagation_with_regularization",
            source="def backward_propagation_with_regularization(X, Y, cache, lambd):\n"
                   "    return three_layer_backward(X, Y, cache)\n",
            fragment="add lambd / m * W"),
    _spec(W5, "dropout_no_scale"),
    _spec(W5, "dropout_reversed"),
    _spec(W5, "dropout_backward_no_mask"),
    _spec(W5, "dropout_backward_new_mask"),
    _spec(W5, "backward_1d_theta"),
    _spec(W5, "gradient_check_one_epsilon"),
    _spec(W5, "gradient_check_no_denominator"),
    _spec(W5, "gradient_check_n_no_copy"),
    _spec(W5, "backward_n_db1_left"),
    # ---------------------------------------------------------------------------- C2 W2
    _spec(W6, "gd_b_not_updated"),
    _stub(W6, "random_mini_batches"),
    _spec(W6, "mini_batches_two_permutations"),
    _spec(W6, "mini_batches_no_rest"),
    _spec(W6, "mini_batches_no_seed"),
    _spec(W6, "ewa_swapped"),
    _spec(W6, "ewa_correction_t_minus_1"),
    _spec(W6, "velocity_keys"),
    _spec(W6, "momentum_swapped"),
    _spec(W6, "momentum_old_v"),
    _spec(W6, "adam_epsilon_inside"),
    _spec(W6, "adam_t_minus_1"),
    _spec(W6, "adam_power_outside"),
    _spec(W6, "update_lr_precedence"),
    _spec(W6, "schedule_no_floor"),
    # ---------------------------------------------------------------------------- C2 W3
    _spec(W7, "lr_linear"),
    _spec(W7, "lr_no_seed"),
    _spec(W7, "betas_linear"),
    _stub(W7, "batchnorm_forward"),
    _spec(W7, "bn_axis0"),
    _spec(W7, "bn_unbiased"),
    _spec(W7, "running_swapped"),
    _spec(W7, "bn_test_batch_statistics"),
    _spec(W7, "bn_backward_axis0"),
    _spec(W7, "bn_backward_naive"),
    _spec(W7, "softmax_rows"),
    _spec(W7, "softmax_unstable"),
    _spec(W7, "one_hot_transposed"),
    _spec(W7, "softmax_cost_no_m"),
    _spec(W7, "softmax_backward_sign"),
    # ------------------------------------------------------------------------------- C3
    _spec(W8, "precision_is_recall"),
    _spec(W8, "precision_zero_division"),
    _spec(W8, "f1_arithmetic_mean"),
    _stub(W8, "choose_model"),
    _spec(W8, "choose_ignores_constraint"),
    _spec(W8, "choose_none_missing"),
    _spec(W8, "split_dev_from_all"),
    _spec(W8, "split_target_rest_dropped"),
    _spec(W8, "diagnose_skips_train_dev"),
    _spec(W8, "shares_over_tags"),
    _spec(W8, "ceiling_subtract"),
    _spec(W8, "multitask_nan_counted"),
    _spec(W8, "multitask_nan_kept"),
    # ---------------------------------------------------------------------------- C4 W1
    _spec(W9, "pad_every_axis"),
    _spec(W9, "step_float_of_array"),
    _spec(W9, "step_array"),
    _stub(W9, "conv_single_step"),
    _spec(W9, "conv_true_division"),
    _spec(W9, "conv_no_stride"),
    _spec(W9, "conv_one_channel"),
    _spec(W9, "conv_flipped"),
    _spec(W9, "conv_not_padded"),
    _spec(W9, "pool_average_by_f"),
    _spec(W9, "pool_across_channels"),
    _spec(W9, "convb_pad_slice_zero"),
    _spec(W9, "convb_over_m"),
    _spec(W9, "mask_every_max"),
    _spec(W9, "poolb_assigned"),
    _spec(W9, "fast_axes_swapped"),
    _spec(W9, "fast_loop"),
    _spec(W9, "fastb_padding_left_on"),
    # ---------------------------------------------------------------------------- C4 W2
    _spec(W10, "count_no_channels"),
    _spec(W10, "count_fc_no_flatten"),
    _spec(W10, "identity_relu_before_add"),
    _spec(W10, "identity_no_same_pad"),
    _stub(W10, "identity_block"),
    _spec(W10, "conv_block_identity_shortcut"),
    _spec(W10, "conv_block_shortcut_stride"),
    _spec(W10, "pointwise_elementwise"),
    _spec(W10, "cost_parameters"),
    _spec(W10, "depthwise_all_channels"),
    _spec(W10, "separable_swapped"),
    _spec(W10, "scaling_times"),
    _spec(W10, "flip_vertical"),
    _spec(W10, "crop_same_corner"),
    _spec(W10, "crop_last_corner_missing"),
    _spec(W10, "shift_no_clip"),
]
# fmt: on


# ------------------------------------------------------------------------- the notebook
@functools.cache
def cells(week: str) -> list[dict]:
    """The code cells the audit runs: (grade_id, kind, source), in notebook order."""
    notebook = json.loads((ROOT / "source" / week / f"{week}.ipynb").read_text(encoding="utf-8"))
    kept = []
    for number, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        meta = cell.get("metadata", {}).get("nbgrader", {})
        grade_id, source = meta.get("grade_id", f"cell{number}"), "".join(cell["source"])
        kind = "solution" if meta.get("solution") else "test" if meta.get("grade") else "locked"
        defines = source.lstrip().startswith(("def ", '"""')) and "\ndef " in "\n" + source
        if kind == "locked" and grade_id not in NEEDED.get(week, {"setup"}) and not defines:
            continue
        kept.append({"grade_id": grade_id, "kind": kind, "source": source})
    return kept


def _changed(source: str, planted: Planted) -> str:
    if planted.source:
        return planted.source
    for old, new in planted.changes.items():
        if old == "stub":  # the solution parts become the stub the release notebook shows
            source = _stub_source(source)
            continue
        if old not in source:
            raise ValueError(f"{planted.key}: {old!r} is not in the solution cell")
        source = source.replace(old, new)
    return source


def _stub_source(source: str) -> str:
    lines, out, inside = source.splitlines(True), [], False
    for line in lines:
        if line.strip() == "### BEGIN SOLUTION":
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}# YOUR CODE HERE\n{indent}raise NotImplementedError()\n")
        elif line.strip() == "### END SOLUTION":
            inside = False
        elif not inside:
            out.append(line)
    return "".join(out)


def _run_cell(namespace: dict, name: str, source: str) -> None:
    filename = f"<cell {name}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102


def run_week(week: str, planted: Planted | None) -> dict[str, str | None]:
    """Run the week's cells with one planted mistake: {check cell: its failure or None}."""
    namespace: dict = {"__name__": "__main__"}
    results: dict[str, str | None] = {}
    printed = io.StringIO()
    with (
        contextlib.redirect_stdout(printed),
        np.errstate(all="ignore"),
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore")
        np.random.seed(1)
        for cell in cells(week):
            source = cell["source"]
            if planted is not None and cell["grade_id"] == planted.function:
                source = _changed(source, planted)
            try:
                _run_cell(namespace, cell["grade_id"], source)
            except CheckFailure as failed:
                results[cell["grade_id"]] = str(failed)
                continue
            except Exception as exc:  # noqa: BLE001 - a check cell that crashes is a finding
                if cell["kind"] != "test":
                    continue  # a wrong solution cell may raise; its check cell reports it
                results[cell["grade_id"]] = f"the check itself crashed: {type(exc).__name__}: {exc}"
                continue
            if cell["kind"] == "test":
                results[cell["grade_id"]] = None
    return results


def callers(week: str, function: str) -> set[str]:
    """The graded functions whose checks depend on ``function`` (through the functions the
    solutions actually call)."""
    data = json.loads((ROOT / "helpers" / "checks" / "data" / f"{week}.json").read_text())
    reference = specs.load(week).reference
    direct = {}
    for name, entry in data["functions"].items():
        used = global_names(getattr(getattr(reference, name, None), "__code__", None))
        solution = _solution_names(week, name)
        direct[name] = {c for c in entry.get("calls", []) if c in used | solution}
    found, grew = set(), True
    while grew:
        grew = False
        for name, calls in direct.items():
            if name not in found and calls & (found | {function}):
                found.add(name)
                grew = True
    return found


@functools.cache
def _solution_names(week: str, name: str) -> frozenset:
    source = next((c["source"] for c in cells(week) if c["grade_id"] == name), "")
    namespace: dict = {}
    try:
        exec(compile(source, "<solution>", "exec"), namespace)  # noqa: S102
    except Exception:  # noqa: BLE001
        return frozenset()
    return frozenset(global_names(getattr(namespace.get(name), "__code__", None)))


# ----------------------------------------------------------------------------- the audit
@dataclass
class Finding:
    planted: Planted
    first: str | None
    message: str
    downstream: dict
    named: bool
    why: str


def expected_fragment(planted: Planted) -> str:
    if planted.spec:
        return specs.load(planted.week).mistake(planted.key).fragment
    return planted.fragment


def audit(planted: Planted) -> Finding:
    results = run_week(planted.week, planted)
    failing = [(cell, text) for cell, text in results.items() if text is not None]
    own, fragment = f"test_{planted.function}", expected_fragment(planted)
    first, message = failing[0] if failing else (None, "")
    later = dict(failing[1:])
    expected_callers = {f"test_{name}" for name in callers(planted.week, planted.function)}
    fix_first = f"fix `{planted.function}` first"
    why = []
    if first != own:
        why.append(f"first failing check is {first}, not {own}")
    elif fragment.lower() not in message.lower():
        why.append(f"the message lacks {fragment!r}")
    for cell, text in later.items():
        if cell not in expected_callers:
            why.append(f"{cell} fails too")
        elif not text.startswith(fix_first):
            why.append(f"{cell} does not say {fix_first!r}")
    for cell in sorted(expected_callers - set(later)):
        if results.get(cell, "") is None:
            why.append(f"{cell} passes although it calls {planted.function}")
    return Finding(planted, first, message, later, not why, "; ".join(why))


def _short(text: str, width: int = 110) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    line = " / ".join(lines[:1] + [x for x in lines[1:] if x.startswith("likely mistake")][:1])
    line = line.replace("|", "\\|")
    return line if len(line) <= width else line[: width - 3] + "..."


def table(findings: list[Finding]) -> str:
    rows = [
        "| week | mistake | first failing check | message (shortened) | downstream checks say "
        "| named correctly |",
        "|---|---|---|---|---|---|",
    ]
    for f in findings:
        downstream = sorted(f.downstream)
        said = {_short(t, 60) for t in f.downstream.values()}
        summary = f"{', '.join(downstream)}: {' / '.join(sorted(said))}" if downstream else "-"
        rows.append(
            f"| {SHORT[f.planted.week]} | {f.planted.key} | {f.first or '(none)'} | "
            f"{_short(f.message)} | {summary.replace('|', '/')} | "
            f"{'yes' if f.named else 'no: ' + f.why} |"
        )
    return "\n".join(rows)


def run(selected=None) -> list[Finding]:
    return [audit(p) for p in MISTAKES if selected is None or p.key in selected]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("keys", nargs="*", help="audit only these mistakes")
    parser.add_argument("--details", action="store_true", help="print every failing message")
    options = parser.parse_args(argv)
    start = time.perf_counter()
    baseline = {w: run_week(w, None) for w in WEEKS}
    broken = {w: [c for c, t in r.items() if t is not None] for w, r in baseline.items()}
    findings = run(set(options.keys) or None)
    print(table(findings))
    named = sum(f.named for f in findings)
    print(f"\nnamed correctly: {named} of {len(findings)}; not: {len(findings) - named}")
    if any(broken.values()):
        print(f"checks that fail on the solutions themselves: {broken}")
    if options.details:
        for f in findings:
            print(f"\n### {f.planted.key}\n{f.first}: {f.message}")
            for cell, text in f.downstream.items():
                print(f"{cell}: {text}")
    print(f"({len(findings)} mistakes in {time.perf_counter() - start:.1f} s)")
    return 0 if named == len(findings) and not any(broken.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
