"""The one CSV writer and the one XLSX writer of every spreadsheet the portal hands out — the
module downloads, the DIP and the statistics tables — and the guard against formula injection
they share (OWASP "CSV injection": a cell beginning with = + - @ or a tab is made plain text).

- CSV: UTF-8 with a byte order mark (so spreadsheet programs read the characters right),
  comma-separated, dates in ISO 8601, decimals without exponent, booleans `true`/`false`, empty
  for None; produced as an iterator of text pieces (one per chunk of rows), for streaming.
- XLSX: openpyxl's write-only workbook into a temporary file (deleted when closed); dates and
  times as real date cells, numbers as numbers, text stripped of the characters XLSX cannot
  hold; a `Tebal` text is a bold cell (headings).
"""

import csv
import datetime as dt
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
BARIS_PER_POTONGAN = 500

MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def netralkan(teks: str) -> str:
    """A text a spreadsheet would run as a formula, made plain text."""
    return f"'{teks}" if teks.startswith(AWALAN_RUMUS) else teks


def iso(v):
    """A date or a time in ISO 8601 (times in local time); anything else as it is."""
    if isinstance(v, dt.datetime):
        return timezone.localtime(v).isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def sel_csv(v) -> str:
    """One value as CSV text."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Decimal):
        return format(v, "f")
    if isinstance(v, str | Promise):
        return netralkan(str(v))
    return str(iso(v))


class _Gema:
    """csv.writer writes into this and gets the line back."""

    def write(self, value):
        return value


def alir_csv(kepala: Iterable, baris: Iterable[Iterable]) -> Iterator[str]:
    """The CSV text of a header and rows, in pieces of `BARIS_PER_POTONGAN` rows (the first
    piece carries the byte order mark and the header)."""
    penulis = csv.writer(_Gema())
    yield BOM + penulis.writerow([sel_csv(k) for k in kepala])
    potongan = []
    for b in baris:
        potongan.append(penulis.writerow([sel_csv(v) for v in b]))
        if len(potongan) >= BARIS_PER_POTONGAN:
            yield "".join(potongan)
            potongan = []
    if potongan:
        yield "".join(potongan)


def teks_csv(kepala: Iterable, baris: Iterable[Iterable]) -> str:
    """The whole CSV text (small tables)."""
    return "".join(alir_csv(kepala, baris))


class Tebal(str):
    """A text written as a bold cell (a heading)."""

    __slots__ = ()


@dataclass
class Lembar:
    """One sheet: its title and its rows (the first is usually the header, as `Tebal`)."""

    judul: str
    baris: Iterable[Iterable]


def sel_xlsx(ws, v, tebal: Font):
    if v is None or isinstance(v, bool | int | float | Decimal):
        return v
    if isinstance(v, dt.datetime):
        cell = WriteOnlyCell(ws, value=timezone.localtime(v).replace(tzinfo=None))
        cell.number_format = "yyyy-mm-dd hh:mm:ss"
        return cell
    if isinstance(v, dt.date):
        cell = WriteOnlyCell(ws, value=v)
        cell.number_format = "yyyy-mm-dd"
        return cell
    teks = netralkan(ILLEGAL_CHARACTERS_RE.sub("", str(v)))
    if isinstance(v, Tebal):
        cell = WriteOnlyCell(ws, value=teks)
        cell.font = tebal
        return cell
    return teks


def buku_xlsx(lembar: Iterable[Lembar]):
    """The workbook of `lembar`, in a temporary file at position 0: a `FileResponse` closes
    it, which deletes it. The sheets are written in order, each row as it is read."""
    wb = Workbook(write_only=True)
    tebal = Font(bold=True)
    for lb in lembar:
        ws = wb.create_sheet(str(lb.judul)[:31])
        for b in lb.baris:
            ws.append([sel_xlsx(ws, v, tebal) for v in b])
    berkas = tempfile.TemporaryFile()  # noqa: SIM115 - the caller's response closes it
    wb.save(berkas)
    berkas.seek(0)
    return berkas


def judul(kepala: Iterable) -> list[Tebal]:
    """A header row of bold cells."""
    return [Tebal(str(k)) for k in kepala]
