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
import traceback

from django.db import connections

MIN_PARALEL = 2000  # rows of a block worth a fork


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
    if pid == 0:  # the child
        os.close(baca_fd)
        kode = 0
        try:
            _lepaskan_koneksi()
            data = pickle.dumps(("ok", [fungsi(b) for b in butir[tengah:]]), protocol=5)
        except BaseException:  # noqa: BLE001 - everything goes back to the parent
            data = pickle.dumps(("galat", traceback.format_exc()), protocol=5)
            kode = 1
        try:
            with os.fdopen(tulis_fd, "wb") as f:
                f.write(data)
        finally:
            os._exit(kode)
    os.close(tulis_fd)
    try:
        depan = [fungsi(b) for b in butir[:tengah]]
    finally:
        # read the child's answer even when this half failed, so it can end
        with os.fdopen(baca_fd, "rb") as f:
            mentah = f.read()
        os.waitpid(pid, 0)
    if not mentah:
        raise GagalAnak("proses anak pemeriksa berhenti tanpa jawaban")
    jenis, isi = pickle.loads(mentah)  # noqa: S301 - our own child's answer through a pipe
    if jenis != "ok":
        raise GagalAnak(isi)
    return depan + isi


# the child's copies of the parent's connections: kept referenced so that they are never
# closed (closing would end the parent's session on the shared socket)
_DISIMPAN = []


def _lepaskan_koneksi():
    for koneksi in connections.all(initialized_only=True):
        _DISIMPAN.append(koneksi.connection)
        koneksi.connection = None
