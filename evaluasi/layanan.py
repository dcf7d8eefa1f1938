"""Use cases of an AKIP evaluation: open it (answers created, suggestions frozen), set up the team, answer a
layer, submit a layer (kerangka logis checked), issue the LHE (locks and hashes the evaluation, records the
AKIP result and the realisasi of the unit's "Nilai AKIP" indikator).

Every refusal is a ValidationError with an Indonesian message and changes nothing. Who may do what:
- the unit's planners (and administrators) answer the self-assessment layer (`mandiri`);
- the team (auditors whose scope holds the unit) answer `anggota`; the ketua answers `ketua` and `final` and
  issues the LHE; administrators and auditors in scope set up the team.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from indikator.akses import adalah_admin, dapat_mengubah
from indikator.enums import Peran
from indikator.models import Indikator, Keanggotaan, KomponenNilaiAkip, NilaiAkip, UnitKerja
from indikator.periode import kunci_periode_untuk_tulis
from indikator.services import indikator_berlaku, simpan_realisasi

from . import formulas as f
from .enums import URUTAN_LAPISAN, JenisBukti, JenisEvaluasi, Lapisan, NilaiPer, PeranTim, StatusEvaluasi
from .models import (
    AnggotaTim,
    BuktiJawaban,
    Evaluasi,
    EvaluasiTerkunci,
    Jawaban,
    Lhe,
    LkeKriteria,
    LkeTemplate,
    NilaiBukti,
    OpsiJawaban,
)
from .skor import hasil_evaluasi


@dataclass(frozen=True)
class Saran:
    """A suggested answer computed from the app's data: the option label and why."""

    label: str
    alasan: str


# --- who ----------------------------------------------------------------------------------------------------------


def _leluhur(unit: UnitKerja) -> set[int]:
    ids, u = set(), unit
    while u is not None and u.pk not in ids:
        ids.add(u.pk)
        u = u.induk
    return ids


def auditor_lingkup(user, unit: UnitKerja) -> bool:
    """An auditor whose scope holds the unit: without a unit (the Inspektorat) or with the unit or an ancestor."""
    if not user.is_authenticated:
        return False
    leluhur = _leluhur(unit)
    return any(
        k.peran == Peran.AUDITOR and (k.unit_id is None or k.unit_id in leluhur)
        for k in Keanggotaan.objects.filter(pengguna=user)
    )


def peran_tim(user, ev: Evaluasi) -> str | None:
    return AnggotaTim.objects.filter(evaluasi=ev, pengguna_id=user.pk).values_list("peran", flat=True).first()


def boleh_mengisi(user, ev: Evaluasi, lapisan: str) -> bool:
    """Who may write a layer (whatever the stage)."""
    if adalah_admin(user):
        return True
    if lapisan == Lapisan.MANDIRI:
        return dapat_mengubah(user, ev.unit)
    peran = peran_tim(user, ev)
    if lapisan == Lapisan.ANGGOTA:
        return peran in (PeranTim.ANGGOTA, PeranTim.KETUA)
    return peran == PeranTim.KETUA


def boleh_mengatur_tim(user, unit: UnitKerja) -> bool:
    """Administrators set up the team (the Inspektorat's auditors read every unit but write no unit's data)."""
    return adalah_admin(user)


def _pastikan_terbuka(ev: Evaluasi) -> None:
    if Evaluasi.objects.filter(pk=ev.pk, status=StatusEvaluasi.TERBIT).exists():
        raise EvaluasiTerkunci(_("LHE evaluasi ini sudah terbit: evaluasi terkunci dan tidak dapat diubah."))


# --- open and team ------------------------------------------------------------------------------------------------


@transaction.atomic
def buka_evaluasi(
    *,
    unit: UnitKerja,
    tahun: int,
    jenis: str,
    template: LkeTemplate,
    oleh,
    saran: Mapping[str, Saran] | None = None,
    contoh: bool = False,
) -> Evaluasi:
    """A new evaluation with one answer row per criterion; `saran` (by criterion code, computed by
    `alur.saran_lke`) is frozen into the rows. Refused: a component-level template, a second evaluation of the
    same unit, year and kind, someone who may neither edit the unit nor evaluate it."""
    if not dapat_mengubah(oleh, unit):
        raise PermissionDenied
    if template.tingkat_komponen:
        raise ValidationError(_("Template tingkat komponen hanya untuk mencatat nilai lama, bukan untuk evaluasi."))
    if jenis not in JenisEvaluasi.values:
        raise ValidationError(_("Jenis evaluasi tidak dikenal."))
    if Evaluasi.objects.filter(unit=unit, tahun=tahun, jenis=jenis).exists():
        raise ValidationError(
            _("Evaluasi %(jenis)s %(unit)s tahun %(tahun)s sudah ada.")
            % {"jenis": JenisEvaluasi(jenis).label, "unit": unit.nama, "tahun": tahun}
        )
    ev = Evaluasi.objects.create(
        template=template, unit=unit, tahun=tahun, jenis=jenis, dibuka_oleh=oleh, contoh=contoh
    )
    kriteria = list(LkeKriteria.objects.filter(sub__komponen__template=template).select_related("skala"))
    opsi = {(o.skala_id, o.label): o for o in OpsiJawaban.objects.filter(skala__template=template)}
    baris = []
    for c in kriteria:
        s = (saran or {}).get(c.kode)
        o = opsi.get((c.skala_id, s.label)) if s else None
        baris.append(
            Jawaban(
                evaluasi=ev,
                kriteria=c,
                saran_opsi=o,
                saran_nilai=o.nilai if o else None,
                saran_alasan=s.alasan[:2000] if s else "",
            )
        )
    Jawaban.objects.bulk_create(baris)
    return ev


@transaction.atomic
def atur_anggota(*, ev: Evaluasi, pengguna, peran: str, oleh) -> AnggotaTim:
    """Add (or change the role of) a team member: an auditor whose scope holds the unit; one ketua."""
    _pastikan_terbuka(ev)
    if not boleh_mengatur_tim(oleh, ev.unit):
        raise PermissionDenied
    if peran not in PeranTim.values:
        raise ValidationError(_("Peran tim tidak dikenal."))
    if not auditor_lingkup(pengguna, ev.unit):
        raise ValidationError(
            _("%(nama)s bukan auditor yang lingkupnya memuat %(unit)s.")
            % {"nama": pengguna.get_full_name() or pengguna.username, "unit": ev.unit.nama}
        )
    if peran == PeranTim.KETUA and ev.tim.filter(peran=PeranTim.KETUA).exclude(pengguna=pengguna).exists():
        raise ValidationError(_("Tim sudah mempunyai ketua."))
    a, _baru = AnggotaTim.objects.update_or_create(evaluasi=ev, pengguna=pengguna, defaults={"peran": peran})
    return a


# --- answers ------------------------------------------------------------------------------------------------------


@transaction.atomic
def simpan_jawaban(
    *,
    ev: Evaluasi,
    kriteria: LkeKriteria,
    lapisan: str,
    label: str | None,
    catatan: str = "",
    oleh,
    bukti: Mapping[int, bool] | None = None,
) -> Jawaban:
    """One criterion's answer in one layer. The layer must be the stage's; the option must be on the criterion's
    scale (empty `label` clears it). A criterion scored per evidence takes `bukti` {KriteriaBukti id: Y/T} for its
    required items and gets their mean."""
    ev = Evaluasi.objects.select_for_update().get(pk=ev.pk)
    _pastikan_terbuka(ev)
    if lapisan not in URUTAN_LAPISAN:
        raise ValidationError(_("Lapisan tidak dikenal."))
    if not boleh_mengisi(oleh, ev, lapisan):
        raise PermissionDenied
    if ev.status != lapisan:
        raise ValidationError(
            _("Lapisan %(lapisan)s tidak sedang dibuka (tahap sekarang: %(tahap)s).")
            % {"lapisan": Lapisan(lapisan).label, "tahap": ev.get_status_display()}
        )
    j = Jawaban.objects.select_related("kriteria").get(evaluasi=ev, kriteria=kriteria)
    opsi = None
    if kriteria.nilai_per == NilaiPer.BUKTI and bukti is not None:
        wajib = list(kriteria.bukti.filter(wajib=True))
        if set(bukti) - {b.pk for b in wajib}:
            raise ValidationError(_("Bukti tidak termasuk daftar bukti kriteria ini."))
        for b in wajib:
            if b.pk in bukti:
                NilaiBukti.objects.update_or_create(
                    jawaban=j, kriteria_bukti=b, lapisan=lapisan, defaults={"ada": bool(bukti[b.pk])}
                )
        ada = {n.kriteria_bukti_id: n.ada for n in NilaiBukti.objects.filter(jawaban=j, lapisan=lapisan)}
        nilai = f.nilai_dari_bukti(
            [None if b.pk not in ada else (f.SATU if ada[b.pk] else f.NOL) for b in wajib],
            final=lapisan == Lapisan.FINAL,
        )
        if nilai is not None and kriteria.skala.opsi.filter(nilai=nilai).exists():
            opsi = kriteria.skala.opsi.filter(nilai=nilai).first()
    else:
        if label:
            opsi = OpsiJawaban.objects.filter(skala_id=kriteria.skala_id, label=label).first()
            if opsi is None:
                raise ValidationError(
                    _("Jawaban %(label)s tidak ada pada skala %(skala)s (pilihan: %(pilihan)s).")
                    % {
                        "label": label,
                        "skala": kriteria.skala.nama,
                        "pilihan": ", ".join(kriteria.skala.opsi.values_list("label", flat=True)),
                    }
                )
        nilai = opsi.nilai if opsi else None
    setattr(j, f"opsi_{lapisan}", opsi)
    setattr(j, f"nilai_{lapisan}", nilai)
    setattr(j, f"catatan_{lapisan}", catatan)
    j.full_clean(exclude=["evaluasi", "kriteria"])
    j.save()
    return j


def pesan_kerangka(pelanggaran: list[f.Pelanggaran], kode: Mapping[int, str]) -> list[str]:
    return [
        _("%(kode)s: %(pesan)s (nilai %(nilai)s, batas %(batas)s)")
        % {
            "kode": kode.get(p.aturan.kriteria, ""),
            "pesan": p.aturan.pesan,
            "nilai": f.tampil(p.nilai),
            "batas": f.tampil(p.batas),
        }
        for p in pelanggaran
    ]


@transaction.atomic
def kirim_lapisan(*, ev: Evaluasi, oleh, alasan_abaikan: str = "") -> Evaluasi:
    """Close the stage's layer and open the next one. Refused while kerangka logis rules are broken in the layer
    unless a reason is given (kept on the evaluation). Opening the final layer copies the ketua's values where the
    final value is empty. The final layer is closed by issuing the LHE (`terbitkan_lhe`)."""
    ev = Evaluasi.objects.select_for_update().get(pk=ev.pk)
    _pastikan_terbuka(ev)
    lapisan = ev.status
    if lapisan == Lapisan.FINAL:
        raise ValidationError(_("Nilai akhir ditutup dengan menerbitkan LHE."))
    if not boleh_mengisi(oleh, ev, lapisan):
        raise PermissionDenied
    h = hasil_evaluasi(ev)
    _periksa_kerangka(ev, h, lapisan, alasan_abaikan)
    if h.lapisan[lapisan].terjawab == 0:
        raise ValidationError(_("Belum ada kriteria yang dijawab pada lapisan ini."))
    berikut = URUTAN_LAPISAN[URUTAN_LAPISAN.index(lapisan) + 1]
    if berikut == Lapisan.FINAL:
        for j in h.jawaban.values():
            if j.nilai_final is None and j.nilai_ketua is not None:
                j.opsi_final_id, j.nilai_final = j.opsi_ketua_id, j.nilai_ketua
                j.save(update_fields=["opsi_final", "nilai_final"])
    ev.status = berikut
    ev.save()
    return ev


def _periksa_kerangka(ev: Evaluasi, h, lapisan: str, alasan: str) -> None:
    salah = h.kerangka[lapisan]
    if not salah:
        return
    alasan = (alasan or "").strip()
    if not alasan:
        kode = {c.pk: c.kode for k in h.komponen for s in k.sub.all() for c in s.kriteria.all()}
        raise ValidationError(
            [_("Kerangka logis belum terpenuhi; perbaiki jawaban atau isi alasan untuk mengabaikannya:")]
            + pesan_kerangka(salah, kode)
        )
    ev.abaikan_kerangka = {**ev.abaikan_kerangka, lapisan: alasan[:2000]}


# --- LHE ----------------------------------------------------------------------------------------------------------


def hash_evaluasi(h) -> str:
    """SHA-256 of the evaluation's content: template version, every answer of every layer, the final scores."""
    isi = {
        "template": h.evaluasi.template_id,
        "unit": h.evaluasi.unit_id,
        "tahun": h.evaluasi.tahun,
        "jenis": h.evaluasi.jenis,
        "jawaban": [
            [j.kriteria_id]
            + [str(j.nilai(n)) for n in URUTAN_LAPISAN]
            + [getattr(j, f"catatan_{n}") for n in URUTAN_LAPISAN]
            for _k, j in sorted(h.jawaban.items())
        ],
        "total": str(h.lapisan[Lapisan.FINAL].total),
    }
    return hashlib.sha256(json.dumps(isi, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@transaction.atomic
def terbitkan_lhe(*, ev: Evaluasi, lhe: Lhe, oleh, alasan_abaikan: str = "") -> Evaluasi:
    """Issue the LHE: every criterion has a final value, kerangka logis holds (or is overridden with a reason);
    then the evaluation is locked and hashed, and — for an APIP or external evaluation — the final component
    values and total become the unit's recorded AKIP result of the year (`NilaiAkip`) and the realisasi of its
    indikator measuring the AKIP score. Refused when the year is approved or locked (nothing saved)."""
    ev = Evaluasi.objects.select_for_update().select_related("unit").get(pk=ev.pk)
    _pastikan_terbuka(ev)
    if ev.status != StatusEvaluasi.FINAL:
        raise ValidationError(_("LHE hanya dapat diterbitkan pada tahap penetapan nilai akhir."))
    if not boleh_mengisi(oleh, ev, Lapisan.FINAL):
        raise PermissionDenied
    h = hasil_evaluasi(ev)
    akhir = h.lapisan[Lapisan.FINAL]
    if not akhir.lengkap:
        raise ValidationError(
            _("Nilai akhir belum lengkap: %(kurang)s dari %(jumlah)s kriteria belum dinilai.")
            % {"kurang": akhir.jumlah - akhir.terjawab, "jumlah": akhir.jumlah}
        )
    _periksa_kerangka(ev, h, Lapisan.FINAL, alasan_abaikan)
    lhe.evaluasi = ev
    lhe.full_clean()
    if ev.jenis in (JenisEvaluasi.APIP, JenisEvaluasi.EKSTERNAL):
        _catat_nilai_akip(ev, h)
    lhe.save()
    ev.nilai_total = akhir.total.quantize(Decimal("0.000001"))
    ev.predikat = akhir.predikat.kode if akhir.predikat else ""
    ev.terbit_pada = timezone.now()
    ev.hash = hash_evaluasi(h)
    ev.status = StatusEvaluasi.TERBIT
    ev.save()
    return ev


def _catat_nilai_akip(ev: Evaluasi, h) -> None:
    """The recorded AKIP result of the unit's year: component values rounded half-up to 2 places (as an LHE prints
    them) and their sum as the total, which is also the realisasi of the unit's AKIP indikator (so the report's
    consistency check finds them equal)."""
    kunci_periode_untuk_tulis(ev.unit, ev.tahun)
    akhir = h.lapisan[Lapisan.FINAL]
    komponen = {k.komponen_akip: f.tampil(akhir.komponen[k.pk].skor) for k in h.komponen}
    total = sum(komponen.values(), f.NOL)
    n, _baru = NilaiAkip.objects.update_or_create(
        unit=ev.unit,
        tahun=ev.tahun,
        defaults={
            "regulasi": ev.template.regulasi,
            "nilai_dilaporkan": total,
            "evaluator": _("Evaluasi %(jenis)s dalam aplikasi") % {"jenis": ev.get_jenis_display()},
        },
    )
    n.komponen.exclude(komponen__in=komponen).delete()
    for kode, nilai in komponen.items():
        KomponenNilaiAkip.objects.update_or_create(nilai_akip=n, komponen=kode, defaults={"nilai": nilai})
    for ind in Indikator.objects.filter(**{Indikator.JALUR_UNIT: ev.unit, "ukur_akip": True}):
        if indikator_berlaku(ind, ev.tahun) and ind.aktif_pada(ev.tahun):
            simpan_realisasi(indikator=ind, tahun=ev.tahun, triwulan=None, nilai=total)


# --- evidence -----------------------------------------------------------------------------------------------------


def boleh_melampirkan(user, ev: Evaluasi) -> bool:
    """The unit's planners during the self-assessment; whoever fills the stage's layer afterwards."""
    return boleh_mengisi(user, ev, ev.status) if ev.status in URUTAN_LAPISAN else False


@transaction.atomic
def lampirkan_bukti(
    *,
    ev: Evaluasi,
    kriteria: LkeKriteria,
    oleh,
    url: str = "",
    berkas=None,
    keterangan: str = "",
    kriteria_bukti_id: int | None = None,
) -> BuktiJawaban:
    """Attach a link or an uploaded file (private storage) as evidence of a criterion."""
    ev = Evaluasi.objects.select_for_update().get(pk=ev.pk)
    _pastikan_terbuka(ev)
    if not boleh_melampirkan(oleh, ev):
        raise PermissionDenied
    j = Jawaban.objects.get(evaluasi=ev, kriteria=kriteria)
    if kriteria_bukti_id is not None and not kriteria.bukti.filter(pk=kriteria_bukti_id).exists():
        raise ValidationError(_("Bukti tidak termasuk daftar bukti kriteria ini."))
    if bool(url) == bool(berkas):
        raise ValidationError(_("Isi tautan atau unggah satu berkas."))
    b = BuktiJawaban(
        jawaban=j,
        kriteria_bukti_id=kriteria_bukti_id,
        jenis=JenisBukti.TAUTAN if url else JenisBukti.UNGGAHAN,
        url=url,
        keterangan=keterangan,
        oleh=oleh,
        nama_berkas=getattr(berkas, "name", "")[:255] if berkas else "",
    )
    if berkas:
        b.berkas.save(b.nama_berkas or "bukti", berkas, save=False)
    b.full_clean()
    b.save()
    return b
