from django.urls import path

from kansrijk.families import views

app_name = "families"

urlpatterns = [
    path("gezinnen/nieuw/", views.FamilyOpenView.as_view(), name="family_open"),
]
