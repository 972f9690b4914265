"""The embedded PostgreSQL starts whatever an interruption left behind, and says in one line
what it repaired; when it cannot start, it says why and what to do, without a traceback.

Every case runs `python -m datacenter.embedded_db url` in a process of its own against a copy of
one cluster made for this module (its own data directory: the suite's server is never touched).
"""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import psycopg2
import pytest

from datacenter.embedded_db import Tertanam, jelaskan_log

BASE_DIR = Path(__file__).resolve().parents[2]


def jalankan(data_dir: Path, perintah: str = "url", kode: str | None = None):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["DATACENTER_DATA_DIR"] = str(data_dir)
    argv = [sys.executable, "-m", "datacenter.embedded_db", perintah]
    if kode is not None:
        argv = [sys.executable, "-c", kode]
    return subprocess.run(
        argv, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=240, check=False
    )


def pesan(hasil) -> list[str]:
    return [b for b in hasil.stderr.splitlines() if b.strip()]


def postmaster(data_dir: Path) -> list[psutil.Process]:
    return [p for p in Tertanam.proses_server(data_dir / "pg") if Tertanam._adalah_postmaster(p)]


def sql(url: str, perintah: str):
    koneksi = psycopg2.connect(url)
    try:
        koneksi.autocommit = True
        with koneksi.cursor() as cursor:
            cursor.execute(perintah)
            return cursor.fetchall() if cursor.description else None
    finally:
        koneksi.close()


def tunggu_mati(proses: psutil.Process, detik: float = 10) -> None:
    batas = time.monotonic() + detik
    while time.monotonic() < batas:
        try:
            if proses.status() == psutil.STATUS_ZOMBIE:
                return
        except psutil.NoSuchProcess:
            return
        time.sleep(0.05)


@pytest.fixture(scope="module")
def klaster(tmp_path_factory):
    """One initialised, stopped cluster; each test gets a copy."""
    data_dir = tmp_path_factory.mktemp("klaster")
    hasil = jalankan(data_dir)
    assert hasil.returncode == 0, hasil.stderr
    assert jalankan(data_dir, "stop").returncode == 0
    return data_dir


@pytest.fixture
def data(klaster, tmp_path):
    salinan = tmp_path / "data"
    # cp -a keeps the owner (the server's own user when the suite runs as root)
    subprocess.run(["cp", "-a", str(klaster), str(salinan)], check=True)
    shutil.rmtree(salinan / "run", ignore_errors=True)
    yield salinan
    jalankan(salinan, "stop")


def test_mulai_dan_berhenti_tanpa_pesan(data):
    hasil = jalankan(data)
    assert hasil.returncode == 0, hasil.stderr
    assert pesan(hasil) == []
    assert sql(hasil.stdout.strip(), "SELECT 1") == [(1,)]
    assert len(postmaster(data)) == 1
    assert jalankan(data, "stop").returncode == 0
    assert postmaster(data) == []
    assert json.loads((data / "pg" / ".handle_pids.json").read_text()) == []


@pytest.mark.parametrize("isi", ["", "[12, 34", "{}", '["a"]'])
def test_daftar_proses_rusak_dianggap_kosong(data, isi):
    daftar = data / "pg" / ".handle_pids.json"
    daftar.write_text(isi)
    hasil = jalankan(data)
    assert hasil.returncode == 0, hasil.stderr
    assert len(pesan(hasil)) == 1
    assert "daftar proses" in pesan(hasil)[0]
    assert "dianggap kosong" in pesan(hasil)[0]
    assert isinstance(json.loads(daftar.read_text()), list)
    # the next start finds nothing to repair
    assert pesan(jalankan(data)) == []


def test_pid_yang_sudah_tidak_ada_dibuang_dari_daftar(data):
    daftar = data / "pg" / ".handle_pids.json"
    mati = subprocess.Popen(["true"])
    mati.wait()
    daftar.write_text(json.dumps([mati.pid, os.getpid()]))
    hasil = jalankan(data)
    assert hasil.returncode == 0, hasil.stderr
    assert pesan(hasil) == []  # routine upkeep, not a repair
    sisa = json.loads(daftar.read_text())
    assert mati.pid not in sisa
    assert os.getpid() in sisa


def test_proses_tidak_menulis_daftar_saat_keluar(data):
    """The wheel's exit hook (the write a signal cut short) no longer runs in our processes:
    a process is listed once, at start, and stays listed after it exits (the next start drops
    it)."""
    kode = (
        "from datacenter import embedded_db; import os; embedded_db.database_url(); "
        "print(os.getpid())"
    )
    hasil = jalankan(data, kode=kode)
    assert hasil.returncode == 0, hasil.stderr
    daftar = data / "pg" / ".handle_pids.json"
    assert json.loads(daftar.read_text()) == [int(hasil.stdout)]
    jalankan(data)
    assert int(hasil.stdout) not in json.loads(daftar.read_text())


def test_server_dibunuh_data_tetap_ada(data):
    url = jalankan(data).stdout.strip()
    sql(url, "CREATE TABLE t (n int); INSERT INTO t VALUES (42)")
    (pm,) = postmaster(data)
    pm.kill()
    tunggu_mati(pm)
    hasil = jalankan(data)
    assert hasil.returncode == 0, hasil.stderr
    assert len(pesan(hasil)) == 1
    assert "berhenti mendadak" in pesan(hasil)[0]
    assert sql(hasil.stdout.strip(), "SELECT n FROM t") == [(42,)]
    assert len(postmaster(data)) == 1


def _tunggu_status(data: Path, status: str, detik: float = 10) -> bool:
    batas = time.monotonic() + detik
    while time.monotonic() < batas:
        baris = (data / "pg" / "postmaster.pid").read_text().splitlines()
        if len(baris) == 8 and baris[7].strip() == status:
            return True
        time.sleep(0.05)
    return False


def test_server_yang_macet_berhenti_dihentikan_seketika(data):
    """A server stuck in "stopping" (here: a smart shutdown that waits for a client which
    never leaves) is not waited for minutes: after TUNGGU_BERHENTI_DETIK it gets PostgreSQL's
    immediate shutdown, the start says so in one line, and every committed row is there."""
    url = jalankan(data).stdout.strip()
    sql(url, "CREATE TABLE t (n int); INSERT INTO t VALUES (7)")
    tamu = psycopg2.connect(url)  # the client a smart shutdown waits for
    try:
        (pm,) = postmaster(data)
        pm.send_signal(signal.SIGTERM)
        assert _tunggu_status(data, "stopping")
        hasil = jalankan(data)
    finally:
        tamu.close()
    assert hasil.returncode == 0, hasil.stderr
    assert any("dihentikan seketika" in b for b in pesan(hasil)), pesan(hasil)
    assert "Traceback" not in hasil.stderr
    assert sql(hasil.stdout.strip(), "SELECT n FROM t") == [(7,)]
    assert len(postmaster(data)) == 1


def test_postmaster_pid_yang_dipakai_proses_lain(data):
    jalankan(data)
    asli = (data / "pg" / "postmaster.pid").read_text().splitlines()
    jalankan(data, "stop")
    # the pid of a killed server, now used by an unrelated live process (this one)
    (data / "pg" / "postmaster.pid").write_text("\n".join([str(os.getpid()), *asli[1:]]) + "\n")
    hasil = jalankan(data)
    assert hasil.returncode == 0, hasil.stderr
    assert "kini dipakai proses lain" in pesan(hasil)[0]
    assert len(postmaster(data)) == 1


@pytest.mark.parametrize("isi", ["", "99999999\n/x\n"])
def test_postmaster_pid_tidak_lengkap(data, isi):
    jalankan(data)
    jalankan(data, "stop")
    (data / "pg" / "postmaster.pid").write_text(isi)
    hasil = jalankan(data)
    assert hasil.returncode == 0, hasil.stderr
    assert "tidak lengkap" in pesan(hasil)[0]
    assert len(postmaster(data)) == 1


def test_server_tanpa_berkas_kunci_dihentikan_dulu(data):
    """Never two servers on one data directory."""
    url = jalankan(data).stdout.strip()
    sql(url, "CREATE TABLE t (n int); INSERT INTO t VALUES (7)")
    (lama,) = postmaster(data)
    (data / "pg" / "postmaster.pid").unlink()
    hasil = jalankan(data)
    assert hasil.returncode == 0, hasil.stderr
    assert "tanpa berkas kuncinya" in pesan(hasil)[0]
    assert not lama.is_running() or lama.status() == psutil.STATUS_ZOMBIE
    assert len(postmaster(data)) == 1
    assert sql(hasil.stdout.strip(), "SELECT n FROM t") == [(7,)]


def test_direktori_data_dihapus_saat_server_berjalan(data):
    """`.data` removed to start afresh while the old server still runs: the old server is
    stopped before the new cluster is made — stopping it afterwards let it write its control
    file into the new cluster, which then never started ("invalid checkpoint record")."""
    jalankan(data)
    (lama,) = postmaster(data)
    shutil.rmtree(data)
    hasil = jalankan(data)
    try:
        assert hasil.returncode == 0, hasil.stderr
        assert "sudah dihapus" in pesan(hasil)[0]
        assert sql(hasil.stdout.strip(), "SELECT 1") == [(1,)]
        assert not lama.is_running() or lama.status() == psutil.STATUS_ZOMBIE
        assert len(postmaster(data)) == 1
    finally:
        with contextlib.suppress(psutil.NoSuchProcess):
            lama.kill()


def test_kunci_soket_dari_proses_lain_dibersihkan(data):
    jalankan(data)
    jalankan(data, "stop")
    # a socket lock file naming a live process that is not our server
    (data / "pg" / ".s.PGSQL.5432.lock").write_text(f"{os.getpid()}\n{data / 'pg'}\n")
    hasil = jalankan(data)
    assert hasil.returncode == 0, hasil.stderr
    assert len(postmaster(data)) == 1


def test_pembuatan_awal_yang_terputus_diulang(tmp_path):
    data = tmp_path / "baru"
    (data / "pg.baru").mkdir(parents=True)
    (data / "pg.baru" / "PG_VERSION").write_text("18\n")  # initdb got this far, then was killed
    hasil = jalankan(data)
    try:
        assert hasil.returncode == 0, hasil.stderr
        assert "terputus" in pesan(hasil)[0]
        assert (data / "pg" / "PG_VERSION").exists()
        assert not (data / "pg.baru").exists()
    finally:
        jalankan(data, "stop")


def test_direktori_data_tanpa_pg_version_disimpan_di_samping(tmp_path):
    data = tmp_path / "sisa"
    (data / "pg" / "base").mkdir(parents=True)
    hasil = jalankan(data)
    try:
        assert hasil.returncode == 0, hasil.stderr
        assert "dipindah" in pesan(hasil)[0]
        assert [p.name.startswith("pg.tidak-lengkap-") for p in data.iterdir()].count(True) == 1
    finally:
        jalankan(data, "stop")


def test_mulai_bersamaan_satu_server(tmp_path):
    """gunicorn's workers and the task worker start at the same moment, on a new directory."""
    data = tmp_path / "serentak"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["DATACENTER_DATA_DIR"] = str(data)
    proses = [
        subprocess.Popen(
            [sys.executable, "-m", "datacenter.embedded_db", "url"],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    try:
        hasil = [p.communicate(timeout=240) for p in proses]
        assert all(p.returncode == 0 for p in proses), hasil
        assert len({keluar for keluar, _ in hasil}) == 1
        assert all(galat == "" for _, galat in hasil)
        assert len(postmaster(data)) == 1
    finally:
        jalankan(data, "stop")


# ---- when it cannot start ------------------------------------------------------------------


def _tanpa_traceback(hasil):
    assert hasil.returncode == 1
    assert "Traceback" not in hasil.stderr
    (baris,) = pesan(hasil)
    assert baris.startswith("Basis data tertanam tidak dapat dinyalakan: ")
    return baris


def test_disk_penuh(data):
    kode = (
        "import shutil, collections; U = collections.namedtuple('U', 'total used free'); "
        "shutil.disk_usage = lambda p: U(10**9, 10**9 - 5 * 2**20, 5 * 2**20); "
        "from datacenter import embedded_db; embedded_db.database_url()"
    )
    baris = _tanpa_traceback(jalankan(data, kode=kode))
    assert "disk penuh" in baris
    assert "tinggal 5 MB" in baris
    assert "Kosongkan ruang disk" in baris
    assert postmaster(data) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="mengganti pemilik berkas perlu root")
def test_direktori_data_milik_pengguna_lain(data):
    subprocess.run(["chown", "-R", "nobody", str(data / "pg")], check=True)
    baris = _tanpa_traceback(jalankan(data))
    assert "dimiliki pengguna nobody" in baris
    assert "chown -R embedded_postgres" in baris
    assert postmaster(data) == []


def test_server_gagal_dijelaskan_dari_lognya(data):
    # a setting PostgreSQL refuses: the start fails and the log's FATAL line is quoted
    with open(data / "pg" / "postgresql.conf", "a") as conf:
        conf.write("\nshared_buffers = 'banyak'\n")
    baris = _tanpa_traceback(jalankan(data))
    assert "shared_buffers" in baris
    assert "rincian di" in baris


@pytest.mark.parametrize(
    ("log", "kata"),
    [
        ('FATAL:  could not write lock file "postmaster.pid": No space left on device', "disk"),
        ('FATAL:  data directory "/x/pg" has wrong ownership', "pemilik"),
        ("LOG:  could not bind Unix address: Address already in use", "sedang dipakai"),
        ('FATAL:  lock file "/x/.s.PGSQL.5432.lock" already exists', "sedang dipakai"),
        ("FATAL:  could not create shared memory segment: No space", "--shm-size"),
    ],
)
def test_sebab_dari_log(tmp_path, log, kata):
    assert kata in jelaskan_log(log, Tertanam(tmp_path), tmp_path / "pg")


def test_sinyal_saat_keluar_tidak_merusak_daftar(data):
    """The sequence behind the issue: the task worker's second signal (run.sh's SIGTERM after
    the group's SIGINT) raised SystemExit inside the wheel's exit hook, between truncating the
    list and writing it. Our processes no longer write the list at exit, so the same sequence
    leaves it readable."""
    jalankan(data)
    kode = (
        "import signal, sys, time\n"
        "from datacenter import embedded_db\n"
        "embedded_db.database_url()\n"
        "signal.signal(signal.SIGTERM, lambda *a: sys.exit(1))\n"
        "print('siap', flush=True)\n"
        "time.sleep(30)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["DATACENTER_DATA_DIR"] = str(data)
    for _ in range(5):
        p = subprocess.Popen(
            [sys.executable, "-c", kode], cwd=BASE_DIR, env=env, stdout=subprocess.PIPE, text=True
        )
        assert p.stdout.readline().strip() == "siap"
        p.send_signal(signal.SIGINT)
        p.send_signal(signal.SIGTERM)
        p.wait(30)
        json.loads((data / "pg" / ".handle_pids.json").read_text())
