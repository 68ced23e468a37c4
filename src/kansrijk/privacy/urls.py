from django.urls import path

from kansrijk.privacy import views

app_name = "privacy"

urlpatterns = [
    path("gezinnen/<int:pk>/noodtoegang/", views.BreakGlassView.as_view(), name="break_glass"),
    path("privacy/", views.PrivacyStartView.as_view(), name="start"),
    path("privacy/noodtoegang/", views.BreakGlassReviewView.as_view(), name="break_glass_review"),
    path("privacy/gezinnen/<int:pk>/", views.PrivacyFamilyView.as_view(), name="family"),
    path("privacy/gezinnen/<int:pk>/export.json", views.ExportJsonView.as_view(), name="export_json"),
    path("privacy/gezinnen/<int:pk>/samenvatting.pdf", views.SummaryPdfView.as_view(), name="summary_pdf"),
]
