"""The audit log is append-only in the database itself (migration audit 0002), and records
logins, failed logins and logouts."""

import pytest
from django.db import DatabaseError, connection, transaction

from apps.audit.models import CatatanAudit
from apps.audit.services import catat


@pytest.fixture
def catatan(db, admin):
    return catat(admin, "uji", objek=admin, satker=None, keterangan="asli")


def test_catatan_tersimpan(catatan, admin):
    row = CatatanAudit.objects.get(pk=catatan.pk)
    assert (row.aktor, row.aksi, row.objek_tipe, row.objek_id) == (
        admin,
        "uji",
        "accounts.user",
        str(admin.pk),
    )
    assert row.data == {"keterangan": "asli"}


@pytest.mark.parametrize(
    "ubah",
    [
        pytest.param(lambda c: CatatanAudit.objects.filter(pk=c.pk).update(aksi="x"), id="update"),
        pytest.param(lambda c: CatatanAudit.objects.filter(pk=c.pk).delete(), id="delete"),
        pytest.param(lambda c: c.delete(), id="instance-delete"),
        pytest.param(
            lambda c: (setattr(c, "data", {"keterangan": "palsu"}), c.save()), id="instance-save"
        ),
    ],
)
def test_basis_data_menolak_perubahan_dan_penghapusan(catatan, ubah):
    with (
        pytest.raises(DatabaseError, match="catatan audit tidak dapat diubah atau dihapus"),
        transaction.atomic(),
    ):
        ubah(catatan)
    row = CatatanAudit.objects.get(pk=catatan.pk)
    assert (row.aksi, row.data) == ("uji", {"keterangan": "asli"})


@pytest.mark.parametrize(
    "sql",
    ["UPDATE audit_catatanaudit SET aksi = 'x'", "DELETE FROM audit_catatanaudit"],
)
def test_sql_mentah_juga_ditolak(catatan, sql):
    sebelum = CatatanAudit.objects.count()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert CatatanAudit.objects.count() == sebelum
    assert CatatanAudit.objects.get(pk=catatan.pk).aksi == "uji"


def test_masuk_gagal_masuk_dan_keluar_dicatat(client, operator_metro):
    operator_metro.set_password("kata-sandi-uji-123")
    operator_metro.save()
    assert not client.login(username="operator_metro", password="salah")
    gagal = CatatanAudit.objects.filter(aksi="gagal_masuk").first()
    assert gagal.aktor is None
    assert gagal.data["username"] == "operator_metro"
    assert "password" not in gagal.data

    response = client.post(
        "/kelola/masuk/", {"username": "operator_metro", "password": "kata-sandi-uji-123"}
    )
    assert response.status_code == 302
    masuk = CatatanAudit.objects.filter(aksi="masuk").first()
    assert masuk.aktor == operator_metro

    client.post("/kelola/keluar/")
    assert CatatanAudit.objects.filter(aksi="keluar", aktor=operator_metro).exists()


def test_login_gagal_berbahasa_indonesia(client, operator_metro):
    response = client.post("/kelola/masuk/", {"username": "operator_metro", "password": "salah"})
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah." in response.text
