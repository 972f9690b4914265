"""List filters shared by the staff and the public lists of every module."""

import datetime as dt
import re

from django.db.models import Q
from django.utils.translation import gettext as _

from apps.core.models import Status

PERIODE_RE = re.compile(r"^(\d{4})-(\d{2})$")


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
    value = params.get("wilayah", "").strip()
    if not value:
        return qs
    if not re.fullmatch(r"\d{2}(\.\d{2}){0,2}(\.\d{4})?", value):
        errors.append(_("Kode wilayah “%(v)s” tidak dikenali (contoh: 18.72).") % {"v": value})
        return qs
    return qs.filter(Q(wilayah__kode=value) | Q(wilayah__kode__startswith=value + "."))


def _pemilihan(qs, modul, params, errors):
    value = params.get("pemilihan", "").strip()
    return qs.filter(pemilihan__kode=value) if value else qs


PERIODE_LOOKUP = {
    "periode": "periode",
    "periode_dari": "periode__gte",
    "periode_sampai": "periode__lte",
}


def _periode(qs, modul, params, errors):
    for name, lookup in PERIODE_LOOKUP.items():
        value = params.get(name, "").strip()
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
        value = params.get(tambahan.name, "").strip()
        if not value:
            continue
        if value in dict(tambahan.choices):
            qs = tambahan.terapkan(qs, value)
        else:
            errors.append(
                _("Nilai “%(v)s” tidak dikenal untuk %(f)s.") % {"v": value, "f": tambahan.label}
            )
    for name in modul.filter_fields:
        value = params.get(name, "").strip()
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
    value = params.get("status", "").strip()
    if not value:
        return qs
    if value not in Status.values:
        errors.append(_("Status “%(v)s” tidak dikenal.") % {"v": value})
        return qs
    return qs.filter(status=value)


def _cari(qs, modul, params, errors):
    value = params.get("q", "").strip()
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
