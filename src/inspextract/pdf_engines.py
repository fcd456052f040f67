"""The PDF text engines a user can choose, and the default (no imports here: the CLI reads it at start-up).

pdfium is the default: on the rendered dev corpora both engines give the same records (score.py overall
0.997, every field equal), and pdfium parses the 100-page benchmark report 7 to 10 times as fast.
pdfplumber remains for right-to-left scripts, which it reads in logical order (see README, PDF engines).
"""

PDF_ENGINES = ("pdfium", "pdfplumber")
DEFAULT_PDF_ENGINE = "pdfium"
