"""Create a Satker for Bawaslu RI and for every province and kab/kota in `wilayah`.

Idempotent: existing offices keep their ids (and so their records and grants); only names or
parents that changed are updated.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from apps.organisasi.models import KODE_RI, Satker, TingkatSatker
from apps.wilayah.models import Tingkat, Wilayah


def nama_satker(wilayah: Wilayah) -> str:
    if wilayah.tingkat == Tingkat.PROVINSI:
        return f"Bawaslu Provinsi {wilayah.nama}"
    return f"Bawaslu {wilayah.nama}"  # the regency names already read "Kabupaten …"/"Kota …"


class Command(BaseCommand):
    help = "Buat Satker Bawaslu RI, provinsi dan kabupaten/kota dari tabel wilayah."

    @transaction.atomic
    def handle(self, *args, **options):
        regions = list(
            Wilayah.objects.filter(tingkat__in=[Tingkat.PROVINSI, Tingkat.KABKOTA]).order_by("kode")
        )
        if not regions:
            raise CommandError("Tabel wilayah kosong: jalankan dulu 'manage.py load_wilayah'.")
        ri, _ = Satker.objects.update_or_create(
            kode=KODE_RI,
            defaults={"nama": "Bawaslu Republik Indonesia", "tingkat": TingkatSatker.PUSAT},
        )
        existing = {s.kode: s for s in Satker.objects.all()}
        new, changed = [], []
        for w in regions:  # provinces sort before their kab/kota
            induk = ri if w.tingkat == Tingkat.PROVINSI else existing[w.induk_id]
            values = {
                "nama": nama_satker(w),
                "tingkat": TingkatSatker.PROVINSI
                if w.tingkat == Tingkat.PROVINSI
                else TingkatSatker.KABKOTA,
                "wilayah_id": w.kode,
                "induk_id": induk.pk,
            }
            satker = existing.get(w.kode)
            if satker is None:
                satker = Satker.objects.create(kode=w.kode, **values)
                existing[w.kode] = satker
                new.append(satker)
            elif any(getattr(satker, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(satker, k, v)
                satker.save()
                changed.append(satker)
        self.stdout.write(
            f"Satker: {len(existing):,} kantor ({len(new):,} baru, {len(changed):,} diperbarui)."
        )
