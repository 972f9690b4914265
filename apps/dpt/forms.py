from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.forms import DateInput, RekamanForm
from apps.dpt.models import Tahap
from apps.organisasi.models import TingkatSatker
from apps.wilayah.models import Tingkat, Wilayah

INDENT = "\u00a0\u00a0\u00a0"  # non-breaking: browsers keep it, screen readers skip it
KEDALAMAN = {Tingkat.KABKOTA: 0, Tingkat.KECAMATAN: 1, Tingkat.DESA: 2}


class BulanInput(DateInput):
    """The reporting month typed as `2023-07`. A text box rather than `type="month"`: that
    picker is missing in some browsers and the shared stylesheet does not style it."""

    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__(
            {
                "placeholder": "2023-07",
                "inputmode": "numeric",
                "autocomplete": "off",
                **(attrs or {}),
            }
        )
        self.format = "%Y-%m"


class BulanField(forms.DateField):
    """A reporting month; a value that is not one is named in the message."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": value}
            ) from None


class DptForm(RekamanForm):
    """The generic record form, with the election and the region required, regions from
    kab/kota down to desa (never a province: its figures are sums), and the reporting month
    picked as a month."""

    periode = BulanField(
        label=_("Periode pelaporan"),
        input_formats=["%Y-%m", "%Y-%m-%d"],
        widget=BulanInput,
        help_text=_("Bulan pelaporan, format TTTT-BB, mis. 2023-07."),
        error_messages={
            "invalid": _("Periode “%(value)s” tidak valid; gunakan format TTTT-BB, mis. 2023-07.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tahap = self.fields["tahap"]
        tahap.choices = [("", _("— pilih tahap —")), *Tahap.choices]
        pemilihan = self.fields["pemilihan"]
        pemilihan.required = True
        pemilihan.empty_label = _("— pilih pemilihan —")
        wilayah = self.fields["wilayah"]
        wilayah.required = True
        wilayah.empty_label = _("— pilih wilayah —")
        wilayah.queryset = self._wilayah_dpt(self.fields["satker"].queryset)
        wilayah.label_from_instance = _label_wilayah
        wilayah.help_text = _(
            "Kabupaten/kota, kecamatan atau desa. Isi angka satu kabupaten/kota di tingkat "
            "kabupaten/kota atau per kecamatan/desa, tidak keduanya."
        )
        for name, field in self.fields.items():
            if isinstance(field, forms.IntegerField) and name != "version":
                field.widget.attrs.update(min=0, inputmode="numeric")

    @staticmethod
    def _wilayah_dpt(satker_qs):
        """Kab/kota, kecamatan and desa within the offices' areas; desa only under a kab/kota
        office (a province holds thousands). Bawaslu RI: every kab/kota and kecamatan."""
        q = Q(pk__in=[])
        for satker in satker_qs:
            if satker.tingkat == TingkatSatker.PUSAT:
                return Wilayah.objects.filter(tingkat__in=[Tingkat.KABKOTA, Tingkat.KECAMATAN])
            bawah = Q(kode__startswith=satker.wilayah_id + ".")
            if satker.tingkat == TingkatSatker.KABKOTA:
                q |= Q(kode=satker.wilayah_id) | bawah
            else:
                q |= bawah & ~Q(tingkat=Tingkat.DESA)
        return Wilayah.objects.filter(q).exclude(tingkat=Tingkat.PROVINSI).order_by("kode")


def _label_wilayah(wilayah):
    return f"{INDENT * KEDALAMAN.get(wilayah.tingkat, 0)}{wilayah.nama} ({wilayah.kode})"
