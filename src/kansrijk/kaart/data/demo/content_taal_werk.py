"""Taal en lezen, werk, juridische hulp, cultuurbemiddeling en nieuwkomers (fictional)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # mypy sees this folder as part of the kansrijk package (mypy_path = "src"); at run time
    # build_demo.py puts this folder on sys.path and the content modules import it as a top-level module.
    from kansrijk.kaart.data.demo.build_demo import ZOMERSTOP, Demo, media
else:
    from build_demo import ZOMERSTOP, media

TAALMOEDERS = [
    (
        "T",
        "zuidoost",
        "Zuidoost",
        "Buurthuis Kantershof",
        "Kantershof 400",
        "1104 HG",
        "di,do 09:30-11:30 Les",
        "Leer Nederlands in een kleine groep met andere moeders. Je oefent met woorden die je nodig hebt bij de "
        "dokter, op het consultatiebureau en op school. Je kinderen spelen in de kamer ernaast.",
    ),
    (
        "F",
        "nieuw-west",
        "Nieuw-West",
        "Buurthuis Ookmeer",
        "Ookmeerweg 100",
        "1068 MZ",
        "ma,wo 09:30-11:30 Les",
        "Twee ochtenden per week Nederlandse les, speciaal voor moeders. Vrijwilligers passen op je kinderen. Ook "
        "als je nooit naar school bent geweest, ben je welkom.",
    ),
    (
        "N",
        "noord",
        "Noord",
        "Buurthuis Kadoelen",
        "Kadoelenweg 10",
        "1035 RB",
        "di,vr 13:00-15:00 Les",
        "Wil je beter Nederlands spreken, zodat je zelf kunt bellen met de school of de huisarts? In deze groep "
        "oefen je met praten, luisteren en een beetje schrijven. Je baby mag mee.",
    ),
]


def build(demo: Demo) -> None:
    # --- Taal en lezen -----------------------------------------------------------------------------
    org = demo.org(
        "taalhuis",
        "Taalhuis Amsterdam (demo)",
        "Taalpunten in de bibliotheek: hulp bij lezen, schrijven, Nederlands leren en de computer.",
    )
    demo.loc(
        "taalhuis-bijlmerplein",
        org,
        "Taalhuis Bibliotheek Bijlmerplein",
        "Bijlmerplein 93",
        "1102 DA",
        transport="Metro 50 en 54, halte Bijlmer ArenA",
    )
    demo.loc(
        "taalhuis-slotermeer",
        org,
        "Taalhuis Bibliotheek Slotermeer",
        "Plein '40-'45 1",
        "1064 WV",
        transport="Tram 7 en 13, halte Plein '40-'45",
    )
    demo.loc(
        "taalhuis-noord",
        org,
        "Taalhuis Bibliotheek Noord",
        "Buikslotermeerplein 150",
        "1025 XP",
        transport="Metro 52, halte Noord",
    )
    demo.service(
        "taalhuis-taalcafe",
        org,
        "Taalcafé",
        "Praat Nederlands met andere mensen die de taal ook leren, en met vrijwilligers. Elke week is er een "
        "ander onderwerp, zoals de markt, de dokter of je kinderen. Gratis en zonder aanmelding.",
        "taal,contact",
        "alle",
        "T,F,N",
        formal=False,
        hours="wo 14:00-15:30 Bijlmerplein; do 10:00-11:30 Slotermeer; za 11:00-12:30 Noord",
        locations=("taalhuis-bijlmerplein", "taalhuis-slotermeer", "taalhuis-noord"),
        closures=(ZOMERSTOP,),
        media_items=(
            media(
                "photo",
                "Deelnemers van het taalcafé praten aan een tafel in de bibliotheek.",
                "Zes volwassenen zitten rond een tafel met koffie en een woordenboek.",
            ),
        ),
    )
    demo.service(
        "taalhuis-lezen-schrijven",
        org,
        "Beter leren lezen en schrijven",
        "Vind je lezen en schrijven moeilijk, ook al spreek je goed Nederlands? In een kleine groep oefen je met "
        "brieven, formulieren en verhalen voor je kind. Niemand hoeft te weten dat je meedoet.",
        "taal",
        "alle",
        "T,F,N",
        hours="ma 13:30-15:30 Groep",
        locations=("taalhuis-bijlmerplein", "taalhuis-slotermeer"),
        wait_days=30,
        wait="Je kunt elke maand instromen",
    )
    demo.service(
        "taalhuis-digitaal",
        org,
        "Hulp met de computer en DigiD",
        "Lukt het niet om in te loggen met DigiD, of wil je leren mailen? Vrijwilligers helpen je met de computer "
        "en je telefoon. Neem je telefoon en je wachtwoorden mee.",
        "taal,regel",
        "alle",
        "T,F,N",
        formal=False,
        hours="di 10:00-12:00 Inloop; vr 14:00-16:00 Inloop",
        locations=("taalhuis-bijlmerplein", "taalhuis-noord"),
    )
    demo.service(
        "taalhuis-babyvoorlezen",
        org,
        "Boekenbabies",
        "Een half uur voorlezen, zingen en spelen met je baby of dreumes in de bibliotheek. Je leert hoe je thuis "
        "kunt voorlezen, ook als je zelf niet goed leest. Je kind krijgt een gratis bibliotheekpas.",
        "taal,opvoeden,contact",
        "na",
        "T,F,N",
        languages="nl,ar,tw",
        hours="vr 10:00-10:30 Voorlezen",
        locations=("taalhuis-bijlmerplein", "taalhuis-slotermeer", "taalhuis-noord"),
        max_age=30,
    )

    org = demo.org(
        "taalmoeders",
        "Taalmoeders (demo)",
        "Vrijwilligers die Nederlandse les geven aan moeders, met oppas voor de kinderen.",
        kind="informeel",
    )
    for area, suffix, naam, loc_name, street, postcode, hours, text in TAALMOEDERS:
        loc = demo.loc(f"taalmoeders-{suffix}", org, loc_name, street, postcode)
        demo.service(
            f"taalmoeders-{suffix}",
            org,
            f"Nederlandse les voor moeders in {naam}",
            text,
            "taal,contact",
            "alle",
            area,
            languages="nl,ar,en",
            hours=hours,
            locations=(loc,),
            closures=(ZOMERSTOP,),
            targets="ouders,nieuwkomers",
            wait_days=14 if area != "T" else 35,
        )
    demo.service(
        "taalmoeders-taalmaatje",
        org,
        "Taalmaatje aan huis",
        "Een taalmaatje komt een uur per week bij je thuis om Nederlands te oefenen. Jullie praten over wat jij "
        "wilt: de school, boodschappen of je werk. Fijn als je niet naar een les kunt komen.",
        "taal",
        "alle",
        "stad",
        languages="nl",
        hours=None,
        phone_hours="ma-do 10:00-14:00",
        wait_days=45,
        wait="Er is een wachtlijst van ongeveer zes weken",
    )

    org = demo.org(
        "voorleesvriendjes",
        "Voorleesvriendjes (demo)",
        "Vrijwilligers die bij gezinnen thuis voorlezen.",
        kind="informeel",
    )
    demo.loc(
        "voorleesvriendjes-dapperbuurt",
        org,
        "Buurtkamer Dapperbuurt",
        "Dapperstraat 100",
        "1093 BX",
        transport="Tram 1 en 3, halte Dapperstraat",
    )
    demo.service(
        "voorleesvriendjes-thuis",
        org,
        "Voorlezen bij je thuis",
        "Twintig weken lang komt een vrijwilliger een keer per week bij je thuis voorlezen aan je kind. Jij kijkt "
        "mee en leert hoe je zelf voorleest en praat over de plaatjes. Voor kinderen vanaf twee jaar.",
        "taal,opvoeden",
        "na",
        "T,F,N,E,M",
        hours=None,
        phone_hours="ma-vr 09:00-16:00",
        min_age=24,
        wait_days=30,
    )
    demo.service(
        "voorleesvriendjes-eigen-taal",
        org,
        "Voorlezen in je eigen taal",
        "In deze workshop hoor je waarom voorlezen in je eigen taal goed is voor je kind. Je krijgt boekjes in "
        "het Arabisch, Turks of Somalisch mee naar huis. Je baby mag mee.",
        "taal,opvoeden",
        "na",
        "M,F,N",
        languages="nl,ar,tr,so",
        hours="wo 10:00-11:30 Workshop",
        locations=("voorleesvriendjes-dapperbuurt",),
        closures=(ZOMERSTOP,),
    )

    # --- Werk ---------------------------------------------------------------------------------------
    org = demo.org("werkplein", "Werkplein Amsterdam (demo)", "Hulp bij werk zoeken, een opleiding en inkomen.")
    demo.loc(
        "werkplein-zuidoost",
        org,
        "Werkplein Zuidoost",
        "Bijlmerdreef 500",
        "1103 TN",
        transport="Metro 53, halte Ganzenhoef",
    )
    demo.loc(
        "werkplein-nieuw-west",
        org,
        "Werkplein Nieuw-West",
        "Cornelis Lelylaan 50",
        "1062 HP",
        transport="Trein en metro 50, station Lelylaan",
    )
    demo.service(
        "werkplein-spreekuur-ouders",
        org,
        "Werkspreekuur voor ouders",
        "Wil je weer gaan werken na je verlof, of zoek je een baan die past bij je gezin? Een werkcoach kijkt met "
        "je naar je kansen en je uren. Ook vragen over je uitkering kun je stellen.",
        "werk",
        "alle",
        "stad",
        languages="nl,en,ar",
        hours="di,do 09:00-12:00 Inloop",
        phone_hours="ma-vr 08:30-17:00",
        locations=("werkplein-zuidoost", "werkplein-nieuw-west"),
    )
    demo.service(
        "werkplein-moeders-aan-het-werk",
        org,
        "Training Moeders aan het werk",
        "Een training van acht weken voor moeders die lang niet gewerkt hebben. Je ontdekt wat je kunt, oefent "
        "een sollicitatiegesprek en loopt een dag mee bij een bedrijf. Tijdens de training is er opvang voor je "
        "kinderen.",
        "werk,taal",
        "na,voor",
        "T,F,N",
        hours="ma,wo 09:30-12:30 Training",
        locations=("werkplein-zuidoost", "werkplein-nieuw-west"),
        wait_days=40,
        wait="Een nieuwe groep start elke twee maanden",
        closures=(ZOMERSTOP,),
    )
    demo.service(
        "werkplein-opvang-en-werk",
        org,
        "Kinderopvang en werk regelen",
        "Ga je werken of een opleiding doen, maar weet je niet hoe je de opvang regelt? We helpen je met een "
        "plek bij een kinderopvang en met de kinderopvangtoeslag. Soms betaalt de gemeente mee.",
        "werk,regel,opvoeden",
        "na",
        "stad",
        languages="nl,en,tr",
        hours=None,
        phone_hours="ma-vr 08:30-17:00",
    )

    # --- Juridische hulp ---------------------------------------------------------------------------
    org = demo.org(
        "juridisch-loket",
        "Juridisch Spreekuur Amsterdam (demo)",
        "Gratis juridisch advies voor mensen met een laag inkomen.",
    )
    demo.loc(
        "juridisch-wibautstraat",
        org,
        "Spreekuur Wibautstraat",
        "Wibautstraat 90",
        "1091 GP",
        transport="Metro 51, 53 en 54, halte Wibautstraat",
    )
    demo.loc(
        "juridisch-bijlmer",
        org,
        "Spreekuur Bijlmer",
        "Anton de Komplein 30",
        "1102 DV",
        transport="Metro 50 en 54, halte Bijlmer ArenA",
    )
    demo.service(
        "juridisch-spreekuur",
        org,
        "Gratis juridisch advies",
        "Problemen met je huurbaas, je werkgever of een boete? Een jurist geeft je gratis advies en vertelt wat "
        "je kunt doen. Soms regelen we een advocaat voor je.",
        "juridisch,wonen,geld",
        "alle",
        "stad",
        languages="nl,en",
        hours="ma-do 09:00-12:00 Inloop",
        phone_hours="ma-vr 09:00-17:00",
        locations=("juridisch-wibautstraat", "juridisch-bijlmer"),
    )
    demo.service(
        "juridisch-vreemdelingenrecht",
        org,
        "Spreekuur verblijfsvergunning",
        "Heb je vragen over je verblijfsvergunning, of wil je je partner naar Nederland halen? Een jurist "
        "vreemdelingenrecht legt uit wat je rechten zijn. Neem je papieren mee als je die hebt.",
        "juridisch",
        "alle",
        "stad",
        languages="nl,en,ar,fr",
        hours="wo 13:00-16:00 Spreekuur",
        locations=("juridisch-wibautstraat",),
        targets="nieuwkomers,ongedocumenteerden",
        wait_days=7,
    )
    demo.service(
        "juridisch-avond-studenten",
        org,
        "Avondspreekuur met rechtenstudenten",
        "Op dinsdagavond helpen rechtenstudenten je met een juridische vraag. Ze zoeken het voor je uit en bellen "
        "je binnen een week terug. Handig als je overdag werkt.",
        "juridisch",
        "alle",
        "T",
        hours="di 18:30-20:30 Spreekuur",
        locations=("juridisch-bijlmer",),
    )

    org = demo.org(
        "steunpunt-zonder-papieren",
        "Steunpunt Ouders Zonder Papieren (demo)",
        "Vrijwilligers die ouders zonder verblijfsvergunning helpen.",
        kind="informeel",
    )
    demo.loc(
        "steunpunt-pijp",
        org,
        "Steunpunt De Pijp",
        "Van Ostadestraat 100",
        "1072 TA",
        transport="Tram 3, halte Van Ostadestraat",
    )
    demo.service(
        "steunpunt-hulp-zonder-papieren",
        org,
        "Hulp als je geen papieren hebt",
        "Ben je zwanger of heb je een kind, en heb je geen verblijfsvergunning? Wij helpen je met een slaapplek, "
        "eten en de weg naar een dokter of advocaat. We geven niets door aan de politie of de IND.",
        "juridisch,wonen,eten",
        "alle",
        "stad",
        languages="nl,en,fr,es,ar,ti",
        hours="wo,za 11:00-15:00 Inloop",
        locations=("steunpunt-pijp",),
        targets="ongedocumenteerden",
        media_items=(
            media(
                "video",
                "Een moeder zonder papieren vertelt hoe ze hulp vond.",
                "Een vrouw, van achteren gefilmd, kijkt uit een raam met een baby op haar arm.",
            ),
        ),
    )
    demo.service(
        "steunpunt-babypakket",
        org,
        "Babypakket voor moeders zonder papieren",
        "Als je bevalt zonder verblijfsvergunning, heb je vaak niets voor je baby. Wij geven je een pakket met "
        "kleding, luiers, een draagzak en een slaapzak. Vraag ernaar bij de inloop.",
        "baby,juridisch",
        "zwanger,na",
        "stad",
        languages="nl,en,fr,es",
        hours="wo 11:00-15:00 Inloop",
        locations=("steunpunt-pijp",),
        targets="ongedocumenteerden",
    )

    # --- Cultuurbemiddeling en nieuwkomers ---------------------------------------------------------
    org = demo.org(
        "cultuurbemiddeling",
        "Cultuurbemiddeling Amsterdam (demo)",
        "Cultuurbemiddelaars en sleutelpersonen die ouders en hulpverleners helpen elkaar te begrijpen.",
    )
    demo.service(
        "cultuurbemiddelaar",
        org,
        "Cultuurbemiddelaar bij je afspraken",
        "Een cultuurbemiddelaar spreekt jouw taal en kent jouw cultuur. Zij gaat mee naar de verloskundige, het "
        "consultatiebureau of de bevalling, en helpt jou en de hulpverlener elkaar te begrijpen. Je "
        "hulpverlener vraagt haar aan.",
        "taal,zwanger,bevalling",
        "zwanger,na",
        "stad",
        languages="nl,ar,ber,tr,ti,so,fa,tw,en,fr",
        hours=None,
        phone_hours="ma-vr 08:30-17:00",
        referral=True,
        targets="ouders,nieuwkomers,professionals",
        wait_days=5,
        apply="Je verloskundige, het Ouder- en Kindteam of het ziekenhuis vraagt een cultuurbemiddelaar aan.",
    )
    demo.service(
        "sleutelpersonen",
        org,
        "Sleutelpersonen in je buurt",
        "Sleutelpersonen zijn buurtbewoners die veel mensen kennen in hun gemeenschap. Ze vertellen over de "
        "hulp die er is en gaan een eerste keer met je mee. Je vindt ze bij moskeeën, kerken en verenigingen.",
        "contact,taal",
        "alle",
        "T,F,N",
        formal=False,
        languages="nl,ar,ber,tr,tw,srn,so",
        hours=None,
        phone_hours="ma-vr 09:00-17:00",
    )

    org = demo.org(
        "vluchtelingensteun",
        "Vluchtelingensteun Amsterdam (demo)",
        "Begeleiding van vluchtelingen en statushouders in Amsterdam.",
    )
    demo.loc(
        "vluchtelingensteun",
        org,
        "Kantoor Vluchtelingensteun",
        "Pieter Calandlaan 200",
        "1068 NR",
        transport="Tram 1, halte Pieter Calandlaan",
    )
    demo.service(
        "vluchtelingensteun-gezinnen",
        org,
        "Begeleiding voor statushouders met een baby",
        "Heb je net een verblijfsvergunning en een huis in Amsterdam, en ben je zwanger of heb je een baby? Een "
        "begeleider helpt je de eerste maanden met de gemeente, de zorg en je papieren. We werken met tolken.",
        "juridisch,regel,taal",
        "zwanger,na",
        "stad",
        languages="nl,ar,ti,fa,so,en",
        hours="ma-vr 09:00-17:00",
        locations=("vluchtelingensteun",),
        targets="nieuwkomers",
        interpretation="Tolk bij elk gesprek",
    )
    demo.service(
        "vluchtelingensteun-gezinshereniging",
        org,
        "Advies over gezinshereniging",
        "Wil je je man, vrouw of kinderen naar Nederland laten komen? Wij leggen uit hoe gezinshereniging werkt "
        "en helpen met de aanvraag. Het gesprek is gratis.",
        "juridisch",
        "voor,zwanger,na",
        "stad",
        languages="nl,ar,ti,fa,so",
        hours="di,do 09:30-12:30 Spreekuur",
        locations=("vluchtelingensteun",),
        targets="nieuwkomers",
        wait_days=14,
    )
