"""Screen an uploaded file on its raw bytes before any parser sees it, and neutralise text for exports.

`screen` refuses what a parser should never be handed: legacy or encrypted Excel files, zip bombs, macros,
external links, XML with a DTD, sheets claiming absurd dimensions. Every check reads only the zip directory or a
capped head of a part, so a hostile file is refused in milliseconds and a bomb is never inflated.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import PurePosixPath, PureWindowsPath

from . import texts
from .findings import Finding, finding

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # all parts together, as the zip directory declares them
MAX_RATIO = 100  # uncompressed : compressed, for parts over RATIO_MIN_BYTES
RATIO_MIN_BYTES = 1024 * 1024  # small parts of repeated markup legitimately compress very well
MAX_MEMBERS = 1000  # a real workbook has tens of parts; hundreds with many sheets or pictures
# The bench workbook has 200,000 values plus a header row, and real sheets carry title rows: leave headroom.
MAX_ROWS = 250_000
MAX_COLUMNS = 200
# A reader allocates the sheet's whole rectangle from A1: one far-away cell is as costly as a full sheet.
MAX_CELLS = 5_000_000
EXTENT_CHUNK = 1024 * 1024
EOCD_SEARCH_BYTES = 22 + 65535  # the end record plus the longest zip comment
MAX_DIRECTORY_BYTES = 1024 * 1024  # MAX_MEMBERS entries with 1 KB names each
CENTRAL_ENTRY_BYTES = 46  # the fixed part of one central directory entry
XML_HEAD_BYTES = 4096  # prolog and <dimension> sit at the very top of a part
CONTENT_TYPES_BYTES = 256 * 1024

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # a part, or the end record of an empty archive
# Directory entry names in a compound file are UTF-16LE; an encrypted .xlsx keeps these two streams.
ENCRYPTION_STREAMS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
WORKBOOK_PART = "xl/workbook.xml"
MACRO_PARTS = ("xl/vbaproject.bin",)
MACRO_FOLDERS = ("xl/macrosheets/",)  # Excel 4.0 macro sheets run without VBA
EXTERNAL_LINK_FOLDER = "xl/externallinks/"
XML_SUFFIXES = (".xml", ".rels", ".vml")
# Excel and WPS only write stored or deflated parts; anything else is not from them.
KNOWN_COMPRESSION = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)

_DTD = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_ROOT_START = re.compile(r"<[A-Za-z_]")  # first element: the prolog (where a DTD may sit) is over
# Excel, WPS, openpyxl and xlsxwriter write r first: <c r="B7" …>. A cell with r later is read by the slow,
# general pattern (only in a chunk that has one).
_CELL_COLUMN = re.compile(rb"<c r=\"([A-Za-z]{1,4})")
_CELL_ROW = re.compile(rb"<(?:c|row) r=\"[A-Za-z]{0,4}(\d{1,9})\"")
_R_NOT_FIRST = re.compile(rb"<(?:c|row)\s+[^r>]|<\w+:(?:c|row)\s")
_ANY_COLUMN = re.compile(rb"<(?:\w+:)?c\b[^>]*?\sr=\"([A-Za-z]{1,4})")
_ANY_ROW = re.compile(rb"<(?:\w+:)?(?:c|row)\b[^>]*?\sr=\"[A-Za-z]{0,4}(\d{1,9})\"")
_DIMENSION = re.compile(r"<(?:\w+:)?dimension\b[^>]*?\bref\s*=\s*[\"']([^\"']+)[\"']")
_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
_SHEET = re.compile(r"<(?:\w+:)?sheet\b[^>]*>")
_ATTRIBUTE = re.compile(r"([\w:]+)\s*=\s*[\"']([^\"']*)[\"']")
_RELATIONSHIP = re.compile(r"<(?:\w+:)?Relationship\b[^>]*>")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def screen(data: bytes, file_name: str) -> list[Finding]:
    """Error findings for a file that must not be parsed; empty when the bytes look like a plain .xlsx."""
    try:
        return _screen(data, file_name)
    except Exception as exc:  # a screen that raises would let the caller skip it: anything odd is a refusal
        return [finding("NOT_XLSX", detail=texts.SAFETY_UNREADABLE.format(kind=type(exc).__name__))]


def neutralise(text: str) -> str:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe (CSV/formula injection)."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


# --------------------------------------------------------------------------- stages


def _screen(data: bytes, file_name: str) -> list[Finding]:
    # Stages run in order and the first one that refuses ends the screen: a file that is not a zip has no
    # parts to look at, and a bomb must not be opened further.
    if len(data) > MAX_FILE_BYTES:
        return [finding("FILE_TOO_BIG", detail=_megabytes(len(data)), expected=_megabytes(MAX_FILE_BYTES))]
    container = _container(data)
    if container:
        return container
    found = _extension(file_name)
    entries = _declared_entries(data)
    if entries is not None and entries > MAX_MEMBERS:
        # Before ZipFile: it builds an object per directory entry, seconds for a directory of 400,000.
        return found + [finding("TOO_MANY_PARTS", detail=entries, expected=MAX_MEMBERS)]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
        structure = _structure(members)
        if structure:
            return found + structure
        found += _parts(archive, members)
    return found


def _container(data: bytes) -> list[Finding]:
    if not data:
        return [finding("NOT_XLSX", detail=texts.SAFETY_EMPTY)]
    if data.startswith(OLE2_MAGIC):
        if any(stream in data for stream in ENCRYPTION_STREAMS):
            return [finding("ENCRYPTED")]
        return [finding("LEGACY_XLS")]
    if not data.startswith(ZIP_MAGICS):
        return [finding("NOT_XLSX", detail=texts.SAFETY_TEXT if _looks_like_text(data) else texts.SAFETY_NOT_ZIP)]
    return []


def _extension(file_name: str) -> list[Finding]:
    # Browsers may send a Windows path; only the last component's suffix matters.
    name = PureWindowsPath(PurePosixPath(file_name or "").name).name
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".xlsx":
        return []
    advice = texts.SAFETY_EXTENSION_ADVICE.get(suffix, texts.SAFETY_EXTENSION_ADVICE[""])
    return [finding("BAD_EXTENSION", detail=name, advice=advice)]


def _declared_entries(data: bytes) -> int | None:
    """Entries of the zip's central directory as its end record declares them (zip64 aware); None if unreadable.

    ZipFile reads the directory by its size, not its count, so a directory larger than any honest one counts as
    holding as many entries as fit in it.
    """
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - EOCD_SEARCH_BYTES))
    if end < 0 or end + 22 > len(data):
        return None
    count, size = struct.unpack_from("<HI", data, end + 10)
    locator = end - 20
    if count == 0xFFFF or size == 0xFFFFFFFF:
        if locator >= 0 and data[locator:locator + 4] == b"PK\x06\x07":
            (offset,) = struct.unpack_from("<Q", data, locator + 8)
            if offset + 56 <= len(data) and data[offset:offset + 4] == b"PK\x06\x06":
                count, size = struct.unpack_from("<QQ", data, offset + 32)
    if count <= MAX_MEMBERS and size > MAX_DIRECTORY_BYTES:
        return size // CENTRAL_ENTRY_BYTES  # at most this many: the count was understated
    return count


def _structure(members: list[zipfile.ZipInfo]) -> list[Finding]:
    """Checks on the zip directory alone, before any part is inflated."""
    if len(members) > MAX_MEMBERS:
        return [finding("TOO_MANY_PARTS", detail=len(members), expected=MAX_MEMBERS)]
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        return [finding("ZIP_BOMB", detail=texts.SAFETY_BOMB_TOTAL.format(
            size=_megabytes(total), limit=_megabytes(MAX_UNCOMPRESSED_BYTES)))]
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_MIN_BYTES and ratio > MAX_RATIO:
            return [finding("ZIP_BOMB", detail=texts.SAFETY_BOMB_RATIO.format(
                part=member.filename, ratio=round(ratio), limit=MAX_RATIO))]
    for member in members:
        if member.flag_bits & 0x1:
            return [finding("ENCRYPTED")]
        if member.compress_type not in KNOWN_COMPRESSION:
            return [finding("NOT_XLSX", detail=texts.SAFETY_COMPRESSION.format(part=member.filename))]
    names = {m.filename.lower() for m in members}
    if WORKBOOK_PART not in names:
        return [finding("NOT_XLSX", detail=texts.SAFETY_NO_WORKBOOK)]
    return []


def _parts(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> list[Finding]:
    found: list[Finding] = []
    names = {m.filename.lower(): m for m in members}
    content_types = names.get("[content_types].xml")
    macro_type = content_types is not None and b"macroenabled" in _head(archive, content_types, CONTENT_TYPES_BYTES).lower()
    if macro_type or any(n in names for n in MACRO_PARTS) or any(n.startswith(MACRO_FOLDERS) for n in names):
        found.append(finding("MACROS"))
    if any(n.startswith(EXTERNAL_LINK_FOLDER) for n in names):
        found.append(finding("EXTERNAL_LINK"))

    heads: dict[str, str] = {}
    for member in members:
        if member.is_dir():
            continue
        raw = _head(archive, member, XML_HEAD_BYTES)
        if not (member.filename.lower().endswith(XML_SUFFIXES) or raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")):
            continue
        text = _decode(raw)
        heads[member.filename.lower()] = text
        if _DTD.search(text) or (not _ROOT_START.search(text) and member.file_size > len(raw)):
            # A prolog longer than the head could hide a DTD behind padding: no workbook writes one.
            found.append(finding("XML_DTD", detail=member.filename))
            break
    found += _dimensions(archive, names, heads)
    return found


def _dimensions(archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo], heads: dict[str, str]) -> list[Finding]:
    found: list[Finding] = []
    titles = _sheet_titles(archive, names)
    for part, head in heads.items():
        if not (part.startswith("xl/worksheets/") and part.endswith(".xml")):
            continue
        match = _DIMENSION.search(head)
        declared = _extent(match.group(1)) if match else None
        # The <dimension> is a claim; the cells are what a parser allocates for, so both are checked.
        rows, columns = declared or (0, 0)
        if rows <= MAX_ROWS and columns <= MAX_COLUMNS:
            real_rows, real_columns = _cell_extent(archive, names[part])
            rows, columns = max(rows, real_rows), max(columns, real_columns)
        if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
            found.append(
                finding(
                    "TOO_LARGE", sheet=titles.get(part, names[part].filename),
                    detail=f"A1:{_column_letters(columns)}{rows}",
                    rows=rows, columns=columns, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS, max_cells=f"{MAX_CELLS:,}",
                )
            )
    return found


def _sheet_titles(archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo]) -> dict[str, str]:
    """Part path -> the sheet's name in the workbook, so a finding names the sheet an official sees."""
    workbook = names.get(WORKBOOK_PART)
    rels = names.get("xl/_rels/workbook.xml.rels")
    if workbook is None or rels is None:
        return {}
    targets: dict[str, str] = {}
    for tag in _RELATIONSHIP.findall(_decode(_head(archive, rels, CONTENT_TYPES_BYTES))):
        attributes = dict(_ATTRIBUTE.findall(tag))
        target = attributes.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        targets[attributes.get("Id", "")] = path.lower()
    titles: dict[str, str] = {}
    for tag in _SHEET.findall(_decode(_head(archive, workbook, CONTENT_TYPES_BYTES))):
        attributes = {key.split(":")[-1]: value for key, value in _ATTRIBUTE.findall(tag)}
        part = targets.get(attributes.get("id", ""))
        if part and "name" in attributes:
            titles[part] = _unescape(attributes["name"])
    return titles


# --------------------------------------------------------------------------- helpers


def _head(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limit: int) -> bytes:
    # ZipExtFile.read(n) inflates only as much as it needs for n bytes: a bomb stays compressed.
    with archive.open(member) as stream:
        return stream.read(limit)


def _decode(raw: bytes) -> str:
    # Markup is ASCII in UTF-8 and in Latin-1 alike; UTF-16 would hide "<!DOCTYPE" from a byte search.
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) > 1 and b"\x00" in raw[:2]):
        encoding = "utf-16-be" if raw.startswith(b"\xfe\xff") or raw[:1] == b"\x00" else "utf-16-le"
        return raw.decode(encoding, errors="ignore")
    return raw.decode("utf-8", errors="ignore")


def _extent(ref: str) -> tuple[int, int] | None:
    """"A1:XFD1048576" -> (last row, last column); the extent a parser would allocate from A1."""
    cells = _CELL_REF.findall(ref)
    if not cells:
        return None
    rows = max(int(row) for _, row in cells)
    columns = max(_column_number(letters) for letters, _ in cells)
    return rows, columns


def _cell_extent(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> tuple[int, int]:
    """(last row, last column) over every cell and row reference of a worksheet part, read in chunks.

    Only C-level regex scans and set building per chunk: a 200,000-row sheet costs a fraction of a second.
    """
    rows, letters = 0, set()
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(EXTENT_CHUNK):
            text = tail + chunk
            cut = text.rfind(b"<")  # an element split by the chunk boundary is read with the next chunk
            body, tail = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
            rows = _scan_refs(body, rows, letters)
    rows = _scan_refs(tail, rows, letters)
    columns = max((_column_number(c.decode("ascii")) for c in letters), default=0)
    return rows, columns


def _scan_refs(body: bytes, rows: int, letters: set[bytes]) -> int:
    unusual = _R_NOT_FIRST.search(body) is not None
    numbers = set((_ANY_ROW if unusual else _CELL_ROW).findall(body))
    letters.update((_ANY_COLUMN if unusual else _CELL_COLUMN).findall(body))
    return max(rows, max(map(int, numbers), default=0))


def _column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters or "A"


def _column_number(letters: str) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - ord("A") + 1
    return number


def _looks_like_text(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        if exc.start < len(head) - 4:
            try:
                head.decode("gb18030")
            except UnicodeDecodeError:
                return False
    return True


def _unescape(value: str) -> str:
    return (
        value.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"

