"""`manage.py export_data <modul> <file> [--satker KODE]`: every record of a module (of one
office with `--satker`), in the import's columns, to .xlsx or .csv. The file imports back
changing nothing."""

from django.core.management.base import BaseCommand, CommandError

from apps.core import registry
from apps.imports import ekspor
from apps.organisasi.models import Satker


class Command(BaseCommand):
    help = "Ekspor rekaman satu modul ke .xlsx/.csv dalam kolom impor (dapat diimpor kembali)."

    def add_arguments(self, parser):
        parser.add_argument("modul", choices=registry.codes())
        parser.add_argument("berkas")
        parser.add_argument("--satker", help="Kode satker (mis. 18.72).")

    def handle(self, modul, berkas, satker=None, **opsi):
        modul = registry.get(modul)
        if modul.impor is None:
            raise CommandError(f"Modul {modul.kode} tidak dapat diimpor, jadi tidak diekspor.")
        if not berkas.lower().endswith((".xlsx", ".csv")):
            raise CommandError("Nama berkas harus berakhiran .xlsx atau .csv.")
        qs = modul.model.objects.all()
        if satker:
            kantor = Satker.objects.filter(kode=satker).first()
            if kantor is None:
                raise CommandError(f"Satker {satker} tidak dikenal.")
            qs = qs.filter(satker=kantor)
        try:
            ekspor.tulis(modul, qs, berkas)
        except OSError as e:
            raise CommandError(f"Berkas {berkas} tidak dapat ditulis: {e.strerror}.") from None
        self.stdout.write(f"{qs.count()} rekaman {modul.kode} ditulis ke {berkas}.")
