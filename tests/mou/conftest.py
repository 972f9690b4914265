import pytest

from apps.core import registry


@pytest.fixture(autouse=True)
def _media_sementara(settings, tmp_path):
    """Uploaded and demo PDFs of these tests go to a temporary folder, not to .data/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def modul():
    return registry.get("mou")
