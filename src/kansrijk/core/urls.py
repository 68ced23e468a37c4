from django.urls import path

from kansrijk.core import views

app_name = "core"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("taal/", views.set_language, name="set_language"),
    path("toezicht/auditlog/", views.AuditLogView.as_view(), name="audit_log"),
]
