"""Bar charts drawn on the server as inline SVG: no script, no library, nothing fetched.

One kind of chart serves every table of the statistics pages: a horizontal bar per row with
its label above it, so long labels (regions, kinds of activity) stay readable on a phone and
the chart only grows downwards. The drawing scales with its `viewBox`; colours come from
`static/css/statistik.css`, with the same colours as presentation attributes for a reader
without the stylesheet. Every bar carries a `<title>` (label and value) and the chart a
`<title>`/`<desc>`; the data table that follows each chart is the accessible equivalent.
"""

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

LEBAR = 400  # viewBox width; the chart is scaled to its container
KIRI = 4
KANAN_NILAI = 64  # room for the value right of the longest bar
TINGGI_BARIS = 34
TINGGI_BATANG = 12
ATAS = 6
PANJANG_LABEL = 60  # characters; the full label stays in the bar's <title>
WARNA_BATANG = "#a4161a"  # 7:1 against white
WARNA_TEKS = "#1d1d1f"


def angka(nilai) -> str:
    return number_format(nilai, use_l10n=True, force_grouping=True)


def _pendek(teks: str) -> str:
    return teks if len(teks) <= PANJANG_LABEL else teks[: PANJANG_LABEL - 1] + "…"


def batang(kode: str, judul: str, baris) -> str:
    """An SVG bar chart of `baris` = [(label, value)], values >= 0. `kode` makes the ids of
    the chart's title and description unique on the page."""
    baris = [(str(label), int(nilai)) for label, nilai in baris]
    n = len(baris)
    tinggi = ATAS * 2 + max(n, 1) * TINGGI_BARIS
    terbesar = max((v for _, v in baris), default=0)
    ruang = LEBAR - KIRI - KANAN_NILAI
    total = sum(v for _, v in baris)
    if n:
        puncak = max(baris, key=lambda lv: lv[1])
        keterangan = _(
            "%(n)s baris, jumlah %(total)s; terbanyak %(label)s (%(nilai)s). "
            "Angka lengkap ada pada tabel di bawah grafik."
        ) % {"n": angka(n), "total": angka(total), "label": puncak[0], "nilai": angka(puncak[1])}
    else:
        keterangan = _("Tidak ada data untuk digambar.")
    id_judul, id_ket = f"grafik-{kode}-judul", f"grafik-{kode}-ket"
    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafik" role="img" '
        f'viewBox="0 0 {LEBAR} {tinggi}" aria-labelledby="{id_judul} {id_ket}">',
        f'<title id="{id_judul}">{escape(judul)}</title>',
        f'<desc id="{id_ket}">{escape(keterangan)}</desc>',
    ]
    for i, (label, nilai) in enumerate(baris):
        y = ATAS + i * TINGGI_BARIS
        lebar = 0 if not terbesar else ruang * nilai / terbesar
        if nilai and lebar < 1:
            lebar = 1  # a non-zero value is always visible
        y_batang = y + 17
        bagian.append(
            f"<g><title>{escape(label)}: {escape(angka(nilai))}</title>"
            f'<text class="grafik-label" x="{KIRI}" y="{y + 12}" fill="{WARNA_TEKS}" '
            f'font-size="12">{escape(_pendek(label))}</text>'
            f'<rect class="grafik-batang" x="{KIRI}" y="{y_batang}" width="{lebar:.1f}" '
            f'height="{TINGGI_BATANG}" fill="{WARNA_BATANG}"/>'
            f'<text class="grafik-nilai" x="{KIRI + lebar + 4:.1f}" y="{y_batang + 10}" '
            f'fill="{WARNA_TEKS}" font-size="11">{escape(angka(nilai))}</text></g>'
        )
    if not n:
        bagian.append(
            f'<text class="grafik-label" x="{KIRI}" y="{ATAS + 16}" fill="{WARNA_TEKS}" '
            f'font-size="12">{escape(keterangan)}</text>'
        )
    bagian.append("</svg>")
    return mark_safe("".join(bagian))  # noqa: S308 - every text above is escaped
