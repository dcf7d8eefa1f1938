from django.urls import path

from . import views

app_name = "laporan"
# The narrative editor and consistency pages (kerja/urls_laporan.py) join this namespace in sakip/urls.py.
urlpatterns = [
    path("<slug:unit_slug>/<tahun:tahun>/", views.laporan_html, name="html"),
    path("<slug:unit_slug>/<tahun:tahun>/pdf/", views.laporan_pdf, name="pdf"),
    path("<slug:unit_slug>/<tahun:tahun>/xlsx/", views.laporan_xlsx, name="xlsx"),
    path("gambar/<int:pk>/", views.gambar_berkas, name="gambar_berkas"),
    path("berkas/<int:pk>/", views.berkas_status, name="berkas"),
    path("berkas/<int:pk>/unduh/", views.berkas_unduh, name="berkas_unduh"),
    path("<slug:unit_slug>/<tahun:tahun>/docx/", views.laporan_docx, name="docx"),
]
