"""End-to-end tests: JupyterLab in headless Chromium (a package, so that its conftest does
not take the place of tests/conftest.py, which the other test modules import by name)."""
