"""Extractors: one module per family of fields, each filling its part of a `Report`."""
