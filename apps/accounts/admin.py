from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from apps.accounts.models import Penugasan, User


class PenugasanInline(admin.TabularInline):
    model = Penugasan
    extra = 1
    autocomplete_fields = ["satker"]


@admin.register(User)
class PenggunaAdmin(UserAdmin):
    fieldsets = (
        *UserAdmin.fieldsets,
        ("Bawaslu", {"fields": ("nama_lengkap", "jabatan")}),
    )
    list_display = ["username", "nama_lengkap", "email", "is_active", "is_staff"]
    search_fields = ["username", "nama_lengkap", "email"]
    inlines = [PenugasanInline]


@admin.register(Penugasan)
class PenugasanAdmin(admin.ModelAdmin):
    list_display = ["user", "peran", "satker", "modul", "tangani_perkara", "aktif"]
    list_filter = ["peran", "tangani_perkara", "aktif"]
    search_fields = ["user__username", "satker__nama", "satker__kode"]
    autocomplete_fields = ["user", "satker"]
