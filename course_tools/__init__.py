"""Instructor tooling for the course, exposed as the ``course`` command."""

import sys

# jsonschema, which nbformat imports, loads the optional rfc3987_syntax package (when
# jupyter-events has it installed) for its "iri" format checks, and that package builds a
# grammar at import: 1.5-2.6 s in every process, the grading runner of each notebook
# included. Neither nbformat's schema nor the course uses those formats; without the
# package jsonschema simply does not check them.
sys.modules.setdefault("rfc3987_syntax", None)
