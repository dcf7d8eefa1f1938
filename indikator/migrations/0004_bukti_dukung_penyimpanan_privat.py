"""Evidence files move to private storage (settings.SAKIP_PRIVATE_ROOT, outside MEDIA_ROOT, never served by URL).

The data step moves files uploaded before this change from MEDIA_ROOT to the private root under the same name
(`bukti/<indikator id>/<year>/<file>`); a file already there is left alone. Reversible: the reverse step moves
them back.
"""

import shutil
from pathlib import Path

from django.conf import settings
from django.db import migrations, models

import indikator.models
import umum.penyimpanan


def _pindahkan(apps, asal_root, tujuan_root) -> None:
    asal_root, tujuan_root = Path(asal_root).resolve(), Path(tujuan_root).resolve()
    if asal_root == tujuan_root:
        return
    BuktiDukung = apps.get_model("indikator", "BuktiDukung")
    for nama in BuktiDukung.objects.exclude(berkas="").values_list("berkas", flat=True).iterator():
        asal, tujuan = (asal_root / nama).resolve(), (tujuan_root / nama).resolve()
        if not (asal.is_relative_to(asal_root) and tujuan.is_relative_to(tujuan_root)):
            continue  # never follow a name out of either root
        if asal.is_file() and not tujuan.exists():
            tujuan.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(asal), str(tujuan))


def pindahkan_ke_penyimpanan_privat(apps, schema_editor):
    _pindahkan(apps, settings.MEDIA_ROOT, settings.SAKIP_PRIVATE_ROOT)


def kembalikan_ke_media(apps, schema_editor):
    _pindahkan(apps, settings.SAKIP_PRIVATE_ROOT, settings.MEDIA_ROOT)


class Migration(migrations.Migration):
    dependencies = [
        ("indikator", "0003_indikator_ukur_akip"),
    ]

    operations = [
        migrations.AlterField(
            model_name="buktidukung",
            name="berkas",
            field=models.FileField(
                storage=umum.penyimpanan.penyimpanan_privat,
                upload_to=indikator.models.kinerja._lokasi_bukti,
                verbose_name="berkas",
            ),
        ),
        migrations.RunPython(pindahkan_ke_penyimpanan_privat, kembalikan_ke_media, elidable=True),
    ]
