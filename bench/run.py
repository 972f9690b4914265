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


def main():
    setup_test_environment()
    # its own database, so a benchmark never touches the test suite's or the dev data
    connection.settings_dict["TEST"]["NAME"] = "bench_datacenter"
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
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
