"""The API's rate limit: requests per client address, counted in a cache every gunicorn worker
and container shares (settings `API_CACHE_BATAS_LAJU`), so N workers do not mean N times the
limit. The rate is `REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["publik"]` (env API_BATAS_LAJU)."""

import logging

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

logger = logging.getLogger(__name__)


class BatasLajuKlien(SimpleRateThrottle):
    scope = "publik"

    def __init__(self):
        # read on each request (not at import), so a changed setting takes effect
        self.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
        self.cache = caches[settings.API_CACHE_BATAS_LAJU]
        super().__init__()

    def get_cache_key(self, request, view):
        # every client counts as anonymous: the API never reads the staff session
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except DatabaseError:
            # A missing counter table (createcachetable not run) must not take the open
            # data down; it is logged loudly so that it is fixed.
            logger.exception("batas laju API tidak dapat dihitung")
            return True
