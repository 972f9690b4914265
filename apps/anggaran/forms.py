from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.anggaran.models import PaguAnggaran
from apps.core import izin
from apps.core.forms import DateInput, RekamanForm


class BulanInput(DateInput):
    """The reporting month as text, `2024-03`: a month picker (`type="month"`) exists in few
    browsers, and a text box reads the same everywhere."""

    input_type = "text"

    def __init__(self, attrs=None):
        attrs = {"placeholder": "2024-03", "autocomplete": "off"}
        forms.DateInput.__init__(self, attrs, format="%Y-%m")


class BulanField(forms.DateField):
    """A month (`2024-03`) read as its first day; an unreadable value is named back."""

    widget = BulanInput
    input_formats = ["%Y-%m", "%Y-%m-%d", "%m-%Y", "%m/%Y"]

    def to_python(self, value):
        try:
            tanggal = super().to_python(value)
        except forms.ValidationError:
            raise forms.ValidationError(
                _("Bulan laporan “%(value)s” tidak valid; gunakan format TTTT-BB, mis. 2024-03."),
                code="invalid",
                params={"value": value},
            ) from None
        return tanggal.replace(day=1) if tanggal else tanggal


def _rupiah_widget():
    return forms.NumberInput(attrs={"min": 0, "step": 1, "inputmode": "numeric"})


def label_pagu(pagu):
    return (
        f"{pagu.satker.nama} · TA {pagu.tahun} · {pagu.kode_kegiatan} · "
        f"{pagu.kode_akun} {pagu.uraian_akun}"
    )


class AnggaranForm(RekamanForm):
    """The monthly report: the reporting month is asked as a month; only budget lines of the
    offices the user may enter data for are offered; the region defaults to the office's own."""

    def __init__(self, *args, user, modul, **kwargs):
        super().__init__(*args, user=user, modul=modul, **kwargs)
        kantor = izin.satker_dengan(user, izin.ISI, modul.kode).values("pk")
        field = self.fields["pagu_anggaran"]
        field.queryset = (
            PaguAnggaran.objects.filter(satker__in=kantor)
            .select_related("satker")
            .order_by("-tahun", "satker__kode", "kode_kegiatan", "kode_akun")
        )
        field.label_from_instance = label_pagu
        field.help_text = _(
            "Belum ada mata anggarannya? Tambahkan dulu di halaman Pagu anggaran "
            "(/kelola/anggaran/pagu/)."
        )
        field.error_messages["invalid_choice"] = _(
            "Mata anggaran dengan id %(value)s tidak tersedia untuk kantor tempat Anda dapat "
            "mengisi data."
        )
        self.fields["periode"] = BulanField(
            label=_("Bulan laporan"),
            help_text=_("Format TTTT-BB, mis. 2024-03."),
            initial=self.fields["periode"].initial,
        )
        self.fields["realisasi_kumulatif"].widget = _rupiah_widget()
        field.empty_label = _("— Pilih mata anggaran —")
        if "wilayah" in self.fields:
            self.fields["wilayah"].empty_label = _("— Wilayah satker —")
            self.fields["wilayah"].help_text = _("Kosongkan untuk memakai wilayah satker.")
        if "pemilihan" in self.fields:
            self.fields["pemilihan"].empty_label = _("— Tidak terkait pemilihan tertentu —")

    def clean(self):
        cleaned = super().clean()
        satker = cleaned.get("satker")
        if "wilayah" in self.fields and not cleaned.get("wilayah") and satker:
            cleaned["wilayah"] = satker.wilayah
        return cleaned


class PaguForm(forms.ModelForm):
    """A new budget line, for an office where the user may enter budget data."""

    class Meta:
        model = PaguAnggaran
        fields = [
            "satker",
            "tahun",
            "kode_program",
            "program",
            "kode_kegiatan",
            "kegiatan",
            "kode_akun",
            "uraian_akun",
            "pagu",
        ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        kantor = izin.satker_dengan(user, izin.ISI, "anggaran").order_by("kode")
        self.fields["satker"].queryset = kantor
        self.fields["satker"].empty_label = None
        self.fields["satker"].error_messages["invalid_choice"] = _(
            "Satker dengan id %(value)s bukan kantor tempat Anda dapat mengisi data."
        )
        self.fields["tahun"].initial = timezone.localdate().year
        self.fields["tahun"].widget.attrs.update({"min": 2000, "max": 2100})
        self.fields["kode_program"].widget.attrs["placeholder"] = "115.01.DH"
        self.fields["kode_kegiatan"].widget.attrs["placeholder"] = "6370"
        self.fields["kode_akun"].widget.attrs["placeholder"] = "521211"
        self.fields["kode_akun"].widget.attrs.update(
            {"inputmode": "numeric", "pattern": "[0-9]{6}", "autocomplete": "off"}
        )
        self.fields["pagu"].widget = _rupiah_widget()
        self.fields["pagu"].help_text = _("Dalam rupiah, tanpa titik, mis. 350000000.")


class RevisiForm(forms.Form):
    pagu_baru = forms.DecimalField(
        label=_("Pagu baru (Rp)"),
        max_digits=16,
        decimal_places=0,
        min_value=0,
        widget=_rupiah_widget(),
        help_text=_("Dalam rupiah, tanpa titik."),
    )
    tanggal = forms.DateField(
        label=_("Tanggal revisi"), widget=DateInput, help_text=_("Tanggal dokumen revisi DIPA.")
    )
    alasan = forms.CharField(
        label=_("Alasan revisi"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mis. nomor surat pengesahan revisi DIPA dan pokok perubahannya."),
    )
