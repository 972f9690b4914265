"""The one workflow (DESIGN §3): the transition map, its history and audit rows, the notes it
requires, and the PPID classification that follows approval.

Table-driven: per module, one record per status is built through the real services, and each
case runs on it in a savepoint that is rolled back (`Matriks`), so every case starts from the
same state and a failing run names every failing case.
"""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.forms.models import model_to_dict
from django.utils import timezone

from apps.audit.models import CatatanAudit
from apps.core.models import Riwayat, Status
from apps.core.services import buat_rekaman, klasifikasikan
from apps.core.workflow import TRANSISI, Aksi, TransisiTidakSah, transition
from tests import factories
from tests.conftest import MODULS, Matriks, modul_id, segar

# DESIGN §3, written out: action -> (states it starts from, state it leads to)
PETA = {
    "ajukan": ({"draft", "dikembalikan"}, "diajukan"),
    "setujui": ({"diajukan"}, "disetujui"),
    "kembalikan": ({"diajukan"}, "dikembalikan"),
    "buka_kembali": ({"disetujui"}, "draft"),
}
STATUS = ("draft", "diajukan", "dikembalikan", "disetujui")
SAH = [(aksi, asal) for aksi, (asals, _ke) in PETA.items() for asal in sorted(asals)]
TIDAK_SAH = [(aksi, asal) for aksi in PETA for asal in STATUS if asal not in PETA[aksi][0]]
# who performs each action on a Kota Metro record entered by operator_metro
PELAKU = {
    "ajukan": "operator_metro",
    "setujui": "koorsek_metro",
    "kembalikan": "koorsek_metro",
    "buka_kembali": "koorsek_metro",
}
KLAS_PUBLIK = ("berkala", "serta_merta", "setiap_saat")


def test_peta_transisi_sesuai_desain():
    assert {str(a): ({str(s) for s in asal}, str(ke)) for a, (asal, ke) in TRANSISI.items()} == (
        PETA
    )
    assert set(STATUS) == set(Status.values)
    assert len(SAH) == 5
    assert len(TIDAK_SAH) == 11


@pytest.fixture
def per_status(operator_metro, admin, kantor):
    """One Kota Metro record in each status, entered by operator_metro. Saved through
    `buat_rekaman`; the status is then set directly (what a transition may do depends on the
    status only; walking each record there would triple the cost of these tests)."""

    def _bangun(modul):
        rows = {}
        for i, status in enumerate(STATUS):
            rek = buat_rekaman(factories.contoh(modul, kantor("18.72"), i), operator_metro)
            disetujui = {"disetujui_oleh": admin} if status == "disetujui" else {}
            modul.model.objects.filter(pk=rek.pk).update(status=status, **disetujui)
            rows[status] = segar(rek)
        return rows

    return _bangun


def _riwayat(rek):
    return Riwayat.objects.filter(
        content_type=ContentType.objects.get_for_model(type(rek)), object_id=rek.pk
    )


def _audit(rek):
    return CatatanAudit.objects.filter(objek_tipe=rek._meta.label_lower, objek_id=str(rek.pk))


def _potret(rek):
    """Everything about the record that a refused action must leave as it was."""
    row = segar(rek)
    return (
        model_to_dict(row)
        | {"updated_at": row.updated_at, "version": row.version}
        | {"riwayat": _riwayat(rek).count(), "audit": _audit(rek).count()}
    )


def _cek_transisi_sah(rek, aksi, asal, pelaku):
    versi, riwayat, audit = segar(rek).version, _riwayat(rek).count(), _audit(rek).count()
    transition(rek, aksi, pelaku, "Catatan uji transisi.")
    row = segar(rek)
    ke = PETA[aksi][1]
    assert row.status == ke
    assert rek.status == ke  # refreshed in place
    assert row.version == versi + 1
    assert row.updated_by == pelaku
    assert _riwayat(rek).count() == riwayat + 1
    h = _riwayat(rek).last()
    assert (h.aksi, h.dari, h.ke, h.oleh, h.catatan) == (
        aksi,
        asal,
        ke,
        pelaku,
        "Catatan uji transisi.",
    )
    assert _audit(rek).count() == audit + 1
    a = _audit(rek).first()
    assert (a.aksi, a.aktor, a.satker_id) == (f"transisi_{aksi}", pelaku, rek.satker_id)
    assert (a.data["dari"], a.data["ke"]) == (asal, ke)
    if aksi == "ajukan":
        assert row.diajukan_pada is not None
    if aksi == "setujui":
        assert (row.disetujui_oleh, row.disetujui_pada is not None) == (pelaku, True)
    if aksi == "buka_kembali":
        assert (row.disetujui_oleh, row.disetujui_pada) == (None, None)


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_transisi_sah(modul, per_status, persona):
    """Every legal transition works and writes one history row and one audit row."""
    rekaman = per_status(modul)
    matriks = Matriks()
    for aksi, asal in SAH:
        with matriks.sel(aksi=aksi, asal=asal):
            _cek_transisi_sah(segar(rekaman[asal]), aksi, asal, persona(PELAKU[aksi]))
    matriks.periksa()


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_transisi_tidak_sah_ditolak_tanpa_perubahan(modul, per_status, admin):
    """Every illegal (action, state) pair raises TransisiTidakSah and changes nothing, even
    for the admin, who may do everything the map allows."""
    rekaman = per_status(modul)
    matriks = Matriks()
    for aksi, asal in TIDAK_SAH:
        with matriks.sel(aksi=aksi, asal=asal):
            rek = segar(rekaman[asal])
            potret = _potret(rek)
            with pytest.raises(TransisiTidakSah) as e:
                transition(rek, aksi, admin, "Catatan uji transisi.")
            assert "tidak dapat dilakukan pada rekaman berstatus" in e.value.messages[0]
            assert _potret(rek) == potret
    for asal in STATUS:
        with matriks.sel(aksi="hapus", asal=asal):
            rek = segar(rekaman[asal])
            potret = _potret(rek)
            with pytest.raises(TransisiTidakSah) as e:
                transition(rek, "hapus", admin)
            assert e.value.messages == ["Aksi tidak dikenal: hapus."]
            assert _potret(rek) == potret
    matriks.periksa()


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_kembalikan_dan_buka_kembali_wajib_catatan(modul, per_status, koorsek_metro, client):
    rekaman = per_status(modul)
    matriks = Matriks()
    for aksi, asal in [("kembalikan", "diajukan"), ("buka_kembali", "disetujui")]:
        for catatan in ("", "   \n "):
            with matriks.sel(aksi=aksi, catatan=catatan):
                rek = segar(rekaman[asal])
                potret = _potret(rek)
                with pytest.raises(ValidationError) as e:
                    transition(rek, aksi, koorsek_metro, catatan)
                assert "Catatan wajib diisi" in e.value.message_dict["catatan"][0]
                assert _potret(rek) == potret
    with matriks.sel(aksi="kembalikan lewat halaman"):
        rek = rekaman["diajukan"]
        client.force_login(koorsek_metro)
        response = client.post(
            f"/kelola/{modul.kode}/{rek.pk}/aksi/kembalikan/", {"catatan": ""}, follow=True
        )
        assert "Catatan wajib diisi untuk aksi “Kembalikan”." in response.text
        assert segar(rek).status == "diajukan"
    matriks.periksa()


def _cek_buka_kembali(client, modul, rek, klas, ppid, koordinator):
    klasifikasikan(
        rek,
        ppid,
        klas,
        alasan="Memuat data pribadi.",
        dasar_hukum="UU 14/2008 Pasal 17 huruf h",
        sampai=dt.date(2035, 12, 31),
    )
    publik = klas != "dikecualikan"
    assert modul.model.objects.public().filter(pk=rek.pk).exists() is publik
    assert client.get(f"/data/{modul.kode}/{rek.pk}/").status_code == (200 if publik else 404)

    transition(rek, "buka_kembali", koordinator, "Ada kesalahan jumlah peserta.")

    row = segar(rek)
    assert (row.status, row.klasifikasi) == ("draft", "belum")
    assert (row.alasan_pengecualian, row.dasar_hukum_pengecualian) == ("", "")
    assert row.dikecualikan_sampai is None
    assert row.diklasifikasi_oleh is None
    assert not modul.model.objects.public().filter(pk=rek.pk).exists()
    assert client.get(f"/data/{modul.kode}/{rek.pk}/").status_code == 404
    assert f"/data/{modul.kode}/{rek.pk}/" not in client.get(f"/data/{modul.kode}/").text


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_buka_kembali_mengosongkan_klasifikasi(
    modul, per_status, ppid_lampung, koorsek_metro, client
):
    """Reopening resets the classification to `belum`: the record leaves the public portal
    at once, whatever it was classified as."""
    rek = per_status(modul)["disetujui"]
    matriks = Matriks()
    for klas in (*KLAS_PUBLIK, "dikecualikan"):
        with matriks.sel(klas=klas):
            _cek_buka_kembali(client, modul, segar(rek), klas, ppid_lampung, koorsek_metro)
    matriks.periksa()


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_kembali_ke_publik_hanya_setelah_disetujui_dan_diklasifikasi_ulang(
    modul, buat, operator_metro, koorsek_metro, ppid_lampung
):
    rek = buat(modul, "18.72", "disetujui", "berkala")
    transition(rek, "buka_kembali", koorsek_metro, "Perbaiki ringkasan.")
    transition(rek, "ajukan", operator_metro)
    transition(rek, "setujui", koorsek_metro)
    assert not modul.model.objects.public().filter(pk=rek.pk).exists()
    klasifikasikan(rek, ppid_lampung, "berkala")
    assert modul.model.objects.public().filter(pk=rek.pk).exists()


# ---- classification -------------------------------------------------------------------------


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_klasifikasi_hanya_untuk_rekaman_disetujui(modul, per_status, ppid_lampung, client):
    rekaman = per_status(modul)
    client.force_login(ppid_lampung)
    pesan = "Hanya rekaman yang sudah disetujui yang dapat diklasifikasi."
    matriks = Matriks()
    for status in ("draft", "diajukan", "dikembalikan"):
        with matriks.sel(status=status):
            rek = segar(rekaman[status])
            potret = _potret(rek)
            with pytest.raises(ValidationError) as e:
                klasifikasikan(rek, ppid_lampung, "berkala")
            assert e.value.messages == [pesan]
            assert _potret(rek) == potret

            url = f"/kelola/{modul.kode}/{rek.pk}/klasifikasi/"
            assert f'action="{url}"' not in client.get(f"/kelola/{modul.kode}/{rek.pk}/").text
            assert pesan in client.post(url, {"klasifikasi": "berkala"}, follow=True).text
            assert _potret(rek) == potret
    matriks.periksa()


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_klasifikasi_publik(modul, per_status, ppid_lampung):
    rekaman = per_status(modul)
    matriks = Matriks()
    for klas in KLAS_PUBLIK:
        with matriks.sel(klas=klas):
            rek = segar(rekaman["disetujui"])
            riwayat, audit = _riwayat(rek).count(), _audit(rek).count()
            klasifikasikan(rek, ppid_lampung, klas, alasan="diabaikan", dasar_hukum="diabaikan")
            row = segar(rek)
            assert row.klasifikasi == klas
            assert (row.alasan_pengecualian, row.dasar_hukum_pengecualian) == ("", "")
            assert row.diklasifikasi_oleh == ppid_lampung
            assert modul.model.objects.public().filter(pk=rek.pk).exists()
            assert _riwayat(rek).count() == riwayat + 1
            assert _riwayat(rek).last().aksi == "klasifikasi"
            assert _audit(rek).count() == audit + 1
            assert _audit(rek).first().aksi == "klasifikasi"
    for klas, pesan in [
        ("belum", "Pilih salah satu kategori informasi."),
        ("rahasia", "Klasifikasi tidak dikenal: rahasia."),
    ]:
        with matriks.sel(klas=klas):
            rek = segar(rekaman["disetujui"])
            with pytest.raises(ValidationError) as e:
                klasifikasikan(rek, ppid_lampung, klas)
            assert e.value.message_dict["klasifikasi"] == [pesan]
            assert segar(rek).klasifikasi == "belum"
    matriks.periksa()


LENGKAP = {"alasan": "Memuat data pribadi.", "dasar_hukum": "UU 14/2008 Pasal 17 huruf h"}


def _pengecualian_tidak_lengkap():
    """What is missing -> the field the refusal names and its Indonesian message (dates
    computed when the test runs, not when it is imported)."""
    hari_ini = timezone.localdate()
    besok, kemarin = hari_ini + dt.timedelta(days=1), hari_ini - dt.timedelta(days=1)
    return [
        (
            LENGKAP | {"alasan": "", "sampai": besok},
            "alasan_pengecualian",
            "Uji konsekuensi wajib diisi untuk informasi yang dikecualikan.",
        ),
        (
            LENGKAP | {"alasan": "  ", "sampai": besok},
            "alasan_pengecualian",
            "Uji konsekuensi wajib diisi untuk informasi yang dikecualikan.",
        ),
        (
            LENGKAP | {"dasar_hukum": "", "sampai": besok},
            "dasar_hukum_pengecualian",
            "Dasar hukum wajib diisi, mis. “UU 14/2008 Pasal 17 huruf h”.",
        ),
        (
            LENGKAP | {"sampai": None},
            "dikecualikan_sampai",
            "Tanggal akhir pengecualian wajib diisi.",
        ),
        (
            LENGKAP | {"sampai": hari_ini},
            "dikecualikan_sampai",
            f"Tanggal akhir pengecualian ({hari_ini:%d-%m-%Y}) harus sesudah hari ini.",
        ),
        (
            LENGKAP | {"sampai": kemarin},
            "dikecualikan_sampai",
            f"Tanggal akhir pengecualian ({kemarin:%d-%m-%Y}) harus sesudah hari ini.",
        ),
    ]


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_dikecualikan_wajib_lengkap(modul, per_status, ppid_lampung, client):
    """`dikecualikan` needs the consequence test, the legal basis and a future end date; each
    missing one is refused with a message naming it, and nothing changes."""
    rek = per_status(modul)["disetujui"]
    matriks = Matriks()
    for isian, field, pesan in _pengecualian_tidak_lengkap():
        with matriks.sel(field=field, isian=isian):
            potret = _potret(rek)
            with pytest.raises(ValidationError) as e:
                klasifikasikan(segar(rek), ppid_lampung, "dikecualikan", **isian)
            assert e.value.message_dict == {field: [pesan]}
            assert _potret(rek) == potret
    with matriks.sel(isian="kosong semua, lewat halaman"):
        client.force_login(ppid_lampung)
        response = client.post(
            f"/kelola/{modul.kode}/{rek.pk}/klasifikasi/",
            {"klasifikasi": "dikecualikan"},
            follow=True,
        )
        for pesan in (
            "Uji konsekuensi wajib diisi untuk informasi yang dikecualikan.",
            "Dasar hukum wajib diisi, mis. “UU 14/2008 Pasal 17 huruf h”.",
            "Tanggal akhir pengecualian wajib diisi.",
        ):
            assert pesan in response.text
        assert segar(rek).klasifikasi == "belum"
    with matriks.sel(isian="lengkap, lewat halaman"):
        besok = timezone.localdate() + dt.timedelta(days=1)
        client.force_login(ppid_lampung)
        response = client.post(
            f"/kelola/{modul.kode}/{rek.pk}/klasifikasi/",
            {
                "klasifikasi": "dikecualikan",
                "alasan_pengecualian": " Memuat data pribadi peserta. ",
                "dasar_hukum_pengecualian": "UU 14/2008 Pasal 17 huruf h",
                "dikecualikan_sampai": besok.isoformat(),
            },
        )
        assert response.status_code == 302
        row = segar(rek)
        assert row.klasifikasi == "dikecualikan"
        assert row.alasan_pengecualian == "Memuat data pribadi peserta."
        assert row.dasar_hukum_pengecualian == "UU 14/2008 Pasal 17 huruf h"
        assert row.dikecualikan_sampai == besok
        assert not modul.model.objects.public().filter(pk=rek.pk).exists()
    matriks.periksa()


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_basis_data_menolak_klasifikasi_sebelum_disetujui(modul, per_status):
    """The rules hold even for writes that bypass the services (CheckConstraint)."""
    rek = per_status(modul)["diajukan"]
    with pytest.raises(IntegrityError), transaction.atomic():
        modul.model.objects.filter(pk=rek.pk).update(klasifikasi="berkala")
    with pytest.raises(IntegrityError), transaction.atomic():
        modul.model.objects.filter(pk=rek.pk).update(status="disetujui", klasifikasi="dikecualikan")


def test_izin_setiap_aksi_ada_dan_tanpa_lingkaran_impor():
    """The permission module names the grant of every workflow action by its code, and does
    not import the workflow (which imports the records, which ask the permission module)."""
    import ast
    from pathlib import Path

    from apps.accounts import permissions

    assert set(permissions.IZIN_AKSI) == set(Aksi.values)
    pohon = ast.parse(Path(permissions.__file__).read_text())
    diimpor = {n.module for n in ast.walk(pohon) if isinstance(n, ast.ImportFrom) and n.module} | {
        a.name for n in ast.walk(pohon) if isinstance(n, ast.Import) for a in n.names
    }
    assert not {m for m in diimpor if m.startswith("apps.core.workflow")}
