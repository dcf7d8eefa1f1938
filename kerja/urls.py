from django.urls import path

from kerja.views import administrasi, anggaran, impor, mulai, pengesahan, pk, realisasi, renstra, ruang

app_name = "kerja"

U = "<slug:slug>/"
UT = "<slug:slug>/<tahun:tahun>/"

urlpatterns = [
    path("", ruang.utama, name="utama"),
    path("pengguna/", ruang.pengguna, name="pengguna"),
    path("riwayat/<slug:jenis>/<int:pk>/", ruang.riwayat_objek, name="riwayat_objek"),
    path(UT + "riwayat/", ruang.riwayat_unit, name="riwayat_unit"),
    path(U + "terhapus/", ruang.terhapus, name="terhapus"),
    path(U + "terhapus/<slug:jenis>/<int:history_id>/pulihkan/", ruang.pulihkan, name="pulihkan"),
    path(UT + "periode/<slug:aksi>/", ruang.periode_aksi, name="periode_aksi"),
    path(UT + "ajukan/", pengesahan.pengajuan, name="pengajuan"),
    path(UT + "pengesahan/", pengesahan.pengesahan, name="pengesahan"),
    path(UT + "tenggat/", pengesahan.tenggat, name="tenggat"),
    # Renstra structure and targets
    path(U + "profil/", ruang.profil_unit, name="profil_unit"),
    path(U + "renstra/", renstra.renstra_daftar, name="renstra_daftar"),
    path(U + "renstra/baru/", renstra.renstra_ubah, name="renstra_baru"),
    path(U + "renstra/<int:pk>/", renstra.renstra_detail, name="renstra"),
    path(U + "renstra/<int:pk>/ubah/", renstra.renstra_ubah, name="renstra_ubah"),
    path(U + "renstra/<int:renstra_pk>/revisi/baru/", renstra.revisi_baru, name="revisi_baru"),
    path(U + "renstra/<int:renstra_pk>/tujuan/baru/", renstra.tujuan_ubah, name="tujuan_baru"),
    path(U + "tujuan/<int:pk>/ubah/", renstra.tujuan_ubah, name="tujuan_ubah"),
    path(U + "tujuan/<int:pk>/hapus/", renstra.tujuan_hapus, name="tujuan_hapus"),
    path(U + "revisi/<int:revisi_pk>/sasaran/baru/", renstra.sasaran_ubah, name="sasaran_baru"),
    path(U + "revisi/<int:revisi_pk>/target/", renstra.target_grid, name="target"),
    path(U + "sasaran/<int:pk>/ubah/", renstra.sasaran_ubah, name="sasaran_ubah"),
    path(U + "sasaran/<int:pk>/geser/<slug:arah>/", renstra.sasaran_geser, name="sasaran_geser"),
    path(U + "sasaran/<int:pk>/hapus/", renstra.sasaran_hapus, name="sasaran_hapus"),
    path(U + "sasaran/<int:sasaran_pk>/indikator/baru/", renstra.indikator_ubah, name="indikator_baru"),
    path(U + "indikator/<int:pk>/ubah/", renstra.indikator_ubah, name="indikator_ubah"),
    path(U + "indikator/<int:pk>/geser/<slug:arah>/", renstra.indikator_geser, name="indikator_geser"),
    path(U + "indikator/<int:pk>/pensiun/", renstra.indikator_pensiun, name="indikator_pensiun"),
    # Perjanjian Kinerja and Rencana Aksi
    path(UT + "pk/", pk.pk_daftar, name="pk"),
    path(UT + "keputusan-iku/pdf/", pk.keputusan_iku_pdf, name="keputusan_iku_pdf"),
    path(UT + "pk/baru/", pk.versi_ubah, name="versi_pk_baru"),
    path(U + "pk/versi/<int:pk>/", pk.versi_detail, name="versi_pk"),
    path(U + "pk/versi/<int:pk>/dokumen/pdf/", pk.versi_pdf, name="versi_pk_pdf"),
    path(U + "pk/versi/<int:pk>/ubah/", pk.versi_ubah, name="versi_pk_ubah"),
    path(U + "pk/versi/<int:pk>/isi-renstra/", pk.versi_isi_renstra, name="versi_pk_isi_renstra"),
    path(U + "pk/versi/<int:versi_pk>/baris/baru/", pk.baris_ubah, name="baris_pk_baru"),
    path(U + "pk/versi/<int:versi_pk>/rencana-aksi/", pk.rencana_aksi, name="rencana_aksi"),
    path(U + "pk/baris/<int:pk>/ubah/", pk.baris_ubah, name="baris_pk_ubah"),
    path(U + "pk/baris/<int:pk>/hapus/", pk.baris_hapus, name="baris_pk_hapus"),
    # Realisasi, narrative, evidence
    path(UT + "realisasi/", realisasi.realisasi_daftar, name="realisasi"),
    path(UT + "realisasi/<int:indikator_pk>/tw<int:triwulan>/", realisasi.realisasi_sel, name="realisasi_sel"),
    path(UT + "realisasi/<int:indikator_pk>/baris/", realisasi.realisasi_baris, name="realisasi_baris"),
    path(
        UT + "realisasi/<int:indikator_pk>/tw<int:triwulan>/rincian/",
        realisasi.realisasi_rincian,
        name="realisasi_rincian",
    ),
    path(UT + "realisasi/<int:indikator_pk>/tw<int:triwulan>/bukti/", realisasi.bukti_unggah, name="bukti_unggah"),
    path(U + "bukti/<int:pk>/", realisasi.bukti_unduh, name="bukti_unduh"),
    path(U + "bukti/<int:pk>/hapus/", realisasi.bukti_hapus, name="bukti_hapus"),
    # Budget and sub-kegiatan
    path(UT + "anggaran/", anggaran.anggaran_daftar, name="anggaran"),
    path(UT + "anggaran/baru/", anggaran.mata_ubah, name="mata_anggaran_baru"),
    path(U + "anggaran/<int:pk>/", anggaran.mata_detail, name="mata_anggaran"),
    path(U + "anggaran/<int:pk>/ubah/", anggaran.mata_ubah, name="mata_anggaran_ubah"),
    path(U + "anggaran/<int:pk>/pagu/", anggaran.pagu_tambah, name="pagu_tambah"),
    path(U + "anggaran/<int:pk>/realisasi/", anggaran.realisasi_bulanan, name="realisasi_bulanan"),
    path(U + "anggaran/<int:pk>/rencana/", anggaran.rencana_penarikan, name="rencana_penarikan"),
    path(U + "anggaran/<int:pk>/realisasi-tahunan/", anggaran.realisasi_tahunan, name="realisasi_tahunan"),
    path(UT + "sub-kegiatan/", anggaran.sub_daftar, name="sub_kegiatan"),
    path(UT + "sub-kegiatan/baru/", anggaran.sub_ubah, name="sub_kegiatan_baru"),
    path(U + "sub-kegiatan/<int:pk>/ubah/", anggaran.sub_ubah, name="sub_kegiatan_ubah"),
]

# --- Excel round trip
urlpatterns += [
    path("<slug:unit_slug>/<tahun:tahun>/excel/", impor.unduh_excel, name="excel_unduh"),
    path("<slug:unit_slug>/<tahun:tahun>/excel/impor/", impor.impor_excel_view, name="excel_impor"),
    path("<slug:unit_slug>/<tahun:tahun>/excel/impor/<int:pk>/", impor.impor_status, name="impor_status"),
]

# --- Administration (administrators; a unit's head: members of their units), guided start, copy forward
urlpatterns += [
    path("administrasi/", administrasi.unit_daftar, name="admin_unit"),
    path("administrasi/unit/baru/", administrasi.unit_ubah, name="admin_unit_baru"),
    path("administrasi/unit/<slug:slug>/", administrasi.unit_detail, name="admin_unit_detail"),
    path("administrasi/unit/<slug:slug>/ubah/", administrasi.unit_ubah, name="admin_unit_ubah"),
    path("administrasi/peran/<int:pk>/hapus/", administrasi.peran_hapus, name="admin_peran_hapus"),
    path("administrasi/riwayat/", administrasi.riwayat_administrasi, name="admin_riwayat"),
    path("pengguna/baru/", administrasi.pengguna_baru, name="admin_pengguna_baru"),
    path("pengguna/<int:pk>/", administrasi.pengguna_detail, name="admin_pengguna"),
    path(U + "mulai/", mulai.mulai, name="mulai"),
    path(U + "salin/", mulai.salin_maju, name="salin"),
]
