from django.contrib import admin

from apps.core.models import Pemilihan, Riwayat


class HanyaBaca(admin.ModelAdmin):
    """Admin pages that only show: the rows are written by services that check permissions
    and keep the audit trail (history, audit log, budget revisions)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Pemilihan)
class PemilihanAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "jenis", "tahun"]


@admin.register(Riwayat)
class RiwayatAdmin(HanyaBaca):
    list_display = ["pada", "content_type", "object_id", "aksi", "dari", "ke", "oleh"]
    list_filter = ["aksi", "content_type"]
