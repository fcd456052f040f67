"""PDF pages as small embedded images (grayscale PNG data URIs) for the review page to draw boxes over."""

from __future__ import annotations

import base64
import contextlib
import math
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from inspextract.errors import DamagedInput, EncryptedInput
from inspextract.readers.pdf_rebuild import rebuild_cut_pdf

# Shades of gray kept per pixel. Measured on the 100-page benchmark PDF and the ofsted-pdf corpus at 100 dpi
# (PNG, zlib level 1, per page): 8 bits 79 KB, 4 bits 62 KB, 2 bits 41 KB; JPEG (quality 60) 157 KB, as
# letters' sharp edges are what JPEG compresses worst. 4 bits keeps the letters' anti-aliasing (2 bits
# looks jagged), and 100 pages of it (~8 MB as base64) stay well inside a review page's 15 MB.
GRAY_BITS = 4
# zlib level 1 encodes a page in ~4 ms against ~8 ms at level 6, for a fifth more bytes.
ZLIB_LEVEL = 1
# A page is rendered at the asked dpi unless that makes more pixels than this (a poster-sized page): then
# at the dpi that fits (an A0 sheet at 100 dpi is 15.5 Mpx; 25 Mpx of 4-bit PNG is at most ~12 MB).
MAX_PAGE_PIXELS = 25_000_000
POINTS_PER_INCH = 72
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class PageImage:
    """A rendered page: a box at (x0, top) in points is drawn at (x0 * width_px / width_pt, top * height_px
    / height_pt) pixels of the image."""

    page: int  # 1-based
    data_uri: str
    width_pt: float
    height_pt: float
    width_px: int
    height_px: int


def render_pages(data: bytes, pages: Iterable[int], dpi: int = 100) -> dict[int, PageImage]:
    """The PDF's `pages` (1-based) as grayscale PNG images; numbers not in the document, and pages PDFium
    cannot draw, are left out. Give it a PDF that `parse` read: it does not check for decompression bombs."""
    import pypdfium2 as pdfium

    pdf = open_pdf(data)
    try:
        images = {}
        for number in sorted({number for number in pages if 1 <= number <= len(pdf)}):
            with contextlib.suppress(pdfium.PdfiumError):  # a damaged page: the review shows its text only
                images[number] = render_page(pdf, number, dpi)
        return images
    finally:
        pdf.close()


def open_pdf(data: bytes) -> Any:
    """The PDF open in PDFium; a file cut short is opened rebuilt, as the PDF reader does (pdf_rebuild.py)."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        # As the PDF reader decides (pdf_pdfium.pdfium_error): a password error counts for an encrypted file.
        if "password" in str(err).lower() and b"/Encrypt" in data:
            raise EncryptedInput("password-protected PDF") from None
        rebuilt = rebuild_cut_pdf(data)
        if rebuilt is not None:
            with contextlib.suppress(pdfium.PdfiumError):
                return pdfium.PdfDocument(rebuilt)
        raise DamagedInput(f"damaged PDF: {' '.join(str(err).split())}") from None


def render_page(pdf: Any, number: int, dpi: int) -> PageImage:
    """One page rendered in gray at `dpi` (less for a poster-sized page)."""
    page = pdf[number - 1]
    try:
        width_pt, height_pt = page.get_size()
        scale = dpi / POINTS_PER_INCH
        scale = min(scale, math.sqrt(MAX_PAGE_PIXELS / max(width_pt * height_pt, 1.0)))
        bitmap = page.render(scale=scale, grayscale=True)
        pixels = bitmap.to_numpy()
        if pixels.ndim == 3:  # some pypdfium2 versions keep a channel axis
            pixels = pixels[:, :, 0]
        height_px, width_px = pixels.shape
        png = encode_gray_png(pixels, GRAY_BITS)
    finally:
        page.close()
    uri = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return PageImage(number, uri, float(width_pt), float(height_pt), int(width_px), int(height_px))


def encode_gray_png(pixels: Any, bits: int) -> bytes:
    """A PNG of an 8-bit grayscale array (rows of pixels), kept at `bits` (1, 2, 4 or 8) bits a pixel."""
    import numpy as np

    height, width = pixels.shape
    per_byte = 8 // bits
    shades = pixels >> (8 - bits)
    pad = -width % per_byte
    if pad:  # a row ends on a whole byte: pad with white
        shades = np.pad(shades, ((0, 0), (0, pad)), constant_values=(1 << bits) - 1)
    packed = shades[:, 0::per_byte] << (8 - bits)
    for k in range(1, per_byte):
        packed |= shades[:, k::per_byte] << (8 - bits * (k + 1))
    rows = np.zeros((height, packed.shape[1] + 1), dtype=np.uint8)  # each row starts with filter 0 (none)
    rows[:, 1:] = packed
    header = struct.pack(">IIBBBBB", width, height, bits, 0, 0, 0, 0)  # colour type 0: grayscale
    idat = zlib.compress(rows.tobytes(), ZLIB_LEVEL)
    return PNG_SIGNATURE + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")


def png_chunk(kind: bytes, body: bytes) -> bytes:
    """A PNG chunk: length, type, body, CRC of type and body."""
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
