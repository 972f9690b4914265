"""Nothing outside `.public()` reaches a public page (DESIGN §3, §5).

For every module: records in every status × classification (and one that was public and was
reopened), the non-public fields filled with distinctive markers, people with marker names.
The public pages must list exactly the public records, answer 404 for every other id, and never
contain a marker.
"""

import re
import secrets

import pytest
from django.db import models

from apps.accounts.models import Penugasan
from apps.core.workflow import transition
from tests import factories
from tests.conftest import MODULS, PUBLIK, SKENARIO, Matriks, modul_id


def _penanda():
    return "zq" + secrets.token_hex(5)


def _kolom_teks_bebas(model, kecuali=()):
    """Free-text fields a marker can be written into without breaking a validator."""
    for f in model._meta.concrete_fields:
        if (
            isinstance(f, models.CharField | models.TextField)
            and not f.choices
            and f.editable
            and f.name not in kecuali
            and all(type(v).__name__ == "MaxLengthValidator" for v in f.validators)
        ):
            yield f


class Penanda:
    """Collects every marker written, so the test can assert none is ever served."""

    def __init__(self):
        self.semua = []

    def baru(self, label, panjang=200):
        nilai = f"{_penanda()}{label}"[: max(12, panjang)]
        self.semua.append(nilai)
        return nilai


def _orang(penanda, peran, satker):
    username = penanda.baru("u", 30)
    user = factories.UserFactory(username=username, nama_lengkap=penanda.baru("nama"))
    Penugasan.objects.create(user=user, peran=peran, satker=satker)
    return user


def _isian_penanda(penanda, modul, publik_juga, satker=None, i=0):
    """Markers in the module's free-text fields: the non-public ones, or all of them. A field
    whose marker would make record i of `satker` invalid (a case step's text before the step
    is reached, say) keeps its plain value: the record must still pass the module's rules."""
    from django.core.exceptions import ValidationError

    from apps.organisasi.models import Satker

    satker = satker or Satker.objects.get(kode="18.72")
    kecuali = () if publik_juga else set(modul.semua_public_fields)

    def galat(**nilai):
        try:
            obj = factories.contoh(modul, satker, i, siapkan=False, **nilai)
            obj.full_clean(validate_unique=False)
        except ValidationError as e:
            return set(e.message_dict)
        return set()

    if modul.demo_setup:
        modul.demo_setup()
    dasar = galat()  # what the services fill in later (periode, created_by, …)
    calon = {
        f.name: f"zq{secrets.token_hex(5)}{f.name}"[: max(12, f.max_length or 200)]
        for f in _kolom_teks_bebas(modul.model, kecuali=kecuali)
    }
    if galat(**calon) - dasar:
        # some marker breaks a rule of the module: keep only those that do not, one by one
        diterima = {}
        for name, nilai in calon.items():
            if not galat(**diterima, **{name: nilai}) - dasar:
                diterima[name] = nilai
        calon = diterima
    panjang = {f.name: f.max_length or 200 for f in modul.model._meta.concrete_fields}
    hasil = {name: penanda.baru(name, panjang[name]) for name in calon}
    return hasil


@pytest.fixture
def arsip(modul, kantor, admin):
    """Every scenario in Kota Metro, a record of Lampung Selatan that was public and was
    reopened, and one public record of Kutai Timur (another office's page must not show it).
    Returns (markers, Kota Metro and Lampung Selatan records, the Kutai Timur record)."""
    penanda = Penanda()
    metro = kantor("18.72")
    penulis = _orang(penanda, "operator", metro)
    peninjau = _orang(penanda, "koordinator", metro)
    ppid = _orang(penanda, "ppid", metro)
    rows = []
    for i, (status, klas) in enumerate(SKENARIO):
        publik = status == "disetujui" and klas in PUBLIK
        rows.append(
            factories.rekaman(
                modul,
                metro,
                status,
                klas,
                oleh=penulis,
                peninjau=peninjau,
                ppid=ppid,
                i=i,
                alasan=penanda.baru("alasan"),
                dasar_hukum=penanda.baru("dasar", 200),
                # nothing of a non-public record may show, its public fields included
                **_isian_penanda(penanda, modul, publik_juga=not publik, satker=metro, i=i),
            )
        )
    dibuka = factories.rekaman(
        modul,
        kantor("18.01"),
        "disetujui",
        "berkala",
        oleh=_orang(penanda, "operator", kantor("18.01")),
        peninjau=admin,
        ppid=admin,
        **_isian_penanda(penanda, modul, publik_juga=True, satker=kantor("18.01")),
    )
    transition(dibuka, "buka_kembali", admin, penanda.baru("catatan"))
    rows.append(dibuka)
    kutim = _orang(penanda, "operator", kantor("64.08"))
    lain = factories.rekaman(
        modul, kantor("64.08"), "disetujui", "berkala", oleh=kutim, peninjau=admin, ppid=admin
    )
    return penanda, rows, lain


def _id_publik_di(html, modul):
    return {int(pk) for pk in re.findall(rf'href="/data/{modul.kode}/(\d+)/"', html)}


def _tanpa_penanda(response, penanda):
    bocor = [m for m in penanda.semua if m in response.text]
    assert not bocor, f"{response.request['PATH_INFO']} memuat {bocor}"


def _cek_halaman_publik(client, modul, penanda, rows, lain):
    publik = {r.pk for r in rows if modul.model.objects.public().filter(pk=r.pk).exists()}
    # exactly the three approved records with a public classification
    assert publik == {
        r.pk
        for r, (st, kl) in zip(rows, SKENARIO, strict=False)
        if st == "disetujui" and kl in PUBLIK
    }
    assert len(publik) == 3

    daftar = client.get(f"/data/{modul.kode}/")
    assert daftar.status_code == 200
    assert _id_publik_di(daftar.text, modul) == publik | {lain.pk}
    _tanpa_penanda(daftar, penanda)

    satker = client.get("/satker/18.72/")
    assert _id_publik_di(satker.text, modul) == publik
    _tanpa_penanda(satker, penanda)
    assert _id_publik_di(client.get("/satker/64.08/").text, modul) == {lain.pk}
    assert _id_publik_di(client.get("/satker/18.01/").text, modul) == set()

    beranda = client.get("/")
    assert beranda.status_code == 200
    di_beranda = _id_publik_di(beranda.text, modul)
    assert di_beranda
    assert di_beranda <= publik | {lain.pk}
    _tanpa_penanda(beranda, penanda)

    for halaman in ("/data/", f"/data/{modul.kode}/?hal=2", f"/data/{modul.kode}/?q=zq"):
        response = client.get(halaman)
        assert response.status_code == 200
        _tanpa_penanda(response, penanda)

    for rek in rows:
        response = client.get(f"/data/{modul.kode}/{rek.pk}/")
        if rek.pk in publik:
            assert response.status_code == 200
            assert str(getattr(rek, modul.judul_field)) in response.text
        else:
            assert response.status_code == 404
        _tanpa_penanda(response, penanda)
    assert client.get(f"/data/{modul.kode}/{max(r.pk for r in rows) + 10_000}/").status_code == 404


def _cek_pencarian(client, modul, rows):
    for rek in rows:
        judul = str(getattr(rek, modul.judul_field))
        response = client.get(f"/data/{modul.kode}/", {"q": judul})
        assert _id_publik_di(response.text, modul) == ({rek.pk} if rek.is_public else set())


def _cek_berkas(client, modul, rows):
    """A non-public record's files are not served, whatever the field; a public record's only
    for public file fields."""
    berkas = [f.name for f in modul.model._meta.fields if isinstance(f, models.FileField)]
    for rek in rows:
        for name in berkas:
            response = client.get(f"/data/{modul.kode}/{rek.pk}/berkas/{name}/")
            if not (rek.is_public and name in modul.public_fields and getattr(rek, name)):
                assert response.status_code == 404, (rek.pk, name)
    assert client.get(f"/data/{modul.kode}/{rows[0].pk}/berkas/catatan_internal/").status_code == (
        404
    )


def _cek_penanda_di_halaman_staf(client, modul, penanda, rows, admin):
    """The markers are real: staff pages do show them, so their absence above means
    something."""
    client.force_login(admin)
    html = "".join(client.get(f"/kelola/{modul.kode}/{r.pk}/").text for r in rows)
    client.logout()
    terlihat = [m for m in penanda.semua if m in html]
    assert any("catatan_internal" in m for m in terlihat)
    assert any("alasan" in m for m in terlihat)
    assert any("nama" in m for m in terlihat)


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_tidak_ada_yang_bocor_ke_halaman_publik(modul, arsip, client, admin):
    penanda, rows, lain = arsip
    matriks = Matriks()
    with matriks.sel(bagian="daftar, detail, beranda, halaman satker"):
        _cek_halaman_publik(client, modul, penanda, rows, lain)
    with matriks.sel(bagian="pencarian"):
        _cek_pencarian(client, modul, rows)
    with matriks.sel(bagian="berkas"):
        _cek_berkas(client, modul, rows)
    with matriks.sel(bagian="penanda tampil di halaman staf"):
        _cek_penanda_di_halaman_staf(client, modul, penanda, rows, admin)
    matriks.periksa()
