"""Public pages of the voter-list module beyond the generic list and detail pages."""

import re
from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core import publikasi, saringan
from apps.core.models import Pemilihan
from apps.dpt import rekap
from apps.dpt.models import Dpt, Tahap
from apps.wilayah.models import Tingkat, Wilayah

KODE_AREA = re.compile(r"\d{2}(\.\d{2}){0,2}")
TAHAP_BAKU = Tahap.DPT
# levels a row links down from (a desa has nothing under it)
BISA_DIRINCI = {Tingkat.PROVINSI, Tingkat.KABKOTA, Tingkat.KECAMATAN}
NAMA_TINGKAT = {
    Tingkat.PROVINSI: gettext_lazy("Provinsi %(nama)s"),
    Tingkat.KECAMATAN: gettext_lazy("Kecamatan %(nama)s"),
}


def rekapitulasi(request):
    """Figures of one election and stage for Indonesia, a province, a kab/kota or a kecamatan,
    one row per region one level down, summed from public reports only (`apps.dpt.rekap`).

    A constant number of queries: elections, the area with its parents, the public-content
    token, and — only when the table is not cached under that token — the regions under the
    area and one aggregate."""
    errors = []
    pemilihan_list = list(Pemilihan.objects.all())
    # the newest election when none (or an unknown one) is named
    pemilihan = saringan.pemilihan_dari(request.GET, pemilihan_list, errors) or (
        pemilihan_list[0] if pemilihan_list else None
    )
    tahap = _tahap(saringan.nilai(request.GET, "tahap", errors), errors)
    jalur = _jalur(saringan.nilai(request.GET, "wilayah", errors), errors)
    area = jalur[-1] if jalur else None
    token = publikasi.token()  # before any data is read (see apps.core.publikasi)
    return render(
        request,
        "dpt/rekap.html",
        {
            "errors": errors,
            "pemilihan_list": pemilihan_list,
            "pemilihan": pemilihan,
            "tahap_choices": Tahap.choices,
            "tahap": Tahap(tahap),
            "penjelasan_tahap": Dpt._meta.get_field("tahap").help_text,
            "jalur": [(w, _tautan(pemilihan, tahap, w.kode)) for w in jalur],
            "tautan_indonesia": _tautan(pemilihan, tahap, ""),
            "area": area,
            "nama_area": nama_wilayah(area) if area else _("Indonesia"),
            "tingkat_baris": _tingkat_baris(area),
            "tabel": Tabel(pemilihan, tahap, area),
            "token": token,
            "kunci": f"{pemilihan.kode if pemilihan else ''}|{tahap}|{area.kode if area else ''}",
            "tautan_laporan": reverse("portal:daftar", args=["dpt"])
            + _tautan(pemilihan, tahap, area.kode if area else ""),
        },
    )


class Tabel:
    """The rows and the total of the roll-up table, read on first use: a page served from the
    cache reads none of it."""

    def __init__(self, pemilihan, tahap, area):
        self.pemilihan, self.tahap, self.area = pemilihan, tahap, area
        self.kode_area = area.kode if area else ""

    @cached_property
    def _hasil(self):
        baris, total = [], rekap.Jumlah(kode=self.kode_area)
        if self.pemilihan is None:
            return baris, total
        jumlah = rekap.per_wilayah(self.pemilihan, self.tahap, self.kode_area)
        anak = _anak(self.area)
        for kode, nilai in jumlah.items():
            total.tambah(nilai)
            if kode == self.kode_area:
                baris.append(self._baris(self.area, nilai, kode, sendiri=True))
            elif kode not in anak:
                baris.append(self._baris(None, nilai, kode))
        baris += [self._baris(w, jumlah.get(kode), kode) for kode, w in anak.items()]
        baris.sort(key=lambda b: (not b["sendiri"], b["kode"]))
        return baris, total

    @property
    def baris(self):
        return self._hasil[0]

    @property
    def total(self):
        return self._hasil[1]

    @property
    def periode_total(self):
        return _periode(self.total)

    @property
    def ada_data(self):
        return self.total.laporan > 0

    def _baris(self, wilayah, jumlah, kode, *, sendiri=False):
        """One row; `sendiri` when the figures were entered for the area itself."""
        dirinci = wilayah is not None and not sendiri and wilayah.tingkat in BISA_DIRINCI
        return {
            "kode": kode,
            "nama": nama_wilayah(wilayah) if wilayah else kode,
            "sendiri": sendiri,
            "tautan": _tautan(self.pemilihan, self.tahap, kode) if dirinci else "",
            "jumlah": jumlah,
            "periode": _periode(jumlah) if jumlah else "",
        }


def nama_wilayah(wilayah):
    """“Provinsi Lampung”, “Kota Metro”, “Kecamatan Metro Pusat”."""
    pola = NAMA_TINGKAT.get(wilayah.tingkat)
    return pola % {"nama": wilayah.nama} if pola else wilayah.nama


def _tahap(kode, errors):
    if kode in Tahap.values:
        return kode
    if kode:
        errors.append(_("Tahap “%(v)s” tidak dikenal; ditampilkan tahap DPT.") % {"v": kode})
    return TAHAP_BAKU


def _jalur(kode, errors):
    """The area and the regions above it, top first ([] for Indonesia)."""
    if not kode:
        return []
    if KODE_AREA.fullmatch(kode):
        awalan = [kode[:n] for n in (2, 5, 8) if n <= len(kode)]
        jalur = list(Wilayah.objects.filter(kode__in=awalan).order_by("kode"))
        if len(jalur) == len(awalan):
            return jalur
    errors.append(
        _(
            "Kode wilayah “%(v)s” tidak dikenali (contoh: 18 untuk provinsi, 18.72 untuk "
            "kabupaten/kota, 18.72.01 untuk kecamatan); ditampilkan seluruh Indonesia."
        )
        % {"v": kode}
    )
    return []


def _anak(area):
    """{code: region} one level under the area, in code order."""
    if area is None:
        qs = Wilayah.objects.filter(tingkat=Tingkat.PROVINSI)
    else:
        qs = Wilayah.objects.filter(induk_id=area.kode)
    return {w.kode: w for w in qs.order_by("kode").only("kode", "nama", "tingkat")}


def _tingkat_baris(area):
    return {
        None: _("provinsi"),
        Tingkat.PROVINSI: _("kabupaten/kota"),
        Tingkat.KABKOTA: _("kecamatan"),
        Tingkat.KECAMATAN: _("desa/kelurahan"),
    }[area.tingkat if area else None]


def _tautan(pemilihan, tahap, kode):
    query = {"pemilihan": pemilihan.kode if pemilihan else "", "tahap": tahap, "wilayah": kode}
    return "?" + urlencode({k: v for k, v in query.items() if v})


def _periode(jumlah):
    awal, akhir = jumlah.periode_awal, jumlah.periode_akhir
    if awal is None:
        return ""
    if awal == akhir:
        return date_format(awal, "F Y")
    return f"{date_format(awal, 'F Y')} – {date_format(akhir, 'F Y')}"
