from django.contrib import admin

from apps.kampanye.models import PesertaPemilu


@admin.register(PesertaPemilu)
class PesertaPemiluAdmin(admin.ModelAdmin):
    """The participants list is maintained here by the data admin (new elections, changes
    of name); campaign records are entered and reviewed in the staff area, not in the admin."""

    list_display = ["nama", "nomor_urut", "jenis", "pemilihan"]
    list_filter = ["pemilihan", "jenis"]
    search_fields = ["nama", "=nomor_urut", "pemilihan__nama", "pemilihan__kode"]
    list_select_related = ["pemilihan"]
    ordering = ["-pemilihan__tahun", "pemilihan__kode", "jenis", "nomor_urut", "nama"]
