"""The voter-list rule that reads other reports, for all rows of an import at once: per
kab/kota, election, stage and month, figures are entered at the kab/kota level or per
kecamatan/desa — never both, from whichever office — so the roll-up never counts a voter twice
(the form checks one report with `Dpt._periksa_rangkap`)."""

from django.db.models.functions import Substr
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from apps.core.models import Pemilihan
from apps.dpt.models import PANJANG_KODE, Dpt, Tahap
from apps.wilayah.models import Tingkat

KAB = PANJANG_KODE[Tingkat.KABKOTA]
KEC = PANJANG_KODE[Tingkat.KECAMATAN]


def _leluhur(kode):
    return [kode[:n] for n in (KAB, KEC) if n < len(kode)]


def periksa_massal(daftar):
    """{index in `daftar`: {"wilayah": [message]}} for the rows whose region overlaps another
    report (in the database or in the file) of the same kab/kota, election, stage and month.
    The rows carry their fields' values (`wilayah_id`, `tahap`…) and `pk`; four queries in
    all, whatever the number of rows."""
    if not daftar:
        return {}
    kelompok = {}
    for i, r in enumerate(daftar):
        kunci = (r.pemilihan_id, r.tahap, r.periode, r.wilayah_id[:KAB])
        kelompok.setdefault(kunci, []).append((r.wilayah_id, r.pk, i))
    ada = (
        Dpt.objects.filter(
            pemilihan_id__in={k[0] for k in kelompok},
            tahap__in={k[1] for k in kelompok},
            periode__in={k[2] for k in kelompok},
        )
        .annotate(kab=Substr("wilayah", 1, KAB))
        .filter(kab__in={k[3] for k in kelompok})
        .values_list("pemilihan_id", "tahap", "periode", "kab", "wilayah_id", "pk")
    )
    pengganti = {r.pk for r in daftar if r.pk}  # records the file rewrites: their old region goes
    for pem, tahap, periode, kab, wilayah, pk in ada:
        kunci = (pem, tahap, periode, kab)
        if kunci in kelompok and pk not in pengganti:
            kelompok[kunci].append((wilayah, pk, None))
    nama_pemilihan = {
        p.pk: str(p) for p in Pemilihan.objects.filter(pk__in={k[0] for k in kelompok})
    }
    hasil = {}
    for (_pem, _tahap, periode, _kab), isi in kelompok.items():
        per_kode = {}
        bawah = {}
        for kode, pk, i in isi:
            per_kode.setdefault(kode, []).append((pk, i))
            for induk in _leluhur(kode):
                bawah.setdefault(induk, []).append(kode)
        for kode, pk, i in isi:
            if i is None:
                continue
            bentrok = [k for k in _leluhur(kode) if k in per_kode]
            bentrok += bawah.get(kode, [])
            bentrok += [kode for p, j in per_kode[kode] if j != i and (p is None or p != pk)]
            if bentrok:
                r = daftar[i]
                hasil[i] = {
                    "wilayah": [
                        _(
                            "%(tahap)s %(pemilihan)s periode %(periode)s untuk wilayah ini "
                            "beririsan dengan laporan lain (%(kode)s): angka satu "
                            "kabupaten/kota diisi di tingkat kabupaten/kota atau per "
                            "kecamatan/desa, tidak keduanya, agar tidak terhitung dua kali."
                        )
                        % {
                            "tahap": Tahap(r.tahap).label,
                            "pemilihan": nama_pemilihan.get(r.pemilihan_id, ""),
                            "periode": date_format(periode, "F Y"),
                            "kode": ", ".join(sorted(set(bentrok))[:5]),
                        }
                    ]
                }
    return hasil
