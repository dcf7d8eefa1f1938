"""Two new suggestion rules on the shipped PermenPANRB 88/2021 template: AREN002.8 (cascading) →
`cascading_selaras`, CLAP001.2 (reports drawn up periodically) → `laporan_berkala_terbit`.

A template used by an evaluation is immutable (docs/keputusan.md): only the unused versions of the shipped
template are updated, and only where the criterion names no rule yet (an administrator's choice is kept). A used
version keeps its rules; its next version (`templat.salin_versi_baru`) is where the rule is set. A new database
gets the rules from the template data itself (evaluasi/data/permenpanrb_88_2021.json, loaded by 0002).
"""

from django.db import migrations

KODE_TEMPLATE = "permenpanrb-88-2021"
ATURAN = {"AREN002.8": "cascading_selaras", "CLAP001.2": "laporan_berkala_terbit"}


def _kriteria(apps):
    return apps.get_model("evaluasi", "LkeKriteria").objects.filter(
        sub__komponen__template__kode=KODE_TEMPLATE, sub__komponen__template__evaluasi__isnull=True
    )


def tambah(apps, schema_editor):
    for kode, aturan in ATURAN.items():
        _kriteria(apps).filter(kode=kode, aturan_saran="").update(aturan_saran=aturan)


def kembalikan(apps, schema_editor):
    for kode, aturan in ATURAN.items():
        _kriteria(apps).filter(kode=kode, aturan_saran=aturan).update(aturan_saran="")


class Migration(migrations.Migration):
    dependencies = [("evaluasi", "0002_template_bawaan")]
    operations = [migrations.RunPython(tambah, kembalikan)]
