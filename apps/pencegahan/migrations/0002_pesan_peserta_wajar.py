from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("pencegahan", "0001_initial")]

    operations = [
        migrations.AlterConstraint(
            model_name="pencegahan",
            name="pencegahan_peserta_wajar",
            constraint=models.CheckConstraint(
                condition=models.Q(("jumlah_peserta__lte", 1000000)),
                name="pencegahan_peserta_wajar",
                violation_error_message=(
                    "Jumlah peserta paling banyak 1.000.000 orang; periksa kembali isian "
                    "jumlah peserta."
                ),
            ),
        ),
    ]
