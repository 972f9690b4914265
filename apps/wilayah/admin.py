from django.contrib import admin

from apps.wilayah.models import Wilayah


@admin.register(Wilayah)
class WilayahAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "tingkat"]
    list_filter = ["tingkat"]
    search_fields = ["kode", "nama"]
    raw_id_fields = ["induk"]
    show_full_result_count = False
