from django.contrib import admin
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from apps.kalender.models import BatasWaktu, HariLibur


class TahunFilter(admin.SimpleListFilter):
    title = _("tahun")
    parameter_name = "tahun"

    def lookups(self, request, model_admin):
        tahun = (
            HariLibur.objects.annotate(tahun=ExtractYear("tanggal"))
            .values_list("tahun", flat=True)
            .distinct()
            .order_by("-tahun")
        )
        return [(str(t), str(t)) for t in tahun]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(tanggal__year=int(self.value()))
        return queryset


@admin.register(HariLibur)
class HariLiburAdmin(admin.ModelAdmin):
    list_display = ["tanggal", "nama", "jenis", "dasar"]
    list_filter = [TahunFilter, "jenis"]
    date_hierarchy = "tanggal"
    search_fields = ["nama", "dasar"]


@admin.register(BatasWaktu)
class BatasWaktuAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "panjang", "satuan", "dasar_hukum"]
    list_filter = ["satuan"]
    search_fields = ["kode", "nama", "dasar_hukum"]
