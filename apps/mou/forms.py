from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.core.forms import PdfInput, RekamanForm


class MouForm(RekamanForm):
    class Meta:
        widgets = {
            "dokumen": PdfInput(),
            "ruang_lingkup": forms.Textarea(attrs={"rows": 4}),
            "catatan_internal": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "dokumen" in self.fields:
            dokumen = self.fields["dokumen"]
            dokumen.help_text = _(
                "Pindaian perjanjian yang sudah ditandatangani, berformat PDF, paling besar "
                "%(batas)s."
            ) % {"batas": filesizeformat(settings.BATAS_UNGGAH_BYTE)}
            if self.instance.pk:
                dokumen.widget.url_unduh = reverse(
                    "core:berkas", args=[self.modul.kode, self.instance.pk, "dokumen"]
                )
