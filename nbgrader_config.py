"""nbgrader configuration for the course.

Read by plain ``nbgrader ...`` commands run from the repository root and by the
``course`` command, so both grade the same way.
"""

from course_tools.feedback import feedback_template_dirs
from course_tools.starter import GENERATE_ASSIGNMENT_PREPROCESSORS
from course_tools.stderr_rule import use_in_validator

c = get_config()  # noqa: F821  (provided by traitlets when nbgrader loads this file)

c.CourseDirectory.course_id = "dl-fundamentals"

# Stubs the release shows in place of the reference solutions.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Repair exercises: a solution cell may carry starter code (course_tools/starter.py)
# that the release shows instead of the stub.
c.GenerateAssignment.preprocessors = GENERATE_ASSIGNMENT_PREPROCESSORS

# Autograding executes student code in a bubblewrap sandbox (course_tools/sandbox.py)
# instead of nbgrader's own Execute step; everything else is nbgrader's pipeline.
c.Autograde.autograde_preprocessors = [
    "course_tools.sandboxed_execute.SandboxedExecute",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]
# A test cell the student deleted is put back and graded, not silently skipped
# (course_tools/restore_cells.py: nbgrader's own placement fails for some deletions).
c.OverwriteCells.add_missing_cells = True
c.Autograde.sanitize_preprocessors = [
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "course_tools.restore_cells.RestoreDeletedCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# Only an error costs a test cell its points: what it writes to stderr (a progress bar,
# a library warning) is shown as text (course_tools/stderr_rule.py). SandboxedExecute
# applies it when grading; `nbgrader validate` and the Validate button run nbgrader's
# Validator, whose steps are not configurable: this puts the rule into its Execute step.
use_in_validator()

# Limits while autograding: the defaults are declared once, in course_tools.sandbox.Limits
# (the README's "Grading integrity" lists them). Under NBGRADER_EXECUTION the notebooks use
# the grading budget (utils.budget): the slowest cell takes well under a minute and a whole
# notebook about two on a 2-core laptop, and no kernel needs more than 2 GiB, so the limits
# leave room for a slow machine while still stopping a runaway cell, a fork bomb or a
# memory hog. Change one here, for example:
#   c.SandboxedExecute.cell_timeout = 300

# Feedback (course_tools/feedback.py): nbgrader's pipeline and its feedback template,
# extended by the course's (course_tools/feedback_templates/feedback). Students get
# it without the hidden tests (nbgrader's own shows the full test cells and their
# tracebacks), with a summary at the top, "not graded yet" for answers no one graded,
# formulas typeset by a MathJax written beside the page (no network), and the Markdown
# and HTML of the notebook sanitised (no scripts).
c.GenerateFeedback.preprocessors = [
    "course_tools.feedback.GetFeedbackGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "course_tools.feedback.RedactHiddenTests",
    "course_tools.feedback.SummarizeFeedback",
    "course_tools.feedback.LimitRichOutputs",
    "course_tools.feedback.AddLocalMathJax",
]
c.HTMLExporter.extra_template_basedirs = feedback_template_dirs()
c.HTMLExporter.template_file = "course_feedback.html.j2"
c.HTMLExporter.sanitize_html = True
c.HTMLExporter.filters = {"clean_html": "course_tools.feedback.clean_html"}

# ------------------------------------------------- deadlines, late penalties, similarity
# Due dates (course_tools/deadlines.py), one per assignment, each with its time zone, e.g.
#   c.Deadlines.due_dates = {"hw1_foundations": "2026-10-23 23:59 Europe/Berlin"}
# nbgrader's AssignLatePenalties compares a due date with the submission's timestamp.txt
# (`course collect` writes it from the LMS's archive) and asks the plugin below for the
# penalty; RecordDueDates puts the due date into the gradebook just before, so this is the
# one place to set it (one set in the formgrader is replaced at the next autograde). An
# assignment without a due date is never late.
c.Deadlines.due_dates = {}
c.Autograde.autograde_preprocessors.insert(
    c.Autograde.autograde_preprocessors.index("nbgrader.preprocessors.AssignLatePenalties"),
    "course_tools.deadlines.RecordDueDates")
# A late notebook loses 10% of its points per started day, at most half of them. nbgrader
# computes it at autograde, from the autograded points (hand-graded ones come later).
c.AssignLatePenalties.plugin_class = "course_tools.deadlines.PenaltyPerStartedDay"
c.PenaltyPerStartedDay.fraction_per_day = 0.1
c.PenaltyPerStartedDay.max_fraction = 0.5
# `course report` (course_tools/similarity.py) lists the pairs of submissions whose answer
# cells are at least this similar: the larger of the two shares of one's code (copydetect's
# fingerprints, starter code removed) found in the other's. A reason to look, not a verdict.
c.SimilarityReport.threshold = 0.6
