# Merges the two 0005 migrations that arrived from parallel branches.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("indikator", "0005_profil_disahkan"),
        ("indikator", "0005_riwayat_struktur"),
    ]

    operations = []
