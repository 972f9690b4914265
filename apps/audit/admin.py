from django.contrib import admin

from apps.audit.models import CatatanAudit
from apps.core.admin import HanyaBaca


@admin.register(CatatanAudit)
class CatatanAuditAdmin(HanyaBaca):
    list_display = ["pada", "aktor", "aksi", "objek_tipe", "objek_id", "satker_id"]
    list_filter = ["aksi"]
    search_fields = ["objek_id", "aktor__username"]
