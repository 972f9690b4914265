"""Read-only views of budget lines and revisions: lines are created and revised through the
staff pages (apps.anggaran.services), which check permissions and write the audit trail."""

from django.contrib import admin

from apps.anggaran.models import PaguAnggaran, RevisiPagu
from apps.core.admin import HanyaBaca


class RevisiInline(admin.TabularInline):
    model = RevisiPagu
    fields = ("tanggal", "pagu_lama", "pagu_baru", "alasan", "oleh", "pada")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(PaguAnggaran)
class PaguAnggaranAdmin(HanyaBaca):
    list_display = ("satker", "tahun", "kode_kegiatan", "kode_akun", "uraian_akun", "pagu")
    list_filter = ("tahun",)
    list_select_related = ("satker",)
    search_fields = ("satker__kode", "satker__nama", "kode_akun", "uraian_akun", "kegiatan")
    inlines = [RevisiInline]


@admin.register(RevisiPagu)
class RevisiPaguAdmin(HanyaBaca):
    list_display = ("pagu_anggaran", "tanggal", "pagu_lama", "pagu_baru", "oleh", "pada")
    list_select_related = ("pagu_anggaran", "oleh")
    date_hierarchy = "tanggal"
