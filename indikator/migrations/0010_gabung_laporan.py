# Joins the merge migration made beside the report work (legal documents) with the main line.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("indikator", "0009_gabung_rencana_pengesahan"),
        ("indikator", "0006_merge_profil_riwayat"),
    ]

    operations = []
