"""An import written by the real background worker (`manage.py db_worker`), and the same worker
killed with SIGKILL while it writes: the database keeps nothing of the file."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import connection

from apps.accounts.models import User
from apps.core.demo import pemilihan_demo
from apps.core.models import Riwayat
from apps.dpt.models import Dpt
from apps.imports import tasks
from apps.imports.models import ImportJob, Keadaan
from tests.conftest import bangun_pohon

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.lambat]
BASE_DIR = Path(__file__).resolve().parents[2]
TAHAP = ["dp4", "coklit", "dphp", "dps", "dpshp", "dpt", "dptb", "dpk"]


def berkas_besar(n):
    """n valid DPT rows of Kota Metro's kecamatan Metro Pusat, one per stage and month."""
    baris = [
        "satker,wilayah,pemilihan,tahap,periode,judul,jumlah_tps,pemilih_laki,pemilih_perempuan,pemilih_total"
    ]
    for i in range(n):
        bulan = i // len(TAHAP)
        tahun, b = 1900 + bulan // 12, bulan % 12 + 1
        baris.append(
            f"18.72,18.72.01,pemilu-2024,{TAHAP[i % len(TAHAP)]},{tahun}-{b:02d},"
            f"Laporan {i},10,{1000 + i},{2000 + i},{3000 + 2 * i}"
        )
    return ("\n".join(baris) + "\n").encode()


def url_basis_data():
    s = connection.settings_dict
    host = s["HOST"] or s["OPTIONS"].get("host", "")
    port = f"&port={s['PORT']}" if s["PORT"] else ""
    return f"postgresql://{s['USER']}:{s['PASSWORD']}@/{s['NAME']}?host={host}{port}"


def pekerja():
    env = {**os.environ, "DATABASE_URL": url_basis_data(), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.1"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


@pytest.fixture
def admin(db):
    """Transactional tests start from an emptied database: the tree and personas first."""
    bangun_pohon()
    pemilihan_demo("pemilu-2024")
    return User.objects.get(username="admin")


def job_siap(admin, n):
    job = ImportJob(modul="dpt", nama_berkas="besar.csv", dibuat_oleh=admin, sha256="0" * 64)
    job.berkas.save("besar.csv", ContentFile(berkas_besar(n)), save=False)
    job.keadaan = Keadaan.ANTRE_SIMPAN
    job.baru = n  # what its check found and the person confirmed
    job.save()
    return job


def sedang_menulis():
    """The worker's connection is writing DPT rows right now (COPY, apps.imports.salin)."""
    with connection.cursor() as c:
        c.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
            "AND (query ILIKE 'COPY \"dpt_dpt\"%%' OR query ILIKE 'INSERT INTO \"dpt_dpt\"%%')"
        )
        return c.fetchone()[0] > 0


def tunggu(syarat, detik):
    batas = time.monotonic() + detik
    while time.monotonic() < batas:
        if syarat():
            return True
        time.sleep(0.02)
    return False


def test_pekerja_menyimpan_impor(admin):
    job = job_siap(admin, 300)
    tasks.simpan.enqueue(job.pk)
    proses = pekerja()
    try:
        assert tunggu(lambda: ImportJob.objects.get(pk=job.pk).keadaan == Keadaan.SELESAI, 90)
    finally:
        os.killpg(proses.pid, signal.SIGTERM)
        proses.wait(20)
    assert Dpt.objects.filter(status="diajukan").count() == 300


def test_pekerja_dibunuh_saat_menulis_tidak_meninggalkan_apa_pun(admin):
    job = job_siap(admin, 28_000)
    tasks.simpan.enqueue(job.pk)
    proses = pekerja()
    try:
        assert tunggu(sedang_menulis, 120), "the worker never started writing"
    finally:
        os.killpg(proses.pid, signal.SIGKILL)
        proses.wait(20)
    # PostgreSQL ends the dead client's session and rolls its transaction back
    assert tunggu(lambda: not sedang_menulis(), 30)
    assert Dpt.objects.count() == 0
    assert Riwayat.objects.filter(aksi="impor").count() == 0
    job.refresh_from_db()
    assert job.keadaan == Keadaan.MENYIMPAN  # as the worker left it; shown as stopped later
    assert job.baris_selesai > 0
