from django.urls import path

from kansrijk.dossier import views

app_name = "dossier"

urlpatterns = [
    path("gezinnen/", views.FamilyListView.as_view(), name="family_list"),
    path("gezinnen/<int:pk>/", views.FamilyView.as_view(), name="family"),
    path("gezinnen/<int:pk>/toevoegen/<slug:kind>/", views.FamilyAddView.as_view(), name="family_add"),
]
