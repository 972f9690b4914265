"""The public read model (`apps.core.publik`) describes exactly the registry's public fields and
public child rows, with the kind every outlet writes them by."""

from decimal import Decimal

import pytest
from django.urls import reverse

from apps.core import publik, registry
from apps.core.models import KLASIFIKASI_PUBLIK, Klasifikasi
from apps.core.publik import Jenis
from tests.conftest import MODULS, modul_id


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_kolom_tepat_field_publik(modul):
    baca = publik.baca(modul)
    assert [k.nama for k in baca.kolom] == list(modul.semua_public_fields)
    # child rows: exactly the public ones, never personal data
    assert [a.inline for a in baca.anak] == [i for i in modul.inlines if i.publik and not i.pribadi]
    assert all(not a.inline.pribadi for a in baca.anak)


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_kolom_dasar_dan_klasifikasi_publik_saja(modul):
    kolom = {k.nama: k for k in publik.baca(modul).kolom}
    assert kolom["periode"].jenis is Jenis.TANGGAL
    assert kolom["satker"].jenis is Jenis.RELASI
    assert kolom["satker"].punya_kode
    assert kolom["klasifikasi"].jenis is Jenis.PILIHAN
    kode = {k for k, _label in kolom["klasifikasi"].pilihan()}
    assert kode == set(KLASIFIKASI_PUBLIK)
    assert Klasifikasi.DIKECUALIKAN not in kode
    assert Klasifikasi.BELUM not in kode


def test_nilai_dihitung_menurut_anotasinya():
    kolom = {k.nama: k for k in publik.baca(registry.get("anggaran")).kolom}
    serapan = kolom["serapan"]  # -> Decimal | None
    assert (serapan.dihitung, serapan.jenis, serapan.tipe, serapan.boleh_kosong) == (
        True,
        Jenis.DESIMAL,
        Decimal,
        True,
    )
    assert kolom["program"].jenis is Jenis.TEKS  # -> str
    assert not kolom["program"].dapat_dicari  # computed: no column to search
    # a computed value with a stable code: its codes are those of the module's list filter
    berlaku = {k.nama: k for k in publik.baca(registry.get("mou")).kolom}["status_berlaku"]
    assert berlaku.jenis is Jenis.PILIHAN
    assert berlaku.sumber_kode == "kode_status_berlaku"
    (saringan,) = [t for t in registry.get("mou").filter_tambahan if t.name == "status_berlaku"]
    assert [k for k, _ in berlaku.pilihan()] == [str(k) for k, _ in saringan.choices]


def test_model_diganti_membaca_ulang():
    """A replaced registry entry (a new public field) gets a new read model, not the old one."""
    import dataclasses

    modul = registry.get("pencegahan")
    lain = dataclasses.replace(modul, public_fields=modul.public_fields[:1])
    assert publik.baca(modul) is publik.baca(modul)
    assert [k.nama for k in publik.baca(lain).kolom] == list(lain.semua_public_fields)
    assert [k.nama for k in publik.baca(modul).kolom] == list(modul.semua_public_fields)


@pytest.mark.parametrize("pk", [1, 42, 987654321, 10**15])
def test_pola_url_sama_dengan_reverse(pk):
    assert publik.pola_url("portal:detail", "mou", publik.ID)(pk) == reverse(
        "portal:detail", args=["mou", pk]
    )
    assert publik.pola_url("portal:berkas", "mou", publik.ID, "dokumen")(pk) == reverse(
        "portal:berkas", args=["mou", pk, "dokumen"]
    )
    assert publik.pola_url("api:mou-detail", publik.ID)(pk) == reverse("api:mou-detail", args=[pk])
    assert publik.pola_url("portal:satker", publik.ID)("18.72") == reverse(
        "portal:satker", args=["18.72"]
    )
