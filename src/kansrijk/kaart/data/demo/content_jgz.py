"""Jeugdgezondheidszorg: the Ouder- en Kindteams per stadsdeel and city-wide JGZ programmes (fictional)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # mypy sees this folder as part of the kansrijk package (mypy_path = "src"); at run time
    # build_demo.py puts this folder on sys.path and the content modules import it as a top-level module.
    from kansrijk.kaart.data.demo.build_demo import ZOMERSTOP, Demo, media
else:
    from build_demo import ZOMERSTOP, media

# code, slug suffix, stadsdeel name, languages at the consultatiebureau
DISTRICTS = [
    ("A", "centrum", "Centrum", "nl,en"),
    ("E", "west", "West", "nl,ar,tr"),
    ("F", "nieuw-west", "Nieuw-West", "nl,ar,ber,tr"),
    ("K", "zuid", "Zuid", "nl,en"),
    ("M", "oost", "Oost", "nl,en,so"),
    ("N", "noord", "Noord", "nl,tr,ar,en"),
    ("T", "zuidoost", "Zuidoost", "nl,en,srn,tw"),
    ("S", "weesp", "Weesp", "nl,pl"),
]

# Where each team works: (location slug, name, street, postcode, transport, opening hours)
LOCATIONS = {
    "centrum": [
        (
            "okt-centrum-kattenburg",
            "OKT Centrum, Kattenburg",
            "Kattenburgerstraat 7",
            "1018 KZ",
            "Bus 22, halte Kattenburgerstraat",
        )
    ],
    "west": [
        (
            "okt-west-bos-en-lommer",
            "OKT West, Bos en Lommer",
            "Bos en Lommerweg 190",
            "1055 DX",
            "Tram 7, halte Bos en Lommerplein",
        ),
        (
            "okt-west-oud-west",
            "OKT West, Oud-West",
            "Jan Evertsenstraat 52",
            "1056 EK",
            "Tram 13, halte Jan Evertsenstraat",
        ),
    ],
    "nieuw-west": [
        (
            "okt-nw-geuzenveld",
            "OKT Nieuw-West, Geuzenveld",
            "Lambertus Zijlplein 30",
            "1067 HK",
            "Tram 13, halte Lambertus Zijlplein",
        ),
        ("okt-nw-osdorp", "OKT Nieuw-West, Osdorp", "Osdorpplein 12", "1068 EW", "Tram 1, halte Osdorpplein"),
        (
            "okt-nw-slotervaart",
            "OKT Nieuw-West, Slotervaart",
            "Johan Huizingalaan 200",
            "1065 JK",
            "Tram 2, halte Johan Huizingalaan",
        ),
    ],
    "zuid": [
        ("okt-zuid-pijp", "OKT Zuid, De Pijp", "Tweede Jan Steenstraat 3", "1073 VP", "Metro 52, halte De Pijp"),
        (
            "okt-zuid-buitenveldert",
            "OKT Zuid, Buitenveldert",
            "Arent Janszoon Ernststraat 96",
            "1082 LT",
            "Tram 5, halte Arent Janszoon Ernststraat",
        ),
    ],
    "oost": [
        ("okt-oost-indische-buurt", "OKT Oost, Indische Buurt", "Javaplein 9", "1094 HW", "Tram 14, halte Javaplein"),
        ("okt-oost-ijburg", "OKT Oost, IJburg", "IJburglaan 800", "1087 EM", "Tram 26, halte Diemerparkweg"),
    ],
    "noord": [
        ("okt-noord-mosplein", "OKT Noord, Mosplein", "Mosplein 12", "1032 JW", "Bus 34, halte Mosplein"),
        (
            "okt-noord-waterlandplein",
            "OKT Noord, Waterlandplein",
            "Waterlandplein 40",
            "1024 MG",
            "Bus 36, halte Waterlandplein",
        ),
        ("okt-noord-banne", "OKT Noord, Banne", "Ilperveldstraat 65", "1025 KR", "Bus 35, halte Banne"),
    ],
    "zuidoost": [
        (
            "okt-zo-bijlmerplein",
            "OKT Zuidoost, Bijlmerplein",
            "Bijlmerplein 400",
            "1102 DB",
            "Metro 50 en 54, halte Bijlmer ArenA",
        ),
        (
            "okt-zo-kraaiennest",
            "OKT Zuidoost, Kraaiennest",
            "Kraaiennest 120",
            "1104 CK",
            "Metro 53, halte Kraaiennest",
        ),
        ("okt-zo-reigersbos", "OKT Zuidoost, Reigersbos", "Reigersbos 100", "1107 EX", "Metro 54, halte Reigersbos"),
    ],
    "weesp": [("okt-weesp", "OKT Weesp", "Nieuwstad 75", "1381 CP", "Trein, station Weesp; 10 minuten lopen")],
}

CONSULTATIEBUREAU = {
    "centrum": "Op het consultatiebureau kijken we hoe je baby groeit en zich ontwikkelt. Je kind krijgt hier ook "
    "de vaccinaties. Na de geboorte maken we zelf een eerste afspraak met je.",
    "west": "Je komt met je baby of peuter langs voor een controle bij de jeugdverpleegkundige of de jeugdarts. "
    "We wegen en meten je kind en je kunt al je vragen stellen. Ook de prikken haal je hier.",
    "nieuw-west": "Van de eerste weken tot je kind 4 jaar is, kom je regelmatig bij ons. We kijken naar groeien, "
    "eten, slapen en spelen. Op zaterdagochtend kun je ook terecht voor de vaccinaties.",
    "zuid": "Controles voor je kind van 0 tot 4 jaar: groei, ontwikkeling en vaccinaties. Twijfel je ergens over? "
    "Bel ons gerust, ook tussen de afspraken door.",
    "oost": "Bij ons zie je steeds dezelfde jeugdverpleegkundige als dat kan. Zij let op hoe het met je kind gaat, "
    "en ook hoe het met jou gaat. Je kunt hier terecht in de Indische Buurt en op IJburg.",
    "noord": "We zien alle kinderen in Noord van 0 tot 4 jaar. We geven je kind de prikken uit het "
    "Rijksvaccinatieprogramma en we helpen bij vragen over eten, slapen of huilen. Er is een "
    "avondspreekuur voor ouders die overdag werken.",
    "zuidoost": "Op drie plekken in Zuidoost kun je met je kind terecht voor controles en prikken. Wij spreken ook "
    "Engels, Sranantongo en Twi. Heb je geen afspraak meer gekregen? Bel ons, dan plannen we die in.",
    "weesp": "Het consultatiebureau in Weesp volgt je kind vanaf de geboorte. We meten en wegen, geven de prikken "
    "en praten met je over opvoeden. Je krijgt vanzelf een uitnodiging.",
}

HUISBEZOEK = {
    "centrum": "Rond de 34e week van je zwangerschap komt een jeugdverpleegkundige bij je thuis. Je leert ons "
    "alvast kennen en we praten over wat je nodig hebt als de baby er is.",
    "west": "Ben je zwanger? Dan komen we graag een keer bij je thuis. We vertellen wat het consultatiebureau doet "
    "en kijken samen of je alles hebt voor de komst van je baby.",
    "nieuw-west": "In de laatste maanden van je zwangerschap bezoekt een jeugdverpleegkundige je thuis. Dat kan ook "
    "met een tolk of in het Arabisch, Tamazight of Turks. Je verloskundige geeft je naam aan ons door, "
    "of je belt zelf.",
    "zuid": "Een gratis huisbezoek voor aanstaande ouders, meestal rond 30 tot 36 weken. We praten over slapen, "
    "voeding en hoe je je voelt. Je partner is ook welkom.",
    "oost": "Voordat je baby geboren wordt, komen we een keer langs. Zo weet je wie je kunt bellen als je baby er "
    "is. Meld je aan via je verloskundige of bel ons.",
    "noord": "Zwanger en wonend in Noord? Een jeugdverpleegkundige komt bij je thuis om kennis te maken. Je kunt "
    "al je vragen stellen, ook over geld, werk of stress.",
    "zuidoost": "Je krijgt een bezoek thuis van een jeugdverpleegkundige als je ongeveer 7 maanden zwanger bent. "
    "We praten over de bevalling, de eerste weken en wie je kan helpen. Dit bezoek is gratis.",
    "weesp": "Aanstaande ouders in Weesp en Driemond krijgen een huisbezoek voor de geboorte. We vertellen over de "
    "eerste weken met een baby en het consultatiebureau.",
}

PHONE_HOURS = "ma-vr 08:30-17:00"


def build(demo: Demo) -> None:
    for code, suffix, naam, langs in DISTRICTS:
        org = demo.org(
            f"okt-{suffix}",
            f"Ouder- en Kindteam {naam} (demo)",
            f"Het Ouder- en Kindteam in {naam} helpt ouders met kinderen van min 9 maanden tot 18 jaar. "
            "Bij ons werken jeugdverpleegkundigen, jeugdartsen en ouder- en kindadviseurs.",
            alt="OKT",
        )
        locs = []
        for slug, name, street, postcode, transport in LOCATIONS[suffix]:
            locs.append(demo.loc(slug, org, name, street, postcode, transport=transport, hours="ma-vr 08:30-17:00"))
        hours = {
            "nieuw-west": "ma-vr 08:30-17:00; za 09:00-12:30 Vaccinaties",
            "noord": "ma-vr 08:30-17:00; di 17:00-20:00 Avondspreekuur",
        }.get(suffix, "ma-vr 08:30-17:00")
        demo.service(
            f"okt-{suffix}-consultatiebureau",
            org,
            f"Consultatiebureau {naam}",
            CONSULTATIEBUREAU[suffix],
            "gezond,opvoeden,voeding",
            "na",
            code,
            languages=langs,
            hours=hours,
            phone_hours=PHONE_HOURS,
            locations=locs,
            apply="Je krijgt na de geboorte vanzelf een uitnodiging. Je kunt ook zelf bellen.",
            interpretation="Tolk via de telefoon als dat nodig is",
            max_age=48,
            media_items=(
                media(
                    "photo",
                    "Een jeugdverpleegkundige weegt een baby op het consultatiebureau.",
                    "Baby op een weegschaal, een moeder kijkt mee.",
                ),
            )
            if suffix == "zuidoost"
            else (),
        )
        demo.service(
            f"okt-{suffix}-prenataal-huisbezoek",
            org,
            "Huisbezoek als je zwanger bent",
            HUISBEZOEK[suffix],
            "zwanger,opvoeden",
            "zwanger",
            code,
            languages=langs,
            hours=None,
            phone_hours=PHONE_HOURS,
            targets="aanstaande-ouders",
            wait_days=14,
            wait="We bellen je binnen twee weken voor een afspraak",
            apply="Vraag je verloskundige om je aan te melden, of bel ons zelf.",
        )

    # Extra spreekuren, different per team.
    demo.service(
        "okt-zuidoost-huilbaby",
        "okt-zuidoost",
        "Spreekuur huilende baby",
        "Huilt je baby veel en weet je niet meer wat je moet doen? Een jeugdverpleegkundige kijkt met je naar "
        "voeden, slapen en rust. Je mag altijd bellen, ook 's avonds is er iemand.",
        "opvoeden,gezond,psyche",
        "na",
        "T",
        languages="nl,en,srn",
        hours="wo 13:00-16:00 Spreekuur",
        phone_hours="ma-vr 08:30-17:00",
        locations=("okt-zo-bijlmerplein",),
        max_age=6,
        media_items=(
            media(
                "video",
                "Ervaringsverhaal: een vader vertelt over de eerste maanden met een huilbaby.",
                "Een vader wiegt zijn baby in een donkere kamer.",
            ),
        ),
    )
    demo.service(
        "okt-zuidoost-groepsconsult",
        "okt-zuidoost",
        "Samen naar het consultatiebureau",
        "In plaats van een gewone afspraak kom je met zes tot acht ouders samen. Je weegt en meet je baby zelf, "
        "met hulp van de jeugdverpleegkundige. Daarna praat je met elkaar over wat je bezighoudt.",
        "contact,opvoeden,gezond",
        "na",
        "T",
        languages="nl,en,tw",
        hours="do 10:00-12:00 Groep",
        locations=("okt-zo-kraaiennest",),
        closures=(ZOMERSTOP,),
        wait_days=30,
        wait="Een nieuwe groep start elke maand",
    )
    demo.service(
        "okt-zuidoost-opvoedspreekuur",
        "okt-zuidoost",
        "Opvoedspreekuur Gaasperdam",
        "Zit je met een vraag over je peuter, zoals driftbuien of slecht slapen? Kom zonder afspraak langs. "
        "Een ouder- en kindadviseur denkt met je mee.",
        "opvoeden",
        "na",
        "GT24",
        languages="nl,srn,pap",
        hours="ma 13:30-15:30 Inloop",
        locations=("okt-zo-reigersbos",),
    )
    demo.service(
        "okt-nieuw-west-opvoedspreekuur",
        "okt-nieuw-west",
        "Opvoedspreekuur in je eigen taal",
        "Een ouder- en kindadviseur die Arabisch, Tamazight of Turks spreekt, beantwoordt je vragen over "
        "opvoeden. Bijvoorbeeld over slapen, eten of huilen. Je kunt zonder afspraak binnenlopen.",
        "opvoeden",
        "na",
        "F",
        languages="nl,ar,ber,tr",
        hours="di 09:30-11:30 Inloop; do 13:30-15:30 Inloop",
        locations=("okt-nw-geuzenveld", "okt-nw-osdorp"),
        targets="ouders,nieuwkomers",
    )
    demo.service(
        "okt-nieuw-west-borstvoeding",
        "okt-nieuw-west",
        "Borstvoedingsspreekuur Slotervaart",
        "Gaat borstvoeding moeilijk, of heb je pijn bij het voeden? Een jeugdverpleegkundige met extra "
        "kennis van borstvoeding helpt je. Neem je baby mee.",
        "voeding",
        "na",
        "F",
        languages="nl,ar,tr",
        hours="vr 09:00-12:00 Spreekuur",
        locations=("okt-nw-slotervaart",),
        max_age=12,
    )
    demo.service(
        "okt-nieuw-west-huilbaby",
        "okt-nieuw-west",
        "Hulp bij een huilbaby",
        "Veel huilen is zwaar voor ouders. We komen bij je thuis en kijken samen naar het ritme van je baby. "
        "Je krijgt tips die passen bij jullie gezin.",
        "opvoeden,psyche",
        "na",
        "F",
        languages="nl,ar,ber",
        hours=None,
        phone_hours=PHONE_HOURS,
        wait_days=5,
        max_age=6,
    )
    demo.service(
        "okt-noord-vaderspreekuur",
        "okt-noord",
        "Spreekuur voor vaders",
        "Een vaste avond voor vaders met een baby of peuter. Stel je vragen aan een jeugdverpleegkundige die zelf "
        "vader is. Ook over werk, slaap of ruzie thuis kun je praten.",
        "vaders,opvoeden",
        "na",
        "N",
        languages="nl,tr,en",
        hours="do 19:00-21:00 Spreekuur",
        locations=("okt-noord-mosplein",),
        targets="vaders",
        closures=(ZOMERSTOP,),
    )
    demo.service(
        "okt-noord-huilbaby",
        "okt-noord",
        "Huilbaby spreekuur Noord",
        "Heb je een baby die veel huilt? Maak een afspraak bij de jeugdarts. We kijken of je baby gezond is en "
        "we helpen je om rustig te blijven.",
        "opvoeden,gezond",
        "na",
        "N",
        hours="ma 09:00-12:00 Op afspraak",
        phone_hours=PHONE_HOURS,
        locations=("okt-noord-waterlandplein",),
        wait_days=7,
    )
    demo.service(
        "okt-noord-peuter-inloop",
        "okt-noord",
        "Inloop peuters en dreumesen",
        "Je kind loopt net, of wil alles zelf doen? Loop binnen met je dreumes of peuter. Je kind speelt en jij "
        "praat met een ouder- en kindadviseur en andere ouders.",
        "opvoeden,contact",
        "na",
        "GN20",
        hours="wo 09:30-11:30 Inloop",
        locations=("okt-noord-banne",),
        closures=(ZOMERSTOP,),
    )
    demo.service(
        "okt-west-slaapspreekuur",
        "okt-west",
        "Slaapspreekuur",
        "Slaapt je kind slecht, of ben je zelf uitgeput door de nachten? Samen maken we een plan voor de "
        "avond en de nacht. Je kunt bellen voor een afspraak.",
        "opvoeden,psyche",
        "na",
        "E",
        hours="di 13:00-16:00 Op afspraak",
        phone_hours=PHONE_HOURS,
        locations=("okt-west-oud-west",),
        wait_days=10,
        wait="Meestal binnen twee weken",
    )
    demo.service(
        "okt-oost-inloop-ijburg",
        "okt-oost",
        "Inloopochtend IJburg",
        "Elke vrijdag is het consultatiebureau op IJburg open voor een vraag zonder afspraak. Je kunt je baby "
        "laten wegen of even praten. Er staat koffie en thee klaar.",
        "gezond,contact",
        "na",
        "GM17",
        languages="nl,en",
        hours="vr 09:00-11:00 Inloop",
        locations=("okt-oost-ijburg",),
    )
    demo.service(
        "okt-oost-eerste-hapjes",
        "okt-oost",
        "Workshop eerste hapjes",
        "Je baby is rond de zes maanden en gaat meer eten dan melk alleen. In deze workshop leer je hoe je begint "
        "met hapjes en wat gezond is. Je partner mag mee.",
        "voeding",
        "na",
        "M",
        languages="nl,so",
        hours="di 10:00-11:30 Workshop",
        locations=("okt-oost-indische-buurt",),
        closures=(ZOMERSTOP,),
        min_age=4,
        max_age=12,
    )
    demo.service(
        "okt-centrum-inloop",
        "okt-centrum",
        "Vragenuurtje Centrum",
        "Je wilt snel iets vragen over je kind, zonder een hele afspraak? Kom naar het vragenuurtje of bel. "
        "Een jeugdverpleegkundige helpt je verder.",
        "opvoeden,gezond",
        "na",
        "A",
        languages="nl,en",
        hours="ma 13:00-14:30 Inloop",
        locations=("okt-centrum-kattenburg",),
    )
    demo.service(
        "okt-zuid-opvoedspreekuur",
        "okt-zuid",
        "Opvoedadvies Zuid",
        "Je maakt je zorgen over je kind of over jezelf als ouder. Een ouder- en kindadviseur praat met je, "
        "een paar keer als dat nodig is. Ook online kan dat.",
        "opvoeden,psyche",
        "na",
        "K",
        languages="nl,en",
        hours="ma-vr 09:00-17:00",
        online_hours="wo 19:00-20:30 Videogesprek",
        locations=("okt-zuid-pijp",),
        wait_days=10,
    )
    demo.service(
        "okt-weesp-bibliotheek",
        "okt-weesp",
        "Spreekuur in de bibliotheek Weesp",
        "Een keer per maand zit een jeugdverpleegkundige in de bibliotheek van Weesp. Je kunt er zonder "
        "afspraak binnenlopen met je vragen. Je kind kan ondertussen boekjes lezen.",
        "opvoeden,taal",
        "na",
        "S",
        hours="za 10:30-12:00 Eerste zaterdag van de maand",
        locations=("okt-weesp",),
    )

    # City-wide JGZ programmes.
    jgz = demo.org(
        "jgz-amsterdam",
        "Jeugdgezondheid Amsterdam (demo)",
        "Stedelijke jeugdgezondheidszorg. Wij voeren programma's uit voor ouders die wat extra steun kunnen "
        "gebruiken, in heel Amsterdam.",
    )
    demo.service(
        "jgz-voorzorg",
        jgz,
        "VoorZorg",
        "Ben je jong en zwanger van je eerste kind, en is je leven nu niet makkelijk? Een vaste "
        "VoorZorgverpleegkundige bezoekt je thuis, vanaf de zwangerschap tot je kind twee jaar is. Zij helpt "
        "je met de zorg voor je baby en met je eigen plannen.",
        "zwanger,opvoeden,psyche",
        "zwanger,na",
        "stad",
        targets="jonge-ouders,aanstaande-ouders",
        referral=True,
        wait_days=21,
        wait="Na aanmelding bellen we je binnen drie weken",
        hours=None,
        phone_hours=PHONE_HOURS,
        eligibility="Vrouwen tot ongeveer 25 jaar, zwanger van het eerste kind, voor de 28e week",
        apply="Je verloskundige, huisarts of het Ouder- en Kindteam meldt je aan.",
        media_items=(
            media(
                "video",
                "Ervaringsverhaal: een jonge moeder over haar VoorZorgverpleegkundige.",
                "Een jonge moeder en een verpleegkundige praten aan een keukentafel.",
            ),
        ),
    )
    demo.service(
        "jgz-stevig-ouderschap",
        jgz,
        "Stevig Ouderschap",
        "Een jeugdverpleegkundige komt een aantal keer bij je thuis in het eerste jaar van je baby. Jullie "
        "praten over wat goed gaat en wat lastig is. Dit is voor ouders die het nu zwaar hebben, bijvoorbeeld "
        "door stress, weinig steun of een moeilijke jeugd.",
        "opvoeden,psyche",
        "zwanger,na",
        "stad",
        referral=True,
        hours=None,
        phone_hours=PHONE_HOURS,
        wait_days=14,
        apply="Meestal vraagt het Ouder- en Kindteam of je mee wilt doen. Je kunt er zelf om vragen.",
    )
    demo.service(
        "jgz-opvoedlijn",
        jgz,
        "Opvoedlijn",
        "Bel of chat met een pedagoog over alles wat met opvoeden te maken heeft. Je hoeft je naam niet te "
        "zeggen. We zijn ook 's avonds bereikbaar.",
        "opvoeden",
        "na",
        "stad",
        languages="nl,en",
        hours=None,
        phone_hours="ma-do 09:00-21:00; vr 09:00-17:00",
        online_hours="ma-do 19:00-21:00 Chat",
        phone_number="0800 555 01 10",
    )
    demo.service(
        "jgz-vaccinatielijn",
        jgz,
        "Vragen over vaccinaties",
        "Twijfel je over de prikken voor je baby, of ben je een afspraak vergeten? Bel onze lijn. We leggen uit "
        "hoe het werkt en plannen een nieuwe afspraak op het consultatiebureau.",
        "gezond",
        "zwanger,na",
        "stad",
        languages="nl,en,ar,tr",
        hours=None,
        phone_hours="ma-vr 09:00-12:30",
        phone_number="020 555 01 11",
    )
    demo.loc(
        "jgz-prikpost-centrum",
        jgz,
        "Prikpost Weesperplein",
        "Nieuwe Achtergracht 100",
        "1018 WT",
        transport="Metro 51, 53 en 54, halte Weesperplein",
    )
    demo.service(
        "jgz-vaccinatie-zwangeren",
        jgz,
        "Kinkhoestprik tijdens de zwangerschap",
        "Met een prik rond 22 weken zwangerschap bescherm je je baby tegen kinkhoest. De prik is gratis. "
        "Je maakt een afspraak op een van onze locaties.",
        "zwanger,gezond",
        "zwanger",
        "stad",
        hours="di,do 13:00-16:30 Op afspraak",
        phone_hours="ma-vr 09:00-12:30",
        phone_number="020 555 01 11",
        targets="aanstaande-ouders",
        locations=("jgz-prikpost-centrum",),
    )
