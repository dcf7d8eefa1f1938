"""The legal texts of the report a planner edits: the unit's PK and IKU-decree wording and the year's review
statement (models `laporan.models.NaskahDinas`, `PernyataanReviu`; writes in `laporan.dinas`)."""

from __future__ import annotations

from django import forms

from kerja.forms.kinerja import TANGGAL
from kerja.forms.token_ubah import TokenUbahMixin
from laporan.dinas import KOLOM_NASKAH, KOLOM_REVIU
from laporan.models import NaskahDinas, PernyataanReviu

SATU_BARIS = ("iku_nomor", "iku_tanggal", "iku_kota")


class NaskahDinasForm(TokenUbahMixin, forms.ModelForm):
    class Meta:
        model = NaskahDinas
        fields = list(KOLOM_NASKAH)
        widgets = {
            "iku_tanggal": TANGGAL,
            **{k: forms.Textarea(attrs={"rows": 4}) for k in KOLOM_NASKAH if k not in SATU_BARIS},
        }


class PernyataanReviuForm(TokenUbahMixin, forms.ModelForm):
    class Meta:
        model = PernyataanReviu
        fields = list(KOLOM_REVIU)
        widgets = {"tanggal": TANGGAL, "isi": forms.Textarea(attrs={"rows": 6})}
