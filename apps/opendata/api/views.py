"""Views of the open-data API. Read-only (GET, HEAD, OPTIONS; anything else is 405), no
login (a staff session is not read, so an officer sees only public rows too), rate-limited
per client. Every row comes from `publik.baca(modul).qs()`, i.e. `.public()`."""

import math

from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework import generics
from rest_framework.exceptions import ErrorDetail, MethodNotAllowed, NotFound, Throttled
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core import publik, registry
from apps.opendata.api.filters import SaringanPublik
from apps.opendata.api.pagination import KursorTerbaru
from apps.opendata.api.schema import GALAT, SkemaApi
from apps.opendata.api.serializers import serializer_untuk
from apps.opendata.api.throttling import BatasLajuKlien


class SelaluJson(BaseContentNegotiation):
    """The API speaks one format: a client asking only for HTML gets JSON, not a 406."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class ApiPublik(APIView):
    authentication_classes = ()
    throttle_classes = (BatasLajuKlien,)
    content_negotiation_class = SelaluJson
    http_method_names = ("get", "head", "options")
    schema = SkemaApi()

    def http_method_not_allowed(self, request, *args, **kwargs):
        raise MethodNotAllowed(
            request.method,
            detail=_("Metode %(metode)s tidak diizinkan: API ini hanya untuk dibaca (GET).")
            % {"metode": request.method},
        )

    def throttled(self, request, wait):
        raise TerlaluBanyak(wait)


class TerlaluBanyak(Throttled):
    """429 with a message of our own (DRF would append its own sentence in English)."""

    def __init__(self, wait):
        # whole seconds, at least one: the Retry-After header is sent only when non-zero
        detik = max(1, math.ceil(wait or 0))
        super().__init__(detik)
        self.detail = ErrorDetail(
            _("Terlalu banyak permintaan dari alamat Anda. Coba lagi setelah %(detik)s detik.")
            % {"detik": detik},
            code=self.default_code,
        )


class _ApiModul:
    """Views bound to one module (`as_view(modul_kode=…)`, see urls.py)."""

    modul_kode = None

    @property
    def modul(self):
        return registry.get(self.modul_kode)

    def get_queryset(self):
        return publik.baca(self.modul).qs()

    def get_serializer_class(self):
        return serializer_untuk(self.modul_kode)


class DaftarRekaman(_ApiModul, generics.ListAPIView, ApiPublik):
    """Public rows of one module, newest reporting month first, paged by cursor."""

    filter_backends = (SaringanPublik,)
    pagination_class = KursorTerbaru


class DetailRekaman(_ApiModul, generics.RetrieveAPIView, ApiPublik):
    """One public row. Missing, not yet public, withdrawn or of another module: the same 404."""

    def get_object(self):
        try:
            return self.get_queryset().get(pk=self.kwargs["pk"])
        except self.modul.model.DoesNotExist:
            raise NotFound(_("Data tidak ditemukan.")) from None


SKEMA_INDEKS = {
    "type": "object",
    "required": ["openapi", "modul"],
    "properties": {
        "openapi": {"type": "string", "format": "uri"},
        "modul": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["kode", "nama", "deskripsi", "daftar", "detail", "openapi", "skema"],
                "properties": {
                    "kode": {"type": "string"},
                    "nama": {"type": "string"},
                    "deskripsi": {"type": "string"},
                    "daftar": {"type": "string", "format": "uri"},
                    "detail": {
                        "type": "string",
                        "description": gettext_lazy("Pola URL detail: {id} diganti id data."),
                    },
                    "openapi": {"type": "string", "format": "uri"},
                    "skema": {"type": "string", "format": "uri"},
                },
            },
        },
    },
}


class Indeks(ApiPublik):
    """The datasets of the API: one entry per registered module."""

    @extend_schema(
        operation_id="indeks",
        summary=gettext_lazy("Daftar dataset"),
        description=gettext_lazy(
            "Satu entri per modul data: nama, deskripsi, tautan daftar, pola tautan detail dan "
            "skemanya di dokumen OpenAPI."
        ),
        responses={200: SKEMA_INDEKS, 429: GALAT},
        tags=["indeks"],
    )
    def get(self, request):
        openapi = request.build_absolute_uri(reverse("api:openapi"))
        host = request.build_absolute_uri("/")[:-1]  # scheme and host
        modul = []
        for m in registry.all_modules():
            detail = publik.pola_url(f"api:{m.kode}-detail", publik.ID)("{id}")
            modul.append(
                {
                    "kode": m.kode,
                    "nama": str(m.nama),
                    "deskripsi": str(m.deskripsi),
                    "daftar": request.build_absolute_uri(reverse(f"api:{m.kode}-daftar")),
                    "detail": host + detail,
                    "openapi": openapi,
                    "skema": f"{openapi}#/components/schemas/{m.model.__name__}",
                }
            )
        return Response({"openapi": openapi, "modul": modul})


class DokumenOpenApi(ApiPublik, SpectacularJSONAPIView):
    """`/api/v1/openapi.json`. The document depends only on the code and the language: it is
    built once per language and process, not per request (building it takes a while)."""

    _tersimpan: dict = {}

    def _get_schema_response(self, request):
        bahasa = get_language()
        if bahasa not in self._tersimpan:
            self._tersimpan[bahasa] = super()._get_schema_response(request).data
        return Response(self._tersimpan[bahasa])
