"""National-scale synthetic records for benchmarks (DESIGN §6): `--rows` per module, copies of
each module's demo records spread over every kab/kota office and the days of 2024, about half
of them public.

Rows are bulk-inserted, not walked through the workflow: this is load for measuring reads,
never data anyone enters, and it is only used in the benchmark database.
"""

import copy
import datetime as dt
import random

from django.core.management.base import BaseCommand, CommandError

from apps.accounts.models import User
from apps.core import registry
from apps.core.models import Klasifikasi, Status
from apps.organisasi.models import Satker, TingkatSatker

# each: status, classification and its relative weight
MIX = [
    (Status.DRAFT, Klasifikasi.BELUM, 10),
    (Status.DIAJUKAN, Klasifikasi.BELUM, 10),
    (Status.DIKEMBALIKAN, Klasifikasi.BELUM, 5),
    (Status.DISETUJUI, Klasifikasi.BELUM, 15),
    (Status.DISETUJUI, Klasifikasi.DIKECUALIKAN, 10),
    (Status.DISETUJUI, Klasifikasi.BERKALA, 30),
    (Status.DISETUJUI, Klasifikasi.SERTA_MERTA, 10),
    (Status.DISETUJUI, Klasifikasi.SETIAP_SAAT, 10),
]


class Command(BaseCommand):
    help = "Buat data sintetis berskala nasional untuk benchmark."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=2024)

    def handle(self, *args, rows, seed, **options):
        rng = random.Random(seed)  # noqa: S311 - reproducible synthetic data, not secrets
        kantor = list(
            Satker.objects.filter(tingkat=TingkatSatker.KABKOTA).select_related("wilayah")
        )
        if not kantor:
            raise CommandError("Satker kosong: jalankan 'load_wilayah' dan 'load_satker' dulu.")
        user, _ = User.objects.get_or_create(username="generator.skala")
        weights = [w for *_x, w in MIX]
        for modul in registry.all_modules():
            if modul.demo_setup:
                modul.demo_setup()
            contoh = modul.demo_records
            if contoh is None or not modul.skala:
                # a module whose rows are unique per office and month (dpt, anggaran) cannot
                # be scaled by copying demo rows; it opts out with skala=False
                self.stdout.write(f"{modul.kode}: dilewati.")
                continue
            templates = [contoh(s, i) for i, s in enumerate(kantor[:8])]
            batch = []
            for n in range(rows):
                satker = kantor[n % len(kantor)]
                obj = copy.copy(templates[n % len(templates)])
                status, klas, _w = rng.choices(MIX, weights)[0]
                tanggal = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(366))
                obj.pk = None
                obj.satker, obj.wilayah = satker, satker.wilayah
                if modul.periode_dari:
                    setattr(obj, modul.periode_dari, tanggal)
                obj.periode = tanggal.replace(day=1)
                obj.status, obj.klasifikasi = status, klas
                if klas == Klasifikasi.DIKECUALIKAN:
                    obj.alasan_pengecualian = "Data pribadi"
                    obj.dasar_hukum_pengecualian = "UU 14/2008 Pasal 17 huruf h"
                    obj.dikecualikan_sampai = dt.date(2030, 1, 1)
                obj.created_by = obj.updated_by = user
                batch.append(obj)
                if len(batch) == 5000:
                    modul.model.objects.bulk_create(batch)
                    batch = []
            modul.model.objects.bulk_create(batch)
            self.stdout.write(f"{modul.kode}: {rows} baris sintetis.")
