"""What a test cell wrote to stderr is shown to the reader and never costs points.

nbgrader's ``determine_grade`` scores a test cell zero when it has any stderr
output, even when every assert passed: a progress bar in a student's training
loop, a library's warning or TensorFlow's start-up log line would cost a correct
answer its points. In this course only an error costs points; a test that means
to forbid warnings says so (``utils.testing.no_warnings`` raises).

The rule is applied in one place, to the outputs of test cells once they ran:

* autograding (``course autograde``, plain ``nbgrader autograde`` and the
  formgrader's button) through ``SandboxedExecute``;
* ``nbgrader validate`` and the Validate button, through :class:`ExecuteShowingStderr`,
  nbgrader's own ``Execute`` with the rule added. nbgrader's Validator does not
  let its steps be configured, so ``nbgrader_config.py`` calls
  :func:`use_in_validator`, which puts it in place of ``Execute`` in the
  Validator's default steps. Where nbgrader's configuration is not loaded (a
  notebook validated outside the course folder), Validate keeps nbgrader's rule
  and calls a cell with stderr output failed.
"""

from __future__ import annotations

from nbformat import NotebookNode
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute

from .cells import is_test_cell

STDERR_NOTE = "[written to stderr, shown here; it costs no points]\n"


def _is_stderr(output) -> bool:
    return output.get("output_type") == "stream" and output.get("name") == "stderr"


def stderr_as_text(outputs: list) -> list:
    """`outputs` with each stderr stream turned into stdout, after one note saying so."""
    if not any(_is_stderr(o) for o in outputs):
        return outputs
    shown: list = []
    noted = False
    for output in outputs:
        if not _is_stderr(output):
            shown.append(output)
            continue
        if not noted:
            shown.append(new_output("stream", name="stdout", text=STDERR_NOTE))
            noted = True
        shown.append(new_output("stream", name="stdout", text=output.get("text", "")))
    return shown


def show_test_stderr_as_text(notebook: NotebookNode) -> None:
    """Apply the rule to every test cell of an executed notebook."""
    for cell in notebook.cells:
        if is_test_cell(cell) and cell.get("outputs"):
            cell.outputs = stderr_as_text(cell.outputs)


class ExecuteShowingStderr(Execute):
    """nbgrader's Execute step, with the course's stderr rule applied to each test cell.

    As a subclass it also reads the ``Execute`` section of the configuration.
    """

    def on_cell_executed(self, **kwargs) -> None:
        super().on_cell_executed(**kwargs)
        cell = kwargs["cell"]
        if is_test_cell(cell):
            cell.outputs = stderr_as_text(cell.outputs)


def use_in_validator() -> None:
    """Make nbgrader's Validator execute notebooks with :class:`ExecuteShowingStderr`."""
    from nbgrader.validator import Validator

    trait = Validator.class_traits()["preprocessors"]
    (steps,) = trait.default_args  # a List trait builds each instance's list from these
    trait.default_args = ([ExecuteShowingStderr if step is Execute else step for step in steps],)
