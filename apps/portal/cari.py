"""Full-text search across the public records of every module (`/cari/?q=…`).

PostgreSQL full-text search over each module's public text fields only: its `cari_fields`
(or its title field) first, then every other public text field. Only `.public()` rows are
searched, and the highlighted snippet (`ts_headline`) is cut from the same public fields, so a
word of a non-public field neither finds a record nor shows in a snippet.

The configuration `cari_indonesia` (core migration 0004) is the Indonesian stemmer with accents
removed. Results are grouped per module and ranked (`ts_rank`, the title weighted highest)
among each module's newest `BATAS_PERINGKAT` matches; the count per module stops at
`BATAS_HITUNG` + 1 ("100+") instead of a `COUNT(*)` over every match (DESIGN §7a). Two
queries per module with hits, one per module without, whatever the number of rows; complete
results are cached under the publication token.

No index serves this yet (it needs a migration in every module app): a search reads the
public rows of each module, so it is given `CARI_BATAS_WAKTU_MS` (setting, default 2000) and
then cut short. What an index changes is measured in `bench/run.py` and written down in
`docs/keputusan.md`.
"""

import hashlib
import time
from dataclasses import dataclass
from functools import reduce
from operator import add

from django.conf import settings
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.core.cache import cache
from django.db import OperationalError, connection, models, transaction
from django.db.models import Func, OuterRef, StringAgg, Subquery, Value
from django.db.models.functions import NullIf
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from apps.core import publik, publikasi, registry

KONFIGURASI = "cari_indonesia"
BATAS_HITUNG = 100  # matches counted per module; more reads "100+"
BATAS_PERINGKAT = 1000  # newest matches per module that are ranked
PER_MODUL = 5  # hits shown per module when searching all modules
PER_MODUL_SATU = 50  # hits shown when searching one module
PANJANG_MAKS = 200  # characters of a query
UMUR_CACHE = 300  # seconds; the token changes the key the moment anything is (un)published
# Marks put around a matched word by ts_headline, replaced by <mark> after the snippet is
# escaped: characters of Unicode's private use area, which typed text does not carry.
AWAL, AKHIR = "\ue000", "\ue001"
DIBATALKAN = "57014"  # PostgreSQL's query_canceled: statement_timeout ran out


def kolom_cari(modul) -> list[str]:
    """The fields searched: the module's `cari_fields` (or its title field), then its other
    public free-text columns (`publik.Kolom.dapat_dicari`). A name reaching past the public
    fields is dropped, whatever the module declares."""
    kolom = publik.baca(modul).kolom
    boleh = {k.nama for k in kolom}
    nama = [n for n in (modul.cari_fields or (modul.judul_field,)) if n.split("__", 1)[0] in boleh]
    nama += [k.nama for k in kolom if k.dapat_dicari and k.nama not in nama]
    return nama


def teks_anak(modul) -> list[Subquery]:
    """The free text of the record's public child rows (an agreement's partners), one
    expression per text column: the rows' values joined. Personal data is never among them
    (`publik.Publik.anak`)."""
    hasil = []
    for anak in publik.baca(modul).anak:
        fk = anak.kunci.name
        for k in anak.kolom:
            if not k.dapat_dicari:
                continue
            baris = (
                anak.inline.model.objects.filter(**{fk: OuterRef("pk")})
                .order_by()
                .values(fk)
                .annotate(teks=StringAgg(k.nama, delimiter=Value(" · ")))
                .values("teks")
            )
            hasil.append(Subquery(baris, output_field=models.TextField()))
    return hasil


def vektor(modul):
    """The document of a record: its title weighs most, the other search fields next, the
    remaining public text and its public child rows least. The same expression an index
    would have to be built on."""
    nama = kolom_cari(modul)
    cari = set(modul.cari_fields or (modul.judul_field,))
    bagian = [
        SearchVector(
            n,
            config=KONFIGURASI,
            weight="A" if n == modul.judul_field else "B" if n in cari else "C",
        )
        for n in nama
    ]
    bagian += [SearchVector(t, config=KONFIGURASI, weight="C") for t in teks_anak(modul)]
    return reduce(add, bagian)


def _teks_publik(modul):
    """The public search fields and child rows joined (empty ones left out), for the
    snippet."""
    return Func(
        Value(" · "),
        *(NullIf(n, Value("")) for n in kolom_cari(modul)),
        *teks_anak(modul),
        function="CONCAT_WS",
        output_field=models.TextField(),
    )


def kueri(teks):
    return SearchQuery(teks, config=KONFIGURASI, search_type="websearch")


def cuplikan(teks: str) -> str:
    """The snippet as safe HTML: everything escaped, then the matched words marked."""
    aman = escape(teks or "").replace(AWAL, "<mark>").replace(AKHIR, "</mark>")
    return mark_safe(aman)  # noqa: S308 - escaped on the line above; only <mark> is added


@dataclass
class Hasil:
    modul: object
    hits: list  # [{"url", "judul", "cuplikan", "satker", "periode"}]
    jumlah: int  # matches counted, at most BATAS_HITUNG + 1

    @property
    def lebih(self):
        return self.jumlah > BATAS_HITUNG

    @property
    def jumlah_tampil(self):
        return f"{BATAS_HITUNG}+" if self.lebih else str(self.jumlah)


def cari_modul(modul, teks, n):
    """Up to `n` best public matches of `modul` and the capped count of matches.

    Ranked among the newest `BATAS_PERINGKAT` matches, not all of them: ranking reads each
    candidate's document again, so a common word over millions of rows would cost in
    proportion to its matches; newest-first the candidates come off the public partial
    index and the scan stops once it has enough (measured in bench/run.py)."""
    q = kueri(teks)
    dokumen = vektor(modul)
    baris_publik = modul.model.objects.public()
    calon = (
        baris_publik.alias(cari_dokumen=dokumen)
        .filter(cari_dokumen=q)
        .order_by("-periode", "-id")
        .values("pk")[:BATAS_PERINGKAT]
    )
    urutan = list(
        baris_publik.filter(pk__in=calon)
        .alias(cari_peringkat=SearchRank(dokumen, q))
        .order_by("-cari_peringkat", "-periode", "-id")
        .values_list("pk", flat=True)[: BATAS_HITUNG + 1]
    )
    if not urutan:
        return Hasil(modul, [], 0)
    teratas = urutan[:n]
    rows = (
        modul.model.objects.public()
        .filter(pk__in=teratas)
        .select_related("satker")
        .annotate(
            cari_potongan=SearchHeadline(
                _teks_publik(modul),
                q,
                config=KONFIGURASI,
                start_sel=AWAL,
                stop_sel=AKHIR,
                max_words=30,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
        .in_bulk()
    )
    detail = publik.pola_url("portal:detail", modul.kode, publik.ID)
    hits = [
        {
            "url": detail(pk),
            "judul": str(getattr(rows[pk], modul.judul_field) or pk),
            "cuplikan": cuplikan(rows[pk].cari_potongan),
            "satker": rows[pk].satker.nama,
            "periode": rows[pk].periode,
        }
        for pk in teratas
        if pk in rows
    ]
    return Hasil(modul, hits, len(urutan))


def cari_semua(teks, moduls, n):
    """(results of the modules with matches, whether the search was cut short). Until an
    index serves the search (see the module docstring), a search may take
    `CARI_BATAS_WAKTU_MS`: PostgreSQL cancels a statement that runs longer, and no further
    module is searched once the time is spent; the modules searched so far are shown,
    rather than a worker being held for seconds."""
    hasil = []
    batas = batas_waktu_ms()
    mulai = time.monotonic()
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout = %s", [batas])
            for modul in moduls:
                if batas and (time.monotonic() - mulai) * 1000 > batas:
                    return hasil, True
                h = cari_modul(modul, teks, n)
                if h.jumlah:
                    hasil.append(h)
    except OperationalError as e:
        sebab = e.__cause__
        if (getattr(sebab, "pgcode", None) or getattr(sebab, "sqlstate", None)) != DIBATALKAN:
            raise
        return hasil, True
    return hasil, False


def batas_waktu_ms():
    return int(getattr(settings, "CARI_BATAS_WAKTU_MS", 2000))


def _baca(params):
    """(query text, module or None, errors)."""
    errors = []
    teks = " ".join(params.get("q", "").replace("\x00", " ").split())
    if len(teks) > PANJANG_MAKS:
        errors.append(
            _("Kata kunci terlalu panjang (%(n)s karakter); paling banyak %(maks)s karakter.")
            % {"n": len(teks), "maks": PANJANG_MAKS}
        )
        teks = ""
    modul = None
    kode = params.get("modul", "").strip()
    if kode:
        if kode in registry.codes():
            modul = registry.get(kode)
        else:
            errors.append(
                _("Modul “%(v)s” tidak dikenal untuk saringan modul; pilih salah satu dari daftar.")
                % {"v": kode[:50]}
            )
    return teks, modul, errors


def hasil_tersimpan(teks, moduls, n, token):
    """The results under the publication token, cached only when complete: a search cut
    short by the time limit is tried again by the next reader."""
    kunci = (
        "cari:"
        + hashlib.sha256(
            f"{token}|{n}|{','.join(m.kode for m in moduls)}|{teks}".encode()
        ).hexdigest()
    )
    tersimpan = cache.get(kunci)
    if tersimpan is None:
        per_modul, terpotong = cari_semua(teks, moduls, n)
        tersimpan = {
            "modul": [(h.modul.kode, h.hits, h.jumlah) for h in per_modul],
            "terpotong": terpotong,
        }
        if not terpotong:
            cache.set(kunci, tersimpan, UMUR_CACHE)
    return {
        "modul": [Hasil(registry.get(k), hits, j) for k, hits, j in tersimpan["modul"]],
        "terpotong": tersimpan["terpotong"],
    }


def halaman(request):
    """`/cari/?q=…[&modul=…]`: the best public matches of every module, or many of one."""
    teks, modul, errors = _baca(request.GET)
    token = publikasi.token()  # before any data is read (see apps.core.publikasi)
    moduls = [modul] if modul else registry.all_modules()
    n = PER_MODUL_SATU if modul else PER_MODUL
    return render(
        request,
        "portal/cari.html",
        {
            "q": teks,
            "modul": modul,
            "moduls": registry.all_modules(),
            "hasil": hasil_tersimpan(teks, moduls, n, token) if teks else None,
            "errors": errors,
            "batas": BATAS_HITUNG,
        },
    )
