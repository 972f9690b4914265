"""`manage.py kunci_aplikasi`: the admin site's application and key pages from the shell.

manage.py kunci_aplikasi daftar "SIGAP Lapor" --satker 18 --modul pelanggaran --bawahan
manage.py kunci_aplikasi kunci "SIGAP Lapor" [--nama produksi]   # prints the key once
manage.py kunci_aplikasi cabut <awalan kunci>
manage.py kunci_aplikasi lihat
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from apps.imports.models import Aplikasi, KunciAplikasi
from apps.organisasi.models import Satker


class Command(BaseCommand):
    help = "Daftarkan aplikasi untuk API tulis /api/v1/masuk/, buat atau cabut kuncinya."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="perintah", required=True)
        daftar = sub.add_parser("daftar", help="Daftarkan aplikasi baru.")
        daftar.add_argument("aplikasi")
        daftar.add_argument("--satker", required=True, help="Kode satker, mis. 18.72.")
        daftar.add_argument("--modul", required=True, help="Kode modul, dipisah koma.")
        daftar.add_argument(
            "--bawahan", action="store_true", help="Termasuk satker di bawahnya (provinsi)."
        )
        kunci = sub.add_parser("kunci", help="Buat kunci baru (ditampilkan sekali).")
        kunci.add_argument("aplikasi")
        kunci.add_argument("--nama", default="kunci", help="Nama kunci, mis. produksi.")
        cabut = sub.add_parser("cabut", help="Cabut kunci (tidak dapat dibatalkan).")
        cabut.add_argument("awalan", help="Awalan kunci (bagian sebelum titik).")
        sub.add_parser("lihat", help="Daftar aplikasi dan kuncinya.")

    def handle(self, perintah, **opsi):
        getattr(self, f"_{perintah}")(**opsi)

    def _aplikasi(self, nama):
        try:
            return Aplikasi.objects.get(nama=nama)
        except Aplikasi.DoesNotExist:
            raise CommandError(f"Aplikasi {nama!r} belum terdaftar.") from None

    @transaction.atomic
    def _daftar(self, aplikasi, satker, modul, bawahan, **_):
        kantor = Satker.objects.filter(kode=satker).first()
        if kantor is None:
            raise CommandError(f"Satker {satker} tidak dikenal.")
        app = Aplikasi(
            nama=aplikasi,
            satker=kantor,
            termasuk_bawahan=bawahan,
            modul=[m.strip() for m in modul.split(",") if m.strip()],
        )
        try:
            app.full_clean()
        except ValidationError as e:
            pesan = "; ".join(f"{k}: {' '.join(v)}" for k, v in e.message_dict.items())
            raise CommandError(pesan) from None
        app.save()
        self.stdout.write(f"Aplikasi {app.nama} terdaftar untuk {kantor} ({', '.join(app.modul)}).")

    def _kunci(self, aplikasi, nama, **_):
        app = self._aplikasi(aplikasi)
        k, kunci = KunciAplikasi.objects.create_key(name=nama[:50], aplikasi=app)
        self.stdout.write(
            f"Kunci {k.prefix} untuk {app.nama} (simpan sekarang; tidak ditampilkan lagi):"
        )
        self.stdout.write(kunci)

    def _cabut(self, awalan, **_):
        n = KunciAplikasi.objects.filter(prefix=awalan, revoked=False).update(revoked=True)
        if not n:
            raise CommandError(f"Tidak ada kunci aktif berawalan {awalan}.")
        self.stdout.write(f"Kunci {awalan} dicabut.")

    def _lihat(self, **_):
        for app in Aplikasi.objects.select_related("satker").prefetch_related("kunci"):
            keadaan = "aktif" if app.aktif else "nonaktif"
            self.stdout.write(f"{app.nama} · {app.satker} · {', '.join(app.modul)} · {keadaan}")
            for k in app.kunci.all():
                self.stdout.write(f"  {k.prefix} {k.name} {'dicabut' if k.revoked else 'berlaku'}")
