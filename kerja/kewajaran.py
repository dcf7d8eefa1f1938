"""Plausibility of a typed realisasi: values that are allowed but usually a typing slip ask for a confirmation
before they are saved (the realisasi grid). Pure rules; the capaian comes from the official formulas."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from umum.format import format_angka

CAPAIAN_ATAS = Decimal("150")
CAPAIAN_BAWAH = Decimal("50")
# Units that count whole things: a fraction is almost always a typing slip ("1.234,5 dokumen").
SATUAN_CACAH = frozenset(
    {
        "dokumen", "laporan", "kegiatan", "orang", "unit", "buah", "kali", "paket", "berkas", "surat", "kajian",
        "rekomendasi", "mou", "perjanjian", "produk", "sertifikat", "sampel", "lembaga", "instansi", "pegawai",
        "peserta", "provinsi", "kabupaten", "kota", "sarana", "aplikasi", "sistem", "inovasi", "jenis", "item",
    }
)  # fmt: skip


def satuan_cacah(satuan: str) -> bool:
    kata = (satuan or "").strip().lower().split()
    return bool(kata) and kata[0] in SATUAN_CACAH


def satuan_persen(satuan: str) -> bool:
    s = (satuan or "").strip().lower()
    return s in {"%", "persen", "persentase"} or s.startswith("%")


def periksa_kewajaran(*, satuan: str, nilai: Decimal | None, capaian: Decimal | None, label: str) -> list[str]:
    """Why the value `nilai` of the cell `label` (and the capaian it yields) looks implausible; [] when it does not."""
    hasil = []
    if nilai is not None:
        if satuan_cacah(satuan) and nilai != nilai.to_integral_value():
            hasil.append(
                _("%(sel)s: %(nilai)s bukan bilangan bulat, padahal satuannya %(satuan)s.")
                % {"sel": label, "nilai": format_angka(nilai, None), "satuan": satuan}
            )
        if satuan_persen(satuan) and nilai > 100:
            hasil.append(
                _("%(sel)s: %(nilai)s %% melebihi 100 %%.") % {"sel": label, "nilai": format_angka(nilai, None)}
            )
    if capaian is not None and (capaian > CAPAIAN_ATAS or capaian < CAPAIAN_BAWAH):
        hasil.append(
            _("%(sel)s: capaian menjadi %(capaian)s %%, di luar kisaran wajar 50–150 %%.")
            % {"sel": label, "capaian": format_angka(capaian, 2)}
        )
    return hasil
