"""Benchmark of the spreadsheet import (issue: data in), measured in one run on a throw-away
database with every region of Indonesia:

    make bench                      # runs this after the public-door benchmark
    .venv/bin/python -m bench.impor
    BENCH_IMPOR_ROWS=20000 .venv/bin/python -m bench.impor

A generated DPT `.xlsx` of BENCH_IMPOR_ROWS rows (100.000) and 10 columns, one report per
village and stage. Rows per second of
  (a) reading the file with openpyxl in read-only mode and doing nothing,
  (b) our import, `manage.py import_data` in a process of its own (read, check, look up, write,
      history, audit), and that process's peak memory,
  (c) a stock django-import-export `ModelResource` for the same model (per-row saves, its
      `ForeignKeyWidget` by code), on the first BENCH_STOK_ROWS rows (it takes minutes on all),
  (d) writing the 100.000 records back out with `export_data` (.xlsx).
Ratios are printed against (a) and (c): these machines are shared, absolute figures wander.
"""

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "datacenter.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from openpyxl import Workbook, load_workbook  # noqa: E402

ROWS = int(os.environ.get("BENCH_IMPOR_ROWS", "100000"))
STOK = int(os.environ.get("BENCH_STOK_ROWS", "3000"))
BASE_DIR = Path(__file__).resolve().parent.parent
KEPALA = [
    "satker",
    "wilayah",
    "pemilihan",
    "tahap",
    "periode",
    "judul",
    "jumlah_tps",
    "pemilih_laki",
    "pemilih_perempuan",
    "pemilih_total",
]


def berkas(path, n):
    from apps.wilayah.models import Wilayah

    desa = list(
        Wilayah.objects.filter(tingkat="desa").order_by("kode").values_list("kode", flat=True)
    )
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Data")
    ws.append(KEPALA)
    tahap = ["dps", "dpt", "dpshp", "dptb"]
    for i in range(n):
        d = desa[i % len(desa)]
        t = tahap[i // len(desa)]
        laki, perempuan = 1000 + i % 997, 1100 + i % 991
        ws.append(
            [
                d[:5],
                d,
                "pemilu-2024",
                t,
                "2024-03",
                f"{t} {d}",
                12,
                laki,
                perempuan,
                laki + perempuan,
            ]
        )
    wb.save(path)


def url_basis_data():
    s = connection.settings_dict
    host = s["HOST"] or s["OPTIONS"].get("host", "")
    port = f"&port={s['PORT']}" if s["PORT"] else ""
    return f"postgresql://{s['USER']}:{s['PASSWORD']}@/{s['NAME']}?host={host}{port}"


def baca_openpyxl(path):
    mulai = time.perf_counter()
    wb = load_workbook(path, read_only=True)
    n = sum(1 for _ in wb.active.iter_rows(values_only=True)) - 1
    wb.close()
    return n / (time.perf_counter() - mulai)


def impor_kami(path):
    """`manage.py import_data` in its own process: (rows/s, peak MB)."""
    env = {**os.environ, "DATABASE_URL": url_basis_data()}
    mulai = time.perf_counter()
    subprocess.run(  # noqa: S603 - our own command, fixed arguments
        [sys.executable, "manage.py", "import_data", "dpt", str(path), "--pengguna", "bench"],
        cwd=BASE_DIR,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    detik = time.perf_counter() - mulai
    mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return ROWS / detik, mb


def impor_stok(path, user):
    """A ModelResource as the library's documentation writes it, on the first STOK rows."""
    import tablib
    from import_export import fields, resources, widgets

    from apps.core.models import Pemilihan
    from apps.dpt.models import Dpt
    from apps.organisasi.models import Satker
    from apps.wilayah.models import Wilayah

    class SumberStok(resources.ModelResource):
        satker = fields.Field("satker", "satker", widgets.ForeignKeyWidget(Satker, "kode"))
        wilayah = fields.Field("wilayah", "wilayah", widgets.ForeignKeyWidget(Wilayah, "kode"))
        pemilihan = fields.Field(
            "pemilihan", "pemilihan", widgets.ForeignKeyWidget(Pemilihan, "kode")
        )

        class Meta:
            model = Dpt
            fields = tuple(KEPALA)
            import_id_fields = ("satker", "pemilihan", "tahap", "wilayah", "periode")

        def before_save_instance(self, instance, row, **kwargs):
            instance.created_by = instance.updated_by = user
            instance.status = "diajukan"

    wb = load_workbook(path, read_only=True)
    baris = wb.active.iter_rows(values_only=True)
    next(baris)
    data = []
    for mentah in baris:
        r = list(mentah)
        r[4] = f"{r[4]}-01"
        data.append(r)
        if len(data) == STOK:
            break
    wb.close()
    ds = tablib.Dataset(*data, headers=KEPALA)
    mulai = time.perf_counter()
    hasil = SumberStok().import_data(ds, dry_run=True, use_transactions=True)
    detik = time.perf_counter() - mulai
    assert not hasil.has_errors(), hasil.totals
    assert not hasil.has_validation_errors(), hasil.totals
    return STOK / detik


def ekspor(path):
    mulai = time.perf_counter()
    call_command("export_data", "dpt", str(path), stdout=open(os.devnull, "w"))  # noqa: SIM115
    return ROWS / (time.perf_counter() - mulai)


def main():
    connection.settings_dict["TEST"]["NAME"] = os.environ.get("BENCH_DB_NAME", "bench_impor")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        from apps.accounts.models import User
        from apps.core.demo import pemilihan_demo

        call_command("load_wilayah", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        call_command("load_satker", stdout=open(os.devnull, "w"))  # noqa: SIM115
        pemilihan_demo("pemilu-2024")
        user = User.objects.create_superuser("bench", password=None, nama_lengkap="Bench")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "dpt.xlsx"
            mulai = time.perf_counter()
            berkas(path, ROWS)
            detik = time.perf_counter() - mulai
            print(f"generated {ROWS:,} rows x {len(KEPALA)} columns in {detik:.1f} s")
            a = baca_openpyxl(path)
            c = impor_stok(path, user)
            b, mb = impor_kami(path)
            d = ekspor(Path(tmp) / "ekspor.xlsx")
        print(f"{'':<58} {'rows/s':>9} {'x (a)':>7} {'x (c)':>7}")
        for label, v in (
            ("(a) openpyxl read-only, reading only", a),
            (f"(b) our import, written ({mb:.0f} MB peak)", b),
            (f"(c) stock import-export ModelResource ({STOK:,} rows)", c),
            ("(d) export_data .xlsx", d),
        ):
            print(f"{label:<58} {v:9.0f} {v / a:7.2f} {v / c:7.1f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
