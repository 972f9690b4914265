"""Bad filter values sent to every public door: never a server error. The doors that read the
shared list filters (lists, downloads, the API) refuse a value they cannot use with the same
Indonesian message — 400 for the API and the downloads, the message on the page for lists —
rather than an empty result without a word."""

import pytest
from django.db import transaction

from apps.core import registry
from tests.conftest import MODULS, modul_id

NUL = "sosialisasi\x00"
BURUK = [NUL, "9223372036854775808", "99999999999999999999", "١٨", "x" * 300, "-1"]
PARAMS = ["wilayah", "pemilihan", "periode", "periode_dari", "periode_sampai", "q", "hal", "tahun"]
# parameters of one door or a few: the office, the DPT stage, a case roll-up's province, a
# statistics table, the API's paging
PARAMS += ["satker", "tahap", "provinsi", "tabel", "urut", "cursor", "page_size"]


def _pintu():
    umum = ["/", "/cari/", "/data/", "/ppid/dip/", "/ppid/dip.csv", "/ppid/dip.xlsx"]
    umum += ["/catalog.jsonld", "/ppid/", "/ppid/permohonan/"]
    umum += ["/satker/18.72/", "/statistik/", "/api/v1/"]
    umum += [f"/data/{m.kode}/{p}" for m in MODULS for p in ("kamus/",)]
    for m in registry.all_modules():
        umum += [f"/data/{m.kode}/", f"/data/{m.kode}.csv", f"/data/{m.kode}.json"]
        umum += [f"/statistik/{m.kode}/", f"/statistik/{m.kode}.csv", f"/api/v1/{m.kode}/"]
    umum += ["/data/dpt/rekap/", "/data/anggaran/serapan/", "/data/pelanggaran/rekap/"]
    umum += ["/data/sengketa/rekap/"]
    return umum


def _bait(response) -> bytes:
    """The whole body (a streamed download is read to its end: an error may come late)."""
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content)
    return response.content


def _isi(response) -> str:
    return _bait(response).decode()


@pytest.mark.django_db
def test_tidak_ada_galat_server_di_pintu_publik(client):
    gagal = []
    for url in _pintu():
        for param in PARAMS:
            for nilai in BURUK:
                # each request in a savepoint: one database error must not hide the next
                with transaction.atomic():
                    try:
                        response = client.get(url, {param: nilai})
                        _bait(response)
                        status = response.status_code
                    except Exception as e:  # noqa: BLE001 - the test names what was raised
                        status = f"{type(e).__name__}: {e}"
                    transaction.set_rollback(True)
                if not isinstance(status, int) or status >= 500:
                    gagal.append(f"{url}?{param}={nilai!r:.30}: {status}")
    assert not gagal, f"{len(gagal)} galat server:\n" + "\n".join(gagal[:30])


@pytest.mark.django_db
@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
@pytest.mark.parametrize(
    ("param", "nilai", "pesan"),
    [
        ("q", NUL, "Nilai untuk “q” memuat karakter kendali yang tidak sah."),
        ("pemilihan", NUL, "Nilai untuk “pemilihan” memuat karakter kendali yang tidak sah."),
        ("pemilihan", "pemilu-1955", "Pemilihan “pemilu-1955” tidak dikenal."),
        ("wilayah", "١٨", "Kode wilayah “١٨” tidak dikenali (contoh: 18.72)."),
        ("periode", "２０２４-03", "Periode “２０２４-03” tidak valid"),
        ("q", "x" * 300, "Nilai untuk “q” terlalu panjang (lebih dari 200 karakter)."),
    ],
)
def test_nilai_yang_sama_pesan_yang_sama(modul, client, param, nilai, pesan):
    api = client.get(f"/api/v1/{modul.kode}/", {param: nilai})
    assert api.status_code == 400
    assert pesan in api.json()["detail"]
    for ext in ("csv", "json"):
        unduh = client.get(f"/data/{modul.kode}.{ext}", {param: nilai})
        assert unduh.status_code == 400, ext
        assert pesan in _isi(unduh), ext
    halaman = client.get(f"/data/{modul.kode}/", {param: nilai})
    assert halaman.status_code == 200
    assert pesan in halaman.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("hal", ["9223372036854775808", "99999999999999999999", "١٢", "0"])
def test_nomor_halaman_di_luar_batas_disebut(client, hal):
    halaman = client.get("/data/pencegahan/", {"hal": hal})
    assert halaman.status_code == 200
    assert f"Nomor halaman “{hal}” tidak valid; gunakan angka 1 sampai 1.000.000." in (
        halaman.content.decode()
    )
