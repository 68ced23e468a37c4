"""Geboortezorg: verloskundigen, kraamzorg and hospitals (fictional)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # mypy sees this folder as part of the kansrijk package (mypy_path = "src"); at run time
    # build_demo.py puts this folder on sys.path and the content modules import it as a top-level module.
    from kansrijk.kaart.data.demo.build_demo import ZOMERSTOP, Demo, media
else:
    from build_demo import ZOMERSTOP, media

ZWANGER_TEL = "ma-vr 08:30-17:00"


def build(demo: Demo) -> None:
    # --- Verloskundigenpraktijken -------------------------------------------------------------------
    org = demo.org(
        "vk-bijlmer",
        "Verloskundigenpraktijk De Bijlmer (demo)",
        "Een praktijk met zes verloskundigen in Bijlmer-Centrum en Bijlmer-Oost.",
    )
    demo.loc(
        "vk-bijlmer-hoogoord",
        org,
        "Praktijk Hoogoord",
        "Hoogoord 12",
        "1102 CE",
        transport="Metro 50 en 54, halte Bijlmer ArenA; 8 minuten lopen",
    )
    demo.service(
        "vk-bijlmer-controles",
        org,
        "Zwangerschapscontroles Bijlmer",
        "Ben je zwanger? Meld je zo vroeg mogelijk bij ons aan, het liefst voor 10 weken. Je verloskundige "
        "volgt jou en je baby tot en met de bevalling en de eerste week erna. Wij spreken ook Engels, Twi en "
        "Sranantongo.",
        "zwanger,bevalling",
        "zwanger",
        "T",
        languages="nl,en,tw,srn",
        phone_hours=ZWANGER_TEL,
        locations=("vk-bijlmer-hoogoord",),
        targets="aanstaande-ouders",
        holidays=False,
        fees="Vergoed door je zorgverzekering",
        apply="Bel ons of meld je aan via de website.",
        media_items=(
            media(
                "photo",
                "Een verloskundige luistert naar het hartje van de baby.",
                "Een zwangere vrouw ligt op de behandeltafel, de verloskundige houdt een doptone vast.",
            ),
        ),
    )
    demo.service(
        "vk-bijlmer-centering",
        org,
        "Centering Pregnancy Bijlmer",
        "Je controles krijg je in een groep van acht tot twaalf zwangere vrouwen die rond dezelfde tijd "
        "uitgerekend zijn. Je meet zelf je bloeddruk en praat met elkaar over voeding, bevallen en de tijd "
        "daarna. Zo leer je andere moeders uit de buurt kennen.",
        "zwanger,contact,bevalling",
        "zwanger",
        "T",
        languages="nl,en",
        hours="wo 18:30-20:30 Groep",
        locations=("vk-bijlmer-hoogoord",),
        targets="aanstaande-ouders",
        wait_days=28,
        wait="Elke maand start een nieuwe groep",
        fees="Vergoed door je zorgverzekering",
        media_items=(
            media(
                "video",
                "Kijk mee bij een groepsbijeenkomst van Centering Pregnancy.",
                "Zwangere vrouwen zitten in een kring en lachen.",
            ),
        ),
    )
    demo.service(
        "vk-bijlmer-rookstop",
        org,
        "Samen stoppen met roken",
        "Rook je en ben je zwanger, of wil je dat worden? Je verloskundige helpt je stap voor stap om te stoppen. "
        "Je partner mag meedoen met de gesprekken. Je krijgt ook een cadeaubon als het lukt.",
        "roken",
        "voor,zwanger",
        "T",
        languages="nl,en,srn",
        hours="di 13:30-16:30 Op afspraak",
        locations=("vk-bijlmer-hoogoord",),
        targets="aanstaande-ouders,vaders",
    )
    demo.service(
        "vk-bijlmer-preconceptie",
        org,
        "Spreekuur als je zwanger wilt worden",
        "Wil je binnenkort een kind? In een gesprek met de verloskundige hoor je wat je nu al kunt doen, zoals "
        "foliumzuur slikken en gezond eten. We kijken ook naar je medicijnen en eerdere zwangerschappen.",
        "kinderwens",
        "voor",
        "T",
        languages="nl,en,tw",
        hours="do 13:30-16:30 Op afspraak",
        locations=("vk-bijlmer-hoogoord",),
        wait_days=14,
    )

    org = demo.org(
        "vk-gaasperdam",
        "Verloskundigen Gaasperdam (demo)",
        "Verloskundigenpraktijk voor Gaasperdam, Holendrecht en Driemond.",
    )
    demo.loc(
        "vk-gaasperdam-gaasperplein",
        org,
        "Praktijk Gaasperplein",
        "Gaasperplein 30",
        "1108 HK",
        transport="Metro 53, halte Gaasperplas",
    )
    demo.service(
        "vk-gaasperdam-controles",
        org,
        "Verloskundige zorg Gaasperdam",
        "Controles tijdens je zwangerschap, hulp bij de bevalling thuis of in het ziekenhuis, en zorg in de "
        "kraamweek. Kom je net uit een ander land en heb je nog geen verzekering? Bel ons, dan zoeken we samen "
        "een oplossing.",
        "zwanger,bevalling,kraam",
        "zwanger,na",
        "T",
        languages="nl,en,pap",
        phone_hours=ZWANGER_TEL,
        locations=("vk-gaasperdam-gaasperplein",),
        targets="aanstaande-ouders,nieuwkomers",
        holidays=False,
        fees="Vergoed door je zorgverzekering",
    )
    demo.service(
        "vk-gaasperdam-nacontrole",
        org,
        "Nacontrole zes weken na de bevalling",
        "Zes weken na de bevalling kom je nog een keer bij ons. We kijken hoe je lichaam herstelt en hoe je je "
        "voelt. Ook anticonceptie en een volgende zwangerschap kunnen aan bod komen.",
        "kraam,kinderwens,psyche",
        "na,voor",
        "T,S",
        hours="vr 09:00-12:00 Op afspraak",
        locations=("vk-gaasperdam-gaasperplein",),
    )

    org = demo.org(
        "vk-osdorp",
        "Verloskundigenpraktijk Osdorp (demo)",
        "Verloskundigen in Osdorp en De Aker, met verloskundigen die Arabisch en Turks spreken.",
    )
    demo.loc(
        "vk-osdorp-tussen-meer",
        org,
        "Praktijk Tussen Meer",
        "Tussen Meer 40",
        "1069 DX",
        transport="Tram 1, halte Tussen Meer",
    )
    demo.service(
        "vk-osdorp-controles",
        org,
        "Zwangerschapscontroles Osdorp",
        "Bij ons krijg je alle controles tijdens je zwangerschap, ook de echo's. Je kunt een verloskundige "
        "kiezen die Arabisch, Tamazight of Turks spreekt. Meld je aan zodra je weet dat je zwanger bent.",
        "zwanger,bevalling",
        "zwanger",
        "F",
        languages="nl,ar,ber,tr",
        phone_hours=ZWANGER_TEL,
        locations=("vk-osdorp-tussen-meer",),
        targets="aanstaande-ouders",
        holidays=False,
        fees="Vergoed door je zorgverzekering",
    )
    demo.service(
        "vk-osdorp-centering-ar",
        org,
        "Zwangerschapsgroep in het Arabisch",
        "Een groep voor zwangere vrouwen die liever Arabisch spreken. Je krijgt je controles in de groep en "
        "praat met andere vrouwen over je zwangerschap en de bevalling. Een verloskundige en een "
        "cultuurbemiddelaar leiden de groep.",
        "zwanger,contact,bevalling",
        "zwanger",
        "F",
        languages="ar,nl",
        hours="ma 10:00-12:00 Groep",
        locations=("vk-osdorp-tussen-meer",),
        targets="aanstaande-ouders,nieuwkomers",
        closures=(ZOMERSTOP,),
        fees="Vergoed door je zorgverzekering",
    )

    org = demo.org(
        "vk-geuzenveld", "Verloskundigen Geuzenveld-Slotermeer (demo)", "Verloskundigenpraktijk aan de Slotermeerlaan."
    )
    demo.loc(
        "vk-geuzenveld-slotermeerlaan",
        org,
        "Praktijk Slotermeerlaan",
        "Slotermeerlaan 103",
        "1064 HC",
        transport="Tram 7 en 13, halte Plein '40-'45",
    )
    demo.service(
        "vk-geuzenveld-controles",
        org,
        "Verloskundige Geuzenveld en Slotermeer",
        "Wij begeleiden je zwangerschap en je bevalling. We hebben een avondspreekuur voor vrouwen die overdag "
        "werken. Vragen over geld of wonen? We weten waar je terecht kunt.",
        "zwanger,bevalling",
        "zwanger",
        "GF07",
        languages="nl,ar,tr,en",
        hours="ma-vr 08:30-17:00; wo 17:00-20:00 Avondspreekuur",
        locations=("vk-geuzenveld-slotermeerlaan",),
        targets="aanstaande-ouders",
        holidays=False,
        fees="Vergoed door je zorgverzekering",
    )
    demo.service(
        "vk-geuzenveld-voorlichting",
        org,
        "Moederochtend over de bevalling",
        "Een ochtend voor zwangere vrouwen en hun moeders of schoonmoeders. We vertellen hoe een bevalling in "
        "Nederland gaat en wat de kraamverzorgende doet. Er is een tolk Arabisch en Turks.",
        "bevalling,kraam",
        "zwanger",
        "F",
        languages="nl,ar,tr",
        hours="za 10:00-12:00 Eens per maand",
        locations=("vk-geuzenveld-slotermeerlaan",),
        targets="aanstaande-ouders,nieuwkomers",
    )

    org = demo.org(
        "vk-noord",
        "Verloskundigenpraktijk Noord (demo)",
        "Verloskundigen in Oud-Noord en Noord-West, met een tweede locatie bij de Banne.",
    )
    demo.loc(
        "vk-noord-van-der-pek",
        org,
        "Praktijk Van der Pek",
        "Van der Pekstraat 1",
        "1031 CN",
        transport="Bus 34 en 35, halte Van der Pekstraat",
    )
    demo.loc(
        "vk-noord-purmerplein",
        org,
        "Praktijk Purmerplein",
        "Purmerplein 10",
        "1023 BA",
        transport="Bus 35, halte Purmerplein",
    )
    demo.service(
        "vk-noord-controles",
        org,
        "Zwangerschapscontroles Noord",
        "Van de eerste echo tot de kraamweek zie je steeds een van onze vijf verloskundigen. We zijn dag en nacht "
        "bereikbaar als er iets is. Aanmelden kan met een telefoontje.",
        "zwanger,bevalling,kraam",
        "zwanger,na",
        "N",
        languages="nl,tr,en",
        phone_hours=ZWANGER_TEL,
        locations=("vk-noord-van-der-pek", "vk-noord-purmerplein"),
        targets="aanstaande-ouders",
        holidays=False,
        fees="Vergoed door je zorgverzekering",
    )
    demo.service(
        "vk-noord-centering",
        org,
        "Centering Pregnancy Noord",
        "Samen met andere zwangeren krijg je je controles, tien keer twee uur. Je leert van elkaar en van de "
        "verloskundige. Partners zijn welkom bij twee avonden.",
        "zwanger,contact",
        "zwanger",
        "N",
        hours="di 19:00-21:00 Groep",
        locations=("vk-noord-purmerplein",),
        targets="aanstaande-ouders",
        closures=(ZOMERSTOP,),
        fees="Vergoed door je zorgverzekering",
    )
    demo.service(
        "vk-noord-rookvrij",
        org,
        "Rookvrij zwanger in Noord",
        "Stoppen met roken is moeilijk, zeker als mensen om je heen ook roken. Je krijgt gesprekken met een "
        "verloskundige die hier speciaal voor is opgeleid. Ook huisgenoten kunnen hulp krijgen.",
        "roken",
        "zwanger",
        "N",
        languages="nl,tr",
        hours="do 13:00-16:00 Op afspraak",
        locations=("vk-noord-van-der-pek",),
        targets="aanstaande-ouders",
    )

    org = demo.org("vk-west", "Verloskundigen West (demo)", "Verloskundigenpraktijk in Bos en Lommer en De Baarsjes.")
    demo.loc(
        "vk-west-adm-de-ruijterweg",
        org,
        "Praktijk Admiraal de Ruijterweg",
        "Admiraal de Ruijterweg 300",
        "1055 MR",
        transport="Tram 19, halte Admiraal de Ruijterweg",
    )
    demo.service(
        "vk-west-controles",
        org,
        "Verloskundige zorg West",
        "Je krijgt controles, echo's en begeleiding bij de bevalling. Wil je thuis bevallen of juist in het "
        "ziekenhuis? We maken samen een geboorteplan.",
        "zwanger,bevalling",
        "zwanger",
        "E",
        languages="nl,ar,en",
        phone_hours=ZWANGER_TEL,
        locations=("vk-west-adm-de-ruijterweg",),
        targets="aanstaande-ouders",
        holidays=False,
        fees="Vergoed door je zorgverzekering",
    )

    org = demo.org("vk-oost", "Verloskundigen Oost en IJburg (demo)", "Verloskundigenpraktijk in Oost.")
    demo.loc(
        "vk-oost-dapperstraat",
        org,
        "Praktijk Dapperbuurt",
        "Dapperstraat 50",
        "1093 BZ",
        transport="Tram 1 en 3, halte Dapperstraat",
    )
    demo.service(
        "vk-oost-controles",
        org,
        "Zwangerschapszorg in Oost",
        "Zwanger en wonend in Oost of op IJburg? Je kunt bij ons terecht voor alle controles. We werken samen "
        "met het ziekenhuis in Oost en met de kraamzorg.",
        "zwanger",
        "zwanger",
        "M",
        languages="nl,en",
        phone_hours=ZWANGER_TEL,
        locations=("vk-oost-dapperstraat",),
        targets="aanstaande-ouders",
        holidays=False,
        fees="Vergoed door je zorgverzekering",
    )

    org = demo.org("vk-centrum-zuid", "Verloskundigenpraktijk Amstel (demo)", "Verloskundigen in Centrum en Zuid.")
    demo.loc(
        "vk-amstel-keizersgracht",
        org,
        "Praktijk Nieuwe Keizersgracht",
        "Nieuwe Keizersgracht 20",
        "1018 DR",
        transport="Tram 14, halte Waterlooplein",
    )
    demo.loc(
        "vk-amstel-pijp",
        org,
        "Praktijk De Pijp",
        "Ferdinand Bolstraat 150",
        "1072 LR",
        transport="Metro 52, halte De Pijp",
    )
    demo.service(
        "vk-amstel-controles",
        org,
        "Verloskundige in Centrum en Zuid",
        "We begeleiden je van de eerste weken tot na de bevalling. Onze spreekuren zijn ook in het Engels. "
        "Maak een afspraak via de telefoon of de website.",
        "zwanger,bevalling",
        "zwanger",
        "A,K",
        languages="nl,en",
        phone_hours=ZWANGER_TEL,
        locations=("vk-amstel-keizersgracht", "vk-amstel-pijp"),
        targets="aanstaande-ouders",
        holidays=False,
        fees="Vergoed door je zorgverzekering",
    )

    org = demo.org("vk-weesp", "Verloskundigen Weesp (demo)", "Verloskundigenpraktijk voor Weesp en Driemond.")
    demo.loc(
        "vk-weesp-achtergracht",
        org,
        "Praktijk Achtergracht",
        "Achtergracht 20",
        "1381 BK",
        transport="Bus 320, halte Weesp Centrum",
    )
    demo.service(
        "vk-weesp-controles",
        org,
        "Zwangerschapscontroles Weesp",
        "Je eigen verloskundige in Weesp, voor controles, echo's en de bevalling. Bij de bevalling werken we "
        "samen met het ziekenhuis in de buurt. Bel voor je eerste afspraak.",
        "zwanger,bevalling",
        "zwanger",
        "S",
        languages="nl,pl",
        phone_hours=ZWANGER_TEL,
        locations=("vk-weesp-achtergracht",),
        targets="aanstaande-ouders",
        holidays=False,
        fees="Vergoed door je zorgverzekering",
    )
    demo.service(
        "vk-weesp-kraamweek",
        org,
        "Zorg in de kraamweek Weesp",
        "In de eerste week na de bevalling komt de verloskundige een paar keer bij je thuis. We kijken naar jou "
        "en naar je baby, en we doen de hielprik-afspraak. Je kunt ons altijd bellen.",
        "kraam,gezond",
        "na",
        "S",
        hours=None,
        phone_hours="dagelijks 00:00-00:00",
        holidays=False,
        fees="Vergoed door je zorgverzekering",
    )

    # --- Kraamzorg ---------------------------------------------------------------------------------
    org = demo.org(
        "kraamzorg-wiegje",
        "Kraamzorg Het Wiegje (demo)",
        "Kraamzorgorganisatie voor heel Amsterdam en Weesp.",
        phone_number="0800 555 02 20",
    )
    demo.service(
        "kraamzorg-wiegje-kraamzorg",
        org,
        "Kraamzorg aan huis",
        "Na de bevalling komt een kraamverzorgende een week lang bij je thuis. Zij helpt met voeden, let op "
        "jou en je baby en legt uit hoe je je kind verzorgt. Meld je aan rond 16 weken zwangerschap.",
        "kraam,voeding",
        "zwanger,na",
        "stad",
        free=False,
        amount=5.2,
        fees="Eigen bijdrage van ongeveer 5 euro per uur; je zorgverzekering betaalt de rest",
        languages="nl,en",
        hours=None,
        phone_hours="ma-vr 08:00-18:00",
        apply="Meld je aan via de website of bel ons, het liefst voor 20 weken.",
        targets="aanstaande-ouders",
        eligibility="Soms betaalt je aanvullende verzekering of de gemeente de eigen bijdrage",
    )
    demo.service(
        "kraamzorg-wiegje-bevallingslijn",
        org,
        "Bellen als de bevalling begint",
        "Begint de bevalling? Bel eerst je verloskundige en daarna deze lijn. Dan komt er een kraamverzorgende "
        "om te helpen bij de bevalling. De lijn is dag en nacht open.",
        "bevalling,kraam",
        "zwanger",
        "stad",
        free=False,
        fees="Valt onder je kraamzorg",
        hours=None,
        phone_hours="dagelijks 00:00-00:00",
        phone_number="0800 555 02 21",
        holidays=False,
        targets="aanstaande-ouders",
    )

    org = demo.org(
        "kraamzorg-zon-en-maan",
        "Kraamzorg Zon en Maan (demo)",
        "Kleine kraamzorgorganisatie met kraamverzorgenden uit veel culturen.",
    )
    demo.loc(
        "kraamzorg-zon-en-maan-kantoor",
        org,
        "Kantoor Zon en Maan",
        "Karspeldreef 900",
        "1101 BK",
        transport="Metro 50 en 54, halte Strandvliet",
    )
    demo.service(
        "kraamzorg-zon-en-maan-kraamzorg",
        org,
        "Kraamzorg in je eigen taal",
        "Onze kraamverzorgenden spreken samen meer dan tien talen, zoals Twi, Papiaments, Arabisch en "
        "Sranantongo. Zo begrijp je elkaar goed in de eerste dagen met je baby. Ook tradities rond de geboorte "
        "krijgen een plek.",
        "kraam,voeding",
        "zwanger,na",
        "T,F,N",
        free=False,
        amount=5.2,
        fees="Eigen bijdrage van ongeveer 5 euro per uur",
        languages="nl,tw,pap,ar,srn,en",
        hours=None,
        phone_hours="ma-vr 09:00-17:00",
        targets="aanstaande-ouders,nieuwkomers",
        apply="Bel ons of kom langs op kantoor in Zuidoost.",
    )
    demo.service(
        "kraamzorg-zon-en-maan-kraampakket",
        org,
        "Gratis kraampakket",
        "Heb je weinig geld? Dan kun je bij ons een gratis kraampakket halen. Er zitten onder andere "
        "kraamverband, een matrasbeschermer en navelklemmen in. Neem je zwangerschapskaart en je Stadspas mee.",
        "baby,kraam",
        "zwanger",
        "T",
        languages="nl,en,tw",
        hours="ma,wo 10:00-12:00 Ophalen",
        locations=("kraamzorg-zon-en-maan-kantoor",),
        eligibility="Voor zwangeren met een laag inkomen",
    )

    # --- Ziekenhuizen ------------------------------------------------------------------------------
    org = demo.org(
        "stadsziekenhuis-oost",
        "Stadsziekenhuis Amsterdam-Oost (demo)",
        "Algemeen ziekenhuis met een afdeling verloskunde en neonatologie.",
    )
    demo.loc(
        "stadsziekenhuis-oost",
        org,
        "Stadsziekenhuis Oost, ingang Linnaeus",
        "Linnaeusstraat 140",
        "1093 EP",
        transport="Tram 3 en 19, halte Linnaeusstraat",
        access=("Rolstoeltoegankelijk", "Lift en rolstoelen bij de ingang"),
    )
    demo.service(
        "ziekenhuis-oost-angst-bevalling",
        org,
        "Poli angst voor de bevalling",
        "Ben je erg bang voor de bevalling, bijvoorbeeld door een eerdere nare ervaring? Een psycholoog en een "
        "gynaecoloog praten met je en maken samen met jou een plan. Je hebt een verwijzing nodig.",
        "bevalling,psyche",
        "zwanger",
        "stad",
        referral=True,
        free=False,
        wait_days=21,
        wait="Ongeveer drie weken",
        hours="di,do 09:00-16:00 Op afspraak",
        locations=("stadsziekenhuis-oost",),
        targets="aanstaande-ouders",
        fees="Vergoed door je zorgverzekering (eigen risico)",
        apply="Vraag je verloskundige of huisarts om een verwijzing.",
    )
    demo.service(
        "ziekenhuis-oost-te-vroeg-geboren",
        org,
        "Nazorg na een vroeggeboorte",
        "Is je baby te vroeg of te klein geboren? Dan zie je ons in de eerste twee jaar een paar keer terug. "
        "Een kinderarts en een fysiotherapeut kijken hoe je kind groeit en leert. Je kunt ook praten over hoe "
        "het met jullie als ouders gaat.",
        "gezond,psyche",
        "na",
        "stad",
        referral=True,
        hours="ma,wo 09:00-16:30 Op afspraak",
        locations=("stadsziekenhuis-oost",),
        max_age=24,
        fees="Vergoed door je zorgverzekering",
        apply="Je krijgt vanzelf een afspraak als je baby op de afdeling neonatologie lag.",
        media_items=(
            media(
                "video",
                "Ouders vertellen over hun tijd op de neonatologie en daarna.",
                "Een moeder houdt een heel kleine baby in de couveuse vast.",
            ),
        ),
    )
    demo.service(
        "ziekenhuis-oost-rondleiding",
        org,
        "Rondleiding verloskamers",
        "Kom een kijkje nemen op de afdeling waar je gaat bevallen. Je ziet de kamers en hoort wat je kunt "
        "verwachten. Aanmelden via de website.",
        "bevalling",
        "zwanger",
        "M,A",
        hours="za 11:00-12:00 Rondleiding",
        locations=("stadsziekenhuis-oost",),
        targets="aanstaande-ouders",
        closures=(ZOMERSTOP,),
    )
    demo.service(
        "ziekenhuis-oost-borstvoedingspoli",
        org,
        "Borstvoedingspoli",
        "Lukt borstvoeding niet goed, drinkt je baby slecht of groeit hij te weinig? Een lactatiekundige van het "
        "ziekenhuis helpt je. Ook bij kolven voor een baby op de neonatologie.",
        "voeding,gezond",
        "na",
        "M,A,K",
        referral=True,
        free=False,
        hours="ma-vr 09:00-12:00 Op afspraak",
        locations=("stadsziekenhuis-oost",),
        fees="Vergoed door je zorgverzekering (eigen risico)",
        wait_days=3,
    )

    org = demo.org(
        "mc-nieuw-west", "Medisch Centrum Nieuw-West (demo)", "Ziekenhuis in Nieuw-West met een geboortecentrum."
    )
    demo.loc(
        "mc-nieuw-west",
        org,
        "Medisch Centrum Nieuw-West",
        "Plesmanlaan 30",
        "1066 ZK",
        transport="Bus 62, halte Plesmanlaan",
    )
    demo.service(
        "mc-nieuw-west-kinderwens",
        org,
        "Kinderwensspreekuur",
        "Heb je een ziekte, gebruik je medicijnen of was een vorige zwangerschap moeilijk? Kom dan voor je "
        "zwanger wordt naar het kinderwensspreekuur. Een gynaecoloog vertelt wat je kunt doen om gezond zwanger "
        "te worden.",
        "kinderwens",
        "voor",
        "F,E",
        referral=True,
        free=False,
        wait_days=30,
        wait="Ongeveer vier weken",
        hours="vr 09:00-12:00 Op afspraak",
        locations=("mc-nieuw-west",),
        languages="nl,ar,tr",
        fees="Vergoed door je zorgverzekering (eigen risico)",
    )
    demo.service(
        "mc-nieuw-west-bevalvoorlichting",
        org,
        "Voorlichting over bevallen in je eigen taal",
        "Op deze avond hoor je alles over bevallen in ons ziekenhuis: pijnbestrijding, een keizersnede en wie "
        "er bij je mag zijn. De avond is in het Nederlands met tolken Arabisch, Tamazight en Turks.",
        "bevalling",
        "zwanger",
        "F",
        languages="nl,ar,ber,tr",
        hours="do 19:30-21:00 Tweede donderdag",
        locations=("mc-nieuw-west",),
        targets="aanstaande-ouders,nieuwkomers",
    )
