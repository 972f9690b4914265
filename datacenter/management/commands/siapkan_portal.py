"""Everything `make run` and `make dev` do before serving, in one process: migrate, the cache
table, regions, offices, the demo data and the static files. Each step is idempotent, so a
restart changes nothing and costs one Django start-up instead of six."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Siapkan portal: migrate, tabel cache, wilayah, satker, data demo, berkas statis "
        "(setiap langkah aman diulang)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--tanpa-statis", action="store_true", help="Lewati collectstatic (make dev)."
        )

    def handle(self, *args, tanpa_statis=False, **options):
        keluaran = {"stdout": self.stdout, "stderr": self.stderr}
        call_command("migrate", interactive=False, verbosity=1, **keluaran)
        # the API's and the request form's rate-limit counters (datacenter/settings.py)
        call_command("createcachetable", **keluaran)
        call_command("load_wilayah", **keluaran)
        call_command("load_satker", **keluaran)
        call_command("seed_demo", no_logins=True, **keluaran)
        if not tanpa_statis:
            call_command("collectstatic", interactive=False, verbosity=0, **keluaran)
