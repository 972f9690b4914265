"""The write API `/api/v1/masuk/<modul>/` (apps.imports.api): an application's key, its office
and modules; records checked like an import and written all or nothing as `diajukan`;
idempotent by the sender's id; every call audited; revoked keys, other offices, other modules
and malformed bodies refused with nothing changed; every answer matches the OpenAPI document."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from apps.audit.models import CatatanAudit
from apps.core.demo import pemilihan_demo
from apps.core.models import Riwayat
from apps.dpt.models import Dpt
from apps.imports.models import Aplikasi, IdLuar, KunciAplikasi
from apps.organisasi.models import Satker
from tests.imports.test_impor import jejak

URL = "/api/v1/masuk/dpt/"


@pytest.fixture(autouse=True)
def pemilu(db):
    return pemilihan_demo("pemilu-2024")


def aplikasi_baru(kode="18.72", modul=("dpt",), bawahan=False, nama="Siwaslu"):
    app = Aplikasi.objects.create(
        nama=nama,
        satker=Satker.objects.get(kode=kode),
        modul=list(modul),
        termasuk_bawahan=bawahan,
    )
    _k, kunci = KunciAplikasi.objects.create_key(name="uji", aplikasi=app)
    return app, kunci


@pytest.fixture
def siwaslu(db):
    return aplikasi_baru()


def rekaman(i, **ubah):
    """A valid DPT report of Kota Metro, one per month `i` (1–12)."""
    r = {
        "id_luar": f"SIW-{i}",
        "wilayah": "18.72.01",
        "pemilihan": "pemilu-2024",
        "tahap": "dps",
        "periode": f"2024-{i:02d}",
        "judul": f"DPS Metro Pusat bulan {i}",
        "jumlah_tps": 40,
        "pemilih_laki": 21_000 + i,
        "pemilih_perempuan": 21_000,
        "pemilih_total": 42_000 + i,
    }
    return r | ubah


def kirim(client, kunci, data, url=URL):
    headers = {"Authorization": f"Api-Key {kunci}"} if kunci else {}
    body = data if isinstance(data, str) else json.dumps(data)
    return client.post(url, body, content_type="application/json", headers=headers)


@pytest.fixture
def dokumen(client):
    return OpenAPI.from_dict(client.get("/api/v1/openapi.json").json())


def sesuai_dokumen(dokumen, response, data, permintaan_sah=True):
    """The request (when it carried a key) and the answer both as the OpenAPI document
    describes them."""
    kunci = response.wsgi_request.headers.get("Authorization")
    request = MockRequest(
        "http://testserver",
        "post",
        response.wsgi_request.path,
        headers={"Authorization": kunci} if kunci else {},
        data=json.dumps(data).encode(),
        content_type="application/json",
    )
    if permintaan_sah:
        dokumen.validate_request(request)
    dokumen.validate_response(
        request,
        MockResponse(
            response.content,
            status_code=response.status_code,
            content_type=response["Content-Type"],
        ),
    )


def test_kiriman_sah_masuk_sebagai_diajukan_dan_tercatat(client, siwaslu, dokumen):
    app, kunci = siwaslu
    data = {"rekaman": [rekaman(i) for i in (1, 2, 3)]}
    r = kirim(client, kunci, data)
    assert r.status_code == 200, r.content
    sesuai_dokumen(dokumen, r, data)
    isi = r.json()
    assert (isi["disimpan"], isi["baru"], isi["berubah"], isi["sama"]) == (True, 3, 0, 0)
    assert isi["ringkasan"] == "3 baru, 0 berubah, 0 tidak berubah"
    ids = {h["id_luar"]: h["id"] for h in isi["hasil"]}
    assert set(ids) == {"SIW-1", "SIW-2", "SIW-3"}
    rows = Dpt.objects.filter(pk__in=ids.values())
    assert {(d.status, d.klasifikasi, d.satker.kode) for d in rows} == {
        ("diajukan", "belum", "18.72")
    }
    assert {d.created_by_id for d in rows} == {app.pengguna_id}
    assert Riwayat.objects.filter(object_id__in=ids.values(), aksi="impor").count() == 3
    assert dict(IdLuar.objects.values_list("id_luar", "object_id")) == ids
    audit = CatatanAudit.objects.get(aksi="api_masuk")
    assert audit.data["aplikasi"] == "Siwaslu"
    assert audit.data["baru"] == 3
    assert audit.aktor_id == app.pengguna_id


def test_kiriman_ulang_tidak_menambah_dan_id_luar_mengenali_rekamannya(client, siwaslu):
    _app, kunci = siwaslu
    pertama = kirim(client, kunci, {"rekaman": [rekaman(1), rekaman(2)]}).json()
    ulang = kirim(client, kunci, {"rekaman": [rekaman(1), rekaman(2)]}).json()
    assert (ulang["baru"], ulang["berubah"], ulang["sama"]) == (0, 0, 2)
    assert ulang["ringkasan"] == "0 baru, 0 berubah, 2 tidak berubah"
    assert {h["id"] for h in ulang["hasil"]} == {h["id"] for h in pertama["hasil"]}
    pk = next(h["id"] for h in pertama["hasil"] if h["id_luar"] == "SIW-1")
    # a submitted record is the coordinator's to review: a change waits until it is returned
    r = kirim(client, kunci, {"rekaman": [rekaman(1, jumlah_tps=41)]})
    assert r.status_code == 400
    assert "Diajukan" in r.json()["galat"][0]["pesan"]
    Dpt.objects.filter(pk=pk).update(status="dikembalikan")
    # the sender corrects the month of SIW-1 (part of the natural key): the same record moves
    ubah = kirim(client, kunci, {"rekaman": [rekaman(1, periode="2024-05", judul="DPS Mei")]})
    isi = ubah.json()
    assert ubah.status_code == 200, [g["pesan"] for g in isi["galat"]]
    assert (isi["baru"], isi["berubah"]) == (0, 1), isi
    assert Dpt.objects.count() == 2
    assert Dpt.objects.get(pk=pk).status == "diajukan"
    assert str(Dpt.objects.get(pk=pk).periode) == "2024-05-01"


def test_satu_rekaman_salah_menolak_semuanya_dengan_urutan_dan_id(client, siwaslu, dokumen):
    _app, kunci = siwaslu
    data = {"rekaman": [rekaman(1), rekaman(2, jumlah_tps="12a"), rekaman(3, wilayah="18.01")]}
    sebelum = jejak()
    r = kirim(client, kunci, data)
    assert r.status_code == 400
    sesuai_dokumen(dokumen, r, data, permintaan_sah=False)  # "12a" is no integer
    galat = r.json()["galat"]
    assert galat[0]["indeks"] == 1
    assert galat[0]["id_luar"] == "SIW-2"
    assert galat[0]["kolom"] == "jumlah_tps"
    assert galat[0]["nilai"] == "12a"
    assert "bukan" in galat[0]["pesan"]
    assert galat[1]["indeks"] == 2
    assert galat[1]["kolom"] == "wilayah"
    assert "di luar wilayah kerja" in galat[1]["pesan"]
    # nothing of the batch was written; only the refusal's audit row is new
    setelah = jejak()
    assert setelah[:2] == sebelum[:2]
    assert CatatanAudit.objects.filter(aksi="api_masuk_ditolak").count() == 1
    assert not IdLuar.objects.exists()


def test_uji_tidak_menyimpan(client, siwaslu, dokumen):
    _app, kunci = siwaslu
    data = {"rekaman": [rekaman(1)], "uji": True}
    r = kirim(client, kunci, data)
    assert r.status_code == 200
    sesuai_dokumen(dokumen, r, data)
    assert r.json()["hasil"] == [{"id_luar": "SIW-1", "id": None, "aksi": "baru"}]
    assert not r.json()["disimpan"]
    assert not Dpt.objects.exists()
    assert not IdLuar.objects.exists()


@pytest.mark.parametrize(
    ("kunci", "pesan"),
    [
        (None, "Sertakan kunci API"),
        ("abcdefgh.salah", "tidak sah"),
        ("bukan-kunci", "tidak sah"),
    ],
)
def test_tanpa_kunci_atau_kunci_salah_ditolak(client, siwaslu, dokumen, kunci, pesan):
    data = {"rekaman": [rekaman(1)]}
    r = kirim(client, kunci, data)
    assert r.status_code == 401
    assert r["WWW-Authenticate"] == "Api-Key"
    assert pesan in r.json()["detail"]
    sesuai_dokumen(dokumen, r, data, permintaan_sah=False)
    assert not Dpt.objects.exists()


def test_kunci_dicabut_atau_aplikasi_nonaktif_ditolak(client, siwaslu):
    app, kunci = siwaslu
    k = KunciAplikasi.objects.get(aplikasi=app)
    k.revoked = True
    k.save()
    assert kirim(client, kunci, {"rekaman": [rekaman(1)]}).status_code == 401
    _k, kunci2 = KunciAplikasi.objects.create_key(name="baru", aplikasi=app)
    assert kirim(client, kunci2, {"rekaman": [rekaman(1)]}).status_code == 200
    app.aktif = False
    app.save()
    r = kirim(client, kunci2, {"rekaman": [rekaman(2)]})
    assert r.status_code == 401
    assert "dinonaktifkan" in r.json()["detail"]
    assert Dpt.objects.count() == 1


def test_modul_lain_ditolak(client, siwaslu, dokumen):
    _app, kunci = siwaslu
    data = {"rekaman": [{"id_luar": "x", "judul": "Rapat umum"}]}
    r = kirim(client, kunci, data, url="/api/v1/masuk/kampanye/")
    assert r.status_code == 403
    assert "tidak berwenang" in r.json()["detail"]
    sesuai_dokumen(dokumen, r, data, permintaan_sah=False)
    assert CatatanAudit.objects.filter(aksi="api_masuk_ditolak").count() == 1


def test_kunci_satker_lain_tidak_menulis_untuk_satker_ini(client):
    """A key of Kota Metro cannot write Lampung Selatan's records, naming the office in a row
    or reaching for its region; a provincial key with `termasuk_bawahan` can."""
    _app, kunci = aplikasi_baru("18.72")
    r = kirim(client, kunci, {"rekaman": [rekaman(1, satker="18.01", wilayah="18.01")]})
    assert r.status_code == 400
    assert r.json()["galat"][0]["kolom"] == "satker"
    _app, kunci_prov = aplikasi_baru("18", bawahan=True, nama="SIGAP Lapor")
    r = kirim(client, kunci_prov, {"rekaman": [rekaman(1, satker="18.01", wilayah="18.01")]})
    assert r.status_code == 200, r.content
    assert Dpt.objects.get().satker.kode == "18.01"
    # without the office column, a provincial key does not guess which office
    r = kirim(client, kunci_prov, {"rekaman": [rekaman(2)]})
    assert r.status_code == 400
    assert (r.json()["galat"][0]["kolom"], r.json()["galat"][0]["pesan"]) == (
        "satker",
        "wajib diisi",
    )


def test_rekaman_yang_sudah_disetujui_tidak_ditimpa(client, siwaslu):
    _app, kunci = siwaslu
    isi = kirim(client, kunci, {"rekaman": [rekaman(1)]}).json()
    Dpt.objects.filter(pk=isi["hasil"][0]["id"]).update(status="disetujui")
    r = kirim(client, kunci, {"rekaman": [rekaman(1, jumlah_tps=41)]})
    assert r.status_code == 400
    assert (
        "dibuka" in r.json()["galat"][0]["pesan"] or "membukanya" in r.json()["galat"][0]["pesan"]
    )
    assert Dpt.objects.get().jumlah_tps == 40


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        ("{bukan json", "JSON"),
        ([rekaman(1)], "objek JSON"),
        ({"rekaman": []}, "1 sampai 1.000"),
        ({"rekaman": [rekaman(1)] * 1001}, "1 sampai 1.000"),
        ({"rekaman": [rekaman(1), rekaman(2, id_luar="SIW-1")]}, "sudah dipakai"),
        ({"rekaman": [rekaman(1, id_luar="")]}, "id_luar"),
        ({"rekaman": [rekaman(1, jumlah_tps=[1])]}, "satu nilai"),
        ({"rekaman": [rekaman(1)], "uji": "ya"}, "uji"),
        ({"rekaman": [rekaman(1)], "lain": 1}, "tidak dikenal"),
        ({"rekaman": [rekaman(1, warna="merah")]}, "kunci tidak dikenal “warna”"),
        # the document's names exactly: a label is no key, a workflow column is no key
        ({"rekaman": [rekaman(1, Keterangan="x")]}, "kunci tidak dikenal “Keterangan”"),
        ({"rekaman": [rekaman(1, status="disetujui")]}, "kunci tidak dikenal “status”"),
        ({"rekaman": [rekaman(1, klasifikasi="terbuka")]}, "kunci tidak dikenal “klasifikasi”"),
        ({"rekaman": [rekaman(1, judul="a\u0000b")]}, "tidak sah"),
        ({"rekaman": [rekaman(1, judul="\ud800")]}, "tidak sah"),
        ({"rekaman": [rekaman(1, id_luar="\ud800")]}, "tidak sah"),
    ],
)
def test_badan_salah_bentuk_ditolak_tanpa_perubahan(client, siwaslu, data, pesan):
    _app, kunci = siwaslu
    sebelum = jejak()
    r = kirim(client, kunci, data)
    assert r.status_code == 400, r.content
    teks = json.dumps(r.json(), ensure_ascii=False)
    assert pesan in teks
    assert jejak()[:2] == sebelum[:2]


def test_semua_rekaman_memuat_kunci_yang_sama(client, siwaslu):
    """A key one record leaves out would clear that field where the others fill it: refused,
    naming the record and the keys."""
    _app, kunci = siwaslu
    tanpa = {k: v for k, v in rekaman(2).items() if k not in ("pemilihan", "pemilih_laki")}
    r = kirim(client, kunci, {"rekaman": [rekaman(1), tanpa]})
    assert r.status_code == 400
    g = r.json()["galat"][0]
    assert g["indeks"] == 1
    assert "beda: pemilih_laki, pemilihan" in g["pesan"]
    assert not Dpt.objects.exists()


def test_kunci_wajib_yang_tidak_ada_disebut_per_rekaman(client, siwaslu):
    _app, kunci = siwaslu
    tanpa = [{k: v for k, v in rekaman(i).items() if k != "pemilihan"} for i in (1, 2)]
    r = kirim(client, kunci, {"rekaman": tanpa})
    assert r.status_code == 400
    galat = [(g["indeks"], g["kolom"], g["pesan"]) for g in r.json()["galat"]]
    assert galat == [(0, "pemilihan", "wajib diisi"), (1, "pemilihan", "wajib diisi")]


def test_angka_di_luar_jangkauan_ditolak_tanpa_kesalahan_sistem(client, siwaslu):
    _app, kunci = siwaslu
    r = kirim(
        client, kunci, '{"rekaman": [' + json.dumps(rekaman(1))[:-1] + ', "jumlah_tps": 1e400}]}'
    )
    assert r.status_code == 400, r.content
    assert r.json()["galat"][0]["kolom"] == "jumlah_tps"
    assert not Dpt.objects.exists()


def test_dua_baris_tidak_mengubah_rekaman_yang_sama(client, siwaslu):
    """X names its record by id and moves it to February; Y, new, carries X's old key
    (January): it must not take X's record too."""
    _app, kunci = siwaslu
    pk = kirim(client, kunci, {"rekaman": [rekaman(1)]}).json()["hasil"][0]["id"]
    Dpt.objects.filter(pk=pk).update(status="dikembalikan")
    x = rekaman(1, periode="2024-02", judul="pindah")
    y = rekaman(1, id_luar="SIW-Y", judul="baru")
    r = kirim(client, kunci, {"rekaman": [x, y]})
    assert r.status_code == 400
    assert f"#{pk} juga diubah oleh baris 1" in r.json()["galat"][0]["pesan"]
    assert Dpt.objects.get().judul == "DPS Metro Pusat bulan 1"
    assert IdLuar.objects.count() == 1


def test_penolakan_lain_dengan_kunci_sah_tercatat(client, siwaslu, settings):
    _app, kunci = siwaslu
    auth = {"Authorization": f"Api-Key {kunci}"}
    r = client.post(URL, "{bukan json", content_type="application/json", headers=auth)
    assert r.status_code == 400
    assert r.json()["galat"][0]["pesan"]  # the document's shape, not DRF's {"detail"}
    assert client.put(URL, "{}", content_type="application/json", headers=auth).status_code == 405
    # the API speaks JSON whatever the declared type: a body that is none is a 400
    r = client.post(URL, "a=1", content_type="text/plain", headers=auth)
    assert r.status_code == 400
    settings.API_MASUK_BATAS_BITA = 100
    r = kirim(client, kunci, {"rekaman": [rekaman(1)]})
    assert r.status_code == 413
    assert "batas 100 bita" in r.json()["ringkasan"]
    status = sorted(a.data["status"] for a in CatatanAudit.objects.filter(aksi="api_masuk_ditolak"))
    assert status == [400, 400, 405, 413]
    assert not Dpt.objects.exists()


def test_get_tidak_diizinkan(client, siwaslu):
    _app, kunci = siwaslu
    r = client.get(URL, headers={"Authorization": f"Api-Key {kunci}"})
    assert r.status_code == 405
    assert "POST" in r.json()["detail"]


def test_batas_laju_per_aplikasi(client, siwaslu, settings, dokumen):
    _app, kunci = siwaslu
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "masuk": "2/minute",
        },
    }
    data = {"rekaman": [rekaman(1)]}
    assert kirim(client, kunci, data).status_code == 200
    assert kirim(client, kunci, data).status_code == 200
    r = kirim(client, kunci, data)
    assert r.status_code == 429
    assert CatatanAudit.objects.filter(aksi="api_masuk_ditolak").get().data["status"] == 429
    assert r["Retry-After"]
    sesuai_dokumen(dokumen, r, data)
    # another application has its own count
    _app2, kunci2 = aplikasi_baru("18.01", nama="SIPS")
    assert kirim(client, kunci2, {"rekaman": [rekaman(1, wilayah="18.01")]}).status_code == 200


def test_dokumen_openapi_menjelaskan_api_tulis(dokumen, client):
    doc = client.get("/api/v1/openapi.json").json()
    op = doc["paths"]["/api/v1/masuk/dpt/"]["post"]
    assert op["operationId"] == "masuk_dpt"
    assert op["security"] == [{"KunciAplikasi": []}]
    skema = doc["components"]["schemas"]["DptMasuk"]
    assert {"id_luar", "wilayah", "tahap", "jumlah_tps"} <= set(skema["properties"])
    assert skema["properties"]["jumlah_tps"]["type"] == "integer"
    assert doc["components"]["securitySchemes"]["KunciAplikasi"]["in"] == "header"


def test_perintah_kunci_aplikasi(client):
    out = io.StringIO()
    call_command(
        "kunci_aplikasi", "daftar", "SIPS", "--satker", "18.72", "--modul", "dpt", stdout=out
    )
    with pytest.raises(CommandError, match="Modul tidak dikenal: xyz"):
        call_command("kunci_aplikasi", "daftar", "Lain", "--satker", "18.72", "--modul", "xyz")
    out = io.StringIO()
    call_command("kunci_aplikasi", "kunci", "SIPS", stdout=out)
    kunci = out.getvalue().strip().splitlines()[-1]
    assert kirim(client, kunci, {"rekaman": [rekaman(1)]}).status_code == 200
    call_command("kunci_aplikasi", "cabut", kunci.partition(".")[0], stdout=io.StringIO())
    assert kirim(client, kunci, {"rekaman": [rekaman(2)]}).status_code == 401
    assert Dpt.objects.count() == 1


def test_admin_mendaftarkan_aplikasi_dan_membuat_kunci(admin, client):
    client.force_login(admin)
    metro = Satker.objects.get(kode="18.72")
    r = client.post(
        "/admin/imports/aplikasi/add/",
        {"nama": "Siwaskam", "satker": metro.pk, "modul": "dpt,kampanye", "aktif": "on"},
    )
    assert r.status_code == 302, r.content[:2000]
    app = Aplikasi.objects.get(nama="Siwaskam")
    assert app.modul == ["dpt", "kampanye"]
    assert not app.pengguna.is_active
    assert not app.pengguna.has_usable_password()
    r = client.post(
        "/admin/imports/aplikasi/add/",
        {"nama": "Salah", "satker": metro.pk, "modul": "dpt,xyz", "aktif": "on"},
    )
    assert r.status_code == 200
    assert "Modul tidak dikenal: xyz" in r.text
    # the offices under it: a provincial office's only
    r = client.post(
        "/admin/imports/aplikasi/add/",
        {"nama": "Lebar", "satker": metro.pk, "modul": "dpt", "termasuk_bawahan": "on"},
    )
    assert r.status_code == 200
    assert "Hanya untuk satker provinsi" in r.text
    r = client.post(
        "/admin/imports/kunciaplikasi/add/",
        {"name": "produksi", "aplikasi": app.pk},
        follow=True,
    )
    pesan = [str(m) for m in r.context["messages"]]
    kunci = next(p for p in pesan if "produksi" in p).split(": ")[1].split(" — ")[0]
    assert kirim(client, kunci, {"rekaman": [rekaman(1)]}).status_code == 200
    # the key stays with its application
    k = KunciAplikasi.objects.get(name="produksi")
    halaman = client.get(f"/admin/imports/kunciaplikasi/{k.pk}/change/")
    assert 'name="aplikasi"' not in halaman.text


def test_kunci_demo_berlaku_dan_pembuatannya_idempoten(client):
    from apps.imports import demo

    demo.aplikasi_demo()
    demo.aplikasi_demo()
    assert Aplikasi.objects.filter(nama=demo.NAMA).count() == 1
    assert KunciAplikasi.objects.filter(prefix=demo.AWALAN).count() == 1
    assert kirim(client, demo.KUNCI, {"rekaman": [rekaman(1)]}).status_code == 200
