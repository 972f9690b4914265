"""Loads the shipped holiday calendar (fixtures/hari_libur.json) into every database.

Read with the historical model and `update_or_create` by date rather than `loaddata`, which
uses the current model and would duplicate rows on a second run."""

import json
from pathlib import Path

from django.db import migrations

BERKAS = Path(__file__).resolve().parent.parent / "fixtures" / "hari_libur.json"


def isi_hari_libur(apps, schema_editor):
    HariLibur = apps.get_model("kalender", "HariLibur")
    for baris in json.loads(BERKAS.read_text(encoding="utf-8")):
        kolom = dict(baris["fields"])
        HariLibur.objects.update_or_create(tanggal=kolom.pop("tanggal"), defaults=kolom)


class Migration(migrations.Migration):
    dependencies = [("kalender", "0001_initial")]

    operations = [migrations.RunPython(isi_hari_libur, migrations.RunPython.noop)]
