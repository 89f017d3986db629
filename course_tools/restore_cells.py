"""nbgrader's OverwriteCells, with deleted graded cells put back wherever they were deleted.

nbgrader 0.9 puts a deleted graded cell back after the course cell that came
just before it in the source, and stops grading the whole submission with a
KeyError when that cell is missing too: a deleted answer together with its
test, or a deleted written answer (the cell before it is a locked statement,
which nbgrader's placement does not look for). Here a deleted cell goes after
the nearest earlier course cell that is still in the notebook, or first.
"""

from __future__ import annotations

from nbformat.corpus.words import generate_corpus_id
from nbgrader.preprocessors import OverwriteCells

from .cells import grade_id


class RestoreDeletedCells(OverwriteCells):
    """OverwriteCells whose ``add_missing_cells`` works for any set of deleted cells.

    It reads the ``OverwriteCells`` section of the configuration, as its parent does.
    """

    def missing_cell_transform(self, source_cell, max_score, is_solution=False, is_task=False):
        cell = super().missing_cell_transform(source_cell, max_score, is_solution, is_task)
        cell.setdefault("id", generate_corpus_id())  # nbformat 4.5 wants every cell to have one
        return cell

    def add_missing_grade_cells(self, nb, resources):
        source_nb = self.gradebook.find_notebook(self.notebook_id, self.assignment_id)
        order = [cell.name for cell in source_nb.source_cells]
        source_cells = dict(zip(order, source_nb.source_cells))
        solutions = {cell.name for cell in source_nb.solution_cells}
        grade_cells = sorted(source_nb.grade_cells,
                             key=lambda cell: order.index(cell.name) if cell.name in order else -1)
        for grade_cell in grade_cells:
            present = {grade_id(cell): index
                       for index, cell in enumerate(nb.cells)}
            if grade_cell.name in present or grade_cell.name not in source_cells:
                continue
            self.log.warning("Missing grade cell %s encountered, adding to notebook",
                             grade_cell.name)
            earlier = [present[name] for name in order[:order.index(grade_cell.name)]
                       if name in present]
            cell = self.missing_cell_transform(source_cells[grade_cell.name],
                                               grade_cell.max_score,
                                               is_solution=grade_cell.name in solutions)
            nb.cells.insert(max(earlier) + 1 if earlier else 0, cell)
        return nb, resources
