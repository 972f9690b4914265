from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "apps.audit"
    verbose_name = "Audit"

    def ready(self):
        from apps.audit import signals  # noqa: F401  (connects login/logout logging)
