from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from apps.core.forms import PdfInput, RekamanForm
from apps.sengketa.models import termohon_bawaan

# the form field whose help text names a step's due date
FIELD_LANGKAH = {
    "registrasi": "tanggal_registrasi",
    "mediasi": "tanggal_mediasi",
    "putusan": "tanggal_putusan",
}


class SengketaForm(RekamanForm):
    class Meta:
        widgets = {
            "pokok_permohonan": forms.Textarea(attrs={"rows": 3}),
            "petitum": forms.Textarea(attrs={"rows": 3}),
            "keterangan_registrasi": forms.Textarea(attrs={"rows": 2}),
            "catatan_mediasi": forms.Textarea(attrs={"rows": 2}),
            "catatan_adjudikasi": forms.Textarea(attrs={"rows": 2}),
            "ringkasan_putusan": forms.Textarea(attrs={"rows": 3}),
            "dokumen_putusan": PdfInput(),
            "alasan_terlambat": forms.Textarea(attrs={"rows": 2}),
            "catatan_internal": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        satker = self.fields["satker"].queryset
        if "termohon" in self.fields and not self.instance.pk and len(satker) == 1:
            self.fields["termohon"].initial = termohon_bawaan(satker[0])
        if "dokumen_putusan" in self.fields:
            dokumen = self.fields["dokumen_putusan"]
            dokumen.help_text = _(
                "Salinan putusan yang telah dibacakan, berformat PDF, paling besar %(batas)s. "
                "Tampil di portal publik bersama ringkasan putusan."
            ) % {"batas": filesizeformat(settings.BATAS_UNGGAH_BYTE)}
            if self.instance.pk:
                dokumen.widget.url_unduh = reverse(
                    "core:berkas", args=[self.modul.kode, self.instance.pk, "dokumen_putusan"]
                )
        if self.instance.pk:
            self._tenggat_di_bantuan()

    def _tenggat_di_bantuan(self):
        """The due date of each step, as the saved record has it, next to its date field."""
        for langkah in self.instance.langkah():
            name = FIELD_LANGKAH.get(langkah.kode)
            if name in self.fields and langkah.jatuh_tempo:
                bantuan = _("Batas waktu: %(t)s (%(n)s %(satuan)s, %(dasar)s).") % {
                    "t": date_format(langkah.jatuh_tempo, "j F Y"),
                    "n": langkah.batas.panjang,
                    "satuan": langkah.batas.get_satuan_display(),
                    "dasar": langkah.batas.dasar_hukum,
                }
                lama = self.fields[name].help_text
                self.fields[name].help_text = f"{lama} {bantuan}" if lama else bantuan
