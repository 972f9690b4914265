from django.db.models import Case, Value, When
from django.utils.translation import gettext_lazy as _

from apps.core.forms import RekamanForm
from apps.kampanye.models import JenisPeserta, MetodeKampanye, PesertaPemilu

# Participants in the order of the choices (parties first), not alphabetically by code.
URUTAN_JENIS = Case(
    *(When(jenis=jenis, then=Value(i)) for i, jenis in enumerate(JenisPeserta.values))
)


def label_peserta(peserta):
    """The participant with its election, since the list holds every election's participants:
    "Pemilu 2024 — 02 Prabowo Subianto–Gibran Rakabuming Raka"."""
    return f"{peserta.pemilihan} — {peserta}"


class KampanyeForm(RekamanForm):
    """The generic record form, with the election and the region required (a campaign belongs
    to one election and happens somewhere) and the participants labelled with their election.
    Whether the participant belongs to the chosen election is checked by `Kampanye.clean()`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pemilihan = self.fields["pemilihan"]
        pemilihan.required = True
        pemilihan.empty_label = _("— pilih pemilihan —")
        pemilihan.error_messages["required"] = _("Pemilihan wajib dipilih untuk laporan kampanye.")
        wilayah = self.fields["wilayah"]
        wilayah.required = True
        wilayah.empty_label = _("— pilih wilayah —")
        wilayah.error_messages["required"] = _(
            "Wilayah tempat kegiatan kampanye wajib dipilih (kabupaten/kota atau kecamatan)."
        )
        peserta = self.fields["peserta"]
        peserta.queryset = PesertaPemilu.objects.select_related("pemilihan").order_by(
            "-pemilihan__tahun", "pemilihan__kode", URUTAN_JENIS, "nomor_urut", "nama"
        )
        peserta.label_from_instance = label_peserta
        peserta.empty_label = _("— pilih peserta pemilu —")
        peserta.help_text = _("Peserta harus terdaftar pada pemilihan yang dipilih di atas.")
        # Django 6.1's blank choice ("- Select an option -") has no Indonesian translation.
        self.fields["metode"].choices = [
            ("", _("— pilih metode kampanye —")),
            *MetodeKampanye.choices,
        ]
        self.fields["dugaan_pelanggaran"].help_text = _(
            "Centang bila kegiatan ini diduga melanggar ketentuan kampanye."
        )
