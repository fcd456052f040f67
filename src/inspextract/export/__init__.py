"""Records as tables for analysts: a SQLite database (with full-text search) and CSV files.

`inputs` reads records and errors, `tables` defines the tables (the one home of their names and columns),
`database` writes SQLite, `csv_files` writes CSV, `api` runs an export, `sink` serves `batch --sqlite`,
`describe` prints the tables for people.
"""

from inspextract.export.api import ExportSummary, export
from inspextract.export.database import Change, DatabaseRefused
from inspextract.export.describe import describe
from inspextract.export.inputs import BadRecord, FutureRecord
from inspextract.export.tables import LAYOUT_VERSION, TABLES

__all__ = [
    "LAYOUT_VERSION",
    "TABLES",
    "BadRecord",
    "Change",
    "DatabaseRefused",
    "ExportSummary",
    "FutureRecord",
    "describe",
    "export",
]
