"""Workspace pages that edit what the report prints (narrative, figures, legal wording) and the consistency
check: served under ``laporan/`` beside the report, in the ``kerja`` namespace (`sakip/urls.py`)."""

from django.urls import path

from kerja.views import gambar, narasi, naskah, periodik

UT = "<slug:slug>/<tahun:tahun>/"

urlpatterns = [
    path(UT + "narasi/", narasi.narasi_daftar, name="narasi_daftar"),
    path(UT + "narasi/<str:bagian>/", narasi.narasi_ubah, name="narasi_ubah"),
    path(UT + "narasi/<str:bagian>/pratinjau/", narasi.narasi_pratinjau, name="narasi_pratinjau"),
    path(UT + "gambar/", gambar.gambar_daftar, name="gambar_daftar"),
    path(UT + "gambar/<int:pk>/", gambar.gambar_ubah, name="gambar_ubah"),
    path(UT + "naskah/", naskah.naskah_ubah, name="naskah_ubah"),
    path(UT + "konsistensi/", narasi.konsistensi, name="konsistensi"),
    path(UT + "periodik/", periodik.periodik_daftar, name="periodik_daftar"),
    path("<slug:slug>/periodik/<int:pk>/", periodik.periodik_laporan, name="periodik"),
    path("<slug:slug>/periodik/<int:pk>/html/", periodik.periodik_html, name="periodik_html"),
    path("<slug:slug>/periodik/<int:pk>/berkas/<str:format_>/", periodik.periodik_berkas, name="periodik_berkas"),
    path("<slug:slug>/periodik/<int:pk>/<str:aksi>/", periodik.periodik_aksi, name="periodik_aksi"),
]
