from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from datacenter import kesehatan

admin.site.site_header = "Bawaslu Data Center — Admin"
admin.site.site_title = "Bawaslu Data Center"

urlpatterns = [
    path("favicon.ico", RedirectView.as_view(url=static("favicon.svg"), permanent=True)),
    path("healthz", kesehatan.healthz, name="healthz"),
    path("readyz", kesehatan.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("kelola/", include("apps.accounts.urls")),
    path("kelola/", include("apps.dashboard.urls")),
    path("kelola/ppid/", include("apps.ppid.kelola_urls")),
    path("kelola/impor/", include("apps.imports.urls")),
    path("kelola/", include("apps.imports.urls_kelola")),
    path("kelola/", include("apps.core.urls")),
    path("api/v1/masuk/", include("apps.imports.urls_api")),
    path("api/v1/", include("apps.opendata.api.urls")),
    # the downloads before the portal's data/<modul>/ pages
    path("", include("apps.opendata.urls")),
    path("", include("apps.ppid.urls")),
    path("", include("apps.portal.urls")),
]
