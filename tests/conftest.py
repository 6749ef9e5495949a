"""Shared test configuration (kept import-light: the unit tests also run on
Python 3.9 without the server extras)."""
