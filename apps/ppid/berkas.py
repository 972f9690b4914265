"""Serving uploaded PPID files: as attachments only, never inlined, sniffed or executed (the
same headers as `apps.core.views.kirim_berkas`, which serves module records' files). Callers
check first that the file may be served (a published document, the holder of a tracking link,
a PPID of the office)."""

from django.http import FileResponse, Http404


def kirim_lampiran(berkas, nama: str):
    """`berkas` (a FieldFile) as a download named `nama` plus the stored extension."""
    if not berkas:
        raise Http404
    ext = berkas.name.rsplit(".", 1)[-1].lower() if "." in berkas.name else "bin"
    response = FileResponse(berkas.open("rb"), as_attachment=True, filename=f"{nama}.{ext}")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
