"""Opening a DOCX zip safely: damage and size checks before anything is inflated, capped reads after."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import IO

from inspextract.errors import DamagedInput, TooLarge
from inspextract.limits import Limits

REQUIRED_PARTS = ("[Content_Types].xml", "word/document.xml")
# A member that inflates more than this many times its compressed size is a bomb, not a document: Word XML
# compresses 5-20x, and a very repetitive table well under 100x. Only checked for members over the floor.
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_FLOOR_BYTES = 1024 * 1024
READ_CHUNK_BYTES = 64 * 1024
# Word files have tens of parts (a few hundred with many images); zipfile builds an object per member
# before anything else can be checked, so the count is read from the end record first.
MAX_ZIP_MEMBERS = 5000
EOCD = b"PK\x05\x06"
ZIP64_EOCD = b"PK\x06\x06"
EOCD_SEARCH_BYTES = 65_557  # the end record (22 bytes) plus the longest zip comment
# Word never writes a DTD; one in a part is an entity attack (XXE, billion laughs) and is refused.
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")
_MARKER_OVERLAP = max(len(m) for m in _DTD_MARKERS) - 1
ZIP_ERRORS = (
    struct.error,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    OSError,
)


def open_package(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """Open the zip, check it is a DOCX and that its declared sizes are within the limits."""
    members_declared = declared_member_count(data)
    if members_declared > MAX_ZIP_MEMBERS:
        raise TooLarge(f"document too large: {members_declared:,} zip members (limit {MAX_ZIP_MEMBERS:,})")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except ZIP_ERRORS as e:
        raise DamagedInput(f"damaged DOCX: not a readable zip archive ({e})") from None
    names = {m.filename for m in members}
    missing = [part for part in REQUIRED_PARTS if part not in names]
    if missing:
        raise DamagedInput(f"not a valid DOCX: no {' or '.join(missing)} in the zip archive")
    declared = sum(m.file_size for m in members)
    if declared > limits.max_inflated_bytes:
        raise TooLarge(
            f"document too large: its zip members inflate to {declared:,} bytes "
            f"(limit {limits.max_inflated_bytes:,})"
        )
    for m in members:
        if m.file_size > RATIO_CHECK_FLOOR_BYTES and m.file_size > MAX_COMPRESSION_RATIO * max(
            1, m.compress_size
        ):
            raise TooLarge(
                f"document too large: {m.filename} would inflate {m.file_size // max(1, m.compress_size):,} "
                f"times (a zip bomb; limit {MAX_COMPRESSION_RATIO}x)"
            )
    return package


def declared_member_count(data: bytes) -> int:
    """The member count the zip's end record declares (0 when there is no readable end record)."""
    tail_start = max(0, len(data) - EOCD_SEARCH_BYTES)
    at = data.rfind(EOCD, tail_start)
    if at < 0 or at + 22 > len(data):
        return 0
    count = int(struct.unpack_from("<H", data, at + 10)[0])
    if count == 0xFFFF and (at64 := data.rfind(ZIP64_EOCD, 0, at)) >= 0 and at64 + 40 <= len(data):
        count = int(struct.unpack_from("<Q", data, at64 + 32)[0])
    return count


class CappedPart(io.RawIOBase):
    """A zip member opened for streaming that stops at a byte budget and refuses DTDs.

    Declared sizes can lie, so the budget counts the bytes actually inflated; it is shared by all the parts
    of one document through `budget`.
    """

    def __init__(self, package: zipfile.ZipFile, name: str, budget: list[int]) -> None:
        super().__init__()
        self.name = name
        self._stream: IO[bytes] = package.open(name)
        self._budget = budget
        self._tail = b""

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        size = READ_CHUNK_BYTES if size is None or size < 0 else min(size, READ_CHUNK_BYTES)
        try:
            chunk = self._stream.read(size)
        except ZIP_ERRORS as e:
            raise DamagedInput(f"damaged DOCX: cannot inflate {self.name} ({e})") from None
        self._budget[0] -= len(chunk)
        if self._budget[0] < 0:
            raise TooLarge(f"document too large: {self.name} inflates past the limit on inflated bytes")
        window = self._tail + chunk
        if any(marker in window for marker in _DTD_MARKERS):
            raise DamagedInput(f"not a valid DOCX: {self.name} declares a DTD (entities are not allowed)")
        self._tail = window[-_MARKER_OVERLAP:]
        return chunk

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = self.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def close(self) -> None:
        self._stream.close()
        super().close()


def read_part(package: zipfile.ZipFile, name: str, budget: list[int]) -> bytes | None:
    """A small part's bytes (styles, numbering) within the budget, or None when the part is absent."""
    if name not in package.NameToInfo:
        return None
    with CappedPart(package, name, budget) as part:
        return b"".join(iter(lambda: part.read(READ_CHUNK_BYTES), b""))
