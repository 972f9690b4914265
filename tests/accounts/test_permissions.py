"""The permission matrix: every persona × staff action × office, allowed and refused, asked of
`apps.accounts.permissions` (and the services that obey it) and of the HTTP views.

The expected grants are written out here from DESIGN §1 and docs/keputusan.md, not derived from
the code under test. Parametrised over the module registry: a new module is covered as soon as
it registers a `demo_records` hook.
"""

import re
from functools import partial

import pytest
from django.core.exceptions import PermissionDenied

from apps.accounts import permissions
from apps.core.services import buat_rekaman, klasifikasikan, ubah_rekaman
from apps.core.workflow import transition
from apps.organisasi.models import Satker
from tests import factories
from tests.conftest import MODULS, PENULIS, Matriks, modul_id, segar

KANTOR = ("18.72", "18.01", "18", "64.08")
# every office of the test tree
KANTOR_SEMUA = ("00", "18", "18.01", "18.72", "64", "64.08")
LIHAT, ISI, SETUJUI, KLAS, EKSPOR = "lihat", "isi", "setujui", "klasifikasi", "ekspor"

# persona -> office -> what it may do there
IZIN = {
    "operator_metro": {"18.72": {LIHAT, ISI}},
    "operator_lamsel": {"18.01": {LIHAT, ISI}},
    "koorsek_metro": {"18.72": {LIHAT, ISI, SETUJUI}},
    "kasek_lampung": {
        "18": {LIHAT, ISI, SETUJUI},
        "18.72": {LIHAT, SETUJUI},
        "18.01": {LIHAT, SETUJUI},
    },
    "pimpinan_lampung": {"18": {LIHAT, ISI}, "18.72": {LIHAT}, "18.01": {LIHAT}},
    "ppid_lampung": {"18": {LIHAT, KLAS}, "18.72": {LIHAT, KLAS}, "18.01": {LIHAT, KLAS}},
    "admin": {kode: {LIHAT, ISI, SETUJUI, KLAS} for kode in KANTOR_SEMUA},
    "outsider": {"64.08": {LIHAT, ISI}},
    "anonymous": {},
}
# export (no page yet): koordinator, pimpinan and admin, within their scope
EKSPOR_DI = {
    "koorsek_metro": {"18.72"},
    "kasek_lampung": {"18", "18.72", "18.01"},
    "pimpinan_lampung": {"18", "18.72", "18.01"},
    "admin": set(KANTOR_SEMUA),
}
PERSONAS = tuple(IZIN)
# The offices whose records each persona acts on: its own, another in the same province (and
# the provincial office above a kab/kota one), and one in another province. Every office is
# covered by `test_hak_setiap_kantor`, which compares whole grant sets.
KANTOR_UJI = {
    "operator_metro": ("18.72", "18.01", "18", "64.08"),
    "operator_lamsel": ("18.01", "18.72", "64.08"),
    "koorsek_metro": ("18.72", "18.01", "18", "64.08"),
    "kasek_lampung": ("18", "18.72", "64.08"),
    "pimpinan_lampung": ("18", "18.72", "64.08"),
    "ppid_lampung": ("18", "18.72", "64.08"),
    "admin": ("18.72", "18", "64.08"),
    "outsider": ("64.08", "18.72"),
    "anonymous": ("18.72",),
}
# Through HTTP, one office per kind of answer each persona can get (in scope with all its
# grants, in scope with fewer, out of scope): the views map the decisions checked above office
# by office onto 404/403/302 and buttons in the same way for every office, and the personas
# left out have exactly the kinds of operator_metro (operator_lamsel) and of kasek_lampung's
# own office (koorsek_metro); their lists and create forms are still checked.
KANTOR_HTTP = {
    "operator_metro": ("18.72", "18.01"),
    "operator_lamsel": (),
    "koorsek_metro": (),
    "kasek_lampung": ("18", "18.72", "64.08"),
    "pimpinan_lampung": ("18", "18.72", "64.08"),
    "ppid_lampung": ("18.72", "64.08"),
    "admin": ("64.08",),
    "outsider": ("64.08", "18.72"),
    "anonymous": ("18.72",),
}

# staff action -> (grant it needs, status the record is in when the action is tried)
AKSI = {
    "lihat": (LIHAT, "draft"),
    "buat": (ISI, None),
    "ubah": (ISI, "draft"),
    "ajukan": (ISI, "draft"),
    "setujui": (SETUJUI, "diajukan"),
    "kembalikan": (SETUJUI, "diajukan"),
    "buka_kembali": (SETUJUI, "disetujui"),
    "klasifikasi": (KLAS, "disetujui"),
}
# status after a workflow action succeeded
SESUDAH = {
    "ajukan": "diajukan",
    "setujui": "disetujui",
    "kembalikan": "dikembalikan",
    "buka_kembali": "draft",
}


def diizinkan(nama, kode, aksi):
    return AKSI[aksi][0] in IZIN[nama].get(kode, set())


def terlihat(nama, kode):
    return LIHAT in IZIN[nama].get(kode, set())


def isi_di_mana_pun(nama):
    return any(ISI in aksi for aksi in IZIN[nama].values())


# status of the record each action is tried on
STATUS_AWAL = ("draft", "diajukan", "disetujui")
AKSI_REKAMAN = tuple(a for a in AKSI if a not in ("lihat", "buat"))


@pytest.fixture
def rekaman_matriks(kantor, persona):
    """Per office, one record in each status an action starts from, entered by the office's
    usual author. Saved through `buat_rekaman`; the status is then set directly, since how a
    record reached it does not matter to who may act on it."""

    def _bangun(modul):
        rows = {}
        for kode in KANTOR:
            for i, status in enumerate(STATUS_AWAL):
                rek = buat_rekaman(factories.contoh(modul, kantor(kode), i), persona(PENULIS[kode]))
                modul.model.objects.filter(pk=rek.pk).update(status=status)
                rows[kode, status] = segar(rek)
        return rows

    return _bangun


def _judul_baru(modul):
    return f"Judul diubah ({modul.kode})"


# ---- through apps.accounts.permissions and the services ------------------------------------


def _cek_buat_lewat_service(modul, user, satker, boleh):
    assert permissions.boleh(user, permissions.ISI, modul.kode, satker) is boleh
    if not boleh:
        baru = factories.contoh(modul, satker, 3)
        with pytest.raises(PermissionDenied):
            buat_rekaman(baru, user)
        assert baru.pk is None


def _cek_aksi_lewat_service(modul, user, rek, aksi, boleh):
    """The permission function answers as the matrix says; where it refuses, the service
    refuses too and writes nothing. (Allowed actions are carried out through the views in
    the HTTP matrix and in the workflow tests.)"""
    if aksi == "lihat":
        assert permissions.boleh_lihat(user, rek) is boleh
        assert modul.model.objects.visible_to(user).filter(pk=rek.pk).exists() is boleh
        return
    if aksi == "ubah":
        assert permissions.boleh_ubah(user, rek) is boleh
        assert modul.model.objects.editable_by(user).filter(pk=rek.pk).exists() is boleh
        setattr(rek, modul.judul_field, _judul_baru(modul))
        jalankan = partial(ubah_rekaman, rek, user, [modul.judul_field], version=rek.version)
    elif aksi == "klasifikasi":
        assert permissions.boleh_klasifikasi(user, rek) is boleh
        jalankan = partial(klasifikasikan, rek, user, "berkala")
    else:
        assert permissions.boleh_transisi(user, rek, aksi) is boleh
        jalankan = partial(transition, rek, aksi, user, "Catatan uji matriks.")
    if not boleh:
        sebelum = segar(rek)
        with pytest.raises(PermissionDenied):
            jalankan()
        sesudah = segar(rek)
        assert not _hasil_aksi(modul, sesudah, aksi)
        assert sesudah.version == sebelum.version


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_matriks_izin_lewat_modul_permissions(modul, persona, kantor, rekaman_matriks):
    rekaman = rekaman_matriks(modul)
    matriks = Matriks()
    for nama in PERSONAS:
        user = persona(nama)
        with matriks.sel(nama=nama, aksi="menu"):
            assert (modul in permissions.modul_terlihat(user)) is bool(IZIN[nama])
        for kode in KANTOR_UJI[nama]:
            for aksi in AKSI:
                boleh = diizinkan(nama, kode, aksi)
                with matriks.sel(nama=nama, kode=kode, aksi=aksi, boleh=boleh):
                    if aksi == "buat":
                        _cek_buat_lewat_service(modul, user, kantor(kode), boleh)
                    else:
                        # a fresh copy: the services refresh the instance they are given
                        rek = segar(rekaman[kode, AKSI[aksi][1]])
                        _cek_aksi_lewat_service(modul, user, rek, aksi, boleh)
    matriks.periksa()


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_hak_setiap_kantor(modul, persona):
    """Per persona and grant, exactly the expected offices of the whole tree (Bawaslu RI and
    both provinces included): the grant sets behind every per-record answer."""
    hasil, harapan = {}, {}
    for nama in PERSONAS:
        for aksi in permissions.AKSI:
            kantor = permissions.satker_dengan(persona(nama), aksi, modul.kode)
            hasil[nama, aksi] = set(kantor.values_list("kode", flat=True)) & set(KANTOR_SEMUA)
            if aksi == EKSPOR:
                harapan[nama, aksi] = EKSPOR_DI.get(nama, set())
            else:
                harapan[nama, aksi] = {
                    kode for kode in KANTOR_SEMUA if aksi in IZIN[nama].get(kode, set())
                }
    assert hasil == harapan


# ---- through the HTTP views -----------------------------------------------------------------


def _login(client, user):
    client.logout()
    if user.is_authenticated:
        client.force_login(user)


def _url(modul, rek=None, tail=""):
    base = f"/kelola/{modul.kode}/"
    return base if rek is None else f"{base}{rek.pk}/{tail}"


def _ke_halaman_masuk(response):
    return response.status_code == 302 and response["Location"].startswith("/kelola/masuk/")


def _harapan(nama, kode, aksi, berhasil):
    """What the view must answer: the login page for the public, 404 out of scope (as for a
    missing id), 403 for a visible record and a forbidden action, else `berhasil`."""
    if nama == "anonymous":
        return "masuk"
    if not terlihat(nama, kode):
        return 404
    if not diizinkan(nama, kode, aksi):
        return 403
    return berhasil


def _jawab(response, harapan):
    if harapan == "masuk":
        return _ke_halaman_masuk(response)
    return response.status_code == harapan


def _tombol(modul, rek, aksi):
    """The markup of the control that starts `aksi` on the record's staff page."""
    if aksi == "ubah":
        return f'href="{_url(modul, rek, "ubah/")}"'
    if aksi == "klasifikasi":
        return f'action="{_url(modul, rek, "klasifikasi/")}"'
    return f'action="{_url(modul, rek, f"aksi/{aksi}/")}"'


def _kirim_aksi(client, modul, rek, aksi):
    if aksi == "ubah":
        data = factories.data_form(modul, rek, **{modul.judul_field: _judul_baru(modul)})
        return client.post(_url(modul, rek, "ubah/"), data)
    if aksi == "klasifikasi":
        return client.post(_url(modul, rek, "klasifikasi/"), {"klasifikasi": "berkala"})
    return client.post(_url(modul, rek, f"aksi/{aksi}/"), {"catatan": "Catatan uji matriks."})


def _hasil_aksi(modul, row, aksi):
    if aksi == "ubah":
        return getattr(row, modul.judul_field) == _judul_baru(modul)
    if aksi == "klasifikasi":
        return row.klasifikasi == "berkala"
    return row.status == SESUDAH[aksi]


def _cek_daftar_dan_formulir(client, modul, nama, rekaman, kantor):
    daftar = client.get(_url(modul))
    halaman_buat = client.get(_url(modul) + "baru/")
    if nama == "anonymous":
        assert _ke_halaman_masuk(daftar)
        assert _ke_halaman_masuk(halaman_buat)
        return
    assert daftar.status_code == 200
    for kode in KANTOR:
        tautan = f'href="{_url(modul, rekaman[kode, "draft"])}"'
        assert (tautan in daftar.text) is terlihat(nama, kode), kode
    assert (f'href="{_url(modul)}baru/"' in daftar.text) is isi_di_mana_pun(nama)
    if not isi_di_mana_pun(nama):
        assert halaman_buat.status_code == 403
        return
    assert halaman_buat.status_code == 200
    pilihan = _pilihan_satker(halaman_buat.text)
    for kode in KANTOR:
        assert (str(kantor(kode).pk) in pilihan) is diizinkan(nama, kode, "buat"), kode


def _pilihan_satker(html):
    """The values offered by the form's Satker select."""
    blok = re.search(r'<select name="satker"[^>]*>(.*?)</select>', html, re.S)
    assert blok, "the create form has a Satker select"
    return set(re.findall(r'<option value="([^"]*)"', blok[1]))


def _cek_buat_lewat_http(client, modul, nama, satker, boleh):
    kirim = client.post(
        _url(modul) + "baru/", factories.data_form(modul, factories.contoh(modul, satker, 3))
    )
    if nama == "anonymous":
        assert _ke_halaman_masuk(kirim)
    elif not isi_di_mana_pun(nama):
        assert kirim.status_code == 403
    elif boleh:
        assert kirim.status_code == 302, kirim.context and kirim.context["form"].errors
    else:
        # a Satker the user may not enter data for is not a valid choice of the form
        assert kirim.status_code == 200
        assert "satker" in kirim.context["form"].errors
    baru = modul.model.objects.filter(satker=satker, created_by__username=nama)
    assert baru.exists() is boleh


def _cek_halaman_rekaman(client, modul, nama, kode, rek):
    """The staff page answers per scope and shows exactly the buttons the user may press."""
    detail = client.get(_url(modul, rek))
    assert _jawab(detail, _harapan(nama, kode, "lihat", 200)), detail.status_code
    if detail.status_code != 200:
        return
    for aksi in AKSI_REKAMAN:
        if AKSI[aksi][1] == rek.status:
            boleh = diizinkan(nama, kode, aksi)
            assert (_tombol(modul, rek, aksi) in detail.text) is boleh, aksi


def _cek_aksi_lewat_http(client, modul, nama, kode, rek, aksi):
    boleh = diizinkan(nama, kode, aksi)
    sebelum = segar(rek)
    if aksi == "ubah" and boleh:
        assert client.get(_url(modul, rek, "ubah/")).status_code == 200
    kirim = _kirim_aksi(client, modul, rek, aksi)
    assert _jawab(kirim, _harapan(nama, kode, aksi, 302)), kirim.status_code
    sesudah = segar(rek)
    assert _hasil_aksi(modul, sesudah, aksi) is boleh
    if not boleh:
        assert sesudah.version == sebelum.version
        assert (sesudah.status, sesudah.klasifikasi) == (sebelum.status, sebelum.klasifikasi)


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_matriks_izin_lewat_http(modul, client, persona, kantor, rekaman_matriks):
    """Out of scope answers 404 (like a missing id); in scope but forbidden answers 403;
    allowed works; a button is shown exactly to those who may press it."""
    rekaman = rekaman_matriks(modul)
    matriks = Matriks()
    for nama in PERSONAS:
        _login(client, persona(nama))
        with matriks.sel(nama=nama, aksi="daftar dan formulir baru"):
            _cek_daftar_dan_formulir(client, modul, nama, rekaman, kantor)
        for kode in KANTOR_HTTP[nama]:
            boleh = diizinkan(nama, kode, "buat")
            with matriks.sel(nama=nama, kode=kode, aksi="buat", boleh=boleh):
                _cek_buat_lewat_http(client, modul, nama, kantor(kode), boleh)
            for status in STATUS_AWAL:
                with matriks.sel(nama=nama, kode=kode, aksi=f"halaman {status}"):
                    _cek_halaman_rekaman(client, modul, nama, kode, rekaman[kode, status])
            for aksi in AKSI_REKAMAN:
                rek = rekaman[kode, AKSI[aksi][1]]
                boleh = diizinkan(nama, kode, aksi)
                with matriks.sel(nama=nama, kode=kode, aksi=aksi, boleh=boleh):
                    _cek_aksi_lewat_http(client, modul, nama, kode, rek, aksi)
    matriks.periksa()


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_id_yang_tidak_ada_sama_dengan_di_luar_lingkup(modul, client, operator_metro, buat):
    """Missing and forbidden answer alike, so ids do not leak."""
    di_luar = buat(modul, "64.08")
    hilang = di_luar.pk + 10_000
    client.force_login(operator_metro)
    for pk in (di_luar.pk, hilang):
        for tail, metode in [
            ("", "get"),
            ("ubah/", "get"),
            ("ubah/", "post"),
            ("aksi/ajukan/", "post"),
            ("klasifikasi/", "post"),
        ]:
            response = getattr(client, metode)(f"/kelola/{modul.kode}/{pk}/{tail}")
            assert response.status_code == 404, (pk, tail, metode)


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_aksi_tidak_dikenal_ditolak(modul, client, admin, buat):
    rek = buat(modul, "18.72")
    client.force_login(admin)
    response = client.post(f"/kelola/{modul.kode}/{rek.pk}/aksi/hapus/")
    assert response.status_code == 403
    assert segar(rek).status == "draft"


def test_modul_yang_tidak_terdaftar_404(client, admin):
    client.force_login(admin)
    assert client.get("/kelola/tidak-ada/").status_code == 404
    assert client.get("/data/tidak-ada/").status_code == 404


# ---- the author rule ------------------------------------------------------------------------


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_koordinator_tidak_menyetujui_rekaman_buatannya_sendiri(
    modul, client, koorsek_metro, kasek_lampung, buat
):
    rek = buat(modul, "18.72", "diajukan", oleh=koorsek_metro)
    assert permissions.boleh_transisi(koorsek_metro, rek, "setujui") is False
    # returning it for correction is not approving: still allowed
    assert permissions.boleh_transisi(koorsek_metro, rek, "kembalikan") is True
    with pytest.raises(PermissionDenied):
        transition(rek, "setujui", koorsek_metro)
    client.force_login(koorsek_metro)
    url = f"/kelola/{modul.kode}/{rek.pk}/aksi/setujui/"
    assert f'action="{url}"' not in client.get(f"/kelola/{modul.kode}/{rek.pk}/").text
    assert client.post(url).status_code == 403
    assert segar(rek).status == "diajukan"
    # another koordinator in scope may
    transition(rek, "setujui", kasek_lampung)
    assert segar(rek).status == "disetujui"


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_kantor_satu_orang_boleh_menyetujui_buatannya_sendiri(modul, client, kantor, buat):
    kaltim = kantor("64")
    sendiri = factories.PenugasanFactory(
        user__username="koordinator_kaltim", peran="koordinator", satker=kaltim
    ).user
    assert permissions.satu_orang(kaltim)
    rek = factories.rekaman(modul, kaltim, "diajukan", oleh=sendiri, peninjau=sendiri, ppid=sendiri)
    client.force_login(sendiri)
    url = f"/kelola/{modul.kode}/{rek.pk}/aksi/setujui/"
    assert f'action="{url}"' in client.get(f"/kelola/{modul.kode}/{rek.pk}/").text

    # a second person joins the office: the author may no longer approve
    factories.PenugasanFactory(user__username="operator_kaltim", satker=kaltim)
    assert not permissions.satu_orang(kaltim)
    assert permissions.boleh_transisi(sendiri, rek, "setujui") is False
    assert client.post(url).status_code == 403

    # the second person's assignment is deactivated: alone again
    kaltim.penugasan.filter(user__username="operator_kaltim").update(aktif=False)
    assert permissions.satu_orang(kaltim)
    assert client.post(url).status_code == 302
    assert segar(rek).status == "disetujui"
    assert segar(rek).disetujui_oleh == sendiri


# ---- assignments limited to modules; deactivation and deletion ------------------------------


def _modul_lain(kode):
    """A module code other than `kode`: another registered module, or a planned one."""
    lain = [m.kode for m in MODULS if m.kode != kode]
    rencana = ["dpt", "kampanye", "pencegahan", "pelanggaran", "sengketa", "anggaran", "mou"]
    return (lain or [k for k in rencana if k != kode])[0]


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_penugasan_terbatas_modul(modul, client, kantor, buat):
    metro = kantor("18.72")
    rek = buat(modul, "18.72")
    khusus = factories.PenugasanFactory(
        user__username="operator_khusus", satker=metro, modul=[modul.kode]
    ).user
    lain = factories.PenugasanFactory(
        user__username="operator_lain", satker=metro, modul=[_modul_lain(modul.kode)]
    ).user

    assert permissions.boleh(khusus, permissions.ISI, modul.kode, metro)
    assert permissions.boleh_lihat(khusus, rek)
    for aksi in permissions.AKSI:
        assert not permissions.boleh(lain, aksi, modul.kode, metro), aksi
    assert not modul.model.objects.visible_to(lain).exists()
    assert modul not in permissions.modul_terlihat(lain)
    assert modul in permissions.modul_terlihat(khusus)

    client.force_login(lain)
    assert client.get(f"/kelola/{modul.kode}/").status_code == 403
    assert client.get(f"/kelola/{modul.kode}/baru/").status_code == 403
    assert client.get(f"/kelola/{modul.kode}/{rek.pk}/").status_code == 404
    client.force_login(khusus)
    assert client.get(f"/kelola/{modul.kode}/{rek.pk}/").status_code == 200


def test_penugasan_dengan_modul_tidak_dikenal_ditolak_clean(kantor, operator_metro):
    from django.core.exceptions import ValidationError

    from apps.accounts.models import Penugasan

    tugas = Penugasan(user=operator_metro, peran="pimpinan", satker=kantor("18"), modul=["xyz"])
    with pytest.raises(ValidationError) as e:
        tugas.full_clean()
    assert "Modul tidak dikenal: xyz." in e.value.message_dict["modul"]


def _jumlah_izin(user):
    from apps.accounts.models import IzinSatker

    return IzinSatker.objects.filter(user=user).count()


@pytest.mark.parametrize("simpan", ["penuh", "update_fields"])
def test_menonaktifkan_pengguna_mencabut_izin(simpan, operator_metro, kantor, client):
    metro = kantor("18.72")
    assert _jumlah_izin(operator_metro) > 0
    operator_metro.is_active = False
    if simpan == "penuh":
        operator_metro.save()
    else:
        operator_metro.save(update_fields=["is_active"])
    assert _jumlah_izin(operator_metro) == 0
    for modul in MODULS:
        assert not permissions.boleh(operator_metro, permissions.ISI, modul.kode, metro)
    client.force_login(operator_metro)
    assert client.get("/kelola/").status_code == 302  # an inactive user is not logged in

    operator_metro.is_active = True
    operator_metro.save(update_fields=["is_active"])
    assert _jumlah_izin(operator_metro) > 0
    assert permissions.boleh(operator_metro, permissions.ISI, MODULS[0].kode, metro)


def test_masuk_tidak_menyentuh_izin(operator_metro):
    from apps.accounts.models import IzinSatker

    sebelum = set(IzinSatker.objects.filter(user=operator_metro).values_list("pk", flat=True))
    operator_metro.save(update_fields=["last_login"])
    sesudah = set(IzinSatker.objects.filter(user=operator_metro).values_list("pk", flat=True))
    assert sebelum == sesudah


def _izin(user):
    from apps.accounts.models import IzinSatker

    return set(
        IzinSatker.objects.filter(user=user).values_list("permission_id", "content_object_id")
    )


def test_sinkron_izin_ulang_tidak_menulis_apa_pun(kasek_lampung):
    """An unchanged assignment synced again (seed_demo on every `make run`) writes nothing."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sebelum = _izin(kasek_lampung)
    with CaptureQueriesContext(connection) as kueri:
        jumlah = permissions.sinkron_izin(kasek_lampung)
    tulis = [q["sql"] for q in kueri if q["sql"].lstrip().upper().startswith(("INSERT", "DELETE"))]
    assert tulis == []
    assert jumlah == len(sebelum)
    assert _izin(kasek_lampung) == sebelum


def test_sinkron_izin_hanya_menulis_selisih(kasek_lampung, kantor):
    """Narrowing an assignment to one module drops exactly the other modules' grants; widening
    it again restores exactly the grants held before."""
    from django.contrib.auth.models import Permission

    penuh = _izin(kasek_lampung)
    tugas = kasek_lampung.penugasan.get()
    tugas.modul = [MODULS[0].kode]
    tugas.save()  # the signal syncs
    sempit = _izin(kasek_lampung)
    kodename = dict(Permission.objects.values_list("pk", "codename"))
    assert sempit < penuh
    assert {kodename[p].rsplit("_", 1)[1] for p, _ in sempit} == {MODULS[0].kode}
    assert {k for k in penuh if kodename[k[0]].endswith("_" + MODULS[0].kode)} == sempit
    tugas.modul = []
    tugas.save()
    assert _izin(kasek_lampung) == penuh


def test_menghapus_penugasan_mencabut_izin(kasek_lampung, kantor):
    for modul in MODULS:
        assert permissions.boleh(kasek_lampung, permissions.SETUJUI, modul.kode, kantor("18.72"))
    kasek_lampung.penugasan.get().delete()
    assert _jumlah_izin(kasek_lampung) == 0
    for modul in MODULS:
        for kode in KANTOR:
            assert not permissions.boleh(kasek_lampung, permissions.LIHAT, modul.kode, kantor(kode))


def test_penugasan_nonaktif_mencabut_izin(ppid_lampung, kantor):
    tugas = ppid_lampung.penugasan.get()
    tugas.aktif = False
    tugas.save()
    assert _jumlah_izin(ppid_lampung) == 0
    assert not permissions.boleh(
        ppid_lampung, permissions.KLASIFIKASI, MODULS[0].kode, kantor("18.72")
    )


def test_perubahan_penugasan_dicatat_di_audit(operator_lamsel, kantor):
    from apps.audit.models import CatatanAudit

    tugas = factories.PenugasanFactory(user=operator_lamsel, peran="pimpinan", satker=kantor("18"))
    pk = tugas.pk
    tugas.delete()
    aksi = list(
        CatatanAudit.objects.filter(objek_tipe="accounts.penugasan", objek_id=str(pk))
        .order_by("id")
        .values_list("aksi", flat=True)
    )
    assert aksi == ["penugasan_disimpan", "penugasan_dihapus"]


def test_kantor_baru_masuk_lingkup_peran_di_atasnya(kasek_lampung, ppid_lampung, admin):
    """A kab/kota office created after the assignments (a new regency) falls into the scope of
    the provincial roles above it at once (DESIGN §1: "every kab/kota Satker under it")."""
    import io

    from django.core.management import call_command

    from apps.organisasi.models import Satker
    from apps.wilayah.models import Wilayah

    Wilayah.objects.create(
        kode="18.71", nama="Kota Bandar Lampung", tingkat="kabkota", induk_id="18"
    )
    call_command("load_satker", stdout=io.StringIO())
    baru = Satker.objects.get(kode="18.71")
    for modul in MODULS:
        assert permissions.boleh(kasek_lampung, permissions.SETUJUI, modul.kode, baru)
        assert permissions.boleh(ppid_lampung, permissions.KLASIFIKASI, modul.kode, baru)
        assert not permissions.boleh(kasek_lampung, permissions.ISI, modul.kode, baru)


@pytest.mark.parametrize(
    "nama", ["operator_metro", "koorsek_metro", "kasek_lampung", "ppid_lampung", "outsider"]
)
def test_jawaban_sama_dengan_guardian(nama, persona):
    """The permission module reads guardian's grant table directly; guardian's own API must
    give exactly the same offices for every action and module."""
    from guardian.shortcuts import get_objects_for_user

    user = persona(nama)
    for modul in MODULS:
        for aksi in permissions.AKSI:
            kita = set(
                permissions.satker_dengan(user, aksi, modul.kode).values_list("pk", flat=True)
            )
            guardian = set(
                get_objects_for_user(
                    user,
                    f"organisasi.{permissions.codename(aksi, modul.kode)}",
                    klass=Satker,
                    accept_global_perms=False,
                ).values_list("pk", flat=True)
            )
            assert kita == guardian, (nama, aksi, modul.kode)
            assert all(
                user.has_perm(f"organisasi.{aksi}_{modul.kode}", s)
                for s in Satker.objects.filter(pk__in=kita)
            )
