"""Every answer of the API matches the OpenAPI document it serves (`/api/v1/openapi.json`):
lists, details, and the error answers, for every module, checked with openapi-core (which
also checks that the document itself is valid OpenAPI 3)."""

import pytest
from django.core.files.base import ContentFile
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from tests.conftest import MODULS, modul_id

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return OpenAPI.from_dict(response.json())


def _sesuai_kontrak(api, client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, response.content
    request = response.wsgi_request
    api.validate_response(
        MockRequest("http://testserver", "get", request.path, args=dict(request.GET.items())),
        MockResponse(
            response.content,
            status_code=response.status_code,
            content_type=response["Content-Type"],
        ),
    )
    return response.json()


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_jawaban_sesuai_dokumen_openapi(modul, api, buat, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    rows = [buat(modul, kode, "disetujui", "berkala") for kode in ("18.72", "18.72", "18.01")]
    berkas = [f.name for f in modul.model._meta.fields if f.get_internal_type() == "FileField"]
    for name in berkas:
        getattr(rows[0], name).save("berkas.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
        getattr(rows[1], name).delete(save=True)  # an empty file field is null

    halaman = _sesuai_kontrak(api, client, f"/api/v1/{modul.kode}/", {"page_size": 2})
    assert len(halaman["results"]) == 2
    halaman = _sesuai_kontrak(api, client, halaman["next"].removeprefix("http://testserver"))
    assert len(halaman["results"]) == 1
    for rek in rows:
        _sesuai_kontrak(api, client, f"/api/v1/{modul.kode}/{rek.pk}/")
    _sesuai_kontrak(api, client, f"/api/v1/{modul.kode}/", {"wilayah": "18.72"})
    _sesuai_kontrak(api, client, f"/api/v1/{modul.kode}/", {"periode": "1999-01"})

    galat = _sesuai_kontrak(api, client, f"/api/v1/{modul.kode}/", {"wilayah": "x"}, status=400)
    assert "x" in galat["detail"]
    _sesuai_kontrak(api, client, f"/api/v1/{modul.kode}/{rows[-1].pk + 1000}/", status=404)


def test_indeks_dan_batas_laju_sesuai_dokumen_openapi(api, client, settings):
    # the fixture's request for the document counts too: three in all
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"publik": "3/minute"},
    }
    _sesuai_kontrak(api, client, "/api/v1/")
    _sesuai_kontrak(api, client, f"/api/v1/{MODULS[0].kode}/")
    _sesuai_kontrak(api, client, f"/api/v1/{MODULS[0].kode}/", status=429)
