from django.urls import path

from kansrijk.regie.api import views

urlpatterns = [
    path("gezinnen/<int:pk>/regie/", views.RegieView.as_view(), name="family-regie"),
    path("regie/", views.DashboardView.as_view(), name="regie-dashboard"),
]
