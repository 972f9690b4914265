from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from apps.ppid import views as ppid_views

admin.site.site_header = "Bawaslu Data Center — Admin"
admin.site.site_title = "Bawaslu Data Center"

urlpatterns = [
    path("favicon.ico", RedirectView.as_view(url=static("favicon.svg"), permanent=True)),
    path("healthz", ppid_views.healthz, name="healthz"),
    path("readyz", ppid_views.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("kelola/", include("apps.accounts.urls")),
    path("kelola/", include("apps.dashboard.urls")),
    path("kelola/ppid/", include("apps.ppid.kelola_urls")),
    path("kelola/", include("apps.core.urls")),
    path("api/v1/", include("apps.ppid.api.urls")),
    path("", include("apps.ppid.urls")),
]
