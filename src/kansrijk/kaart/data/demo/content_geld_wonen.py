"""Buurtteams, geld, regelingen, eten, babyspullen en wonen (fictional)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # mypy sees this folder as part of the kansrijk package (mypy_path = "src"); at run time
    # build_demo.py puts this folder on sys.path and the content modules import it as a top-level module.
    from kansrijk.kaart.data.demo.build_demo import ZOMERSTOP, Demo, media
else:
    from build_demo import ZOMERSTOP, media

# slug, name, areas, languages, location (slug, name, street, postcode, transport), description, hours
BUURTTEAMS = [
    (
        "buurtteam-centrum",
        "Buurtteam Centrum (demo)",
        "A",
        "nl,en",
        ("bt-centrum", "Buurtteam Centrum, Kattenburgerplein", "Kattenburgerplein 3", "1018 KK", "Bus 22"),
        "Loop je vast met geld, post, je huis of je gezondheid? Bij het buurtteam praat je met iemand die met je "
        "meedenkt. We helpen je zelf, of we zoeken samen de juiste plek.",
        "ma-vr 09:00-17:00",
    ),
    (
        "buurtteam-west",
        "Buurtteam West (demo)",
        "E",
        "nl,ar,tr",
        ("bt-west", "Buurtteam West, Bos en Lommerplein", "Bos en Lommerplein 50", "1055 EK", "Tram 7"),
        "Je kunt bij ons terecht met allerlei vragen: brieven die je niet snapt, schulden, ruzie of "
        "eenzaamheid. Kom langs op het inloopspreekuur of bel voor een afspraak.",
        "ma-vr 09:00-17:00; di 09:30-12:00 Inloop",
    ),
    (
        "buurtteam-nieuw-west",
        "Buurtteam Nieuw-West (demo)",
        "F",
        "nl,ar,ber,tr",
        ("bt-nieuw-west", "Buurtteam Nieuw-West, Slotermeerlaan", "Slotermeerlaan 58", "1064 HM", "Tram 7 en 13"),
        "Ben je zwanger of heb je een jong kind, en maak je je zorgen over geld, je woning of je relatie? Een "
        "buurtteammedewerker komt ook bij je thuis. We spreken Arabisch, Tamazight en Turks.",
        "ma-vr 08:30-17:00; do 17:00-19:30 Avondspreekuur",
    ),
    (
        "buurtteam-zuid",
        "Buurtteam Zuid (demo)",
        "K",
        "nl,en",
        ("bt-zuid", "Buurtteam Zuid, Scheldestraat", "Scheldestraat 20", "1078 GN", "Tram 12"),
        "Samen met jou zoeken we uit wat je nodig hebt. Dat kan gaan over geld, werk, je gezin of je gezondheid. "
        "De hulp is gratis en je hebt geen verwijzing nodig.",
        "ma-vr 09:00-17:00",
    ),
    (
        "buurtteam-oost",
        "Buurtteam Oost (demo)",
        "M",
        "nl,en,so,ar",
        ("bt-oost", "Buurtteam Oost, Ambonplein", "Ambonplein 40", "1094 PZ", "Tram 14"),
        "Heb je hulp nodig bij het regelen van dingen voor jezelf of je gezin? We helpen met aanvragen, "
        "betalingsachterstanden en gesprekken met instanties. Ook Somalisch en Arabisch.",
        "ma-vr 09:00-17:00",
    ),
    (
        "buurtteam-noord",
        "Buurtteam Noord (demo)",
        "N",
        "nl,tr,ar,en",
        ("bt-noord", "Buurtteam Noord, Buikslotermeerplein", "Buikslotermeerplein 30", "1025 XK", "Metro 52"),
        "Het buurtteam helpt bewoners van Noord met vragen over geld, wonen, opvoeden en je eigen gezondheid. We "
        "kijken naar het hele gezin. Bel, mail of loop binnen.",
        "ma-vr 08:30-17:00; wo 09:00-12:00 Inloop",
    ),
    (
        "buurtteam-zuidoost",
        "Buurtteam Zuidoost (demo)",
        "T",
        "nl,en,srn,tw,pap",
        ("bt-zuidoost", "Buurtteam Zuidoost, Bijlmerdreef", "Bijlmerdreef 101", "1102 BR", "Metro 50 en 54"),
        "Vragen over geld, schulden, werk of je huis? Je kunt zonder afspraak langskomen. We nemen de tijd en "
        "helpen je stap voor stap, ook in het Engels, Sranantongo, Twi of Papiaments.",
        "ma-vr 08:30-17:00; za 10:00-13:00 Inloop",
    ),
    (
        "sociaal-team-weesp",
        "Sociaal Team Weesp (demo)",
        "S",
        "nl,pl",
        ("st-weesp", "Sociaal Team Weesp, Oudegracht", "Oudegracht 60", "1381 AL", "Bus 320 en 327"),
        "Het sociaal team in Weesp en Driemond helpt je met geld, zorg, wonen en de opvoeding. Je belt of loopt "
        "binnen en we plannen een gesprek. Er werkt ook iemand die Pools spreekt.",
        "ma-vr 09:00-16:30",
    ),
]


def build(demo: Demo) -> None:
    for slug, name, areas, langs, (loc, loc_name, street, postcode, transport), text, hours in BUURTTEAMS:
        org = demo.org(slug, name, "Het team voor hulp en ondersteuning in de buurt, voor alle bewoners.")
        demo.loc(loc, org, loc_name, street, postcode, transport=transport)
        demo.service(
            f"{slug}-hulp",
            org,
            "Hulp bij geld, papieren en je huis",
            text,
            "geld,regel,wonen,psyche",
            "alle",
            areas,
            languages=langs,
            hours=hours,
            phone_hours="ma-vr 08:30-17:00",
            locations=(loc,),
            targets="ouders,aanstaande-ouders,alleenstaande-ouders",
            wait_days=7,
            wait="Binnen een week een eerste gesprek",
            apply="Bel of kom langs. Je hebt geen verwijzing nodig.",
        )

    demo.service(
        "buurtteam-zuidoost-geldspreekuur",
        "buurtteam-zuidoost",
        "Geldspreekuur voor jonge gezinnen",
        "Komt er een baby en vraag je je af of je genoeg geld hebt? Op dit spreekuur maken we samen een overzicht "
        "van je inkomsten en uitgaven. We kijken ook naar toeslagen en de Stadspas.",
        "geld,regel",
        "zwanger,na",
        "T",
        languages="nl,en,srn",
        hours="wo 13:00-16:00 Spreekuur",
        locations=("bt-zuidoost",),
        targets="aanstaande-ouders,ouders",
        closures=(ZOMERSTOP,),
    )
    demo.service(
        "buurtteam-nieuw-west-toeslagen",
        "buurtteam-nieuw-west",
        "Spreekuur toeslagen en kinderbijslag",
        "Weet je niet zeker of je alle toeslagen krijgt? Neem je brieven mee. We controleren samen je "
        "kinderopvangtoeslag, huurtoeslag, zorgtoeslag en kinderbijslag.",
        "regel",
        "zwanger,na",
        "F",
        languages="nl,ar,ber,tr",
        hours="ma 13:30-16:00 Inloop",
        locations=("bt-nieuw-west",),
    )
    demo.service(
        "buurtteam-noord-huurachterstand",
        "buurtteam-noord",
        "Huurachterstand? Bel ons op tijd",
        "Kun je de huur deze maand niet betalen? Wacht niet tot de deurwaarder komt. Wij bellen met je "
        "verhuurder en maken een betaalregeling.",
        "wonen,geld",
        "alle",
        "N",
        languages="nl,tr",
        phone_hours="ma-vr 08:30-17:00",
        locations=("bt-noord",),
        wait_days=3,
    )

    # --- Regelingen ---------------------------------------------------------------------------------
    org = demo.org(
        "sociaal-loket",
        "Sociaal Loket Amsterdam (demo)",
        "Informatie over regelingen van de gemeente, aan de telefoon en op het stadsloket.",
        phone_number="0800 555 04 40",
    )
    demo.service(
        "sociaal-loket-stadspas",
        org,
        "Stadspas aanvragen",
        "Met de Stadspas krijg je korting op zwemmen, sport, musea en babyspullen. Heb je een laag inkomen? "
        "Dan vraag je de pas gratis aan, ook voor je kinderen. We helpen je aan de telefoon met de aanvraag.",
        "regel,geld",
        "alle",
        "stad",
        languages="nl,en,tr,ar",
        hours=None,
        phone_hours="ma-vr 08:00-18:00",
        eligibility="Voor Amsterdammers met een inkomen tot 120% van het sociaal minimum",
        media_items=(
            media(
                "photo",
                "Een moeder laat haar Stadspas zien bij de kassa van het zwembad.",
                "Een vrouw met een kinderwagen houdt een groene pas omhoog.",
            ),
        ),
    )
    demo.service(
        "sociaal-loket-regelingencheck",
        org,
        "Regelingencheck",
        "Je vult samen met een medewerker een korte lijst in over je gezin en je inkomen. Je hoort dan meteen "
        "welke regelingen en toeslagen je kunt krijgen. Het gesprek duurt ongeveer een half uur.",
        "regel,geld",
        "alle",
        "stad",
        languages="nl,en",
        hours=None,
        phone_hours="ma-vr 08:00-18:00",
        online_hours="ma-vr 09:00-17:00 Videobellen",
    )
    demo.service(
        "sociaal-loket-babyuitzet",
        org,
        "Geld voor een babyuitzet",
        "Heb je een laag inkomen en komt er een baby? Dan kun je bij de gemeente geld aanvragen voor een bedje, "
        "kinderwagen en andere spullen. Vraag het aan vanaf 20 weken zwangerschap.",
        "baby,regel",
        "zwanger",
        "stad",
        hours=None,
        phone_hours="ma-vr 08:00-18:00",
        wait_days=42,
        wait="Je krijgt binnen zes weken een besluit",
        eligibility="Voor ouders met een laag inkomen en weinig spaargeld",
    )

    org = demo.org(
        "formulierenbrigade",
        "Formulierenbrigade Amsterdam (demo)",
        "Vrijwilligers en studenten die helpen met formulieren en brieven.",
    )
    demo.loc(
        "fb-bibliotheek-osdorp",
        org,
        "Bibliotheek Osdorp",
        "Osdorpplein 800",
        "1068 TB",
        transport="Tram 1, halte Osdorpplein",
    )
    demo.loc(
        "fb-ganzenhoef",
        org,
        "Wijkcentrum Ganzenhoef",
        "Ganzenhoef 120",
        "1103 GA",
        transport="Metro 53, halte Ganzenhoef",
    )
    demo.loc("fb-noord", org, "Wijkcentrum De Banne", "Ilpendammerstraat 10", "1025 MB", transport="Bus 35")
    demo.service(
        "formulierenbrigade-spreekuur",
        org,
        "Hulp bij formulieren en brieven",
        "Heb je een brief gekregen die je niet begrijpt, of moet je een formulier invullen? Neem het mee naar "
        "ons spreekuur. We lezen het samen en helpen je met het antwoord.",
        "regel,taal",
        "alle",
        "F,T,N",
        languages="nl,en,ar,tr",
        hours="ma 13:00-16:00 Osdorp; wo 09:30-12:30 Ganzenhoef; do 18:30-20:30 Noord",
        locations=("fb-bibliotheek-osdorp", "fb-ganzenhoef", "fb-noord"),
    )
    demo.service(
        "formulierenbrigade-thuis",
        org,
        "Formulierenhulp aan huis",
        "Kun je niet naar het spreekuur komen, bijvoorbeeld omdat je net bevallen bent? Dan komt iemand van de "
        "formulierenbrigade bij je thuis. Bel ons om een afspraak te maken.",
        "regel",
        "zwanger,na",
        "stad",
        hours=None,
        phone_hours="ma-vr 09:00-16:00",
        wait_days=10,
    )

    # --- Geld en schulden --------------------------------------------------------------------------
    org = demo.org("geldwinkel", "Geldwinkel Amsterdam (demo)", "Hulp bij geldzaken en schulden.")
    demo.loc(
        "geldwinkel-bijlmer",
        org,
        "Geldwinkel Bijlmer",
        "Anton de Komplein 20",
        "1102 DW",
        transport="Metro 50 en 54, halte Bijlmer ArenA",
    )
    demo.loc(
        "geldwinkel-nieuw-west",
        org,
        "Geldwinkel Nieuw-West",
        "Pieter Calandlaan 60",
        "1069 KS",
        transport="Tram 1, halte Pieter Calandlaan",
    )
    demo.service(
        "geldwinkel-schuldhulp",
        org,
        "Schuldhulp",
        "Heb je schulden en lukt het niet meer om alles te betalen? We maken een overzicht van al je schulden "
        "en zoeken samen naar een oplossing. Soms kun je in een schuldregeling.",
        "geld",
        "alle",
        "stad",
        languages="nl,en,ar",
        phone_hours="ma-vr 09:00-17:00",
        locations=("geldwinkel-bijlmer", "geldwinkel-nieuw-west"),
        wait_days=14,
        wait="Ongeveer twee weken tot het eerste gesprek",
    )
    demo.service(
        "geldwinkel-budgetcoach",
        org,
        "Budgetcoach",
        "Een budgetcoach helpt je om grip te krijgen op je geld. Je leert hoe je je rekeningen op tijd betaalt "
        "en hoe je spaart voor je baby. Je ziet de coach een paar maanden lang elke twee weken.",
        "geld",
        "alle",
        "T,F",
        languages="nl,en,srn,ar",
        hours="ma-vr 09:00-17:00",
        locations=("geldwinkel-bijlmer", "geldwinkel-nieuw-west"),
        wait_days=21,
    )
    demo.service(
        "geldwinkel-inloop",
        org,
        "Inloop geldvragen",
        "Even snel een vraag over een rekening, een aanmaning of een brief van de Belastingdienst? Loop binnen. "
        "Je krijgt meteen advies.",
        "geld,regel",
        "alle",
        "T",
        languages="nl,en,srn,tw",
        hours="di,do 09:30-12:00 Inloop",
        locations=("geldwinkel-bijlmer",),
    )

    org = demo.org(
        "geldmaatjes",
        "Geldmaatjes Amsterdam (demo)",
        "Getrainde vrijwilligers die gezinnen helpen met hun administratie.",
        kind="informeel",
    )
    demo.service(
        "geldmaatjes-maatje",
        org,
        "Een maatje voor je geldzaken",
        "Een vrijwilliger komt een jaar lang bij je thuis om samen je post en rekeningen te ordenen. Het maatje "
        "oordeelt niet en helpt je om het daarna zelf te doen. Je kunt je aanmelden of aangemeld worden door je "
        "buurtteam.",
        "geld,contact",
        "alle",
        "stad",
        languages="nl,en,tr",
        hours=None,
        phone_hours="ma-do 10:00-15:00",
        wait_days=30,
        wait="Meestal binnen een maand een maatje",
    )

    # --- Eten --------------------------------------------------------------------------------------
    org = demo.org(
        "voedselbank",
        "Voedselbank Amsterdam (demo)",
        "Vrijwilligers die wekelijks voedselpakketten uitdelen.",
        kind="informeel",
    )
    points = [
        (
            "vb-karspeldreef",
            "Uitgiftepunt Karspeldreef",
            "Karspeldreef 200",
            "1101 CJ",
            "T",
            "do 14:00-17:00 Uitgifte",
            "nl,en,tw",
        ),
        ("vb-osdorp", "Uitgiftepunt Osdorp", "Baden Powellweg 300", "1069 LH", "F", "vr 13:00-16:00 Uitgifte", "nl,ar"),
        ("vb-noord", "Uitgiftepunt Nieuwendam", "Werengouw 40", "1024 PD", "N", "wo 13:00-16:00 Uitgifte", "nl"),
        ("vb-weesp", "Uitgiftepunt Weesp", "Hogeweyselaan 12", "1382 JR", "S", "di 15:00-17:00 Uitgifte", "nl"),
    ]
    for loc, loc_name, street, postcode, area, hours, langs in points:
        demo.loc(loc, org, loc_name, street, postcode)
        demo.service(
            f"voedselbank-{loc[3:]}",
            org,
            f"Voedselpakket, {loc_name.split(' ', 1)[1]}",
            "Heb je te weinig geld voor eten? Dan kun je elke week een gratis pakket met eten ophalen. Je meldt je "
            "eerst aan via het buurtteam of de schuldhulp. Voor baby's zit er ook voeding en luiers in.",
            "eten,baby",
            "alle",
            area,
            languages=langs,
            hours=hours,
            locations=(loc,),
            referral=True,
            apply="Je buurtteam of schuldhulpverlener meldt je aan.",
            eligibility="Als je na je vaste lasten weinig geld overhoudt voor eten",
        )

    org = demo.org(
        "sociale-supermarkt",
        "Sociale Supermarkt Het Mandje (demo)",
        "Winkel waar je met een kleine portemonnee boodschappen kunt doen.",
        kind="informeel",
    )
    demo.loc("het-mandje", org, "Het Mandje Slotervaart", "Nachtwachtlaan 20", "1062 AK", transport="Tram 2")
    demo.service(
        "het-mandje-winkel",
        org,
        "Boodschappen voor weinig geld",
        "In onze winkel betaal je met punten in plaats van geld. Je krijgt punten als je weinig inkomen hebt. "
        "Er zijn verse groenten, brood en ook luiers en babyvoeding.",
        "eten,baby",
        "alle",
        "F,E",
        languages="nl,ar,tr",
        hours="di-vr 10:00-16:00; za 10:00-13:00",
        locations=("het-mandje",),
        eligibility="Met een Stadspas of een brief van je buurtteam",
    )

    org = demo.org(
        "buurtrestaurant-kookpot",
        "Buurtrestaurant De Kookpot (demo)",
        "Buurtbewoners koken samen en eten samen.",
        kind="informeel",
    )
    demo.loc("kookpot", org, "De Kookpot", "Vlaardingenlaan 5", "1059 GL", transport="Tram 2 en 17")
    demo.service(
        "kookpot-maaltijd",
        org,
        "Warme maaltijd voor 3 euro",
        "Elke woensdag en vrijdag kun je bij ons een warme maaltijd eten. Kinderen eten gratis mee. Het is ook "
        "een fijne plek om andere ouders uit de buurt te ontmoeten.",
        "eten,contact",
        "alle",
        "F,K",
        hours="wo,vr 17:30-19:30 Maaltijd",
        locations=("kookpot",),
        free=False,
        amount=3,
        fees="3 euro, kinderen gratis",
        closures=(ZOMERSTOP,),
    )

    # --- Babyspullen -------------------------------------------------------------------------------
    org = demo.org(
        "babybank",
        "Babybank Amsterdam (demo)",
        "Vrijwilligers die babyspullen inzamelen en uitdelen aan gezinnen met weinig geld.",
        kind="informeel",
    )
    demo.loc("babybank-zuidoost", org, "Babybank Zuidoost", "Hoogoord 60", "1102 CG", transport="Metro 50 en 54")
    demo.loc(
        "babybank-nieuw-west", org, "Babybank Nieuw-West", "Sam van Houtenstraat 40", "1067 JV", transport="Tram 13"
    )
    demo.service(
        "babybank-pakket",
        org,
        "Gratis babyspullen",
        "Je krijgt een pakket met kleertjes, een bedje, een kinderwagen en andere spullen die je nodig hebt in "
        "het eerste jaar. Alles is tweedehands en goed schoongemaakt. Een hulpverlener vraagt het voor je aan.",
        "baby",
        "zwanger,na",
        "T,F,N",
        languages="nl,en,ar",
        hours="ma,do 10:00-15:00 Ophalen op afspraak",
        locations=("babybank-zuidoost", "babybank-nieuw-west"),
        referral=True,
        wait_days=14,
        apply="Je verloskundige, het Ouder- en Kindteam of je buurtteam vraagt het pakket voor je aan.",
        media_items=(
            media(
                "photo",
                "Vrijwilligers van de babybank pakken een kinderwagen in.",
                "Twee vrouwen staan bij rekken met babykleding en een kinderwagen.",
            ),
        ),
    )
    demo.service(
        "babybank-autostoeltje",
        org,
        "Autostoeltje lenen",
        "Moet je met de auto naar huis na de bevalling? Je kunt bij ons gratis een autostoeltje lenen. Breng "
        "het terug als je het niet meer nodig hebt.",
        "baby",
        "zwanger,na",
        "T,F",
        hours="ma,do 10:00-15:00",
        locations=("babybank-zuidoost",),
    )

    org = demo.org(
        "kledingbank-noord",
        "Kledingbank Noord (demo)",
        "Gratis kleding voor iedereen die het nodig heeft.",
        kind="informeel",
    )
    demo.loc("kledingbank-noord", org, "Kledingbank Noord", "Kamperfoelieweg 20", "1032 HJ", transport="Bus 34")
    demo.service(
        "kledingbank-noord-kleding",
        org,
        "Kleding voor je baby en jezelf",
        "Twee keer per jaar mag je gratis kleding uitzoeken voor je hele gezin. Er is ook zwangerschapskleding. "
        "Neem een bewijs mee dat je weinig inkomen hebt.",
        "baby",
        "zwanger,na",
        "N",
        hours="di,za 10:00-13:00",
        locations=("kledingbank-noord",),
        eligibility="Met een Stadspas of een brief van een hulpverlener",
    )

    org = demo.org(
        "weggeefwinkel-de-ruil",
        "Weggeefwinkel De Ruil (demo)",
        "Winkel waar je spullen brengt en gratis meeneemt.",
        kind="informeel",
    )
    demo.loc("de-ruil", org, "Weggeefwinkel De Ruil", "Jan van Galenstraat 100", "1056 CB", transport="Tram 13")
    demo.service(
        "de-ruil-winkel",
        org,
        "Gratis spullen meenemen",
        "Heb je babykleding, speelgoed of een box nodig? Kijk in onze winkel. Je mag drie dingen per week gratis "
        "meenemen en je kunt spullen brengen die je niet meer gebruikt.",
        "baby,eten",
        "alle",
        "E",
        hours="wo-za 11:00-16:00",
        locations=("de-ruil",),
    )

    # --- Wonen -------------------------------------------------------------------------------------
    org = demo.org(
        "woonadvies", "Woonadvies Amsterdam (demo)", "Advies over huren, urgentie en problemen met je woning."
    )
    demo.service(
        "woonadvies-urgentie",
        org,
        "Advies over een grotere woning",
        "Woon je met je gezin in een te kleine woning, of moet je je huis uit? Een woonadviseur kijkt met je "
        "naar je kansen, ook op urgentie. We helpen je met de aanvraag.",
        "wonen",
        "alle",
        "stad",
        languages="nl,en",
        hours=None,
        phone_hours="ma-vr 09:00-17:00",
        wait_days=21,
    )
    demo.loc(
        "woonadvies-spreekuur",
        org,
        "Spreekuur Wibautstraat",
        "Wibautstraat 150",
        "1091 GR",
        transport="Metro 51, 53 en 54, halte Wibautstraat",
    )
    demo.service(
        "woonadvies-schimmel",
        org,
        "Schimmel of vocht in huis",
        "Is er schimmel in de slaapkamer van je baby, of lekt je dak? Wij helpen je om je verhuurder aan te "
        "spreken. Als dat niet lukt, gaan we samen naar de huurcommissie.",
        "wonen,gezond",
        "alle",
        "stad",
        languages="nl,en,tr",
        hours="di 09:00-12:00 Spreekuur",
        phone_hours="ma-vr 09:00-17:00",
        locations=("woonadvies-spreekuur",),
    )

    org = demo.org(
        "gezinsopvang-de-haven", "Gezinsopvang De Haven (demo)", "Tijdelijke opvang voor gezinnen zonder eigen woning."
    )
    demo.service(
        "gezinsopvang-opvang",
        org,
        "Opvang voor gezinnen zonder huis",
        "Heb je met je kinderen of tijdens je zwangerschap geen vaste plek om te slapen? In De Haven krijg je "
        "een eigen kamer en begeleiding. Samen werken we aan een nieuwe woning.",
        "wonen,veilig",
        "zwanger,na",
        "stad",
        referral=True,
        hours=None,
        phone_hours="dagelijks 08:00-22:00",
        holidays=False,
        targets="ouders,alleenstaande-ouders",
        wait_days=7,
        wait="Wachtlijst, bij nood sneller",
        apply="Je wordt aangemeld via het zorgloket van de gemeente of je buurtteam.",
    )
