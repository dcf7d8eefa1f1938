"""Workspace pages of the recommendations register, follow-up, verification and the LKj review: served under ``/tindak-lanjut/`` in the ``kerja`` namespace (`sakip/urls.py`)."""

from django.urls import path

from .views import tindak_lanjut as v

urlpatterns = [
    path("antrean/", v.antrean, name="tl_antrean"),
    path("<slug:slug>/", v.register, name="tl_register"),
    path("<slug:slug>/sumber/baru/", v.sumber_baru, name="tl_sumber_baru"),
    path("<slug:slug>/sumber/<int:pk>/berkas/", v.sumber_unduh, name="tl_sumber_unduh"),
    path("<slug:slug>/rekomendasi/baru/", v.rekomendasi_baru, name="tl_rekomendasi_baru"),
    path("<slug:slug>/rekomendasi/<int:pk>/", v.rekomendasi, name="tl_rekomendasi"),
    path("<slug:slug>/rekomendasi/<int:pk>/rencana/", v.rencana_baru, name="tl_rencana_baru"),
    path("<slug:slug>/rekomendasi/<int:pk>/lapor/", v.lapor, name="tl_lapor"),
    path("<slug:slug>/rencana/<int:pk>/putus/", v.rencana_putus, name="tl_rencana_putus"),
    path("<slug:slug>/tindak-lanjut/<int:pk>/verifikasi/", v.verifikasi, name="tl_verifikasi"),
    path("<slug:slug>/bukti/<int:pk>/", v.bukti_unduh, name="tl_bukti_unduh"),
    path("<slug:slug>/sumber/<int:pk>/impor/", v.impor, name="tl_impor"),
    path("<slug:slug>/reviu/<tahun:tahun>/", v.reviu, name="tl_reviu"),
    path("<slug:slug>/reviu/<tahun:tahun>/lhr/", v.reviu_lhr, name="tl_reviu_lhr"),
    path("<slug:slug>/matriks.xlsx", v.matriks_xlsx, name="tl_matriks_xlsx"),
    path("<slug:slug>/matriks.pdf", v.matriks_pdf, name="tl_matriks_pdf"),
]
