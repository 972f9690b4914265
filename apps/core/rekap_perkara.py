"""Public counts of a case module (pelanggaran, sengketa): per pemilihan, the number of public
cases by each of the module's count dimensions (`Modul.rekap`, choice fields such as
type and status) and by region (provinces, or the kab/kota of one province). Public rows only:
a case that is not approved and classified public is not counted anywhere."""

import re

from django.db.models import Count, Q
from django.db.models.functions import Left
from django.shortcuts import render
from django.utils.translation import gettext as _

from apps.core import publikasi, registry, saringan
from apps.core.models import WILAYAH_EFEKTIF, Pemilihan
from apps.wilayah.models import Wilayah

KODE_PROVINSI = re.compile(r"\d{2}")


def rekap(request, modul_kode):
    modul = registry.get(modul_kode)
    errors = []
    pemilihan_list = list(Pemilihan.objects.all())
    pemilihan = saringan.pemilihan_dari(request.GET, pemilihan_list, errors)
    provinsi_kode = saringan.nilai(request.GET, "provinsi", errors)
    provinsi = None
    if provinsi_kode:
        if KODE_PROVINSI.fullmatch(provinsi_kode):
            provinsi = Wilayah.objects.filter(kode=provinsi_kode).first()
        if provinsi is None:
            errors.append(
                _("Kode provinsi “%(v)s” tidak dikenal (contoh: 18).") % {"v": provinsi_kode}
            )
    token = publikasi.token()  # before any data is read (see apps.core.publikasi)
    qs = modul.model.objects.public()
    if pemilihan:
        qs = qs.filter(pemilihan=pemilihan)
    qs = qs.alias(daerah=WILAYAH_EFEKTIF)
    if provinsi:
        # the same region the national table counted the case in (not the office's code: a
        # Bawaslu RI case in Lampung is counted in Lampung at both levels)
        qs = qs.filter(Q(daerah=provinsi.kode) | Q(daerah__startswith=provinsi.kode + "."))
        panjang, judul_wilayah = 5, _("Kabupaten/kota")
    else:
        panjang, judul_wilayah = 2, _("Provinsi")
    dimensi = []
    for name in modul.rekap:
        field = modul.field(name)
        labels = dict(field.flatchoices)
        hitung = dict(qs.values_list(name).annotate(n=Count("pk")).values_list(name, "n"))
        baris = [(labels.get(v, v), hitung.get(v, 0), v) for v in labels if hitung.get(v)]
        if hitung.get(""):
            baris.append((_("Belum ditentukan"), hitung[""], ""))
        dimensi.append((field.verbose_name, name, baris))
    per_daerah = dict(
        qs.annotate(d=Left("daerah", panjang))
        .values_list("d")
        .annotate(n=Count("pk"))
        .values_list("d", "n")
    )
    nama = dict(
        Wilayah.objects.filter(kode__in=[k for k in per_daerah if k]).values_list("kode", "nama")
    )
    wilayah_rows = sorted(
        ((k, nama.get(k, k), n) for k, n in per_daerah.items() if k), key=lambda r: r[0]
    )
    return render(
        request,
        "core/rekap_perkara.html",
        {
            "modul": modul,
            "errors": errors,
            "pemilihan_list": pemilihan_list,
            "pemilihan": pemilihan,
            "provinsi": provinsi,
            "dimensi": dimensi,
            "wilayah_rows": wilayah_rows,
            "judul_wilayah": judul_wilayah,
            "total": sum(per_daerah.values()),
            "token": token,
        },
    )
