from django.urls import path

from . import views

app_name = "dasbor"
urlpatterns = [
    path("", views.utama, name="utama"),
    path("unit-bawahan/", views.rollup, name="rollup"),
    path("indikator/<int:pk>/", views.indikator, name="indikator"),
]
