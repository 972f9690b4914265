"""The applications that write through `/api/v1/masuk/` and their keys, managed by admins in
the admin site: register an application (its office, modules), then make a key — shown once —
and revoke it when it leaks or the application is retired."""

from django.contrib import admin, messages
from django.utils.translation import gettext as _
from rest_framework_api_key.admin import APIKeyModelAdmin
from rest_framework_api_key.models import APIKey

from apps.imports.models import Aplikasi, KunciAplikasi

# the library's own key model is not used: keys belong to an application (`KunciAplikasi`)
admin.site.unregister(APIKey)


@admin.register(Aplikasi)
class AplikasiAdmin(admin.ModelAdmin):
    list_display = ("nama", "satker", "termasuk_bawahan", "modul", "aktif", "dibuat_pada")
    list_filter = ("aktif",)
    search_fields = ("nama", "satker__nama", "satker__kode")
    autocomplete_fields = ("satker",)


@admin.register(KunciAplikasi)
class KunciAplikasiAdmin(APIKeyModelAdmin):
    list_display = (*APIKeyModelAdmin.list_display, "aplikasi")
    list_filter = ("aplikasi", "revoked")
    search_fields = (*APIKeyModelAdmin.search_fields, "aplikasi__nama")

    def get_readonly_fields(self, request, obj=None):
        # a key stays with the application it was made for (moving it would move its scope)
        tetap = super().get_readonly_fields(request, obj)
        return (*tetap, "aplikasi") if obj is not None else tetap

    def save_model(self, request, obj, form=None, change=False):
        # the library's own message is English and cannot be translated; the key is shown
        # once, here, in the admin's language
        if change:
            obj.save()
            return
        kunci = self.model.objects.assign_key(obj)
        obj.save()
        messages.warning(
            request,
            _(
                "Kunci API %(nama)s untuk %(aplikasi)s: %(kunci)s — simpan sekarang di tempat "
                "yang aman; kunci ini tidak akan ditampilkan lagi."
            )
            % {"nama": obj.name, "aplikasi": obj.aplikasi, "kunci": kunci},
        )
