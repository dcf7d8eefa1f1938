"""The LKE follow-up criterion (PermenPANRB 88/2021 DVAL003.1, "Seluruh rekomendasi atas hasil evaluasi
akuntabilitas kinerja telah ditindaklanjuti") names the suggestion rule `tl_rekomendasi` (alur/saran_lke.py, from
`tindak_lanjut.queries.porsi_ditindaklanjuti`). New databases get it from evaluasi/data/permenpanrb_88_2021.json;
existing ones here: an unused template version is changed in place, a used one (immutable) is cloned into a new
version (`evaluasi.templat.pasang_aturan_saran`). Lives in tindak_lanjut because the rule is this app's."""

from django.db import migrations

KODE_TEMPLATE, KRITERIA, KUNCI = "permenpanrb-88-2021", "DVAL003.1", "tl_rekomendasi"


def pasang(apps, schema_editor):
    from evaluasi.templat import pasang_aturan_saran

    pasang_aturan_saran(KODE_TEMPLATE, KRITERIA, KUNCI, lambda n: apps.get_model("evaluasi", n))


class Migration(migrations.Migration):
    dependencies = [
        ("tindak_lanjut", "0002_reviu_laporan"),
        ("evaluasi", "0002_template_bawaan"),
    ]
    operations = [migrations.RunPython(pasang, migrations.RunPython.noop)]
