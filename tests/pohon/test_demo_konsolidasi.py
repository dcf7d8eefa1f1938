"""The demo tree (demo/pohon.py, loaded by `buat_demo`) and Sekretariat Utama's 2018 consolidated report made by
`export_lakip`: the demo loads twice without error or change, and the "Kontribusi unit" table prints the Biro
Kerja Sama's realisasi and capaian exactly as its own report measures them. One report render in this module."""

import html
import re
from io import StringIO

import pytest
from django.core.management import call_command

from indikator.models import UnitKerja
from laporan.bundel import ambil_bundel
from pohon.models import HasilKonsolidasi, KonsolidasiTahun, NodeKinerja, TautanStrategi
from umum.format import format_angka

pytestmark = pytest.mark.django_db


def _tabel(isi: str, judul: str) -> list[list[str]]:
    """The body rows (cell texts) of the last table whose caption contains `judul` (the body, not the list of
    tables)."""
    awal = isi.rindex(judul)
    akhir = isi.index("</table>", awal)
    baris = []
    for tr in re.findall(r"<tbody.*?</tbody>", isi[awal:akhir], flags=re.S):
        for r in re.findall(r"<tr[^>]*>(.*?)</tr>", tr, flags=re.S):
            baris.append(
                [
                    html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
                    for c in re.findall(r"<td[^>]*>(.*?)</td>", r, flags=re.S)
                ]
            )
    return baris


def test_demo_dua_kali_dan_kontribusi_biro_seperti_laporannya_sendiri(referensi, tmp_path):
    call_command("buat_demo", stdout=StringIO())
    jumlah = (NodeKinerja.objects.count(), TautanStrategi.objects.count(), HasilKonsolidasi.objects.count())
    run = KonsolidasiTahun.objects.get(unit__slug="sekretariat-utama", tahun=2018)
    call_command("buat_demo", stdout=StringIO())
    assert (NodeKinerja.objects.count(), TautanStrategi.objects.count(), HasilKonsolidasi.objects.count()) == jumlah
    assert KonsolidasiTahun.objects.get(pk=run.pk).pin == run.pin  # not out of date: not recomputed
    # Three levels with nodes, positions down to the staff.
    assert set(NodeKinerja.objects.values_list("unit__slug", flat=True)) == {
        "bpom",
        "sekretariat-utama",
        "biro-kerja-sama",
        "biro-hukum-organisasi-demo",
    }
    assert set(NodeKinerja.objects.values_list("tingkat", flat=True)) == {"ss", "sp", "sk", "es3", "es4", "rhk"}

    berkas = tmp_path / "sestama.html"
    call_command(
        "export_lakip", unit="sekretariat-utama", tahun=2018, format_="html", output=str(berkas), stdout=StringIO()
    )
    isi = berkas.read_text(encoding="utf-8")

    biro = UnitKerja.objects.get(slug="biro-kerja-sama")
    sendiri = ambil_bundel(biro, 2018).ukur  # what the Biro's own report prints
    iku4 = next(b for b in sendiri.baris if b.indikator.kode == "IKU4")
    baris = _tabel(isi, "Kontribusi Unit pada Indikator Persentase kerja sama yang ditindaklanjuti")
    biro_baris = next(r for r in baris if r[0] == "Biro Kerja Sama")
    assert biro_baris[2:] == [
        format_angka(iku4.realisasi.nilai, None),
        format_angka(iku4.capaian, 2),
        iku4.kriteria.label,
    ]
    # The consolidated figure: the ratio of the summed numerators and denominators (71 + 45) / (101 + 60).
    assert baris[-1][0].startswith("Sekretariat Utama (konsolidasi")
    assert baris[-1][1] == "72,05"  # the name spans two columns
    # The lampiran Capaian per Unit, coloured by kriteria; the budget summed and the efficiency on the totals.
    lampiran = _tabel(isi, "Capaian per Unit Tahun 2018")
    assert [r[1] for r in lampiran if r[0].startswith("Persentase kerja sama")] == [format_angka(iku4.capaian, 2)]
    assert f'style="background-color:{iku4.kriteria.warna}"' in isi
    assert "Anggaran Sekretariat Utama dan Unit Bawahannya Tahun 2018" in isi
    assert "Efisiensi gabungan Sekretariat Utama dan unit bawahannya" in isi
    assert "USANG" not in isi
