"""Newest-first pages of public rows without `COUNT(*)` (DESIGN §7a).

A page is read as "the `page_size` + 1 rows after this position" in the order `-periode,
-id`, through the partial index whose condition is exactly `.public()`: the extra row only says
whether a next page exists. The position is the (periode, id) of the last row shown, so a deep
page costs what the first one does (no OFFSET), and a row published or withdrawn meanwhile
neither repeats nor skips the rows after it.
"""

import base64
import binascii
import datetime as dt

from django.db.models import F
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan, TupleLessThan
from django.utils.translation import gettext as _
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from apps.opendata.api.filters import PermintaanTidakSah

UKURAN_BAWAAN = 50
UKURAN_MAKS = 500
SESUDAH, SEBELUM = "s", "b"  # the cursor reads onwards from a row, or back before it


def _kode_kursor(arah, periode, pk):
    teks = f"{arah}.{periode.isoformat()}.{pk}"
    return base64.urlsafe_b64encode(teks.encode()).decode().rstrip("=")


def _baca_kursor(nilai):
    """(direction, periode, id) of a cursor, or None when it is not one of ours."""
    try:
        teks = base64.urlsafe_b64decode(nilai + "=" * (-len(nilai) % 4)).decode()
        arah, periode, pk = teks.split(".")
        if arah not in (SESUDAH, SEBELUM):
            return None
        return arah, dt.date.fromisoformat(periode), int(pk)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None


class KursorTerbaru(BasePagination):
    kursor_param = "cursor"
    ukuran_param = "page_size"

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        ukuran = self._ukuran(request)
        self.kursor = kursor = self._kursor(request)
        kunci = Tuple(F("periode"), F("id"))
        if kursor and kursor[0] == SEBELUM:
            # the rows before the position, read nearest first, then put back newest first
            rows = list(
                queryset.filter(TupleGreaterThan(kunci, kursor[1:])).order_by("periode", "id")[
                    : ukuran + 1
                ]
            )
            self.ada_sebelum, self.ada_sesudah = len(rows) > ukuran, True
            rows = rows[:ukuran][::-1]
        else:
            if kursor:
                queryset = queryset.filter(TupleLessThan(kunci, kursor[1:]))
            rows = list(queryset.order_by("-periode", "-id")[: ukuran + 1])
            self.ada_sebelum, self.ada_sesudah = kursor is not None, len(rows) > ukuran
            rows = rows[:ukuran]
        self.rows = rows
        return rows

    def _ukuran(self, request):
        nilai = request.query_params.get(self.ukuran_param, "").strip()
        if not nilai:
            return UKURAN_BAWAAN
        try:
            ukuran = int(nilai)
        except ValueError:
            ukuran = 0
        if ukuran < 1:
            raise PermintaanTidakSah(
                _(
                    "Ukuran halaman (page_size) “%(v)s” tidak valid; gunakan bilangan bulat "
                    "1 sampai %(maks)s."
                )
                % {"v": nilai, "maks": UKURAN_MAKS}
            )
        return min(ukuran, UKURAN_MAKS)

    def _kursor(self, request):
        nilai = request.query_params.get(self.kursor_param, "").strip()
        if not nilai:
            return None
        kursor = _baca_kursor(nilai)
        if kursor is None:
            raise PermintaanTidakSah(
                _(
                    "Kursor halaman (cursor) “%(v)s” tidak valid; gunakan tautan next atau "
                    "previous dari jawaban sebelumnya."
                )
                % {"v": nilai}
            )
        return kursor

    def _tautan(self, arah, posisi):
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.kursor_param, _kode_kursor(arah, *posisi))

    def get_next_link(self):
        if not self.ada_sesudah:
            return None
        if not self.rows:
            # nothing newer than the position is left: the first page starts there
            return remove_query_param(self.request.build_absolute_uri(), self.kursor_param)
        return self._tautan(SESUDAH, (self.rows[-1].periode, self.rows[-1].pk))

    def get_previous_link(self):
        if not self.ada_sebelum:
            return None
        if not self.rows:
            # read past the end (the rows were withdrawn meanwhile): back to the first page
            return remove_query_param(self.request.build_absolute_uri(), self.kursor_param)
        return self._tautan(SEBELUM, (self.rows[0].periode, self.rows[0].pk))

    def get_paginated_response(self, data):
        return Response(
            {
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": _("Halaman berikutnya (data lebih lama); null di akhir."),
                },
                "previous": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": _("Halaman sebelumnya (data lebih baru); null di awal."),
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.kursor_param,
                "in": "query",
                "required": False,
                "description": _("Posisi halaman; ambil dari tautan next atau previous."),
                "schema": {"type": "string"},
            },
            {
                "name": self.ukuran_param,
                "in": "query",
                "required": False,
                "description": _(
                    "Jumlah baris per halaman (bawaan %(bawaan)s, paling banyak %(maks)s)."
                )
                % {"bawaan": UKURAN_BAWAAN, "maks": UKURAN_MAKS},
                "schema": {"type": "integer", "minimum": 1, "default": UKURAN_BAWAAN},
            },
        ]
