"""nbgrader configuration for the course.

Read by plain ``nbgrader ...`` commands run from the repository root and by the
``course`` command, so both grade the same way.
"""

from course_tools.starter import GENERATE_ASSIGNMENT_PREPROCESSORS

c = get_config()  # noqa: F821  (provided by traitlets when nbgrader loads this file)

c.CourseDirectory.course_id = "dl-fundamentals"

# Stubs the release shows in place of the reference solutions.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Repair exercises: a solution cell may carry starter code (course_tools/starter.py)
# that the release shows instead of the stub.
c.GenerateAssignment.preprocessors = GENERATE_ASSIGNMENT_PREPROCESSORS

# Per-cell limit while autograding. Under NBGRADER_EXECUTION the notebooks use
# the grading budget (utils.budget), where the slowest cell takes well under a
# minute on a 2-core laptop; three minutes leaves room for a slow machine while
# still stopping a runaway cell.
c.Execute.timeout = 180
c.Execute.interrupt_on_timeout = True

# Students get feedback without the hidden tests: nbgrader's own feedback
# shows the full test cells and their tracebacks.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "course_tools.feedback.RedactHiddenTests",
]
