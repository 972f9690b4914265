"""Checks on uploaded files: what they claim to be is not trusted, their bytes are."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


def validate_pdf(berkas):
    """A real PDF (starts with `%PDF-`, has an end-of-file marker) within the size limit."""
    nama = getattr(berkas, "name", "") or ""
    batas = settings.BATAS_UNGGAH_BYTE
    if berkas.size > batas:
        raise ValidationError(
            _("Berkas %(nama)s berukuran %(ukuran)s; batasnya %(batas)s.")
            % {"nama": nama, "ukuran": filesizeformat(berkas.size), "batas": filesizeformat(batas)}
        )
    if not nama.lower().endswith(".pdf"):
        raise ValidationError(
            _("Berkas %(nama)s bukan PDF (harus berakhiran .pdf).") % {"nama": nama}
        )
    berkas.seek(0)
    kepala = berkas.read(1024)
    berkas.seek(max(berkas.size - 2048, 0))
    ekor = berkas.read()
    berkas.seek(0)
    if not kepala.startswith(b"%PDF-") or b"%%EOF" not in ekor:
        raise ValidationError(
            _("Berkas %(nama)s bukan PDF yang sah (isinya tidak dikenali sebagai PDF).")
            % {"nama": nama}
        )
