"""Veiligheid thuis, psychische klachten, alcohol en drugs (fictional)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # mypy sees this folder as part of the kansrijk package (mypy_path = "src"); at run time
    # build_demo.py puts this folder on sys.path and the content modules import it as a top-level module.
    from kansrijk.kaart.data.demo.build_demo import ZOMERSTOP, Demo, media
else:
    from build_demo import ZOMERSTOP, media

ALTIJD = "dagelijks 00:00-00:00"


def build(demo: Demo) -> None:
    # --- Huiselijk geweld --------------------------------------------------------------------------
    org = demo.org(
        "meldlijn-huiselijk-geweld",
        "Advies- en Meldlijn Huiselijk Geweld (demo)",
        "Landelijk bereikbare lijn voor advies en meldingen over geweld in huis en kindermishandeling.",
        phone_number="0800 555 05 50",
    )
    demo.service(
        "meldlijn-bellen",
        org,
        "Bel als je je thuis niet veilig voelt",
        "Word je thuis geslagen, bedreigd of vernederd, of maak je je zorgen om een kind? Bel ons, dag en nacht. "
        "Je praat met iemand die naar je luistert en met je bespreekt wat je kunt doen. Je mag anoniem bellen.",
        "veilig",
        "alle",
        "stad",
        languages="nl,en,ar,tr",
        hours=None,
        phone_hours=ALTIJD,
        online_hours="dagelijks 18:00-22:00 Chat",
        holidays=False,
        targets="ouders,aanstaande-ouders",
        interpretation="Tolk via de telefoon, dag en nacht",
        media_items=(
            media(
                "video",
                "Wat gebeurt er als je belt? Een medewerker legt het uit.",
                "Een vrouw met een headset zit achter een computer en luistert.",
            ),
        ),
    )
    demo.service(
        "meldlijn-professionals",
        org,
        "Advies voor professionals bij de meldcode",
        "Twijfel je of een gezin veilig is? Als professional bespreek je je zorgen met een adviseur, ook als je "
        "de naam van het gezin niet noemt. Samen loop je de stappen van de meldcode door.",
        "veilig",
        "alle",
        "stad",
        hours=None,
        phone_hours=ALTIJD,
        holidays=False,
        targets="professionals",
        phone_number="0800 555 05 51",
    )

    org = demo.org(
        "schuilhuis",
        "Vrouwenopvang Het Schuilhuis (demo)",
        "Opvang en hulp voor vrouwen en kinderen die thuis niet veilig zijn.",
    )
    demo.loc(
        "schuilhuis-spreekpunt",
        org,
        "Spreekpunt Osdorp",
        "Baden Powellweg 100",
        "1069 LE",
        transport="Tram 1, halte Baden Powellweg",
        description="Alleen voor gesprekken. Het adres van de opvang zelf is geheim.",
    )
    demo.service(
        "schuilhuis-opvang",
        org,
        "Veilige opvang voor moeders en kinderen",
        "Moet je weg van huis omdat het niet veilig is? In de opvang krijg je met je kinderen een eigen kamer op "
        "een geheim adres. Er is altijd iemand die je helpt, ook als je zwanger bent.",
        "veilig,wonen",
        "alle",
        "stad",
        referral=True,
        hours=None,
        phone_hours=ALTIJD,
        holidays=False,
        targets="ouders,aanstaande-ouders,alleenstaande-ouders",
        languages="nl,en,ar",
        apply="Bel de Advies- en Meldlijn of de politie. Zij zorgen dat je een plek krijgt.",
    )
    demo.service(
        "schuilhuis-gesprekken",
        org,
        "Praten over geweld in je relatie",
        "Je woont nog thuis, maar er is vaak ruzie of geweld. Een hulpverlener praat met je over veiligheid en "
        "helpt je een plan te maken. Ook je partner kan hulp krijgen.",
        "veilig,psyche",
        "alle",
        "stad",
        languages="nl,ar,tr,en",
        hours="ma-vr 09:00-17:00; do 17:00-20:00",
        locations=("schuilhuis-spreekpunt",),
        wait_days=5,
    )
    demo.service(
        "schuilhuis-groep",
        org,
        "Moedergroep Sterk na geweld",
        "Een groep voor moeders die geweld hebben meegemaakt. Je leert hoe je je kinderen helpt en hoe je weer "
        "sterker wordt. De groep komt tien keer samen.",
        "veilig,psyche,contact",
        "na",
        "F,E,K",
        hours="di 10:00-12:00 Groep",
        locations=("schuilhuis-spreekpunt",),
        closures=(ZOMERSTOP,),
        wait_days=60,
        wait="Twee groepen per jaar",
    )

    # --- Psychische klachten -----------------------------------------------------------------------
    org = demo.org(
        "ggz-moeder-baby",
        "GGZ Moeder en Baby (demo)",
        "Psychische zorg rond zwangerschap en de eerste jaren met een kind.",
    )
    demo.loc(
        "ggz-moeder-baby",
        org,
        "Poli Moeder en Baby",
        "Amstelveenseweg 500",
        "1081 KL",
        transport="Tram 24, halte Amstelveenseweg",
    )
    demo.service(
        "ggz-poli-zwangerschap",
        org,
        "Poli psychische klachten rond de zwangerschap",
        "Voel je je somber, angstig of uitgeput tijdens je zwangerschap of na de bevalling? Of had je eerder een "
        "depressie en wil je zwanger worden? Een psychiater en een verpleegkundige helpen je. Je hebt een "
        "verwijzing van je huisarts nodig.",
        "psyche,kinderwens",
        "voor,zwanger,na",
        "stad",
        referral=True,
        free=False,
        fees="Vergoed door je zorgverzekering (eigen risico)",
        wait_days=28,
        wait="Ongeveer vier weken; bij spoed sneller",
        languages="nl,en",
        locations=("ggz-moeder-baby",),
        phone_hours="ma-vr 09:00-17:00",
    )
    demo.service(
        "ggz-moeder-baby-therapie",
        org,
        "Samen met je baby in therapie",
        "Lukt het contact met je baby niet zoals je zou willen? In deze therapie kom je samen met je baby. Een "
        "therapeut kijkt met je naar jullie band en helpt je om je baby beter te begrijpen.",
        "psyche,opvoeden",
        "na",
        "stad",
        referral=True,
        free=False,
        fees="Vergoed door je zorgverzekering (eigen risico)",
        wait_days=35,
        locations=("ggz-moeder-baby",),
        hours="ma-do 09:00-17:00 Op afspraak",
    )
    demo.service(
        "ggz-verlies-baby",
        org,
        "Steun na het verlies van je baby",
        "Is je baby overleden tijdens de zwangerschap of kort na de geboorte? Je kunt praten met een "
        "rouwbegeleider, alleen of met je partner. Ook bij een nieuwe zwangerschap na verlies helpen we je.",
        "psyche",
        "zwanger,na,voor",
        "stad",
        hours="wo 13:00-17:00 Op afspraak",
        locations=("ggz-moeder-baby",),
        phone_hours="ma-vr 09:00-17:00",
    )
    demo.service(
        "ggz-relatiegesprekken",
        org,
        "Relatiegesprekken voor jonge ouders",
        "Een baby verandert veel in je relatie. Heb je vaak ruzie of praat je nauwelijks meer met elkaar? In vijf "
        "gesprekken werk je samen aan hoe het beter kan. De gemeente betaalt.",
        "psyche,veilig,vaders",
        "zwanger,na",
        "stad",
        languages="nl,en,tr",
        hours="di,do 16:00-21:00 Op afspraak",
        locations=("ggz-moeder-baby",),
        wait_days=21,
        online_hours="di,do 19:00-21:00 Videogesprek",
    )

    org = demo.org(
        "praatgroep-na-de-bevalling",
        "Praatgroep Na de Bevalling (demo)",
        "Moeders die zelf een postnatale depressie hadden, begeleiden lotgenotengroepen.",
        kind="informeel",
    )
    demo.loc(
        "praatgroep-frissenstein",
        org,
        "Buurthuis Frissenstein",
        "Frissenstein 80",
        "1102 HE",
        transport="Metro 50 en 54, halte Bijlmer ArenA",
    )
    demo.service(
        "praatgroep-zuidoost",
        org,
        "Lotgenotengroep: somber na de bevalling",
        "Voel je je niet blij met je baby, terwijl iedereen dat verwacht? Je bent niet de enige. In deze groep "
        "praat je met moeders die dit ook hebben meegemaakt. We spreken Nederlands, Engels en Sranantongo.",
        "psyche,contact",
        "na",
        "T",
        languages="nl,en,srn",
        hours="za 10:30-12:00 Groep",
        locations=("praatgroep-frissenstein",),
        closures=(ZOMERSTOP,),
    )
    demo.service(
        "praatgroep-online",
        org,
        "Online praatgroep voor moeders",
        "Kom je moeilijk de deur uit? Doe dan mee met de online groep op maandagavond. Je camera mag uit. Een "
        "ervaringsdeskundige leidt het gesprek.",
        "psyche,contact",
        "na,zwanger",
        "stad",
        hours=None,
        online_hours="ma 20:00-21:30 Online groep",
    )

    org = demo.org(
        "nachtlijn",
        "Nachtlijn Luisterend Oor (demo)",
        "Vrijwilligers die 's avonds en 's nachts de telefoon opnemen.",
        kind="informeel",
        phone_number="0800 555 06 60",
    )
    demo.service(
        "nachtlijn-bellen",
        org,
        "Iemand om mee te praten in de nacht",
        "Lig je wakker van zorgen, of voel je je alleen met je baby in de nacht? Bel een vrijwilliger die naar je "
        "luistert. Je hoeft je naam niet te noemen.",
        "psyche,contact",
        "alle",
        "stad",
        hours=None,
        phone_hours="dagelijks 20:00-02:00",
        holidays=False,
        languages="nl,en",
    )

    # --- Alcohol en drugs --------------------------------------------------------------------------
    org = demo.org("verslavingshulp", "Verslavingshulp Amsterdam (demo)", "Hulp bij alcohol, drugs en gokken.")
    demo.loc(
        "verslavingshulp-overtoom",
        org,
        "Verslavingshulp Overtoom",
        "Overtoom 400",
        "1054 JV",
        transport="Tram 1, halte Rhijnvis Feithstraat",
    )
    demo.service(
        "verslavingshulp-zwanger",
        org,
        "Alcohol of drugs en zwanger",
        "Drink je alcohol of gebruik je drugs, en ben je zwanger of wil je dat worden? Een hulpverlener praat met "
        "je zonder te oordelen. Samen kijk je wat je kunt doen, voor jou en je baby.",
        "roken,psyche",
        "voor,zwanger",
        "stad",
        languages="nl,en",
        locations=("verslavingshulp-overtoom",),
        phone_hours="ma-vr 09:00-17:00",
        wait_days=10,
    )
    demo.service(
        "verslavingshulp-partners",
        org,
        "Spreekuur als je partner drinkt of blowt",
        "Drinkt of blowt je partner veel, en maak je je zorgen nu er een baby komt? Op dit spreekuur krijg je "
        "advies. Je partner kan ook zelf komen, zonder verwijzing.",
        "roken,veilig",
        "alle",
        "stad",
        hours="wo 17:00-20:00 Spreekuur",
        locations=("verslavingshulp-overtoom",),
        targets="ouders,vaders",
    )
