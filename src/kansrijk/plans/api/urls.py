from django.urls import path

from kansrijk.plans.api import views

urlpatterns = [
    path("gezinnen/<int:pk>/plan/", views.PlanView.as_view(), name="family-plan"),
]
