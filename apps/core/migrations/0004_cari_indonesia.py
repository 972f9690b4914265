"""The text search configuration of the public full-text search (`apps.portal.cari`).

`cari_indonesia` is PostgreSQL's `indonesian` (Snowball stemmer: "pengawasan" and "diawasi"
both find "awas") with accents removed first (`unaccent`), so "Sékolah" finds "sekolah". A
server without the Indonesian stemmer gets the same name over `simple`, so the code never
asks which one it has. A configuration, not `unaccent()` in the query: a configuration is
immutable, so an expression index on `to_tsvector('cari_indonesia', …)` stays possible.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

JENIS_KATA = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"


def buat_konfigurasi(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = 'indonesian'")
        if cursor.fetchone():
            dasar, kamus = "indonesian", "indonesian_stem"
        else:
            dasar, kamus = "simple", "simple"
        cursor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS cari_indonesia")
        cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION cari_indonesia (COPY = {dasar})")
        cursor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION cari_indonesia "
            f"ALTER MAPPING FOR {JENIS_KATA} WITH unaccent, {kamus}"
        )


def hapus_konfigurasi(apps, schema_editor):
    schema_editor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS cari_indonesia")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_nomor_urut"),
    ]

    operations = [
        UnaccentExtension(),
        migrations.RunPython(buat_konfigurasi, hapus_konfigurasi),
    ]
