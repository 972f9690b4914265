"""Checking a file's rows on two cores: the second half of each block of rows is checked in a
forked child process while this one checks the first half.

Checking a row is pure Python work on dictionaries read once (no query), so it divides cleanly;
on a 2-core machine a 100,000-row file is checked in a little over half the time. The child
gets a copy of everything at the moment of the fork (the dictionaries, the language, the
paused garbage collector), returns its results pickled through a pipe and ends with
`os._exit`, running no cleanup: it must never close, or talk over, the database connection it
shares with its parent. Should it try to query, it finds no connection and opens its own.
Where `os.fork` is missing, with one CPU, or with `IMPOR_PARALEL=0`, everything runs here.
"""

import os
import pickle
import select
import signal
import traceback

from django.db import connections

MIN_PARALEL = 2000  # rows of a block worth a fork
BATAS_DETIK = 300  # the longest a child may stay silent (its half of a block takes < 1 s)


def boleh_paralel() -> bool:
    return (
        hasattr(os, "fork")
        and (os.cpu_count() or 1) > 1
        and os.environ.get("IMPOR_PARALEL", "1") != "0"
    )


class GagalAnak(RuntimeError):
    """The child process failed; its traceback is the message."""


def peta(fungsi, butir: list, paralel: bool) -> list:
    """`[fungsi(b) for b in butir]`, the second half computed in a forked child when `paralel`
    and the list is long enough. `fungsi`'s results must pickle."""
    if not paralel or len(butir) < MIN_PARALEL:
        return [fungsi(b) for b in butir]
    tengah = len(butir) // 2
    baca_fd, tulis_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: whatever happens, it ends here and never returns
        try:
            _anak(fungsi, butir[tengah:], baca_fd, tulis_fd)
        finally:
            os._exit(1)
    os.close(tulis_fd)
    try:
        depan = [fungsi(b) for b in butir[:tengah]]
    except BaseException:
        _hentikan(pid, baca_fd)
        raise
    mentah = _baca_jawaban(pid, baca_fd)
    try:
        jenis, isi = pickle.loads(mentah)  # noqa: S301 - our own child's answer through a pipe
    except (pickle.UnpicklingError, EOFError, ValueError):  # cut short: the child was killed
        raise GagalAnak("jawaban proses anak pemeriksa terpotong") from None
    if jenis != "ok":
        raise GagalAnak(isi)
    return depan + isi


def _anak(fungsi, butir, baca_fd, tulis_fd):
    """The child's work: its own signal handling (not the worker's), no use of the parent's
    connections, the results (or the traceback) pickled into the pipe, then `os._exit`."""
    for sinyal in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sinyal, signal.SIG_DFL)
    os.close(baca_fd)
    kode = 0
    try:
        _lepaskan_koneksi()
        data = pickle.dumps(("ok", [fungsi(b) for b in butir]), protocol=5)
    except BaseException:  # noqa: BLE001 - everything goes back to the parent
        data = pickle.dumps(("galat", traceback.format_exc()), protocol=5)
        kode = 1
    with os.fdopen(tulis_fd, "wb") as f:
        f.write(data)
    os._exit(kode)


def _baca_jawaban(pid, baca_fd) -> bytes:
    """All the child writes, waiting at most `BATAS_DETIK` without a byte; then the child is
    reaped. A child silent for that long is killed and the check fails."""
    potongan = []
    with os.fdopen(baca_fd, "rb", buffering=0) as f:
        while True:
            siap, _w, _x = select.select([f], [], [], BATAS_DETIK)
            if not siap:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                raise GagalAnak(f"proses anak pemeriksa diam lebih dari {BATAS_DETIK} detik")
            data = f.read(1 << 20)
            if not data:
                break
            potongan.append(data)
    os.waitpid(pid, 0)
    if not potongan:
        raise GagalAnak("proses anak pemeriksa berhenti tanpa jawaban")
    return b"".join(potongan)


def _hentikan(pid, baca_fd):
    """This half failed: the child is not waited for."""
    os.kill(pid, signal.SIGKILL)
    os.close(baca_fd)
    os.waitpid(pid, 0)


# the child's copies of the parent's connections: kept referenced so that they are never
# closed (closing would end the parent's session on the shared socket)
_DISIMPAN = []


def _lepaskan_koneksi():
    for koneksi in connections.all(initialized_only=True):
        _DISIMPAN.append(koneksi.connection)
        koneksi.connection = None
