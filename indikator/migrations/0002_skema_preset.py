"""Ship the two scoring-scheme presets of domain guide §3 as data."""

from decimal import Decimal

from django.db import migrations

D = Decimal
# (label, colour, lower, lower inclusive, upper, upper inclusive)
PRESET = {
    "bpom-2015-2019": {
        "nama": "BPOM 2015–2019",
        "tahun": (2015, 2019),
        "band": [
            ("Tidak dapat disimpulkan", "#9e9e9e", D("120"), False, None, False),
            ("Memuaskan", "#1b7f3b", D("100"), False, D("120"), True),
            ("Baik", "#4caf50", D("100"), True, D("100"), True),
            ("Cukup", "#f0a30a", D("90"), True, D("100"), False),
            ("Kurang", "#d32f2f", None, True, D("90"), False),
        ],
    },
    "bpom-2020-2024": {
        "nama": "BPOM 2020–2024",
        "tahun": (2020, 2024),
        "band": [
            ("Sangat Kurang", "#b71c1c", None, True, D("50"), False),
            ("Kurang", "#e53935", D("50"), True, D("70"), False),
            ("Cukup", "#f0a30a", D("70"), True, D("90"), False),
            ("Baik", "#4caf50", D("90"), True, D("110"), True),
            ("Sangat Baik", "#1b7f3b", D("110"), False, D("120"), True),
            ("Tidak dapat disimpulkan", "#9e9e9e", D("120"), False, None, False),
        ],
    },
}

SKALA_AKIP = [("AA", 100), ("A", 80), ("BB", 70), ("B", 60), ("CC", 50), ("C", 30), ("D", 0)]


def buat(apps, schema_editor):
    Skema = apps.get_model("indikator", "SkemaPenilaian")
    Band = apps.get_model("indikator", "BandKriteria")
    Skala = apps.get_model("indikator", "SkalaKualitatif")
    NilaiSkala = apps.get_model("indikator", "NilaiSkala")
    for kode, data in PRESET.items():
        skema, _ = Skema.objects.get_or_create(
            kode=kode,
            defaults={"nama": data["nama"], "tahun_mulai": data["tahun"][0], "tahun_selesai": data["tahun"][1]},
        )
        if not skema.band.exists():
            for i, (label, warna, bawah, bawah_ink, atas, atas_ink) in enumerate(data["band"], start=1):
                Band.objects.create(
                    skema=skema,
                    urutan=i,
                    label=label,
                    warna=warna,
                    batas_bawah=bawah,
                    bawah_inklusif=bawah_ink,
                    batas_atas=atas,
                    atas_inklusif=atas_ink,
                )
    skala, _ = Skala.objects.get_or_create(kode="predikat-akip", defaults={"nama": "Predikat AKIP (AA–D)"})
    for i, (kode, nilai) in enumerate(SKALA_AKIP, start=1):
        NilaiSkala.objects.get_or_create(skala=skala, kode=kode, defaults={"nilai": D(nilai), "urutan": i})


def hapus(apps, schema_editor):
    apps.get_model("indikator", "SkemaPenilaian").objects.filter(kode__in=list(PRESET)).delete()
    apps.get_model("indikator", "SkalaKualitatif").objects.filter(kode="predikat-akip").delete()


class Migration(migrations.Migration):
    dependencies = [("indikator", "0001_initial")]
    operations = [migrations.RunPython(buat, hapus)]
