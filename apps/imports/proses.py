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

import gc
import hashlib
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from apps.audit.services import catat
from apps.core import izin
from apps.core.models import (
    STATUS_DAPAT_DIUBAH,
    Klasifikasi,
    Pemilihan,
    Rekaman,
    Riwayat,
    Status,
)
from apps.core.services import isi_periode
from apps.imports import baca, nilai, salin, sumber
from apps.organisasi.models import Satker
from apps.wilayah.models import Wilayah, di_dalam

BATAS_BARIS = 200_000  # data rows in one file
UKURAN_TULIS = 1000  # rows per INSERT / UPDATE
GALAT_DISIMPAN = 5000  # errors a job keeps to show (all are counted)
LAPOR_SETIAP = 1000  # rows between two progress reports


# the workflow columns of a staff export (`ekspor.KOLOM_ALUR`): an import never writes them
KOLOM_DIABAIKAN = {"id", "status", "klasifikasi", "diajukan_pada", "disetujui_pada"}


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
    """A slotted class holding one value per concrete field of `model` under its attribute
    name (`satker_id`, `tahap`…), plus `pk`, `status_lama` and `anak` (the child rows of
    `Impor.anak`, [(name, kind)…], or None): what an import keeps of a valid row, and what
    `Impor.periksa_massal` and the COPY writer read."""
    attname = tuple(f.attname for f in model._meta.concrete_fields)
    pk = model._meta.pk.attname

    def isi(self, *nilai):
        for a, v in zip(attname, nilai, strict=True):
            setattr(self, a, v)
        self.status_lama = ""
        self.anak = None

    return type(
        f"Baris{model.__name__}",
        (),
        {
            "__slots__": (*attname, "status_lama", "anak"),
            "__init__": isi,
            "attname": attname,
            "pk": property(lambda self: getattr(self, pk), lambda self, v: setattr(self, pk, v)),
        },
    )


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
) -> Hasil:
    """Check (and with `simpan`, write) the spreadsheet `berkas` (a binary file object) named
    `nama` into `modul` for `user`. `satker_kode`: every row belongs to that office (rows may
    leave the office column empty). `setujui`: new and changed records enter approved (an
    admin only). `kemajuan(selesai, total)` is called as rows are read and written."""
    hasil = Hasil(modul.kode, nama, sha256(berkas))
    if modul.impor is None:
        hasil.galat.append(Galat(0, "", "", _("Modul ini tidak dapat diimpor.")))
        return hasil
    if setujui and not user.is_superuser:
        hasil.galat.append(
            Galat(0, "", "", _("Hanya admin yang dapat mengimpor data sebagai disetujui."))
        )
        return hasil
    try:
        if simpan:
            with transaction.atomic():
                _impor(modul, berkas, nama, user, satker_kode, True, setujui, kemajuan, hasil)
                if hasil.galat:
                    raise _Batal
        else:
            _impor(modul, berkas, nama, user, satker_kode, False, setujui, kemajuan, hasil)
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
    return hasil


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
    names), elections."""

    def __init__(self, boleh_satker: set[int]):
        self.satker = {s.pk: s for s in Satker.objects.all()}
        self.boleh_satker = boleh_satker
        self.pemilihan = {p.pk: p for p in Pemilihan.objects.all()}
        self.wilayah: dict[str, tuple[str, str]] = {
            kode: (nama_w, tingkat)
            for kode, nama_w, tingkat in Wilayah.objects.values_list("kode", "nama", "tingkat")
        }
        self._wilayah_nama: dict[str, list[str]] | None = None

    @property
    def wilayah_nama(self):
        """{a way a region is written: [codes]}, built the first time a cell names a region
        instead of giving its code."""
        if self._wilayah_nama is None:
            self._wilayah_nama = {}
            for kode, (nama_w, _t) in self.wilayah.items():
                for n in nilai.nama_lain(nama_w):
                    self._wilayah_nama.setdefault(n, []).append(kode)
        return self._wilayah_nama

    def obj_wilayah(self, kode):
        """A `Wilayah` carrying what the rules read (no query per row); made anew each time
        (from_db: positional, cheap) rather than kept for the 80,000 villages a file may name."""
        nama_w, tingkat = self.wilayah[kode]
        return Wilayah.from_db(None, ["kode", "nama", "tingkat"], (kode, nama_w, tingkat))

    def kode_wilayah(self, v, area: str | None) -> str:
        """A region by code or name; a name is looked up inside the office's area first."""
        s = nilai.normal(nilai.teks(v))
        if s in self.wilayah:
            return s
        if isinstance(v, float) and f"{v:.2f}" in self.wilayah:
            return f"{v:.2f}"  # 11.10 typed into a number cell reads 11.1
        calon = self.wilayah_nama.get(s, [])
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
        if not normal or normal in KOLOM_DIABAIKAN:
            continue
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
    """A wrong, doubled or missing header stops the file before any row is read."""
    peta, asing, ganda = _petakan_kepala(tabel, cols)
    hilang = [k.nama for k in cols if k.wajib and k.nama not in peta]
    if satker_kode and "satker" in hilang:
        hilang.remove("satker")
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


def _impor(modul, berkas, nama, user, satker_kode, simpan, setujui, kemajuan, hasil):
    # The rows' records live until the end; Python's cyclic collector would walk all of them
    # again and again as they pile up (a third of the time of a 100,000-row file, measured).
    # They hold no cycles that need it; it runs again when the import is done.
    gc.disable()
    try:
        _impor_semua(modul, berkas, nama, user, satker_kode, simpan, setujui, kemajuan, hasil)
    finally:
        gc.enable()


def _impor_semua(modul, berkas, nama, user, satker_kode, simpan, setujui, kemajuan, hasil):
    cols = sumber.kolom(modul.kode)
    dikenal = set().union(*(k.nama_dikenal() for k in cols))
    tabel = baca.baca(berkas, nama, dikenal, BATAS_BARIS)
    hasil.catatan += tabel.catatan
    if kemajuan:
        kemajuan(0, tabel.perkiraan)
    peta = _periksa_kepala(tabel, cols, satker_kode)
    pembaca = _Pembaca(modul, user, cols, peta, tabel, satker_kode)
    baris_sah = []  # (row number, the record's values as a `Baris`)
    for nomor, row in tabel.baris:
        hasil.baris += 1
        rekaman, galat = pembaca.baca(nomor, row)
        if galat:
            hasil.galat += galat
        else:
            baris_sah.append((nomor, pembaca.padatkan(rekaman)))
        if kemajuan and hasil.baris % LAPOR_SETIAP == 0:
            kemajuan(hasil.baris, None)
    if kemajuan:
        kemajuan(hasil.baris, hasil.baris)
    if hasil.baris == 0:
        raise baca.BerkasTidakSah(_("Berkas %(nama)s tidak berisi baris data.") % {"nama": nama})

    dipetakan = [k for k in cols if k.nama in peta or (k.nama == "satker" and satker_kode)]
    baru, berubah = _bandingkan(modul, dipetakan, baris_sah, hasil, simpan, pembaca)
    if modul.impor.periksa_massal and (baru or berubah):
        daftar = baru + berubah
        for i, errs in modul.impor.periksa_massal([r for _n, r in daftar]).items():
            for nama_field, pesan in errs.items():
                hasil.galat += pembaca.galat_aturan(daftar[i][0], nama_field, pesan)
    hasil.galat.sort(key=lambda g: g.baris)
    if simpan and not hasil.galat:
        _tulis(modul, user, dipetakan, pembaca, baru, berubah, setujui, hasil)
        hasil.disimpan = True


class _Pembaca:
    """Turns one row into an unsaved record, or into the errors that stop it."""

    def __init__(self, modul, user, cols, peta, tabel, satker_kode):
        self.modul, self.cols, self.peta = modul, cols, peta
        self._bawaan = None
        self._kelas_baris = None
        # errors name a column as its header reads in the file
        self.judul = {
            k.nama: tabel.kepala[peta[k.nama]] if k.nama in peta else k.nama for k in cols
        }
        boleh = set(izin.satker_impor(user, modul.kode).values_list("pk", flat=True))
        self.kamus = _Kamus(boleh)
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
        if self._kelas_baris is None:
            self._kelas_baris = kelas_baris(self.modul.model)
        d = rekaman.__dict__
        baris = self._kelas_baris(*(d[a] for a in self._kelas_baris.attname))
        baris.anak = d.get("anak_impor")
        return baris

    def hidupkan(self, baris):
        """A model instance of a `Baris` again, its related rows from the dictionaries."""
        model = self.modul.model
        rekaman = model(*(getattr(baris, a) for a in self._kelas_baris.attname))
        cache = rekaman._state.fields_cache
        if rekaman.satker_id is not None:
            cache["satker"] = self.kamus.satker[rekaman.satker_id]
        if rekaman.pemilihan_id is not None:
            cache["pemilihan"] = self.kamus.pemilihan[rekaman.pemilihan_id]
        if rekaman.wilayah_id is not None:
            cache["wilayah"] = self.kamus.obj_wilayah(rekaman.wilayah_id)
        for nama, objek in self.objek_rujukan.items():
            obj = objek.get(getattr(rekaman, self.modul.field(nama).attname))
            if obj is not None:
                cache[nama] = obj
        rekaman._state.adding = baris.pk is None
        return rekaman

    def bangun(self, isian):
        """An unsaved record of the row's values: the fields' defaults, then `isian` (a
        related row by object, anything else by attribute). Positional, as Django builds rows
        it reads, at a fifth of the cost of keyword arguments."""
        if self._bawaan is None:
            model = self.modul.model
            self._medan = list(model._meta.concrete_fields)
            self._bawaan = [f.get_default() for f in self._medan]
            # a callable default (a list, a date) is made anew for every record
            self._dinamis = [(i, f) for i, f in enumerate(self._medan) if callable(f.default)]
            self._posisi = {f.attname: i for i, f in enumerate(self._medan)}
            self._relasi = {f.name: f for f in self._medan if f.is_relation}
        nilai = list(self._bawaan)
        for i, f in self._dinamis:
            nilai[i] = f.get_default()
        terkait = {}
        for nama, v in isian.items():
            field = self._relasi.get(nama)
            if field is not None:
                terkait[nama] = v
                nilai[self._posisi[field.attname]] = v.pk
            else:
                nilai[self._posisi[nama]] = v
        rekaman = self.modul.model(*nilai)
        rekaman._state.fields_cache.update(terkait)
        return rekaman

    def _periksa_field(self, rekaman):
        """{column: [messages]}: each filled column's own rules (choices, lengths, ranges —
        the model field's `validate` and validators, as a form runs them; its type is the
        widget's), then the region inside the office's area (`Rekaman.galat_wilayah_kerja`)."""
        galat = {}
        for k in self.cols:
            if k.field.is_relation or not k.di_rekaman:
                continue  # the dictionaries guarantee the row exists; cells of no own field
            v = getattr(rekaman, k.atribut)
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

    def _nilai(self, k, mentah, satker, pemilihan=None):
        """{attribute: value} of one cell (raises `NilaiSalah`); `pemilihan` is the row's
        election id, where a related row of an election is looked for."""
        if k.nama == "wilayah":
            area = satker.wilayah_id if satker is not None else None
            return {"wilayah": self.kamus.obj_wilayah(self.kamus.kode_wilayah(mentah, area))}
        if k.field.related_model is Pemilihan:
            return {k.nama: self.kamus.pemilihan[k.widget.clean(mentah)]}
        if isinstance(k.widget, nilai.Rujukan):
            return {k.nama: k.widget.objek[k.widget.clean(mentah, kelompok=pemilihan)]}
        return {k.nama: k.widget.clean(mentah)}

    def baca(self, nomor, row):
        """(record, []) or (None, [errors])."""
        satker, salah = self._satker(
            nomor, row[self.peta["satker"]] if "satker" in self.peta else None
        )
        galat = [salah] if salah else []
        isian = {"satker": satker} if satker is not None else {}
        sel = {}  # cells that are no field of the record: a related row's cells, child rows
        for k in self.cols:
            if k.nama == "satker":
                continue
            mentah = row[self.peta[k.nama]] if k.nama in self.peta else None
            if mentah is None:
                if k.wajib:
                    galat.append(self._galat(nomor, k.nama, None, _("wajib diisi")))
                continue
            try:
                if not k.di_rekaman:
                    sel[k.nama] = k.widget.clean(mentah)
                    continue
                pemilihan = getattr(isian.get("pemilihan"), "pk", None)
                isian |= self._nilai(k, mentah, satker, pemilihan)
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


def _bandingkan(modul, cols, baris_sah, hasil, kunci_baris, pembaca):
    """Split the valid rows into new, changed and unchanged against the existing records of
    the same offices (one query, and one for their child rows; locked when writing)."""
    model = modul.model
    atribut = [k.atribut for k in cols if not k.kunci and k.di_rekaman]
    atribut_lama = atribut + [
        modul.field(n).attname
        for n in modul.impor.diisi_modul
        if modul.field(n).attname not in atribut
    ]
    dengan_anak = any(k.anak is not None for k in cols)
    nama_kunci = ", ".join(sumber.nama_kunci(modul.kode))
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
                        "kunci": nama_kunci,
                        "lain": angka(per_kunci[kunci][0]),
                    },
                )
            )
            continue
        per_kunci[kunci] = (nomor, rekaman)
    satker = {r.satker_id for _n, r in per_kunci.values()}
    ada_qs = model.objects.filter(satker_id__in=satker)
    if "periode" in modul.impor.kunci:
        ada_qs = ada_qs.filter(periode__in={r.periode for _n, r in per_kunci.values()})
    if kunci_baris:
        ada_qs = ada_qs.select_for_update()
    kunci_attr = [modul.field(n).attname for n in modul.impor.kunci]
    ada = {}
    for row in ada_qs.values("pk", "status", "version", *kunci_attr, *atribut_lama):
        ada.setdefault(tuple(row[a] for a in kunci_attr), []).append(row)
    anak_lama = {}
    if dengan_anak:
        cocok = [r[0]["pk"] for k, r in ada.items() if k in per_kunci and len(r) == 1]
        anak_lama = _anak_lama(modul, cocok)
    baru, berubah = [], []
    for kunci, (nomor, rekaman) in per_kunci.items():
        semua = ada.get(kunci, [])
        if len(semua) > 1:
            # two records already share the key (entered on the form): which one the row means
            # cannot be known, and guessing would overwrite the other
            hasil.galat.append(
                Galat(
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
                        "kunci": nama_kunci,
                        "pk": ", #".join(str(r["pk"]) for r in semua),
                    },
                )
            )
            continue
        lama = semua[0] if semua else None
        if lama is None:
            baru.append((nomor, rekaman))
            continue
        if modul.impor.diisi_modul:
            _isi_diisi_modul(modul, pembaca, rekaman, lama)
        if all(lama[a] == getattr(rekaman, a) for a in atribut) and (
            not dengan_anak or rekaman.anak == anak_lama.get(lama["pk"], [])
        ):
            hasil.sama += 1
            continue
        if lama["status"] not in STATUS_DAPAT_DIUBAH:
            hasil.galat.append(
                Galat(
                    nomor,
                    "",
                    "",
                    _(
                        "mengubah data yang sudah berstatus “%(status)s” (rekaman #%(pk)s); "
                        "minta koordinator membukanya kembali dulu, lalu impor lagi"
                    )
                    % {"status": Status(lama["status"]).label, "pk": lama["pk"]},
                )
            )
            continue
        rekaman.pk = lama["pk"]
        rekaman.status_lama = lama["status"]
        rekaman.version = lama["version"] + 1
        berubah.append((nomor, rekaman))
    hasil.baru, hasil.berubah = len(baru), len(berubah)
    return baru, berubah


def _tulis(modul, user, cols, pembaca, baru, berubah, setujui, hasil):
    """New records inserted, changed ones updated in the columns the file has, a history row
    each and one audit row, in the caller's transaction."""
    model = modul.model
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
    diubah_fields = [k.nama for k in cols if not k.kunci and k.di_rekaman] + [
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
        "impor",
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
