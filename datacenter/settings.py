"""Settings for the Bawaslu Data Center, read from the environment.

Development defaults need nothing set: without DATABASE_URL the embedded PostgreSQL under
`.data/` is started (datacenter/embedded_db.py). Production sets DJANGO_SECRET_KEY,
DJANGO_DEBUG=0, DJANGO_ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", default=True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-not-secret-" + "x" * 40)
if not DEBUG and SECRET_KEY.startswith("dev-only"):
    raise RuntimeError("DJANGO_SECRET_KEY wajib diisi bila DJANGO_DEBUG=0")
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "guardian",
    "import_export",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    # keys of the applications that write through /api/v1/masuk/ (apps.imports.api)
    "rest_framework_api_key",
    "apps.accounts",
    "apps.wilayah",
    "apps.organisasi",
    "apps.core",
    "apps.kalender",
    "apps.audit",
    "apps.dpt",
    "apps.kampanye",
    "apps.pencegahan",
    "apps.pelanggaran",
    "apps.sengketa",
    "apps.anggaran",
    "apps.mou",
    "apps.dashboard",
    "apps.ppid",
    "apps.imports",
    # last: the project's own commands (seed_demo, generate_scale, siapkan_portal) span every
    # app above, so they live at the top, not in one of them
    "datacenter",
]

MIDDLEWARE = [
    # as high as possible (django-cors-headers docs): before anything that may answer early
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "datacenter.urls"
WSGI_APPLICATION = "datacenter.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

if os.environ.get("DATABASE_URL"):
    DATABASE_URL = os.environ["DATABASE_URL"]
else:
    from datacenter import embedded_db

    DATABASE_URL = embedded_db.database_url()
DATABASES = {
    # Persistent connections changed list-page throughput several-fold (DESIGN §7a).
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True),
}
if os.environ.get("TEST_DB_NAME"):
    # lets parallel test runs (e.g. one per module under development) keep separate databases
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DB_NAME"]}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
GUARDIAN_RAISE_403 = False
GUARDIAN_RENDER_403 = False
ANONYMOUS_USER_NAME = None  # the public never holds object permissions
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:masuk"
LOGIN_REDIRECT_URL = "dashboard:beranda"
LOGOUT_REDIRECT_URL = "portal:beranda"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded files are never served from MEDIA_URL: only through views that check the record
# is visible to the user (staff) or public (portal), as attachments.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / ".data" / "media"))
BATAS_UNGGAH_BYTE = int(os.environ.get("BATAS_UNGGAH_MB", "10")) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Public pages cache their content per process under the public-content token
# (apps/core/publikasi.py); a shared cache (e.g. Redis) only saves memory, not correctness.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# No page loads anything from elsewhere, and no page runs inline script.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# ---- pelanggaran
# Register numbers of violation cases; placeholders in apps.core.nomor.format_nomor, plus
# {sumber}: LP (laporan) or TM (temuan). E.g. 001/Reg/LP/PL/Kota/18.72/III/2024.
POLA_NOMOR_REGISTRASI_PELANGGARAN = os.environ.get(
    "POLA_NOMOR_REGISTRASI_PELANGGARAN",
    "{urut:03d}/Reg/{sumber}/PL/{tingkat}/{kode}/{bulan}/{tahun}",
)

# ---- PPID
# Register numbers (apps.core.nomor.format_nomor placeholders: urut, kode, tingkat, bulan, tahun)
POLA_NOMOR_PERMOHONAN = "{urut:03d}/PPID/{kode}/{bulan}/{tahun}"
POLA_NOMOR_KEBERATAN = "{urut:03d}/KEB/PPID/{kode}/{bulan}/{tahun}"
# Spam guards of the public request form (no third-party service): requests saved per IP per
# hour, and the least seconds between opening the form and sending it
PPID_BATAS_PERMOHONAN_PER_JAM = int(os.environ.get("PPID_BATAS_PERMOHONAN_PER_JAM", "5"))
PPID_WAKTU_ISI_MINIMUM = int(os.environ.get("PPID_WAKTU_ISI_MINIMUM", "5"))

# ---- open-data API
# /api/v1/ (apps/opendata/api): read-only JSON of public records, no login, rate-limited per client.
REST_FRAMEWORK = {
    # the API never reads the staff session: a logged-in officer sees only public rows too
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {
        "publik": os.environ.get("API_BATAS_LAJU", "120/minute"),
        # calls per registered application to the write API /api/v1/masuk/ (up to 1,000
        # records each)
        "masuk": os.environ.get("API_MASUK_BATAS_LAJU", "60/minute"),
    },
    # proxies in front of gunicorn whose X-Forwarded-For is trusted (0: the peer address is the
    # client, and a client cannot dodge the limit by sending its own X-Forwarded-For)
    "NUM_PROXIES": int(os.environ.get("API_JUMLAH_PROXY", "0")),
}
# The rate limit is counted where every gunicorn worker and container sees the same numbers:
# in PostgreSQL (Django's database cache; `manage.py createcachetable` makes the table).
API_CACHE_BATAS_LAJU = "api_batas_laju"
CACHES[API_CACHE_BATAS_LAJU] = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "api_batas_laju",
    "OPTIONS": {"MAX_ENTRIES": 20000, "CULL_FREQUENCY": 4},
}
# The information-request form's per-IP counters share that table, so its limit holds across
# workers too.
PPID_CACHE_BATAS = os.environ.get("PPID_CACHE_BATAS", API_CACHE_BATAS_LAJU)
SPECTACULAR_SETTINGS = {
    "TITLE": "Bawaslu Data Center — API data terbuka",
    "DESCRIPTION": (
        "Data pengawasan yang telah disetujui dan diklasifikasikan sebagai informasi publik "
        "(UU 14/2008), hanya-baca, tanpa kunci. Daftar diurutkan dari periode terbaru dan "
        "dibagi per halaman dengan kursor (`next`/`previous`). Jalur /api/v1/masuk/ (tag "
        "`masuk`) hanya untuk aplikasi Bawaslu yang terdaftar: mengirim data dengan kunci API, "
        "yang masuk sebagai “diajukan” dan tidak pernah langsung publik."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": False,
    # choice sets of the same field name in two modules, named by their module
    "ENUM_NAME_OVERRIDES": {
        "JenisPencegahanEnum": "apps.pencegahan.models.JenisPencegahan",
        "JenisMitraEnum": "apps.mou.models.JenisMitra",
        "RegistrasiPelanggaranEnum": "apps.pelanggaran.models.Registrasi",
        "RegistrasiSengketaEnum": "apps.sengketa.models.Registrasi",
    },
}
# The largest body the write API /api/v1/masuk/ reads (bytes); a batch of 1,000 DPT records is
# ≈ 400 kB
API_MASUK_BATAS_BITA = int(os.environ.get("API_MASUK_BATAS_BITA", str(16 * 1024 * 1024)))
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")

# ---- open-data downloads
# The license every public download (/data/<modul>.csv|.xlsx|.json) and the DCAT catalog carry.
LISENSI_DATA = {
    "nama": os.environ.get("LISENSI_DATA_NAMA", "Creative Commons Attribution 4.0 (CC BY 4.0)"),
    "url": os.environ.get("LISENSI_DATA_URL", "https://creativecommons.org/licenses/by/4.0/"),
}

# ---- sengketa
# Register numbers of electoral process disputes (apps.core.nomor.format_nomor placeholders:
# urut, kode, tingkat, bulan, tahun), e.g. 001/PS.REG/18.72/VI/2024.
POLA_NOMOR_REGISTER_SENGKETA = os.environ.get(
    "POLA_NOMOR_REGISTER_SENGKETA", "{urut:03d}/PS.REG/{kode}/{bulan}/{tahun}"
)
