"""Informele steun: vrijwilligers, oudergroepen, kerken, moskeeën, zelforganisaties (fictional)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # mypy sees this folder as part of the kansrijk package (mypy_path = "src"); at run time
    # build_demo.py puts this folder on sys.path and the content modules import it as a top-level module.
    from kansrijk.kaart.data.demo.build_demo import ZOMERSTOP, Demo, media
else:
    from build_demo import ZOMERSTOP, media

THUISSTART = [
    (
        "T",
        "zuidoost",
        "Zuidoost",
        "nl,en,srn,tw",
        "Een vrijwilliger die zelf moeder of vader is, komt elke week een paar uur bij je thuis. Ze drinkt koffie "
        "met je, speelt met de kinderen of gaat mee naar een afspraak. Voor gezinnen met minstens een kind onder "
        "de zes jaar.",
    ),
    (
        "F",
        "nieuw-west",
        "Nieuw-West",
        "nl,ar,ber,tr",
        "Heb je het druk met de kinderen en weinig mensen om je heen? Een vrijwilliger komt een half jaar lang "
        "elke week bij je langs. Zij luistert, denkt mee en helpt je om zelf weer overzicht te krijgen.",
    ),
    (
        "N",
        "noord",
        "Noord",
        "nl,tr",
        "Vrijwillige thuisbezoeken voor ouders in Noord die er even doorheen zitten. Je vrijwilliger is een "
        "ervaren ouder en geen hulpverlener. Je kiest samen waar je tijd aan besteedt.",
    ),
    (
        "E,M",
        "west-oost",
        "West en Oost",
        "nl,en,so",
        "Een vrijwilliger helpt je thuis bij de dagelijkse dingen met een baby of peuter. Samen naar de markt, "
        "een wandeling of gewoon even praten. Je kunt je aanmelden als je zwanger bent of al kinderen hebt.",
    ),
    (
        "S",
        "weesp",
        "Weesp",
        "nl,pl",
        "Ook in Weesp en Driemond kun je een vrijwilliger aan huis krijgen. Zij komt wekelijks en steunt je in de "
        "eerste jaren met je kind. Het is gratis en je kunt er altijd mee stoppen.",
    ),
]


def build(demo: Demo) -> None:
    # --- Thuisbezoeken door vrijwilligers ----------------------------------------------------------
    org = demo.org(
        "thuisstart",
        "Thuisstart Vrijwilligers (demo)",
        "Vrijwilligers die gezinnen met jonge kinderen thuis steunen.",
        kind="informeel",
    )
    for areas, suffix, naam, langs, text in THUISSTART:
        demo.service(
            f"thuisstart-{suffix}",
            org,
            f"Vrijwilliger aan huis in {naam}",
            text,
            "contact,opvoeden,psyche",
            "zwanger,na",
            areas,
            languages=langs,
            hours=None,
            phone_hours="ma-do 09:00-15:00",
            targets="ouders,alleenstaande-ouders,nieuwkomers",
            wait_days=21,
            wait="Binnen drie weken een kennismaking",
            contact=("Coördinator " + naam, "Vrijwilligerscoördinator"),
            media_items=(
                media(
                    "video",
                    "Ervaringsverhaal: een moeder en haar vrijwilliger vertellen.",
                    "Twee vrouwen drinken thee in een woonkamer, een peuter speelt op de grond.",
                ),
            )
            if suffix == "zuidoost"
            else (),
        )

    # --- Mama cafés en inloop ----------------------------------------------------------------------
    org = demo.org(
        "moedernetwerk",
        "Moedernetwerk Amsterdam (demo)",
        "Moeders die ontmoetingen organiseren voor andere moeders.",
        kind="informeel",
    )
    cafes = [
        (
            "mama-cafe-holendrecht",
            "Mama café Holendrecht",
            "Holendrechtplein 40",
            "1106 LB",
            "T",
            "wo 10:00-12:00 Café",
            "nl,en,srn",
            "Elke woensdag drinken moeders met baby's en peuters samen koffie. De kinderen spelen en jij praat met "
            "andere moeders uit de buurt. Soms komt er een gast, zoals een verloskundige.",
        ),
        (
            "mama-cafe-mosveld",
            "Mama café Mosveld",
            "Mosveld 50",
            "1032 JH",
            "N",
            "vr 09:30-11:30 Café",
            "nl,tr",
            "Gezellig samen met andere moeders en je kindje. Je hoeft je niet aan te melden. Er is koffie, thee en "
            "iets lekkers.",
        ),
        (
            "mama-cafe-jordaan",
            "Mama café Jordaan",
            "Elandsgracht 70",
            "1016 TX",
            "A",
            "di 10:00-12:00 Café",
            "nl,en",
            "Ben je net moeder geworden en ken je nog weinig mensen in de buurt? Kom naar ons café. We "
            "praten over slapen, voeden en alles wat je bezighoudt.",
        ),
        (
            "mama-cafe-aetsveld",
            "Koffieochtend Aetsveld",
            "Aetsveldselaan 3",
            "1383 BC",
            "S",
            "do 09:30-11:30",
            "nl,pl",
            "Een koffieochtend voor ouders met jonge kinderen in Weesp. Er is speelgoed voor de kleintjes. "
            "Vaders zijn ook welkom.",
        ),
    ]
    for slug, name, street, postcode, area, hours, langs, text in cafes:
        demo.loc(slug, org, name, street, postcode)
        demo.service(
            slug,
            org,
            name,
            text,
            "contact",
            "zwanger,na",
            area,
            languages=langs,
            hours=hours,
            locations=(slug,),
            closures=(ZOMERSTOP,),
        )
    demo.service(
        "moedernetwerk-wandelen",
        org,
        "Wandelen met de kinderwagen",
        "Elke maandag wandelen we een uur door het Gaasperpark met onze baby's. Daarna drinken we samen iets. "
        "Lekker naar buiten en nieuwe moeders leren kennen.",
        "contact",
        "na",
        "T",
        languages="nl,en",
        hours="ma 10:00-11:30 Vertrek bij het buurthuis",
        locations=("mama-cafe-holendrecht",),
    )

    # --- Kerken, moskeeën en zelforganisaties ------------------------------------------------------
    org = demo.org(
        "kerk-bethel",
        "Kerk Bethel Zuidoost (demo)",
        "Internationale kerk in Bijlmer-Oost met veel Ghanese leden.",
        kind="informeel",
    )
    demo.loc("kerk-bethel", org, "Kerk Bethel", "Kelbergen 50", "1104 LH", transport="Metro 53, halte Kraaiennest")
    demo.service(
        "kerk-bethel-moedergroep",
        org,
        "Moedergroep na de dienst",
        "Na de dienst op zondag komen zwangere vrouwen en jonge moeders samen. We praten in het Twi of Engels "
        "over de zorg in Nederland en we helpen elkaar. Je hoeft geen lid van de kerk te zijn.",
        "contact,zwanger",
        "zwanger,na",
        "T",
        languages="tw,en,nl",
        hours="zo 13:30-15:00 Groep",
        locations=("kerk-bethel",),
        targets="ouders,aanstaande-ouders,nieuwkomers",
    )
    demo.service(
        "kerk-bethel-babyspullen",
        org,
        "Babykamer van de kerk",
        "Leden van de kerk zamelen babykleding, dekens en flessen in. Heb je iets nodig, kom dan op zaterdag "
        "langs. Iedereen is welkom.",
        "baby",
        "zwanger,na",
        "T",
        languages="tw,en,nl",
        hours="za 11:00-13:00",
        locations=("kerk-bethel",),
    )

    org = demo.org(
        "eritrese-kerk",
        "Eritrese Gemeenschap Kidane Mehret (demo)",
        "Kerkgemeenschap en ontmoetingsplek voor Eritreeërs in Amsterdam.",
        kind="informeel",
    )
    demo.loc(
        "eritrese-kerk",
        org,
        "Gemeenschapszaal Celebesstraat",
        "Celebesstraat 70",
        "1094 EW",
        transport="Tram 14, halte Javaplein",
    )
    demo.service(
        "eritrese-kerk-vrouwengroep",
        org,
        "Vrouwengroep in het Tigrinya",
        "Een groep voor Eritrese vrouwen die zwanger zijn of een baby hebben. Een sleutelpersoon legt uit hoe "
        "het consultatiebureau en de verloskundige werken. Je kunt ook hulp krijgen bij brieven.",
        "contact,zwanger,regel",
        "zwanger,na",
        "M,N",
        languages="ti,nl",
        hours="za 14:00-16:00 Groep",
        locations=("eritrese-kerk",),
        targets="nieuwkomers,ouders",
    )

    org = demo.org("moskee-al-amal", "Moskee Al-Amal (demo)", "Moskee en buurtplek in Slotervaart.", kind="informeel")
    demo.loc(
        "moskee-al-amal",
        org,
        "Moskee Al-Amal",
        "Burgemeester Fockstraat 30",
        "1065 KL",
        transport="Tram 2, halte Burgemeester Fockstraat",
    )
    demo.service(
        "moskee-al-amal-vrouwen",
        org,
        "Vrouwenochtend over gezondheid",
        "Een ochtend voor vrouwen, in het Arabisch en Tamazight. We praten over gezond zwanger worden, "
        "anticonceptie en de eerste jaren met een kind. Soms komt er een verloskundige of jeugdverpleegkundige.",
        "contact,kinderwens,zwanger",
        "voor,zwanger,na",
        "F",
        languages="ar,ber,nl",
        hours="di 10:00-12:00 Vrouwenochtend",
        locations=("moskee-al-amal",),
        closures=(ZOMERSTOP,),
    )
    demo.service(
        "moskee-al-amal-vaders",
        org,
        "Vadergroep in de moskee",
        "Vaders praten met elkaar over opvoeden, geduld en een goede vader zijn. Een vader uit de buurt leidt het "
        "gesprek. Na afloop eten we samen.",
        "vaders,opvoeden,contact",
        "zwanger,na",
        "F",
        languages="ar,ber,nl",
        hours="vr 19:30-21:30 Groep",
        locations=("moskee-al-amal",),
        targets="vaders",
    )

    org = demo.org(
        "vrouwenvereniging-gunes",
        "Vrouwenvereniging Güneş (demo)",
        "Turkse vrouwenvereniging in Slotermeer.",
        kind="informeel",
    )
    demo.loc("gunes", org, "Verenigingshuis Güneş", "Slotermeerlaan 150", "1063 JN", transport="Tram 7")
    demo.service(
        "gunes-koffieochtend",
        org,
        "Koffieochtend voor moeders",
        "Turkse moeders en oma's drinken samen koffie en praten over opvoeden en gezondheid. Er is een hoek voor "
        "de kinderen. Nieuwe vrouwen zijn altijd welkom.",
        "contact,opvoeden",
        "zwanger,na",
        "F",
        languages="tr,nl",
        hours="do 09:30-12:00",
        locations=("gunes",),
    )
    demo.service(
        "gunes-voorlichting",
        org,
        "Voorlichting in het Turks",
        "Een keer per maand komt er een gast, zoals een verloskundige, een budgetcoach of iemand van het "
        "buurtteam. Zij vertelt in gewone taal over een onderwerp en er is een tolk. Na afloop kun je vragen "
        "stellen.",
        "contact,zwanger,geld",
        "alle",
        "F",
        languages="tr,nl",
        hours="do 13:00-15:00 Eens per maand",
        locations=("gunes",),
    )

    org = demo.org(
        "hooyo", "Somalische Moedervereniging Hooyo (demo)", "Somalische moeders die elkaar steunen.", kind="informeel"
    )
    demo.loc("hooyo", org, "Buurtkamer Molukkenstraat", "Molukkenstraat 80", "1094 AC", transport="Bus 15")
    demo.service(
        "hooyo-moedergroep",
        org,
        "Somalische moedergroep",
        "Somalische moeders komen samen om ervaringen te delen over zwangerschap en kinderen. Je praat in je "
        "eigen taal. We gaan ook samen naar activiteiten in de buurt.",
        "contact",
        "zwanger,na",
        "M,N",
        languages="so,nl",
        hours="za 11:00-13:00 Groep",
        locations=("hooyo",),
    )
    demo.service(
        "hooyo-opvoedcursus",
        org,
        "Opvoedcursus in het Somalisch",
        "In zes bijeenkomsten praat je over opvoeden in twee culturen. Hoe stel je grenzen, en hoe praat je met "
        "school en het consultatiebureau? Een Somalische trainer leidt de cursus.",
        "opvoeden,contact",
        "na",
        "M,N",
        languages="so,nl",
        hours="wo 13:00-15:00 Cursus",
        locations=("hooyo",),
        closures=(ZOMERSTOP,),
        wait_days=45,
        wait="Twee keer per jaar een nieuwe groep",
    )

    org = demo.org("polskie-mamy", "Poolse Ouders Amsterdam (demo)", "Netwerk van Poolse ouders.", kind="informeel")
    demo.loc(
        "polskie-mamy-weesp",
        org,
        "Bibliotheek Weesp, zaal boven",
        "Nieuwstad 40",
        "1381 CM",
        access=("Rolstoeltoegankelijk", "Lift naar de eerste verdieping"),
    )
    demo.service(
        "polskie-mamy-ouders",
        org,
        "Poolse ouders ontmoeten",
        "Een ochtend voor Poolse ouders met baby's en peuters. Je praat in het Pools over werk, opvang en de "
        "zorg in Nederland. Kinderen zingen samen Poolse liedjes.",
        "contact,werk",
        "zwanger,na",
        "S,E",
        languages="pl,nl",
        hours="za 10:00-12:00",
        locations=("polskie-mamy-weesp",),
    )

    org = demo.org(
        "famia-unida", "Famia Unida (demo)", "Antilliaanse en Arubaanse ouders in Zuidoost.", kind="informeel"
    )
    demo.loc("famia-unida", org, "Buurthuis Gooioord", "Gooioord 20", "1103 CA", transport="Metro 53")
    demo.service(
        "famia-unida-ouders",
        org,
        "Ouders met elkaar in gesprek",
        "Elke maand praten Antilliaanse en Arubaanse ouders over opvoeden en geld. We spreken Papiaments en "
        "Nederlands. Je partner of je moeder mag ook mee.",
        "contact,opvoeden,geld",
        "alle",
        "T",
        languages="pap,nl",
        hours="di 19:00-21:00 Eens per maand",
        locations=("famia-unida",),
    )

    org = demo.org(
        "afghaanse-vrouwen",
        "Afghaans Vrouwennetwerk (demo)",
        "Vrouwen met een Afghaanse achtergrond helpen elkaar.",
        kind="informeel",
    )
    demo.loc("afghaanse-vrouwen", org, "Buurtkamer Hoofdweg", "Hoofdweg 300", "1057 DE", transport="Tram 7")
    demo.service(
        "afghaanse-vrouwen-groep",
        org,
        "Vrouwengroep in het Farsi",
        "Voor vrouwen die Farsi of Dari spreken en zwanger zijn of jonge kinderen hebben. We helpen elkaar de weg "
        "te vinden in Amsterdam. Er is kinderopvang tijdens de groep.",
        "contact,taal",
        "zwanger,na",
        "E",
        languages="fa,nl",
        hours="ma 10:00-12:00 Groep",
        locations=("afghaanse-vrouwen",),
        targets="nieuwkomers,ouders",
    )

    # --- Vaders ------------------------------------------------------------------------------------
    org = demo.org("papas-in-actie", "Papa's in Actie (demo)", "Vaders die vaders steunen.", kind="informeel")
    demo.loc("papas-bijlmer", org, "Papa's in Actie Bijlmer", "Bijlmerdreef 700", "1103 TH", transport="Metro 53")
    demo.loc("papas-noord", org, "Papa's in Actie Noord", "Zamenhofstraat 100", "1022 AE", transport="Bus 35")
    demo.service(
        "papas-vadergroep-zuidoost",
        org,
        "Vadergroep Zuidoost",
        "Word je vader of heb je een jong kind? Elke maandagavond komen vaders samen. We praten over vader zijn, "
        "werk, relaties en je eigen vader. Je bent welkom zonder aanmelding.",
        "vaders,contact",
        "zwanger,na",
        "T",
        languages="nl,srn,pap,en",
        hours="ma 19:30-21:30 Groep",
        locations=("papas-bijlmer",),
        targets="vaders",
        media_items=(
            media(
                "video",
                "Vaders uit Zuidoost vertellen wat de groep voor hen betekent.",
                "Een groep mannen zit in een kring in een buurthuis.",
            ),
        ),
    )
    demo.service(
        "papas-coaching",
        org,
        "Vadercoach",
        "Een vadercoach spreekt een paar keer met je af, een op een. Bijvoorbeeld als je je kind weinig ziet, "
        "of als je het moeilijk vindt om vader te zijn. De coach is ook vader en weet hoe het is.",
        "vaders,opvoeden,psyche",
        "zwanger,na",
        "T,N,F",
        languages="nl,en,srn,ar",
        hours=None,
        phone_hours="ma-vr 10:00-18:00",
        targets="vaders,jonge-ouders",
        wait_days=14,
    )
    demo.service(
        "papas-jonge-vaders-noord",
        org,
        "Jonge vaders Noord",
        "Voor jonge vaders tot 25 jaar. We doen samen iets, zoals voetbal of koken, en praten over school, werk "
        "en je kind. Ook als je niet meer bij de moeder woont.",
        "vaders,werk,contact",
        "zwanger,na",
        "N",
        hours="wo 18:00-21:00",
        locations=("papas-noord",),
        targets="vaders,jonge-ouders",
    )

    # --- Ervaringsdeskundigen en buddy's -----------------------------------------------------------
    org = demo.org(
        "ervaringskracht",
        "Ervaringskracht (demo)",
        "Ervaringsdeskundige ouders die andere ouders steunen.",
        kind="informeel",
    )
    demo.loc(
        "ervaringskracht-rivierenbuurt",
        org,
        "Buurtcentrum Rivierenbuurt",
        "Maasstraat 10",
        "1078 HG",
        transport="Tram 4, halte Victorieplein",
    )
    demo.service(
        "ervaringskracht-op-afroep",
        org,
        "Een ervaringsdeskundige naast je",
        "Een ouder die zelf armoede, schulden of psychische problemen heeft meegemaakt, gaat met je mee naar "
        "gesprekken. Ze helpt je uitleggen wat je nodig hebt. Ook hulpverleners kunnen haar vragen.",
        "contact,psyche,geld",
        "alle",
        "stad",
        languages="nl,en,ar,srn",
        hours=None,
        phone_hours="ma-vr 09:00-17:00",
        targets="ouders,professionals",
        wait_days=7,
    )
    demo.service(
        "ervaringskracht-zware-bevalling",
        org,
        "Praatgroep na een zware bevalling",
        "Was je bevalling heftig, en denk je er nog vaak aan? In deze groep praat je met andere moeders die "
        "hetzelfde hebben meegemaakt. Een ervaringsdeskundige en een psycholoog begeleiden de groep.",
        "psyche,bevalling,contact",
        "na",
        "K,A,M",
        hours="do 19:30-21:00 Om de week",
        locations=("ervaringskracht-rivierenbuurt",),
        closures=(ZOMERSTOP,),
    )

    org = demo.org(
        "buddypool",
        "Buddypool Kansrijke Start (demo)",
        "Betaalde buddy's met veel talen en achtergronden, gekoppeld door een matchmaker.",
        kind="informeel",
    )
    demo.service(
        "buddypool-buddy",
        org,
        "Een buddy voor de eerste 1000 dagen",
        "Een buddy steunt je vanaf de zwangerschap tot je kind twee jaar is. Een matchmaker zoekt iemand die "
        "jouw taal spreekt en bij je past. Je buddy gaat mee naar afspraken en is er als je even niet weet wat "
        "je moet doen.",
        "contact,psyche,taal",
        "zwanger,na",
        "stad",
        languages="nl,en,ar,ber,tr,tw,ti,so,fa,srn,pap",
        hours=None,
        phone_hours="ma-vr 09:00-17:00",
        targets="ouders,aanstaande-ouders,nieuwkomers",
        wait_days=14,
        apply="Je meldt je zelf aan of een hulpverlener doet het voor je. De matchmaker belt je binnen een week.",
        contact=("Matchmaker", "Koppelt ouders en buddy's"),
        media_items=(
            media(
                "photo",
                "Een buddy en een moeder op weg naar het consultatiebureau.",
                "Twee vrouwen lopen samen met een kinderwagen over straat.",
            ),
        ),
    )

    org = demo.org("te-vroeg-samen", "Te Vroeg Samen (demo)", "Ouders van te vroeg geboren kinderen.", kind="informeel")
    demo.loc("te-vroeg-samen", org, "Ontmoetingsruimte Middenweg", "Middenweg 60", "1097 BR", transport="Tram 19")
    demo.service(
        "te-vroeg-samen-ouders",
        org,
        "Contact met ouders van een te vroeg geboren baby",
        "Lag je baby in de couveuse? Praten met ouders die hetzelfde hebben meegemaakt helpt. Eens per maand "
        "is er een ontmoeting en je kunt een maatje krijgen dat je belt.",
        "contact,gezond,psyche",
        "na",
        "stad",
        hours="za 10:30-12:30 Eerste zaterdag",
        online_hours="di 20:00-21:00 Online groep",
        locations=("te-vroeg-samen",),
    )
