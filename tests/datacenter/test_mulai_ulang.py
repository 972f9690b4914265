"""`make run` starts again after any interruption (issue: a killed process left the embedded
server's process list empty and every later start failed).

Twenty rounds against a portal of its own (its own data directory and port, so the suite's
database is never touched). Each round stops the portal at a random moment — SIGINT to the
whole process group, or SIGKILL to a random one of its processes (make, the script, gunicorn's
master or a worker, the task worker, a set-up command, the database's postmaster or a backend),
during start-up, while serving or during shutdown — then cleans up as a supervisor would
(SIGTERM, then SIGKILL, to whatever still runs), starts the portal afresh and asserts that it
answers /readyz, that every row committed before any of the stops is still there, and that the
start printed no traceback. The rounds are drawn from a seed printed on failure
(`UJI_MULAI_ULANG_SEED=<n>` repeats them); a summary is written to test-artifacts/.
"""

import contextlib
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil
import psycopg2
import pytest

from datacenter.embedded_db import Tertanam

pytestmark = pytest.mark.lambat

BASE_DIR = Path(__file__).resolve().parents[2]
ARTEFAK = BASE_DIR / "test-artifacts"
MAKE = shutil.which("make")
PUTARAN = 20
SIAP_DETIK = 240
SKENARIO = [
    "sigint_saat_mulai",
    "sigkill_saat_mulai",
    "sigint_saat_jalan",
    "sigkill_saat_jalan",
    "sigkill_saat_berhenti",
]


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Portal:
    """`make run` in its own process group, with its own data directory and port."""

    def __init__(self, data_dir: Path, log_dir: Path):
        self.data_dir = data_dir
        self.log_dir = log_dir
        self.port = _port_bebas()
        self.tertanam = Tertanam(data_dir)
        self.proses = None
        self.nomor = 0
        self.log = None

    def mulai(self):
        self.nomor += 1
        env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "TEST_DB_NAME"}}
        env |= {"PORT": str(self.port), "DATACENTER_DATA_DIR": str(self.data_dir)}
        self.log = self.log_dir / f"mulai-{self.nomor:02d}.log"
        with open(self.log, "wb") as keluaran:
            self.proses = subprocess.Popen(
                [MAKE, "--no-print-directory", "run"],
                cwd=BASE_DIR,
                env=env,
                stdout=keluaran,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return time.monotonic()

    def jawab(self, jalur: str) -> int | None:
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{self.port}{jalur}", timeout=2
            ) as jawaban:
                return jawaban.status
        except urllib.error.HTTPError as e:
            return e.code
        except (OSError, ValueError):
            return None

    def tunggu(self, jalur: str, detik: float = SIAP_DETIK) -> bool:
        batas = time.monotonic() + detik
        while time.monotonic() < batas:
            if self.jawab(jalur) == 200:
                return True
            if self.proses.poll() is not None and not self.grup():
                return False
            time.sleep(0.2)
        return False

    def grup(self) -> list[psutil.Process]:
        """The live processes of the portal's process group."""
        hasil = []
        for p in psutil.process_iter(["status"]):
            try:
                if os.getpgid(p.pid) == self.proses.pid and p.info["status"] != "zombie":
                    hasil.append(p)
            except (ProcessLookupError, psutil.NoSuchProcess):
                continue
        return hasil

    def semua_proses(self) -> list[psutil.Process]:
        """Everything a random SIGKILL may hit: the group and the database's processes."""
        return self.grup() + Tertanam.proses_server(self.tertanam.pgdata)

    def sinyal_grup(self, sig):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proses.pid, sig)

    def bunuh_acak(self, rng) -> str:
        calon = self.semua_proses()
        if not calon:
            return "-"
        korban = rng.choice(calon)
        try:
            nama = " ".join(korban.cmdline())[:80] or korban.name()
            korban.kill()
        except psutil.NoSuchProcess:
            return "(sudah selesai)"
        return nama

    def bereskan(self):
        """What a supervisor does after its stop signal: wait 30 s, SIGTERM to the group,
        SIGKILL 30 s later."""
        for sig in (signal.SIGTERM, signal.SIGKILL, None):
            batas = time.monotonic() + 30
            while self.grup() and time.monotonic() < batas:
                time.sleep(0.1)
            if not self.grup() or sig is None:
                break
            self.sinyal_grup(sig)
        self.proses.wait(timeout=30)
        assert not self.grup(), f"proses tersisa: {self.grup()}"

    def sql(self, perintah: str, *param):
        koneksi = psycopg2.connect(self.tertanam.url())
        try:
            koneksi.autocommit = True
            with koneksi.cursor() as cursor:
                cursor.execute(perintah, param)
                return cursor.fetchall() if cursor.description else None
        finally:
            koneksi.close()


@pytest.fixture
def portal(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("portal")
    log_dir = tmp_path_factory.mktemp("portal-log")
    p = Portal(data_dir, log_dir)
    yield p
    if p.proses is not None and p.grup():
        p.sinyal_grup(signal.SIGINT)
        p.bereskan()
    p.tertanam.stop()


def test_make_run_mulai_lagi_setelah_setiap_gangguan(portal):
    seed = int(os.environ.get("UJI_MULAI_ULANG_SEED") or time.time())
    rng = random.Random(seed)
    catatan = []

    def gagal(pesan):
        teks = portal.log.read_text(errors="replace")[-3000:] if portal.log else ""
        return f"seed {seed}, putaran {len(catatan)}: {pesan}\n--- log ---\n{teks}"

    def mulai_segar():
        """A fresh start after an interruption: it must answer /readyz, keep every row and
        print no traceback."""
        t0 = portal.mulai()
        assert portal.tunggu("/readyz"), gagal("portal tidak menjawab /readyz")
        durasi = time.monotonic() - t0
        tertulis = {r[0] for r in portal.sql("SELECT putaran FROM uji_tahan_banting")}
        assert tertulis == ditulis, gagal(f"baris hilang: {sorted(ditulis - tertulis)}")
        (jumlah_wilayah,) = portal.sql("SELECT count(*) FROM wilayah_wilayah")[0]
        assert jumlah_wilayah == wilayah_awal, gagal("wilayah berubah")
        # the demo command adds rows once, on the first start; every later start finds them
        log = portal.log.read_text(errors="replace")
        assert "Traceback" not in log, gagal("traceback saat mulai")
        perbaikan = [b for b in log.splitlines() if b.startswith("Basis data tertanam:")]
        return durasi, perbaikan

    # first start: initdb, every migration, regions, demo data
    t0 = portal.mulai()
    assert portal.tunggu("/readyz", 600), gagal("start pertama gagal")
    durasi_awal = time.monotonic() - t0
    portal.sql("CREATE TABLE uji_tahan_banting (putaran int PRIMARY KEY)")
    (wilayah_awal,) = portal.sql("SELECT count(*) FROM wilayah_wilayah")[0]
    ditulis: set[int] = set()
    lama_mulai = 10.0
    jalan = True  # a portal started and verified is running

    for putaran in range(PUTARAN):
        skenario = SKENARIO[putaran % len(SKENARIO)] if putaran < 5 else rng.choice(SKENARIO)
        langkah = {"putaran": putaran, "skenario": skenario}
        if skenario.endswith("saat_mulai"):
            if jalan:
                portal.sinyal_grup(signal.SIGINT)
                portal.bereskan()
            portal.mulai()
            jeda = rng.uniform(0, lama_mulai)
            time.sleep(jeda)
            langkah["jeda"] = round(jeda, 2)
            if skenario == "sigint_saat_mulai":
                portal.sinyal_grup(signal.SIGINT)
            else:
                langkah["dibunuh"] = portal.bunuh_acak(rng)
                time.sleep(rng.uniform(0, 1))
                portal.sinyal_grup(signal.SIGINT)
        else:
            assert jalan
            portal.sql("INSERT INTO uji_tahan_banting VALUES (%s)", putaran)
            ditulis.add(putaran)
            if skenario == "sigint_saat_jalan":
                portal.sinyal_grup(signal.SIGINT)
            elif skenario == "sigkill_saat_jalan":
                langkah["dibunuh"] = portal.bunuh_acak(rng)
                time.sleep(rng.uniform(0, 1))
                portal.sinyal_grup(signal.SIGINT)
            else:
                portal.sinyal_grup(signal.SIGINT)
                jeda = rng.uniform(0, 1.2)  # an orderly stop takes ~1.5 s
                time.sleep(jeda)
                langkah["jeda"] = round(jeda, 2)
                langkah["dibunuh"] = portal.bunuh_acak(rng)
        portal.bereskan()
        durasi, perbaikan = mulai_segar()
        lama_mulai = durasi
        jalan = True
        langkah |= {"mulai_detik": round(durasi, 1), "perbaikan": perbaikan}
        catatan.append(langkah)

    ARTEFAK.mkdir(exist_ok=True)
    (ARTEFAK / "mulai_ulang.json").write_text(
        json.dumps(
            {"seed": seed, "mulai_pertama_detik": round(durasi_awal, 1), "putaran": catatan},
            indent=1,
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    assert len(catatan) == PUTARAN
