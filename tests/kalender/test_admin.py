import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_daftar_hari_libur_disaring_per_tahun_dan_jenis(client, admin):
    client.force_login(admin)
    url = reverse("admin:kalender_harilibur_changelist")
    jawaban = client.get(url, {"tahun": "2026", "jenis": "cuti_bersama"})
    assert jawaban.status_code == 200
    assert jawaban.context["cl"].result_count == 8
    assert client.get(url, {"q": "Idulfitri 1445"}).context["cl"].result_count == 6


def test_batas_waktu_dapat_diubah_admin(client, admin):
    client.force_login(admin)
    assert client.get(reverse("admin:kalender_bataswaktu_changelist")).status_code == 200
