"""The budget rule that reads other months, for all rows of an import at once
(`Impor.periksa_massal`): a budget line's cumulative realisation never goes down from one
month to the next — against the months already reported and the other rows of the file. The
rules of one report are `Anggaran.periksa_baris`; the form checks this one with
`Anggaran._periksa_urutan`."""

import bisect

from apps.anggaran.models import Anggaran, pesan_naik, pesan_turun


def tahun_dari_bulan(periode):
    """The fiscal year a reporting month names a budget line in (`RujukanSel.konteks`)."""
    return periode.year


def periksa_massal(daftar):
    """{index in `daftar`: {"realisasi_kumulatif": [message]}} for a row whose amount is below
    that of an earlier month of its line (in the database or the file), or above that of a
    later month already reported. One query, whatever the number of rows. Of two rows of the
    file that disagree, the later month is refused (it is the one that goes down)."""
    if not daftar:
        return {}
    ditulis = {r.pk for r in daftar if r.pk}  # records the file rewrites: their old amount goes
    lama = {}  # line: [(month, amount)] already reported
    qs = (
        Anggaran.objects.filter(pagu_anggaran_id__in={r.pagu_anggaran_id for r in daftar})
        .exclude(pk__in=ditulis)
        .values_list("pagu_anggaran_id", "periode", "realisasi_kumulatif")
    )
    for pagu, periode, nilai in qs:
        lama.setdefault(pagu, []).append((periode, nilai))
    berkas = {}  # line: [(month, amount)] of the file
    for r in daftar:
        berkas.setdefault(r.pagu_anggaran_id, []).append((r.periode, r.realisasi_kumulatif))
    for daftar_bulan in (*lama.values(), *berkas.values()):
        daftar_bulan.sort()
    hasil = {}
    for i, r in enumerate(daftar):
        pesan = _pesan(r, lama.get(r.pagu_anggaran_id, []), berkas[r.pagu_anggaran_id])
        if pesan:
            hasil[i] = {"realisasi_kumulatif": [pesan]}
    return hasil


def _pesan(r, lama, berkas):
    nilai, periode = r.realisasi_kumulatif, r.periode
    # the nearest earlier month, reported or in the file
    sebelum = [
        daftar[j - 1]
        for daftar in (lama, berkas)
        if (j := bisect.bisect_left(daftar, (periode,))) > 0
    ]
    if sebelum:
        bulan, lebih_dulu = max(sebelum)
        if nilai < lebih_dulu:
            return pesan_turun(nilai, bulan, lebih_dulu)
    # the nearest later month already reported (a later row of the file is refused itself)
    j = bisect.bisect_right(lama, (periode, float("inf")))
    if j < len(lama) and nilai > lama[j][1]:
        return pesan_naik(nilai, lama[j][0], lama[j][1])
    return None
