# Joins the two migrations made side by side: the profile kept at approval and the history on every model.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("indikator", "0005_profil_disahkan"),
        ("indikator", "0005_riwayat_struktur"),
    ]

    operations = []
