"""The package version, on its own so formats and the cache can read it without importing the
pipeline (and so `factcheck --version` costs nothing)."""

__version__ = "0.1.0"
