"""The import of one spreadsheet into one module: check, and on request write — all or nothing.

`jalankan(modul, berkas, nama, user, simpan=False)` reads the file (`baca`), maps its header to
the module's columns (`sumber.kolom`), reads every cell with its widget, and checks each row the
way the staff form would — field rules, the region inside the office's area, the module's
rules of one record (`Rekaman.periksa_baris`) — then all rows together: the natural key twice
in the file, the existing records (one query), the module's rules that read other records
(`Impor.periksa_massal`). The result counts the rows that would be new, changed and unchanged
and names every error by row, column and value.

With `simpan=True` and no error, everything is written in one transaction: new records and
changed drafts enter the workflow as `diajukan` (an admin may import them as `disetujui`,
never classified), one history row each, one audit row for the file with its sha256. Any
error, an interrupted worker or a killed process leaves the database as it was. A changed row
of a record that is no longer a draft is refused with its row number: it must be reopened
first, never silently overwritten.

Permission and scope are checked per row through `apps.core.izin.satker_impor`.
"""

import datetime as dt
import functools
import gc
import hashlib
import itertools
from dataclasses import dataclass, field
from operator import itemgetter

from django.contrib.contenttypes.models import ContentType
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q, signals
from django.db.models.base import ModelState
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from apps.audit.services import catat
from apps.core import izin
from apps.core.kunci import kunci_satker
from apps.core.models import (
    STATUS_DAPAT_DIUBAH,
    Klasifikasi,
    Pemilihan,
    Rekaman,
    Riwayat,
    Status,
)
from apps.core.services import isi_periode
from apps.imports import baca, garpu, nilai, salin, sumber
from apps.organisasi.models import Satker
from apps.wilayah.models import Wilayah, di_dalam

BATAS_BARIS = 200_000  # data rows in one file
UKURAN_TULIS = 1000  # rows per INSERT / UPDATE
GALAT_DISIMPAN = 5000  # errors a job keeps to show (all are counted)
BLOK = 10_000  # rows checked (on two cores: `garpu`) between two progress reports


def angka(n: int) -> str:
    """A count in the active language's grouping (1.204 in Indonesian)."""
    return number_format(n, force_grouping=True)


@dataclass(frozen=True)
class Galat:
    """One error: row number in the file (0: the file as a whole), column header, the value
    found, and what is wrong."""

    baris: int
    kolom: str
    nilai: str
    pesan: str

    def __str__(self):
        if not self.baris:
            return self.pesan
        if self.kolom and self.nilai:
            return _('Baris %(b)s, kolom "%(k)s": "%(n)s" %(p)s') % {
                "b": angka(self.baris),
                "k": self.kolom,
                "n": self.nilai,
                "p": self.pesan,
            }
        if self.kolom:
            return _('Baris %(b)s, kolom "%(k)s": %(p)s') % {
                "b": angka(self.baris),
                "k": self.kolom,
                "p": self.pesan,
            }
        return _("Baris %(b)s: %(p)s") % {"b": angka(self.baris), "p": self.pesan}

    def sebagai_dict(self):
        return {"baris": self.baris, "kolom": self.kolom, "nilai": self.nilai, "pesan": self.pesan}


@dataclass
class Hasil:
    modul: str
    nama_berkas: str
    sha256: str
    baris: int = 0  # data rows read
    baru: int = 0
    berubah: int = 0
    sama: int = 0
    galat: list[Galat] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    disimpan: bool = False
    # {row number: (what became of it — "baru", "berubah", "sama" — and the record's id)},
    # kept when asked (`Permintaan.per_baris`); the id of a new row only once written
    per_baris: dict[int, tuple[str, int | None]] = field(default_factory=dict)
    # {record id: version} of the existing records the rows matched, as the check saw them
    versi: dict[int, int] = field(default_factory=dict)

    @property
    def ringkasan(self) -> str:
        teks = _("%(baru)s baru, %(berubah)s berubah, %(sama)s tidak berubah") % {
            "baru": angka(self.baru),
            "berubah": angka(self.berubah),
            "sama": angka(self.sama),
        }
        if self.galat:
            teks += _("; %(n)s kesalahan") % {"n": angka(len(self.galat))}
        return teks


def kelas_baris(model):
    """A class holding one value per concrete field of `model` under its attribute name
    (`satker_id`, `tahap`…), plus `pk`, `status_lama` and `anak` (the child rows of
    `Impor.anak`, [(name, kind)…], or None): what an import keeps of a valid row, and what
    `Impor.periksa_massal` and the COPY writer read. A list underneath (made from a record's
    values in one step, a tenth of a model instance's memory), each name a property of its
    position."""
    attname = tuple(f.attname for f in model._meta.concrete_fields)
    ns = {"__slots__": (), "attname": attname, "ambil": staticmethod(itemgetter(*attname))}
    for i, a in enumerate((*attname, "status_lama", "anak")):
        ns[a] = property(itemgetter(i), _penyetel(i))
    ns["pk"] = ns[model._meta.pk.attname]
    return type(f"Baris{model.__name__}", (list,), ns)


def _penyetel(i):
    def setel(self, v):
        self[i] = v

    return setel


@functools.cache
def _dengan_sinyal(model) -> bool:
    """`model` has init signal receivers (asked once per process: receivers are connected
    when the apps load)."""
    return signals.pre_init.has_listeners(model) or signals.post_init.has_listeners(model)


def instansi(model, nilai: dict, terkait=None, adding=True):
    """An instance of `model` holding `nilai` ({attribute name: value}; a field left out is
    deferred, as in a query with `.only()`) and the related rows `terkait` ({field name:
    row}), made without `Model.__init__`: its per-field work and signals cost more than the
    check of a row. Models with init signal receivers are made the ordinary way."""
    if _dengan_sinyal(model):
        obj = model.from_db(None, list(nilai), list(nilai.values()))
        obj._state.adding = adding
    else:
        obj = model.__new__(model)
        obj.__dict__.update(nilai)
        obj._state = ModelState()
        obj._state.adding = adding
    if terkait:
        obj._state.fields_cache = dict(terkait)
    return obj


class _Batal(Exception):
    """Leave the transaction without writing (errors found while committing)."""


def sha256(berkas) -> str:
    h = hashlib.sha256()
    berkas.seek(0)
    while potong := berkas.read(1 << 20):
        h.update(potong)
    berkas.seek(0)
    return h.hexdigest()


def jalankan(
    modul,
    berkas,
    nama: str,
    user,
    *,
    satker_kode: str | None = None,
    simpan: bool = False,
    setujui: bool = False,
    kemajuan=None,
    harapan: tuple[int, int, int] | None = None,
    versi: dict | None = None,
) -> Hasil:
    """Check (and with `simpan`, write) the spreadsheet `berkas` (a binary file object) named
    `nama` into `modul` for `user`. `satker_kode`: every row belongs to that office (rows may
    leave the office column empty). `setujui`: new and changed records enter approved (an
    admin only). `kemajuan(selesai, total)` is called as rows are read and written.
    `harapan`: the (new, changed, unchanged) counts the person confirmed after the check;
    when the data changed in between and the write would do something else, nothing is
    written and the result says so; `versi` ({record id: version} the check saw): a record
    saved since is not overwritten."""
    hasil = Hasil(modul.kode, nama, sha256(berkas))

    def tabel(cols):
        dikenal = set().union(*(k.nama_dikenal() for k in cols))
        return baca.baca(berkas, nama, dikenal, BATAS_BARIS)

    izin_satker = izin.satker_impor(user, modul.kode) if modul.impor else None
    return _jalankan(
        modul,
        tabel,
        hasil,
        Permintaan(
            user,
            izin_satker,
            satker_kode,
            simpan,
            setujui,
            kemajuan,
            harapan=harapan,
            versi=versi,
        ),
    )


@dataclass
class Permintaan:
    """Who loads the rows and how: `izin_satker` the offices whose records `user` may load
    (a queryset, from `apps.core.izin`); `kenal` {row number: record id} of rows that name
    their record themselves (the write API's external ids); `asal` what the audit row adds
    (the application); `per_baris`: keep each row's outcome in `Hasil.per_baris`."""

    user: object
    izin_satker: object
    satker_kode: str | None = None
    simpan: bool = False
    setujui: bool = False
    kemajuan: object = None
    kenal: dict[int, int] = field(default_factory=dict)
    asal: dict = field(default_factory=dict)
    per_baris: bool = False
    aksi_audit: str = "impor"
    kode_wilayah: set[str] | None = None  # see `_Kamus`
    harapan: tuple[int, int, int] | None = None  # see `jalankan`
    versi: dict[str, int] | None = None  # `Hasil.versi` of the check (JSON keys: text)


def jalankan_data(modul, kepala, baris, nama, permintaan) -> Hasil:
    """The same check and write for rows that are not a file (the write API's JSON records):
    `kepala` the column names, `baris` [(row number, values in `kepala` order)]. The
    checksum is of the rows as received."""
    h = hashlib.sha256(repr((kepala, baris)).encode())
    hasil = Hasil(modul.kode, nama, h.hexdigest())
    if len(baris) > BATAS_BARIS:  # the API's own limit is far lower; this is the importer's
        hasil.galat.append(Galat(0, "", "", _("Terlalu banyak baris.")))
        return hasil

    def tabel(cols):
        return baca.Tabel(kepala=list(kepala), baris=iter(baris), baris_kepala=0)

    return _jalankan(modul, tabel, hasil, permintaan)


def _jalankan(modul, tabel, hasil, p) -> Hasil:
    if modul.impor is None:
        hasil.galat.append(Galat(0, "", "", _("Modul ini tidak dapat diimpor.")))
        return hasil
    if p.setujui and not p.user.is_superuser:
        hasil.galat.append(
            Galat(0, "", "", _("Hanya admin yang dapat mengimpor data sebagai disetujui."))
        )
        return hasil
    try:
        if p.simpan:
            with transaction.atomic():
                _impor(modul, tabel, p, hasil)
                if hasil.galat:
                    raise _Batal
        else:
            _impor(modul, tabel, p, hasil)
    except _Batal:
        hasil.disimpan = False
    except IntegrityError as e:
        # a rule the database holds and the check did not see: nothing was written
        hasil.galat = [Galat(0, "", "", _aturan_basis_data(modul, e))]
        hasil.disimpan = False
    except baca.BerkasTidakSah as e:
        hasil.galat = [Galat(0, "", "", str(e))]
        hasil.baru = hasil.berubah = hasil.sama = 0
        hasil.disimpan = False
    if hasil.galat:
        hasil.per_baris = {}
    return hasil


# field class -> the type of the values that pass its `validate` (checked in this order)
JENIS_NILAI = (
    (models.BooleanField, bool),
    (models.IntegerField, int),
    (models.DateTimeField, None),
    (models.DateField, dt.date),
    (models.CharField, str),
    (models.TextField, str),
)


def _cek_cepat(field):
    """A quick test that says `True` when a value surely passes `field.validate` and the
    field's validators — its type, choices, range, length — or `None` when the field has a
    rule this does not know (the full check always runs then). A `False` only means: run the
    full check, which names what is wrong."""
    jenis = next((t for kelas, t in JENIS_NILAI if isinstance(field, kelas)), None)
    if jenis is None:
        return None
    bawah = atas = panjang = None
    nul = False
    for v in field.validators:
        batas = getattr(v, "limit_value", None)
        if callable(batas):
            return None
        if isinstance(v, validators.MinValueValidator):
            bawah = batas if bawah is None else max(bawah, batas)
        elif isinstance(v, validators.MaxValueValidator):
            atas = batas if atas is None else min(atas, batas)
        elif isinstance(v, validators.MaxLengthValidator):
            panjang = batas if panjang is None else min(panjang, batas)
        elif isinstance(v, validators.ProhibitNullCharactersValidator):
            nul = True
        else:
            return None
    pilihan = {k for k, _label in field.flatchoices} if field.choices else None
    kosong_boleh = field.blank

    def cek(v):
        return (
            type(v) is jenis
            and (pilihan is None or v in pilihan)
            and (bawah is None or v >= bawah)
            and (atas is None or v <= atas)
            and (panjang is None or len(v) <= panjang)
            and not (nul and "\x00" in v)
            and (kosong_boleh or v != "")
        )

    return cek


def _aturan_basis_data(modul, e) -> str:
    nama = getattr(getattr(e.__cause__, "diag", None), "constraint_name", None)
    aturan = next(
        (
            str(c.violation_error_message)
            for c in modul.model._meta.constraints
            if c.name == nama and c.violation_error_message
        ),
        nama or str(e.__cause__ or e)[:200],
    )
    return _(
        "Basis data menolak penyimpanan: %(aturan)s Tidak ada yang ditulis; perbaiki berkas "
        "lalu unggah lagi."
    ) % {"aturan": aturan}


# ---- the steps ---------------------------------------------------------------------------------


class _Kamus:
    """What the cells of one import may name, read once: offices (all), regions (codes and
    names), elections. `kode_wilayah`: the only region codes the rows may give (a small batch
    of the write API); every region is read only when a row names one another way."""

    def __init__(self, boleh_satker: set[int], kode_wilayah: set[str] | None = None):
        self.satker = {s.pk: s for s in Satker.objects.all()}
        self.boleh_satker = boleh_satker
        self.pemilihan = {p.pk: p for p in Pemilihan.objects.all()}
        qs = Wilayah.objects.all()
        self.wilayah_lengkap = kode_wilayah is None
        if kode_wilayah is not None:
            qs = qs.filter(kode__in={*kode_wilayah, *(s.wilayah_id for s in self.satker.values())})
        self.wilayah: dict[str, tuple[str, str]] = {
            kode: (nama_w, tingkat)
            for kode, nama_w, tingkat in qs.values_list("kode", "nama", "tingkat")
        }
        self._wilayah_nama: dict[str, list[str]] | None = None

    @property
    def wilayah_nama(self):
        """{a way a region is written: [codes]}, built the first time a cell names a region
        instead of giving its code."""
        if self._wilayah_nama is None:
            if not self.wilayah_lengkap:
                self.wilayah = {
                    kode: (nama_w, tingkat)
                    for kode, nama_w, tingkat in Wilayah.objects.values_list(
                        "kode", "nama", "tingkat"
                    )
                }
                self.wilayah_lengkap = True
            self._wilayah_nama = {}
            for kode, (nama_w, _t) in self.wilayah.items():
                for n in nilai.nama_lain(nama_w):
                    self._wilayah_nama.setdefault(n, []).append(kode)
        return self._wilayah_nama

    def obj_wilayah(self, kode):
        """A `Wilayah` carrying what the rules read (no query per row); made anew each time
        (`instansi`: cheap) rather than kept for the 80,000 villages a file may name."""
        nama_w, tingkat = self.wilayah[kode]
        return instansi(Wilayah, {"kode": kode, "nama": nama_w, "tingkat": tingkat}, adding=False)

    def kode_wilayah(self, v, area: str | None) -> str:
        """A region by code or name; a name is looked up inside the office's area first."""
        s = nilai.normal(nilai.teks(v))
        if s in self.wilayah:
            return s
        if isinstance(v, float) and f"{v:.2f}" in self.wilayah:
            return f"{v:.2f}"  # 11.10 typed into a number cell reads 11.1
        calon = self.wilayah_nama.get(s, [])
        if s in self.wilayah:  # a code of a region outside the batch's list, now read
            return s
        if area and len(calon) > 1:
            dalam = [k for k in calon if di_dalam(k, area)]
            calon = dalam or calon
        if len(calon) == 1:
            return calon[0]
        if calon:
            raise nilai.NilaiSalah(
                _("nama ini dipakai %(n)s wilayah (%(kode)s); tulis kodenya")
                % {"n": len(calon), "kode": ", ".join(sorted(calon)[:6])}
            )
        raise nilai.NilaiSalah(_("wilayah tidak dikenal (tulis kode Kemendagri atau namanya)"))


def _petakan_kepala(tabel, cols):
    """{column name: index in the row}, and the headers not understood or doubled."""
    menurut_nama = {}
    for k in cols:
        for n in k.nama_dikenal():
            menurut_nama[n] = k
    peta, asing, ganda = {}, [], []
    for i, teks_kepala in enumerate(tabel.kepala):
        normal = baca.normal_kepala(teks_kepala)
        if not normal or normal in sumber.KOLOM_ALUR or normal.startswith(sumber.AWALAN_PRIBADI):
            continue  # workflow columns, a case handler's personal-data columns
        k = menurut_nama.get(normal)
        if k is None:
            asing.append(teks_kepala)
        elif k.nama in peta:
            ganda.append(teks_kepala)
        else:
            peta[k.nama] = i
    return peta, asing, ganda


def _daftar(teks_kepala):
    return ", ".join(f"“{t}”" for t in teks_kepala)


def _periksa_kepala(tabel, cols, satker_kode):
    """A wrong, doubled or missing header stops the file before any row is read. Records that
    are no file (the write API's: `baris_kepala` 0) name their keys per record: a key no column
    knows stops them all, a missing one is an error of each record without it."""
    peta, asing, ganda = _petakan_kepala(tabel, cols)
    hilang = [k.nama for k in cols if k.wajib and k.nama not in peta]
    if satker_kode and "satker" in hilang:
        hilang.remove("satker")
    if not tabel.baris_kepala:
        if asing:
            raise baca.BerkasTidakSah(
                _("Kunci tidak dikenal: %(d)s. Kunci yang dikenal: %(harap)s.")
                % {"d": _daftar(asing), "harap": ", ".join(k.nama for k in cols)}
            )
        return peta
    if not (asing or ganda or hilang):
        return peta
    bagian = []
    if asing:
        bagian.append(_("kolom tidak dikenal: %(d)s") % {"d": _daftar(asing)})
    if ganda:
        bagian.append(_("kolom ganda: %(d)s") % {"d": _daftar(ganda)})
    if hilang:
        bagian.append(_("kolom wajib tidak ada: %(d)s") % {"d": _daftar(hilang)})
    raise baca.BerkasTidakSah(
        _(
            "Baris judul (baris %(b)s) tidak sesuai templat — %(bagian)s. Kolom yang diharapkan: "
            "%(harap)s."
        )
        % {
            "b": tabel.baris_kepala,
            "bagian": "; ".join(bagian),
            "harap": ", ".join(k.nama for k in cols),
        }
    )


def _impor(modul, tabel, p, hasil):
    # The rows' records live until the end; Python's cyclic collector would walk all of them
    # again and again as they pile up (a third of the time of a 100,000-row file, measured).
    # They hold no cycles that need it; it runs again when the import is done.
    gc.disable()
    try:
        _impor_semua(modul, tabel, p, hasil)
    finally:
        gc.enable()


def _impor_semua(modul, ambil_tabel, p, hasil):
    cols = sumber.kolom(modul.kode)
    tabel = ambil_tabel(cols)
    kemajuan, satker_kode = p.kemajuan, p.satker_kode
    hasil.catatan += tabel.catatan
    if kemajuan:
        kemajuan(0, tabel.perkiraan)
    peta = _periksa_kepala(tabel, cols, satker_kode)
    pembaca = _Pembaca(modul, p.izin_satker, cols, peta, tabel, satker_kode, p.kode_wilayah)
    baris_sah = _periksa_semua(pembaca, tabel, hasil, kemajuan)
    if kemajuan:
        kemajuan(hasil.baris, hasil.baris)
    if hasil.baris == 0:
        raise baca.BerkasTidakSah(
            _("Berkas %(nama)s tidak berisi baris data.") % {"nama": hasil.nama_berkas}
        )

    dipetakan = [k for k in cols if k.nama in peta or (k.nama == "satker" and satker_kode)]
    baru, berubah = _bandingkan(modul, dipetakan, baris_sah, hasil, p, pembaca)
    if modul.impor.periksa_massal and (baru or berubah):
        daftar = baru + berubah
        for i, errs in modul.impor.periksa_massal([r for _n, r in daftar]).items():
            for nama_field, pesan in errs.items():
                hasil.galat += pembaca.galat_aturan(daftar[i][0], nama_field, pesan)
    hasil.galat.sort(key=lambda g: g.baris)
    sekarang = (hasil.baru, hasil.berubah, hasil.sama)
    if p.harapan is not None and not hasil.galat and sekarang != tuple(p.harapan):
        hasil.galat.append(Galat(0, "", "", _pesan_berubah(p.harapan, sekarang)))
    if p.simpan and not hasil.galat:
        _tulis(modul, p, dipetakan, pembaca, baru, berubah, hasil)
        hasil.disimpan = True


def _pesan_berubah(harapan, sekarang):
    def teks(n):
        return _("%(baru)s baru, %(berubah)s berubah, %(sama)s tidak berubah") % {
            "baru": angka(n[0]),
            "berubah": angka(n[1]),
            "sama": angka(n[2]),
        }

    return _(
        "Data di basis data berubah sejak berkas diperiksa: pemeriksaan menyebut %(dulu)s, "
        "kini %(kini)s. Tidak ada yang ditulis; periksa ulang berkas ini lalu simpan lagi."
    ) % {"dulu": teks(harapan), "kini": teks(sekarang)}


def _periksa_semua(pembaca, tabel, hasil, kemajuan):
    """Every row checked, in blocks (on two cores where there are: `garpu`): [(row number,
    the record's values as a `Baris`)] of the valid ones; the errors go to `hasil`."""
    baris_sah = []
    paralel = garpu.boleh_paralel()
    for blok in itertools.batched(tabel.baris, BLOK):
        for nomor, galat, nilai_baris in garpu.peta(pembaca.periksa, blok, paralel):
            hasil.baris += 1
            if galat:
                hasil.galat += galat
            else:
                baris_sah.append((nomor, pembaca.baris(nilai_baris)))
        if kemajuan:
            kemajuan(hasil.baris, None)
    return baris_sah


class _Pembaca:
    """Turns one row into an unsaved record, or into the errors that stop it."""

    def __init__(self, modul, izin_satker, cols, peta, tabel, satker_kode, kode_wilayah=None):
        self.modul, self.cols, self.peta = modul, cols, peta
        self._bawaan = None
        self._kelas_baris = kelas_baris(modul.model)
        self._cek = None
        self._rencana = None
        # errors name a column as its header reads in the file
        self.judul = {
            k.nama: tabel.kepala[peta[k.nama]] if k.nama in peta else k.nama for k in cols
        }
        boleh = set(izin_satker.values_list("pk", flat=True))
        self.kamus = _Kamus(boleh, kode_wilayah)
        self.satker_tetap = None
        if satker_kode:
            self.satker_tetap = next(
                (s for s in self.kamus.satker.values() if s.kode == satker_kode), None
            )
            if self.satker_tetap is None:
                raise baca.BerkasTidakSah(_("Satker %(k)s tidak dikenal.") % {"k": satker_kode})
            if self.satker_tetap.pk not in boleh:
                raise baca.BerkasTidakSah(
                    _("Anda tidak berwenang mengimpor data %(m)s untuk %(s)s.")
                    % {"m": modul.nama, "s": self.satker_tetap}
                )
        for k in cols:
            if k.nama == "satker":
                k.widget.isi(
                    (s.pk, s.kode, [s.nama, self.kamus.wilayah.get(s.wilayah_id, ("",))[0]])
                    for s in self.kamus.satker.values()
                )
            elif k.field.related_model is Pemilihan:
                k.widget.isi((p.pk, p.kode, [p.nama]) for p in self.kamus.pemilihan.values())
            elif isinstance(k.widget, nilai.Rujukan) and k.nama != "wilayah":
                self._isi_rujukan(k)
        # related rows named by cells (`Impor.rujukan`): {field: {(cells…, context…): [rows]}}
        # and {field: {pk: row}}, read once
        self.rujukan, self.objek_rujukan = {}, {}
        for r in modul.impor.rujukan:
            model = modul.field(r.field).related_model
            konteks = [model._meta.get_field(t).attname for t, _f, _u in r.konteks]
            kamus, objek = {}, {}
            for obj in model.objects.all():
                kunci = tuple(nilai.normal(getattr(obj, n)) for n in r.sel)
                kunci += tuple(getattr(obj, a) for a in konteks)
                kamus.setdefault(kunci, []).append(obj)
                objek[obj.pk] = obj
            self.rujukan[r.field], self.objek_rujukan[r.field] = kamus, objek

    def padatkan(self, rekaman):
        """The record's values in a `Baris` (a tenth of a model instance's memory: a
        100,000-row file holds every valid row until it is written)."""
        return self._kelas_baris(
            (*self._kelas_baris.ambil(rekaman.__dict__), "", rekaman.__dict__.get("anak_impor"))
        )

    def periksa(self, row):
        """(row number, errors, None) or (row number, [], the record's values as a tuple) of
        one (row number, cells) — what a checking child process sends back."""
        nomor, sel = row
        rekaman, galat = self.baca(nomor, sel)
        if galat:
            return nomor, galat, None
        return nomor, [], tuple(self.padatkan(rekaman))

    def baris(self, nilai_baris):
        """A `Baris` again of the values `periksa` gave."""
        return self._kelas_baris(nilai_baris)

    def hidupkan(self, baris):
        """A model instance of a `Baris` again, its related rows from the dictionaries."""
        terkait = {}
        if baris.satker_id is not None:
            terkait["satker"] = self.kamus.satker[baris.satker_id]
        if baris.pemilihan_id is not None:
            terkait["pemilihan"] = self.kamus.pemilihan[baris.pemilihan_id]
        if baris.wilayah_id is not None:
            terkait["wilayah"] = self.kamus.obj_wilayah(baris.wilayah_id)
        for nama, objek in self.objek_rujukan.items():
            obj = objek.get(getattr(baris, self.modul.field(nama).attname))
            if obj is not None:
                terkait[nama] = obj
        nilai = dict(zip(self._kelas_baris.attname, baris, strict=False))
        return instansi(self.modul.model, nilai, terkait, adding=baris.pk is None)

    def bangun(self, isian):
        """An unsaved record of the row's values: the fields' defaults, then `isian` (a
        related row by object, anything else by attribute), made with `instansi`."""
        if self._bawaan is None:
            medan = self.modul.model._meta.concrete_fields
            self._bawaan = {f.attname: f.get_default() for f in medan}
            # a callable default (a list, a date) is made anew for every record
            self._dinamis = [
                (f.attname, f) for f in medan if f.has_default() and callable(f.default)
            ]
            self._relasi = {f.name: f.attname for f in medan if f.is_relation}
        nilai = self._bawaan.copy()
        for a, f in self._dinamis:
            nilai[a] = f.get_default()
        terkait = {}
        for nama, v in isian.items():
            attname = self._relasi.get(nama)
            if attname is not None:
                terkait[nama] = v
                nilai[attname] = v.pk
            else:
                nilai[nama] = v
        return instansi(self.modul.model, nilai, terkait)

    def _periksa_field(self, rekaman):
        """{column: [messages]}: each filled column's own rules (choices, lengths, ranges —
        the model field's `validate` and validators, as a form runs them; its type is the
        widget's), then the region inside the office's area (`Rekaman.galat_wilayah_kerja`)."""
        if self._cek is None:
            # the columns the file has that are fields of the record itself: a related row is
            # guaranteed by the dictionaries, a cell of no field (a related row's code, the
            # child rows) is checked where it is read, and a column the file lacks holds its
            # field's default
            self._cek = [
                (k, k.atribut, _cek_cepat(k.field))
                for k in self.cols
                if not k.field.is_relation and k.di_rekaman and k.nama in self.peta
            ]
        galat = {}
        d = rekaman.__dict__
        for k, atribut, cepat in self._cek:
            v = d[atribut]
            if cepat is not None and cepat(v):
                continue
            if k.field.blank and v in k.field.empty_values:
                continue
            try:
                k.field.validate(v, rekaman)
                k.field.run_validators(v)
            except ValidationError as e:
                galat[k.nama] = e.messages
        if "wilayah" not in galat:
            for pesan in rekaman.galat_wilayah_kerja().values():
                galat["wilayah"] = pesan
        return galat

    @staticmethod
    def _isi_rujukan(k):
        """Any other related row (a campaign's participant): by its code (or id), its name or
        how it reads; a related row of an election is looked up in the row's election."""
        model = k.field.related_model
        kode = sumber.RUJUKAN.get(model)  # none: a row is named by how it reads
        punya_nama = any(f.name == "nama" for f in model._meta.fields)
        per_pemilihan = any(f.name == "pemilihan" for f in model._meta.fields)
        baris, kelompok, k.widget.objek = [], {}, {}
        for obj in model.objects.all():
            k.widget.objek[obj.pk] = obj
            nama = [str(obj), obj.nama] if punya_nama else [str(obj)]
            baris.append((obj.pk, getattr(obj, kode) if kode else str(obj), nama))
            if per_pemilihan:
                kelompok[obj.pk] = obj.pemilihan_id
        k.widget.isi(baris, kelompok)

    def _anak_kurang(self, nomor, row, sel):
        """The error of a child rows' cell holding fewer rows than the inline requires."""
        inline = self.modul.inline_impor
        nama = self.modul.impor.anak
        if inline is None or nama not in sel or len(sel[nama]) >= inline.min_num:
            return []
        pesan = _("isi sekurang-kurangnya %(n)s %(jenis)s") % {
            "n": inline.min_num,
            "jenis": inline.model._meta.verbose_name,
        }
        return [self._galat(nomor, nama, row[self.peta[nama]], pesan)]

    def _cari_rujukan(self, nomor, row, r, rekaman, sel):
        """Set the related row the cells of `r` (a `RujukanSel`) name within the row's own
        values; the error when there is none (or more than one)."""
        if not any(n in sel for n in r.sel):
            return None  # an optional related row left empty (a required one: "wajib diisi")
        kunci = [nilai.normal(sel.get(n, "")) for n in r.sel]
        tampil = {n: sel.get(n, "") for n in r.sel}
        for terkait, nama_field, ubah in r.konteks:
            v = getattr(rekaman, nama_field)
            v = ubah(v) if ubah is not None and v is not None else v
            tampil[terkait] = str(v)
            kunci.append(v.pk if isinstance(v, models.Model) else v)
        calon = self.rujukan[r.field].get(tuple(kunci), [])
        if len(calon) == 1:
            setattr(rekaman, r.field, calon[0])
            return None
        nama = r.sel[0]
        mentah = row[self.peta[nama]] if nama in self.peta else None
        if calon:
            pesan = _("menunjuk %(n)s %(jenis)s sekaligus; bedakan di halamannya lebih dulu") % {
                "n": len(calon),
                "jenis": calon[0]._meta.verbose_name,
            }
        else:
            pesan = str(r.tidak_ada) % tampil
        return self._galat(nomor, nama, mentah, pesan)

    def _galat(self, nomor, nama_kolom, mentah, pesan):
        return Galat(nomor, self.judul.get(nama_kolom, nama_kolom), nilai.teks(mentah), str(pesan))

    def galat_aturan(self, nomor, nama_field, pesan):
        """The errors of a rule on field `nama_field` (a list of messages or one)."""
        kol = next(
            (
                k.nama
                for k in self.cols
                if (k.di_rekaman and nama_field in (k.nama, k.atribut))
                or (k.rujukan is not None and nama_field == k.rujukan.field)
            ),
            "",
        )
        daftar = pesan if isinstance(pesan, list | tuple) else [pesan]
        return [Galat(nomor, self.judul.get(kol, ""), "", str(p)) for p in daftar]

    def _satker(self, nomor, mentah):
        """(the row's office, an error or None)."""
        if mentah is None and self.satker_tetap is not None:
            return self.satker_tetap, None
        kol = next(k for k in self.cols if k.nama == "satker")
        try:
            pk = kol.widget.clean(mentah)
        except nilai.NilaiSalah as e:
            return None, self._galat(nomor, "satker", mentah, e)
        if pk is None:
            return None, self._galat(nomor, "satker", None, _("wajib diisi"))
        satker = self.kamus.satker[pk]
        if self.satker_tetap is not None and satker.pk != self.satker_tetap.pk:
            pesan = _("bukan %(s)s, satker impor ini") % {"s": self.satker_tetap}
            return None, self._galat(nomor, "satker", mentah, pesan)
        if satker.pk not in self.kamus.boleh_satker:
            pesan = _("Anda tidak berwenang mengimpor data %(m)s untuk %(s)s") % {
                "m": self.modul.nama,
                "s": satker,
            }
            return None, self._galat(nomor, "satker", mentah, pesan)
        return satker, None

    def _pembaca_sel(self, k):
        """How a cell of column `k` becomes its value, chosen once per column: a function of
        (cell, the row's office, the row's values so far) that raises `NilaiSalah`."""
        kamus = self.kamus
        if not k.di_rekaman:
            return lambda mentah, _s, _i: k.widget.clean(mentah)
        if k.nama == "wilayah":

            def wilayah(mentah, satker, _isian):
                area = satker.wilayah_id if satker is not None else None
                return kamus.obj_wilayah(kamus.kode_wilayah(mentah, area))

            return wilayah
        if k.field.related_model is Pemilihan:
            return lambda mentah, _s, _i: kamus.pemilihan[k.widget.clean(mentah)]
        if isinstance(k.widget, nilai.Rujukan):
            # a related row of an election is looked for in the row's election first
            def rujukan(mentah, _satker, isian):
                pemilihan = getattr(isian.get("pemilihan"), "pk", None)
                return k.widget.objek[k.widget.clean(mentah, kelompok=pemilihan)]

            return rujukan
        clean = k.widget.clean
        return lambda mentah, _s, _i: clean(mentah)

    def _rencana_baris(self):
        """(column, its index in the row or None, its cell reader) of every column but the
        office's, in template order."""
        if self._rencana is None:
            self._rencana = [
                (k, self.peta.get(k.nama), self._pembaca_sel(k))
                for k in self.cols
                if k.nama != "satker"
            ]
        return self._rencana

    def baca(self, nomor, row):
        """(record, []) or (None, [errors])."""
        satker, salah = self._satker(
            nomor, row[self.peta["satker"]] if "satker" in self.peta else None
        )
        galat = [salah] if salah else []
        isian = {"satker": satker} if satker is not None else {}
        sel = {}  # cells that are no field of the record: a related row's cells, child rows
        for k, i, pembaca in self._rencana_baris():
            mentah = row[i] if i is not None else None
            if mentah is None:
                if k.wajib:
                    galat.append(self._galat(nomor, k.nama, None, _("wajib diisi")))
                continue
            try:
                if not k.di_rekaman:
                    sel[k.nama] = pembaca(mentah, satker, isian)
                    continue
                isian[k.nama] = pembaca(mentah, satker, isian)
            except nilai.NilaiSalah as e:
                galat.append(self._galat(nomor, k.nama, mentah, e))
        galat += self._anak_kurang(nomor, row, sel)
        if galat:
            return None, galat
        rekaman = self.bangun(isian)
        isi_periode(rekaman)
        for r in self.modul.impor.rujukan:
            salah = self._cari_rujukan(nomor, row, r, rekaman, sel)
            if salah:
                return None, [salah]
        if self.modul.impor.anak:  # an empty cell of an optional inline: no child rows
            rekaman.anak_impor = sel.get(self.modul.impor.anak, [])
        for kol, pesan in self._periksa_field(rekaman).items():
            mentah = row[self.peta[kol]] if kol in self.peta else None
            galat += [self._galat(nomor, kol, mentah, p) for p in pesan]
        for nama_field, pesan in rekaman.periksa_baris().items():
            galat += self.galat_aturan(nomor, nama_field, pesan)
        return (None, galat) if galat else (rekaman, [])


def _kunci(modul, rekaman):
    return tuple(getattr(rekaman, modul.field(n).attname) for n in modul.impor.kunci)


def _anak_lama(modul, pks) -> dict[int, list[tuple]]:
    """{record pk: [(name, kind)…]} of the child rows of `Impor.anak`, one query."""
    inline = modul.inline_impor
    fk = inline.kunci_induk(modul.model).attname
    hasil = {}
    qs = inline.model.objects.filter(**{f"{fk}__in": pks}).order_by("pk")
    for induk, *isi in qs.values_list(fk, *inline.fields):
        hasil.setdefault(induk, []).append(tuple(isi))
    return hasil


def _isi_diisi_modul(modul, pembaca, rekaman, lama):
    """`Impor.diisi_modul`: an empty cell keeps the stored value of a field the module fills
    (a register number), unless the module's rules of one record refuse it in this row."""
    diisi = []
    for nama in modul.impor.diisi_modul:
        a = modul.field(nama).attname
        if getattr(rekaman, a) in ("", None) and lama[a] not in ("", None):
            diisi.append((nama, a, getattr(rekaman, a)))
            setattr(rekaman, a, lama[a])
    if diisi:
        ditolak = pembaca.hidupkan(rekaman).periksa_baris()
        for nama, a, kosong in diisi:
            if nama in ditolak or a in ditolak:
                setattr(rekaman, a, kosong)


def _sama(modul, pembaca, rekaman, lama, banding, anak_lama) -> bool:
    """The row changes nothing of its record `lama` (after the fields the module fills were
    kept where the cell is empty)."""
    if modul.impor.diisi_modul:
        _isi_diisi_modul(modul, pembaca, rekaman, lama)
    return all(lama[a] == getattr(rekaman, a) for a in banding) and (
        anak_lama is None or rekaman.anak == anak_lama.get(lama["pk"], [])
    )


def _per_kunci(modul, baris_sah, hasil):
    """{natural key: (row number, row)}; a key twice in the file is an error of the second."""
    per_kunci = {}
    for nomor, rekaman in baris_sah:
        kunci = _kunci(modul, rekaman)
        if kunci in per_kunci:
            hasil.galat.append(
                Galat(
                    nomor,
                    "",
                    "",
                    _("data yang sama (%(kunci)s) sudah ada di baris %(lain)s berkas ini")
                    % {
                        "kunci": ", ".join(sumber.nama_kunci(modul.kode)),
                        "lain": angka(per_kunci[kunci][0]),
                    },
                )
            )
            continue
        per_kunci[kunci] = (nomor, rekaman)
    return per_kunci


def _yang_ada(modul, per_kunci, kolom_nilai, p):
    """The existing records the rows may mean, as values: ({key: [rows]}, {pk: row}); those
    of the rows' offices (and months), and those the caller named (`p.kenal`)."""
    model = modul.model
    kunci_attr = [modul.field(n).attname for n in modul.impor.kunci]
    satker = {r.satker_id for _n, r in per_kunci.values()}
    ada_qs = model.objects.filter(satker_id__in=satker)
    if "periode" in modul.impor.kunci:
        ada_qs = ada_qs.filter(periode__in={r.periode for _n, r in per_kunci.values()})
    if p.simpan:
        kunci_satker(modul.kode, satker)
    kenal_pk = {p.kenal[n] for n, _r in per_kunci.values() if n in p.kenal}
    if kenal_pk:
        ada_qs = model.objects.filter(Q(pk__in=ada_qs.values("pk")) | Q(pk__in=kenal_pk))
    if p.simpan:
        ada_qs = ada_qs.select_for_update()
    ada, per_pk = {}, {}
    for row in ada_qs.values("pk", "satker_id", "status", "version", *kunci_attr, *kolom_nilai):
        ada.setdefault(tuple(row[a] for a in kunci_attr), []).append(row)
        per_pk[row["pk"]] = row
    return ada, per_pk


def _galat_kunci_ganda(modul, nomor, semua):
    # two records already share the key (entered on the form): which one the row means
    # cannot be known, and guessing would overwrite the other
    return Galat(
        nomor,
        "",
        "",
        _(
            "%(n)s rekaman yang sudah ada memiliki %(kunci)s yang sama (#%(pk)s); "
            "baris ini tidak dapat dicocokkan dengan salah satunya — ubah rekaman "
            "itu lewat formulir, atau bedakan judulnya"
        )
        % {
            "n": len(semua),
            "kunci": ", ".join(sumber.nama_kunci(modul.kode)),
            "pk": ", #".join(str(r["pk"]) for r in semua),
        },
    )


def _galat_bukan_draf(nomor, lama):
    return Galat(
        nomor,
        "",
        "",
        _(
            "mengubah data yang sudah berstatus “%(status)s” (rekaman #%(pk)s); "
            "minta koordinator membukanya kembali dulu, lalu impor lagi"
        )
        % {"status": Status(lama["status"]).label, "pk": lama["pk"]},
    )


def _bandingkan(modul, cols, baris_sah, hasil, p, pembaca):
    """Split the valid rows into new, changed and unchanged against the existing records of
    the same offices (one query, and one for their child rows; locked when writing). A row
    the caller already knows the record of (`p.kenal`: the write API's external id) is
    compared with that record, which may change its key."""
    kunci_attr = [modul.field(n).attname for n in modul.impor.kunci]
    atribut = [k.atribut for k in cols if not k.kunci and k.di_rekaman]
    atribut_lama = atribut + [
        modul.field(n).attname
        for n in modul.impor.diisi_modul
        if modul.field(n).attname not in atribut
    ]
    per_kunci = _per_kunci(modul, baris_sah, hasil)
    ada, per_pk = _yang_ada(modul, per_kunci, atribut_lama, p)
    anak_lama = None
    if any(k.anak is not None for k in cols):
        anak_lama = _anak_lama(modul, list(per_pk))
    # the record each row changes: those named by their sender's id first, so a row matched by
    # its key cannot take a record another row of the batch names
    diklaim = {p.kenal[n]: n for n, _r in per_kunci.values() if n in p.kenal}
    baru, berubah = [], []
    for kunci, (nomor, rekaman) in per_kunci.items():
        lama, galat = _sasaran(
            modul, nomor, ada.get(kunci, []), per_pk, p, pembaca.kamus.boleh_satker
        )
        # a row named by its sender's id may change its record's key too
        banding = atribut + kunci_attr if nomor in p.kenal else atribut
        if galat is None and lama is not None:
            galat = _galat_diklaim(nomor, lama["pk"], diklaim) or _galat_versi(
                nomor, lama, hasil, p
            )
        if galat is None and lama is None:
            baru.append((nomor, rekaman))
            if p.per_baris:
                hasil.per_baris[nomor] = ("baru", None)
            continue
        if galat is None and _sama(modul, pembaca, rekaman, lama, banding, anak_lama):
            hasil.sama += 1
            if p.per_baris:
                hasil.per_baris[nomor] = ("sama", lama["pk"])
            continue
        if galat is None and lama["status"] not in STATUS_DAPAT_DIUBAH:
            galat = _galat_bukan_draf(nomor, lama)
        if galat is not None:
            hasil.galat.append(galat)
            continue
        rekaman.pk = lama["pk"]
        rekaman.status_lama = lama["status"]
        rekaman.version = lama["version"] + 1
        berubah.append((nomor, rekaman))
        if p.per_baris:
            hasil.per_baris[nomor] = ("berubah", lama["pk"])
    hasil.baru, hasil.berubah = len(baru), len(berubah)
    return baru, berubah


def _sasaran(modul, nomor, semua, per_pk, p, boleh):
    """(the existing record row `nomor` means or None, an error or None): the one its sender
    named (`p.kenal`), else the one with its natural key (`semua`: those that have it)."""
    if nomor in p.kenal:
        lama = per_pk.get(p.kenal[nomor])
        return lama, _galat_kenal(modul, nomor, p.kenal[nomor], lama, semua, boleh)
    if len(semua) > 1:
        return None, _galat_kunci_ganda(modul, nomor, semua)
    return (semua[0] if semua else None), None


def _galat_diklaim(nomor, pk, diklaim):
    """Two rows of one batch must not change the same record (the second would overwrite the
    first, and both would be told it was theirs)."""
    pemilik = diklaim.setdefault(pk, nomor)
    if pemilik == nomor:
        return None
    return Galat(
        nomor,
        "",
        "",
        _("rekaman #%(pk)s juga diubah oleh baris %(lain)s kiriman ini; satu rekaman satu baris")
        % {"pk": pk, "lain": angka(pemilik)},
    )


def _galat_versi(nomor, lama, hasil, p):
    """Keep the version of a record a row matched (`Hasil.versi`); at the write, a record
    saved by someone else since the check (its version moved) stops its row — the import
    would overwrite what they saved with what the person confirmed before it."""
    hasil.versi[lama["pk"]] = lama["version"]
    dulu = (p.versi or {}).get(str(lama["pk"]))
    if dulu is None or dulu == lama["version"]:
        return None
    return Galat(
        nomor,
        "",
        "",
        _(
            "rekaman #%(pk)s disimpan orang lain sesudah berkas diperiksa; tidak ditimpa — "
            "periksa ulang berkas ini"
        )
        % {"pk": lama["pk"]},
    )


def _galat_kenal(modul, nomor, pk, lama, semua, boleh):
    """What stops a row from changing the record `pk` its sender named: the record is gone or
    outside the sender's offices (`boleh`), or the row's key is another record's."""
    if lama is None:
        return Galat(
            nomor,
            "",
            "",
            _("rekaman #%(pk)s yang dikirim sebelumnya dengan id ini sudah tidak ada") % {"pk": pk},
        )
    if lama["satker_id"] not in boleh:
        return Galat(
            nomor,
            "",
            "",
            _("rekaman #%(pk)s milik satker di luar wewenang pengirim") % {"pk": pk},
        )
    lain = [r["pk"] for r in semua if r["pk"] != pk]
    if lain:
        return Galat(
            nomor,
            "",
            "",
            _("%(kunci)s baris ini sudah dipakai rekaman lain (#%(lain)s)")
            % {
                "kunci": ", ".join(sumber.nama_kunci(modul.kode)),
                "lain": ", #".join(map(str, lain)),
            },
        )
    return None


def _tulis(modul, p, cols, pembaca, baru, berubah, hasil):
    """New records inserted, changed ones updated in the columns the file has, a history row
    each and one audit row, in the caller's transaction."""
    model = modul.model
    user, setujui = p.user, p.setujui
    sekarang = timezone.now()
    status = Status.DISETUJUI if setujui else Status.DIAJUKAN
    punya_hook = model.sebelum_simpan is not Rekaman.sebelum_simpan
    turunan = {}  # fields the hook wrote: a changed record's update writes them too
    for _n, r in baru + berubah:
        if punya_hook:  # the module derives fields as it saves (a default, a register number)
            rekaman = pembaca.hidupkan(r)
            for nama in rekaman.sebelum_simpan(user) or ():
                attname = model._meta.get_field(nama).attname
                setattr(r, attname, getattr(rekaman, attname))
                turunan[nama] = None
        r.status = status
        r.klasifikasi = Klasifikasi.BELUM
        r.updated_by_id = user.pk
        r.updated_at = sekarang
        r.diajukan_pada = sekarang
        if setujui:
            r.disetujui_oleh_id, r.disetujui_pada = user.pk, sekarang
    for _n, r in baru:
        r.created_by_id = user.pk
        r.created_at = sekarang
        r.version = 1
    salin.salin(model, [r for _n, r in baru])
    if p.per_baris:
        hasil.per_baris |= {n: ("baru", r.pk) for n, r in baru}
    # the key too: a row named by its sender's id may change its record's key
    diubah_fields = [k.nama for k in cols if k.di_rekaman] + [
        "status",
        "updated_by",
        "updated_at",
        "diajukan_pada",
        "version",
    ]
    if setujui:
        diubah_fields += ["disetujui_oleh", "disetujui_pada"]
    diubah_fields += [n for n in turunan if n not in diubah_fields]
    model.objects.bulk_update(
        [pembaca.hidupkan(r) for _n, r in berubah], diubah_fields, batch_size=UKURAN_TULIS
    )
    if any(k.anak is not None for k in cols):
        _tulis_anak(modul, baru, berubah)
    ct = ContentType.objects.get_for_model(model)
    teks = _("Diimpor dari %(nama)s") % {"nama": hasil.nama_berkas}
    salin.salin_baris(
        Riwayat,
        ("content_type", "object_id", "aksi", "dari", "ke", "oleh", "pada", "catatan"),
        (
            (
                ct.pk,
                r.pk,
                "impor",
                r.status_lama,
                status,
                user.pk,
                sekarang,
                teks,
            )
            for _n, r in baru + berubah
        ),
    )
    catat(
        user,
        p.aksi_audit,
        **p.asal,
        modul=modul.kode,
        berkas=hasil.nama_berkas,
        sha256=hasil.sha256,
        baris=hasil.baris,
        baru=hasil.baru,
        berubah=hasil.berubah,
        sama=hasil.sama,
        status=str(status),
    )


def _tulis_anak(modul, baru, berubah):
    """The child rows of `Impor.anak`: inserted for new records (their ids are known after the
    COPY), replaced for changed ones."""
    inline = modul.inline_impor
    fk = inline.kunci_induk(modul.model)
    ganti = [r.pk for _n, r in berubah]
    if ganti:
        inline.model.objects.filter(**{f"{fk.attname}__in": ganti}).delete()
    salin.salin_baris(
        inline.model,
        (fk.name, *inline.fields),
        ((r.pk, *anak) for _n, r in baru + berubah for anak in r.anak or ()),
    )
