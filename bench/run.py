"""Benchmark of the public door: requests per second of public pages relative to a bare
view, measured in one run on a throw-away database with national-scale synthetic rows.

    make bench            # 100.000 rows per module
    BENCH_ROWS=20000 make bench

Figures are ratios to `/healthz` measured in the same run, since these machines are shared.
"""

import os
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "datacenter.settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from apps.core import registry  # noqa: E402

ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "3"))


def rate(client, url, dingin=False):
    """Requests per second; `dingin` (cold) empties the page cache before every request."""
    client.get(url)  # warm up
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < SECONDS:
        if dingin:
            cache.clear()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        n += 1
    return n / (time.perf_counter() - start)


def _baris(client, base, url, dingin):
    r = rate(client, url, dingin)
    label = f"{url} ({'cold' if dingin else 'cached'})"
    print(f"{label:<60} {r:8.1f} {r / base:8.3f}")


def _ada_data():
    return [m for m in registry.all_modules() if m.model.objects.public().exists()]


def cari_dan_statistik(client, base):
    """Search (/cari/) and statistics (/statistik/) on the same rows: first as they run
    (no search index), then with a GIN expression index per module on the very expression
    the search filters on, partial on public rows, built here in the throw-away database
    (in the code it would need a migration in every module app)."""
    from django.contrib.postgres.indexes import GinIndex

    from apps.core.models import PUBLIK_Q
    from apps.portal import cari

    moduls = _ada_data()
    if not moduls:
        return
    contoh = moduls[0].model.objects.public().order_by("-periode", "-id").first()
    kata = str(getattr(contoh, moduls[0].judul_field)).split()[0].lower()
    skenario_cari = [
        (f"/cari/?q={kata}", True),
        (f"/cari/?q={kata}&modul={moduls[0].kode}", True),
        ("/cari/?q=zzkatatidakada", True),
        (f"/cari/?q={kata}", False),
    ]
    from django.conf import settings

    batas = cari.batas_waktu_ms()
    print(f"\nsearch, no index, no time limit (word '{kata}' in about 1/8 of the rows)")
    settings.CARI_BATAS_WAKTU_MS = 0  # 0: PostgreSQL's "no statement_timeout"
    for url, dingin in skenario_cari:
        _baris(client, base, url, dingin)
    settings.CARI_BATAS_WAKTU_MS = batas
    print(f"search, no index, statements cancelled after {batas} ms (the default)")
    for url, dingin in skenario_cari[:1]:
        _baris(client, base, url, dingin)
    print("\nstatistics")
    for modul in moduls:
        for url, dingin in [
            (f"/statistik/{modul.kode}/", True),
            (f"/statistik/{modul.kode}/?wilayah=18", True),
            (f"/statistik/{modul.kode}/", False),
            (f"/statistik/{modul.kode}.csv?tabel=wilayah", True),
        ]:
            _baris(client, base, url, dingin)
    _baris(client, base, "/statistik/", True)
    _baris(client, base, "/satker/18.72/", True)

    print("\nsearch, with a GIN index per module on the search expression (public rows)")
    for modul in moduls:
        indeks = GinIndex(
            cari.vektor(modul), condition=PUBLIK_Q, name=f"{modul.kode}_cari_publik"[:30]
        )
        mulai = time.perf_counter()
        with connection.schema_editor() as editor:
            editor.add_index(modul.model, indeks)
        with connection.cursor() as c:
            c.execute(f'ANALYZE "{modul.model._meta.db_table}"')
            c.execute("SELECT pg_relation_size(%s)", [indeks.name])
            ukuran = c.fetchone()[0]
        print(
            f"{modul.kode}: index built in {time.perf_counter() - mulai:.1f} s, "
            f"{ukuran / 1e6:.1f} MB"
        )
    for url, dingin in skenario_cari:
        _baris(client, base, url, dingin)
    modul = moduls[0]
    q = cari.kueri(kata)
    rencana = (
        modul.model.objects.public()
        .alias(d=cari.vektor(modul))
        .filter(d=q)
        .values("pk")[:101]
        .explain()
    )
    print("\n".join(rencana.splitlines()[:6]))


def main():
    setup_test_environment()
    # its own database, so a benchmark never touches the test suite's or the dev data
    connection.settings_dict["TEST"]["NAME"] = os.environ.get("BENCH_DB_NAME", "bench_datacenter")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        call_command("load_wilayah", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        call_command("load_satker", stdout=open(os.devnull, "w"))  # noqa: SIM115
        started = time.perf_counter()
        call_command("generate_scale", rows=ROWS, stdout=open(os.devnull, "w"))  # noqa: SIM115
        print(f"generated {ROWS:,} rows per module in {time.perf_counter() - started:.1f} s")
        with connection.cursor() as c:
            c.execute("ANALYZE")
        client = Client()
        base = rate(client, "/healthz")
        print(f"{'page':<45} {'req/s':>8} {'× bare':>8}")
        print(f"{'/healthz (bare view)':<45} {base:8.0f} {1:8.2f}")
        for modul in registry.all_modules():
            first = modul.model.objects.public().order_by("-periode", "-id").first()
            if first is None:
                print(f"{modul.kode}: no synthetic rows (opted out of generate_scale)")
                continue
            for url, dingin in [
                (f"/data/{modul.kode}/", True),
                (f"/data/{modul.kode}/", False),
                (f"/data/{modul.kode}/?hal=50", True),
                (f"/data/{modul.kode}/?wilayah=18.72", True),
                (f"/data/{modul.kode}/{first.pk}/", False),
                ("/", True),
                ("/", False),
            ]:
                r = rate(client, url, dingin)
                label = f"{url} ({'cold' if dingin else 'cached'})"
                print(f"{label:<45} {r:8.0f} {r / base:8.2f}")
            qs = modul.model.objects.public().order_by("-periode", "-id")[:51]
            print(qs.explain().splitlines()[0:3])
        cari_dan_statistik(client, base)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
