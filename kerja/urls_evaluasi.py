"""Workspace pages of the AKIP evaluation (LKE), its layers and the LHE: served under ``/evaluasi/`` in the ``kerja`` namespace (`sakip/urls.py`)."""

from django.urls import path

from kerja.views import evaluasi

E = "<slug:slug>/<tahun:tahun>/<slug:jenis>/"

urlpatterns = [
    path("", evaluasi.evaluasi_beranda, name="evaluasi_beranda"),
    path("<slug:slug>/<tahun:tahun>/", evaluasi.evaluasi_unit, name="evaluasi_unit"),
    path(E, evaluasi.evaluasi, name="evaluasi"),
    path(E + "lke.xlsx", evaluasi.evaluasi_xlsx, name="evaluasi_xlsx"),
    path(E + "tim/", evaluasi.evaluasi_tim, name="evaluasi_tim"),
    path(E + "lhe/", evaluasi.evaluasi_lhe, name="evaluasi_lhe"),
    path(E + "lhe.docx", evaluasi.evaluasi_lhe_docx, name="evaluasi_lhe_docx"),
    path(E + "lhe.pdf", evaluasi.evaluasi_lhe_pdf, name="evaluasi_lhe_pdf"),
    path(E + "bukti/<int:pk>/", evaluasi.evaluasi_bukti_unduh, name="evaluasi_bukti_unduh"),
]
