"""The shipped LKE templates: PermenPANRB 12/2015 (component level, for past results) and PermenPANRB 88/2021
(77 criteria with their evidence lists, answer scales, kerangka logis rules and predikat bands)."""

from django.db import migrations


def muat(apps, schema_editor):
    from evaluasi.templat import BAWAAN, baca_data, muat_template

    for nama in BAWAAN:
        data = baca_data(nama)
        Template = apps.get_model("evaluasi", "LkeTemplate")
        if not Template.objects.filter(kode=data["kode"]).exists():
            muat_template(data, lambda n: apps.get_model("evaluasi", n))


def hapus(apps, schema_editor):
    apps.get_model("evaluasi", "LkeTemplate").objects.filter(evaluasi__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("evaluasi", "0001_template_lke_dan_evaluasi")]
    operations = [migrations.RunPython(muat, hapus)]
