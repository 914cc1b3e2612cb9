"""Hostile uploads as bytes: a real small .xlsx (openpyxl) re-zipped or patched, and things that are no .xlsx.

Each function builds one case that `xq_metrics.safety.screen` must refuse; `CASES` maps them to the expected code.
"""

from __future__ import annotations

import functools
import io
import random
import re
import struct
import zipfile
from typing import Callable

from openpyxl import Workbook

from xq_metrics import safety

MB = 1024 * 1024


@functools.cache
def plain_xlsx() -> bytes:
    """A small honest workbook: one 指标数据 sheet with a few rows (shared strings included)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "指标数据"
    sheet.append(["指标", "镇街", "年份", "数值"])
    sheet.append(["常住人口城镇化率", "全区", 2024, 95.8])
    sheet.append(["常住人口城镇化率", "杨柳青镇", 2024, 90.1])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def repack(
    data: bytes,
    replace: dict[str, bytes] | None = None,
    add: dict[str, bytes] | None = None,
    drop: tuple[str, ...] = (),
) -> bytes:
    """The same archive with some parts replaced, added or dropped."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in drop:
                continue
            target.writestr(info.filename, replace.get(info.filename, source.read(info)))
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def with_part(name: str, content: bytes) -> bytes:
    return repack(plain_xlsx(), add={name: content})


def patched(part: str, edit: Callable[[bytes], bytes]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(plain_xlsx())) as archive:
        original = archive.read(part)
    return repack(plain_xlsx(), replace={part: edit(original)})


# --------------------------------------------------------------------------- inside the zip


def vba_project() -> bytes:
    return with_part("xl/vbaProject.bin", OLE2_HEADER + b"\x00" * 1024)


def macro_content_type() -> bytes:
    macro = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    return patched(
        "[Content_Types].xml",
        lambda xml: xml.replace(b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", macro),
    )


def macro_sheet() -> bytes:
    return with_part("xl/macrosheets/sheet1.xml", b'<?xml version="1.0"?><xm:macrosheet/>')


def external_link() -> bytes:
    link = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<externalBook r:id="rId1"/></externalLink>'
    )
    return with_part("xl/externalLinks/externalLink1.xml", link)


LAUGHS = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<!DOCTYPE sst [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
    b"<si><t>&lol2;</t></si></sst>"
)


def with_shared_strings(table: bytes) -> bytes:
    """plain_xlsx with a shared-strings part wired in as Excel does (openpyxl itself writes inline strings)."""
    with zipfile.ZipFile(io.BytesIO(plain_xlsx())) as archive:
        types = archive.read("[Content_Types].xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    override = (
        b'<Override PartName="/xl/sharedStrings.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    )
    relationship = (
        b'<Relationship Id="rIdStrings" Target="sharedStrings.xml" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>'
    )
    return repack(
        plain_xlsx(),
        replace={
            "[Content_Types].xml": types.replace(b"</Types>", override),
            "xl/_rels/workbook.xml.rels": rels.replace(b"</Relationships>", relationship),
        },
        add={"xl/sharedStrings.xml": table},
    )


def doctype_entity() -> bytes:
    """Billion-laughs style entities in the shared strings."""
    return with_shared_strings(LAUGHS)


def doctype_behind_padding() -> bytes:
    """The DTD pushed past the screened head by a long comment: the prolog itself is refused."""
    padded = LAUGHS.replace(b"\n<!DOCTYPE", b"\n<!--" + b" " * (safety.XML_HEAD_BYTES * 2) + b"-->\n<!DOCTYPE", 1)
    return with_shared_strings(padded)


def doctype_utf16() -> bytes:
    text = LAUGHS.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    return with_shared_strings(text.encode("utf-16"))


def huge_dimension() -> bytes:
    return patched(
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:XFD1048576"', xml, count=1),
    )


def many_rows() -> bytes:
    rows = safety.MAX_ROWS + 1
    return patched(
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(rb'<dimension ref="[^"]+"', f'<dimension ref="A1:D{rows}"'.encode(), xml, count=1),
    )


def no_workbook_part() -> bytes:
    return repack(plain_xlsx(), drop=("xl/workbook.xml",))


def too_many_parts() -> bytes:
    extra = {f"xl/media/pad{i}.bin": b"" for i in range(safety.MAX_MEMBERS)}
    return repack(plain_xlsx(), add=extra)


@functools.cache
def huge_directory(entries: int = 60_000) -> bytes:
    """A zip of `entries` empty stored parts, written by hand (zipfile would take seconds to write, and to read)."""
    local: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for index in range(entries):
        name = f"xl/media/p{index}.bin".encode()
        header = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 0, 0, 0x21, 0, 0, 0, len(name), 0) + name
        central.append(
            struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 0, 0, 0x21, 0, 0, 0, len(name), 0, 0, 0, 0, 0, offset)
            + name
        )
        local.append(header)
        offset += len(header)
    directory = b"".join(central)
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, entries, entries, len(directory), offset, 0)
    return b"".join(local) + directory + end


def understated_directory() -> bytes:
    """The same directory with an end record claiming 5 entries: its size still gives it away."""
    data = bytearray(huge_directory())
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, 5, 5)
    return bytes(data)


# --------------------------------------------------------------------------- zip bombs


@functools.cache
def zip_bomb(size: int = 300 * MB) -> bytes:
    """A real bomb: one part of `size` zero bytes, deflated while streaming (about 1.4 MB on disk)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with zipfile.ZipFile(io.BytesIO(plain_xlsx())) as source:
            for info in source.infolist():
                archive.writestr(info.filename, source.read(info))
        chunk = b"\x00" * MB
        with archive.open("xl/worksheets/sheet2.xml", "w", force_zip64=True) as part:
            for _ in range(size // MB):
                part.write(chunk)
    return out.getvalue()


def declared(size: int, part: str = "xl/worksheets/sheet1.xml") -> bytes:
    """A small archive whose directory claims `size` bytes for one part: a bomb as the screen sees it."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        with zipfile.ZipFile(io.BytesIO(plain_xlsx())) as source:
            for info in source.infolist():
                archive.writestr(info.filename, source.read(info))
        # The central directory is written from these objects at close.
        next(i for i in archive.filelist if i.filename == part).file_size = size
    return out.getvalue()


def declared_total_bomb() -> bytes:
    return declared(safety.MAX_UNCOMPRESSED_BYTES + 100 * MB)


def declared_ratio_bomb() -> bytes:
    return declared(50 * MB)


# --------------------------------------------------------------------------- not a zip at all

OLE2_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _compound_file(streams: tuple[str, ...]) -> bytes:
    """A compound-file (OLE2) shell: header sector plus one directory sector naming `streams`."""
    header = OLE2_HEADER + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 482
    entries = b""
    for name in ("Root Entry", *streams):
        encoded = (name + "\x00").encode("utf-16-le")
        entry = encoded.ljust(64, b"\x00") + struct.pack("<HBB", len(encoded), 2, 1)
        entries += entry.ljust(128, b"\x00")
    return header + entries.ljust(512, b"\x00") + b"\x00" * 1024


def legacy_xls() -> bytes:
    return _compound_file(("Workbook", "\x05SummaryInformation"))


def encrypted_xlsx() -> bytes:
    return _compound_file(("EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"))


def csv_renamed() -> bytes:
    return "指标,镇街,年份,数值\n常住人口城镇化率,全区,2024,95.8\n".encode("utf-8")


def csv_gbk_renamed() -> bytes:
    return "指标,镇街,年份,数值\n常住人口城镇化率,全区,2024,95.8\n".encode("gbk")


def empty() -> bytes:
    return b""


def random_bytes() -> bytes:
    return random.Random(20240601).randbytes(64 * 1024)


def truncated_zip() -> bytes:
    data = plain_xlsx()
    return data[: len(data) // 2]


def zip_header_only() -> bytes:
    return b"PK\x03\x04broken zip"


def too_big() -> bytes:
    return b"PK\x03\x04" + b"\x00" * (safety.MAX_FILE_BYTES + MB)


# Case -> the one code `screen` must return for it (files named .xlsx).
CASES: dict[str, tuple[Callable[[], bytes], str]] = {
    "vba_project": (vba_project, "MACROS"),
    "macro_content_type": (macro_content_type, "MACROS"),
    "macro_sheet": (macro_sheet, "MACROS"),
    "external_link": (external_link, "EXTERNAL_LINK"),
    "doctype_entity": (doctype_entity, "XML_DTD"),
    "doctype_behind_padding": (doctype_behind_padding, "XML_DTD"),
    "doctype_utf16": (doctype_utf16, "XML_DTD"),
    "huge_dimension": (huge_dimension, "TOO_LARGE"),
    "many_rows": (many_rows, "TOO_LARGE"),
    "no_workbook_part": (no_workbook_part, "NOT_XLSX"),
    "too_many_parts": (too_many_parts, "TOO_MANY_PARTS"),
    "huge_directory": (huge_directory, "TOO_MANY_PARTS"),
    "understated_directory": (understated_directory, "TOO_MANY_PARTS"),
    "zip_bomb": (zip_bomb, "ZIP_BOMB"),
    "declared_total_bomb": (declared_total_bomb, "ZIP_BOMB"),
    "declared_ratio_bomb": (declared_ratio_bomb, "ZIP_BOMB"),
    "legacy_xls": (legacy_xls, "LEGACY_XLS"),
    "encrypted_xlsx": (encrypted_xlsx, "ENCRYPTED"),
    "csv_renamed": (csv_renamed, "NOT_XLSX"),
    "csv_gbk_renamed": (csv_gbk_renamed, "NOT_XLSX"),
    "empty": (empty, "NOT_XLSX"),
    "random_bytes": (random_bytes, "NOT_XLSX"),
    "truncated_zip": (truncated_zip, "NOT_XLSX"),
    "zip_header_only": (zip_header_only, "NOT_XLSX"),
    "too_big": (too_big, "FILE_TOO_BIG"),
}


# --------------------------------------------------------------------------- scripted attacks on the isolation
# Module-level, so the isolated child can import them by name (tests.hostile.<function>).


def allocate(size: int) -> bytes:
    """Python asks for more memory than the child's address-space limit allows."""
    return bytearray(size)


def abort_like_calamine() -> None:
    """What calamine does on a far cell: print the failed allocation, then abort (signal 6)."""
    import os
    import sys

    sys.stderr.write("memory allocation of 549755813888 bytes failed\n")
    sys.stderr.flush()
    os.abort()


def spin() -> None:
    """Burns CPU forever."""
    while True:
        pass


def sleep_forever() -> None:
    """Uses no CPU and never returns: only the wall clock stops it."""
    import time

    time.sleep(3600)


def big_result(size: int) -> bytes:
    return b"x" * size


def segfault() -> None:
    import os
    import signal

    os.kill(os.getpid(), signal.SIGSEGV)


def raise_error() -> None:
    raise ValueError("boom")


def shout_on_stderr(lines: int) -> int:
    """More stderr than a pipe holds: the parent must keep reading it or the child would block."""
    import sys

    for i in range(lines):
        sys.stderr.write(f"line {i} " + "x" * 200 + "\n")
    return lines


class _RunsCode:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        import os

        return (os.system, ("true",))


def evil_pickle() -> object:
    """A result that would run a command when unpickled: what a child subverted by a file could send back."""
    return _RunsCode()


def echo(value: object) -> object:
    return value


def early_then(sent: object, then: str) -> object:
    """Sends `sent` ahead of its result, then returns "done", raises, or aborts (as calamine does on a far cell)."""
    import os

    from xq_metrics.isolation_worker import send_early

    send_early(sent)
    send_early("a second one is never sent")
    if then == "raise":
        raise ValueError("after the early part")
    if then == "abort":
        os.abort()
    return "done"


def early_evil() -> str:
    """Sends ahead a value that would run a command when unpickled, then a plain result."""
    from xq_metrics.isolation_worker import send_early

    send_early(_RunsCode())
    return "done"


def pid() -> int:
    import os

    return os.getpid()


# --------------------------------------------------------------------------- files the old screen let through (issue 10)
# Each is a few KB, and each made calamine ask for 128-512 GB and abort the whole server (signal 6).

FAR = b"XFD1048576"


def with_row(row: bytes) -> bytes:
    """plain_xlsx with one more row at the end of its sheet data."""
    return patched("xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"</sheetData>", row + b"</sheetData>"))


def far_cell_single_quotes() -> bytes:
    return with_row(b"<row r='1048576'><c r='XFD1048576' t='n'><v>1</v></c></row>")


def far_cell_spaced_equals() -> bytes:
    return with_row(b'<row r = "1048576"><c r = "XFD1048576" t="n"><v>1</v></c></row>')


def far_cell_tabs() -> bytes:
    return with_row(b'<row\tr\t=\t"1048576"><c\tr\t=\t"XFD1048576"\tt="n"><v>1</v></c></row>')


def far_cell_character_reference() -> bytes:
    """r spelled with a character reference: an XML parser reads X, a byte pattern reads nothing."""
    return with_row(b'<row r="&#49;048576"><c r="&#88;FD1048576" t="n"><v>1</v></c></row>')


def far_cell_second_r() -> bytes:
    """Two r attributes: a pattern reading the first sees A5."""
    return with_row(b'<row r="5"><c r="A5" r="XFD1048576" t="n"><v>1</v></c></row>')


def wide_row_without_r() -> bytes:
    """16,384 cells without r in the last row (its r single-quoted): columns come from positions."""
    return with_row(b"<row r='1048576'>" + b"<c><v>1</v></c>" * 16384 + b"</row>")


def wide_row_near_the_top() -> bytes:
    """The same row of 16,384 positional cells at row 4: 16,384 columns, far past the column cap."""
    return with_row(b'<row r="4">' + b"<c><v>1</v></c>" * 16384 + b"</row>")


def _moved_sheet(sheet: bytes, new_part: str = "xl/data/s.xml") -> bytes:
    data = plain_xlsx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rels = archive.read("xl/_rels/workbook.xml.rels").replace(b"/xl/worksheets/sheet1.xml", b"/" + new_part.encode())
        types = archive.read("[Content_Types].xml").replace(b"/xl/worksheets/sheet1.xml", b"/" + new_part.encode())
    return repack(
        data,
        replace={"xl/_rels/workbook.xml.rels": rels, "[Content_Types].xml": types},
        drop=("xl/worksheets/sheet1.xml",),
        add={new_part: sheet},
    )


def far_cell_outside_worksheets() -> bytes:
    """The sheet part stored at xl/data/s.xml (resolved through workbook.xml.rels, as readers do)."""
    with zipfile.ZipFile(io.BytesIO(plain_xlsx())) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    far = b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>'
    return _moved_sheet(sheet.replace(b"</sheetData>", far))


def far_cell_utf16() -> bytes:
    """The sheet XML in UTF-16: byte patterns for ASCII markup match nothing in it."""
    with zipfile.ZipFile(io.BytesIO(plain_xlsx())) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    far = '<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>'
    text = '<?xml version="1.0" encoding="UTF-16"?>' + sheet.replace("</sheetData>", far)
    return patched("xl/worksheets/sheet1.xml", lambda _: text.encode("utf-16"))


# --------------------------------------------------------------------------- files that held the process (issue 10)


# openpyxl declares the r: prefix on the root or on each <sheet>, depending on whether lxml is installed: the
# replaced <sheets> declares it itself.
SHEETS_OPEN = b'<sheets xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'


def many_sheet_entries(entries: int = 10_000) -> bytes:
    """10,000 <sheet> entries in workbook.xml, all pointing at the one sheet part (75 s before)."""
    sheets = b"".join(
        f'<sheet name="S{i}" sheetId="{i + 1}" r:id="rId1"/>'.encode() for i in range(entries)
    )
    return patched("xl/workbook.xml", lambda xml: re.sub(rb"<sheets>.*</sheets>", SHEETS_OPEN + sheets + b"</sheets>", xml))


def one_part_listed_three_times() -> bytes:
    """A sparse sheet of 1.2 million cells (A1 and T60001) listed three times: each listing is read again."""
    far = b'<row r="60001"><c r="T60001" t="n"><v>1</v></c></row></sheetData>'
    sheet_entries = b"".join(f'<sheet name="S{i}" sheetId="{i + 1}" r:id="rId1"/>'.encode() for i in range(3))
    data = patched("xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"</sheetData>", far))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        workbook = archive.read("xl/workbook.xml")
    return repack(data, replace={"xl/workbook.xml": re.sub(rb"<sheets>.*</sheets>", SHEETS_OPEN + sheet_entries + b"</sheets>", workbook)})


@functools.cache
def five_million_cells() -> bytes:
    """5,000,000 small numbers (25,000 rows x 200 columns) well under the 20 MB cap: 26 s and 533 MB before."""
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(c).encode() for c in range(1, 201)]
    rows = []
    for r in range(1, 25_001):
        number = str(r).encode()
        cells = b"".join(b'<c r="' + letter + number + b'"><v>' + str((r * 7 + c) % 1000).encode() + b"</v></c>" for c, letter in enumerate(letters))
        rows.append(b'<row r="' + number + b'">' + cells + b"</row>")
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + b"".join(rows) + b"</sheetData></worksheet>"
    )
    return repack(plain_xlsx(), replace={"xl/worksheets/sheet1.xml": sheet})


def archive_of_small_bombs(parts: int = 190) -> bytes:
    """190 parts just under the per-part ratio threshold (1 MB of zeros each): 89 s before."""
    filler = b"\x00" * (safety.RATIO_MIN_BYTES - 1)
    return repack(plain_xlsx(), add={f"xl/media/image{i}.bin": filler for i in range(parts)})


def sheet_entries_with_an_unbound_prefix() -> bytes:
    """10,000 entries whose r: prefix is declared nowhere: not XML, though a lenient reader reads every one."""
    sheets = b"".join(f'<sheet name="S{i}" sheetId="{i + 1}" r:id="rId1"/>'.encode() for i in range(10_000))
    return patched(
        "xl/workbook.xml",
        lambda xml: re.sub(rb"<sheets>.*</sheets>", b"<sheets>" + sheets + b"</sheets>", re.sub(rb' xmlns:r="[^"]*"', b"", xml)),
    )


# Issue 10's files -> the code the screen now refuses them with.
SCREEN_MISSED: dict[str, tuple[Callable[[], bytes], str]] = {
    "far_cell_single_quotes": (far_cell_single_quotes, "TOO_LARGE"),
    "far_cell_spaced_equals": (far_cell_spaced_equals, "TOO_LARGE"),
    "far_cell_tabs": (far_cell_tabs, "TOO_LARGE"),
    "far_cell_character_reference": (far_cell_character_reference, "TOO_LARGE"),
    "far_cell_second_r": (far_cell_second_r, "NOT_XLSX"),  # duplicate attributes are not well-formed XML
    "wide_row_without_r": (wide_row_without_r, "TOO_LARGE"),
    "wide_row_near_the_top": (wide_row_near_the_top, "TOO_LARGE"),
    "far_cell_outside_worksheets": (far_cell_outside_worksheets, "TOO_LARGE"),
    "far_cell_utf16": (far_cell_utf16, "TOO_LARGE"),
    "many_sheet_entries": (many_sheet_entries, "TOO_MANY_SHEETS"),
    "sheet_entries_with_an_unbound_prefix": (sheet_entries_with_an_unbound_prefix, "NOT_XLSX"),
    "one_part_listed_three_times": (one_part_listed_three_times, "TOO_MANY_CELLS"),
    "five_million_cells": (five_million_cells, "TOO_MANY_CELLS"),
    "archive_of_small_bombs": (archive_of_small_bombs, "ZIP_BOMB"),
}


def parent_pid() -> int:
    import os

    return os.getppid()


def nested_parent_pids() -> tuple[int, int | None]:
    """This child's parent, and the parent of a child it runs isolated itself: both the one fork server."""
    import os

    from xq_metrics import isolation

    inner = isolation.run(parent_pid, limits=isolation.Limits(isolation.GB, 5, 10, isolation.MB))
    return os.getppid(), inner.value
