"""Each monthly report carries the pagu it is reviewed with (`pagu_laporan`): public figures
read it instead of the line's current pagu. Existing reports take their line's pagu as it is
now (plain SQL, so the test database's replay of data migrations leaves it alone)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("anggaran", "0002_revisi_tercatat"),
    ]

    operations = [
        migrations.AddField(
            model_name="anggaran",
            name="pagu_laporan",
            field=models.DecimalField(
                decimal_places=0,
                editable=False,
                help_text="Pagu mata anggaran yang ditinjau bersama laporan ini: diambil saat laporan disimpan dan mengikuti revisi pagu selama laporan belum disetujui.",
                max_digits=16,
                null=True,
                verbose_name="pagu pada laporan (Rp)",
            ),
        ),
        migrations.RunSQL(
            """
            UPDATE anggaran_anggaran AS a SET pagu_laporan = p.pagu
            FROM anggaran_paguanggaran AS p WHERE p.id = a.pagu_anggaran_id
            """,
            migrations.RunSQL.noop,
        ),
        migrations.AlterField(
            model_name="anggaran",
            name="pagu_laporan",
            field=models.DecimalField(
                decimal_places=0,
                editable=False,
                help_text="Pagu mata anggaran yang ditinjau bersama laporan ini: diambil saat laporan disimpan dan mengikuti revisi pagu selama laporan belum disetujui.",
                max_digits=16,
                verbose_name="pagu pada laporan (Rp)",
            ),
        ),
    ]
