from django.contrib import admin

from apps.organisasi.models import Satker


@admin.register(Satker)
class SatkerAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "tingkat", "induk"]
    list_filter = ["tingkat"]
    search_fields = ["kode", "nama"]
    raw_id_fields = ["wilayah", "induk"]
