from django.urls import path

from . import views
from . import views_narasi as narasi

app_name = "laporan"
UT = "<slug:slug>/<int:tahun>/"
urlpatterns = [
    path("<slug:unit_slug>/<int:tahun>/", views.laporan_html, name="html"),
    path("<slug:unit_slug>/<int:tahun>/pdf/", views.laporan_pdf, name="pdf"),
    path("<slug:unit_slug>/<int:tahun>/xlsx/", views.laporan_xlsx, name="xlsx"),
    # Narrative editor and consistency check
    path(UT + "narasi/", narasi.narasi_daftar, name="narasi_daftar"),
    path(UT + "narasi/<str:bagian>/", narasi.narasi_ubah, name="narasi_ubah"),
    path(UT + "narasi/<str:bagian>/pratinjau/", narasi.narasi_pratinjau, name="narasi_pratinjau"),
    path(UT + "konsistensi/", narasi.konsistensi, name="konsistensi"),
]
