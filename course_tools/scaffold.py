"""`course new`: write a new assignment's files, already in the form CONTRIBUTING.md asks for.

The scaffold is one tiny but real exercise (the gradient of a line's mean squared error,
checked against finite differences), so that every rule the course's tests enforce holds
from the start: the points sentence, tests that fail on the release and pass on the
reference, wrong and correct variants, a fairness case and a budget entry. The author then
replaces the example with the homework's own parts.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from utils.budget import read_budgets

from .course import Course, CourseError

ASSIGNMENT_ID = re.compile(r"hw([1-9][0-9]*)_[a-z][a-z0-9]*(_[a-z0-9]+)*")
MAX_ID_LENGTH = 40
BUDGET_FILE = Path("utils") / "budgets.toml"
FAIRNESS_DIR = Path("tests") / "fairness"
FUNCTION = "mse_gradient"
AUTO_POINTS = {"test_mse_gradient_intercept": 30, "test_mse_gradient_slope": 40}
MANUAL_POINTS = 30


@dataclass(frozen=True)
class NewAssignment:
    """Where a new assignment's files go, and the names it introduces."""

    course: Course
    assignment: str

    @property
    def number(self) -> int:
        return int(ASSIGNMENT_ID.fullmatch(self.assignment)[1])

    @property
    def budget_name(self) -> str:
        return f"hw{self.number}_line_descent"

    @property
    def notebook(self) -> Path:
        return self.course.source_dir / self.assignment / f"{self.assignment}.ipynb"

    @property
    def folders(self) -> list[Path]:
        """The assignment's own folders: none of them may exist yet."""
        root = self.course.root
        return [self.course.source_dir / self.assignment, self.course.release_dir / self.assignment,
                root / "samples" / self.assignment, root / FAIRNESS_DIR / self.assignment]


def id_problem(assignment: str) -> str | None:
    """Why `assignment` cannot be an assignment id, or None."""
    if len(assignment) > MAX_ID_LENGTH or not ASSIGNMENT_ID.fullmatch(assignment):
        return (f"{assignment!r} is not an assignment id: write hw<number>_<topic> in "
                f"lowercase letters, digits and underscores, at most {MAX_ID_LENGTH} "
                "characters, e.g. hw6_attention (it names the folders, the nbgrader "
                "assignment and the notebook)")
    return None


def check_new(new: NewAssignment) -> None:
    """Raise CourseError, saying what to do, unless `new` can be written without touching
    anything that exists."""
    problem = id_problem(new.assignment)
    if problem:
        raise CourseError(problem)
    taken = [p for p in new.folders if p.exists()]
    if taken:
        listed = ", ".join(str(p.relative_to(new.course.root)) for p in taken)
        raise CourseError(
            f"{listed} already exist(s): `course new` never overwrites. Choose another id, or "
            "delete these folders first if they are left over from an earlier try")
    existing = new.course.assignments()
    same_number = [a for a in existing if a.startswith(f"hw{new.number}_")]
    if same_number:
        free = 1 + max(int(m[1]) for a in existing if (m := ASSIGNMENT_ID.fullmatch(a)))
        raise CourseError(
            f"hw{new.number} is already {same_number[0]}, and budget names start with the "
            f"homework's number: pick a free one (e.g. hw{free})")
    if new.budget_name in _budget_names(new.course.root / BUDGET_FILE):
        raise CourseError(f"{BUDGET_FILE} already has a budget {new.budget_name!r}: remove it "
                          "or choose another assignment number")


def scaffold(course: Course, assignment: str) -> list[Path]:
    """Write the new assignment `assignment` into `course`; returns the files written or
    changed. Nothing is written when any check fails."""
    new = NewAssignment(course, assignment)
    check_new(new)
    budget_file = course.root / BUDGET_FILE
    budget_text = _with_budget_entry(budget_file.read_text(), new)
    files = {new.notebook: nbformat.writes(_notebook(new))}
    for relative, text in _variants(new).items():
        files[course.root / relative] = text
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x") as out:  # "x": fail rather than overwrite
            out.write(text)
    replacement = budget_file.with_name(budget_file.name + ".new")
    replacement.write_text(budget_text)
    os.replace(replacement, budget_file)
    return [*files, budget_file]


# ------------------------------------------------------------------------ the budget entry

def _budget_names(path: Path) -> set[str]:
    if not path.is_file():
        raise CourseError(f"{path} is missing: run `course new` in the course repository, "
                          f"whose {BUDGET_FILE} holds the training budgets")
    try:
        return set(read_budgets(path))
    except ValueError as error:  # invalid TOML or a budget that does not check
        raise CourseError(f"{error}: repair it first") from None


def _with_budget_entry(text: str, new: NewAssignment) -> str:
    """The budgets file's text with the new experiment's two tables at the end."""
    entry = f"""
# {new.assignment}: gradient descent on a line (the example `course new` wrote; replace it
# with the homework's own experiments).
[{new.budget_name}.full]
epochs = 200
train_size = 200
note = "epochs = full-batch gradient-descent steps"

[{new.budget_name}.grading]
epochs = 20
train_size = 50
note = "a few steps on a few points: checks the loop runs"
"""
    changed = text.rstrip("\n") + "\n" + entry
    tomllib.loads(changed)  # a file this cannot extend stops here, before anything is written
    return changed


# ------------------------------------------------------------------------------ the notebook

def _cell_metadata(grade_id: str, *, grade: bool = False, solution: bool = False,
                   locked: bool = False, points: int | None = None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def _markdown(grade_id: str, text: str, **kind) -> nbformat.NotebookNode:
    cell = new_markdown_cell(text, metadata=_cell_metadata(grade_id, **kind))
    cell.id = grade_id.replace("_", "-")
    return cell


def _code(grade_id: str, text: str, **kind) -> nbformat.NotebookNode:
    cell = new_code_cell(text, metadata=_cell_metadata(grade_id, **kind))
    cell.id = grade_id.replace("_", "-")
    return cell


def _notebook(new: NewAssignment) -> nbformat.NotebookNode:
    auto = sum(AUTO_POINTS.values())
    topic = new.assignment.split("_", 1)[1].replace("_", " ")
    intro = f"""\
# Homework {new.number} — {topic.capitalize()}

*(Written by `course new`: replace the example part below with the homework's own parts,
keeping the form; CONTRIBUTING.md describes it.)*

This homework differentiates the mean squared error of a straight line by hand, checks
the result against finite differences, and trains the line by gradient descent.

**Points: 100 in total = {auto} autograded + {MANUAL_POINTS} graded by hand.**

| part | topic | autograded | by hand |
|---|---|---|---|
| 1 | gradient of a line's squared error | {auto} | {MANUAL_POINTS} |

How to work:

* Replace every `raise NotImplementedError()` with your code. Keep the function
  names and arguments exactly as given: the grader calls them.
* Each function is followed by test cells. The visible tests catch the common
  mistakes; hidden tests run when your work is graded, on other inputs, so make
  your code correct in general rather than for the examples.
* Written answers go in the cells that say `YOUR ANSWER HERE`. Use LaTeX
  (`$...$`) for mathematics.
* Run the whole notebook from the top (*Kernel → Restart and Run All*) before you
  submit, and use the *Validate* button.
"""
    setup = """\
import numpy as np

from utils import plotting
from utils.budget import describe_budget, get_budget
from utils.data import linear_regression_data
from utils.testing import as_float, assert_close, numerical_gradient
"""
    statement = r"""## Part 1 — The gradient of a line's squared error

A line $\hat y = w x + b$ is fitted to $n$ points $(x_i, y_i)$ by minimising the mean
squared error

$$E(w, b) = \frac{1}{n} \sum_{i=1}^{n} \left(w x_i + b - y_i\right)^2 .$$

Write `mse_gradient(w, b, x, y)`, which returns the pair
$\left(\partial E / \partial w,\ \partial E / \partial b\right)$ as two numbers. `w` and
`b` are floats; `x` and `y` are 1-D arrays of the same length $n \ge 1$.
"""
    solution = f'''\
def {FUNCTION}(w, b, x, y):
    """Gradient (dE/dw, dE/db) of the mean squared error of the line w * x + b.

    Args:
        w, b: slope and intercept of the line.
        x, y: 1-D arrays of inputs and targets, of the same length.

    Returns:
        The pair (dE/dw, dE/db).
    """
    ### BEGIN SOLUTION
    x = np.asarray(x, dtype=float)
    residual = w * x + b - np.asarray(y, dtype=float)
    return float(2 * np.mean(residual * x)), float(2 * np.mean(residual))
    ### END SOLUTION
'''
    intercept_test = f'''\
# The statement's example: x = (0, 1), y = (1, 3) and the line w = b = 0 (residuals -1, -3).
example = tuple({FUNCTION}(0.0, 0.0, np.array([0.0, 1.0]), np.array([1.0, 3.0])))
assert len(example) == 2, f"return the pair (dE/dw, dE/db), got {{len(example)}} values"
assert_close(as_float(example[1], "dE/db"), -4.0, name="dE/db in the example")


def _line_error(params, x, y):
    """E(w, b) of the statement, with params = (w, b)."""
    return np.mean((params[0] * x + params[1] - y) ** 2)


def _gradient_cases(seed):
    """(w, b, x, y, the gradient by centred finite differences of E) on random lines."""
    rng = np.random.default_rng(seed)
    for n in (1, 2, 7, 50):
        x, y, params = rng.normal(size=n), rng.normal(size=n), rng.normal(size=2)
        numeric = numerical_gradient(lambda p, x=x, y=y: _line_error(p, x, y), params.copy())
        yield float(params[0]), float(params[1]), x, y, numeric


### BEGIN HIDDEN TESTS
for _w, _b, _x, _y, _numeric in _gradient_cases(61):
    _got = as_float(tuple({FUNCTION}(_w, _b, _x, _y))[1], "dE/db")
    assert_close(_got, _numeric[1], name=f"dE/db for {{len(_x)}} points", rtol=1e-6, atol=1e-8)
### END HIDDEN TESTS
'''
    slope_test = f'''\
example = tuple({FUNCTION}(0.0, 0.0, np.array([0.0, 1.0]), np.array([1.0, 3.0])))
assert_close(as_float(example[0], "dE/dw"), -3.0, name="dE/dw in the example")
### BEGIN HIDDEN TESTS
for _w, _b, _x, _y, _numeric in _gradient_cases(62):
    _got = as_float(tuple({FUNCTION}(_w, _b, _x, _y))[0], "dE/dw")
    assert_close(_got, _numeric[0], name=f"dE/dw for {{len(_x)}} points", rtol=1e-6, atol=1e-8)
### END HIDDEN TESTS
'''
    experiment_intro = f"""\
The cell below trains the line by gradient descent with your `{FUNCTION}`. (When the
notebook is graded it takes fewer steps on fewer points: the budget line it prints says
which.)
"""
    experiment = f'''\
descent = get_budget("{new.budget_name}")
print(describe_budget("{new.budget_name}"))
x_data, y_data, _ = linear_regression_data(n=descent.train_size, noise=0.3, seed=0)
x_data = x_data[:, 0]
w, b, losses = 0.0, 0.0, []
for epoch in range(descent.epochs):
    dw, db = {FUNCTION}(w, b, x_data, y_data)
    w, b = w - 0.1 * dw, b - 0.1 * db
    losses.append(float(np.mean((w * x_data + b - y_data) ** 2)))
    if epoch % max(1, descent.epochs // 10) == 0 or epoch == descent.epochs - 1:
        print(f"epoch {{epoch + 1:4d}}: mean squared error {{losses[-1]:.4f}}")
fig = plotting.plot_error_curves(list(range(1, len(losses) + 1)), {{"training": losses}},
                                 xlabel="epoch", ylabel="mean squared error",
                                 title="Gradient descent on a line")
'''
    question = rf"""**Question 1 ({MANUAL_POINTS} points).** Set both partial derivatives to
zero and solve for $w$ and $b$. Why is that point the minimum of $E$ and not a saddle point?
What changes when all $x_i$ are equal?
"""
    answer = r"""**Model answer.** Write $\bar x$, $\bar y$, $\overline{x^2}$ and
$\overline{xy}$ for the means over the points. Then
$\partial E/\partial w = 2\,(w\,\overline{x^2} + b\,\bar x - \overline{xy})$ and
$\partial E/\partial b = 2\,(w\,\bar x + b - \bar y)$. The second gives
$b = \bar y - w \bar x$; put into the first,
$w\,(\overline{x^2} - \bar x^2) = \overline{xy} - \bar x \bar y$, so
$w = \operatorname{cov}(x, y) / \operatorname{var}(x)$ and $b = \bar y - w \bar x$.

The Hessian is constant,
$H = 2 \begin{pmatrix} \overline{x^2} & \bar x \\ \bar x & 1 \end{pmatrix}$, with trace
$> 0$ and determinant $4 \operatorname{var}(x)$. When the $x_i$ are not all equal it is
positive definite: $E$ is a convex quadratic and the stationary point is its unique
minimum. When all $x_i$ equal some $x_0$, $\operatorname{var}(x) = 0$ and $H$ is singular:
every line with $w x_0 + b = \bar y$ is a minimiser, and $w$ is not determined.

Rubric: 10 points for the two equations and their solution, 10 for the convexity
argument (Hessian or another valid one), 10 for the case of equal $x_i$.
"""
    nb = new_notebook(cells=[
        _markdown("intro", intro, locked=True),
        _code("setup", setup, locked=True),
        _markdown("part1_statement", statement, locked=True),
        _code(FUNCTION, solution, solution=True),
        *[_code(grade_id, text, grade=True, locked=True, points=AUTO_POINTS[grade_id])
          for grade_id, text in (("test_mse_gradient_intercept", intercept_test),
                                 ("test_mse_gradient_slope", slope_test))],
        _markdown("part1_experiment", experiment_intro, locked=True),
        new_code_cell(experiment, id="line-descent"),
        _markdown("part1_question", question, locked=True),
        _markdown("answer_line_minimum", answer, grade=True, solution=True,
                  points=MANUAL_POINTS),
    ], metadata={
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                       "name": "python3"},
        "language_info": {"name": "python"},
    })
    for cell in nb.cells:  # one line per string in the JSON, as the course's notebooks
        cell.source = cell.source.rstrip("\n")
    nbformat.validate(nb)
    return nb


# ------------------------------------------------------------------------------ the variants

def _variants(new: NewAssignment) -> dict[Path, str]:
    """Variant files (course_tools/variants.py) by path relative to the course root."""
    samples = Path("samples") / new.assignment
    fairness = FAIRNESS_DIR / new.assignment
    both = "test_mse_gradient_intercept test_mse_gradient_slope"
    return {
        samples / "wrong" / "slope_without_x.py": f"""\
# replaces: {FUNCTION}
# expect-fail: test_mse_gradient_slope
# why: forgets the inner derivative x_i in dE/dw and treats the slope like the intercept
# in-sample: yes
# patch:
#-    return float(2 * np.mean(residual * x)), float(2 * np.mean(residual))
#+    return float(2 * np.mean(residual)), float(2 * np.mean(residual))
""",
        samples / "wrong" / "no_factor_two.py": f"""\
# replaces: {FUNCTION}
# expect-fail: {both}
# why: drops the 2 from the derivative of the square (the gradient of E / 2)
# patch:
#-    return float(2 * np.mean(residual * x)), float(2 * np.mean(residual))
#+    return float(np.mean(residual * x)), float(np.mean(residual))
""",
        samples / "correct" / "design_matrix.py": f"""\
# replaces: {FUNCTION}
# why: the least-squares gradient 2/n X^T (X theta - y) with a column of ones for b
def {FUNCTION}(w, b, x, y):
    design = np.column_stack([x, np.ones(len(x))])
    residual = design @ np.array([w, b]) - y
    return tuple(2 / len(y) * design.T @ residual)
""",
        fairness / "correct" / "loop_with_log.py": f"""\
# replaces: {FUNCTION}
# why: a plain loop over the points that reports its work on stderr, as a log line does
import sys


def {FUNCTION}(w, b, x, y):
    n = len(x)
    print(f"{FUNCTION} over {{n}} points", file=sys.stderr)
    dw = db = 0.0
    for xi, yi in zip(x, y):
        r = w * xi + b - yi
        dw += 2 * r * xi / n
        db += 2 * r / n
    return dw, db
""",
    }
