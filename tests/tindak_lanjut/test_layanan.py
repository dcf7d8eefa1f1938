"""The register's writes: the state machine through the services, roles on the server, the period lock, final
items and notes refused with nothing saved; the reads' constant query count and the LKE suggestion."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from indikator.enums import StatusPeriode
from indikator.models import PeriodeUnit
from indikator.periode import PeriodeBeku
from tindak_lanjut import queries, services
from tindak_lanjut.enums import HasilVerifikasi, JenisBukti, JenisDokumen, JenisSumber, StatusRencana
from tindak_lanjut.enums import StatusRekomendasi as S
from tindak_lanjut.models import Rekomendasi, RencanaAksiTL, TindakLanjut

from .conftest import buat_sumber, terbitkan

pytestmark = pytest.mark.django_db
HARI = datetime.date(2018, 5, 1)


def rencana(dunia, rek, oleh="perencana", **kw):
    kw.setdefault("tanggal_mulai", datetime.date(2018, 3, 10))
    kw.setdefault("target_tanggal", datetime.date(2018, 4, 30))
    return services.ajukan_rencana(
        oleh=dunia.pengguna[oleh], rencana=RencanaAksiTL(rekomendasi=rek, uraian="Susun rancangan", pj="Kabag", **kw)
    )


def lapor(dunia, rek, oleh="perencana", progres=D("100"), bukti=(), tanggal=datetime.date(2018, 4, 20)):
    return services.laporkan_tindak_lanjut(
        oleh=dunia.pengguna[oleh],
        tindak_lanjut=TindakLanjut(rekomendasi=rek, uraian="Keputusan ditetapkan", tanggal=tanggal, progres=progres),
        bukti=bukti,
        hari_ini=HARI,
    )


def status(rek):
    return Rekomendasi.objects.get(pk=rek.pk).status


def test_terbit_dengan_bawaan(dunia, sumber):
    r = terbitkan(dunia, sumber)
    assert (r.status, r.tahun, r.batas_waktu, r.unit_pj, r.nomor_urut) == (
        S.BELUM,
        2018,
        datetime.date(2018, 4, 30),
        dunia.unit,
        1,
    )
    assert terbitkan(dunia, sumber).nomor_urut == 2


def test_alur_lengkap_sampai_sesuai(dunia, rek):
    ra = rencana(dunia, rek)
    assert status(rek) == S.PROSES
    services.putuskan_rencana(oleh=dunia.pengguna["auditor"], rencana=ra, setuju=True)
    assert RencanaAksiTL.objects.get(pk=ra.pk).status == StatusRencana.DISETUJUI
    tl = lapor(
        dunia,
        rek,
        bukti=[services.IsianBukti(jenis=JenisBukti.DOKUMEN, dokumen=JenisDokumen.IKU, dokumen_tahun=2018, halaman=1)],
    )
    assert tl.bukti.get().dokumen == JenisDokumen.IKU
    services.verifikasi_tindak_lanjut(oleh=dunia.pengguna["auditor"], tindak_lanjut=tl, hasil=HasilVerifikasi.SESUAI)
    assert status(rek) == S.SESUAI
    # Final: nothing more is accepted, nothing changes.
    with pytest.raises(ValidationError):
        lapor(dunia, Rekomendasi.objects.get(pk=rek.pk))
    with pytest.raises(ValidationError):
        rencana(dunia, Rekomendasi.objects.get(pk=rek.pk))
    r = Rekomendasi.objects.get(pk=rek.pk)
    r.uraian = "Diubah"
    with pytest.raises(ValidationError):
        services.ubah_rekomendasi(oleh=dunia.pengguna["auditor"], rekomendasi=r)
    assert Rekomendasi.objects.get(pk=rek.pk).uraian == "Tetapkan keputusan IKU"
    assert TindakLanjut.objects.filter(rekomendasi=rek).count() == 1


def test_belum_sesuai_lalu_proses_lagi(dunia, rek):
    tl = lapor(dunia, rek, progres=D("40"))
    with pytest.raises(ValidationError):
        services.verifikasi_tindak_lanjut(
            oleh=dunia.pengguna["auditor"], tindak_lanjut=tl, hasil=HasilVerifikasi.BELUM_SESUAI, catatan=""
        )
    assert status(rek) == S.PROSES and not TindakLanjut.objects.get(pk=tl.pk).verifikasi
    services.verifikasi_tindak_lanjut(
        oleh=dunia.pengguna["auditor"], tindak_lanjut=tl, hasil=HasilVerifikasi.BELUM_SESUAI, catatan="Belum ada SK"
    )
    assert status(rek) == S.BELUM_SESUAI
    with pytest.raises(ValidationError):  # verified once
        services.verifikasi_tindak_lanjut(
            oleh=dunia.pengguna["auditor"], tindak_lanjut=tl, hasil=HasilVerifikasi.SESUAI
        )
    lapor(dunia, rek, progres=D("80"))
    assert status(rek) == S.PROSES


def test_verifikasi_tanpa_tindak_lanjut_proses_ditolak(dunia, rek):
    tl = lapor(dunia, rek)
    services.verifikasi_tindak_lanjut(oleh=dunia.pengguna["auditor"], tindak_lanjut=tl, hasil=HasilVerifikasi.SESUAI)
    tl2 = TindakLanjut.objects.create(rekomendasi=rek, uraian="x", tanggal=HARI, progres=D(1))
    with pytest.raises(ValidationError):
        services.verifikasi_tindak_lanjut(
            oleh=dunia.pengguna["auditor"], tindak_lanjut=tl2, hasil=HasilVerifikasi.SESUAI
        )


def test_tidak_dapat_oleh_apip_dengan_alasan(dunia, rek):
    with pytest.raises(ValidationError):
        services.nyatakan_tidak_dapat(oleh=dunia.pengguna["auditor"], rekomendasi=rek, catatan=" ", tanggal=HARI)
    assert status(rek) == S.BELUM
    services.nyatakan_tidak_dapat(oleh=dunia.pengguna["auditor"], rekomendasi=rek, catatan="Unit dilebur", tanggal=HARI)
    assert status(rek) == S.TIDAK_DAPAT


@pytest.mark.parametrize(
    ("siapa", "aksi"),
    [
        ("perencana", "terbit"),
        ("pimpinan", "terbit"),
        ("auditor", "rencana"),
        ("pimpinan", "rencana"),
        ("perencana_lain", "rencana"),
        ("auditor", "lapor"),
        ("pimpinan", "lapor"),
        ("perencana", "verifikasi"),
        ("pimpinan", "verifikasi"),
        ("perencana", "putus"),
    ],
)
def test_peran_ditolak_di_server(dunia, rek, siapa, aksi):
    ra = rencana(dunia, rek)
    tl = lapor(dunia, rek)
    sebelum = (Rekomendasi.objects.count(), RencanaAksiTL.objects.count(), TindakLanjut.objects.count())
    u = dunia.pengguna[siapa]
    with pytest.raises(PermissionDenied):
        if aksi == "terbit":
            services.terbitkan_rekomendasi(oleh=u, rekomendasi=Rekomendasi(sumber=rek.sumber, uraian="x"))
        elif aksi == "rencana":
            rencana(dunia, rek, oleh=siapa)
        elif aksi == "lapor":
            lapor(dunia, rek, oleh=siapa)
        elif aksi == "verifikasi":
            services.verifikasi_tindak_lanjut(oleh=u, tindak_lanjut=tl, hasil=HasilVerifikasi.SESUAI)
        else:
            services.putuskan_rencana(oleh=u, rencana=ra, setuju=True)
    assert sebelum == (Rekomendasi.objects.count(), RencanaAksiTL.objects.count(), TindakLanjut.objects.count())
    assert status(rek) == S.PROSES


def test_auditor_unit_hanya_unitnya(dunia, rek):
    from indikator.enums import Peran
    from tests.pabrik import buat_pengguna

    apip_lain = buat_pengguna("apip_lain", Peran.AUDITOR, dunia.lain)
    apip_induk = buat_pengguna("apip_induk", Peran.AUDITOR, dunia.induk)
    tl = lapor(dunia, rek)
    with pytest.raises(PermissionDenied):
        services.verifikasi_tindak_lanjut(oleh=apip_lain, tindak_lanjut=tl, hasil=HasilVerifikasi.SESUAI)
    services.verifikasi_tindak_lanjut(oleh=apip_induk, tindak_lanjut=tl, hasil=HasilVerifikasi.SESUAI)
    assert status(rek) == S.SESUAI


def test_tahun_beku_ditolak_tanpa_perubahan(dunia, rek):
    PeriodeUnit.objects.update_or_create(unit=dunia.unit, tahun=2018, defaults={"status": StatusPeriode.DISAHKAN})
    with pytest.raises(PeriodeBeku):
        lapor(dunia, rek)
    assert status(rek) == S.BELUM and not TindakLanjut.objects.exists()
    with pytest.raises(PeriodeBeku):
        terbitkan(dunia, rek.sumber)
    assert Rekomendasi.objects.count() == 1
    # A follow-up dated next year writes next year (open).
    services.laporkan_tindak_lanjut(
        oleh=dunia.pengguna["perencana"],
        tindak_lanjut=TindakLanjut(rekomendasi=rek, uraian="x", tanggal=datetime.date(2019, 1, 5), progres=D(50)),
        hari_ini=datetime.date(2019, 1, 6),
    )
    assert status(rek) == S.PROSES


def test_bukti_tidak_lengkap_ditolak(dunia, rek):
    with pytest.raises(ValidationError):
        lapor(dunia, rek, bukti=[services.IsianBukti(jenis=JenisBukti.DOKUMEN, dokumen=JenisDokumen.IKU)])
    with pytest.raises(ValidationError):
        lapor(dunia, rek, bukti=[services.IsianBukti(jenis=JenisBukti.TAUTAN)])
    assert status(rek) == S.BELUM and not TindakLanjut.objects.exists()


def test_progres_dan_tanggal_ditolak(dunia, rek):
    with pytest.raises(ValidationError):
        lapor(dunia, rek, progres=D("101"))
    with pytest.raises(ValidationError):
        lapor(dunia, rek, tanggal=datetime.date(2018, 5, 2))
    assert not TindakLanjut.objects.exists()


def test_tolak_rencana_perlu_catatan(dunia, rek):
    ra = rencana(dunia, rek)
    with pytest.raises(ValidationError):
        services.putuskan_rencana(oleh=dunia.pengguna["auditor"], rencana=ra, setuju=False)
    services.putuskan_rencana(oleh=dunia.pengguna["auditor"], rencana=ra, setuju=False, catatan="Tanggal terlalu jauh")
    assert RencanaAksiTL.objects.get(pk=ra.pk).status == StatusRencana.DITOLAK


def test_register_kueri_konstan(dunia, sumber, django_assert_num_queries):
    def isi(n):
        for _i in range(n):
            r = terbitkan(dunia, sumber)
            rencana(dunia, r)
            lapor(dunia, r, bukti=[services.IsianBukti(jenis=JenisBukti.TAUTAN, url="https://contoh.go.id/a")])

    isi(1)
    with django_assert_num_queries(4):
        assert len(queries.susun_register(unit_ids=[dunia.unit.pk], hari_ini=HARI)) == 1
    isi(3)
    with django_assert_num_queries(4):
        baris = queries.susun_register(unit_ids=[dunia.unit.pk], hari_ini=datetime.date(2018, 6, 15))
    assert len(baris) == 4 and all(b.terlambat and b.umur == "31-90" for b in baris)
    assert queries.ringkas_umur(baris) == {"31-90": 4}
    assert len(queries.susun_register(unit_ids=[dunia.lain.pk])) == 0


def test_porsi_ditindaklanjuti_dan_tahun_lalu(dunia, sumber, django_assert_num_queries):
    r1, r2, r3, r4 = (terbitkan(dunia, sumber) for _i in range(4))
    for r in (r1, r2):
        services.verifikasi_tindak_lanjut(
            oleh=dunia.pengguna["auditor"], tindak_lanjut=lapor(dunia, r), hasil=HasilVerifikasi.SESUAI
        )
    services.nyatakan_tidak_dapat(oleh=dunia.pengguna["auditor"], rekomendasi=r4, catatan="Dilebur", tanggal=HARI)
    lain = buat_sumber(dunia, jenis=JenisSumber.LHP_BPK, nomor="LHP-9")
    terbitkan(dunia, lain)  # not an evaluation: not counted
    with django_assert_num_queries(1):
        p = queries.porsi_ditindaklanjuti(dunia.unit, 2018)
    assert (p.porsi, p.huruf) == (D("66.67"), "C")
    assert "2 dari 3" in p.alasan and "66,67%" in p.alasan
    assert queries.porsi_ditindaklanjuti(dunia.unit, 2019).porsi is None
    baris = queries.rekomendasi_tahun_lalu(dunia.unit, 2018)
    assert [b.rekomendasi.status for b in baris] == [S.SESUAI, S.SESUAI, S.BELUM, S.TIDAK_DAPAT]
    assert queries.rekomendasi_tahun_lalu(dunia.lain, 2018) == []
