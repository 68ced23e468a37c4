from django.urls import path

from kansrijk.dossier import pathway_views, referral_views, views

app_name = "dossier"

urlpatterns = [
    path("gezinnen/", views.FamilyListView.as_view(), name="family_list"),
    path("gezinnen/nieuw/", views.FamilyOpenView.as_view(), name="family_open"),
    path("gezinnen/<int:pk>/", views.FamilyView.as_view(), name="family"),
    path("gezinnen/<int:pk>/toevoegen/<slug:kind>/", views.FamilyAddView.as_view(), name="family_add"),
    path("gezinnen/<int:pk>/gesprek/", views.ConversationView.as_view(), name="conversation"),
    path("gezinnen/<int:pk>/regiehouder/", views.RegieView.as_view(), name="regie"),
    path("gezinnen/<int:pk>/meldcode/", views.MeldcodeView.as_view(), name="meldcode"),
    path("gezinnen/<int:pk>/plan/", views.PlanView.as_view(), name="plan"),
    path("gezinnen/<int:pk>/plan/afdrukken/", views.PlanPrintView.as_view(), name="plan_print"),
    path("gezinnen/<int:pk>/verwijzingen/", referral_views.FamilyReferralsView.as_view(), name="family_referrals"),
    path("gezinnen/<int:pk>/verwijzen/", referral_views.ReferralStartView.as_view(), name="referral_start"),
    path("verwijzingen/", referral_views.MineView.as_view(), name="referrals_mine"),
    path("verwijzingen/nieuw/", referral_views.ReferralNewView.as_view(), name="referral_new"),
    path("verwijzingen/inbox/", referral_views.InboxView.as_view(), name="referral_inbox"),
    path("verwijzingen/kwijt/", referral_views.LostView.as_view(), name="referrals_lost"),
    path("verwijzingen/<int:pk>/", referral_views.ReferralView.as_view(), name="referral"),
    path("v/<str:token>/", referral_views.LinkView.as_view(), name="referral_link"),
    path("taken/", views.WorklistView.as_view(), name="worklist"),
    path("taken/<int:pk>/klaar/", views.TaskDoneView.as_view(), name="task_done"),
    path("route/", pathway_views.PathwayView.as_view(), name="pathway"),
    path("route/bewerken/", pathway_views.PathwayEditView.as_view(), name="pathway_edit"),
    path("regie/", views.DashboardView.as_view(), name="dashboard"),
    path("regie/profiel/", views.RegieProfileView.as_view(), name="regie_profile"),
]
