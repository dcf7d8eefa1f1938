"""Forms of the performance tree pages: a node, its move and deactivation, its indikator, budget lines, partners and
cause–effect links, an offer to a child unit and its answer, positions and their holders. The choices offered are
the unit's own (the service refuses anything else again)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from anggaran.models import MataAnggaran
from indikator.models import Indikator, Sasaran, UnitKerja
from kerja.forms.token_ubah import TokenUbahMixin
from pohon.enums import PeranIndikator, StatusNode, Tingkat
from pohon.models import Crosscutting, Jabatan, NodeAnggaran, NodeKinerja, PemegangJabatan
from pohon.queries import berlaku_pada
from umum.forms import AngkaField


class PilihanSimpul(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        unit = obj.unit.singkatan or obj.unit.nama
        return f"{Tingkat(obj.tingkat).label} {obj.kode} {obj.uraian[:70]} ({unit})".replace("  ", " ")


def simpul_induk(unit: UnitKerja, tahun: int, kecuali: NodeKinerja | None = None):
    """Nodes a node of `unit` may hang from: the unit's and its parent unit's nodes in force, not rejected or
    inactive (the service checks levels and cycles)."""
    qs = (
        NodeKinerja.objects.filter(berlaku_pada(tahun), unit_id__in=[u for u in (unit.pk, unit.induk_id) if u])
        .exclude(status__in=[StatusNode.DITOLAK, StatusNode.NONAKTIF])
        .select_related("unit")
        .order_by("unit_id", "urutan", "kode", "id")
    )
    return qs.exclude(pk=kecuali.pk) if kecuali is not None and kecuali.pk else qs


def _jabatan(unit: UnitKerja):
    return Jabatan.objects.filter(unit=unit, aktif=True).order_by("eselon", "urutan", "nama")


class SimpulForm(TokenUbahMixin, forms.ModelForm):
    """A node of the unit's tree (its parent is chosen here for a new node; an existing one moves with a reason)."""

    induk = PilihanSimpul(queryset=NodeKinerja.objects.none(), required=False, label=_("Induk"))

    class Meta:
        model = NodeKinerja
        fields = ["induk", "tingkat", "jenis_hasil", "kode", "uraian", "sasaran", "perspektif", "pemilik", "cascading"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, unit: UnitKerja, tahun: int, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["induk"]
        else:
            self.fields["induk"].queryset = simpul_induk(unit, tahun)
        self.fields["sasaran"].queryset = Sasaran.objects.filter(
            revisi__renstra__unit=unit,
            revisi__renstra__tahun_mulai__lte=tahun,
            revisi__renstra__tahun_selesai__gte=tahun,
            revisi__berlaku_mulai__lte=tahun,
            revisi__berlaku_sampai__gte=tahun,
        ).order_by("urutan", "kode")
        self.fields["pemilik"].queryset = _jabatan(unit)


class PindahForm(TokenUbahMixin, forms.Form):
    induk = PilihanSimpul(queryset=NodeKinerja.objects.none(), required=False, label=_("Induk baru"))
    alasan = forms.CharField(label=_("Alasan pemindahan"), max_length=80, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, unit: UnitKerja, tahun: int, node: NodeKinerja, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["induk"].queryset = simpul_induk(unit, tahun, kecuali=node)
        self.fields["induk"].empty_label = _("(tanpa induk: akar pohon)")


class AlasanForm(TokenUbahMixin, forms.Form):
    alasan = forms.CharField(label=_("Alasan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class PilihanIndikator(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.kode} {obj.nama[:90]}" + (f" ({obj.satuan})" if obj.satuan else "")


class IndikatorSimpulForm(forms.Form):
    indikator = PilihanIndikator(queryset=Indikator.objects.none(), label=_("Indikator"))
    peran = forms.ChoiceField(label=_("Peran"), choices=PeranIndikator.choices)

    def __init__(self, *args, unit: UnitKerja, node: NodeKinerja, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indikator"].queryset = (
            Indikator.objects.milik(unit).exclude(tautan_node__node=node).order_by("sasaran__urutan", "urutan", "kode")
        )


class PilihanMata(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.kode} {obj.nama[:80]}"


class AnggaranSimpulForm(forms.ModelForm):
    mata_anggaran = PilihanMata(
        queryset=MataAnggaran.objects.none(), required=False, label=_("Mata anggaran unit (atau ketik kode di bawah)")
    )
    pagu = AngkaField(label=_("Pagu (Rp)"), required=False, min_value=0)

    class Meta:
        model = NodeAnggaran
        fields = [
            "mata_anggaran",
            "kode_program",
            "kode_kegiatan",
            "kode_kro",
            "kode_ro",
            "kode_komponen",
            "uraian",
            "pagu",
        ]

    def __init__(self, *args, unit: UnitKerja, tahun: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mata_anggaran"].queryset = MataAnggaran.objects.filter(unit=unit, tahun=tahun).order_by("kode")


class CrosscuttingForm(forms.ModelForm):
    class Meta:
        model = Crosscutting
        fields = ["mitra_unit", "mitra_nama", "mitra_jenis", "peran", "kontribusi", "indikator_mitra"]
        widgets = {"kontribusi": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, unit: UnitKerja, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mitra_unit"].queryset = UnitKerja.objects.exclude(pk=unit.pk).order_by("urutan", "nama")
        self.fields["mitra_unit"].help_text = _("Unit di aplikasi ini: unit itu menerima atau menolak.")
        self.fields["mitra_nama"].help_text = _("Atau badan di luar aplikasi, dengan jenisnya.")
        self.fields["indikator_mitra"] = PilihanIndikator(
            queryset=Indikator.objects.exclude(**{Indikator.JALUR_UNIT: unit})
            .select_related(Indikator.JALUR_UNIT)
            .order_by("sasaran__revisi__renstra__unit__nama", "kode"),
            required=False,
            label=_("Indikator mitra (opsional)"),
        )


class TautanForm(forms.Form):
    ke = PilihanSimpul(queryset=NodeKinerja.objects.none(), label=_("Menyebabkan (simpul setingkat)"))

    def __init__(self, *args, unit: UnitKerja, tahun: int, node: NodeKinerja, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ke"].queryset = (
            NodeKinerja.objects.filter(berlaku_pada(tahun), unit=unit, tingkat=node.tingkat)
            .exclude(pk=node.pk)
            .exclude(status__in=[StatusNode.DITOLAK, StatusNode.NONAKTIF])
            .select_related("unit")
            .order_by("urutan", "kode")
        )


class TawarkanForm(forms.ModelForm):
    """A parent unit's planner offers a node to one of its child units, under a node of the parent unit."""

    class Meta:
        model = NodeKinerja
        fields = ["unit", "tingkat", "jenis_hasil", "kode", "uraian", "cascading"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 3})}
        labels = {"unit": _("Unit bawahan")}

    def __init__(self, *args, unit: UnitKerja, induk: NodeKinerja, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = UnitKerja.objects.filter(induk=unit).order_by("urutan", "nama")
        self.fields["tingkat"].choices = [(k, v) for k, v in Tingkat.choices if Tingkat(k) != Tingkat(induk.tingkat)]


class JawabUsulanForm(forms.Form):
    aksi = forms.ChoiceField(choices=[("terima", _("Terima")), ("tolak", _("Tolak"))], widget=forms.HiddenInput)
    pemilik = forms.ModelChoiceField(queryset=Jabatan.objects.none(), required=False, label=_("Jabatan pemilik"))
    alasan = forms.CharField(label=_("Alasan"), required=False, max_length=2000)

    def __init__(self, *args, unit: UnitKerja, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pemilik"].queryset = _jabatan(unit)


class JawabCrosscuttingForm(forms.Form):
    aksi = forms.ChoiceField(choices=[("terima", _("Terima")), ("tolak", _("Tolak"))], widget=forms.HiddenInput)
    alasan = forms.CharField(label=_("Alasan"), required=False, max_length=2000)


class JabatanForm(TokenUbahMixin, forms.ModelForm):
    class Meta:
        model = Jabatan
        fields = ["nama", "eselon", "atasan", "urutan", "aktif"]

    def __init__(self, *args, unit: UnitKerja, **kwargs):
        super().__init__(*args, **kwargs)
        qs = Jabatan.objects.filter(unit_id__in=[u for u in (unit.pk, unit.induk_id) if u]).order_by("eselon", "nama")
        self.fields["atasan"].queryset = qs.exclude(pk=self.instance.pk) if self.instance.pk else qs


class PemegangForm(forms.ModelForm):
    class Meta:
        model = PemegangJabatan
        fields = ["nama", "nip", "mulai", "selesai", "plt"]
        widgets = {
            "mulai": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "selesai": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
