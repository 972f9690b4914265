from django.contrib import admin

from apps.audit.models import CatatanAudit


@admin.register(CatatanAudit)
class CatatanAuditAdmin(admin.ModelAdmin):
    list_display = ["pada", "aktor", "aksi", "objek_tipe", "objek_id", "satker_id"]
    list_filter = ["aksi"]
    search_fields = ["objek_id", "aktor__username"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
