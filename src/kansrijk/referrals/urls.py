from django.urls import path

from kansrijk.referrals import views

app_name = "referrals"

urlpatterns = [
    path("gezinnen/<int:pk>/verwijzingen/", views.FamilyReferralsView.as_view(), name="family_referrals"),
    path("gezinnen/<int:pk>/verwijzen/", views.ReferralStartView.as_view(), name="referral_start"),
    path("verwijzingen/", views.MineView.as_view(), name="referrals_mine"),
    path("verwijzingen/nieuw/", views.ReferralNewView.as_view(), name="referral_new"),
    path("verwijzingen/inbox/", views.InboxView.as_view(), name="referral_inbox"),
    path("verwijzingen/kwijt/", views.LostView.as_view(), name="referrals_lost"),
    path("verwijzingen/<int:pk>/", views.ReferralView.as_view(), name="referral"),
    path("v/<str:token>/", views.LinkView.as_view(), name="referral_link"),
]
