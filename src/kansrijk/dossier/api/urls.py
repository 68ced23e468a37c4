from django.urls import path

from kansrijk.dossier.api import views

urlpatterns = [
    path("gezinnen/", views.FamilyListView.as_view(), name="families"),
    path("gezinnen/<int:pk>/", views.FamilyDetailView.as_view(), name="family"),
    path("route/", views.PathwayView.as_view(), name="pathway"),
]
