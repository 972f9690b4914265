"""Benchmark of the spreadsheet import (issue: data in), measured in one run on a throw-away
database with every region of Indonesia:

    make bench                      # runs this after the public-door benchmark
    .venv/bin/python -m bench.impor
    BENCH_IMPOR_ROWS=20000 .venv/bin/python -m bench.impor

A generated DPT `.xlsx` of BENCH_IMPOR_ROWS rows (100.000) and 10 columns, one report per
village and stage. Rows per second of
  (a) reading the file with openpyxl in read-only mode and doing nothing,
  (b) our import, `manage.py import_data` in a process of its own (read, check, look up, write,
      history, audit), and that process's peak memory; also without the process's start
      (interpreter and Django setup, timed alone with `import_data --help`), as (a) is timed
      inside a running interpreter,
  (c) a stock django-import-export `ModelResource` for the same model (per-row saves, its
      `ForeignKeyWidget` by code), on the first BENCH_STOK_ROWS rows (it takes minutes on all),
  (d) writing the 100.000 records back out with `export_data` (.xlsx),
  (e) the write API: BENCH_API_BATCHES batches of 1.000 new DPT records POSTed as JSON to
      /api/v1/masuk/dpt/ through gunicorn (2 workers, DEBUG off), from two client threads —
      records per second, against the goal of 2.000.
Ratios are printed against (a) and (c): these machines are shared, absolute figures wander.
"""

import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "datacenter.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from openpyxl import Workbook, load_workbook  # noqa: E402

ROWS = int(os.environ.get("BENCH_IMPOR_ROWS", "100000"))
STOK = int(os.environ.get("BENCH_STOK_ROWS", "3000"))
API_BATCHES = int(os.environ.get("BENCH_API_BATCHES", "20"))
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
    """`manage.py import_data` in its own process: (rows/s, peak MB, seconds of the process
    start — interpreter and Django setup, `import_data --help` timed alone — to show the
    import proper beside the whole process)."""
    env = {**os.environ, "DATABASE_URL": url_basis_data()}

    def jalankan(*argumen):
        mulai = time.perf_counter()
        subprocess.run(  # noqa: S603 - our own command, fixed arguments
            [sys.executable, "manage.py", "import_data", *argumen],
            cwd=BASE_DIR,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return time.perf_counter() - mulai

    awal = min(jalankan("--help") for _ in range(3))
    detik = jalankan("dpt", str(path), "--pengguna", "bench")
    mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return ROWS / detik, mb, awal, ROWS / (detik - awal)


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


def _port_bebas():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api_tulis():
    """Records per second through the write API (see the module's docstring, (e))."""
    from apps.imports.models import Aplikasi, KunciAplikasi
    from apps.organisasi.models import Satker
    from apps.wilayah.models import Wilayah

    pusat = Satker.objects.get(tingkat="pusat")
    app = Aplikasi.objects.create(nama="bench", satker=pusat, termasuk_bawahan=True, modul=["dpt"])
    _k, kunci = KunciAplikasi.objects.create_key(name="bench", aplikasi=app)
    desa = list(
        Wilayah.objects.filter(tingkat="desa").order_by("kode").values_list("kode", flat=True)
    )
    badan = []
    for b in range(API_BATCHES):
        rekaman = []
        for j in range(1000):
            i = b * 1000 + j
            d = desa[i % len(desa)]
            rekaman.append(
                {
                    "id_luar": f"B{i}",
                    "satker": d[:5],
                    "wilayah": d,
                    "pemilihan": "pemilu-2024",
                    "tahap": "dps",
                    "periode": "2024-04",  # the file's rows are of March: all new
                    "judul": f"API {d}",
                    "jumlah_tps": 12,
                    "pemilih_laki": 1000,
                    "pemilih_perempuan": 1100,
                    "pemilih_total": 2100,
                }
            )
        badan.append(json.dumps({"rekaman": rekaman}).encode())
    port = _port_bebas()
    env = {
        **os.environ,
        "DATABASE_URL": url_basis_data(),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "API_MASUK_BATAS_LAJU": "100000/minute",
    }
    # DEBUG off serves static files from the collected manifest, as in production
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    server = subprocess.Popen(  # noqa: S603 - our own server, fixed arguments
        [sys.executable, "-m", "gunicorn", "datacenter.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(log := tempfile.TemporaryFile()),  # noqa: SIM115 - closed below
    )
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/healthz", timeout=2)  # noqa: S310 - local
                break
            except OSError:
                time.sleep(0.2)
        gagal = []

        def kirim(bagian):
            for data in bagian:
                req = urllib.request.Request(  # noqa: S310 - local
                    f"{url}/api/v1/masuk/dpt/",
                    data=data,
                    headers={
                        "Content-Type": "application/json",
                        "Authorization": f"Api-Key {kunci}",
                    },
                )
                try:
                    with urllib.request.urlopen(req, timeout=120) as r:  # noqa: S310
                        if json.load(r)["baru"] != 1000:
                            gagal.append("not all new")
                except urllib.error.HTTPError as e:
                    gagal.append(e.read()[:300])
                except OSError as e:
                    gagal.append(repr(e))

        mulai = time.perf_counter()
        utas = [threading.Thread(target=kirim, args=(badan[i::2],)) for i in range(2)]
        for t in utas:
            t.start()
        for t in utas:
            t.join()
        detik = time.perf_counter() - mulai
        if gagal:
            log.seek(0)
            raise RuntimeError(f"{gagal[:2]}\n{log.read()[:6000].decode()}")
        return API_BATCHES * 1000 / detik
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def main():
    connection.settings_dict["TEST"]["NAME"] = os.environ.get("BENCH_DB_NAME", "bench_impor")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        from apps.accounts.models import User
        from apps.core.demo import pemilihan_demo

        call_command("load_wilayah", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        call_command("load_satker", stdout=open(os.devnull, "w"))  # noqa: SIM115
        call_command("createcachetable", verbosity=0)
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
            b, mb, awal, b_inti = impor_kami(path)
            d = ekspor(Path(tmp) / "ekspor.xlsx")
        e = api_tulis()
        print(f"{'':<58} {'rows/s':>9} {'x (a)':>7} {'x (c)':>7}")
        for label, v in (
            ("(a) openpyxl read-only, reading only", a),
            (f"(b) our import, written ({mb:.0f} MB peak)", b),
            (f"    the same without the process start ({awal:.1f} s)", b_inti),
            (f"(c) stock import-export ModelResource ({STOK:,} rows)", c),
            ("(d) export_data .xlsx", d),
        ):
            print(f"{label:<58} {v:9.0f} {v / a:7.2f} {v / c:7.1f}")
        label = f"(e) write API, {API_BATCHES} x 1.000 records (goal 2.000/s)"
        print(f"{label:<58} {e:9.0f} {e / a:7.2f} {e / c:7.1f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
