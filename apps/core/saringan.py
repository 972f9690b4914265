"""The one filter form of the read side: every list (public and staff), download, API list and
statistics page reads its query string here, so the same value means the same thing and a bad
value gets the same Indonesian message everywhere.

    s = saringan.baca(modul, request.GET)          # validated values + messages
    if s.errors: ...                               # 400 (API, downloads) or shown on the page
    qs = s.terapkan(modul.model.objects.public())

The parameters: `wilayah` (a Kemendagri code; the region and every region under it), `satker`
(an office's code: its own records, as on the office's page),
`pemilihan` (an election's code), `periode` / `periode_dari` / `periode_sampai` (months,
TTTT-BB), `q` (words in the module's search fields), each of the module's choice filters
(`filter_fields`) and extra filters (`filter_tambahan`), and for staff `status`.

**What `wilayah` means** — chosen once per outlet, here:
- `REKAMAN` (lists, downloads, the API): the record's own region field. A record without a
  region (an office-wide entry) is not in any region's list.
- `EFEKTIF` (statistics and roll-ups, which count every record somewhere): the record's region,
  or its office's region when it has none (`apps.core.models.WILAYAH_EFEKTIF`).

A value that cannot be used is named with its filter in `errors` and not applied: a control
character or an over-long value, a code or month that is not one (ASCII digits only), an
unknown region or election, an inverted month range, an unknown choice. Nothing raises.
"""

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.models import WILAYAH_EFEKTIF, Pemilihan, Status
from apps.organisasi.models import Satker
from apps.wilayah.models import Wilayah

REKAMAN = "rekaman"
EFEKTIF = "efektif"

PERIODE_RE = re.compile(r"([0-9]{4})-([0-9]{2})")
# province 18, kab/kota 18.72, kecamatan 18.72.01, desa 18.72.01.1001
WILAYAH_RE = re.compile(r"[0-9]{2}(\.[0-9]{2}){0,2}(\.[0-9]{4})?")
SEMUA_TINGKAT = (2, 5, 8, 13)  # lengths of the codes of the four levels
PANJANG_MAKS = 200  # characters of a filter value; longer is not a code, a month or a query

BULAN = (
    ("periode", "periode", gettext_lazy("Periode")),
    ("periode_dari", "dari", gettext_lazy("Periode dari")),
    ("periode_sampai", "sampai", gettext_lazy("Periode sampai")),
)


def nilai(params, name, errors) -> str:
    """The stripped value of parameter `name`, or "" with a message in `errors` when it cannot
    be a value at all: a control character (a NUL byte reaches PostgreSQL as an error) or
    more than `PANJANG_MAKS` characters. Every filter reads its value through here."""
    value = params.get(name, "")
    value = value.strip() if isinstance(value, str) else ""
    if any(unicodedata.category(c) == "Cc" for c in value):
        errors.append(
            _("Nilai untuk “%(f)s” memuat karakter kendali yang tidak sah.") % {"f": name}
        )
        return ""
    if len(value) > PANJANG_MAKS:
        errors.append(
            _("Nilai untuk “%(f)s” terlalu panjang (lebih dari %(n)s karakter).")
            % {"f": name, "n": PANJANG_MAKS}
        )
        return ""
    return value


def nomor_halaman(params, errors, name="hal", maks=1_000_000) -> int:
    """The page number of `?hal=`: ASCII digits from 1 to `maks`; anything else is page 1 with
    a message (a number past 64 bits would overflow the database's OFFSET)."""
    value = nilai(params, name, errors)
    if not value:
        return 1
    if value.isascii() and value.isdigit() and 1 <= int(value) <= maks:
        return int(value)
    errors.append(
        _("Nomor halaman “%(v)s” tidak valid; gunakan angka 1 sampai %(m)s.")
        % {"v": value, "m": number_format(maks, force_grouping=True)}
    )
    return 1


def pemilihan_dari(params, pemilihan_list, errors):
    """The election `?pemilihan=` names among `pemilihan_list` (already loaded for the page's
    select), None when none is named; an unknown code is named in `errors`."""
    kode = nilai(params, "pemilihan", errors)
    if not kode:
        return None
    for p in pemilihan_list:
        if p.kode == kode:
            return p
    errors.append(_("Pemilihan “%(v)s” tidak dikenal.") % {"v": kode})
    return None


def bulan(value: str) -> dt.date | None:
    """TTTT-BB as the first day of that month, or None."""
    m = PERIODE_RE.fullmatch(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), 1)
    except ValueError:
        return None


def pilihan_modul(modul) -> list[tuple[str, str, tuple]]:
    """(name, label, choices) of the module's own filters: choice fields, then extra filters."""
    return [
        (n, modul.field(n).verbose_name, tuple(modul.field(n).flatchoices))
        for n in modul.filter_fields
    ] + [(f.name, f.label, tuple(f.choices)) for f in modul.filter_tambahan]


@dataclass(frozen=True)
class Saringan:
    """The validated filter values of one request, and the messages for those refused."""

    modul: object = field(compare=False, repr=False)
    wilayah: str = ""
    satker: str = ""
    pemilihan: str = ""
    periode: dt.date | None = None
    dari: dt.date | None = None
    sampai: dt.date | None = None
    q: str = ""
    pilihan: tuple = ()  # ((name, value), …) of the module's own filters
    status: str = ""
    errors: tuple = field(default=(), compare=False)
    # the region filtered on (for headings and drill-down), read with the code's check
    wilayah_obj: object = field(default=None, compare=False, repr=False)

    # ---- applying -------------------------------------------------------------------------

    def terapkan(self, qs, *, wilayah_menurut=REKAMAN):
        """`qs` narrowed by every accepted value. `wilayah_menurut` is the outlet's meaning
        of a region (module docstring)."""
        if self.wilayah:
            qs = self._terapkan_wilayah(qs, wilayah_menurut)
        sama = {
            "satker__kode": self.satker,
            "pemilihan__kode": self.pemilihan,
            "periode": self.periode,
            "periode__gte": self.dari,
            "periode__lte": self.sampai,
            "status": self.status,
        }
        qs = qs.filter(**{k: v for k, v in sama.items() if v})
        tambahan = {f.name: f for f in self.modul.filter_tambahan}
        for name, value in self.pilihan:
            if name in tambahan:
                qs = tambahan[name].terapkan(qs, value)
            else:
                qs = qs.filter(**{name: value})
        if self.q:
            cari = Q()
            for name in self.modul.cari_fields or (self.modul.judul_field,):
                cari |= Q(**{f"{name}__icontains": self.q})
            qs = qs.filter(cari)
        return qs

    def _terapkan_wilayah(self, qs, wilayah_menurut):
        if wilayah_menurut == EFEKTIF:
            qs = qs.alias(wilayah_efektif=WILAYAH_EFEKTIF)
            kolom = "wilayah_efektif"
        else:
            kolom = "wilayah__kode"
        return qs.filter(
            Q(**{kolom: self.wilayah}) | Q(**{f"{kolom}__startswith": self.wilayah + "."})
        )

    # ---- writing it back ------------------------------------------------------------------

    def params(self, **ganti) -> dict:
        """The accepted values as query parameters (for links that keep the filter)."""
        isi = {
            "wilayah": self.wilayah,
            "satker": self.satker,
            "pemilihan": self.pemilihan,
            "periode": f"{self.periode:%Y-%m}" if self.periode else "",
            "periode_dari": f"{self.dari:%Y-%m}" if self.dari else "",
            "periode_sampai": f"{self.sampai:%Y-%m}" if self.sampai else "",
            "q": self.q,
            **dict(self.pilihan),
            "status": self.status,
        }
        isi.update(ganti)
        return {k: v for k, v in isi.items() if v}

    def query(self, **ganti) -> str:
        params = self.params(**ganti)
        return "?" + urlencode(params) if params else ""

    def kunci(self) -> str:
        """A short stable key of the accepted values (cache keys)."""
        return hashlib.sha256(self.query().encode()).hexdigest()[:32]

    def pilihan_form(self):
        """(name, label, choices, selected) of the module's own filters, for the filter bar."""
        dipilih = dict(self.pilihan)
        return [(n, lb, ch, dipilih.get(n, "")) for n, lb, ch in pilihan_modul(self.modul)]


def baca(modul, params, *, staf=False, tingkat_wilayah=SEMUA_TINGKAT) -> Saringan:
    """Read and check the filter parameters of `params` for `modul`. `tingkat_wilayah` are the
    code lengths the outlet can filter by (statistics drill down to kab/kota only)."""
    errors: list[str] = []
    periode, dari, sampai = _baca_bulan(params, errors)
    wilayah = _baca_wilayah(params, errors, tingkat_wilayah)
    satker = _baca_kode(
        params,
        errors,
        "satker",
        Satker,
        _("Satker “%(v)s” tidak dikenal (contoh: 18.72 untuk Bawaslu Kota Metro)."),
    )
    pemilihan = _baca_kode(
        params, errors, "pemilihan", Pemilihan, _("Pemilihan “%(v)s” tidak dikenal.")
    )
    pilihan = []
    for name, label, choices in pilihan_modul(modul):
        value = nilai(params, name, errors)
        if not value:
            continue
        if value in dict(choices):
            pilihan.append((name, value))
        else:
            errors.append(_("Nilai “%(v)s” tidak dikenal untuk %(f)s.") % {"v": value, "f": label})
    status = nilai(params, "status", errors) if staf else ""
    if status and status not in Status.values:
        errors.append(_("Status “%(v)s” tidak dikenal.") % {"v": status})
        status = ""
    return Saringan(
        modul=modul,
        wilayah=wilayah.kode if wilayah else "",
        satker=satker,
        pemilihan=pemilihan,
        periode=periode,
        dari=dari,
        sampai=sampai,
        q=nilai(params, "q", errors),
        pilihan=tuple(pilihan),
        status=status,
        errors=tuple(errors),
        wilayah_obj=wilayah,
    )


def _baca_bulan(params, errors):
    """(periode, dari, sampai); an inverted range is named and left out."""
    hasil = {}
    for name, kunci, label in BULAN:
        value = nilai(params, name, errors)
        hasil[kunci] = bulan(value) if value else None
        if value and hasil[kunci] is None:
            errors.append(
                _("%(f)s “%(v)s” tidak valid; gunakan format TTTT-BB, mis. 2024-03.")
                % {"f": label, "v": value}
            )
    dari, sampai = hasil["dari"], hasil["sampai"]
    if dari and sampai and dari > sampai:
        errors.append(
            _("Periode dari (%(dari)s) sesudah periode sampai (%(sampai)s); rentang diabaikan.")
            % {"dari": f"{dari:%Y-%m}", "sampai": f"{sampai:%Y-%m}"}
        )
        dari = sampai = None
    return hasil["periode"], dari, sampai


def _baca_wilayah(params, errors, tingkat):
    kode = nilai(params, "wilayah", errors)
    if not kode:
        return None
    wilayah = None
    if WILAYAH_RE.fullmatch(kode) and len(kode) in tingkat:
        wilayah = Wilayah.objects.select_related("induk").filter(kode=kode).first()
    if wilayah is None:
        errors.append(_pesan_wilayah(kode, tingkat))
    return wilayah


def _baca_kode(params, errors, name, model, pesan) -> str:
    """A code that must name an existing row of `model` (by its `kode`), or ""."""
    kode = nilai(params, name, errors)
    if kode and not model.objects.filter(kode=kode).exists():
        errors.append(pesan % {"v": kode})
        return ""
    return kode


def _pesan_wilayah(kode, tingkat) -> str:
    if tuple(tingkat) == (2, 5):
        return _(
            "Kode wilayah “%(v)s” tidak dikenali; di sini gunakan kode provinsi (mis. 18) "
            "atau kabupaten/kota (mis. 18.72)."
        ) % {"v": kode}
    return _("Kode wilayah “%(v)s” tidak dikenali (contoh: 18.72).") % {"v": kode}
