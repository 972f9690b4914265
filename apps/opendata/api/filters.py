"""The public lists' filters, for the API: `apps.core.saringan` itself, so a query string
selects the same rows on `/data/<modul>/` and `/api/v1/<modul>/`."""

from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.filters import BaseFilterBackend

from apps.core import saringan


class PermintaanTidakSah(APIException):
    """400 with one message saying which parameter and value were not understood."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "permintaan_tidak_sah"


class SaringanPublik(BaseFilterBackend):
    """wilayah (with the regions under it), satker, pemilihan, periode / periode_dari /
    periode_sampai, the module's own choice filters and `q`. A value the filter form does
    not accept answers 400 rather than quietly listing unfiltered rows."""

    def filter_queryset(self, request, queryset, view):
        s = saringan.baca(view.modul, request.query_params)
        if s.errors:
            raise PermintaanTidakSah(" ".join(str(e) for e in s.errors))
        return s.terapkan(queryset)

    def get_schema_operation_parameters(self, view):
        bulan = {"type": "string", "pattern": r"^\d{4}-\d{2}$", "example": "2024-03"}
        params = [
            (
                "wilayah",
                _("Kode wilayah Kemendagri; termasuk wilayah di bawahnya (mis. 18.72)."),
                {"type": "string", "pattern": r"^\d{2}(\.\d{2}){0,2}(\.\d{4})?$"},
            ),
            (
                "satker",
                _("Kode Satker: rekaman kantor itu saja (mis. 18.72; 00 untuk Bawaslu RI)."),
                {"type": "string"},
            ),
            ("pemilihan", _("Kode pemilihan (mis. pemilu-2024)."), {"type": "string"}),
            ("periode", _("Bulan pelaporan, TTTT-BB."), bulan),
            ("periode_dari", _("Bulan pelaporan paling awal, TTTT-BB."), bulan),
            ("periode_sampai", _("Bulan pelaporan paling akhir, TTTT-BB."), bulan),
            ("q", _("Cari dalam teks."), {"type": "string"}),
        ]
        modul = view.modul
        for name in modul.filter_fields:
            field = modul.field(name)
            params.append(
                (
                    name,
                    str(field.verbose_name),
                    {"type": "string", "enum": [k for k, _label in field.flatchoices]},
                )
            )
        for tambahan in modul.filter_tambahan:
            params.append(
                (
                    tambahan.name,
                    str(tambahan.label),
                    {"type": "string", "enum": [k for k, _label in tambahan.choices]},
                )
            )
        return [
            {"name": name, "in": "query", "required": False, "description": str(desc), "schema": s}
            for name, desc, s in params
        ]
