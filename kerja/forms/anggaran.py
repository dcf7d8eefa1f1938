"""Budget forms; every amount is an `AngkaField` (Indonesian or plain numbers)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from anggaran.models import MataAnggaran, SubKegiatan
from anggaran.services import riwayat_mata
from indikator.models import Indikator, Sasaran, UnitKerja
from indikator.token_ubah import token
from kerja.forms.token_ubah import TokenUbahMixin
from umum.bulan import NAMA_BULAN, NOMOR_BULAN
from umum.forms import AngkaField


class MataAnggaranForm(TokenUbahMixin, forms.ModelForm):
    class Meta:
        model = MataAnggaran
        fields = ["kode", "nama", "jenis", "induk", "urutan"]

    def __init__(self, *args, unit: UnitKerja, tahun: int, **kwargs):
        super().__init__(*args, **kwargs)
        qs = MataAnggaran.objects.filter(unit=unit, tahun=tahun).order_by("kode")
        if self.instance.pk:
            qs = qs.exclude(pk=self.instance.pk)
        self.fields["induk"].queryset = qs


class PaguForm(TokenUbahMixin, forms.Form):
    nilai = AngkaField(label=_("Pagu (Rp)"), min_value=0, error_messages={"min_value": _("Pagu tidak boleh negatif.")})
    berlaku_mulai = forms.DateField(label=_("Berlaku mulai"), widget=forms.DateInput(attrs={"type": "date"}))
    keterangan = forms.CharField(label=_("Keterangan"), required=False, max_length=300)


class BulananForm(TokenUbahMixin, forms.Form):
    """Twelve monthly amounts b_1 … b_12 (not cumulative) of a budget line's related set `relasi`."""

    relasi = "realisasi"
    pesan_negatif = _("Realisasi tidak boleh negatif.")

    def __init__(self, *args, mata: MataAnggaran, **kwargs):
        baris = getattr(mata, self.relasi)
        kwargs.setdefault("versi", token(riwayat_mata(baris.model, mata)))
        super().__init__(*args, **kwargs)
        ada = {r.bulan: r.nilai for r in baris.all()}
        for b in NOMOR_BULAN:
            self.fields[f"b_{b}"] = AngkaField(
                label=_(NAMA_BULAN[b - 1]),
                required=False,
                min_value=0,
                error_messages={"min_value": self.pesan_negatif},
            )
            self.initial[f"b_{b}"] = ada.get(b)

    def nilai_per_bulan(self):
        return {b: self.cleaned_data.get(f"b_{b}") for b in NOMOR_BULAN}


class RealisasiBulananForm(BulananForm):
    pass


class RealisasiTahunanForm(forms.Form):
    """The yearly spending of a budget line (empty removes it); it wins over the monthly figures."""

    nilai = AngkaField(
        label=_("Realisasi setahun (Rp)"),
        required=False,
        min_value=0,
        error_messages={"min_value": _("Realisasi tidak boleh negatif.")},
    )

    def __init__(self, *args, mata: MataAnggaran, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["nilai"] = mata.realisasi_tahunan


class RencanaPenarikanForm(BulananForm):
    relasi = "rencana_penarikan"
    pesan_negatif = _("Rencana penarikan tidak boleh negatif.")


class SubKegiatanForm(TokenUbahMixin, forms.ModelForm):
    target_output = AngkaField(label=_("Output: target"), required=False, min_value=0)
    realisasi_output = AngkaField(label=_("Output: realisasi"), required=False, min_value=0)

    class Meta:
        model = SubKegiatan
        fields = [
            "nama",
            "urutan",
            "sasaran",
            "indikator",
            "mata_anggaran",
            "uraian_output",
            "satuan_output",
            "target_output",
            "realisasi_output",
            "keterangan",
        ]
        widgets = {"keterangan": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, unit: UnitKerja, tahun: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mata_anggaran"].queryset = MataAnggaran.objects.filter(unit=unit, tahun=tahun).order_by("kode")
        self.fields["sasaran"].queryset = Sasaran.objects.filter(revisi__renstra__unit=unit).order_by("kode")
        self.fields["indikator"].queryset = Indikator.objects.milik(unit).order_by("kode")
        self.fields["sasaran"].required = False
        self.fields["indikator"].required = False
