"""The public roll-up /data/dpt/rekap/: nation → province → kab/kota → kecamatan, each level
summed from public reports only, every level adding up to the one above, each region at its
latest published month, nothing counted twice, and a constant number of queries."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from apps.core.services import klasifikasikan
from apps.core.workflow import transition
from apps.dpt import rekap
from apps.dpt.models import Dpt
from apps.organisasi.models import Satker
from tests import factories
from tests.conftest import PUBLIK, SKENARIO
from tests.dpt.conftest import AGUSTUS, JULI, laporan_mentah

URL = "/data/dpt/rekap/"


def _rekap(client, wilayah="", **lain):
    params = {"pemilihan": "pemilu-2024", "tahap": "dpt", **lain}
    if wilayah:
        params["wilayah"] = wilayah
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


def _baris(response):
    """{row code: figures} of the table (rows without public data left out)."""
    return {b["kode"]: b["jumlah"].angka for b in response.context["tabel"].baris if b["jumlah"]}


def _jumlah(rows):
    total = dict.fromkeys(rekap.ANGKA, 0)
    for angka_baris in rows:
        for k in rekap.ANGKA:
            total[k] += angka_baris[k]
    return total


def _dari(reports):
    return _jumlah([{k: getattr(r, k) for k in rekap.ANGKA} for r in reports])


@pytest.fixture
def sebaran(lapor):
    """Kota Metro per kecamatan, Lampung Selatan at kab/kota level (by its office) and Kutai
    Timur (another province), all public."""
    metro = [
        lapor("18.72.01", laki=11_000, perempuan=11_500, jumlah_tps=90),
        lapor("18.72.02", laki=12_100, perempuan=12_300, jumlah_tps=95),
        lapor("18.72.03", "disetujui", "serta_merta", laki=9_000, perempuan=9_100),
    ]
    lamsel = lapor("18.01", satker="18.01", laki=392_000, perempuan=389_306, jumlah_tps=2_980)
    kutim = lapor("64.08", satker="64.08", laki=141_000, perempuan=135_512)
    return metro, lamsel, kutim


def test_setiap_jenjang_menjumlah_jenjang_di_bawahnya(client, sebaran):
    metro, lamsel, kutim = sebaran

    kota = _rekap(client, "18.72")
    assert set(_baris(kota)) == {"18.72.01", "18.72.02", "18.72.03"}
    assert kota.context["tabel"].total.angka == _jumlah(_baris(kota).values()) == _dari(metro)

    provinsi = _rekap(client, "18")
    assert set(_baris(provinsi)) == {"18.01", "18.72"}
    assert _baris(provinsi)["18.72"] == kota.context["tabel"].total.angka
    assert _baris(provinsi)["18.01"] == _dari([lamsel])
    assert provinsi.context["tabel"].total.angka == _jumlah(_baris(provinsi).values())
    assert provinsi.context["tabel"].total.angka == _dari([*metro, lamsel])

    nasional = _rekap(client)
    assert set(_baris(nasional)) == {"18", "64"}
    assert _baris(nasional)["18"] == provinsi.context["tabel"].total.angka
    assert _baris(nasional)["64"] == _dari([kutim])
    assert nasional.context["tabel"].total.angka == _dari([*metro, lamsel, kutim])
    assert nasional.context["tabel"].total.laporan == 5


def test_angka_berformat_indonesia_dan_tautan_rincian(client, sebaran):
    nasional = _rekap(client).text
    # 22.500 + 24.400 + 18.100 + 781.306 + 276.512
    assert ">1.122.818<" in nasional
    assert 'href="?pemilihan=pemilu-2024&amp;tahap=dpt&amp;wilayah=18"' in nasional
    provinsi = _rekap(client, "18").text
    assert 'href="?pemilihan=pemilu-2024&amp;tahap=dpt&amp;wilayah=18.72"' in provinsi
    assert ">Provinsi Lampung</a>" in nasional
    kota = _rekap(client, "18.72").text
    assert 'href="?pemilihan=pemilu-2024&amp;tahap=dpt&amp;wilayah=18.72.01"' in kota
    assert ">Kecamatan Metro Pusat</a>" in kota
    assert 'href="/data/dpt/"' in kota
    assert 'href="/data/dpt/?pemilihan=pemilu-2024&amp;tahap=dpt&amp;wilayah=18.72"' in kota
    assert "Jumlah Kota Metro" in kota


def test_wilayah_tanpa_data_ditandai_bukan_nol(client, sebaran):
    provinsi = _rekap(client, "18")
    kosong = [b for b in provinsi.context["tabel"].baris if b["jumlah"] is None]
    assert [b["kode"] for b in kosong] == []  # the test tree has only these two kab/kota
    factories.WilayahFactory(kode="18.02", nama="Kabupaten Lampung Tengah")
    cache.clear()  # regions are reference data; the cached table expires within 5 minutes
    provinsi = _rekap(client, "18")
    kosong = [b["kode"] for b in provinsi.context["tabel"].baris if b["jumlah"] is None]
    assert kosong == ["18.02"]
    assert "Belum ada data publik" in provinsi.text


def test_angka_tingkat_kabkota_tampil_sebagai_baris_sendiri(client, sebaran):
    lamsel = _rekap(client, "18.01")
    sendiri = [b for b in lamsel.context["tabel"].baris if b["sendiri"]]
    assert [b["kode"] for b in sendiri] == ["18.01"]
    assert sendiri[0]["jumlah"].angka["pemilih_total"] == 781_306
    assert lamsel.context["tabel"].total.angka["pemilih_total"] == 781_306
    assert "diisi untuk wilayah ini, tanpa rincian" in lamsel.text


@pytest.mark.parametrize(("status", "klasifikasi"), SKENARIO)
def test_rekap_hanya_menghitung_rekaman_publik(client, lapor, status, klasifikasi):
    penanda = 7_654_321
    publik = lapor("18.72.01", laki=1_000, perempuan=1_001)
    uji = lapor("18.72.02", status, klasifikasi, laki=penanda, perempuan=1)
    dihitung = [publik, uji] if klasifikasi in PUBLIK else [publik]
    for wilayah in ("", "18", "18.72"):
        response = _rekap(client, wilayah)
        assert response.context["tabel"].total.angka == _dari(dihitung), wilayah
        assert response.context["tabel"].total.laporan == len(dihitung)
    # the figures of the record under test appear on its kecamatan row, or nowhere
    kota = _rekap(client, "18.72").text
    assert ("7.654.321" in kota) is (klasifikasi in PUBLIK)
    assert ("7.654.322" in kota) is (klasifikasi in PUBLIK)


def test_rekaman_yang_dibuka_kembali_keluar_dari_rekap(client, lapor, koorsek_metro):
    rek = lapor("18.72.01", laki=5_000, perempuan=5_000)
    assert _rekap(client, "18.72").context["tabel"].total.angka["pemilih_total"] == 10_000
    transition(rek, "buka_kembali", koorsek_metro, "Angka perempuan keliru.")
    response = _rekap(client, "18.72")
    assert response.context["tabel"].total.laporan == 0
    assert "Belum ada data publik untuk pemilihan, tahap dan wilayah ini." in response.text


def test_periode_terbaru_dipakai_bukan_dijumlah(client, lapor):
    lapor("18.72.01", periode=JULI, laki=1_000, perempuan=1_000)
    agustus = lapor("18.72.01", periode=AGUSTUS, laki=1_100, perempuan=1_050)
    lapor("18.72.02", periode=JULI, laki=500, perempuan=500)
    kota = _rekap(client, "18.72")
    assert _baris(kota)["18.72.01"]["pemilih_total"] == agustus.pemilih_total
    assert kota.context["tabel"].total.angka["pemilih_total"] == 2_150 + 1_000
    assert _baris(_rekap(client, "18"))["18.72"]["pemilih_total"] == 3_150
    # the row says which months its figures come from
    assert "Juli 2023 – Agustus 2023" in kota.text


def test_laporan_terbaru_yang_belum_publik_tidak_menggeser_yang_publik(client, lapor):
    lapor("18.72.01", periode=JULI, laki=1_000, perempuan=1_000)
    lapor("18.72.01", "diajukan", "belum", periode=AGUSTUS, laki=9_000, perempuan=9_000)
    assert _rekap(client, "18.72").context["tabel"].total.angka["pemilih_total"] == 2_000


def test_ganti_tingkat_antarbulan_tidak_menghitung_dua_kali(client, lapor):
    """July at kab/kota level, August per kecamatan: August replaces July; counting both
    would add Kota Metro's voters twice."""
    lapor("18.72", periode=JULI, laki=60_000, perempuan=60_415)
    lapor("18.72.01", periode=AGUSTUS, laki=20_000, perempuan=20_100)
    lapor("18.72.02", periode=AGUSTUS, laki=21_000, perempuan=21_200)
    for wilayah in ("", "18", "18.72"):
        total = _rekap(client, wilayah).context["tabel"].total
        assert total.angka["pemilih_total"] == 40_100 + 42_200, wilayah
        assert total.laporan == 2


def test_data_rangkap_lintas_satker_tidak_terhitung_dua_kali(client, lapor, kantor, admin):
    """Should two offices' reports of the same region and month slip past the form rule
    (written directly, e.g. by an import racing a form), the later entry is counted once."""
    lapor("18.72.01", laki=1_000, perempuan=1_000)
    rangkap = laporan_mentah(kantor("18"), Dpt.objects.get().wilayah, admin, laki=10, perempuan=10)
    rangkap.status, rangkap.klasifikasi = "disetujui", "berkala"
    rangkap.save()
    total = _rekap(client, "18.72").context["tabel"].total
    assert (total.laporan, total.angka["pemilih_total"]) == (1, 20)


def test_tahap_dan_pemilihan_dipisah(client, lapor):
    lapor("18.72.01", tahap="dpt", laki=1_000, perempuan=1_000)
    lapor("18.72.01", tahap="dps", laki=1_200, perempuan=1_200)
    assert _rekap(client, "18.72").context["tabel"].total.angka["pemilih_total"] == 2_000
    assert (
        _rekap(client, "18.72", tahap="dps").context["tabel"].total.angka["pemilih_total"] == 2_400
    )
    factories.PemilihanFactory(kode="pilkada-2024", nama="Pilkada 2024", jenis="pilkada")
    assert _rekap(client, "18.72", pemilihan="pilkada-2024").context["tabel"].total.laporan == 0


@pytest.mark.parametrize(
    ("params", "pesan"),
    [
        ({"tahap": "dpx"}, "Tahap “dpx” tidak dikenal; ditampilkan tahap DPT."),
        ({"pemilihan": "pemilu-1955"}, "Pemilihan “pemilu-1955” tidak dikenal."),
        (
            {"wilayah": "18.99"},
            "Kode wilayah “18.99” tidak dikenali (contoh: 18 untuk provinsi, 18.72 untuk "
            "kabupaten/kota, 18.72.01 untuk kecamatan); ditampilkan seluruh Indonesia.",
        ),
        ({"wilayah": "Metro"}, "Kode wilayah “Metro” tidak dikenali"),
    ],
)
def test_parameter_salah_disebut_dan_tidak_diterapkan(client, sebaran, params, pesan):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert pesan in response.text
    assert response.context["tabel"].total.angka["pemilih_total"] == 1_122_818


def test_jumlah_query_tetap_berapa_pun_barisnya(client, lapor, kantor, operator_metro, wilayah):
    lapor("18.72.01")

    def _hitung(kode):
        cache.clear()  # the table itself, not a cached copy
        with CaptureQueriesContext(connection) as ctx:
            _rekap(client, kode)
        return len(ctx.captured_queries)

    sedikit = {kode: _hitung(kode) for kode in ("", "18", "18.72")}
    assert max(sedikit.values()) <= 5

    # many more regions and reports, some superseded by later months
    for i in range(2, 40):
        factories.WilayahFactory(kode=f"18.{i:02d}", nama=f"Kabupaten Uji {i}")
        factories.WilayahFactory(kode=f"18.{i:02d}.01", nama=f"Kecamatan Uji {i}")
    provinsi = Satker.objects.get(kode="18")
    rows = []
    for i in range(2, 40):
        for bulan in (JULI, AGUSTUS, dt.date(2023, 9, 1)):
            rek = laporan_mentah(
                provinsi, wilayah(f"18.{i:02d}.01"), operator_metro, periode=bulan, laki=i
            )
            rek.status, rek.klasifikasi = "disetujui", "setiap_saat"
            rows.append(rek)
    for kode in ("18.72.02", "18.72.03", "18.72.04"):
        rek = laporan_mentah(kantor("18.72"), wilayah(kode), operator_metro, laki=3)
        rek.status, rek.klasifikasi = "disetujui", "berkala"
        rows.append(rek)
    Dpt.objects.bulk_create(rows)

    assert {kode: _hitung(kode) for kode in ("", "18", "18.72")} == sedikit
    assert _rekap(client, "18").context["tabel"].total.laporan == 1 + 3 + 38


def test_halaman_tersimpan_diperbarui_saat_rekaman_dipublikasikan(client, lapor, ppid_lampung):
    """The table is cached under the public-content token: a second visit reads no report,
    and publishing a report shows it at once."""
    lapor("18.72.01", laki=1_000, perempuan=1_000)
    baru = lapor("18.72.02", "disetujui", "belum", laki=2_000, perempuan=2_000)
    assert ">2.000<" in _rekap(client, "18.72").text
    with CaptureQueriesContext(connection) as ctx:
        assert ">2.000<" in _rekap(client, "18.72").text
    assert not any("dpt_dpt" in q["sql"] for q in ctx.captured_queries)

    klasifikasikan(baru, ppid_lampung, "berkala")
    assert ">6.000<" in _rekap(client, "18.72").text


@pytest.mark.django_db
def test_daftar_publik_dan_katalog_menautkan_rekap(client):
    for halaman in ("/data/dpt/", "/data/"):
        assert 'href="/data/dpt/rekap/"' in client.get(halaman).text, halaman


def test_rekap_dalam_bahasa_inggris(client, sebaran):
    with translation.override(translation.get_language()):  # the middleware leaves "en" on
        response = client.get(URL, {"wilayah": "18"}, HTTP_ACCEPT_LANGUAGE="en")
    for teks in ("DPT roll-up", "Correction notices", "Followed up", "Total Lampung Province"):
        assert teks in response.text
    assert "Ditindaklanjuti" not in response.text
