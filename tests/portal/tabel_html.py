"""Reading the public portal's figure tables and charts back out of a page, as a reader (or a
scraper) would: cell texts, counts with the Indonesian thousands separator removed, and each
`<svg>` chart parsed as XML."""

import html
import re
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def _teks(sel):
    return html.unescape(re.sub(r"<[^>]+>", "", sel)).strip()


def tabel(halaman, id_tabel):
    """(header cells, [row cells]) of `<table … id="id_tabel">`."""
    isi = halaman.split(f'id="{id_tabel}"', 1)[1].split("</table>", 1)[0]
    kepala = [_teks(c) for c in re.findall(r"<th[^>]*>(.*?)</th>", isi.split("</thead>", 1)[0])]
    badan = isi.split("<tbody>", 1)[1]
    baris = [
        [_teks(c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", tr, re.S)]
        for tr in re.findall(r"<tr>(.*?)</tr>", badan, re.S)
    ]
    return kepala, [b for b in baris if len(b) == len(kepala)]


def bilangan(teks):
    return int(teks.replace(".", "").replace("\u00a0", ""))


def jumlah_per_kode(halaman, id_tabel):
    """{first column: count in the last column} of a three-column figure table."""
    _kepala, baris = tabel(halaman, id_tabel)
    return {b[0]: bilangan(b[-1]) for b in baris}


def svg_xml(teks):
    """One chart parsed as XML: fails on markup that is not well-formed."""
    return ET.fromstring(teks)  # noqa: S314 - our own pages' markup, in a test


def grafik(halaman):
    """Every `<svg>` of the page, parsed."""
    return [svg_xml(s) for s in re.findall(r"<svg\b.*?</svg>", halaman, re.S)]


def batang(svg):
    return svg.findall(f".//{SVG}rect")
