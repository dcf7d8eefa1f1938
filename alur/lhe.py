"""The LHE (Laporan Hasil Evaluasi AKIP) as a document of the report's model, written by the report's Word
renderer (`laporan.word.render_docx_dokumen`) and as PDF by its PDF renderer (`laporan.pdf.render_pdf_dokumen`): Ringkasan, Pendahuluan, Tindak lanjut hasil evaluasi tahun lalu,
Hasil per komponen (scores and the notes of the final layer, the answers' LHE sentences), Rekomendasi dan
Apresiasi, Lampiran nilai rinci (every criterion's answer and value). Read only; 12 queries (4 of them the
register's rows of last year's recommendations, `tindak_lanjut.queries.rekomendasi_tahun_lalu`)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from evaluasi import formulas as f
from evaluasi.enums import Lapisan
from evaluasi.models import Evaluasi, Lhe
from evaluasi.skor import hasil_evaluasi
from laporan.dokumen import Bagian, Baris, Daftar, Paragraf, Pejabat, Sel, Tabel, TandaTangan
from laporan.pdf import render_pdf_dokumen
from laporan.word import render_docx_dokumen
from tindak_lanjut.queries import BarisRegister, rekomendasi_tahun_lalu
from umum.format import format_angka


def _paragraf(teks: str) -> tuple[Paragraf, ...]:
    return tuple(Paragraf(p.strip()) for p in (teks or "").split("\n\n") if p.strip())


def _tindak_lanjut_terakhir(b: BarisRegister) -> str:
    """The last follow-up reported with its date and the APIP's verification, or a dash."""
    if not b.tindak_lanjut:
        return "–"
    t = b.tindak_lanjut[-1]
    teks = f"{t.tanggal.strftime('%d-%m-%Y')}: {t.uraian}"
    if t.verifikasi:
        teks += " (" + _("verifikasi: %(hasil)s") % {"hasil": t.get_verifikasi_display()}
        teks += f" — {t.catatan_verifikasi})" if t.catatan_verifikasi else ")"
    return teks


def bagian_tindak_lanjut_lalu(ev: Evaluasi, lhe: Lhe | None) -> Bagian:
    """Section II: the recommendations of the evaluation of year n−1 to the unit from the register (each with its
    source, status, last follow-up and progress; statuses as they stand, overdue as at the LHE's date), a sentence
    counting them by status, then the evaluator's own notes."""
    hari_ini = lhe.tanggal if lhe else None
    baris = rekomendasi_tahun_lalu(ev.unit, ev.tahun, hari_ini=hari_ini)
    catatan = _paragraf(lhe.tindak_lanjut_lalu if lhe else "")
    if not baris:
        blok = (
            Paragraf(
                _("Register tindak lanjut tidak memuat rekomendasi hasil evaluasi tahun %(tahun)s untuk %(unit)s.")
                % {"tahun": ev.tahun - 1, "unit": ev.unit.nama}
            ),
            *catatan,
        )
        return Bagian("tindak-lanjut", "II", _("Tindak Lanjut Hasil Evaluasi Tahun Lalu"), 1, blok)
    hitung: dict[str, int] = {}
    for b in baris:
        hitung[b.label_status] = hitung.get(b.label_status, 0) + 1
    rincian = ", ".join(f"{label} {n}" for label, n in hitung.items())
    kalimat = _(
        "Atas hasil evaluasi tahun %(tahun)s terdapat %(n)s rekomendasi kepada %(unit)s dengan status: %(rincian)s."
    ) % {"tahun": ev.tahun - 1, "n": len(baris), "unit": ev.unit.nama, "rincian": rincian}
    tabel = Tabel(
        "tindak-lanjut-lalu",
        0,
        _("Tindak lanjut rekomendasi hasil evaluasi tahun %(tahun)s") % {"tahun": ev.tahun - 1},
        ((Sel(_("No")), Sel(_("Rekomendasi")), Sel(_("Sumber")), Sel(_("Status")), Sel(_("Tindak lanjut")), Sel("%")),),
        tuple(
            Baris(
                (
                    Sel(i),
                    Sel(b.rekomendasi.uraian),
                    Sel(f"{b.rekomendasi.sumber.nomor} ({b.rekomendasi.sumber.tanggal.strftime('%d-%m-%Y')})"),
                    Sel(b.label_status + (" — " + _("lewat batas waktu") if b.terlambat else "")),
                    Sel(_tindak_lanjut_terakhir(b)),
                    Sel(b.progres, "persen"),
                )
            )
            for i, b in enumerate(baris, start=1)
        ),
    )
    return Bagian(
        "tindak-lanjut", "II", _("Tindak Lanjut Hasil Evaluasi Tahun Lalu"), 1, (Paragraf(kalimat), tabel, *catatan)
    )


def susun_lhe(ev: Evaluasi) -> tuple[tuple[str, ...], tuple[Bagian, ...]]:
    """The cover lines and the sections of an evaluation's LHE (issued or draft)."""
    lhe = Lhe.objects.filter(evaluasi=ev).first()
    h = hasil_evaluasi(ev)
    akhir = h.lapisan[Lapisan.FINAL]
    total = format_angka(f.tampil(akhir.total), 2) if akhir.total is not None else "–"
    predikat = f"{akhir.predikat.kode} ({akhir.predikat.label})" if akhir.predikat else "–"
    kalimat = _(
        "Hasil evaluasi atas implementasi SAKIP %(unit)s tahun %(tahun)s menunjukkan nilai %(total)s dengan "
        "predikat %(predikat)s."
    ) % {"unit": ev.unit.nama, "tahun": ev.tahun, "total": total, "predikat": predikat}
    ringkasan = Bagian(
        "ringkasan", "", _("Ringkasan"), 1, (Paragraf(kalimat), *_paragraf(lhe.ringkasan if lhe else ""))
    )
    pendahuluan = Bagian(
        "pendahuluan",
        "I",
        _("Pendahuluan"),
        1,
        (
            Paragraf(
                _(
                    "Evaluasi dilaksanakan berdasarkan %(regulasi)s dengan Lembar Kerja Evaluasi %(template)s atas "
                    "%(unit)s tahun %(tahun)s: %(n)s kriteria pada %(k)s komponen, dinilai berlapis (penilaian "
                    "mandiri, anggota tim, ketua tim, nilai akhir)."
                )
                % {
                    "regulasi": ev.template.get_regulasi_display(),
                    "template": ev.template,
                    "unit": ev.unit.nama,
                    "tahun": ev.tahun,
                    "n": akhir.jumlah,
                    "k": len(h.komponen),
                }
            ),
        ),
    )
    tl = bagian_tindak_lanjut_lalu(ev, lhe)
    hasil = []
    for i, k in enumerate(h.komponen, start=1):
        skor = akhir.komponen[k.pk].skor
        blok = [
            Paragraf(
                _("Nilai komponen %(nama)s: %(nilai)s dari bobot %(bobot)s.")
                % {"nama": k.nama, "nilai": format_angka(f.tampil(skor), 2), "bobot": format_angka(k.bobot, 2)}
            )
        ]
        catatan = []
        for s in k.sub.all():
            for c in s.kriteria.all():
                j = h.jawaban[c.pk]
                teks = j.catatan_final or (j.opsi_final.catatan_template if j.opsi_final else "")
                if teks:
                    catatan.append(f"{c.kode}: {teks}")
        if catatan:
            blok.append(Daftar(tuple(catatan)))
        hasil.append(Bagian(f"komponen-{k.kode}", f"III.{i}", k.nama, 2, tuple(blok)))
    hasil_bagian = Bagian("hasil", "III", _("Hasil Evaluasi per Komponen"), 1, (), tuple(hasil))
    ttd = ()
    if lhe:
        ttd = (
            TandaTangan(
                ev.unit.kota or "",
                lhe.tanggal.strftime("%d-%m-%Y"),
                Pejabat(lhe.penandatangan_nama, lhe.penandatangan_nip, lhe.penandatangan_jabatan),
            ),
        )
    penutup = Bagian(
        "rekomendasi",
        "IV",
        _("Rekomendasi dan Apresiasi"),
        1,
        (),
        (
            Bagian("rekomendasi-a", "A", _("Rekomendasi"), 2, _paragraf(lhe.rekomendasi if lhe else "")),
            Bagian("apresiasi", "B", _("Apresiasi"), 2, (*_paragraf(lhe.apresiasi if lhe else ""), *ttd)),
        ),
    )
    baris = []
    for k in h.komponen:
        baris.append(
            Baris(
                (
                    Sel(k.kode),
                    Sel(k.nama, colspan=2, tebal=True),
                    Sel(k.bobot, "angka"),
                    Sel(akhir.komponen[k.pk].skor, "rasio"),
                ),
                "kelompok",
            )
        )
        for s in k.sub.all():
            baris.append(
                Baris(
                    (
                        Sel(s.kode),
                        Sel(s.nama, colspan=2),
                        Sel(s.bobot, "angka"),
                        Sel(akhir.komponen[k.pk].sub[s.pk].skor, "rasio"),
                    )
                )
            )
            for c in s.kriteria.all():
                j = h.jawaban[c.pk]
                baris.append(
                    Baris(
                        (
                            Sel(c.kode),
                            Sel(c.pertanyaan),
                            Sel(j.opsi_final.label if j.opsi_final else ""),
                            Sel(None),
                            Sel(j.nilai_final, "rasio"),
                        )
                    )
                )
    baris.append(
        Baris(
            (
                Sel(""),
                Sel(_("Total"), colspan=2, tebal=True),
                Sel(ev.template.total_bobot, "angka"),
                Sel(akhir.total, "rasio"),
            ),
            "total",
        )
    )
    tabel = Tabel(
        "nilai-rinci",
        None,
        _("Nilai rinci"),
        (
            (
                Sel(_("Kode")),
                Sel(_("Komponen / subkomponen / kriteria")),
                Sel(_("Jawaban")),
                Sel(_("Bobot")),
                Sel(_("Nilai")),
            ),
        ),
        tuple(baris),
    )
    lampiran = Bagian("lampiran-nilai", _("Lampiran"), _("Nilai Rinci"), 1, (tabel,))
    sampul = (
        _("LAPORAN HASIL EVALUASI AKUNTABILITAS KINERJA"),
        ev.unit.nama.upper(),
        _("TAHUN %(tahun)s") % {"tahun": ev.tahun},
        _("Nomor %(nomor)s") % {"nomor": lhe.nomor} if lhe else _("DRAF"),
    )
    return sampul, (ringkasan, pendahuluan, tl, hasil_bagian, penutup, lampiran)


def docx_lhe(ev: Evaluasi) -> bytes:
    sampul, bagian = susun_lhe(ev)
    return render_docx_dokumen(sampul, bagian)


def pdf_lhe(ev: Evaluasi) -> bytes:
    """The LHE as PDF: the same document as `docx_lhe`, through the report's PDF renderer (`laporan.pdf`)."""
    sampul, bagian = susun_lhe(ev)
    judul = _("LHE AKIP %(unit)s Tahun %(tahun)s") % {"unit": ev.unit.nama, "tahun": ev.tahun}
    return render_pdf_dokumen(sampul, bagian, judul)
