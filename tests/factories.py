"""Factories for the tests.

People and places are factory-boy factories. Module records are built generically: every
module's registry entry carries `demo_records(satker, i)`, which returns an unsaved
valid instance; `rekaman()` saves it through the real services and walks it through the real
workflow to the requested status and classification, so a new module needs no factory here.
"""

import datetime as dt

import factory
from django import forms
from django.db import models
from django.forms.models import model_to_dict

from apps.accounts.models import Penugasan, Peran, User
from apps.core.forms import form_untuk, formsets_untuk
from apps.core.models import JenisPemilihan, Klasifikasi, Pemilihan, Status
from apps.core.services import buat_rekaman, klasifikasikan
from apps.core.workflow import Aksi, transition
from apps.organisasi.models import Satker, TingkatSatker
from apps.wilayah.models import Tingkat, Wilayah

ALASAN = "Memuat data pribadi peserta; membukanya merugikan hak atas perlindungan data pribadi."
DASAR_HUKUM = "UU 14/2008 Pasal 17 huruf h"
SAMPAI = dt.date(2035, 12, 31)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"petugas{n}")
    nama_lengkap = factory.LazyAttribute(lambda o: f"Petugas {o.username}")
    # Tests log in with force_login; a real hash would cost ~0.3 s per user.
    password = factory.django.Password(None)


class PenugasanFactory(factory.django.DjangoModelFactory):
    """A role assignment; saving it syncs the user's grants (apps.accounts.signals)."""

    class Meta:
        model = Penugasan

    user = factory.SubFactory(UserFactory)
    peran = Peran.OPERATOR
    satker = factory.LazyFunction(lambda: Satker.objects.get(kode="18.72"))
    modul = factory.LazyFunction(list)


class WilayahFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wilayah
        django_get_or_create = ("kode",)

    kode = "18.72"
    nama = factory.LazyAttribute(lambda o: f"Wilayah {o.kode}")
    tingkat = factory.LazyAttribute(
        lambda o: [Tingkat.PROVINSI, Tingkat.KABKOTA, Tingkat.KECAMATAN, Tingkat.DESA][
            o.kode.count(".")
        ]
    )
    induk_id = factory.LazyAttribute(lambda o: o.kode.rpartition(".")[0] or None)


class SatkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Satker
        django_get_or_create = ("kode",)

    wilayah = factory.SubFactory(WilayahFactory)
    kode = factory.LazyAttribute(lambda o: o.wilayah.kode)
    nama = factory.LazyAttribute(lambda o: f"Bawaslu {o.wilayah.nama}")
    tingkat = factory.LazyAttribute(
        lambda o: TingkatSatker.PROVINSI if "." not in o.kode else TingkatSatker.KABKOTA
    )
    induk = factory.LazyAttribute(
        lambda o: Satker.objects.get(kode=o.kode.rpartition(".")[0] or "00")
    )


class PemilihanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pemilihan
        django_get_or_create = ("kode",)

    kode = "pemilu-2024"
    nama = "Pemilu 2024"
    jenis = JenisPemilihan.PEMILU
    tahun = 2024
    hari_pemungutan = dt.date(2024, 2, 14)


def contoh(modul, satker, i=0, *, siapkan=True, **nilai):
    """An unsaved valid record of `modul` for `satker`, from the module's own demo hooks.

    The hook promises a valid record for any kab/kota office and i in 0–7 (docs/modul-baru.md).
    For a provincial office or Bawaslu RI, the record is made for a kab/kota office under it
    and then handed to that office, whose area contains the kab/kota's (through the module's
    `demo_serahkan` hook where a plain reassignment is not valid). `siapkan=False` skips
    the (idempotent) `demo_setup` hook when the caller already ran it."""
    if siapkan and modul.demo_setup:
        modul.demo_setup()
    pembuat = satker
    if satker.tingkat != TingkatSatker.KABKOTA:
        bawah = Satker.objects.filter(tingkat=TingkatSatker.KABKOTA).order_by("kode")
        if satker.tingkat == TingkatSatker.PROVINSI:
            bawah = bawah.filter(induk=satker)
        pembuat = bawah.first()
    obj = modul.demo_records(pembuat, i % 8)
    if modul.demo_serahkan:
        obj = modul.demo_serahkan(obj, satker, i % 8)
    else:
        obj.satker = satker
    for name, value in nilai.items():
        setattr(obj, name, value)
    return obj


def rekaman(
    modul,
    satker,
    status=Status.DRAFT,
    klasifikasi=Klasifikasi.BELUM,
    *,
    oleh,
    peninjau,
    ppid,
    i=0,
    alasan=ALASAN,
    dasar_hukum=DASAR_HUKUM,
    sampai=SAMPAI,
    **nilai,
):
    """Save a record through `buat_rekaman` as `oleh` and walk it to `status`/`klasifikasi`:
    `peninjau` returns or approves it, `ppid` classifies it."""
    obj = buat_rekaman(contoh(modul, satker, i, **nilai), oleh)
    if status == Status.DRAFT:
        return obj
    transition(obj, Aksi.AJUKAN, oleh)
    if status == Status.DIKEMBALIKAN:
        transition(obj, Aksi.KEMBALIKAN, peninjau, "Lengkapi daftar hadir peserta.")
    elif status == Status.DISETUJUI:
        transition(obj, Aksi.SETUJUI, peninjau)
        if klasifikasi != Klasifikasi.BELUM:
            klasifikasikan(
                obj, ppid, klasifikasi, alasan=alasan, dasar_hukum=dasar_hukum, sampai=sampai
            )
    return obj


def banyak_rekaman(modul, satker, n, *, oleh, status=Status.DRAFT, klasifikasi="belum"):
    """`n` rows of one office in one INSERT, for query-count tests where only the row count
    matters (the demo hook's i repeats after 8: fine for modules without per-office unique
    keys; see `banyak_rekaman_tersebar` otherwise)."""
    rows = []
    for i in range(n):
        obj = contoh(modul, satker, i)
        if modul.periode_dari:
            obj.periode = getattr(obj, modul.periode_dari)
        obj.periode = obj.periode.replace(day=1)
        obj.status, obj.klasifikasi = status, klasifikasi
        obj.created_by = obj.updated_by = oleh
        rows.append(obj)
    return modul.model.objects.bulk_create(rows)


KANTOR_BANYAK = ("18.72", "18.01", "18", "64.08", "64")


def banyak_rekaman_tersebar(
    modul, n, *, oleh, status=Status.DRAFT, klasifikasi=Klasifikasi.BELUM, mulai=0
):
    """`n` rows saved one by one (the model's own save() runs), spread over five offices,
    since the demo hook promises distinct records only for i in 0–7 within one office: 40
    rows at most; `mulai` continues an earlier call."""
    assert mulai + n <= len(KANTOR_BANYAK) * 8
    if modul.demo_setup:
        modul.demo_setup()
    kantor = {s.kode: s for s in Satker.objects.filter(kode__in=KANTOR_BANYAK)}
    rows = []
    for j in range(mulai, mulai + n):
        obj = contoh(modul, kantor[KANTOR_BANYAK[j % 5]], j // 5, siapkan=False)
        if modul.periode_dari:
            obj.periode = getattr(obj, modul.periode_dari)
        obj.periode = obj.periode.replace(day=1)
        obj.status, obj.klasifikasi = status, klasifikasi
        obj.created_by = obj.updated_by = oleh
        obj.save()
        rows.append(obj)
    return rows


def data_form(modul, obj, **ganti):
    """The POST data of the module's staff form filled from `obj` (saved or not), as a browser
    sends it: file fields left out (an edit keeps the stored file), the inline child rows with
    their management form, and, where the module requires child rows the record does not have
    yet, rows filled with plain valid values."""
    form_class = form_untuk(modul)
    fields = [
        name
        for name in form_class._meta.fields
        if not isinstance(modul.model._meta.get_field(name), models.FileField)
    ]
    data = {}
    for name, value in model_to_dict(obj, fields=fields).items():
        if value is None:
            data[name] = ""
        elif isinstance(value, dt.date):
            data[name] = value.isoformat()
        else:
            data[name] = value
    data["version"] = obj.version if obj.pk else ""
    for formset in formsets_untuk(modul, instance=obj if obj.pk else None):
        data.update(_data_formset(formset))
    data.update(ganti)
    return data


def _nilai_post(value):
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return getattr(value, "pk", value)


def _data_formset(formset):
    """The management form and the child rows of an inline formset: the existing ones, then
    new ones up to the formset's minimum."""
    baru = max(formset.min_num - len(formset.initial_forms), 0)
    data = {
        f"{formset.prefix}-TOTAL_FORMS": len(formset.initial_forms) + baru,
        f"{formset.prefix}-INITIAL_FORMS": len(formset.initial_forms),
        f"{formset.prefix}-MIN_NUM_FORMS": formset.min_num,
        f"{formset.prefix}-MAX_NUM_FORMS": formset.max_num,
    }
    for form in formset.initial_forms:
        for name in form.fields:
            if name != "DELETE":
                data[form.add_prefix(name)] = _nilai_post(form[name].value())
    for n in range(len(formset.initial_forms), len(formset.initial_forms) + baru):
        form = formset._construct_form(n)
        for name, field in form.fields.items():
            nilai = _isi_contoh(field, n)
            if name not in ("id", "DELETE", formset.fk.name) and nilai is not None:
                data[form.add_prefix(name)] = nilai
    return data


CONTOH_NILAI = {forms.DateField: "2024-03-01", forms.IntegerField: 1, forms.DecimalField: 1}


def _isi_contoh(field, n):
    """A plain valid value for a form field of a child row (the n-th); None leaves it out."""
    if isinstance(field, forms.ModelChoiceField):
        return getattr(field.queryset.first(), "pk", None)
    if isinstance(field, forms.ChoiceField):
        return next((v for v, _label in field.choices if v not in ("", None)), None)
    for jenis, nilai in CONTOH_NILAI.items():
        if isinstance(field, jenis):
            return nilai
    if isinstance(field, forms.CharField):
        return f"Contoh {field.label or ''} {n + 1}"[: field.max_length or 200]
    return None
