from django.urls import path

from kansrijk.dossier.api import referral_views, views

urlpatterns = [
    path("gezinnen/", views.FamilyListView.as_view(), name="families"),
    path("gezinnen/<int:pk>/", views.FamilyDetailView.as_view(), name="family"),
    path("gezinnen/<int:pk>/gesprekken/", views.AssessmentsView.as_view(), name="family-assessments"),
    path("gezinnen/<int:pk>/regie/", views.RegieView.as_view(), name="family-regie"),
    path("gezinnen/<int:pk>/meldcode/", views.MeldcodeView.as_view(), name="family-meldcode"),
    path("gezinnen/<int:pk>/plan/", views.PlanView.as_view(), name="family-plan"),
    path("taken/", views.WorklistView.as_view(), name="worklist"),
    path("taken/<int:pk>/klaar/", views.TaskDoneView.as_view(), name="task-done"),
    path("regie/", views.DashboardView.as_view(), name="regie-dashboard"),
    path("route/", views.PathwayView.as_view(), name="pathway"),
    # Referrals and consent (referral_views).
    path("gezinnen/<int:pk>/verwijzingen/", referral_views.FamilyReferralsView.as_view(), name="family-referrals"),
    path("gezinnen/<int:pk>/toestemmingen/", referral_views.FamilyConsentsView.as_view(), name="family-consents"),
    path("toestemmingen/<int:pk>/intrekken/", referral_views.ConsentRevokeView.as_view(), name="consent-revoke"),
    path("verwijzingen/", referral_views.ReferralListView.as_view(), name="referrals"),
    path("verwijzingen/inbox/", referral_views.InboxView.as_view(), name="referral-inbox"),
    path("verwijzingen/<int:pk>/", referral_views.ReferralDetailView.as_view(), name="referral"),
    path("verwijzingen/<int:pk>/gedeeld/", referral_views.SharedView.as_view(), name="referral-shared"),
    path("verwijzingen/<int:pk>/stappen/", referral_views.StepsView.as_view(), name="referral-steps"),
]
