from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from apps.core import izin, registry
from apps.organisasi.models import Satker

MAKS_UNGGAH_MB = 20


def modul_boleh(user):
    """The importable modules in which `user` may import for some office (one query)."""
    kode = izin.modul_dengan(user, izin.IMPOR)
    return [m for m in registry.all_modules() if m.impor is not None and m.kode in kode]


class FormImpor(forms.Form):
    modul = forms.ChoiceField(label=pgettext_lazy("impor", "Modul"))
    satker = forms.ModelChoiceField(
        label=_("Satker semua baris"),
        queryset=Satker.objects.none(),
        required=False,
        empty_label=_("— menurut kolom satker di berkas —"),
        help_text=_("Pilih bila berkas tidak memuat kolom satker atau semuanya satu satker."),
    )
    berkas = forms.FileField(
        label=pgettext_lazy("impor", "Berkas"),
        # lazily, whole: a lazy text joined with `%` is read at import, in the default language
        help_text=lazy(
            lambda: (
                gettext(
                    ".xlsx atau .csv (dipisah koma atau titik koma, UTF-8), paling besar %(mb)s MB."
                )
                % {"mb": MAKS_UNGGAH_MB}
            ),
            str,
        )(),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    setujui = forms.BooleanField(
        label=_("Masukkan sebagai disetujui"),
        required=False,
        help_text=_("Hanya admin. Data tetap belum diklasifikasi, jadi belum publik."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        moduls = modul_boleh(user)
        self.fields["modul"].choices = [(m.kode, m.nama) for m in moduls]
        kantor = Satker.objects.none()
        for m in moduls:
            kantor = kantor | izin.satker_impor(user, m.kode)
        self.fields["satker"].queryset = kantor.distinct().order_by("kode")
        if not user.is_superuser:
            del self.fields["setujui"]

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        nama = berkas.name or ""
        if not nama.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(
                _("Berkas %(nama)s bukan .xlsx atau .csv.") % {"nama": nama}
            )
        if berkas.size > MAKS_UNGGAH_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("Berkas %(nama)s lebih besar dari %(mb)s MB; bagi menjadi beberapa berkas.")
                % {"nama": nama, "mb": MAKS_UNGGAH_MB}
            )
        return berkas

    def clean(self):
        data = super().clean()
        satker, modul = data.get("satker"), data.get("modul")
        if (
            satker
            and modul
            and not izin.satker_impor(self.user, modul).filter(pk=satker.pk).exists()
        ):
            self.add_error(
                "satker",
                _("Anda tidak berwenang mengimpor data modul ini untuk %(s)s.") % {"s": satker},
            )
        return data
