"""The Daftar Informasi Publik (/ppid/dip/) with the seven columns of Perki 1/2021, as a page
and as CSV and XLSX downloads.

Generated from (a) one row per registered module that has public records — `.public()` only,
so a module whose records are all unpublished has no row — and (b) the PPID's manual entries
(`EntriDip`). Filtered by office, the module rows describe that office's public records."""

from dataclasses import dataclass

from django.db.models import Max, Min
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core import registry, saringan
from apps.opendata import ekspor
from apps.organisasi.models import Satker
from apps.ppid.models import EntriDip

KOLOM = (
    gettext_lazy("Nomor"),
    gettext_lazy("Ringkasan isi informasi"),
    gettext_lazy("Pejabat/unit/satuan kerja yang menguasai informasi"),
    gettext_lazy("Penanggung jawab pembuatan atau penerbitan informasi"),
    gettext_lazy("Waktu dan tempat pembuatan informasi"),
    gettext_lazy("Bentuk informasi yang tersedia"),
    gettext_lazy("Jangka waktu penyimpanan atau retensi arsip"),
)


@dataclass(frozen=True)
class BarisDip:
    judul: str
    ringkasan: str
    penguasa: str
    penanggung_jawab: str
    waktu_tempat: str
    bentuk: str
    retensi: str
    tautan: str = ""
    modul: str = ""  # the module code of a generated row; "" for a manual entry

    def sel(self, nomor: int) -> list:
        """The seven columns of Perki 1/2021."""
        return [
            nomor,
            f"{self.judul}: {self.ringkasan}" if self.ringkasan else self.judul,
            self.penguasa,
            self.penanggung_jawab,
            self.waktu_tempat,
            self.bentuk,
            self.retensi,
        ]


def _baris_modul(modul, kantor) -> BarisDip | None:
    qs = modul.model.objects.public()
    if kantor is not None:
        qs = qs.filter(satker=kantor)
    # min/max of the partial index that matches .public(): no scan of the rows
    rentang = qs.aggregate(awal=Min("periode"), akhir=Max("periode"))
    if rentang["awal"] is None:
        return None
    awal = date_format(rentang["awal"], "F Y")
    akhir = date_format(rentang["akhir"], "F Y")
    waktu = awal if awal == akhir else f"{awal} – {akhir}"
    if kantor is None:
        penguasa = _("Bawaslu RI, Bawaslu Provinsi dan Bawaslu Kabupaten/Kota pemilik data")
        penanggung_jawab = _("PPID Bawaslu RI dan PPID pelaksana di setiap satker")
        tempat = _("kantor Bawaslu pemilik data")
        tautan = reverse("portal:daftar", args=[modul.kode])
    else:
        penguasa = kantor.nama
        penanggung_jawab = _("PPID %(satker)s") % {"satker": kantor.nama}
        tempat = kantor.nama
        tautan = reverse("portal:satker", args=[kantor.kode])
    return BarisDip(
        judul=str(modul.nama),
        ringkasan=str(modul.deskripsi),
        penguasa=penguasa,
        penanggung_jawab=penanggung_jawab,
        waktu_tempat=_("%(waktu)s; %(tempat)s") % {"waktu": waktu, "tempat": tempat},
        bentuk=_("Softcopy: CSV, XLSX, JSON, API"),
        retensi=_("Selama data dipublikasikan; arsipnya sesuai Jadwal Retensi Arsip Bawaslu"),
        tautan=tautan,
        modul=modul.kode,
    )


def susun_dip(kantor: Satker | None = None) -> list[BarisDip]:
    """The DIP rows, module datasets first, then the manual entries; of one office when
    `kantor` is given."""
    rows = [b for m in registry.all_modules() if (b := _baris_modul(m, kantor))]
    entri = EntriDip.objects.terbit().select_related("satker")
    if kantor is not None:
        entri = entri.filter(satker=kantor)
    rows += [
        BarisDip(
            judul=e.judul,
            ringkasan=e.ringkasan,
            penguasa=e.penguasa,
            penanggung_jawab=e.penanggung_jawab,
            waktu_tempat=e.waktu_tempat,
            bentuk=e.bentuk,
            retensi=e.retensi,
        )
        for e in entri.order_by("satker__kode", "urutan", "id")
    ]
    return rows


def _kantor(request):
    """(office of ?satker=<kode> or None, error message or "")."""
    pesan = []
    kode = saringan.nilai(request.GET, "satker", pesan)
    if pesan:
        return None, pesan[0]
    if not kode:
        return None, ""
    kantor = Satker.objects.filter(kode=kode).first()
    if kantor is None:
        return None, _("Satker dengan kode “%(kode)s” tidak dikenal; semua satker ditampilkan.") % {
            "kode": kode[:20]
        }
    return kantor, ""


def _tabel(request):
    """(office filtered on, its error message, the rows as the seven columns)."""
    kantor, _galat = _kantor(request)
    return kantor, [b.sel(i) for i, b in enumerate(susun_dip(kantor), 1)]


def dip(request):
    kantor, galat = _kantor(request)
    return render(
        request,
        "ppid/dip.html",
        {
            "kolom": KOLOM,
            "baris": list(enumerate(susun_dip(kantor), 1)),
            "kantor": kantor,
            "galat": galat,
            "satker_list": Satker.objects.order_by("kode").values_list("kode", "nama"),
        },
    )


def _nama_berkas(kantor, ext):
    return f"dip-{kantor.kode}.{ext}" if kantor else f"dip.{ext}"


def dip_csv(request):
    kantor, sel = _tabel(request)
    response = HttpResponse(ekspor.teks_csv(KOLOM, sel), content_type=ekspor.MEDIA["csv"])
    response["Content-Disposition"] = f'attachment; filename="{_nama_berkas(kantor, "csv")}"'
    return response


def dip_xlsx(request):
    kantor, sel = _tabel(request)
    with ekspor.buku_xlsx([ekspor.Lembar("DIP", [ekspor.judul(KOLOM), *sel])]) as berkas:
        response = HttpResponse(berkas.read(), content_type=ekspor.MEDIA["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="{_nama_berkas(kantor, "xlsx")}"'
    return response
