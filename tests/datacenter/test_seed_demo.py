"""`seed_demo`: demo users for every role and records in every status and classification;
running it twice changes nothing."""

import io

import pytest
from django.core.management import CommandError, call_command

from apps.accounts import demo as akun_demo
from apps.accounts.models import Penugasan, User
from apps.audit.models import CatatanAudit
from apps.core import demo
from apps.core.models import Pemilihan, Riwayat
from apps.organisasi.models import Satker
from tests.conftest import MODULS, PERSONA


def _hitung():
    jumlah = {
        "user": User.objects.count(),
        "penugasan": Penugasan.objects.count(),
        "pemilihan": Pemilihan.objects.count(),
        "riwayat": Riwayat.objects.count(),
    }
    for modul in MODULS:
        jumlah[modul.kode] = modul.model.objects.count()
        for status, klas in set(demo.SKENARIO):
            jumlah[modul.kode, status, klas] = modul.model.objects.filter(
                status=status, klasifikasi=klas
            ).count()
    return jumlah


def _seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_idempoten_dan_lengkap(db):
    pertama = _seed()
    setelah_pertama = _hitung()
    kedua = _seed()
    assert _hitung() == setelah_pertama
    assert "Data demo: 0 rekaman baru." in kedua
    assert "Data demo: 0 rekaman baru." not in pertama
    assert akun_demo.PASSWORD in pertama

    for modul in MODULS:
        if modul.demo_records is None:
            continue
        for status, klas in demo.SKENARIO:
            # two demo offices (Kota Metro, Lampung Selatan), one record per scenario each
            assert setelah_pertama[modul.kode, status, klas] >= 2, (modul.kode, status, klas)
        assert modul.model.objects.public().filter(satker__kode="18.72").exists()
    for username, _nama, peran, kode, superuser in akun_demo.PERSONAS:
        user = User.objects.get(username=username)
        assert user.penugasan.filter(peran=peran, satker__kode=kode).exists()
        if username not in PERSONA:  # an existing user keeps its password
            assert user.is_superuser is superuser
            assert user.check_password(akun_demo.PASSWORD)


def test_seed_demo_tanpa_satker_berhenti_dengan_pesan(db):
    Penugasan.objects.filter(satker__kode="64.08").delete()
    Satker.objects.filter(kode="64.08").delete()
    sebelum = CatatanAudit.objects.count()
    with pytest.raises(CommandError, match=r"Satker belum dimuat \(64\.08\)"):
        call_command("seed_demo", stdout=io.StringIO())
    assert not User.objects.filter(username="operator.metro").exists()
    assert CatatanAudit.objects.count() == sebelum
