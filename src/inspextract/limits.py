"""Limits for untrusted input: every reader and the pipeline honour them."""

from __future__ import annotations

from dataclasses import dataclass

from inspextract.errors import TooLarge

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Size, page and time budgets for one document.

    Defaults are set well above the largest real reports seen (about 200 pages, 5 MB) so that only
    hostile or runaway inputs meet them.
    """

    max_bytes: int = 200 * MiB
    max_pages: int = 5000
    # Per-document wall-clock budget; None = no limit (library default). The CLI sets its own default.
    timeout_s: float | None = None
    # Total inflated size of a compressed container's parts (DOCX zip members, PDF streams).
    max_inflated_bytes: int = 256 * MiB
    # Saved web pages larger than this are not articles.
    max_html_bytes: int = 20 * MiB

    def check_bytes(self, size: int) -> None:
        if size > self.max_bytes:
            raise TooLarge(f"file too large: {size:,} bytes (limit {self.max_bytes:,}; see --max-bytes)")

    def check_pages(self, pages: int) -> None:
        if pages > self.max_pages:
            raise TooLarge(f"too many pages: {pages:,} (limit {self.max_pages:,}; see --max-pages)")


DEFAULT_LIMITS = Limits()
