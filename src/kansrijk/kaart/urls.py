from django.urls import path

from kansrijk.kaart import views

app_name = "kaart"

urlpatterns = [
    path("", views.SearchView.as_view(), name="search"),
    path("aanbod/<uuid:pk>/", views.ServiceView.as_view(), name="service"),
    path("organisatie/<uuid:pk>/", views.OrganizationView.as_view(), name="organization"),
    path("locatie/<uuid:pk>/", views.LocationView.as_view(), name="location"),
    path("flyer/", views.FlyerView.as_view(), name="flyer"),
    path("redactie/", views.EditorHomeView.as_view(), name="editor"),
    path("redactie/aanbod/<uuid:pk>/", views.ServiceEditView.as_view(), name="editor_service"),
    path("redactie/b1-check/", views.B1CheckView.as_view(), name="b1_check"),
]
