"""The OpenAPI 3 document of the API (drf-spectacular), generated from the views and hence
from the registry: one schema per module, named after its model, with the module's real
public field names and types, its filters, and the error answers."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

from apps.core import registry

GALAT = inline_serializer("Galat", fields={"detail": serializers.CharField()})


class SkemaApi(AutoSchema):
    """Operations of a module's views take their tag, id and description from the module."""

    def _modul(self):
        kode = getattr(self.view, "modul_kode", None)
        return registry.get(kode) if kode else None

    def _daftar(self):
        return self._modul() is not None and self._is_list_view(self._get_serializer())

    def get_tags(self):
        modul = self._modul()
        return [modul.kode] if modul else super().get_tags()

    def get_operation_id(self):
        modul = self._modul()
        if modul is None:
            return super().get_operation_id()
        return f"{modul.kode}_{'daftar' if self._daftar() else 'detail'}"

    def get_description(self):
        # the module's own description, in the reader's language (not the view's docstring)
        modul = self._modul()
        return str(modul.deskripsi) if modul else super().get_description()

    def get_summary(self):
        modul = self._modul()
        return str(modul.nama) if modul else super().get_summary()

    def get_response_serializers(self):
        utama = super().get_response_serializers()
        if self._modul() is None:
            return {200: utama, 429: GALAT}
        return {200: utama, 400 if self._daftar() else 404: GALAT, 429: GALAT}
