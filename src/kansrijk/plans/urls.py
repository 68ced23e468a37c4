from django.urls import path

from kansrijk.plans import views

app_name = "plans"

urlpatterns = [
    path("gezinnen/<int:pk>/plan/", views.PlanView.as_view(), name="plan"),
    path("gezinnen/<int:pk>/plan/afdrukken/", views.PlanPrintView.as_view(), name="plan_print"),
]
