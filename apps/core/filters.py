"""List filters shared by the staff and the public lists of every module."""

import datetime as dt
import re
import unicodedata

from django.db.models import Q
from django.utils.translation import gettext as _

from apps.core.models import Pemilihan, Status

PERIODE_RE = re.compile(r"^([0-9]{4})-([0-9]{2})$")
WILAYAH_RE = re.compile(r"[0-9]{2}(\.[0-9]{2}){0,2}(\.[0-9]{4})?")
PANJANG_MAKS = 200  # characters of a filter value; longer is not a code, a month or a query


def nilai(params, name, errors) -> str:
    """The stripped value of filter `name`, or "" with a message in `errors` when it cannot be
    a value at all: a control character (a NUL byte reaches PostgreSQL as an error) or more
    than `PANJANG_MAKS` characters. Every filter reads its value through here."""
    value = params.get(name, "").strip()
    if any(unicodedata.category(c) == "Cc" for c in value):
        errors.append(
            _("Nilai untuk “%(f)s” memuat karakter kendali yang tidak sah.") % {"f": name}
        )
        return ""
    if len(value) > PANJANG_MAKS:
        errors.append(
            _("Nilai untuk “%(f)s” terlalu panjang (lebih dari %(n)s karakter).")
            % {"f": name, "n": PANJANG_MAKS}
        )
        return ""
    return value


def nomor_halaman(params, errors, name="hal", maks=1_000_000) -> int:
    """The page number of `?hal=`: ASCII digits from 1 to `maks`; anything else is page 1 with
    a message (a number past 64 bits would overflow the database's OFFSET)."""
    value = nilai(params, name, errors)
    if not value:
        return 1
    if value.isascii() and value.isdigit() and 1 <= int(value) <= maks:
        return int(value)
    errors.append(
        _("Nomor halaman “%(v)s” tidak valid; gunakan angka 1 sampai %(m)s.")
        % {"v": value, "m": f"{maks:,}".replace(",", ".")}
    )
    return 1


def _bulan(value: str):
    m = PERIODE_RE.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), 1)
    except ValueError:
        return None


def saring(qs, modul, params, *, staf: bool):
    """Apply the query-string filters to `qs`. Returns (qs, errors) where errors name the
    filter and the value that was not understood; such a filter is not applied."""
    errors = []
    steps = [_wilayah, _pemilihan, _periode, _pilihan_modul, _cari]
    if staf:
        steps.append(_status)
    for step in steps:
        qs = step(qs, modul, params, errors)
    return qs, errors


def _wilayah(qs, modul, params, errors):
    value = nilai(params, "wilayah", errors)
    if not value:
        return qs
    if not WILAYAH_RE.fullmatch(value):
        errors.append(_("Kode wilayah “%(v)s” tidak dikenali (contoh: 18.72).") % {"v": value})
        return qs
    return qs.filter(Q(wilayah__kode=value) | Q(wilayah__kode__startswith=value + "."))


def _pemilihan(qs, modul, params, errors):
    value = nilai(params, "pemilihan", errors)
    if not value:
        return qs
    if not Pemilihan.objects.filter(kode=value).exists():
        errors.append(_("Pemilihan “%(v)s” tidak dikenal.") % {"v": value})
        return qs
    return qs.filter(pemilihan__kode=value)


PERIODE_LOOKUP = {
    "periode": "periode",
    "periode_dari": "periode__gte",
    "periode_sampai": "periode__lte",
}


def _periode(qs, modul, params, errors):
    for name, lookup in PERIODE_LOOKUP.items():
        value = nilai(params, name, errors)
        if not value:
            continue
        bulan = _bulan(value)
        if bulan is None:
            errors.append(
                _("Periode “%(v)s” tidak valid; gunakan format TTTT-BB, mis. 2024-03.")
                % {"v": value}
            )
        else:
            qs = qs.filter(**{lookup: bulan})
    return qs


def _pilihan_modul(qs, modul, params, errors):
    for tambahan in modul.filter_tambahan:
        value = nilai(params, tambahan.name, errors)
        if not value:
            continue
        if value in dict(tambahan.choices):
            qs = tambahan.terapkan(qs, value)
        else:
            errors.append(
                _("Nilai “%(v)s” tidak dikenal untuk %(f)s.") % {"v": value, "f": tambahan.label}
            )
    for name in modul.filter_fields:
        value = nilai(params, name, errors)
        if not value:
            continue
        field = modul.field(name)
        if value in dict(field.choices or []):
            qs = qs.filter(**{name: value})
        else:
            errors.append(
                _("Nilai “%(v)s” tidak dikenal untuk %(f)s.")
                % {"v": value, "f": field.verbose_name}
            )
    return qs


def _status(qs, modul, params, errors):
    value = nilai(params, "status", errors)
    if not value:
        return qs
    if value not in Status.values:
        errors.append(_("Status “%(v)s” tidak dikenal.") % {"v": value})
        return qs
    return qs.filter(status=value)


def _cari(qs, modul, params, errors):
    value = nilai(params, "q", errors)
    if not value:
        return qs
    q = Q()
    for name in modul.cari_fields or (modul.judul_field,):
        q |= Q(**{f"{name}__icontains": value})
    return qs.filter(q)


def pilihan_filter(modul, params):
    """(name, label, choices, selected) of the module's own choice filters, for the form."""
    return [
        (name, modul.field(name).verbose_name, modul.field(name).choices, params.get(name, ""))
        for name in modul.filter_fields
    ] + [(f.name, f.label, f.choices, params.get(f.name, "")) for f in modul.filter_tambahan]
