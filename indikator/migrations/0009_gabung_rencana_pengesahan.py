# Joins the two lines of migrations made side by side: the plan workbook fields (0007, 0008 penanggung jawab)
# and the submission workflow (0007 note and deadline, 0008 status label).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("indikator", "0008_indikator_penanggung_jawab"),
        ("indikator", "0008_status_draf"),
    ]

    operations = []
