"""The violation-case rules that read other rows, for all rows of an import at once
(`Impor.periksa_massal`); the rules of one case are `Pelanggaran.periksa_baris`."""

from django.utils.translation import gettext as _

from apps.core.perkara import gabung_galat, periksa_nomor_massal, periksa_terlambat_massal
from apps.pelanggaran.models import Pelanggaran, Sumber


def _kampanye_untuk_laporan(daftar):
    """A stored finding linked to a campaign activity (the link is set on the form, never by
    an import) may not become a report: one query over the records the file rewrites."""
    laporan = {r.pk: i for i, r in enumerate(daftar) if r.pk and r.sumber == Sumber.LAPORAN}
    if not laporan:
        return {}
    tertaut = Pelanggaran.objects.filter(pk__in=laporan, kegiatan_kampanye__isnull=False)
    pesan = _(
        "Perkara ini tertaut ke kegiatan pengawasan kampanye, yang hanya untuk temuan pengawas; "
        "lepaskan tautannya di formulir perkara sebelum mengubahnya menjadi laporan."
    )
    return {laporan[pk]: {"sumber": [pesan]} for pk in tertaut.values_list("pk", flat=True)}


def periksa_massal(daftar):
    """{index in `daftar`: {field: [messages]}}: a registration number used by another case
    of the office (in the database or in the file), a late step without a reason, a report
    linked to a campaign activity. Five queries at most, whatever the number of rows."""
    return gabung_galat(
        periksa_nomor_massal(Pelanggaran, "nomor_registrasi", daftar),
        periksa_terlambat_massal(Pelanggaran, daftar),
        _kampanye_untuk_laporan(daftar),
    )
