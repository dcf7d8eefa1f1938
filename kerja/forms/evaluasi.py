"""Forms of the AKIP evaluation pages: open an evaluation, add a team member, attach a link as evidence, issue the
LHE (models in `evaluasi.models`; writes in `evaluasi.layanan`)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from evaluasi.enums import JenisEvaluasi, PeranTim
from evaluasi.models import Lhe, LkeTemplate
from indikator.enums import Peran
from kerja.forms.kinerja import TANGGAL


class BukaEvaluasiForm(forms.Form):
    jenis = forms.ChoiceField(label=_("Jenis evaluasi"), choices=JenisEvaluasi.choices)
    template = forms.ModelChoiceField(
        label=_("Template LKE"),
        queryset=LkeTemplate.objects.filter(status="aktif", tingkat_komponen=False),
        empty_label=None,
    )


class AnggotaTimForm(forms.Form):
    pengguna = forms.ModelChoiceField(
        label=_("Auditor"),
        queryset=get_user_model().objects.filter(keanggotaan__peran=Peran.AUDITOR).distinct().order_by("username"),
    )
    peran = forms.ChoiceField(label=_("Peran dalam tim"), choices=PeranTim.choices)


class TautanBuktiForm(forms.Form):
    kriteria = forms.IntegerField(widget=forms.HiddenInput)
    url = forms.URLField(label=_("Tautan bukti"), max_length=500, assume_scheme="https")
    keterangan = forms.CharField(label=_("Keterangan"), max_length=300, required=False)


class LheForm(forms.ModelForm):
    class Meta:
        model = Lhe
        fields = [
            "nomor",
            "tanggal",
            "ringkasan",
            "tindak_lanjut_lalu",
            "rekomendasi",
            "apresiasi",
            "penandatangan_nama",
            "penandatangan_nip",
            "penandatangan_jabatan",
        ]
        widgets = {
            "tanggal": TANGGAL,
            **{
                k: forms.Textarea(attrs={"rows": 4})
                for k in ("ringkasan", "tindak_lanjut_lalu", "rekomendasi", "apresiasi")
            },
        }

    alasan_abaikan = forms.CharField(
        label=_("Alasan mengabaikan kerangka logis (bila ada)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
