"""Demo users for every role and records in every status and classification.

Idempotent: users, assignments and records are looked up by their natural keys (username;
user × role × Satker; Satker × module × title) and only created when missing. Module data
comes from each module's `demo_records(satker, index)` hook in the registry.
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from apps.accounts import demo as akun_demo
from apps.accounts.models import Penugasan, User
from apps.accounts.permissions import sinkron_izin
from apps.core import demo, registry
from apps.core.services import buat_rekaman, klasifikasikan
from apps.core.workflow import Aksi, transition
from apps.imports import demo as impor_demo
from apps.organisasi.models import Satker
from apps.ppid import demo as ppid_demo

# who enters and who reviews, per demo office
KANTOR = {
    "18.72": ("operator.metro", "koorsek.metro"),
    "18.01": ("operator.lamsel", "kasek.lampung"),
}
PPID = "ppid.lampung"


class Command(BaseCommand):
    help = "Isi data demo: pengguna untuk setiap peran dan rekaman di setiap status/klasifikasi."

    def add_arguments(self, parser):
        parser.add_argument("--logins-only", action="store_true", help="Hanya cetak akun demo.")
        parser.add_argument("--no-logins", action="store_true", help="Jangan cetak akun demo.")

    def handle(self, *args, logins_only=False, no_logins=False, **options):
        if not logins_only:
            with transaction.atomic():
                self.seed()
        if not no_logins:
            self.print_logins()

    def seed(self):
        self.seed_rekaman()
        impor_demo.aplikasi_demo()

    def seed_rekaman(self):
        satker = {
            s.kode: s for s in Satker.objects.filter(kode__in=[p[3] for p in akun_demo.PERSONAS])
        }
        missing = {p[3] for p in akun_demo.PERSONAS} - set(satker)
        if missing:
            raise CommandError(
                f"Satker belum dimuat ({', '.join(sorted(missing))}): "
                "jalankan 'load_wilayah' dan 'load_satker'."
            )
        pemilu = demo.pemilihan_demo("pemilu-2024")
        users = {}
        for username, nama, peran, kode, superuser in akun_demo.PERSONAS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User.objects.create_user(
                    username=username,
                    password=akun_demo.PASSWORD,
                    nama_lengkap=nama,
                    is_staff=superuser,
                    is_superuser=superuser,
                )
            Penugasan.objects.update_or_create(
                user=user,
                peran=peran,
                satker=satker[kode],
                defaults={"tangani_perkara": username in akun_demo.PENANGAN_PERKARA},
            )
            sinkron_izin(user)  # modules registered since the user was created included
            users[username] = user
        created = 0
        for modul in registry.all_modules():
            if modul.demo_setup:
                modul.demo_setup()
            contoh = modul.demo_records
            if contoh is None:
                continue
            for kode, (operator, reviewer) in KANTOR.items():
                for i, (status, klas) in enumerate(demo.SKENARIO):
                    rekaman = contoh(satker[kode], i)
                    judul = getattr(rekaman, modul.judul_field)
                    if modul.model.objects.filter(
                        satker=satker[kode], **{modul.judul_field: judul}
                    ).exists():
                        continue
                    if rekaman.pemilihan_id is None:
                        rekaman.pemilihan = pemilu
                    anak = modul.demo_anak
                    self.walk(
                        rekaman,
                        users[operator],
                        users[reviewer],
                        users[PPID],
                        status,
                        klas,
                        anak,
                        i,
                    )
                    created += 1
        self.stdout.write(f"Data demo: {created} rekaman baru.")
        ppid_demo.seed(self.stdout)

    @staticmethod
    def walk(rekaman, operator, reviewer, ppid, status, klas, anak=None, i=0):
        buat_rekaman(rekaman, operator)
        if anak is not None:
            anak(rekaman, i)  # child rows a form would have added (e.g. a report's reporter)
        if status == "draft":
            return
        transition(rekaman, Aksi.AJUKAN, operator)
        if status == "dikembalikan":
            transition(rekaman, Aksi.KEMBALIKAN, reviewer, "Lengkapi jumlah peserta dan foto.")
        elif status == "disetujui":
            transition(rekaman, Aksi.SETUJUI, reviewer)
            if klas == "dikecualikan":
                klasifikasikan(
                    rekaman,
                    ppid,
                    klas,
                    alasan="Memuat data pribadi peserta; membukanya merugikan hak pribadi.",
                    dasar_hukum="UU 14/2008 Pasal 17 huruf h",
                    sampai=dt.date(2030, 12, 31),
                )
            elif klas != "belum":
                klasifikasikan(rekaman, ppid, klas)

    def print_logins(self):
        self.stdout.write(f"\nAkun demo (kata sandi semuanya: {akun_demo.PASSWORD}):")
        for username, nama, peran, kode, _superuser in akun_demo.PERSONAS:
            penangan = " · penanganan perkara" if username in akun_demo.PENANGAN_PERKARA else ""
            self.stdout.write(f"  {username:<18} {peran.label:<28} {kode:<6} {nama}{penangan}")
        self.stdout.write("  Masuk di /kelola/masuk/ ; admin Django di /admin/")
        self.stdout.write(
            f"\nAPI tulis (aplikasi {impor_demo.NAMA}, Bawaslu Kota Metro, "
            f"{', '.join(impor_demo.MODUL)}):\n"
            f"  POST /api/v1/masuk/<modul>/ dengan Authorization: Api-Key {impor_demo.KUNCI}\n"
        )
