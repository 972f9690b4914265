"""Every test starts with an empty cache: database changes roll back between tests, cached
pages would not, and a page cached by one test must never answer another."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _cache_kosong():
    cache.clear()
    yield
    cache.clear()
