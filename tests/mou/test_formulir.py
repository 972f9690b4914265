"""Partners are entered on the agreement's own form: at least one, no duplicates, and the
date and number rules answer on the form in Indonesian."""

from apps.mou.models import MitraMou, Mou
from tests.conftest import pesan_wajib, segar
from tests.mou.formulir import berkas_pdf, data_mou

NOMOR = "017/PKS/BAWASLU-18.72/III/2025"


def _buat(client, user, data):
    client.force_login(user)
    return client.post("/kelola/mou/baru/", data)


def test_mou_dengan_dua_mitra_tersimpan(client, operator_metro, kantor):
    mitra = (
        ("Universitas Muhammadiyah Metro", "perguruan_tinggi"),
        ("Pemerintah Kota Metro", "pemda"),
    )
    data = data_mou(kantor("18.72"), mitra=mitra, dokumen=berkas_pdf())
    response = _buat(client, operator_metro, data)
    assert response.status_code == 302
    mou = Mou.objects.get(nomor=NOMOR)
    assert response["Location"] == f"/kelola/mou/{mou.pk}/"
    assert list(mou.mitra.values_list("nama", "jenis")) == list(mitra)
    assert mou.status == "draft"
    assert mou.periode == mou.tanggal_ttd.replace(day=1)


def test_tanpa_mitra_ditolak(client, operator_metro, kantor):
    response = _buat(client, operator_metro, data_mou(kantor("18.72"), mitra=()))
    assert response.status_code == 200
    (formset,) = response.context["formsets"]
    assert not formset.is_valid()
    assert formset.forms[0].errors["nama"]
    assert pesan_wajib() in response.text
    assert not Mou.objects.exists()


def test_tanpa_data_mitra_sama_sekali_ditolak(client, operator_metro, kantor):
    """A hand-made POST without the partner rows does not slip an agreement through."""
    data = {k: v for k, v in data_mou(kantor("18.72")).items() if not k.startswith("mitramou")}
    response = _buat(client, operator_metro, data)
    assert response.status_code == 200
    assert not Mou.objects.exists()


def test_menghapus_satu_satunya_mitra_ditolak(modul, client, operator_metro, buat, kantor):
    mou = buat(modul, "18.72")
    (mitra,) = mou.mitra.all()
    data = data_mou(
        kantor("18.72"),
        mitra=(),
        awal=[(mitra.pk, mitra.nama, mitra.jenis, True)],
        nomor=mou.nomor,
        version=mou.version,
    )
    client.force_login(operator_metro)
    response = client.post(f"/kelola/mou/{mou.pk}/ubah/", data)
    assert response.status_code == 200
    (formset,) = response.context["formsets"]
    assert formset.non_form_errors()
    assert MitraMou.objects.filter(pk=mitra.pk).exists()
    assert segar(mou).version == mou.version


def test_menambah_dan_mengganti_mitra_saat_mengubah(modul, client, operator_metro, buat, kantor):
    mou = buat(modul, "18.72")
    (lama,) = mou.mitra.all()
    data = data_mou(
        kantor("18.72"),
        mitra=(("Kejaksaan Negeri Metro", "instansi_vertikal"),),
        awal=[(lama.pk, lama.nama, lama.jenis, True)],
        nomor=mou.nomor,
        version=mou.version,
    )
    client.force_login(operator_metro)
    response = client.post(f"/kelola/mou/{mou.pk}/ubah/", data)
    assert response.status_code == 302
    assert list(segar(mou).mitra.values_list("nama", flat=True)) == ["Kejaksaan Negeri Metro"]


def test_mitra_ganda_ditolak(client, operator_metro, kantor):
    mitra = (("Pemerintah Kota Metro", "pemda"), ("Pemerintah Kota Metro", "pemda"))
    response = _buat(client, operator_metro, data_mou(kantor("18.72"), mitra=mitra))
    assert response.status_code == 200
    assert not Mou.objects.exists()


def test_jenis_mitra_tidak_dikenal_ditolak(client, operator_metro, kantor):
    mitra = (("Pemerintah Kota Metro", "partai"),)
    response = _buat(client, operator_metro, data_mou(kantor("18.72"), mitra=mitra))
    assert response.status_code == 200
    assert response.context["formsets"][0].forms[0].errors["jenis"]
    assert not Mou.objects.exists()


def test_tanggal_terbalik_ditolak_di_formulir(client, operator_metro, kantor):
    data = data_mou(kantor("18.72"), tanggal_ttd="2024-03-05", berlaku_sampai="2024-01-01")
    response = _buat(client, operator_metro, data)
    assert response.status_code == 200
    assert response.context["form"].errors["berlaku_sampai"] == [
        "Tanggal berlaku sampai (1 Januari 2024) tidak boleh sebelum tanggal tanda "
        "tangan (5 Maret 2024)."
    ]
    assert not Mou.objects.exists()


def test_nomor_ganda_ditolak_di_formulir(modul, client, operator_metro, buat, kantor):
    ada = buat(modul, "18.72")
    response = _buat(client, operator_metro, data_mou(kantor("18.72"), nomor=ada.nomor))
    assert response.status_code == 200
    assert ada.nomor in response.context["form"].errors["nomor"][0]
    assert Mou.objects.count() == 1


def test_pdf_boleh_menyusul(client, operator_metro, kantor):
    """A draft may be saved before the scanned PDF is at hand."""
    response = _buat(client, operator_metro, data_mou(kantor("18.72")))
    assert response.status_code == 302
    assert not Mou.objects.get(nomor=NOMOR).dokumen


def test_formulir_menampilkan_baris_mitra(client, operator_metro):
    client.force_login(operator_metro)
    html = client.get("/kelola/mou/baru/").text
    assert "Mitra kerja sama" in html
    assert 'name="mitramou-0-nama"' in html
    assert 'name="mitramou-0-jenis"' in html
    assert 'name="mitramou-MIN_NUM_FORMS" value="1"' in html
    assert '<option value="perguruan_tinggi">Perguruan tinggi</option>' in html
