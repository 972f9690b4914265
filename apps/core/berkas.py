"""Serving stored files: as attachments only, never inlined, sniffed or executed, under a
readable name instead of the random one a file is stored under. Every file response of the
portal goes through here: module records' files (staff and public pages) and the PPID's
documents and answers. Callers check first that the file may be served (a public record's
public field, a published document, the holder of a tracking link, a PPID of the office).
`X-Content-Type-Options: nosniff` is set on every response by the security middleware."""

from django.core.exceptions import FieldDoesNotExist
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404


def kirim(berkas, nama: str):
    """`berkas` (a FieldFile) as a download named `nama` plus the stored extension; 404 when
    there is no file."""
    if not isinstance(berkas, FieldFile) or not berkas:
        raise Http404
    ext = berkas.name.rsplit(".", 1)[-1].lower() if "." in berkas.name else "bin"
    response = FileResponse(berkas.open("rb"), as_attachment=True, filename=f"{nama}.{ext}")
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


def kirim_field(rekaman, field: str):
    """A record's file field `field`, named `<modul>-<id>-<field>.<ext>`."""
    try:
        rekaman._meta.get_field(field)
        value = getattr(rekaman, field)
    except (AttributeError, FieldDoesNotExist):
        raise Http404 from None
    return kirim(value, f"{rekaman.modul_kode}-{rekaman.pk}-{field}")
