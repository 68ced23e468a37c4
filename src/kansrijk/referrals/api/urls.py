from django.urls import path

from kansrijk.referrals.api import views

urlpatterns = [
    path("gezinnen/<int:pk>/verwijzingen/", views.FamilyReferralsView.as_view(), name="family-referrals"),
    path("gezinnen/<int:pk>/toestemmingen/", views.FamilyConsentsView.as_view(), name="family-consents"),
    path("toestemmingen/<int:pk>/intrekken/", views.ConsentRevokeView.as_view(), name="consent-revoke"),
    path("verwijzingen/", views.ReferralListView.as_view(), name="referrals"),
    path("verwijzingen/inbox/", views.InboxView.as_view(), name="referral-inbox"),
    path("verwijzingen/<int:pk>/", views.ReferralDetailView.as_view(), name="referral"),
    path("verwijzingen/<int:pk>/gedeeld/", views.SharedView.as_view(), name="referral-shared"),
    path("verwijzingen/<int:pk>/stappen/", views.StepsView.as_view(), name="referral-steps"),
]
