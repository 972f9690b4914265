"""Inserting many rows with PostgreSQL's COPY, in the caller's transaction.

`bulk_create` spends most of an import's writing time building one huge INSERT per batch in
Python (≈ 0,2 ms per row for a 30-column record, measured); COPY sends the rows as text and
PostgreSQL parses them. The ids are taken from the table's own sequence first, so the objects
carry their primary keys afterwards as `bulk_create` would have set them. Values are the
fields' database values (`get_db_prep_save`); the common types are written directly.
"""

import datetime as dt
import io
import itertools
from concurrent.futures import ThreadPoolExecutor
from operator import attrgetter

from django.db import connection, models

_GANTI = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _teks(v) -> str:
    """One value in COPY's text format."""
    if v is None:
        return "\\N"
    if isinstance(v, bool):
        return "t" if v else "f"
    if isinstance(v, dt.date):  # a datetime is a date too
        return v.isoformat()
    return str(v).translate(_GANTI)


def _penulis(field):
    """How one column's values become COPY text, chosen once per column and applied to a
    whole column at a time (`map` over builtins where no value is empty): the common kinds
    directly (a foreign key as its target's kind), anything else through the field's own
    database value."""
    sasaran = field.target_field if field.is_relation else field
    if isinstance(sasaran, models.BooleanField):
        return lambda kol: ["\\N" if v is None else ("t" if v else "f") for v in kol]
    if isinstance(sasaran, models.IntegerField):  # AutoField and BigAutoField too
        return lambda kol: (
            [("\\N" if v is None else str(v)) for v in kol] if None in kol else map(str, kol)
        )
    if isinstance(sasaran, models.DateField):  # a DateTimeField too
        return lambda kol: [("\\N" if v is None else v.isoformat()) for v in kol]
    if isinstance(sasaran, models.CharField | models.TextField):
        return _teks_kolom
    return lambda kol: [_teks(field.get_db_prep_save(v, connection)) for v in kol]


def _teks_kolom(kol):
    """A text column: escaped only when some value holds a character COPY treats specially
    (one scan of the column, in C, instead of a translation per value)."""
    gabung = None
    if None not in kol:
        try:
            gabung = "\x00".join(kol)
        except TypeError:  # not every value is text
            gabung = None
    if gabung is None:
        return [("\\N" if v is None else str(v).translate(_GANTI)) for v in kol]
    if "\\" in gabung or "\t" in gabung or "\n" in gabung or "\r" in gabung:
        return [v.translate(_GANTI) for v in kol]
    return kol


def _satu_kolom(tulis, kol):
    """A column's text; a column of one repeated value (the status, the importer, the empty
    fields — most of a record's columns) converted once."""
    if kol.count(kol[0]) == len(kol):
        return list(tulis(kol[:1])) * len(kol)
    return tulis(kol)


def _kolom(model):
    return [f for f in model._meta.concrete_fields if not isinstance(f, models.AutoField)]


def ambil_id(model, n: int) -> list[int]:
    """`n` new primary keys from the table's sequence."""
    if n == 0:
        return []
    tabel, pk = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as c:
        c.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [tabel, pk, n],
        )
        return [r[0] for r in c.fetchall()]


def salin(model, objs, ukuran: int = 10_000) -> None:
    """INSERT `objs` (unsaved instances of `model`, or objects carrying every field's value
    under its attribute name) with COPY, giving each its id. Fields left to `pre_save`
    (auto_now) must be set by the caller: COPY runs no Python per field."""
    objs = list(objs)
    if any(isinstance(f, models.JSONField) for f in model._meta.concrete_fields):
        model.objects.bulk_create(objs, batch_size=1000)  # JSON goes through its adapter
        return
    for obj, pk in zip(objs, ambil_id(model, len(objs)), strict=True):
        obj.pk = pk
    kolom = [model._meta.pk, *_kolom(model)]
    ambil = attrgetter(*(f.attname for f in kolom))
    salin_baris(model, [f.name for f in kolom], (ambil(obj) for obj in objs), ukuran)
    for obj in objs:
        if hasattr(obj, "_state"):  # a model instance (not an import's compact row)
            obj._state.adding = False
            obj._state.db = connection.alias


def salin_baris(model, nama_field, baris, ukuran: int = 10_000) -> None:
    """INSERT rows given as tuples of the values of the fields `nama_field` with COPY, `ukuran`
    rows per statement; each column's values turned into text by a converter chosen once and
    applied to the whole column.
    Directly for rows nobody needs as objects afterwards (history rows; their ids come from
    the table's default)."""
    kolom = [model._meta.get_field(n) for n in nama_field]
    tulis = [_penulis(f) for f in kolom]
    nama = ", ".join(connection.ops.quote_name(f.column) for f in kolom)
    sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({nama}) FROM STDIN"
    # The next chunk's text is built while PostgreSQL takes in the previous one: psycopg2
    # releases the GIL while it sends and waits, so a second thread sends (one COPY at a time
    # on the connection: each waits for the one before).
    with connection.cursor() as c, ThreadPoolExecutor(max_workers=1) as kirim:
        tertunda = None
        for potongan in itertools.batched(baris, ukuran):
            kolom_teks = [
                _satu_kolom(t, kol)
                for t, kol in zip(tulis, zip(*potongan, strict=True), strict=True)
            ]
            teks = "\n".join(map("\t".join, zip(*kolom_teks, strict=True))) + "\n"
            if tertunda is not None:
                tertunda.result()
            tertunda = kirim.submit(_salin_teks, c, sql, teks)
        if tertunda is not None:
            tertunda.result()


def _salin_teks(c, sql, teks):
    # the caller's connection (in this thread `connection` would be another one), its
    # errors as Django's (IntegrityError…)
    with c.db.wrap_database_errors:
        c.cursor.copy_expert(sql, io.StringIO(teks))
