"""Shared helpers for the course notebooks: data, plots, test helpers and budgets."""
