from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.core.forms import RekamanForm


class _BerkasTersimpan:
    """The stored file as the widget shows it: its bare name, linked to a checked view."""

    def __init__(self, url, nama):
        self.url, self.nama = url, nama

    def __str__(self):
        return self.nama


class PdfInput(forms.ClearableFileInput):
    """Offers PDFs first in the file picker. The current file links to the staff download
    view, not to MEDIA_URL, which is never served (uploads are only sent by views that check
    the record is visible)."""

    url_unduh = None

    def __init__(self, attrs=None):
        super().__init__({"accept": "application/pdf,.pdf", **(attrs or {})})

    def format_value(self, value):
        if self.is_initial(value) and self.url_unduh:
            return _BerkasTersimpan(self.url_unduh, value.name.rsplit("/", 1)[-1])
        return super().format_value(value)


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
