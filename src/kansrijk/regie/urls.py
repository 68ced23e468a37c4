from django.urls import path

from kansrijk.regie import views

app_name = "regie"

urlpatterns = [
    path("gezinnen/<int:pk>/regiehouder/", views.RegieView.as_view(), name="regie"),
    path("regie/", views.DashboardView.as_view(), name="dashboard"),
    path("regie/profiel/", views.RegieProfileView.as_view(), name="regie_profile"),
]
