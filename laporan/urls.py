from django.urls import path

from . import views

app_name = "laporan"
urlpatterns = [
    path("<slug:unit_slug>/<int:tahun>/", views.laporan_html, name="html"),
    path("<slug:unit_slug>/<int:tahun>/pdf/", views.laporan_pdf, name="pdf"),
    path("<slug:unit_slug>/<int:tahun>/xlsx/", views.laporan_xlsx, name="xlsx"),
]

from . import urls_narasi  # noqa: E402

urlpatterns += urls_narasi.urlpatterns
