"""Forms of the recommendations register: a source and a recommendation (APIP), a follow-up plan and a follow-up
report with one piece of evidence (the unit), the APIP's decision on a plan and its verification."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from indikator.models import Indikator
from pohon.models import Jabatan, NodeKinerja
from tindak_lanjut.enums import BabReviu, ButirPeriksa, HasilReviu, HasilVerifikasi, JenisBukti, JenisDokumen
from tindak_lanjut.models import Rekomendasi, RencanaAksiTL, SumberRekomendasi, TindakLanjut
from umum.teks import tanpa_karakter_kendali

from .kinerja import TANGGAL


class SumberForm(forms.ModelForm):
    class Meta:
        model = SumberRekomendasi
        fields = ["jenis", "nomor", "tanggal", "penerbit", "tahun_objek", "batas_hari", "berkas"]
        widgets = {"tanggal": TANGGAL}


class RekomendasiForm(forms.ModelForm):
    class Meta:
        model = Rekomendasi
        fields = [
            "sumber",
            "kondisi",
            "sebab",
            "akibat",
            "uraian",
            "prioritas",
            "jabatan_pj",
            "tahun",
            "batas_waktu",
            "indikator",
            "kode_kriteria",
            "node",
            "jenis_dokumen",
            "syarat_selesai",
        ]
        widgets = {
            "batas_waktu": TANGGAL,
            "kondisi": forms.Textarea(attrs={"rows": 2}),
            "sebab": forms.Textarea(attrs={"rows": 2}),
            "akibat": forms.Textarea(attrs={"rows": 2}),
            "uraian": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "tahun": _("Kosong: tahun tanggal sumber."),
            "batas_waktu": _("Kosong: tanggal sumber ditambah batas waktu bawaannya."),
        }

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sumber"].queryset = SumberRekomendasi.objects.filter(unit=unit)
        self.fields["jabatan_pj"].queryset = Jabatan.objects.filter(unit=unit, aktif=True)
        self.fields["indikator"].queryset = Indikator.objects.milik(unit).order_by("kode")
        self.fields["node"].queryset = NodeKinerja.objects.filter(unit=unit)
        self.fields["tahun"].required = False
        self.fields["batas_waktu"].required = False


class RencanaForm(forms.ModelForm):
    class Meta:
        model = RencanaAksiTL
        fields = ["uraian", "keluaran", "tanggal_mulai", "target_tanggal", "pj"]
        widgets = {
            "tanggal_mulai": TANGGAL,
            "target_tanggal": TANGGAL,
            "uraian": forms.Textarea(attrs={"rows": 2}),
        }


class TindakLanjutForm(forms.ModelForm):
    """A follow-up with one piece of evidence: a document of the app (kind, year, PK version, page), an upload or
    a URL."""

    bukti_jenis = forms.ChoiceField(
        label=_("Jenis bukti"), choices=[("", _("Tanpa bukti"))] + list(JenisBukti.choices), required=False
    )
    dokumen = forms.ChoiceField(
        label=_("Dokumen aplikasi"), choices=[("", "–")] + list(JenisDokumen.choices), required=False
    )
    dokumen_tahun = forms.IntegerField(label=_("Tahun dokumen"), min_value=2000, max_value=2100, required=False)
    dokumen_versi = forms.IntegerField(label=_("Versi PK"), min_value=1, max_value=999, required=False)
    halaman = forms.IntegerField(label=_("Halaman"), min_value=1, max_value=9999, required=False)
    berkas = forms.FileField(label=_("Berkas bukti"), required=False)
    url = forms.URLField(label=_("Tautan bukti"), required=False, max_length=500, assume_scheme="https")
    keterangan = forms.CharField(
        label=_("Keterangan bukti"), required=False, max_length=200, validators=[tanpa_karakter_kendali]
    )

    class Meta:
        model = TindakLanjut
        fields = ["rencana", "uraian", "tanggal", "progres"]
        widgets = {"tanggal": TANGGAL, "uraian": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, rekomendasi, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rencana"].queryset = RencanaAksiTL.objects.filter(rekomendasi=rekomendasi)


class PutusRencanaForm(forms.Form):
    setuju = forms.TypedChoiceField(
        label=_("Keputusan"),
        choices=[("1", _("Setujui")), ("0", _("Tolak"))],
        coerce=lambda v: v == "1",
    )
    catatan = forms.CharField(
        label=_("Catatan"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class VerifikasiForm(forms.Form):
    hasil = forms.ChoiceField(label=_("Hasil verifikasi"), choices=HasilVerifikasi.choices)
    catatan = forms.CharField(
        label=_("Catatan"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wajib bila hasilnya bukan Sesuai."),
    )


class ImporMatriksForm(forms.Form):
    berkas = forms.FileField(
        label=_("Matriks tindak lanjut (.xlsx)"),
        help_text=_(
            "Kolom: Unit, Kondisi/Temuan, Sebab, Akibat, Rekomendasi, Prioritas, Batas waktu, Tindak lanjut, "
            "Tanggal tindak lanjut, Status."
        ),
    )
    aksi = forms.ChoiceField(
        label=_("Langkah"),
        choices=[("uji", _("Periksa saja (uji coba)")), ("simpan", _("Impor bila tidak ada galat"))],
        initial="uji",
        widget=forms.RadioSelect,
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if not berkas.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Unggah berkas .xlsx."), code="ekstensi")
        if berkas.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("Ukuran berkas paling besar 5 MB."), code="ukuran")
        return berkas


class ButirReviuForm(forms.Form):
    kode = forms.ChoiceField(choices=ButirPeriksa.choices, widget=forms.HiddenInput)
    terpenuhi = forms.TypedChoiceField(
        label=_("Terpenuhi"),
        choices=[("1", _("Ya")), ("0", _("Tidak"))],
        coerce=lambda v: v == "1",
    )
    catatan = forms.CharField(label=_("Catatan"), required=False, max_length=2000)


class CatatanReviuForm(forms.Form):
    bab = forms.ChoiceField(label=_("Bab"), choices=BabReviu.choices)
    isi = forms.CharField(label=_("Catatan"), max_length=3000, widget=forms.Textarea(attrs={"rows": 2}))
    jadi_rekomendasi = forms.BooleanField(label=_("Jadikan rekomendasi"), required=False)


class SelesaiReviuForm(forms.Form):
    hasil = forms.ChoiceField(label=_("Simpulan"), choices=HasilReviu.choices)
    nomor_lhr = forms.CharField(label=_("Nomor LHR"), max_length=120, validators=[tanpa_karakter_kendali])
    tanggal = forms.DateField(label=_("Tanggal reviu"), widget=TANGGAL)
    kota = forms.CharField(label=_("Kota"), max_length=80, validators=[tanpa_karakter_kendali])
    pereviu_nama = forms.CharField(label=_("Nama pereviu"), max_length=200, validators=[tanpa_karakter_kendali])
    pereviu_nip = forms.CharField(
        label=_("NIP pereviu"), max_length=30, required=False, validators=[tanpa_karakter_kendali]
    )
    pereviu_jabatan = forms.CharField(label=_("Jabatan pereviu"), max_length=200, validators=[tanpa_karakter_kendali])
    berkas_lhr = forms.FileField(label=_("Berkas LHR"), required=False)
