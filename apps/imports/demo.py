"""The demo's connected application (`seed_demo`): one registered application of Bawaslu Kota
Metro with a fixed, published key, so the write API can be tried on a demo portal the way the
demo logins let the pages be tried. Never on a production database: `seed_demo` only."""

from apps.imports.models import Aplikasi, KunciAplikasi
from apps.organisasi.models import Satker

NAMA = "Siwaslu (demo)"
AWALAN = "demo2026"
KUNCI = f"{AWALAN}.kunci-demo-bawaslu-data-center-26"
MODUL = ["dpt", "kampanye", "pencegahan"]


def aplikasi_demo() -> Aplikasi:
    """The demo application and its key (idempotent)."""
    app = Aplikasi.objects.filter(nama=NAMA).first()
    if app is None:
        app = Aplikasi(nama=NAMA, satker=Satker.objects.get(kode="18.72"), modul=MODUL)
        app.keterangan = "Aplikasi contoh untuk mencoba API tulis /api/v1/masuk/."
        app.save()
    if not KunciAplikasi.objects.filter(prefix=AWALAN).exists():
        k = KunciAplikasi(name="demo", aplikasi=app, prefix=AWALAN)
        k.hashed_key = KunciAplikasi.objects.key_generator.hash(KUNCI)
        k.id = f"{AWALAN}.{k.hashed_key}"
        k.save()
    return app
