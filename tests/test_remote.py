"""The two-kernel machinery in one process: plain data, handles, student-side steps."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
import torch

import utils.testing as testing
from course_tools.remote import codec
from course_tools.remote.agent import Remote, StudentCodeError
from course_tools.remote.local import connected, pair

STUDENT_CODE = '''
import numpy as np, warnings, sys

def double(x):
    return 2 * np.asarray(x)

def tanh_from_sigmoid(x):
    return 2 * sigmoid(2 * x) - 1

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

def noisy(x):
    warnings.warn("careful")
    return x

class Net:
    def __init__(self):
        self.weights = [np.ones((2, 2)), np.zeros(2)]
        self.layer = torch.nn.Linear(2, 1)

    def forward(self, x):
        return x @ self.weights[0] + self.weights[1]

def step(params, grads, lr=0.5):
    for p, g in zip(params, grads):
        p -= lr * g

def rebind(params):
    params["W"] = params["W"] + 1
    return params

def apply(f, x):
    return f(x)

class Odd(Exception):
    pass

def fails(kind):
    if kind == "value":
        raise ValueError("no good")
    if kind == "stub":
        raise NotImplementedError
    raise Odd("odd one")
'''


@pytest.fixture
def kernels():
    """A student namespace with STUDENT_CODE, a trusted one with its names bound."""
    student_ns: dict = {"__name__": "__main__", "torch": torch}
    exec(STUDENT_CODE, student_ns)  # noqa: S102
    trusted_ns: dict = {"__name__": "__main__"}
    student, trusted = pair(student_ns, trusted_ns)
    side = connected(trusted)
    for name in ("double", "tanh_from_sigmoid", "sigmoid", "noisy", "Net", "fails", "step",
                 "rebind", "apply"):
        trusted_ns[name] = side.global_value(name)
    testing.use_student_kernel(side)
    yield student_ns, trusted_ns, side
    testing.use_student_kernel(None)


def test_plain_values_cross_as_new_plain_objects(kernels):
    student_ns, trusted_ns, side = kernels
    student_ns["value"] = {"a": (1, 2.5, float("nan")), "b": [np.arange(3), np.float32(2)],
                           "t": torch.ones(2, dtype=torch.float64), 3: "three", "s": {1, 2}}
    value = side.global_value("value")
    assert type(value) is dict and value["a"][:2] == (1, 2.5) and math.isnan(value["a"][2])
    assert type(value["b"][0]) is np.ndarray and value["b"][0].tolist() == [0, 1, 2]
    assert type(value["b"][1]) is np.float32
    assert type(value["t"]) is torch.Tensor and value["t"].dtype == torch.float64
    assert value[3] == "three" and value["s"] == {1, 2}


def test_functions_objects_and_attributes(kernels):
    _, ns, _ = kernels
    assert ns["double"](np.array([1.0, 2.0])).tolist() == [2.0, 4.0]
    net = ns["Net"]()
    assert type(net) is Remote
    weights = net.weights
    assert type(weights) is list and not weights[0].flags.writeable  # a copy, read-only
    with pytest.raises(ValueError, match="read-only"):
        weights[0][0, 0] = 5.0
    net.weights = [np.full((2, 2), 3.0), np.ones(2)]
    assert net.forward(np.ones((1, 2))).tolist() == [[7.0, 7.0]]
    weight = net.layer.weight  # a parameter: a handle, changed in place over there
    assert type(weight) is Remote and testing.as_array(weight).shape == (1, 2)
    assert testing.is_instance(net.layer, "torch.nn.Linear")


def test_changes_made_in_place_reach_the_callers_objects(kernels):
    _, ns, _ = kernels
    params, grads = [np.ones(3), np.zeros((2, 2))], [np.ones(3), np.ones((2, 2))]
    first = params[0]
    ns["step"](params, grads)
    assert params[0] is first and params[0].tolist() == [0.5] * 3
    assert params[1].tolist() == [[-0.5, -0.5]] * 2 and grads[0].tolist() == [1.0] * 3
    theta = {"W": np.zeros(2), "b": np.ones(1)}
    bias = theta["b"]
    assert ns["rebind"](theta) is theta  # the same dict comes back
    assert theta["W"].tolist() == [1.0, 1.0] and theta["b"] is bias


def test_library_functions_cross_by_name(kernels):
    _, ns, _ = kernels
    assert ns["apply"](np.tanh, 0.5) == pytest.approx(math.tanh(0.5))
    assert codec.library_name(np.tanh) == "numpy.tanh"
    assert codec.library_name(torch.nn.Linear) == "torch.nn.modules.linear.Linear"
    with pytest.raises(codec.WireError):
        codec.resolve_library_name("os.system")
    built = testing.student_module("torch").nn.Linear(2, 3)  # built over there
    assert type(built) is Remote and isinstance(built, torch.nn.Linear)


def test_errors_keep_builtin_types_and_say_where(kernels):
    _, ns, _ = kernels
    with pytest.raises(ValueError, match="no good .raised at line"):
        ns["fails"]("value")
    with pytest.raises(StudentCodeError, match="Odd: odd one"):
        ns["fails"]("other")
    with pytest.raises(NotImplementedError) as stub:  # an unanswered stub: no message
        ns["fails"]("stub")
    assert str(stub.value).startswith("(raised at line")


def test_stand_in_runs_in_the_trusted_namespace(kernels):
    student_ns, ns, _ = kernels
    calls = []

    def counting_sigmoid(v):
        calls.append(1)
        return 1 / (1 + np.exp(-np.asarray(v)))

    with testing.stand_in(ns, sigmoid=counting_sigmoid):
        values = ns["tanh_from_sigmoid"](np.array([0.5, -1.0]))
    assert calls and np.allclose(values, np.tanh([0.5, -1.0]))
    assert student_ns["sigmoid"].__name__ == "sigmoid"  # put back


def test_forbid_and_no_warnings_act_next_to_the_students_code(kernels):
    _, ns, _ = kernels
    with testing.forbid(np, "exp", reason="use tanh"), pytest.raises(AssertionError,
                                                                     match="np.exp"):
        ns["sigmoid"](1.0)
    assert ns["sigmoid"](0.0) == 0.5
    with pytest.raises(AssertionError, match="UserWarning: careful"), testing.no_warnings():
        ns["noisy"](1)
    with warnings.catch_warnings(record=True):
        assert ns["noisy"](3) == 3


def test_the_trusted_side_answers_only_calls_and_sends_only_functions(kernels):
    student_ns, ns, side = kernels
    student_peer = side.peer.transport.other.peer
    probe = student_peer._proxy({"id": 1, "type": "x", "call": True, "library": None})
    with pytest.raises(PermissionError):
        student_peer.request("getattr", target=probe, name="__globals__")
    with pytest.raises(codec.CannotSend, match="cannot be sent"):
        ns["double"](torch.nn.Linear(2, 2))


@pytest.mark.parametrize("tree, buffers, problem", [
    ({"$nd": 0, "dtype": "O", "shape": [1]}, [b"x" * 8], "dtype"),
    ({"$nd": 0, "dtype": "<f8", "shape": [2]}, [b"x" * 8], "do not match"),
    ({"$nd": 3, "dtype": "<f8", "shape": [1]}, [b"x" * 8], "buffer"),
    ({"$pickle": "..."}, [], "unknown value tag"),
    ({"$h": "1", "type": "x", "call": True}, [], "malformed handle"),
])
def test_malformed_data_is_refused(tree, buffers, problem):
    with pytest.raises(codec.WireError, match=problem):
        codec.decode(tree, buffers, lambda d: d, lambda i: i)


def test_nesting_is_bounded():
    tree: list = []
    for _ in range(codec.MAX_DEPTH + 5):
        tree = [tree]
    with pytest.raises(codec.WireError, match="nested"):
        codec.decode(tree, [], lambda d: d, lambda i: i)


def test_a_public_helper_runs_in_the_students_kernel_a_hidden_one_is_refused():
    import linecache

    public = "def build(n):\n    return Net()\n"
    hidden = "def secret(n):\n    return Net()\n"
    student_ns: dict = {"__name__": "__main__", "torch": torch}
    exec(STUDENT_CODE, student_ns)  # noqa: S102
    trusted_ns: dict = {"__name__": "__main__"}
    side = connected(pair(student_ns, trusted_ns, public_text=public)[1])
    for name, source in (("build", public), ("secret", hidden)):
        linecache.cache[f"<cell {name}>"] = (len(source), None, source.splitlines(True),
                                            f"<cell {name}>")
        exec(compile(source, f"<cell {name}>", "exec"), trusted_ns)  # noqa: S102
    built = side.ship(trusted_ns["build"])(3)
    assert type(built) is Remote and testing.as_array(built.weights[0]).shape == (2, 2)
    with pytest.raises(RuntimeError, match="public part"):
        side.ship(trusted_ns["secret"])
