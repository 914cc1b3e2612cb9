"""Screen an uploaded file on its raw bytes, and neutralise text for exports.

`screen` refuses what a parser should never be handed: legacy or encrypted Excel files, zip bombs, macros,
external links, XML with a DTD, sheets claiming absurd dimensions, too many sheets or cells. The zip checks read
only the directory or a capped head of a part, so a bomb is never inflated. The sheet checks read the sheets the
way Excel does: every sheet the workbook lists, resolved through workbook.xml.rels wherever its part lives, its
cell references read as XML (any quoting and white space), and a cell without a reference placed by its position.

This is the fast gate, not the only one: the reader itself runs in a limited child process (isolation.py), so
what the screen misses can still not take the server down. The loader starts that child at the same time and
stops it when the screen refuses the file: the screen's verdict decides, and nothing the child read is used.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from typing import Callable
from urllib.parse import unquote
from xml.parsers import expat

from . import texts
from .cells import column_number
from .findings import Finding, finding

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # all parts together, as the zip directory declares them
MAX_RATIO = 100  # uncompressed : compressed, for parts over RATIO_MIN_BYTES
RATIO_MIN_BYTES = 1024 * 1024  # small parts of repeated markup legitimately compress very well
# ... but many of them together are a bomb in pieces (190 parts just under 1 MB each took 89 s): the same ratio
# over the whole archive, once it inflates to more than any small workbook does.
ARCHIVE_RATIO_MIN_BYTES = 16 * 1024 * 1024
MAX_MEMBERS = 1000  # a real workbook has tens of parts; hundreds with many sheets or pictures
# The bench workbook has 200,000 values plus a header row, and real sheets carry title rows: leave headroom.
MAX_ROWS = 250_000
MAX_COLUMNS = 200
# A reader allocates the sheet's whole rectangle from A1: one far-away cell is as costly as a full sheet.
MAX_CELLS = 5_000_000
# The whole workbook: rectangles from A1 summed over every sheet the workbook lists (a part listed twice is read
# twice). The bench workbook (200,000 values, 20,000 projects) holds 1.5 million; 5 million small cells took 26 s.
MAX_TOTAL_CELLS = 3_000_000
# Real workbooks have a handful of sheets; 10,000 entries pointing at one part took 75 s to read.
MAX_SHEETS = 200
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
WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
MACRO_PARTS = ("xl/vbaproject.bin",)
MACRO_FOLDERS = ("xl/macrosheets/",)  # Excel 4.0 macro sheets run without VBA
EXTERNAL_LINK_FOLDER = "xl/externallinks/"
XML_SUFFIXES = (".xml", ".rels", ".vml")
# Excel and WPS only write stored or deflated parts; anything else is not from them.
KNOWN_COMPRESSION = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)

_DTD = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_ROOT_START = re.compile(r"<[A-Za-z_]")  # first element: the prolog (where a DTD may sit) is over
# Excel, WPS, openpyxl and xlsxwriter write every cell and row as <c r="B7" …> and <row r="7" …>. A chunk
# where every cell and row element starts exactly so is read by these C-level patterns; anything else (no r,
# r not first, other quoting or spacing, a prefix, a character reference, UTF-16) by an XML parser.
_CELL_COLUMN = re.compile(rb'<c r="([A-Z]{1,3})[0-9]{1,7}"')
_CELL_ROW = re.compile(rb'<(?:c|row) r="[A-Z]{0,3}([0-9]{1,7})"')
# "<c" and "<row" that begin a longer name (<cols>, <cfRule>, <rowBreaks>, <c:chart>): not cells or rows.
_LONGER_C = re.compile(rb"<c[\w.:\x80-\xff-]")
_LONGER_ROW = re.compile(rb"<row[\w.:\x80-\xff-]")
_PREFIXED_START = re.compile(rb"<[A-Za-z_][\w.-]*:(?:c|row)[\s/>]")
_DIMENSION = re.compile(r"<(?:\w+:)?dimension\b[^>]*?\bref\s*=\s*[\"']([^\"']+)[\"']")
_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
_REF = re.compile(r"\s*\$?([A-Za-z]+)\$?([0-9]+)\s*")
_ROW_NUMBER = re.compile(r"\s*([0-9]+)\s*")
BEYOND = 10**9  # a reference too long to be real: beyond every cap
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
    ratio = total / max(sum(m.compress_size for m in members), 1)
    if total > ARCHIVE_RATIO_MIN_BYTES and ratio > MAX_RATIO:
        return [finding("ZIP_BOMB", detail=texts.SAFETY_BOMB_ARCHIVE_RATIO.format(
            size=_megabytes(total), ratio=round(ratio), limit=MAX_RATIO))]
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
    """Sheets a reader would read, as Excel finds them, and the cells it would allocate for them."""
    entries = _sheet_entries(archive, names)
    if isinstance(entries, str):  # the workbook's list of sheets is not XML: what a lenient reader makes of it is unknown
        return [finding("NOT_XLSX", detail=texts.SAFETY_BAD_SHEET_XML.format(part=entries))]
    sheets, count = entries
    if count > MAX_SHEETS:
        return [finding("TOO_MANY_SHEETS", detail=f"{count:,}", expected=MAX_SHEETS)]
    titles = {part: title for title, part in reversed(sheets) if part}
    # Listed parts wherever they live, plus the usual folder (a part nobody lists is cheap to check as well).
    parts = [part for part in dict.fromkeys(part for _, part in sheets) if part in names]
    parts += [n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml") and n not in parts]
    found: list[Finding] = []
    extents: dict[str, _Extent] = {}
    for part in parts:
        head = heads.get(part, "")
        match = _DIMENSION.search(head)
        declared = _extent(match.group(1)) if match else None
        # The <dimension> is a claim; the cells are what a parser allocates for, so both are checked.
        rows, columns = declared or (0, 0)
        if rows <= MAX_ROWS and columns <= MAX_COLUMNS and rows * columns <= MAX_CELLS:
            real = _cell_extent(archive, names[part])
            if real is None:
                found.append(finding("NOT_XLSX", detail=texts.SAFETY_BAD_SHEET_XML.format(part=names[part].filename)))
                continue
            extents[part] = real
            rows, columns = max(rows, real.rows), max(columns, real.columns)
        if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
            found.append(
                finding(
                    "TOO_LARGE", sheet=titles.get(part, names[part].filename),
                    detail=f"A1:{_column_letters(columns)}{rows}",
                    rows=rows, columns=columns, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS, max_cells=f"{MAX_CELLS:,}",
                )
            )
    if found:
        return found
    # A part listed twice is read twice: the total is over the workbook's list of sheets, not over parts.
    total = sum(extents[part].area for _, part in sheets if part in extents)
    if total > MAX_TOTAL_CELLS:
        found.append(finding("TOO_MANY_CELLS", detail=f"{total:,}", expected=f"{MAX_TOTAL_CELLS:,}"))
    return found


def _sheet_entries(
    archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo]
) -> tuple[list[tuple[str, str]], int] | str:
    """(name, part path) of the workbook's <sheet> entries in order (at most MAX_SHEETS + 1), and how many there are;
    the part's name instead when workbook.xml or its relationships are not well-formed XML.

    Read as XML, as Excel reads it: any prefix, quoting or spacing. A part is resolved through workbook.xml.rels
    (relative to xl/, or absolute), so a sheet stored outside xl/worksheets/ is found as a reader finds it.
    """
    targets: dict[str, str] = {}

    def relationship(name: str, attributes: dict[str, str]) -> None:
        if _local(name) == "Relationship" and attributes.get("TargetMode", "").lower() != "external":
            targets[attributes.get("Id", "")] = _resolve(attributes.get("Target", ""))

    sheets: list[tuple[str, str | None]] = []
    count = 0

    def sheet(name: str, attributes: dict[str, str]) -> None:
        nonlocal count
        if _local(name) != "sheet":
            return
        count += 1
        if len(sheets) <= MAX_SHEETS:
            # r:id is the relationships namespace's "id"; the parser gives it as "<namespace> id".
            rid = next((v for k, v in attributes.items() if " " in k and _local(k) == "id"), "")
            sheets.append((attributes.get("name", ""), rid))

    if WORKBOOK_RELS in names and not _parse(archive, names[WORKBOOK_RELS], relationship):
        return names[WORKBOOK_RELS].filename
    if not _parse(archive, names[WORKBOOK_PART], sheet):
        return names[WORKBOOK_PART].filename
    resolved = []
    for title, rid in sheets:
        target = targets.get(rid or "", "")
        part = next((c for c in (target, unquote(target)) if c in names), target)
        resolved.append((title, part))
    return resolved, count


@dataclass(frozen=True)
class _Extent:
    rows: int  # last row with a cell or row element
    columns: int  # last column with a cell
    cells: int  # cell elements

    @property
    def area(self) -> int:
        return self.rows * self.columns


def _cell_extent(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> _Extent | None:
    """The extent a reader allocates for a worksheet part; None when the part is not well-formed XML.

    The common case (every cell and row written as <c r="…">, <row r="…">) is read in chunks by C-level
    patterns: a 200,000-row sheet costs a fraction of a second. A chunk with anything else sends the whole part
    to the XML parser, which places a cell without a reference after the previous one, as Excel does.
    """
    rows, cells, letters = 0, 0, set()
    tail = b""
    with archive.open(member) as stream:
        first = True
        while chunk := stream.read(EXTENT_CHUNK):
            if first and (chunk.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in chunk[:4]):
                return _parsed_extent(archive, member)  # UTF-16: the byte patterns would see nothing
            first = False
            text = tail + chunk
            cut = text.rfind(b"<")  # an element split by the chunk boundary is read with the next chunk
            body, tail = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
            scanned = _scan(body)
            if scanned is None:
                return _parsed_extent(archive, member)
            rows, cells = max(rows, scanned[0]), cells + len(scanned[1])
            letters.update(scanned[1])
            columns = _columns(letters)
            if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_TOTAL_CELLS:
                return _Extent(rows, columns, cells)  # refused whatever follows: no need to inflate the rest
    scanned = _scan(tail)
    if scanned is None:
        return _parsed_extent(archive, member)
    rows, cells = max(rows, scanned[0]), cells + len(scanned[1])
    letters.update(scanned[1])
    return _Extent(rows, _columns(letters), cells)


def _scan(body: bytes) -> tuple[int, list[bytes]] | None:
    """(last row, column letters of every cell) when every cell and row element in `body` starts canonically."""
    columns = _CELL_COLUMN.findall(body)
    rows = _CELL_ROW.findall(body)
    cell_starts = body.count(b"<c") - len(_LONGER_C.findall(body))
    row_starts = body.count(b"<row") - len(_LONGER_ROW.findall(body))
    # Each r attribute must belong to one of those starts: a second r in a cell, or r in other quoting, is not
    # what the patterns read. Text that happens to contain ' r=' only costs the XML parser.
    if cell_starts != len(columns) or cell_starts + row_starts != len(rows) or body.count(b" r=") != len(rows):
        return None
    if b"&#" in body and re.search(rb"<(?:c|row) [^>]*&#", body):  # a reference spelled with character references
        return None
    if _PREFIXED_START.search(body):
        return None
    return max(map(int, set(rows)), default=0), columns


class _Stop(Exception):
    """Raised from a parser callback: the answer is known, read no further."""


def _parsed_extent(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> _Extent | None:
    row = column = last_row = last_column = cells = 0

    def start(name: str, attributes: dict[str, str]) -> None:
        # Called for every element of the part: kept to a few comparisons (a million cells cost about a second).
        nonlocal row, column, last_row, last_column, cells
        if name[-2:] == " c" or name == "c":
            reference = _reference(attributes.get("r"))
            if reference is None:
                column += 1  # r is optional: the next cell after the last one of its row
                cell_row = row
            else:
                column, cell_row = reference
            if column > last_column:
                last_column = column
            if cell_row > last_row:
                last_row = cell_row
            cells += 1
        elif name[-4:] == " row" or name == "row":
            row = _row_number(attributes.get("r")) or row + 1  # r is optional: the row after the last one
            column = 0
            if row > last_row:
                last_row = row
        else:
            return
        if last_row > MAX_ROWS or last_column > MAX_COLUMNS or last_row * last_column > MAX_TOTAL_CELLS:
            raise _Stop

    if not _parse(archive, member, start):
        return None
    return _Extent(last_row, last_column, cells)


def _parse(archive: zipfile.ZipFile, member: zipfile.ZipInfo, start: Callable[[str, dict[str, str]], None]) -> bool:
    """Stream a part through expat, calling `start` for each element; False when it is not well-formed XML.

    DTDs were refused before any part gets here; the parser refuses them again rather than expand an entity.
    """
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(EXTENT_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _Stop:
        return True
    except expat.ExpatError:
        return False
    return True


def _refuse_dtd(*_: object) -> None:
    raise expat.ExpatError("DTD")


def _local(name: str) -> str:
    return name.rpartition(" ")[2]


def _resolve(target: str) -> str:
    """A relationship target of the workbook as a zip path (lower case, as `names` holds them)."""
    target = target.replace("\\", "/")
    path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
    return posixpath.normpath(path).lower()


def _reference(text: str | None) -> tuple[int, int] | None:
    """"XFD1048576" -> (16384, 1048576); None without a usable reference."""
    if not text:
        return None
    match = _REF.fullmatch(text)
    if match is None:
        return None
    letters, digits = match.groups()
    if len(letters) > 4 or len(digits) > 9:
        return BEYOND, BEYOND
    column = _COLUMNS.get(letters)
    if column is None:
        column = _COLUMNS.setdefault(letters, column_number(letters)) if len(_COLUMNS) < 4096 else column_number(letters)
    return column, int(digits)


_COLUMNS: dict[str, int] = {}  # letters -> column number: a sheet has a few hundred distinct columns at most


def _row_number(text: str | None) -> int | None:
    match = _ROW_NUMBER.fullmatch(text or "")
    if match is None:
        return None
    return BEYOND if len(match.group(1)) > 9 else int(match.group(1))


def _columns(letters: set[bytes]) -> int:
    return max((column_number(c.decode("ascii")) for c in letters), default=0)


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
    columns = max(column_number(letters) for letters, _ in cells)
    return rows, columns


def _column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters or "A"


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


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"

