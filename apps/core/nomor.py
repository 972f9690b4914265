"""Register numbers per office, kind of register and year (laporan pelanggaran, permohonan
sengketa, permohonan informasi, …), e.g. `001/Reg/LP/PL/Kota/18.72/III/2024`.

`nomor_berikut()` takes the next sequence number under a row lock, so two registrations at the
same moment never get the same number; call it inside the transaction that saves the register
entry, so a rolled-back save gives its number back. `format_nomor()` fills a pattern (from
settings, so each register's format is configuration, not code)."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import F

from apps.core.models import NomorUrut

BULAN_ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def nomor_berikut(satker, jenis: str, tahun: int) -> int:
    """The next number of register `jenis` of `satker` in `tahun` (1, 2, …)."""
    with transaction.atomic():
        baris = NomorUrut.objects.select_for_update().filter(
            satker=satker, jenis=jenis, tahun=tahun
        )
        if not baris.exists():
            try:
                with transaction.atomic():
                    NomorUrut.objects.create(satker=satker, jenis=jenis, tahun=tahun)
            except IntegrityError:
                pass  # created by a concurrent registration a moment ago
        baris.update(terakhir=F("terakhir") + 1)
        return baris.values_list("terakhir", flat=True).get()


def format_nomor(pola: str, *, urut: int, satker, tanggal: dt.date, **lain) -> str:
    """Fill `pola` (str.format syntax). Placeholders: `urut` (the sequence number, e.g.
    `{urut:03d}`), `kode` (the office code, e.g. 18.72), `tingkat` (RI, Prov, Kab or Kota),
    `bulan` (Roman month), `tahun`, plus any keyword given in `lain` (e.g. `sumber`)."""
    return pola.format(
        urut=urut,
        kode=satker.kode,
        tingkat=satker.singkatan_tingkat,
        bulan=BULAN_ROMAWI[tanggal.month - 1],
        tahun=tanggal.year,
        **lain,
    )
