# Joins the report files (task queue) and the legal documents / review statement, made side by side.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("laporan", "0002_berkas_laporan"),
        ("laporan", "0003_pernyataan_reviu"),
    ]

    operations = []
