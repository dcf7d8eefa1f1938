"""Evidence of an LKE criterion resolved to the app's own documents (siklus.md §1.3): for each kind of document
a unit's year can have in the app (the IKU decree, the PK versions, the approved LKj, the review statement, the
Renstra, the quarterly realisasi, the Rencana Aksi, the performance tree, the budget, a recorded AKIP result, an
issued LHE), whether it exists for the year the evidence asks (the evaluation's year plus the item's offset) and
where it is. `dokumen_aplikasi` reads every kind once per year (a constant number of queries)."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from anggaran.models import MataAnggaran
from evaluasi.enums import JenisDokumen, StatusEvaluasi
from evaluasi.models import Evaluasi
from indikator.enums import STATUS_FINAL
from indikator.models import Indikator, NilaiAkip, PeriodeUnit, Realisasi, RencanaAksi, Renstra, UnitKerja, VersiPK
from laporan.models import NaskahDinas, NaskahDinasDisahkan, PernyataanReviu
from pohon.models import NodeKinerja


@dataclass(frozen=True)
class DokumenAplikasi:
    """One of the app's documents that answers an evidence item (kind, year, version) and its address."""

    jenis: str
    tahun: int
    ada: bool
    uraian: str
    url: str = ""
    versi: str = ""


# The kinds the app itself produces; the others are uploads or links only.
JENIS_APLIKASI = (
    JenisDokumen.RENSTRA,
    JenisDokumen.IKU,
    JenisDokumen.MANUAL_IKU,
    JenisDokumen.PK,
    JenisDokumen.RENCANA_AKSI,
    JenisDokumen.POHON_KINERJA,
    JenisDokumen.ANGGARAN,
    JenisDokumen.REALISASI_TW,
    JenisDokumen.LKJ,
    JenisDokumen.REVIU_LKJ,
    JenisDokumen.LHE,
    JenisDokumen.NILAI_AKIP,
)


def dokumen_aplikasi(unit: UnitKerja, tahun: int) -> dict[str, DokumenAplikasi]:
    """The app's documents of a unit's year by kind (12 queries)."""
    s, t = unit.slug, tahun
    hasil: dict[str, DokumenAplikasi] = {}

    def catat(jenis, ada, uraian, url="", versi=""):
        hasil[jenis] = DokumenAplikasi(jenis, t, ada, uraian, url if ada else "", versi)

    renstra = Renstra.objects.filter(unit=unit, tahun_mulai__lte=t, tahun_selesai__gte=t).first()
    catat(
        JenisDokumen.RENSTRA,
        renstra is not None,
        renstra.nama if renstra else _("Belum ada Renstra yang mencakup %(tahun)s.") % {"tahun": t},
        reverse("kerja:renstra", args=[s, renstra.pk]) if renstra else "",
    )
    naskah = (
        NaskahDinasDisahkan.objects.filter(unit=unit, tahun=t).first() or NaskahDinas.objects.filter(unit=unit).first()
    )
    iku = naskah is not None and bool(naskah.iku_nomor) and naskah.iku_tanggal is not None
    catat(
        JenisDokumen.IKU,
        iku,
        _("Keputusan IKU nomor %(nomor)s") % {"nomor": naskah.iku_nomor}
        if iku
        else _("Keputusan IKU belum bernomor dan bertanggal."),
        reverse("kerja:keputusan_iku_pdf", args=[s, t]),
    )
    ada_do = (
        Indikator.objects.filter(**{Indikator.JALUR_UNIT: unit}, iku=True).exclude(definisi_operasional="").exists()
    )
    catat(
        JenisDokumen.MANUAL_IKU,
        ada_do,
        _("Definisi operasional IKU (lampiran laporan)") if ada_do else _("Definisi operasional IKU belum diisi."),
        reverse("laporan:html", args=[s, t]),
    )
    versi = list(VersiPK.objects.filter(pk_induk__unit=unit, pk_induk__tahun=t).order_by("nomor"))
    catat(
        JenisDokumen.PK,
        bool(versi),
        _("Perjanjian Kinerja %(tahun)s, %(n)s versi") % {"tahun": t, "n": len(versi)}
        if versi
        else _("Belum ada Perjanjian Kinerja %(tahun)s.") % {"tahun": t},
        reverse("kerja:pk", args=[s, t]),
        ", ".join(f"v{v.nomor}" for v in versi),
    )
    ra = RencanaAksi.objects.filter(baris_pk__versi__pk_induk__unit=unit, baris_pk__versi__pk_induk__tahun=t).exists()
    catat(
        JenisDokumen.RENCANA_AKSI,
        ra,
        _("Rencana Aksi PK %(tahun)s") % {"tahun": t} if ra else _("Belum ada Rencana Aksi."),
        reverse("kerja:pk", args=[s, t]),
    )
    pohon = NodeKinerja.objects.filter(unit=unit).exists()
    catat(
        JenisDokumen.POHON_KINERJA,
        pohon,
        _("Pohon kinerja unit") if pohon else _("Pohon kinerja belum disusun."),
    )
    anggaran = MataAnggaran.objects.filter(unit=unit, tahun=t).exists()
    catat(
        JenisDokumen.ANGGARAN,
        anggaran,
        _("Anggaran %(tahun)s") % {"tahun": t} if anggaran else _("Anggaran belum dicatat."),
        reverse("kerja:anggaran", args=[s, t]),
    )
    tw = sorted(
        set(
            Realisasi.objects.filter(
                **{"indikator__" + Indikator.JALUR_UNIT: unit}, tahun=t, triwulan__isnull=False
            ).values_list("triwulan", flat=True)
        )
    )
    catat(
        JenisDokumen.REALISASI_TW,
        bool(tw),
        _("Realisasi triwulan %(tw)s") % {"tw": ", ".join(map(str, tw))} if tw else _("Belum ada realisasi triwulan."),
        reverse("kerja:realisasi", args=[s, t]),
    )
    periode = PeriodeUnit.objects.filter(unit=unit, tahun=t).first()
    lkj = periode is not None and periode.status in STATUS_FINAL
    catat(
        JenisDokumen.LKJ,
        lkj,
        _("Laporan Kinerja %(tahun)s (%(status)s)") % {"tahun": t, "status": periode.get_status_display()}
        if lkj
        else _("Laporan Kinerja %(tahun)s belum disahkan.") % {"tahun": t},
        reverse("laporan:pdf", args=[s, t]),
    )
    reviu = PernyataanReviu.objects.filter(unit=unit, tahun=t).first()
    catat(
        JenisDokumen.REVIU_LKJ,
        reviu is not None,
        _("Pernyataan telah direviu, %(tanggal)s") % {"tanggal": reviu.tanggal}
        if reviu
        else _("Belum ada pernyataan telah direviu."),
        reverse("laporan:html", args=[s, t]),
    )
    lhe = Evaluasi.objects.filter(unit=unit, tahun=t, status=StatusEvaluasi.TERBIT).first()
    catat(
        JenisDokumen.LHE,
        lhe is not None,
        _("LHE %(jenis)s %(tahun)s") % {"jenis": lhe.get_jenis_display(), "tahun": t}
        if lhe
        else _("Belum ada LHE terbit."),
        reverse("kerja:evaluasi_lhe", args=[s, t, lhe.jenis]) if lhe else "",
    )
    akip = NilaiAkip.objects.filter(unit=unit, tahun=t).exists()
    catat(
        JenisDokumen.NILAI_AKIP,
        akip,
        _("Nilai AKIP %(tahun)s tercatat") % {"tahun": t} if akip else _("Nilai AKIP belum tercatat."),
    )
    return hasil
