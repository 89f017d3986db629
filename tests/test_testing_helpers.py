"""Tests of utils.testing, the helpers behind the notebooks' test cells."""

import math
import subprocess
import sys
import types
import warnings

import numpy as np
import pytest

from utils import testing
from utils.testing import (
    as_array,
    as_dict,
    as_float,
    as_int,
    as_str,
    assert_close,
    assert_finite,
    assert_rel_error,
    assert_shape,
    assert_type,
    check_gradient,
    forbid,
    no_warnings,
    numerical_gradient,
    numerical_gradient_array,
    rel_error,
)


class AlwaysEqual:
    """A 'result' that claims to equal anything: must never be trusted."""

    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


# ------------------------------------------------------------------------ rel_error


def test_rel_error_known_values():
    assert rel_error(1.0, 1.0) == 0.0
    assert rel_error(1.0, 3.0) == pytest.approx(0.5)
    assert rel_error([1.0, 2.0], [1.0, 6.0]) == pytest.approx(0.5)
    assert rel_error(0.0, 0.0) == 0.0
    assert rel_error(0.0, 1e-9) == pytest.approx(1e-9 / 1e-8)  # denominator floor is 1e-8
    assert isinstance(rel_error(np.ones(3), np.ones(3)), float)


def test_rel_error_shape_mismatch_and_nan():
    with pytest.raises(AssertionError, match=r"\(3,\).*\(3, 1\)"):
        rel_error(np.ones(3), np.ones((3, 1)))
    assert math.isnan(rel_error([np.nan], [1.0]))


# --------------------------------------------------------------- numerical gradients


def test_numerical_gradient_of_sum_of_squares():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    grad = numerical_gradient(lambda v: np.sum(v**2), x)
    assert rel_error(grad, 2 * x) < 1e-8


def test_numerical_gradient_of_sin_on_0d_array():
    x = np.array(0.3)
    grad = numerical_gradient(lambda v: np.sin(v), x)
    assert grad.shape == ()
    assert rel_error(grad, np.cos(0.3)) < 1e-8


def test_numerical_gradient_array_of_matrix_product():
    rng = np.random.default_rng(0)
    x, w = rng.normal(size=(3, 4)), rng.normal(size=(4, 5))
    dout = rng.normal(size=(3, 5))
    dx = numerical_gradient_array(lambda v: v @ w, x, dout)
    dw = numerical_gradient_array(lambda v: x @ v, w, dout)
    assert rel_error(dx, dout @ w.T) < 1e-8
    assert rel_error(dw, x.T @ dout) < 1e-8


def test_numerical_gradient_array_checks_df_shape():
    with pytest.raises(AssertionError, match=r"f\(x\) has shape \(2,\) but df has shape \(3,\)"):
        numerical_gradient_array(lambda v: 2 * v, np.ones(2), np.ones(3))


def test_numerical_gradient_restores_x_after_exception():
    x = np.array([1.0, 2.0, 3.0])
    original = x.copy()
    calls = []

    def f(v):
        calls.append(v.copy())
        if len(calls) == 4:  # on the second element
            raise RuntimeError("boom")
        return np.sum(v)

    with pytest.raises(RuntimeError, match="boom"):
        numerical_gradient(f, x)
    np.testing.assert_array_equal(x, original)
    with pytest.raises(RuntimeError):
        numerical_gradient_array(lambda v: (_ for _ in ()).throw(RuntimeError("x")), x, 1.0)
    np.testing.assert_array_equal(x, original)


def test_numerical_gradient_rejects_integer_arrays():
    with pytest.raises(TypeError, match="array of floats"):
        numerical_gradient(np.sum, np.array([1, 2]))


# ---------------------------------------------------------------------- conversion


def test_as_array_numbers_lists_and_numpy():
    assert as_array(3).dtype == np.float64 and as_array(3).shape == ()
    np.testing.assert_array_equal(as_array([[1, 2], [3, 4]]), [[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_array_equal(as_array(np.array([True, False])), [1.0, 0.0])
    assert as_array(np.float32(2.5)) == 2.5
    original = np.array([1.0, 2.0])
    copy = as_array(original)
    copy[0] = 99.0
    assert original[0] == 1.0, "as_array must return a copy"
    assert type(as_array(np.ma.masked_array([1.0]))) is np.ndarray


def test_as_array_torch_tensor_with_grad():
    torch = pytest.importorskip("torch")
    w = torch.tensor([[1.0, 2.0]], requires_grad=True)
    arr = as_array(w * 2)
    assert type(arr) is np.ndarray and arr.dtype == np.float64
    np.testing.assert_array_equal(arr, [[2.0, 4.0]])
    assert as_float(torch.tensor([3])) == 3.0
    np.testing.assert_array_equal(as_array([torch.tensor(1.0, requires_grad=True), 2.0]), [1, 2])
    t = torch.zeros(2, dtype=torch.float64)
    as_array(t)[0] = 5.0
    assert t[0].item() == 0.0, "as_array must not share memory with the tensor"


def test_as_array_tensorflow_tensor_and_variable():
    tf = pytest.importorskip("tensorflow")
    np.testing.assert_array_equal(as_array(tf.constant([1, 2])), [1.0, 2.0])
    np.testing.assert_array_equal(as_array(tf.Variable([[1.5]])), [[1.5]])
    assert as_float(tf.constant(2.0)) == 2.0


@pytest.mark.parametrize(
    ("value", "got"),
    [
        (AlwaysEqual(), "AlwaysEqual"),
        ("1.5", "str"),
        (None, "NoneType"),
        (1 + 2j, "complex"),
        (np.array([1j]), "complex128"),
        ({"a": 1}, "dict"),
    ],
)
def test_as_array_rejects_non_numbers(value, got):
    with pytest.raises(AssertionError, match=rf"`answer` should be a number .*{got}"):
        as_array(value, "answer")


def test_as_array_names_the_bad_element_and_ragged_lists():
    with pytest.raises(AssertionError, match=r"`x\[1\]` should be a number.*NoneType"):
        as_array([1.0, None], "x")
    with pytest.raises(AssertionError, match=r"`x\[1\]`.*AlwaysEqual"):
        as_array([1.0, AlwaysEqual()], "x")
    with pytest.raises(AssertionError, match=r"ragged.*\(2,\).*\(1,\)"):
        as_array([[1, 2], [3]], "x")


def test_always_equal_object_cannot_pass_assertions():
    with pytest.raises(AssertionError):
        assert_close(AlwaysEqual(), 1.0)
    with pytest.raises(AssertionError):
        assert_rel_error(AlwaysEqual(), [1.0, 2.0])


def test_as_float():
    assert as_float(2) == 2.0 and type(as_float(np.float32(2))) is float
    assert as_float(np.array([[4.0]])) == 4.0
    with pytest.raises(AssertionError, match=r"`loss` should be a single number.*\(3,\)"):
        as_float([1, 2, 3], "loss")


# ------------------------------------------------------------------------ assertions


def test_assert_shape():
    assert_shape(np.zeros((2, 3)), (2, 3), "W")
    assert_shape(np.zeros((5, 3)), (None, 3), "W")
    assert_shape([1, 2, 3], 3, "b")
    with pytest.raises(AssertionError, match=r"`W` has shape \(3, 2\) but expected shape \(2, 3\)"):
        assert_shape(np.zeros((3, 2)), (2, 3), "W")
    with pytest.raises(AssertionError, match=r"\(any, 4\)"):
        assert_shape(np.zeros((3, 2)), (None, 4), "W")
    with pytest.raises(AssertionError, match=r"has shape \(3,\) but expected shape \(3, 1\)"):
        assert_shape(np.zeros(3), (3, 1), "b")


def test_assert_type():
    assert_type(1.5, float, "lr")
    assert_type(3, (int, float), "n")
    assert_type(np.float64(1.0), float, "x")  # np.float64 subclasses float
    assert_type(True, bool, "flag")
    with pytest.raises(AssertionError, match=r"`n` should be of type int, got str \('3'\)"):
        assert_type("3", int, "n")
    with pytest.raises(AssertionError, match=r"np\.int64.*int\(\.\.\.\)"):
        assert_type(np.int64(3), int, "n")
    with pytest.raises(AssertionError, match="bool"):
        assert_type(True, int, "n")
    with pytest.raises(AssertionError, match=r"int or float, got np\.ndarray"):
        assert_type(np.zeros(2), (int, float), "n")


def test_assert_finite():
    assert_finite([1.0, 2.0], "probs")
    with pytest.raises(AssertionError, match=r"2 non-finite.*first is inf at index \(0, 1\)"):
        assert_finite(np.array([[1.0, np.inf], [np.nan, 0.0]]), "probs")
    with pytest.raises(AssertionError, match=r"`loss` is nan"):
        assert_finite(float("nan"), "loss")


def test_assert_close_passes_within_tolerance():
    assert_close([1.0, 2.0], [1.0, 2.0 + 1e-9])
    assert_close(np.array(0.5), 0.5)
    assert_close([np.nan], [np.nan])
    assert_close(1.01, 1.0, rtol=0.02)


def test_assert_close_reports_shapes():
    with pytest.raises(AssertionError) as info:
        assert_close(np.zeros((2, 3)), np.zeros((3, 2)), "scores")
    assert "(2, 3)" in str(info.value) and "(3, 2)" in str(info.value)
    assert "`scores`" in str(info.value)


def test_assert_close_reports_worst_element():
    actual = np.zeros((2, 3))
    actual[0, 1] = 0.001
    actual[1, 2] = 0.5
    with pytest.raises(AssertionError) as info:
        assert_close(actual, np.zeros((2, 3)), "out", rtol=1e-6, atol=1e-8)
    message = str(info.value)
    assert "2 of 6 values" in message
    assert "index (1, 2)" in message
    assert "got 0.5, expected 0" in message
    assert "rtol=1e-06, atol=1e-08" in message


def test_assert_close_nan_actual_fails():
    with pytest.raises(AssertionError, match=r"index \(1,\): got nan"):
        assert_close([1.0, np.nan], [1.0, 2.0])


def test_assert_rel_error():
    assert_rel_error([1.0, 2.0], [1.0, 2.0 + 1e-9], "dx", tol=1e-6)
    with pytest.raises(AssertionError, match=r"`dx`.*is 0\.5.*at most 1e-06.*index \(1,\)"):
        assert_rel_error([1.0, 1.0], [1.0, 3.0], "dx", tol=1e-6)
    with pytest.raises(AssertionError, match="is nan"):
        assert_rel_error([np.nan], [1.0], "dx")


def test_check_gradient():
    check_gradient(np.array([1.0, 2.0]), np.array([1.0, 2.0]), "dW")
    with pytest.raises(AssertionError, match=r"`dW`.*numerical gradient.*backward pass"):
        check_gradient(np.array([1.0, 2.0]), np.array([1.0, 2.5]), "dW")
    with pytest.raises(
        AssertionError, match=r"\(2,\) but the numerical gradient has shape \(2, 1\)"
    ):
        check_gradient(np.ones(2), np.ones((2, 1)), "dW")


# ------------------------------------------------------------ objects built to lie


class Liar:
    """Every comparison and conversion says what a naive test wants to hear."""

    __eq__ = lambda self, other: True  # noqa: E731
    __ne__ = lambda self, other: False  # noqa: E731
    __lt__ = __le__ = __gt__ = __ge__ = __eq__
    __bool__ = lambda self: True  # noqa: E731
    __len__ = lambda self: 2  # noqa: E731
    __hash__ = object.__hash__
    __abs__ = __neg__ = lambda self: self  # noqa: E731
    __sub__ = __rsub__ = __add__ = __radd__ = __mul__ = __rmul__ = lambda self, other: 0.0  # noqa: E731

    def __getitem__(self, index):
        if index >= 2:
            raise IndexError(index)
        return self

    @property
    def shape(self):
        return (2,)

    @property
    def dtype(self):
        return np.dtype(np.float64)


class LyingFloat(float):
    """A float whose comparisons always succeed; its value is still its value."""

    __eq__ = lambda self, other: True  # noqa: E731
    __ne__ = lambda self, other: False  # noqa: E731
    __lt__ = __le__ = __gt__ = __ge__ = __eq__
    __hash__ = float.__hash__


class LyingInt(int):
    __eq__ = lambda self, other: True  # noqa: E731
    __ne__ = lambda self, other: False  # noqa: E731
    __hash__ = int.__hash__


class LyingStr(str):
    """A str that equals everything and prints as anything."""

    __eq__ = lambda self, other: True  # noqa: E731
    __ne__ = lambda self, other: False  # noqa: E731
    __hash__ = str.__hash__
    __str__ = __repr__ = lambda self: "saddle"  # noqa: E731


class ArrayWithLyingEq:
    """A fine __array__ but a lying __eq__: must be judged on the array."""

    def __init__(self, values):
        self.values = np.asarray(values, dtype=float)

    def __array__(self, dtype=None, copy=None):
        return self.values if dtype is None else self.values.astype(dtype)

    __eq__ = lambda self, other: True  # noqa: E731
    __ne__ = lambda self, other: False  # noqa: E731
    __hash__ = object.__hash__

    @property
    def shape(self):
        return (99,)


class LyingArray(np.ndarray):
    """An ndarray subclass whose NumPy functions, ufuncs, shape and dtype all lie."""

    def __array_function__(self, func, types, args, kwargs):
        return True

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return np.ones(3, dtype=bool)

    __eq__ = lambda self, other: True  # noqa: E731
    __ne__ = lambda self, other: False  # noqa: E731

    @property
    def shape(self):
        return (2,)

    @property
    def dtype(self):
        return np.dtype(np.float32)


def _lying_array(values):
    return np.asarray(values, dtype=float).view(LyingArray)


class PretendsToBeAFloat:
    """isinstance(x, float) holds through __class__; type(x) tells the truth."""

    @property
    def __class__(self):
        return float

    __eq__ = lambda self, other: True  # noqa: E731
    __float__ = lambda self: 1.0  # noqa: E731


class LyingList(list):
    """A list that claims other elements and another length than it holds."""

    def __len__(self):
        return 2

    def __getitem__(self, index):
        return 1.0


def test_lying_objects_really_lie():
    """The fakes fool plain comparisons, so the tests below mean something."""
    assert Liar() == 1.0 and not (Liar() != 1.0) and len(Liar()) == 2
    assert LyingFloat(5.0) == 1.0 and LyingInt(5) == 12301 and LyingStr("x") == "saddle"
    assert LyingStr("x") in ("saddle", "local minimum")
    assert ArrayWithLyingEq([1.0]) == [2.0]
    assert isinstance(PretendsToBeAFloat(), float)
    assert np.allclose(_lying_array([0.0, 0.0]), [1.0, 2.0]) is True
    assert np.sort(_lying_array([3.0, 1.0])) is True
    assert _lying_array([1.0, 2.0, 3.0]).shape == (2,)


@pytest.mark.parametrize(
    ("helper", "good"),
    [
        (lambda v: assert_close(v, [1.0, 2.0], "x"), [1.0, 2.0]),
        (lambda v: assert_rel_error(v, [1.0, 2.0], "x"), [1.0, 2.0]),
        (lambda v: check_gradient(v, np.array([1.0, 2.0]), "dW"), [1.0, 2.0]),
        (lambda v: assert_shape(v, (3,), "x"), [1.0, 2.0, 3.0]),
        (lambda v: assert_finite(v, "x"), [1.0, 2.0]),
        (lambda v: assert_type(v, float, "x"), 1.5),
        (lambda v: testing.numerical_gradient(lambda _: v, np.zeros(1)), 1.0),
    ],
    ids=["assert_close", "assert_rel_error", "check_gradient", "assert_shape", "assert_finite",
         "assert_type", "numerical_gradient"],
)
def test_every_assert_helper_rejects_an_always_equal_object(helper, good):
    helper(good)  # the helper works on the honest value
    for liar in (Liar(), PretendsToBeAFloat()):
        with pytest.raises(AssertionError):
            helper(liar)


def test_lying_float_is_judged_on_its_value():
    wrong = LyingFloat(5.0)
    with pytest.raises(AssertionError, match="got 5, expected 1"):
        assert_close(wrong, 1.0, "loss")
    with pytest.raises(AssertionError, match="relative error"):
        assert_rel_error(wrong, 1.0, "loss")
    with pytest.raises(AssertionError, match="numerical gradient"):
        check_gradient(wrong, 1.0, "db")
    assert rel_error(wrong, 1.0) == pytest.approx(4 / 6)
    assert type(as_float(wrong)) is float and as_float(wrong) == 5.0
    with pytest.raises(AssertionError, match=r"`loss` is nan"):
        assert_finite(LyingFloat("nan"), "loss")
    assert_close(LyingFloat(1.0), 1.0)  # a float subclass with the right value passes
    # Inside sequences and object arrays the element's value counts too.
    with pytest.raises(AssertionError, match=r"index \(1,\)"):
        assert_close([1.0, LyingFloat(5.0)], [1.0, 2.0], "x")
    with pytest.raises(AssertionError):
        assert_close(np.array([LyingFloat(5.0)], dtype=object), [2.0], "x")


def test_array_with_lying_eq_is_judged_on_its_array():
    liar = ArrayWithLyingEq([1.0, 5.0])
    assert_close(ArrayWithLyingEq([1.0, 2.0]), [1.0, 2.0])
    with pytest.raises(AssertionError, match=r"index \(1,\): got 5, expected 2"):
        assert_close(liar, [1.0, 2.0], "x")
    with pytest.raises(AssertionError, match="relative error"):
        assert_rel_error(liar, [1.0, 2.0], "x")
    with pytest.raises(AssertionError, match=r"has shape \(2,\) but expected shape \(99,\)"):
        assert_shape(liar, (99,), "x")  # its own `shape` attribute says (99,)
    assert_shape(liar, (2,), "x")
    with pytest.raises(AssertionError, match="non-finite"):
        assert_finite(ArrayWithLyingEq([1.0, np.inf]), "x")


def test_ndarray_subclass_cannot_lie_through_numpy_protocols():
    wrong = _lying_array([1.0, 5.0, 3.0])
    with pytest.raises(AssertionError, match=r"index \(1,\): got 5, expected 2"):
        assert_close(wrong, [1.0, 2.0, 3.0], "x")
    with pytest.raises(AssertionError, match="relative error"):
        check_gradient(wrong, np.array([1.0, 2.0, 3.0]), "dW")
    with pytest.raises(AssertionError, match=r"has shape \(3,\) but expected shape \(2,\)"):
        assert_shape(wrong, (2,), "x")
    with pytest.raises(AssertionError, match="non-finite"):
        assert_finite(_lying_array([1.0, np.nan, 0.0]), "x")
    converted = as_array(wrong)
    assert type(converted) is np.ndarray and converted.dtype == np.float64
    np.testing.assert_array_equal(converted, [1.0, 5.0, 3.0])
    assert rel_error(wrong, [1.0, 2.0, 3.0]) == pytest.approx(3 / 7)


def test_type_checks_use_the_real_type():
    with pytest.raises(AssertionError, match=r"should be of type float, got .*PretendsToBeAFloat"):
        assert_type(PretendsToBeAFloat(), float, "x")
    with pytest.raises(AssertionError, match="should be a number"):
        as_float(PretendsToBeAFloat(), "x")
    assert_type(LyingFloat(2.0), float, "x")  # a subclass is a float; compare with as_float
    with pytest.raises(AssertionError, match="should be a number"):
        as_array(Liar(), "x")  # its shape, dtype, __len__ and __getitem__ are not trusted


def test_lying_list_is_read_through_iteration_only():
    values = LyingList([1.0, 5.0, 3.0])
    np.testing.assert_array_equal(as_array(values), [1.0, 5.0, 3.0])
    with pytest.raises(AssertionError, match="expected shape"):
        assert_close(values, [1.0, 1.0], "x")


def test_torch_subclass_cannot_lie_through_torch_function():
    torch = pytest.importorskip("torch")

    class LyingTensor(torch.Tensor):
        @classmethod
        def __torch_function__(cls, func, types, args=(), kwargs=None):
            return torch.tensor([1.0, 2.0, 3.0])

    wrong = torch.tensor([1.0, 5.0, 3.0]).as_subclass(LyingTensor)
    with pytest.raises(AssertionError, match=r"got 5, expected 2"):
        assert_close(wrong, [1.0, 2.0, 3.0], "x")
    np.testing.assert_array_equal(as_array(torch.nn.Parameter(torch.ones(2))), [1.0, 1.0])


def test_self_referencing_objects_fail_with_an_assertion():
    class Loop:
        def __array__(self, dtype=None, copy=None):
            out = np.empty(1, dtype=object)
            out[0] = self
            return out

    nested = []
    nested.append(nested)
    for value in (Loop(), nested):
        with pytest.raises(AssertionError):
            assert_close(value, [1.0], "x")


def test_as_int():
    assert as_int(12301) == 12301 and type(as_int(np.int64(7))) is int
    assert type(as_int(LyingInt(5))) is int
    assert as_int(LyingInt(5)) != 12301  # the lie is gone after conversion
    with pytest.raises(AssertionError, match=r"`count` should be an int, got float \(3\.0\)"):
        as_int(3.0, "count")
    with pytest.raises(AssertionError, match="bool is not accepted"):
        as_int(True, "count")
    with pytest.raises(AssertionError, match="bool is not accepted"):
        as_int(np.bool_(True), "count")
    for value in (Liar(), "3", None, PretendsToBeAFloat(), np.array([3])):
        with pytest.raises(AssertionError, match="`count` should be an int"):
            as_int(value, "count")


def test_as_str():
    assert as_str("saddle") == "saddle" and type(as_str(np.str_("a"))) is str
    plain = as_str(LyingStr("banana"), "kind")
    assert type(plain) is str and plain == "banana"  # the stored characters, not __str__
    assert plain not in ("saddle", "local minimum")
    for value in (Liar(), 3, None, b"saddle"):
        with pytest.raises(AssertionError, match="`kind` should be a str"):
            as_str(value, "kind")


def test_as_dict():
    class LyingDict(dict):
        __contains__ = lambda self, key: True  # noqa: E731
        __getitem__ = lambda self, key: 1.0  # noqa: E731

        def keys(self):
            return ["W1", "b1"]

        def items(self):
            return [("W1", 1.0), ("b1", 1.0)]

    plain = as_dict(LyingDict(W1=[5.0]), "params")
    assert type(plain) is dict and plain == {"W1": [5.0]}
    assert "b1" not in plain
    keyed = as_dict({LyingStr("loss"): 1.0}, "history")
    assert [type(k) for k in keyed] == [str] and list(keyed) == ["loss"]
    assert "val_loss" not in keyed
    with pytest.raises(AssertionError, match=r"`params` should be a dict, got list"):
        as_dict([("W1", 1.0)], "params")
    with pytest.raises(AssertionError, match="keys of `params` should be strings.*Liar"):
        as_dict({Liar(): 1.0}, "params")


# ----------------------------------------------------------------- context managers


def test_forbid_module_attribute():
    original = np.exp
    with forbid(np, "exp", reason="implement it with a loop"):
        with pytest.raises(AssertionError, match=r"`np\.exp` is not allowed here: implement it"):
            np.exp(1.0)
        assert np.log(1.0) == 0.0  # other functions still work
    assert np.exp is original


def test_forbid_submodule_display_name():
    with forbid(np.linalg, "inv"), pytest.raises(AssertionError, match=r"`np\.linalg\.inv`"):
        np.linalg.inv(np.eye(2))


def test_forbid_restores_after_exception_and_skips_missing_names():
    module = types.ModuleType("helpers")
    module.solve = lambda: "solved"
    with pytest.raises(ZeroDivisionError), forbid(module, "solve", "no_such_name"):
        assert not hasattr(module, "no_such_name")
        1 / 0  # noqa: B018
    assert module.solve() == "solved"
    assert not hasattr(module, "no_such_name")


def test_forbid_dict_like_notebook_globals():
    namespace = {"sorted": sorted, "x": 1}
    with forbid(namespace, "sorted", "missing", reason="sort by hand"):
        with pytest.raises(AssertionError, match=r"`sorted` is not allowed here: sort by hand"):
            namespace["sorted"]([2, 1])
        assert "missing" not in namespace
    assert namespace == {"sorted": sorted, "x": 1}


def test_forbid_class_keeps_staticmethod_and_inherited_attributes():
    class Base:
        def fit(self):
            return "base"

    class Model(Base):
        @staticmethod
        def helper():
            return "static"

    model = Model()
    with forbid(Model, "helper", "fit"), pytest.raises(AssertionError, match=r"`Model\.fit`"):
        model.fit()
    assert Model.helper() == "static" and model.helper() == "static"
    assert "fit" not in Model.__dict__ and model.fit() == "base"


def test_no_warnings_catches_overflow():
    with pytest.raises(AssertionError, match="overflow encountered in exp"):
        with no_warnings():
            np.exp(np.array(1000.0))


def test_no_warnings_catches_zero_divided_by_zero():
    with pytest.raises(AssertionError, match="invalid value encountered in divide"):
        with no_warnings():
            np.array(0.0) / np.array(0.0)


def test_no_warnings_catches_python_warnings_and_allows_underflow():
    with pytest.raises(AssertionError, match="UserWarning: careful"):
        with no_warnings():
            warnings.warn("careful", stacklevel=1)
    with no_warnings():
        assert np.exp(np.array(-1000.0)) == 0.0  # underflow is fine


def test_no_warnings_restores_state():
    before = np.geterr()
    with pytest.raises(AssertionError), no_warnings():
        np.exp(np.array(1000.0))
    assert np.geterr() == before
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        np.exp(np.array(1000.0))  # only a warning again, no exception
    assert any("overflow" in str(w.message) for w in caught)


def test_fp_errors_raises_an_assertion_with_the_advice_and_keeps_the_other_settings():
    before = np.geterr()
    with pytest.raises(AssertionError, match=r"overflow encountered in exp\): shift the logits"):
        with testing.fp_errors(over="raise", divide="ignore", advice="shift the logits"):
            assert np.log(np.array(0.0)) == -np.inf  # divide is ignored as asked
            np.exp(np.array(1000.0))
    assert np.geterr() == before


def test_helpers_work_inside_no_warnings():
    with no_warnings():
        assert math.isnan(rel_error([np.inf], [np.inf]))
        with pytest.raises(AssertionError):
            assert_close([np.inf, 1.0], [1.0, 1.0])


def test_import_is_cheap():
    code = (
        "import sys, utils, utils.testing, utils.budget; "
        "heavy = [m for m in ('matplotlib', 'torch', 'tensorflow') if m in sys.modules]; "
        "assert not heavy, heavy"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_public_api_is_listed():
    for name in testing.__all__:
        assert callable(getattr(testing, name)), name
