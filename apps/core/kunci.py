"""One lock per module and office for every write that checks rules across records: a form's
save (`services.buat_rekaman` / `ubah_rekaman`), a spreadsheet import and the write API
(`apps.imports.proses`). A transaction-level PostgreSQL advisory lock, released at commit or
rollback: two writers into the same module and office take turns, so a rule that reads the
office's other records (DPT's no-double-counting, a natural key not yet in the table) sees
what the other one wrote. Rows that exist are locked by SELECT … FOR UPDATE; this covers the
ones that do not exist yet."""

import zlib

from django.db import connection


def ruang(nama: str) -> int:
    """The lock space of a name (a module's code): a stable 31-bit number."""
    return zlib.crc32(f"rekaman:{nama}".encode()) & 0x7FFFFFFF


def kunci(nama: str, ids) -> None:
    """Wait for, then hold until the transaction ends, the lock of each id in `ids` in the
    space `nama` (taken in one order, so two writers never deadlock)."""
    with connection.cursor() as c:
        for pk in sorted({i for i in ids if i is not None}):
            c.execute("SELECT pg_advisory_xact_lock(%s, %s)", [ruang(nama), pk])


def kunci_satker(modul_kode: str, satker_ids) -> None:
    """The locks of the offices `satker_ids` for writes into `modul_kode`."""
    kunci(modul_kode, satker_ids)
