"""Admin for what the PPID publishes: documents and manual DIP entries. Requests and
objections are not here on purpose: they carry the requester's personal data, and every staff
view of it must be audited, which the staff pages under /kelola/ppid/ do."""

from django.contrib import admin

from apps.audit.services import catat
from apps.ppid.models import DokumenPublik, EntriDip


class _DicatatAdmin(admin.ModelAdmin):
    """Saves from the admin leave the same audit row as the staff pages."""

    aksi_audit = ""

    def save_model(self, request, obj, form, change):
        if hasattr(obj, "dibuat_oleh_id") and not change:
            obj.dibuat_oleh = request.user
        if hasattr(obj, "diubah_oleh_id"):
            obj.diubah_oleh = request.user
        super().save_model(request, obj, form, change)
        catat(
            request.user,
            self.aksi_audit,
            objek=obj,
            satker=obj.satker_id,
            baru=not change,
            terbit=obj.terbit,
            lewat="admin",
        )


@admin.register(DokumenPublik)
class DokumenPublikAdmin(_DicatatAdmin):
    aksi_audit = "simpan_dokumen"
    list_display = ["judul", "kategori", "satker", "tanggal", "terbit"]
    list_filter = ["kategori", "terbit"]
    search_fields = ["judul", "satker__nama", "=satker__kode"]
    list_select_related = ["satker"]
    autocomplete_fields = ["satker"]
    readonly_fields = ["dibuat_oleh", "dibuat_pada", "diubah_pada"]


@admin.register(EntriDip)
class EntriDipAdmin(_DicatatAdmin):
    aksi_audit = "simpan_entri_dip"
    list_display = ["judul", "satker", "penguasa", "urutan", "terbit"]
    list_filter = ["terbit"]
    search_fields = ["judul", "ringkasan", "satker__nama", "=satker__kode"]
    list_select_related = ["satker"]
    autocomplete_fields = ["satker"]
    readonly_fields = ["diubah_oleh", "diubah_pada"]
