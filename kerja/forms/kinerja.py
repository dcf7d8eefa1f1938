"""Forms of the planners' workspace. Every numeric field is an `AngkaField` (Indonesian or plain numbers)."""

from __future__ import annotations

from io import BytesIO

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from indikator import services
from indikator.models import BarisPK, Indikator, Renstra, RevisiRenstra, Sasaran, Tujuan, UnitKerja, VersiPK
from kerja.forms.token_ubah import TokenUbahMixin
from umum.forms import AngkaField

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RenstraForm(TokenUbahMixin, forms.ModelForm):
    class Meta:
        model = Renstra
        fields = ["nama", "tahun_mulai", "tahun_selesai", "skema", "visi", "misi"]
        widgets = {"visi": forms.Textarea(attrs={"rows": 2}), "misi": forms.Textarea(attrs={"rows": 3})}


LOGO_MAKS_BYTE = 2 * 1024 * 1024
LOGO_EKSTENSI = ("png", "jpg", "jpeg")
# A small file can declare a huge picture (a 200 KB PNG of 13,300 × 13,300 pixels took 539 MB in every PDF
# render): the declared size is checked before any pixel is decoded, and what is kept is at most LOGO_SISI_SIMPAN
# on its long side (a cover logo prints at a few centimetres).
LOGO_MAKS_PIKSEL = 25_000_000
LOGO_SISI_SIMPAN = 1200


def kecilkan_gambar(logo, *, maks_piksel: int | None = None, sisi_simpan: int | None = None, pesan=None):
    """Refuse a picture over `maks_piksel` (default LOGO_MAKS_PIKSEL; read from its header, nothing decoded) and
    store a copy whose long side is at most `sisi_simpan` pixels (default LOGO_SISI_SIMPAN), in the same format.
    `pesan`: the refusal (with %(lebar)s, %(tinggi)s, %(maks)s). Returns the file to store. The unit logo and the
    report's uploaded figures both go through it."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    maks_piksel = maks_piksel or LOGO_MAKS_PIKSEL
    sisi_simpan = sisi_simpan or LOGO_SISI_SIMPAN
    if pesan is None:
        pesan = _("Gambar logo terlalu besar: %(lebar)s × %(tinggi)s piksel. Paling besar %(maks)s juta piksel.")
    logo.seek(0)
    with Image.open(logo) as gambar:
        lebar, tinggi = gambar.size
        if lebar * tinggi > maks_piksel:
            raise forms.ValidationError(
                pesan % {"lebar": lebar, "tinggi": tinggi, "maks": maks_piksel // 1_000_000},
                code="piksel",
            )
        if max(lebar, tinggi) <= sisi_simpan:
            logo.seek(0)
            return logo
        format_ = gambar.format or "PNG"
        gambar.thumbnail((sisi_simpan, sisi_simpan))
        if format_ == "JPEG" and gambar.mode not in ("RGB", "L"):
            gambar = gambar.convert("RGB")
        isi = BytesIO()
        gambar.save(isi, format=format_)
    return SimpleUploadedFile(logo.name, isi.getvalue(), content_type=f"image/{format_.lower()}")


class ProfilUnitForm(TokenUbahMixin, forms.ModelForm):
    """What the report's cover and Bab I print about the unit: names, city, duties, logo."""

    class Meta:
        model = UnitKerja
        fields = ["nama", "singkatan", "instansi", "kota", "alamat", "tugas", "fungsi", "logo"]
        widgets = {
            "alamat": forms.Textarea(attrs={"rows": 2}),
            "tugas": forms.Textarea(attrs={"rows": 3}),
            "fungsi": forms.Textarea(attrs={"rows": 5}),
        }

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "size") and logo is not self.instance.logo:
            ekstensi = logo.name.rsplit(".", 1)[-1].lower() if "." in logo.name else ""
            if ekstensi not in LOGO_EKSTENSI:
                raise forms.ValidationError(
                    _("Logo harus berkas %(daftar)s.") % {"daftar": ", ".join(LOGO_EKSTENSI)}, code="ekstensi"
                )
            if logo.size > LOGO_MAKS_BYTE:
                raise forms.ValidationError(_("Ukuran logo paling besar 2 MB."), code="ukuran")
            logo = kecilkan_gambar(logo)
        return logo


class TujuanForm(TokenUbahMixin, forms.ModelForm):
    class Meta:
        model = Tujuan
        fields = ["kode", "uraian", "urutan"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["urutan"].required = False
        self.fields["urutan"].help_text = _("Kosongkan untuk menaruhnya di akhir.")

    def clean_urutan(self):
        return self.cleaned_data.get("urutan") or 0


class RevisiForm(TokenUbahMixin, forms.ModelForm):
    class Meta:
        model = RevisiRenstra
        fields = ["nama", "berlaku_mulai", "berlaku_sampai", "tanggal", "dasar_hukum"]
        widgets = {"tanggal": TANGGAL, "dasar_hukum": forms.Textarea(attrs={"rows": 2})}


class SasaranForm(TokenUbahMixin, forms.ModelForm):
    class Meta:
        model = Sasaran
        fields = ["kode", "nama", "level", "perspektif", "tujuan"]
        widgets = {"nama": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, renstra: Renstra, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tujuan"].queryset = Tujuan.objects.filter(renstra=renstra)
        if renstra.skema.pakai_perspektif:
            # The NKO of a scheme with perspectives is built from them: a sasaran without one would be left out.
            self.fields["perspektif"].required = True
        else:
            del self.fields["perspektif"]


class IndikatorForm(TokenUbahMixin, forms.ModelForm):
    class Meta:
        model = Indikator
        fields = [
            "kode",
            "nama",
            "satuan",
            "polaritas",
            "agregasi",
            "skala",
            "iku",
            "ukur_akip",
            "definisi_operasional",
            "formula",
            "sumber_data",
            "pendahulu",
        ]
        widgets = {
            "nama": forms.Textarea(attrs={"rows": 2}),
            "definisi_operasional": forms.Textarea(attrs={"rows": 2}),
            "formula": forms.Textarea(attrs={"rows": 2}),
            "sumber_data": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, unit: UnitKerja, **kwargs):
        super().__init__(*args, **kwargs)
        qs = Indikator.objects.milik(unit).order_by("kode")
        if self.instance.pk:
            qs = qs.exclude(pk=self.instance.pk)
        self.fields["pendahulu"].queryset = qs


class PensiunForm(TokenUbahMixin, forms.Form):
    dipensiunkan_tahun = forms.IntegerField(
        label=_("Dipensiunkan mulai tahun"),
        required=False,
        min_value=1900,
        max_value=2200,
        help_text=_("Kosongkan untuk mengaktifkan kembali. Target dan realisasi tahun sebelumnya tetap tersimpan."),
    )


def _grid_field(label: str, **kwargs) -> AngkaField:
    return AngkaField(label=label, required=False, **kwargs)


class TargetGridForm(TokenUbahMixin, forms.Form):
    """One AngkaField per (indikator, year): name t_<indikator>_<tahun>."""

    def __init__(self, *args, baris, daftar_tahun: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.sel = {}
        for b in baris:
            for tahun, nilai, aktif in b.nilai:
                if not aktif:
                    continue
                nama = f"t_{b.indikator.pk}_{tahun}"
                self.fields[nama] = _grid_field(f"{b.indikator.kode} {tahun}")
                self.initial[nama] = nilai
                self.sel[nama] = (b.indikator.pk, tahun)

    def nilai(self) -> dict[tuple[int, int], object]:
        return {kunci: self.cleaned_data.get(nama) for nama, kunci in self.sel.items()}


class VersiPKForm(TokenUbahMixin, forms.ModelForm):
    anggaran = AngkaField(label=_("Anggaran (Rp)"), required=False, min_value=0)

    class Meta:
        model = VersiPK
        fields = list(VersiPK.KOLOM_UBAH)
        widgets = {
            "berlaku_mulai": TANGGAL,
            "berlaku_sampai": TANGGAL,
            "tanggal_tanda_tangan": TANGGAL,
            "keterangan": forms.Textarea(attrs={"rows": 2}),
        }


class BarisPKForm(TokenUbahMixin, forms.ModelForm):
    nilai = AngkaField(label=_("Target"), required=False)
    nilai_atas = AngkaField(label=_("Batas atas target"), required=False)

    class Meta:
        model = BarisPK
        fields = ["indikator", "uraian_sasaran", "uraian_indikator", "nilai", "nilai_atas", "nilai_kualitatif"]
        fields += ["teks_tampilan"]
        widgets = {
            "uraian_sasaran": forms.Textarea(attrs={"rows": 2}),
            "uraian_indikator": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, unit: UnitKerja, tahun: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indikator"].queryset = (
            Indikator.objects.milik(unit)
            .filter(
                sasaran__revisi__berlaku_mulai__lte=tahun,
                sasaran__revisi__berlaku_sampai__gte=tahun,
            )
            .exclude(dipensiunkan_tahun__lte=tahun)
            .order_by("sasaran__urutan", "urutan")
        )
        self.fields["uraian_sasaran"].required = False
        self.fields["uraian_sasaran"].help_text = _("Kosongkan untuk memakai nama sasaran indikator.")


class RencanaAksiForm(TokenUbahMixin, forms.Form):
    """One AngkaField per (PK row, quarter): name ra_<baris>_<triwulan>."""

    def __init__(self, *args, baris: list[BarisPK], **kwargs):
        super().__init__(*args, **kwargs)
        self.sel = {}
        for b in baris:
            ada = {r.triwulan: r.target_kumulatif for r in b.rencana_aksi.all()}
            for tw in services.TRIWULAN:
                nama = f"ra_{b.pk}_{tw}"
                self.fields[nama] = _grid_field(f"TW{tw}")
                self.initial[nama] = ada.get(tw)
                self.sel[nama] = (b, tw)

    def per_baris(self):
        hasil: dict[BarisPK, dict[int, object]] = {}
        for nama, (b, tw) in self.sel.items():
            hasil.setdefault(b, {})[tw] = self.cleaned_data.get(nama)
        return hasil


class RealisasiSelForm(TokenUbahMixin, forms.Form):
    """Inline (htmx) entry of one quarter's value."""

    nilai = AngkaField(label=_("Realisasi"), required=False)
    nilai_kualitatif = forms.CharField(label=_("Nilai kualitatif"), required=False, max_length=10)


class RealisasiForm(TokenUbahMixin, forms.Form):
    nilai = AngkaField(label=_("Realisasi"), required=False)
    nilai_kualitatif = forms.CharField(
        label=_("Nilai kualitatif"), required=False, max_length=10, help_text=_("Untuk indikator kualitatif, mis. A.")
    )
    analisis = forms.CharField(label=_("Analisis"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    faktor_pendukung = forms.CharField(
        label=_("Faktor pendukung"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    faktor_penghambat = forms.CharField(
        label=_("Faktor penghambat"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    rencana_tindak_lanjut = forms.CharField(
        label=_("Rencana tindak lanjut"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class BuktiForm(forms.Form):
    berkas = forms.FileField(label=_("Berkas bukti dukung"))
    keterangan = forms.CharField(label=_("Keterangan"), required=False, max_length=200)

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        try:
            services.periksa_berkas_bukti(berkas)
        except ValidationError as e:
            raise ValidationError(e.message_dict.get("berkas", e.messages)) from e
        return berkas


class KomentarForm(forms.Form):
    komentar = forms.CharField(label=_("Komentar / alasan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
