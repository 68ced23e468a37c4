"""Kinderwens, anticonceptie, leefstijl, voorbereiding op de bevalling en borstvoeding (fictional)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # mypy sees this folder as part of the kansrijk package (mypy_path = "src"); at run time
    # build_demo.py puts this folder on sys.path and the content modules import it as a top-level module.
    from kansrijk.kaart.data.demo.build_demo import ZOMERSTOP, Demo, media
else:
    from build_demo import ZOMERSTOP, media


def build(demo: Demo) -> None:
    # --- Seksuele gezondheid, Nu Niet Zwanger ------------------------------------------------------
    org = demo.org(
        "csg-amsterdam",
        "Centrum Seksuele Gezondheid Amsterdam (demo)",
        "Spreekuren over anticonceptie, zwanger worden en onbedoelde zwangerschap.",
    )
    demo.loc(
        "csg-centrum",
        org,
        "Spreekuur Valckenierstraat",
        "Valckenierstraat 30",
        "1018 XE",
        transport="Metro 51, 53 en 54, halte Weesperplein",
    )
    demo.loc(
        "csg-zuidoost",
        org,
        "Spreekuur Anton de Komplein",
        "Anton de Komplein 150",
        "1102 DR",
        transport="Metro 50 en 54, halte Bijlmer ArenA",
    )
    demo.loc(
        "csg-nieuw-west",
        org,
        "Spreekuur Osdorpplein",
        "Osdorpplein 500",
        "1068 EP",
        transport="Tram 1, halte Osdorpplein",
    )
    demo.service(
        "csg-nu-niet-zwanger",
        org,
        "Nu Niet Zwanger",
        "Wil je nu geen kind, maar weet je niet goed hoe je dat voorkomt? Een consulent praat met je over wat je "
        "wilt in je leven en welke anticonceptie bij je past. Je kunt ook kiezen voor gratis anticonceptie. "
        "Een hulpverlener die je al kent meldt je aan.",
        "kinderwens",
        "voor",
        "stad",
        referral=True,
        languages="nl,en,ar,srn",
        hours=None,
        phone_hours="ma-vr 09:00-16:00",
        targets="ouders,jonge-ouders,professionals",
        apply="Je buurtteam, huisarts, verloskundige of het Ouder- en Kindteam meldt je aan. Professionals "
        "kunnen ook eerst bellen voor overleg.",
        eligibility="Voor mensen in een kwetsbare situatie, met of zonder kinderen",
        media_items=(
            media(
                "video",
                "Wat is Nu Niet Zwanger? Twee vrouwen vertellen.",
                "Twee vrouwen zitten op een bank en praten met elkaar.",
            ),
        ),
    )
    demo.service(
        "csg-anticonceptie",
        org,
        "Anticonceptiespreekuur",
        "Wil je weten welke pil, spiraal of ander middel bij je past? Een arts legt het je rustig uit. Tot je "
        "21e is het gesprek gratis en soms ook het middel. Je kunt zonder verwijzing een afspraak maken.",
        "kinderwens",
        "voor,na",
        "A,T,F",
        languages="nl,en,ar,tr",
        hours="ma,wo 09:00-16:00 Op afspraak; di 17:00-20:00 Avondspreekuur",
        phone_hours="ma-vr 09:00-16:00",
        locations=("csg-centrum", "csg-zuidoost", "csg-nieuw-west"),
        targets="ouders,jonge-ouders",
        wait_days=7,
        eligibility="Gratis tot 21 jaar",
    )
    demo.service(
        "csg-keuzehulp-onbedoeld-zwanger",
        org,
        "Praten over een onbedoelde zwangerschap",
        "Ben je zwanger en had je dat niet gepland? Je kunt met iemand praten die niet oordeelt en je helpt "
        "nadenken over wat jij wilt. Ook je partner of een vriendin mag mee.",
        "zwanger,psyche",
        "zwanger",
        "stad",
        languages="nl,en",
        hours=None,
        phone_hours="ma-vr 09:00-21:00",
        online_hours="ma-vr 19:00-21:00 Chat",
        phone_number="0800 555 03 30",
        targets="ouders,jonge-ouders",
        wait_days=2,
        wait="Meestal binnen twee dagen een gesprek",
    )
    demo.service(
        "csg-gezond-zwanger-worden",
        org,
        "Buurtavond gezond zwanger worden",
        "Op deze avond in een buurthuis praten we over zwanger worden, foliumzuur, voeding en stoppen met roken. "
        "Een verloskundige en een sleutelpersoon uit de buurt vertellen. Je mag ook vragen stellen zonder je "
        "naam te zeggen.",
        "kinderwens,zwanger",
        "voor",
        "T,F",
        languages="nl,tw,ar,ber",
        hours="do 19:00-21:00 Eens per maand",
        locations=("csg-zuidoost", "csg-nieuw-west"),
        closures=(ZOMERSTOP,),
    )

    # --- Stoppen met roken -------------------------------------------------------------------------
    org = demo.org(
        "rookvrij-starten",
        "Rookvrij Starten (demo)",
        "Coaches die zwangeren en hun partners helpen om te stoppen met roken.",
        phone_number="0800 555 03 40",
    )
    demo.service(
        "rookvrij-zwangeren",
        org,
        "Stoppen met roken als je zwanger bent",
        "Een coach belt je een paar maanden lang elke week. Samen maak je een plan en je kunt altijd appen als "
        "je trek hebt. Je krijgt vergoede nicotinevervangers als dat nodig is.",
        "roken",
        "voor,zwanger",
        "stad",
        languages="nl,en,tr,ar",
        hours=None,
        phone_hours="ma-vr 09:00-20:00; za 10:00-14:00",
        targets="aanstaande-ouders",
        fees="Gratis, je zorgverzekering betaalt",
        wait_days=3,
    )
    demo.service(
        "rookvrij-partners",
        org,
        "Stoppen met roken voor partners",
        "Wordt je vriendin zwanger, of ben je net vader geworden? Rook je niet meer in huis en stop helemaal, "
        "dan is dat beter voor je kind. Een coach helpt je met vijf gesprekken, aan de telefoon of online.",
        "roken,vaders",
        "voor,zwanger,na",
        "stad",
        languages="nl,en,tr",
        hours=None,
        phone_hours="ma-vr 09:00-20:00",
        online_hours="wo 20:00-21:00 Groep online",
        targets="vaders",
    )
    demo.service(
        "rookvrij-huis",
        org,
        "Rookvrij huis na de geboorte",
        "Je baby is er en je wilt dat er thuis niet meer gerookt wordt. Een coach komt langs en helpt het hele "
        "gezin met afspraken over roken. Ook opa's, oma's en bezoek tellen mee.",
        "roken,gezond",
        "na",
        "T,N,F",
        languages="nl,srn,tr",
        hours=None,
        phone_hours="ma-vr 09:00-17:00",
        wait_days=10,
    )

    # --- Voorbereiding op de bevalling -------------------------------------------------------------
    org = demo.org(
        "bevalklaar", "Bevalklaar Cursussen (demo)", "Cursussen voor zwangeren en hun partners in Amsterdam."
    )
    demo.loc(
        "bevalklaar-oost",
        org,
        "Cursuszaal Javastraat",
        "Javastraat 100",
        "1094 HP",
        transport="Tram 14, halte Javastraat",
    )
    demo.loc(
        "bevalklaar-noord",
        org,
        "Cursuszaal Buikslotermeerplein",
        "Buikslotermeerplein 12",
        "1025 GZ",
        transport="Metro 52, halte Noord",
    )
    demo.service(
        "bevalklaar-cursus",
        org,
        "Cursus voorbereiden op de bevalling",
        "In vier avonden leer je hoe een bevalling gaat, hoe je ademt bij weeën en wat je kunt doen tegen pijn. "
        "Je partner oefent mee. Start rond 28 weken zwangerschap.",
        "bevalling",
        "zwanger",
        "stad",
        free=False,
        amount=95,
        fees="95 euro voor vier avonden; soms vergoed",
        hours="ma 19:30-21:30 Cursus; do 19:30-21:30 Cursus",
        locations=("bevalklaar-oost", "bevalklaar-noord"),
        targets="aanstaande-ouders",
        closures=(ZOMERSTOP,),
    )
    demo.service(
        "bevalklaar-english",
        org,
        "Birth preparation course in English",
        "Een cursus in het Engels voor ouders die nog weinig Nederlands spreken. Je leert hoe bevallen in "
        "Nederland gaat en welke zorg je krijgt. Voor jou en je partner.",
        "bevalling,zwanger",
        "zwanger",
        "stad",
        free=False,
        amount=110,
        fees="110 euro per paar",
        languages="en",
        hours="za 10:00-13:00 Cursus",
        locations=("bevalklaar-oost",),
        targets="aanstaande-ouders,nieuwkomers",
        closures=(ZOMERSTOP,),
    )
    demo.service(
        "bevalklaar-yoga",
        org,
        "Zwangerschapsyoga",
        "Een les yoga voor zwangeren, ook als je nog nooit yoga hebt gedaan. Je werkt aan rust, ademen en een "
        "soepel lichaam. Je kunt elke week instromen.",
        "zwanger,bevalling",
        "zwanger",
        "stad",
        free=False,
        amount=15,
        fees="15 euro per les",
        hours="wo 18:30-19:45 Les; za 09:00-10:15 Les",
        locations=("bevalklaar-oost", "bevalklaar-noord"),
        targets="aanstaande-ouders",
    )
    demo.service(
        "bevalklaar-vaders",
        org,
        "Avond voor aanstaande vaders",
        "Wat doe jij tijdens de bevalling, en hoe help je in de kraamweek? Op deze avond praten aanstaande vaders "
        "met elkaar en met een ervaren kraamverzorgende. Je stelt de vragen die je thuis misschien niet stelt.",
        "vaders,bevalling,kraam",
        "zwanger",
        "stad",
        free=False,
        amount=25,
        fees="25 euro",
        hours="di 19:30-21:30 Eens per maand",
        locations=("bevalklaar-noord",),
        targets="vaders",
    )

    # --- Doula's ------------------------------------------------------------------------------------
    org = demo.org(
        "doulas-zonder-grenzen",
        "Doula's Zonder Grenzen (demo)",
        "Vrijwillige doula's voor zwangere vrouwen die er alleen voor staan.",
        kind="informeel",
    )
    demo.service(
        "doulas-zonder-grenzen-doula",
        org,
        "Een doula bij je bevalling",
        "Sta je er alleen voor, of ben je net in Nederland? Een vrijwillige doula bezoekt je een paar keer "
        "voor de bevalling, blijft bij je tijdens het bevallen en komt daarna nog langs. Veel doula's spreken "
        "ook Arabisch, Tigrinya, Farsi, Somalisch of Frans.",
        "bevalling,kraam,contact",
        "zwanger,na",
        "stad",
        languages="nl,en,ar,ti,fa,so,fr",
        hours=None,
        phone_hours="ma-vr 10:00-16:00",
        targets="aanstaande-ouders,nieuwkomers,ongedocumenteerden",
        wait_days=14,
        apply="Bel of mail ons, of vraag je verloskundige om je aan te melden.",
        media_items=(
            media(
                "photo",
                "Een doula en een moeder met haar pasgeboren baby.",
                "Een vrouw zit naast een bed waarin een moeder haar baby vasthoudt.",
            ),
        ),
    )
    org = demo.org(
        "doulapraktijk-amstel",
        "Doulapraktijk Amstel (demo)",
        "Zelfstandige doula's voor zwangerschap, bevalling en kraamtijd.",
    )
    demo.service(
        "doulapraktijk-amstel-begeleiding",
        org,
        "Doulabegeleiding",
        "Een doula is er voor jou en je partner, vanaf de zwangerschap tot na de bevalling. Ze helpt je met "
        "een geboorteplan en steunt je tijdens de bevalling. Ook bij angst voor bevallen kan een doula helpen.",
        "bevalling,kraam,psyche",
        "zwanger,na",
        "stad",
        free=False,
        amount=950,
        fees="Vanaf 950 euro; sommige verzekeringen betalen een deel",
        languages="nl,en,es",
        hours=None,
        phone_hours="ma-vr 09:00-17:00",
        targets="aanstaande-ouders",
    )

    # --- Borstvoeding ------------------------------------------------------------------------------
    org = demo.org(
        "lactatie-moedermelk", "Lactatiekundigen Moedermelk (demo)", "Lactatiekundigen die bij je thuis komen."
    )
    demo.service(
        "lactatie-huisbezoek",
        org,
        "Lactatiekundige aan huis",
        "Doet borstvoeding pijn, of krijgt je baby te weinig? Een lactatiekundige komt bij je thuis en kijkt "
        "mee bij het voeden. Je krijgt een plan en ze belt je een paar dagen later terug.",
        "voeding",
        "na",
        "stad",
        free=False,
        amount=85,
        fees="85 euro per bezoek; veel zorgverzekeringen vergoeden dit",
        languages="nl,en",
        hours=None,
        phone_hours="ma-za 08:00-20:00",
        wait_days=2,
        wait="Meestal binnen twee dagen",
    )
    demo.service(
        "lactatie-kolfadvies",
        org,
        "Advies over kolven en flesvoeding",
        "Ga je weer werken, of wil je overstappen op de fles? Je belt een lactatiekundige en krijgt advies over "
        "kolven, bewaren en flesvoeding. Het eerste gesprek is gratis.",
        "voeding,werk",
        "na",
        "stad",
        languages="nl,en",
        hours=None,
        phone_hours="ma-vr 09:00-12:00",
    )

    org = demo.org(
        "borstvoedingsmaatjes",
        "Borstvoedingsmaatjes (demo)",
        "Moeders die zelf borstvoeding gaven en andere moeders helpen.",
        kind="informeel",
    )
    demo.loc(
        "bvm-het-anker",
        org,
        "Buurtkamer Het Anker",
        "Burgemeester de Vlugtlaan 125",
        "1063 BJ",
        transport="Tram 7, halte Burgemeester de Vlugtlaan",
    )
    demo.loc(
        "bvm-kikkenstein",
        org,
        "Ontmoetingsplek Kikkenstein",
        "Kikkenstein 2400",
        "1106 CV",
        transport="Metro 54, halte Gein",
    )
    demo.loc(
        "bvm-meeuwenlaan",
        org,
        "Huiskamer Meeuwenlaan",
        "Meeuwenlaan 80",
        "1021 JL",
        transport="Bus 38, halte Meeuwenlaan",
    )
    demo.service(
        "bvm-nieuw-west",
        org,
        "Borstvoedingsgroep Geuzenveld",
        "Moeders die borstvoeding geven komen samen bij een kop thee. Een ervaren moeder geeft tips en je hoort "
        "hoe anderen het doen. De groep is in het Nederlands, Arabisch en Tamazight.",
        "voeding,contact",
        "zwanger,na",
        "F",
        languages="nl,ar,ber",
        hours="di 10:00-12:00 Groep",
        locations=("bvm-het-anker",),
        closures=(ZOMERSTOP,),
    )
    demo.service(
        "bvm-zuidoost",
        org,
        "Borstvoedingscafé Gein",
        "Elke donderdag is er een borstvoedingscafé in Gein. Je kunt er terecht met je baby, ook als je nog "
        "zwanger bent. We spreken Nederlands, Engels en Twi.",
        "voeding,contact",
        "zwanger,na",
        "T",
        languages="nl,en,tw",
        hours="do 10:00-12:00 Café",
        locations=("bvm-kikkenstein",),
    )
    demo.service(
        "bvm-noord",
        org,
        "Voedingsmaatje aan de telefoon",
        "Een maatje belt je in de eerste weken na de bevalling om te vragen hoe het voeden gaat. Ze luistert en "
        "helpt je op weg, of je nu borstvoeding of de fles geeft. Het maatje woont zelf ook in Noord.",
        "voeding,contact",
        "na",
        "N",
        languages="nl,tr",
        hours="vr 10:00-11:30 Inloop",
        phone_hours="ma-vr 10:00-16:00",
        locations=("bvm-meeuwenlaan",),
    )

    # --- Zorg zonder papieren ----------------------------------------------------------------------
    org = demo.org(
        "zorg-zonder-papieren",
        "Stichting Zorg Zonder Papieren (demo)",
        "Medische zorg en advies voor mensen zonder verblijfsvergunning of zorgverzekering.",
    )
    demo.loc(
        "zzp-sarphatistraat",
        org,
        "Spreekuur Sarphatistraat",
        "Sarphatistraat 40",
        "1018 GL",
        transport="Tram 14, halte Weesperplein",
        access=("Beperkt toegankelijk", "Drie treden bij de ingang"),
    )
    demo.service(
        "zzp-zwanger-zonder-papieren",
        org,
        "Spreekuur zwanger zonder papieren",
        "Ben je zwanger en heb je geen verblijfsvergunning of geen zorgverzekering? Je hebt toch recht op een "
        "verloskundige en een veilige bevalling. Wij helpen je om die zorg te krijgen en we vragen niet naar je "
        "papieren.",
        "zwanger,juridisch,bevalling",
        "zwanger",
        "stad",
        languages="nl,en,fr,ar,es,ti",
        hours="di 13:00-16:00 Inloop; vr 10:00-13:00 Inloop",
        locations=("zzp-sarphatistraat",),
        targets="ongedocumenteerden,aanstaande-ouders",
        interpretation="Tolk via de telefoon",
        apply="Kom langs tijdens de inloop. Je hoeft geen papieren mee te nemen.",
    )
    demo.service(
        "zzp-rekeningen",
        org,
        "Hulp bij rekeningen van de zorg",
        "Heb je een rekening gekregen van het ziekenhuis of de verloskundige en kun je die niet betalen? Wij "
        "kijken of een regeling de kosten betaalt. Neem de brief mee naar het spreekuur.",
        "regel,geld,juridisch",
        "zwanger,na",
        "stad",
        languages="nl,en,fr,es",
        hours="vr 10:00-13:00 Inloop",
        locations=("zzp-sarphatistraat",),
        targets="ongedocumenteerden",
    )
    demo.service(
        "zzp-baby-spreekuur",
        org,
        "Huisarts voor je baby zonder verzekering",
        "Is je baby ziek, of heeft hij nog geen prikken gehad? Een arts ziet je baby gratis. We regelen ook dat "
        "je kind naar het consultatiebureau kan.",
        "gezond",
        "na",
        "stad",
        languages="nl,en,fr,ar",
        hours="di 13:00-16:00 Inloop",
        locations=("zzp-sarphatistraat",),
        targets="ongedocumenteerden",
        max_age=48,
    )
