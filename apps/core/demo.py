"""Demo data for `manage.py seed_demo`: the elections, the status × classification scenarios
every office gets, a sample PDF. The demo users are in `apps.accounts.demo`."""

import datetime as dt

PEMILIHAN = [
    ("pemilu-2024", "Pemilu 2024", "pemilu", 2024, dt.date(2024, 2, 14)),
    ("pilkada-2024", "Pilkada Serentak 2024", "pilkada", 2024, dt.date(2024, 11, 27)),
]

# (status path, classification) — every status and every classification appears per office
SKENARIO = [
    ("draft", "belum"),
    ("diajukan", "belum"),
    ("dikembalikan", "belum"),
    ("disetujui", "belum"),
    ("disetujui", "berkala"),
    ("disetujui", "serta_merta"),
    ("disetujui", "setiap_saat"),
    ("disetujui", "dikecualikan"),
]


def pemilihan_demo(kode="pemilu-2024"):
    """The demo election of that code, created if missing (idempotent)."""
    from apps.core.models import Pemilihan

    for k, nama, jenis, tahun, hari in PEMILIHAN:
        obj, _created = Pemilihan.objects.get_or_create(
            kode=k, defaults={"nama": nama, "jenis": jenis, "tahun": tahun, "hari_pemungutan": hari}
        )
        if k == kode:
            result = obj
    return result


def pdf_contoh(teks="Contoh dokumen perjanjian kerja sama - data demo Bawaslu Data Center"):
    """A small valid one-page PDF with one line of text (no library, no download)."""
    isi = f"BT /F1 12 Tf 56 780 Td ({teks}) Tj ET".encode("latin-1")
    objek = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(isi), isi),
    ]
    hasil = bytearray(b"%PDF-1.4\n")
    posisi = []
    for nomor, badan in enumerate(objek, start=1):
        posisi.append(len(hasil))
        hasil += b"%d 0 obj\n%s\nendobj\n" % (nomor, badan)
    xref = len(hasil)
    hasil += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objek) + 1)
    hasil += b"".join(b"%010d 00000 n \n" % p for p in posisi)
    hasil += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objek) + 1,
        xref,
    )
    return bytes(hasil)
