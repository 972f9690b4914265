"""Deadlines computed from the legal time limits (`BatasWaktu`) and the holiday calendar.

A year without rows in `HariLibur` is counted with weekends only: enter the next year's SKB in
the admin before deadlines reach into it."""

from datetime import date, timedelta

from django.utils.translation import gettext as _

from apps.kalender.models import BatasWaktu, HariLibur, SatuanWaktu

SABTU = 5

# n working days never span more than n weeks plus the longest run of holidays; generous
# enough for the Idul Fitri block (about 10 days off in a row).
_HARI_PER_MINGGU = 7
_CADANGAN_LIBUR = 31


class BatasWaktuTidakDikenal(LookupError):
    pass


def _batas(batas):
    if isinstance(batas, BatasWaktu):
        return batas
    try:
        return BatasWaktu.objects.get(kode=batas)
    except BatasWaktu.DoesNotExist:
        raise BatasWaktuTidakDikenal(
            _("Batas waktu dengan kode “%(kode)s” tidak dikenal.") % {"kode": batas}
        ) from None


def libur_antara(dari: date, sampai: date) -> set[date]:
    """Holiday dates in [dari, sampai], one query; read once for many deadlines
    (`jatuh_tempo(…, libur=)`, an import's rows) instead of once per deadline."""
    return set(
        HariLibur.objects.filter(tanggal__range=(dari, sampai)).values_list("tanggal", flat=True)
    )


def _hari_kerja(hari, libur):
    return hari.weekday() < SABTU and hari not in libur


def _tambah_hari_kerja(mulai, n, libur=None):
    """The n-th working day after `mulai` (`mulai` itself never counts). `libur`: the holidays
    already read, covering the days counted; without it they are read here for a window of
    days, widened when an unusually long run of holidays outlasts it."""
    sampai = None
    if libur is None:
        sampai = mulai + timedelta(days=n * _HARI_PER_MINGGU // 5 + _CADANGAN_LIBUR)
        libur = libur_antara(mulai, sampai)
    hari = mulai
    while n > 0:
        hari += timedelta(days=1)
        if sampai is not None and hari > sampai:
            return _tambah_hari_kerja(hari - timedelta(days=1), n)
        if _hari_kerja(hari, libur):
            n -= 1
    return hari


def jatuh_tempo(mulai: date, batas: BatasWaktu | str, libur: set[date] | None = None) -> date:
    """The last day of a time limit that starts running on `mulai`.

    `batas` is a `BatasWaktu` or its `kode`. In `hari` the limit is calendar days: `mulai + n`,
    holidays and weekends included. In `hari_kerja` it is the n-th working day after `mulai`,
    skipping Saturdays, Sundays and every `HariLibur` (libur nasional and cuti bersama);
    `mulai` itself never counts, even when it is a working day. Raises
    `BatasWaktuTidakDikenal` for an unknown kode. `libur`: the holidays already read
    (`libur_antara`, covering `mulai` and the weeks after it), so many deadlines cost no query
    each."""
    batas = _batas(batas)
    if batas.satuan == SatuanWaktu.HARI_KERJA:
        return _tambah_hari_kerja(mulai, batas.panjang, libur)
    return mulai + timedelta(days=batas.panjang)


def hari_kerja_antara(a: date, b: date) -> int:
    """Working days after `a` up to and including `b` (0 when `b` is not after `a`), so that
    `hari_kerja_antara(d, jatuh_tempo(d, batas)) == batas.panjang` for a `hari_kerja` limit."""
    if b <= a:
        return 0
    libur = libur_antara(a, b)
    return sum(_hari_kerja(a + timedelta(days=i), libur) for i in range(1, (b - a).days + 1))


def sisa_hari(jatuh_tempo: date, hari_ini: date) -> int:
    """Calendar days left until the deadline: 0 on the day itself, negative when overdue."""
    return (jatuh_tempo - hari_ini).days
