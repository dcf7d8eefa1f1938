"""`manage.py export_lakip`."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook


def test_ekspor_html_dan_xlsx(unit, tmp_path):
    html = tmp_path / "l.html"
    call_command("export_lakip", unit=unit.slug, tahun=2018, format_="html", output=str(html))
    teks = html.read_text(encoding="utf-8")
    assert "104,47" in teks and "Peringatan Konsistensi Data" not in teks
    call_command("export_lakip", unit=unit.slug, tahun=2018, format_="html", output=str(html), dengan_peringatan=True)
    assert "Peringatan Konsistensi Data" in html.read_text(encoding="utf-8")
    xlsx = tmp_path / "l.xlsx"
    call_command("export_lakip", "--unit", unit.slug, "--tahun", "2018", "--format", "xlsx", "-o", str(xlsx))
    assert "Tabel 16" in load_workbook(xlsx).sheetnames


@pytest.mark.parametrize(
    ("slug", "tahun", "pesan"), [("tidak-ada", 2018, "tidak ditemukan"), (None, 2031, "tidak dapat disusun")]
)
def test_unit_atau_tahun_tidak_dikenal(unit, tmp_path, slug, tahun, pesan):
    with pytest.raises(CommandError, match=pesan):
        call_command("export_lakip", unit=slug or unit.slug, tahun=tahun, format_="pdf", output=str(tmp_path / "x"))


def test_kode_keluar_1(unit, tmp_path, capsys, monkeypatch):
    from django.core.management import ManagementUtility
    from django.db import connections

    # run_from_argv closes every connection when the command ends, which on PostgreSQL would also end the
    # transaction that holds the shared reference data for the tests after this one.
    monkeypatch.setattr(connections, "close_all", lambda: None)

    with pytest.raises(SystemExit) as keluar:
        ManagementUtility(
            ["manage.py", "export_lakip", "--unit", "tidak-ada", "--tahun", "2018", "-o", str(tmp_path / "x")]
        ).execute()
    assert keluar.value.code == 1
    assert "tidak ditemukan" in capsys.readouterr().err


def test_ekspor_html_mandiri_tanpa_rujukan_luar(unit, tmp_path):
    """`--format html` opens from a file: the stylesheets inlined, the logo and the draft watermark as data: URIs;
    no link to /static or /media is left."""
    import base64
    import re

    from django.core.files.base import ContentFile

    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    unit.logo.save("logo-uji.png", ContentFile(png), save=True)
    try:
        berkas = tmp_path / "l.html"
        call_command("export_lakip", unit=unit.slug, tahun=2018, format_="html", output=str(berkas))
        teks = berkas.read_text(encoding="utf-8")
    finally:
        unit.logo.delete(save=True)
    assert '<link rel="stylesheet"' not in teks
    assert "/static/" not in teks and "/media/" not in teks
    assert ".laporan-kinerja .tabel" in teks  # the print stylesheet, inlined
    assert 'src="data:image/png;base64,' in teks  # the logo
    assert 'url("data:image/svg+xml;base64,' in teks  # the draft watermark (the 2018 year is not approved)
    rujukan = re.findall(r'(?:src="|href="|url\(")([^"#][^"]*)"', teks)
    assert all(r.startswith("data:") for r in rujukan), [r for r in rujukan if not r.startswith("data:")][:5]
