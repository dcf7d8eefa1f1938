from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("indikator", "0007_skema_huruf_perspektif_pegawai"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalindikator",
            name="penanggung_jawab",
            field=models.CharField(
                blank=True,
                help_text="Pejabat atau bagian yang melaporkan.",
                max_length=200,
                verbose_name="penanggung jawab",
            ),
        ),
        migrations.AddField(
            model_name="indikator",
            name="penanggung_jawab",
            field=models.CharField(
                blank=True,
                help_text="Pejabat atau bagian yang melaporkan.",
                max_length=200,
                verbose_name="penanggung jawab",
            ),
        ),
    ]
