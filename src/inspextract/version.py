"""The package's version, in a module of its own: the pipeline stamps it on every record without importing
the package root, which imports the pipeline (for `inspextract.parse`)."""

__version__ = "0.1.0"
