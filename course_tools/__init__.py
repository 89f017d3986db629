"""Instructor tooling for the course, exposed as the ``course`` command."""
