"""The form of a unit's tree settings: level skipping and the severity of each consistency check."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from pohon.periksa import KEPARAHAN, LABEL_KEPARAHAN, PEMERIKSAAN


class AturanPohonForm(forms.Form):
    boleh_lompat_tingkat = forms.BooleanField(
        label=gettext_lazy("Boleh melompati tingkat"),
        required=False,
        help_text=gettext_lazy("Centang bila unit ini boleh menempatkan simpul dua tingkat di bawah induknya."),
    )

    def __init__(self, *args, aturan=None, **kwargs):
        awal = {}
        if aturan is not None:
            awal = {"boleh_lompat_tingkat": aturan.boleh_lompat_tingkat}
            awal |= {f"keparahan_{k}": v for k, v in (aturan.keparahan or {}).items() if k in PEMERIKSAAN}
        kwargs.setdefault("initial", awal)
        super().__init__(*args, **kwargs)
        for kode, (label, bawaan) in PEMERIKSAAN.items():
            self.fields[f"keparahan_{kode}"] = forms.ChoiceField(
                label=f"{kode} · {label}",
                required=False,
                choices=[("", gettext_lazy("Bawaan (%(label)s)") % {"label": LABEL_KEPARAHAN[bawaan]})]
                + [(k, LABEL_KEPARAHAN[k]) for k in KEPARAHAN],
            )

    def keparahan(self) -> dict[str, str]:
        return {kode: self.cleaned_data.get(f"keparahan_{kode}") or "" for kode in PEMERIKSAAN}
