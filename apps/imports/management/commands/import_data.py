"""`manage.py import_data <modul> <file> [--satker KODE] [--dry-run]`: the staff import from the
command line. Prints the summary and every error; exits with status 1 when there is an error
(nothing is then written); `--dry-run` checks and writes nothing."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from apps.core import registry
from apps.imports import proses


class Command(BaseCommand):
    help = "Impor lembar kerja (.xlsx/.csv) ke satu modul data: semua atau tidak sama sekali."

    def add_arguments(self, parser):
        parser.add_argument("modul", choices=registry.codes())
        parser.add_argument("berkas")
        parser.add_argument("--satker", help="Kode satker semua baris (mis. 18.72).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Periksa saja; tidak menulis apa pun."
        )
        parser.add_argument(
            "--pengguna", help="Nama pengguna pengimpor (bawaan: admin super pertama)."
        )
        parser.add_argument(
            "--disetujui", action="store_true", help="Masukkan sebagai disetujui (admin saja)."
        )

    def handle(self, modul, berkas, satker=None, dry_run=False, pengguna=None, **opsi):
        user = self._pengguna(pengguna)
        try:
            f = open(berkas, "rb")  # noqa: SIM115 - closed below
        except OSError as e:
            raise CommandError(f"Berkas {berkas} tidak dapat dibuka: {e.strerror}.") from None
        with f:
            hasil = proses.jalankan(
                registry.get(modul),
                f,
                berkas,
                user,
                satker_kode=satker,
                simpan=not dry_run,
                setujui=opsi["disetujui"],
            )
        for c in hasil.catatan:
            self.stdout.write(c)
        for g in hasil.galat:
            self.stdout.write(str(g))
        if hasil.galat:
            raise CommandError(
                f"{hasil.ringkasan}. Tidak ada yang ditulis; perbaiki berkas lalu ulangi."
            )
        keadaan = "ditulis" if hasil.disimpan else "uji coba, tidak ada yang ditulis"
        self.stdout.write(f"{hasil.ringkasan} ({keadaan}). sha256 {hasil.sha256}")

    def _pengguna(self, nama):
        pengguna = get_user_model().objects.filter(is_active=True)
        if nama:
            user = pengguna.filter(username=nama).first()
            if user is None:
                raise CommandError(f"Pengguna {nama} tidak ada atau tidak aktif.")
            return user
        user = pengguna.filter(is_superuser=True).order_by("pk").first()
        if user is None:
            raise CommandError("Belum ada admin super; sebutkan --pengguna.")
        return user
