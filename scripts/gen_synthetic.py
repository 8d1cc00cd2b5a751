"""Write a synthetic clustersite site of any size, for benchmarks and scale tests.

``python scripts/gen_synthetic.py --posts N --out DIR`` writes a complete site in our layout
(docs/architecture.md): ``DIR/mkdocs.yml`` copied from the repository at run time (so the benchmark
follows every config change), the theme overrides and any shared assets of ``content/``,
``content/<lang>/index.md`` and ``about.md`` for lv, en and it, N posts per language under
``content/<lang>/news/<yyyy>/<slug>.md`` (the same slugs in every language: translations) and
20 projects with full facts in ``data/projects/<slug>.yml``.

Why synthetic and why like this: a benchmark is only worth something if its input looks like
the real thing. The posts are 400-800 words of Latvian, Italian and English built from
hand-written parallel sentence banks (so each post's three versions really are translations),
with ``##`` headings, bullet lists, links to earlier posts and to outside sites, and every
Latvian and Italian diacritic; dates spread over 2017-2024; about one post in six is a
quarterly report dated the last day of its quarter. Budgets add up to the cent and partners
use ISO country codes, so the site passes validation and the build does all of its work.
Every post has a cover photo and about one in four a gallery (drawn with Pillow; see
"Photos" below), so the page weight of a post is that of a post with photos.

``--baseline`` writes the same Markdown and data with a plain Material ``mkdocs.yml`` instead:
no i18n plugin, no clustersite plugin, no generated views, only ``plugins: [search]``. It is
the peer that ``scripts/bench.py`` compares against. Two deliberate deviations from a bare
config, to compare like with like: the same Markdown extensions as the repository's config
(rendering cost is the same) and a small explicit nav like ours (without one, MkDocs would
put every post in the nav and render that nav into every page, which is quadratic work that
no real site would accept); ``font: false`` keeps the page free of requests to other hosts.

Output is a pure function of the arguments and of the repository files it copies: one
``random.Random(seed)`` instance drives every choice, nothing reads the clock, the
environment or hash order, and files are written with ``\\n`` line endings. The same
arguments give a byte-identical tree.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import importlib.util
import io
import json
import random
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from clustersite import slugs

__all__ = ["LANGS", "generate", "main", "slugify"]

REPO = Path(__file__).resolve().parent.parent
LANGS = ("lv", "en", "it")  # the default language first
DEFAULT_SEED = 2017
FIRST_DAY = dt.date(2017, 1, 1)
LAST_DAY = dt.date(2024, 12, 31)
MIN_WORDS, MAX_WORDS = 400, 800
LV_DIACRITICS = "āčēģīķļņšūž"
IT_DIACRITICS = "àèéìòù"

Tri = tuple[str, str, str]  # one text in lv, en, it (the order of LANGS)

# --------------------------------------------------------------------------------------------
# Sentence banks. Every entry is one sentence in lv, en and it, with the same placeholders:
# {acronym} project acronym, {ptitle} project title, {partner} partner organisation,
# {in_city} "in <city>" with the right case or preposition, {n} a count that never ends in 1
# (Latvian agreement), {year} and {year_plus} years, {q} quarter number, {q_ord} its ordinal.
# --------------------------------------------------------------------------------------------

CITIES: list[Tri] = [
    ("Rīgā", "in Riga", "a Riga"),
    ("Milānā", "in Milan", "a Milano"),
    ("Drēzdenē", "in Dresden", "a Dresda"),
    ("Tallinā", "in Tallinn", "a Tallinn"),
    ("Viļņā", "in Vilnius", "a Vilnius"),
    ("Turīnā", "in Turin", "a Torino"),
    ("Boloņā", "in Bologna", "a Bologna"),
    ("Valmierā", "in Valmiera", "a Valmiera"),
    ("Ventspilī", "in Ventspils", "a Ventspils"),
    ("Liepājā", "in Liepāja", "a Liepāja"),
    ("Jelgavā", "in Jelgava", "a Jelgava"),
    ("Oulu", "in Oulu", "a Oulu"),
]

COUNTS = (12, 14, 15, 18, 24, 26, 30, 35, 40, 45, 48, 60, 75, 120)

QUARTER_ORDINALS: dict[str, tuple[str, str, str, str]] = {
    "lv": ("1.", "2.", "3.", "4."),
    "en": ("first", "second", "third", "fourth"),
    "it": ("primo", "secondo", "terzo", "quarto"),
}

AUTHORS = (
    "LETERA",
    "LETERA",
    "Anna Bērziņa",
    "Jānis Ozoliņš",
    "Līga Kalniņa",
    "Mārtiņš Šteinbergs",
)

# News titles, each with the lead sentence that opens the post (its summary).
NEWS_TITLES: list[tuple[Tri, Tri]] = [
    (
        (
            "{acronym}: partneru tikšanās {in_city}",
            "{acronym}: partner meeting {in_city}",
            "{acronym}: incontro dei partner {in_city}",
        ),
        (
            "Projekta {acronym} partneri {in_city} pārrunāja līdz šim paveikto un vienojās par "
            "nākamajiem darbiem.",
            "The partners of the {acronym} project met {in_city} to review the work so far and "
            "agree "
            "on the next tasks.",
            "I partner del progetto {acronym} si sono riuniti {in_city} per fare il punto sul "
            "lavoro "
            "svolto e concordare le prossime attività.",
        ),
    ),
    (
        (
            "Klasteris piedalās izstādē {in_city}",
            "The cluster at a trade fair {in_city}",
            "Il cluster a una fiera {in_city}",
        ),
        (
            "Klastera uzņēmumi ar kopīgu stendu piedalījās starptautiskā elektronikas izstādē "
            "{in_city}.",
            "Cluster companies shared a stand at an international electronics trade fair "
            "{in_city}.",
            "Le imprese del cluster hanno partecipato con uno stand comune a una fiera "
            "internazionale "
            "dell'elettronica {in_city}.",
        ),
    ),
    (
        (
            "Jauns mācību kurss par viedo ražošanu",
            "New training course on smart manufacturing",
            "Nuovo corso di formazione sulla produzione intelligente",
        ),
        (
            "Projekta {acronym} ietvaros sākās jauns mācību kurss par viedo ražošanu klastera "
            "uzņēmumu darbiniekiem.",
            "A new training course on smart manufacturing for staff of cluster companies has "
            "started "
            "under the {acronym} project.",
            "Nell'ambito del progetto {acronym} è iniziato un nuovo corso sulla produzione "
            "intelligente per i dipendenti delle imprese del cluster.",
        ),
    ),
    (
        (
            "Seminārs par energoefektivitāti ražotnēs",
            "Seminar on energy efficiency in factories",
            "Seminario sull'efficienza energetica negli stabilimenti",
        ),
        (
            "Seminārā {in_city} ražotāji un enerģētikas eksperti apsprieda, kā samazināt "
            "elektroenerģijas patēriņu.",
            "At a seminar {in_city}, manufacturers and energy experts discussed how to cut "
            "electricity use.",
            "In un seminario {in_city}, produttori ed esperti di energia hanno discusso come "
            "ridurre "
            "il consumo di elettricità.",
        ),
    ),
    (
        (
            "Projekta {acronym} starprezultāti",
            "Interim results of the {acronym} project",
            "Risultati intermedi del progetto {acronym}",
        ),
        (
            "Projekts {acronym} ir sasniedzis pusceļu, un partneri ir apkopojuši pirmos "
            "rezultātus.",
            "The {acronym} project has reached its halfway point, and the partners have summed up "
            "the first results.",
            "Il progetto {acronym} è arrivato a metà percorso e i partner hanno raccolto i primi "
            "risultati.",
        ),
    ),
    (
        (
            "Darījumu tikšanās {in_city}",
            "Business meetings {in_city}",
            "Incontri d'affari {in_city}",
        ),
        (
            "Klastera delegācija {in_city} tikās ar potenciālajiem klientiem un sadarbības "
            "partneriem.",
            "A cluster delegation met potential customers and partners {in_city}.",
            "Una delegazione del cluster ha incontrato {in_city} potenziali clienti e partner.",
        ),
    ),
    (
        (
            "Atklāts konkurss jaunuzņēmumiem",
            "Open call for start-ups",
            "Bando aperto per le start-up",
        ),
        (
            "Klasteris aicina jaunuzņēmumus pieteikt idejas, kas risina elektronikas ražotāju "
            "praktiskas problēmas.",
            "The cluster invites start-ups to propose ideas that solve practical problems of "
            "electronics manufacturers.",
            "Il cluster invita le start-up a proporre idee che risolvano problemi pratici dei "
            "produttori di elettronica.",
        ),
    ),
    (
        (
            "Klastera biedru kopsapulce",
            "General meeting of cluster members",
            "Assemblea dei membri del cluster",
        ),
        (
            "Klastera biedru kopsapulcē {in_city} tika apstiprināts pārskats par paveikto un "
            "nākamā "
            "gada darba plāns.",
            "The general meeting of cluster members {in_city} approved the activity report and the "
            "work plan for the coming year.",
            "L'assemblea dei membri del cluster, riunita {in_city}, ha approvato la relazione "
            "sulle "
            "attività e il piano di lavoro per l'anno prossimo.",
        ),
    ),
    (
        (
            "Darbnīca par piegādes ķēžu noturību",
            "Workshop on resilient supply chains",
            "Laboratorio sulla resilienza delle catene di approvvigionamento",
        ),
        (
            "Darbnīcā uzņēmumi dalījās pieredzē, kā rīkoties, ja pēkšņi pietrūkst komponentu.",
            "At the workshop, companies shared their experience of what to do when components "
            "suddenly run short.",
            "Durante il laboratorio le imprese hanno condiviso la loro esperienza su come agire "
            "quando "
            "i componenti vengono improvvisamente a mancare.",
        ),
    ),
    (
        (
            "Studenti iepazīst elektronikas ražotnes",
            "Students visit electronics factories",
            "Gli studenti visitano le fabbriche di elettronica",
        ),
        (
            "Vairāk nekā {n} studenti apmeklēja klastera uzņēmumus un uzzināja par prakses "
            "iespējām.",
            "More than {n} students visited cluster companies and learnt about internships.",
            "Più di {n} studenti hanno visitato le imprese del cluster e hanno scoperto le "
            "possibilità di tirocinio.",
        ),
    ),
    (
        (
            "Apmācības par kiberdrošību ražošanā",
            "Training on cybersecurity in manufacturing",
            "Formazione sulla sicurezza informatica nella produzione",
        ),
        (
            "Ražošanas uzņēmumu IT speciālisti apguva, kā aizsargāt iekārtas un datus pret "
            "kiberuzbrukumiem.",
            "IT specialists from manufacturing companies learnt how to protect equipment and data "
            "against cyber attacks.",
            "Gli specialisti informatici delle imprese manifatturiere hanno imparato a proteggere "
            "macchinari e dati dagli attacchi informatici.",
        ),
    ),
    (
        (
            "Pētījums par jaudas elektronikas tirgu",
            "Study on the power electronics market",
            "Studio sul mercato dell'elettronica di potenza",
        ),
        (
            "Klasteris publicē pētījumu par jaudas elektronikas tirgus attīstību Baltijas jūras "
            "reģionā.",
            "The cluster is publishing a study on how the power electronics market is developing "
            "in "
            "the Baltic Sea region.",
            "Il cluster pubblica uno studio sull'evoluzione del mercato dell'elettronica di "
            "potenza "
            "nella regione del Mar Baltico.",
        ),
    ),
    (
        (
            "Projekta {acronym} noslēguma konference",
            "{acronym} final conference",
            "Conferenza finale del progetto {acronym}",
        ),
        (
            "Noslēguma konferencē {in_city} projekta {acronym} partneri iepazīstināja ar "
            "galvenajiem rezultātiem.",
            "At the final conference {in_city}, the partners of the {acronym} project presented "
            "its "
            "main results.",
            "Alla conferenza finale {in_city}, i partner del progetto {acronym} hanno presentato i "
            "risultati principali.",
        ),
    ),
    (
        (
            "Ekodizaina prasības: ko tās nozīmē ražotājiem",
            "Ecodesign rules: what they mean for manufacturers",
            "Progettazione ecocompatibile: che cosa cambia per i produttori",
        ),
        (
            "Jaunās Eiropas Savienības ekodizaina prasības mainīs to, kā tiek projektētas un "
            "ražotas elektroierīces.",
            "The European Union's new ecodesign rules will change how electrical appliances are "
            "designed and made.",
            "I nuovi requisiti europei di progettazione ecocompatibile cambieranno il modo in cui "
            "si "
            "progettano e si producono gli apparecchi elettrici.",
        ),
    ),
    (
        (
            "Klasterim pievienojas jauni biedri",
            "New members join the cluster",
            "Nuovi membri entrano nel cluster",
        ),
        (
            "Šajā ceturksnī klasterim pievienojās vairāki uzņēmumi, kas ražo sensorus un vadības "
            "sistēmas.",
            "Several companies that make sensors and control systems joined the cluster this "
            "quarter.",
            "In questo trimestre sono entrate nel cluster diverse imprese che producono sensori e "
            "sistemi di controllo.",
        ),
    ),
    (
        (
            "Inovāciju balva elektronikas nozarē",
            "Innovation award in the electronics sector",
            "Premio per l'innovazione nel settore elettronico",
        ),
        (
            "Klasteris pasniedza ikgadējo inovāciju balvu uzņēmumiem, kas ieviesuši jaunus "
            "produktus.",
            "The cluster presented its annual innovation award to companies that have launched new "
            "products.",
            "Il cluster ha consegnato il premio annuale per l'innovazione alle imprese che hanno "
            "lanciato nuovi prodotti.",
        ),
    ),
]

QUARTERLY_CLUSTER: tuple[Tri, Tri] = (
    (
        "Klastera aktualitātes {q}/{year}",
        "Cluster news {q}/{year}",
        "Notizie dal cluster {q}/{year}",
    ),
    (
        "Šajā pārskatā apkopojam klastera svarīgākos notikumus {year}. gada {q_ord} ceturksnī.",
        "This report sums up the cluster's main events in the {q_ord} quarter of {year}.",
        "Questo resoconto riassume i principali eventi del cluster nel {q_ord} trimestre del "
        "{year}.",
    ),
)
QUARTERLY_PROJECT: tuple[Tri, Tri] = (
    (
        "Projekta {acronym} aktualitātes {q}/{year}",
        "{acronym} project news {q}/{year}",
        "Notizie dal progetto {acronym} {q}/{year}",
    ),
    (
        "Projekta {acronym} komanda apkopo {year}. gada {q_ord} ceturkšņa galvenos darbus un "
        "rezultātus.",
        "The {acronym} team sums up the main work and results of the {q_ord} quarter of {year}.",
        "Il gruppo del progetto {acronym} riassume le principali attività e i risultati del "
        "{q_ord} "
        "trimestre del {year}.",
    ),
)

HEADINGS: list[Tri] = [
    ("Galvenie rezultāti", "Main results", "Risultati principali"),
    ("Ko mēs darījām", "What we did", "Che cosa abbiamo fatto"),
    ("Nākamie soļi", "Next steps", "Prossimi passi"),
    ("Sadarbība ar partneriem", "Working with partners", "La collaborazione con i partner"),
    ("Apmācības un prasmes", "Training and skills", "Formazione e competenze"),
    ("Eksporta iespējas", "Export opportunities", "Opportunità di esportazione"),
    ("Pētniecība un inovācijas", "Research and innovation", "Ricerca e innovazione"),
    ("Ilgtspēja un enerģija", "Sustainability and energy", "Sostenibilità ed energia"),
    (
        "Ko tas nozīmē uzņēmumiem",
        "What it means for companies",
        "Che cosa significa per le imprese",
    ),
    ("Pasākuma programma", "The programme of the event", "Il programma dell'evento"),
    ("Finansējums", "Funding", "Finanziamento"),
    ("Dalībnieku viedokļi", "What participants said", "Le opinioni dei partecipanti"),
    ("Digitālā pārveide", "Digital transformation", "La trasformazione digitale"),
    ("Kā pieteikties", "How to apply", "Come candidarsi"),
]

SENTENCES: list[Tri] = [
    (
        "Projekta {acronym} ietvaros {in_city} tikās {n} uzņēmumu pārstāvji, lai apspriestu "
        "kopīgus "
        "izaicinājumus elektronikas ražošanā.",
        "As part of the {acronym} project, representatives of {n} companies met {in_city} to "
        "discuss "
        "shared challenges in electronics manufacturing.",
        "Nell'ambito del progetto {acronym}, i rappresentanti di {n} imprese si sono incontrati "
        "{in_city} per discutere le sfide comuni della produzione elettronica.",
    ),
    (
        "Klastera biedri uzsvēra, ka kvalificētu inženieru trūkums joprojām ir lielākais šķērslis "
        "nozares izaugsmei.",
        "Cluster members stressed that the shortage of qualified engineers is still the biggest "
        "obstacle to the sector's growth.",
        "I membri del cluster hanno sottolineato che la carenza di ingegneri qualificati è ancora "
        "il "
        "principale ostacolo alla crescita del settore.",
    ),
    (
        "Mūsu partneri no {partner} dalījās pieredzē par to, kā mazie uzņēmumi var ieviest "
        "automatizētu kvalitātes kontroli.",
        "Our partners from {partner} shared their experience of how small companies can introduce "
        "automated quality control.",
        "I nostri partner di {partner} hanno condiviso la loro esperienza su come le piccole "
        "imprese "
        "possano introdurre il controllo qualità automatizzato.",
    ),
    (
        "Darba grupa vienojās par kopīgu ceļa karti, kas paredz ciešāku sadarbību ar universitātēm "
        "un "
        "profesionālajām skolām.",
        "The working group agreed on a joint roadmap that foresees closer cooperation with "
        "universities and vocational schools.",
        "Il gruppo di lavoro ha concordato una tabella di marcia comune che prevede una "
        "collaborazione più stretta con università e scuole professionali.",
    ),
    (
        "Ražotāji arvien biežāk meklē iespējas samazināt enerģijas patēriņu un pāriet uz "
        "atjaunojamiem energoresursiem.",
        "Manufacturers are increasingly looking for ways to cut energy use and switch to renewable "
        "energy sources.",
        "I produttori cercano sempre più spesso modi per ridurre il consumo di energia e passare "
        "alle fonti rinnovabili.",
    ),
    (
        "Pēc diskusijām dalībnieki apmeklēja ražotni un iepazinās ar jaunu iespiedshēmu plašu "
        "montāžas līniju.",
        "After the discussions, participants visited a factory and saw a new assembly line for "
        "printed circuit boards.",
        "Dopo le discussioni, i partecipanti hanno visitato uno stabilimento e hanno visto una "
        "nuova "
        "linea di assemblaggio di circuiti stampati.",
    ),
    (
        "Eiropas Savienības finansējums ļauj uzņēmumiem piedalīties starptautiskās izstādēs, kas "
        "citādi būtu pārāk dārgas.",
        "European Union funding allows companies to take part in international trade fairs that "
        "would otherwise be too expensive.",
        "Il finanziamento dell'Unione europea permette alle imprese di partecipare a fiere "
        "internazionali che altrimenti sarebbero troppo costose.",
    ),
    (
        "Šogad īpašu uzmanību pievēršam digitālajām prasmēm un kiberdrošībai ražošanas uzņēmumos.",
        "This year we are paying particular attention to digital skills and cybersecurity in "
        "manufacturing companies.",
        "Quest'anno dedichiamo particolare attenzione alle competenze digitali e alla sicurezza "
        "informatica nelle imprese manifatturiere.",
    ),
    (
        "Seminārā piedalījās gan pieredzējuši tehniķi, gan studenti, kuri tikai sāk savu karjeru "
        "nozarē.",
        "The seminar brought together experienced technicians and students who are just starting "
        "their careers in the sector.",
        "Al seminario hanno partecipato sia tecnici esperti sia studenti che stanno appena "
        "iniziando la loro carriera nel settore.",
    ),
    (
        "Ķīmijas un materiālzinātnes speciālisti skaidroja, kā jauni lodēšanas materiāli ietekmē "
        "izstrādājumu kalpošanas laiku.",
        "Specialists in chemistry and materials science explained how new soldering materials "
        "affect the lifetime of products.",
        "Gli specialisti di chimica e scienza dei materiali hanno spiegato come i nuovi materiali "
        "per la saldatura influiscano sulla durata dei prodotti.",
    ),
    (
        "Reģionālie uzņēmumi ir ļoti ieinteresēti kopīgos iepirkumos, jo tie palīdz samazināt "
        "izejvielu izmaksas.",
        "Regional companies are very interested in joint purchasing, because it helps to cut the "
        "cost of raw materials.",
        "Le imprese regionali sono molto interessate agli acquisti congiunti, perché aiutano a "
        "ridurre il costo delle materie prime.",
    ),
    (
        "Žūrija novērtēja {n} pieteikumus un izvēlējās trīs idejas, kuras tiks attīstītas līdz "
        "prototipam.",
        "The jury assessed {n} applications and chose three ideas that will be developed into "
        "prototypes.",
        "La giuria ha valutato {n} candidature e ha scelto tre idee che saranno sviluppate fino al "
        "prototipo.",
    ),
    (
        "Klastera stratēģija paredz, ka līdz {year_plus}. gadam eksporta apjoms pieaugs vismaz par "
        "trešdaļu.",
        "The cluster's strategy expects exports to grow by at least a third by {year_plus}.",
        "La strategia del cluster prevede che entro il {year_plus} le esportazioni crescano di "
        "almeno un terzo.",
    ),
    (
        "Dalībnieki atzina, ka šāda veida tikšanās palīdz atrast jaunus sadarbības partnerus ārpus "
        "Latvijas.",
        "Participants agreed that meetings of this kind help them find new partners outside "
        "Latvia.",
        "I partecipanti hanno riconosciuto che incontri di questo tipo aiutano a trovare nuovi "
        "partner al di fuori della Lettonia.",
    ),
    (
        "Pilotprojektā tika pārbaudīti sensori, kas reāllaikā mēra temperatūru un mitrumu "
        "ražošanas "
        "telpās.",
        "The pilot tested sensors that measure temperature and humidity in production halls in "
        "real "
        "time.",
        "Il progetto pilota ha testato sensori che misurano in tempo reale la temperatura e "
        "l'umidità nei reparti produttivi.",
    ),
    (
        "Mēs pateicamies visiem, kas atsaucās aicinājumam un dalījās ar savām idejām.",
        "We thank everyone who answered the call and shared their ideas.",
        "Ringraziamo tutti coloro che hanno risposto all'invito e hanno condiviso le loro idee.",
    ),
    (
        "Nākamajā ceturksnī plānojam organizēt praktiskas darbnīcas par elektromobilitātes "
        "komponentu ražošanu.",
        "Next quarter we plan to run hands-on workshops on the production of components for "
        "electric mobility.",
        "Nel prossimo trimestre intendiamo organizzare laboratori pratici sulla produzione di "
        "componenti per la mobilità elettrica.",
    ),
    (
        "Uzņēmumu vadītāji norādīja, ka piegādes ķēžu traucējumi joprojām ietekmē čipu un pasīvo "
        "komponentu pieejamību.",
        "Company managers pointed out that supply chain disruptions still affect the availability "
        "of chips and passive components.",
        "I dirigenti delle imprese hanno fatto notare che le interruzioni delle catene di "
        "approvvigionamento incidono ancora sulla disponibilità di chip e componenti passivi.",
    ),
    (
        "Diskusijā par aprites ekonomiku tika apspriests, kā atkārtoti izmantot elektronikas "
        "atkritumos esošos metālus.",
        "A discussion on the circular economy looked at how to reuse the metals found in "
        "electronic "
        "waste.",
        "Durante la discussione sull'economia circolare si è parlato di come riutilizzare i "
        "metalli "
        "presenti nei rifiuti elettronici.",
    ),
    (
        "Projekta komanda sagatavoja rokasgrāmatu, kas soli pa solim apraksta jauna produkta "
        "sertifikācijas procesu.",
        "The project team prepared a handbook that describes, step by step, how to certify a new "
        "product.",
        "Il gruppo di progetto ha preparato un manuale che descrive passo dopo passo il processo "
        "di "
        "certificazione di un nuovo prodotto.",
    ),
    (
        "Vairāki klastera uzņēmumi jau ir noslēguši līgumus ar jauniem klientiem Ziemeļvalstīs un "
        "Vācijā.",
        "Several cluster companies have already signed contracts with new customers in the Nordic "
        "countries and Germany.",
        "Diverse imprese del cluster hanno già firmato contratti con nuovi clienti nei paesi "
        "nordici e in Germania.",
    ),
    (
        "Tirdzniecības misijas laikā {in_city} notika vairāk nekā {n} divpusējas sarunas.",
        "During the trade mission {in_city}, more than {n} one-to-one meetings took place.",
        "Durante la missione commerciale {in_city} si sono svolti più di {n} incontri bilaterali.",
    ),
    (
        "Pētnieki no universitātes demonstrēja jaunu mērījumu metodi, kas ļauj ātrāk atklāt "
        "lodējumu defektus.",
        "Researchers from the university demonstrated a new measuring method that finds soldering "
        "defects faster.",
        "I ricercatori dell'università hanno presentato un nuovo metodo di misura che permette di "
        "individuare più rapidamente i difetti di saldatura.",
    ),
    (
        "Ņemot vērā lielo interesi, mācību kursu atkārtosim arī rudenī.",
        "Given the strong interest, we will run the course again in the autumn.",
        "Visto il grande interesse, ripeteremo il corso anche in autunno.",
    ),
    (
        "Ģenerālā asambleja apstiprināja darba plānu un ievēlēja jaunu valdi uz diviem gadiem.",
        "The general assembly approved the work plan and elected a new board for two years.",
        "L'assemblea generale ha approvato il piano di lavoro e ha eletto un nuovo consiglio "
        "direttivo per due anni.",
    ),
    (
        "Mazajiem un vidējiem uzņēmumiem ir svarīgi saņemt konsultācijas par intelektuālā īpašuma "
        "aizsardzību.",
        "Small and medium-sized companies need advice on protecting their intellectual property.",
        "Per le piccole e medie imprese è importante ricevere consulenza sulla tutela della "
        "proprietà intellettuale.",
    ),
    (
        "Projekta partneri kopīgi izstrādāja mācību moduli par viedo ražošanu, kas būs pieejams "
        "tiešsaistē.",
        "The project partners jointly developed a training module on smart manufacturing that will "
        "be available online.",
        "I partner del progetto hanno sviluppato insieme un modulo formativo sulla produzione "
        "intelligente che sarà disponibile online.",
    ),
    (
        "Uzņēmumi, kas piedalījās programmā, vidēji par piektdaļu samazināja brāķa īpatsvaru.",
        "The companies that took part in the programme cut their share of rejects by a fifth on "
        "average.",
        "Le imprese che hanno partecipato al programma hanno ridotto in media di un quinto la "
        "quota "
        "di scarti.",
    ),
    (
        "Šī ir laba iespēja parādīt Latvijas inženieru sasniegumus starptautiskai auditorijai.",
        "This is a good opportunity to show the achievements of Latvian engineers to an "
        "international audience.",
        "È una buona occasione per mostrare a un pubblico internazionale i risultati degli "
        "ingegneri lettoni.",
    ),
    (
        "Pasākumu atklāja klastera vadītājs, kurš atgādināja par kopīgi paveikto kopš klastera "
        "dibināšanas.",
        "The cluster manager opened the event and recalled what had been achieved together since "
        "the cluster was founded.",
        "L'evento è stato aperto dal responsabile del cluster, che ha ricordato ciò che è stato "
        "realizzato insieme dalla fondazione del cluster.",
    ),
    (
        "Dalībniekiem bija iespēja izmēģināt mērīšanas iekārtas un uzdot jautājumus ražotāju "
        "pārstāvjiem.",
        "Participants could try out measuring equipment and put questions to the manufacturers' "
        "representatives.",
        "I partecipanti hanno potuto provare gli strumenti di misura e fare domande ai "
        "rappresentanti dei produttori.",
    ),
    (
        "Kopš projekta sākuma apmācības ir pabeiguši {n} darbinieki no klastera uzņēmumiem.",
        "Since the project began, {n} employees of cluster companies have completed the training.",
        "Dall'inizio del progetto, {n} dipendenti delle imprese del cluster hanno completato la "
        "formazione.",
    ),
    (
        "Mēs turpināsim informēt biedrus par jauniem atklātiem konkursiem un finansējuma iespējām.",
        "We will keep members informed about new open calls and funding opportunities.",
        "Continueremo a informare i soci sui nuovi bandi aperti e sulle opportunità di "
        "finanziamento.",
    ),
    (
        "Klastera dalībnieku kopējais apgrozījums pagājušajā gadā pārsniedza iepriekšējo rekordu.",
        "The combined turnover of the cluster's members exceeded the previous record last year.",
        "L'anno scorso il fatturato complessivo dei membri del cluster ha superato il record "
        "precedente.",
    ),
    (
        "Sarunās ar ministriju uzsvērām, cik svarīga ir stabila un prognozējama atbalsta politika.",
        "In talks with the ministry we stressed how important a stable and predictable support "
        "policy is.",
        "Nei colloqui con il ministero abbiamo sottolineato quanto sia importante una politica di "
        "sostegno stabile e prevedibile.",
    ),
    (
        "Žurnālisti interesējās par to, kā vietējie ražotāji pielāgojas jaunajām ekodizaina "
        "prasībām.",
        "Journalists asked how local manufacturers are adapting to the new ecodesign requirements.",
        "I giornalisti hanno chiesto come i produttori locali si stiano adeguando ai nuovi "
        "requisiti di progettazione ecocompatibile.",
    ),
    (
        "Uzņēmumu pieredze rāda, ka ieguldījumi automatizācijā atmaksājas jau pēc dažiem gadiem.",
        "Companies' experience shows that investment in automation pays off within a few years.",
        "L'esperienza delle imprese dimostra che gli investimenti nell'automazione si ripagano in "
        "pochi anni.",
    ),
    (
        "Darbnīcā tika apspriesti arī jautājumi par darba drošību un ergonomiku montāžas cehos.",
        "The workshop also covered safety at work and ergonomics in assembly shops.",
        "Nel laboratorio si è parlato anche di sicurezza sul lavoro e di ergonomia nei reparti di "
        "montaggio.",
    ),
    (
        "Sadarbībā ar {partner} sagatavojām kopīgu pieteikumu jaunam starptautiskam projektam.",
        "Together with {partner} we prepared a joint application for a new international project.",
        "Insieme a {partner} abbiamo preparato una candidatura comune per un nuovo progetto "
        "internazionale.",
    ),
    (
        "Pētījuma rezultāti liecina, ka pieprasījums pēc jaudas elektronikas tuvākajos gados "
        "strauji "
        "augs.",
        "The study's results suggest that demand for power electronics will grow quickly in the "
        "coming years.",
        "I risultati dello studio indicano che la domanda di elettronica di potenza crescerà "
        "rapidamente nei prossimi anni.",
    ),
    (
        "Ikviens klastera biedrs var pieteikties dalībai, aizpildot īsu anketu.",
        "Any cluster member can apply to take part by filling in a short form.",
        "Ogni membro del cluster può candidarsi compilando un breve modulo.",
    ),
    (
        "Diskusijas noslēgumā dalībnieki vienojās tikties vēlreiz pēc pusgada, lai izvērtētu "
        "paveikto.",
        "At the end of the discussion, participants agreed to meet again in six months to review "
        "progress.",
        "Al termine della discussione, i partecipanti hanno deciso di incontrarsi di nuovo tra sei "
        "mesi per fare il punto.",
    ),
    (
        "Tikšanās notika pirmdien, un tajā piedalījās arī pašvaldības pārstāvji.",
        "The meeting took place on Monday and was also attended by representatives of the "
        "municipality.",
        "L'incontro si è svolto lunedì e vi hanno partecipato anche i rappresentanti del comune.",
    ),
    (
        "Tādējādi uzņēmumi var ātrāk pārbaudīt jaunas idejas, neieguldot lielus līdzekļus "
        "iekārtās.",
        "This way companies can test new ideas more quickly without investing heavily in "
        "equipment.",
        "Così le imprese possono verificare più rapidamente nuove idee senza investire grandi "
        "somme "
        "in attrezzature.",
    ),
    (
        "Tomēr daudziem uzņēmumiem joprojām trūkst laika un cilvēku, lai pilnībā izmantotu šīs "
        "iespējas.",
        "However, many companies still lack the time and people to make full use of these "
        "opportunities.",
        "Però molte imprese non hanno ancora il tempo e le persone per sfruttare appieno queste "
        "opportunità.",
    ),
    (
        "Konkursā piedalījās četras komandas no dažādām Latvijas augstskolām.",
        "Four teams from different Latvian universities took part in the competition.",
        "Al concorso hanno partecipato quattro squadre di diverse università lettoni.",
    ),
    (
        "Projekts „{ptitle}” ({acronym}) tiek īstenots ar Eiropas Savienības atbalstu.",
        "The project “{ptitle}” ({acronym}) is carried out with support from the European Union.",
        "Il progetto «{ptitle}» ({acronym}) è realizzato con il sostegno dell'Unione europea.",
    ),
    (
        "Čehijas un Slovākijas kolēģi piedāvāja kopīgi rīkot nākamo pieredzes apmaiņas braucienu.",
        "Colleagues from Czechia and Slovakia offered to organise the next study visit together.",
        "I colleghi della Cechia e della Slovacchia hanno proposto di organizzare insieme la "
        "prossima visita di studio.",
    ),
    (
        "Viens no uzņēmumiem pastāstīja, kā pēc pārejas uz bezsvina lodēšanu samazinājās defektu "
        "skaits.",
        "One company explained how the number of defects fell after it switched to lead-free "
        "soldering.",
        "Un'impresa ha raccontato come il numero di difetti sia diminuito dopo il passaggio alla "
        "saldatura senza piombo.",
    ),
    (
        "Mūsu mērķis ir, lai katrs klastera uzņēmums zinātu, kur meklēt atbalstu jaunu produktu "
        "izstrādei.",
        "Our goal is for every cluster company to know where to look for support when developing "
        "new products.",
        "Il nostro obiettivo è che ogni impresa del cluster sappia dove cercare sostegno per "
        "sviluppare nuovi prodotti.",
    ),
    (
        "Prezentācijas un materiāli ir pieejami klastera biedriem pēc pieprasījuma.",
        "The presentations and materials are available to cluster members on request.",
        "Le presentazioni e i materiali sono a disposizione dei membri del cluster su richiesta.",
    ),
]

BULLET_INTROS: list[Tri] = [
    ("Galvenās tēmas bija šādas:", "The main topics were:", "I temi principali sono stati:"),
    (
        "Dalībnieki īpaši izcēla šīs jomas:",
        "Participants singled out these areas:",
        "I partecipanti hanno messo in evidenza questi ambiti:",
    ),
    (
        "Projekta darba plānā ietilpst:",
        "The project's work plan covers:",
        "Il piano di lavoro del progetto comprende:",
    ),
    (
        "Nākamajos mēnešos strādāsim pie šādiem jautājumiem:",
        "In the coming months we will work on:",
        "Nei prossimi mesi lavoreremo su:",
    ),
]

BULLETS: list[Tri] = [
    (
        "ražošanas procesu automatizācija",
        "automation of production processes",
        "automazione dei processi produttivi",
    ),
    (
        "kvalitātes kontrole un testēšana",
        "quality control and testing",
        "controllo qualità e collaudo",
    ),
    (
        "jaunu eksporta tirgu izpēte",
        "research into new export markets",
        "studio di nuovi mercati di esportazione",
    ),
    (
        "darbinieku apmācība un kvalifikācijas celšana",
        "staff training and upskilling",
        "formazione e aggiornamento del personale",
    ),
    (
        "energoefektivitāte ražotnēs",
        "energy efficiency in factories",
        "efficienza energetica negli stabilimenti",
    ),
    (
        "sadarbība ar augstskolām",
        "cooperation with universities",
        "collaborazione con le università",
    ),
    (
        "kopīga dalība starptautiskās izstādēs",
        "joint participation in international trade fairs",
        "partecipazione comune a fiere internazionali",
    ),
    (
        "elektronikas atkritumu pārstrāde",
        "recycling of electronic waste",
        "riciclo dei rifiuti elettronici",
    ),
    (
        "produktu sertifikācija un CE marķējums",
        "product certification and CE marking",
        "certificazione dei prodotti e marcatura CE",
    ),
    (
        "digitālo dvīņu izmantošana ražošanā",
        "using digital twins in production",
        "uso dei gemelli digitali nella produzione",
    ),
    (
        "kiberdrošība rūpnieciskajās sistēmās",
        "cybersecurity in industrial systems",
        "sicurezza informatica nei sistemi industriali",
    ),
    (
        "jaunu produktu prototipēšana",
        "prototyping new products",
        "prototipazione di nuovi prodotti",
    ),
    (
        "piegādes ķēžu noturība",
        "resilient supply chains",
        "resilienza delle catene di approvvigionamento",
    ),
    (
        "intelektuālā īpašuma aizsardzība",
        "protecting intellectual property",
        "tutela della proprietà intellettuale",
    ),
    (
        "jauniešu piesaiste inženierzinātnēm",
        "attracting young people to engineering",
        "avvicinare i giovani all'ingegneria",
    ),
    ("mērījumu precizitātes uzlabošana", "more accurate measurements", "misure più precise"),
    (
        "ūdens un ķimikāliju patēriņa samazināšana",
        "using less water and fewer chemicals",
        "minore consumo di acqua e di sostanze chimiche",
    ),
    (
        "viedie sensori lauksaimniecībai",
        "smart sensors for agriculture",
        "sensori intelligenti per l'agricoltura",
    ),
    (
        "elektromobilitātes komponenti",
        "components for electric mobility",
        "componenti per la mobilità elettrica",
    ),
    ("atvērto datu izmantošana", "making use of open data", "utilizzo dei dati aperti"),
]

EXTERNAL_LINKS: list[Tri] = [
    (
        "Vairāk par programmu var uzzināt [Eiropas Komisijas tīmekļa vietnē]"
        "(https://commission.europa.eu/funding-tenders_en).",
        "You can read more about the programme [on the European Commission's website]"
        "(https://commission.europa.eu/funding-tenders_en).",
        "Maggiori informazioni sul programma sono disponibili [sul sito della Commissione europea]"
        "(https://commission.europa.eu/funding-tenders_en).",
    ),
    (
        "Konkursu nolikumi ir publicēti [Centrālās finanšu un līgumu aģentūras lapā]"
        "(https://www.cfla.gov.lv/).",
        "The rules of the calls are published [on the Central Finance and Contracting Agency's "
        "site](https://www.cfla.gov.lv/).",
        "I regolamenti dei bandi sono pubblicati [sul sito dell'Agenzia centrale per le finanze e "
        "i "
        "contratti](https://www.cfla.gov.lv/).",
    ),
    (
        "Informāciju par klasteru sadarbību Eiropā apkopo [European Cluster Collaboration Platform]"
        "(https://www.clustercollaboration.eu/).",
        "Information on cluster cooperation in Europe is collected by the [European Cluster "
        "Collaboration Platform](https://www.clustercollaboration.eu/).",
        "Le informazioni sulla cooperazione tra cluster in Europa sono raccolte dalla [European "
        "Cluster Collaboration Platform](https://www.clustercollaboration.eu/).",
    ),
]

PREVIOUS_POST_LINK: Tri = (
    "Par iepriekšējo posmu rakstījām ziņā [„{prev_title}”]({prev_href}).",
    "We wrote about the previous stage in [“{prev_title}”]({prev_href}).",
    "Abbiamo parlato della fase precedente nell'articolo [«{prev_title}»]({prev_href}).",
)
ABOUT_LINK: Tri = (
    "Vairāk par klasteri un tā biedriem lasiet sadaļā [Par mums](../../about.md).",
    "Read more about the cluster and its members on the [About](../../about.md) page.",
    "Per saperne di più sul cluster e sui suoi membri leggete la pagina [Chi siamo]"
    "(../../about.md).",
)

CLOSINGS: list[Tri] = [
    (
        "Sekojiet līdzi jaunumiem mūsu mājaslapā un sociālajos tīklos.",
        "Follow our news on this site and on social media.",
        "Seguite le nostre notizie su questo sito e sui social network.",
    ),
    (
        "Jautājumus par projektu lūdzam sūtīt klastera birojam.",
        "Please send questions about the project to the cluster office.",
        "Vi preghiamo di inviare le domande sul progetto all'ufficio del cluster.",
    ),
    (
        "Paldies visiem dalībniekiem par aktīvu līdzdalību!",
        "Thank you to all participants for taking such an active part!",
        "Grazie a tutti i partecipanti per la partecipazione attiva!",
    ),
    (
        "Nākamā tikšanās notiks pēc dažiem mēnešiem, un par to paziņosim savlaicīgi.",
        "The next meeting will take place in a few months, and we will announce it in good time.",
        "Il prossimo incontro si terrà tra qualche mese e lo annunceremo per tempo.",
    ),
    (
        "Projekts tiek īstenots ar Eiropas Savienības finansiālu atbalstu.",
        "The project is carried out with financial support from the European Union.",
        "Il progetto è realizzato con il sostegno finanziario dell'Unione europea.",
    ),
]

# --------------------------------------------------------------------------------------------
# Projects
# --------------------------------------------------------------------------------------------

# acronym, title, fund, programme
PROJECT_SEEDS: list[tuple[str, Tri, str, str]] = [
    (
        "ELINNO",
        (
            "Elektronikas inovāciju tīkls",
            "Electronics Innovation Network",
            "Rete per l'innovazione elettronica",
        ),
        "ERDF",
        "Growth and Employment 2014–2020",
    ),
    (
        "SMARTFAB",
        (
            "Viedā ražošana mazajiem uzņēmumiem",
            "Smart manufacturing for small firms",
            "Produzione intelligente per le piccole imprese",
        ),
        "ERDF",
        "Growth and Employment 2014–2020",
    ),
    (
        "GREENPCB",
        ("Zaļās iespiedshēmu plates", "Green printed circuit boards", "Circuiti stampati verdi"),
        "HORIZON",
        "Horizon 2020",
    ),
    (
        "SKILLS4E",
        (
            "Prasmes elektronikas nozarei",
            "Skills for the electronics sector",
            "Competenze per il settore elettronico",
        ),
        "ESF",
        "Growth and Employment 2014–2020",
    ),
    (
        "BALTSENSE",
        ("Baltijas sensoru klasteris", "Baltic Sensor Cluster", "Cluster baltico dei sensori"),
        "INTERREG",
        "Interreg Baltic Sea Region",
    ),
    (
        "EXPORTLV",
        (
            "Eksporta veicināšana elektronikas uzņēmumiem",
            "Export promotion for electronics companies",
            "Promozione dell'export per le imprese elettroniche",
        ),
        "ERDF",
        "EU Funds for Latvia 2021–2027",
    ),
    (
        "CLUSINT",
        (
            "Klasteru internacionalizācija",
            "Cluster internationalisation",
            "Internazionalizzazione dei cluster",
        ),
        "COSME",
        "COSME",
    ),
    (
        "CIRCUELEC",
        (
            "Aprites ekonomika elektronikā",
            "Circular economy in electronics",
            "Economia circolare nell'elettronica",
        ),
        "HORIZON",
        "Horizon Europe",
    ),
    (
        "EMOBIL",
        (
            "Elektromobilitātes komponenti",
            "Components for electric mobility",
            "Componenti per la mobilità elettrica",
        ),
        "INTERREG",
        "Interreg Central Baltic",
    ),
    (
        "ENERGYLAB",
        (
            "Energoefektivitātes laboratorija",
            "Energy efficiency lab",
            "Laboratorio per l'efficienza energetica",
        ),
        "CF",
        "Growth and Employment 2014–2020",
    ),
    (
        "CYBERIND",
        (
            "Kiberdrošība rūpniecībā",
            "Cybersecurity in industry",
            "Sicurezza informatica nell'industria",
        ),
        "HORIZON",
        "Horizon Europe",
    ),
    (
        "PHOTONIX",
        (
            "Fotonikas pielietojumi ražošanā",
            "Photonics in manufacturing",
            "Fotonica per la produzione",
        ),
        "ERDF",
        "EU Funds for Latvia 2021–2027",
    ),
    (
        "DIGITWIN",
        (
            "Digitālie dvīņi ražotnēm",
            "Digital twins for factories",
            "Gemelli digitali per le fabbriche",
        ),
        "COSME",
        "COSME",
    ),
    (
        "YOUNGENG",
        ("Jaunie inženieri", "Young engineers", "Giovani ingegneri"),
        "ESF",
        "EU Funds for Latvia 2021–2027",
    ),
    (
        "WATERSAFE",
        (
            "Ūdens taupīšana ražošanā",
            "Saving water in production",
            "Risparmio idrico nella produzione",
        ),
        "CF",
        "EU Funds for Latvia 2021–2027",
    ),
    (
        "AGRISENS",
        (
            "Viedie sensori lauksaimniecībai",
            "Smart sensors for agriculture",
            "Sensori intelligenti per l'agricoltura",
        ),
        "INTERREG",
        "Interreg Latvia–Lithuania",
    ),
    (
        "SUPPLYRES",
        (
            "Noturīgas piegādes ķēdes",
            "Resilient supply chains",
            "Catene di approvvigionamento resilienti",
        ),
        "COSME",
        "Single Market Programme",
    ),
    (
        "POWERLV",
        (
            "Jaudas elektronikas kompetences centrs",
            "Power electronics competence centre",
            "Centro di competenza per l'elettronica di potenza",
        ),
        "ERDF",
        "Growth and Employment 2014–2020",
    ),
    (
        "ECODESIGN",
        (
            "Ekodizains elektroiekārtām",
            "Ecodesign for electrical equipment",
            "Progettazione ecocompatibile delle apparecchiature elettriche",
        ),
        "HORIZON",
        "Horizon Europe",
    ),
    (
        "DIGISKILL",
        (
            "Digitālās prasmes darbiniekiem",
            "Digital skills for employees",
            "Competenze digitali per i dipendenti",
        ),
        "ESF",
        "Growth and Employment 2014–2020",
    ),
]

# EU share of the total cost per fund, in per mille.
EU_RATE_PER_MILLE = {
    "ERDF": 850,
    "ESF": 850,
    "CF": 850,
    "COSME": 750,
    "HORIZON": 1000,
    "INTERREG": 800,
}

BENEFICIARIES = (
    "LETERA",
    "LETERA",
    "LETERA",
    "Rīgas Tehniskā universitāte",
    "Ventspils Augsttehnoloģiju parks",
)

PARTNERS: list[tuple[str, str]] = [
    ("Functional Print Cluster", "ES"),
    ("Silicon Saxony", "DE"),
    ("Lombardy Energy Cleantech Cluster", "IT"),
    ("Clust-ER Meccatronica e Motoristica", "IT"),
    ("Tallinna Tehnikaülikool", "EE"),
    ("Kauno technologijos universitetas", "LT"),
    ("Rīgas Tehniskā universitāte", "LV"),
    ("Ventspils Augsttehnoloģiju parks", "LV"),
    ("Oulu Innovation Alliance", "FI"),
    ("Klaster Mechatroniki Polska", "PL"),
    ("Electronics Sweden", "SE"),
    ("Norsk Elektronikkforum", "NO"),
    ("Danish Sound Cluster", "DK"),
    ("Minalogic", "FR"),
    ("Mesap Piemonte", "IT"),
    ("Eesti Elektroonikatööstuse Liit", "EE"),
]

OBJECTIVES: list[Tri] = [
    (
        "Izveidot kopīgu testēšanas laboratoriju klastera uzņēmumiem",
        "Set up a shared testing laboratory for cluster companies",
        "Creare un laboratorio di prova condiviso per le imprese del cluster",
    ),
    (
        "Apmācīt vismaz 200 darbiniekus digitālajās prasmēs",
        "Train at least 200 employees in digital skills",
        "Formare almeno 200 dipendenti nelle competenze digitali",
    ),
    (
        "Palīdzēt uzņēmumiem ieiet jaunos eksporta tirgos",
        "Help companies enter new export markets",
        "Aiutare le imprese a entrare in nuovi mercati di esportazione",
    ),
    (
        "Samazināt ražošanas enerģijas patēriņu par piektdaļu",
        "Cut the energy used in production by a fifth",
        "Ridurre di un quinto l'energia consumata nella produzione",
    ),
    (
        "Izstrādāt ceļa karti aprites ekonomikai elektronikā",
        "Draw up a roadmap for the circular economy in electronics",
        "Elaborare una tabella di marcia per l'economia circolare nell'elettronica",
    ),
    (
        "Stiprināt sadarbību starp uzņēmumiem un augstskolām",
        "Strengthen cooperation between companies and universities",
        "Rafforzare la collaborazione tra imprese e università",
    ),
    (
        "Ieviest automatizētu kvalitātes kontroli mazajās ražotnēs",
        "Introduce automated quality control in small factories",
        "Introdurre il controllo qualità automatizzato nei piccoli stabilimenti",
    ),
    (
        "Sagatavot rokasgrāmatu par produktu sertifikāciju",
        "Prepare a handbook on product certification",
        "Preparare un manuale sulla certificazione dei prodotti",
    ),
    (
        "Piesaistīt jauniešus inženierzinātņu studijām",
        "Attract young people to engineering studies",
        "Avvicinare i giovani agli studi di ingegneria",
    ),
    (
        "Uzlabot ražošanas sistēmu kiberdrošību",
        "Improve the cybersecurity of production systems",
        "Migliorare la sicurezza informatica dei sistemi produttivi",
    ),
    (
        "Izmēģināt viedos sensorus reālos ražošanas apstākļos",
        "Pilot smart sensors in real production conditions",
        "Sperimentare sensori intelligenti in reali condizioni di produzione",
    ),
    (
        "Veidot noturīgākas piegādes ķēdes Baltijas jūras reģionā",
        "Build more resilient supply chains in the Baltic Sea region",
        "Costruire catene di approvvigionamento più resilienti nella regione del Mar Baltico",
    ),
]

PROJECT_SUMMARY: Tri = (
    "Projekts {acronym} apvieno klastera uzņēmumus, pētniekus un ārvalstu partnerus. Tā "
    "galvenais uzdevums: {objective}.",
    "The {acronym} project brings together cluster companies, researchers and partners abroad. "
    "Its main task: {objective}.",
    "Il progetto {acronym} riunisce imprese del cluster, ricercatori e partner esteri. Il suo "
    "compito principale: {objective}.",
)

HOME_PAGE: dict[str, tuple[str, str]] = {
    "lv": (
        "Sākums",
        "# LETERA — elektronikas un elektrotehnikas klasteris\n\n"
        "Latvijas Elektrotehnikas un elektronikas rūpniecības asociācija apvieno ražotājus, "
        "pētniekus un mācību iestādes. Šeit publicējam klastera jaunumus, ceturkšņa pārskatus "
        "un informāciju par Eiropas Savienības fondu projektiem, kuros piedalāmies.\n\n"
        "Mūsu biedri ražo iespiedshēmu plates, sensorus, vadības sistēmas un jaudas "
        "elektroniku, kā arī sniedz inženiertehniskus pakalpojumus.\n",
    ),
    "en": (
        "Home",
        "# LETERA — the electronics and electrical engineering cluster\n\n"
        "The Latvian Electrical and Electronics Industry Association brings together "
        "manufacturers, researchers and schools. Here we publish the cluster's news, quarterly "
        "reports and information about the EU-funded projects we take part in.\n\n"
        "Our members make printed circuit boards, sensors, control systems and power "
        "electronics, and offer engineering services.\n",
    ),
    "it": (
        "Home",
        "# LETERA — il cluster dell'elettronica e dell'elettrotecnica\n\n"
        "L'Associazione lettone dell'industria elettrica ed elettronica riunisce produttori, "
        "ricercatori e scuole. Qui pubblichiamo le notizie del cluster, i resoconti trimestrali "
        "e le informazioni sui progetti finanziati dall'Unione europea a cui partecipiamo.\n\n"
        "I nostri membri producono circuiti stampati, sensori, sistemi di controllo ed "
        "elettronica di potenza, e offrono servizi di ingegneria.\n",
    ),
}

ABOUT_PAGE: dict[str, tuple[str, str]] = {
    "lv": (
        "Par mums",
        "# Par mums\n\n"
        "Klasteris dibināts, lai palīdzētu Latvijas elektronikas uzņēmumiem kopīgi augt, "
        "mācīties un eksportēt. Tajā darbojas ražotāji, augstskolas un pētniecības centri.\n\n"
        "## Ko mēs darām\n\n"
        "- organizējam apmācības un pieredzes apmaiņu;\n"
        "- pārstāvam nozari sarunās ar valsts iestādēm;\n"
        "- īstenojam Eiropas Savienības fondu projektus;\n"
        "- palīdzam atrast partnerus ārzemēs.\n\n"
        "## Kontakti\n\n"
        "Klastera birojs atrodas Rīgā. Ģenerālsekretārs atbild uz jautājumiem darba dienās.\n",
    ),
    "en": (
        "About",
        "# About\n\n"
        "The cluster was founded to help Latvian electronics companies grow, learn and export "
        "together. Its members are manufacturers, universities and research centres.\n\n"
        "## What we do\n\n"
        "- we organise training and study visits;\n"
        "- we speak for the sector in talks with public authorities;\n"
        "- we run EU-funded projects;\n"
        "- we help members find partners abroad.\n\n"
        "## Contact\n\n"
        "The cluster office is in Riga. The secretary general answers questions on working "
        "days.\n",
    ),
    "it": (
        "Chi siamo",
        "# Chi siamo\n\n"
        "Il cluster è nato per aiutare le imprese elettroniche lettoni a crescere, imparare ed "
        "esportare insieme. Ne fanno parte produttori, università e centri di ricerca.\n\n"
        "## Che cosa facciamo\n\n"
        "- organizziamo formazione e visite di studio;\n"
        "- rappresentiamo il settore nei rapporti con le autorità pubbliche;\n"
        "- realizziamo progetti finanziati dall'Unione europea;\n"
        "- aiutiamo i soci a trovare partner all'estero.\n\n"
        "## Contatti\n\n"
        "L'ufficio del cluster si trova a Riga. Il segretario generale risponde alle domande "
        "dal lunedì al venerdì.\n",
    ),
}


def slugify(title: str) -> str:
    """An ASCII slug, made as `clustersite new post` makes it.

    >>> slugify("Klastera aktualitātes 2/2020")
    'klastera-aktualitates-2-2020'
    >>> slugify("Darbnīca par piegādes ķēžu noturību")
    'darbnica-par-piegades-kezu-noturibu'
    """
    return slugs.slugify(title, fallback="zina")


def yaml_scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when that reads back unchanged, else double-quoted.

    >>> yaml_scalar("Klastera aktualitātes 2/2020"), yaml_scalar("ELINNO: partner meeting")
    ('Klastera aktualitātes 2/2020', '"ELINNO: partner meeting"')
    >>> yaml_scalar("NO")
    '"NO"'
    """
    try:
        plain_ok = yaml.safe_load(f"key: {text}\n") == {"key": text}
    except yaml.YAMLError:
        plain_ok = False
    return text if plain_ok else json.dumps(text, ensure_ascii=False)


def word_count(markdown: str) -> int:
    """Words as an editor counts them: whitespace-separated tokens of the body."""
    return len(markdown.split())


# --------------------------------------------------------------------------------------------
# The model of the synthetic site
# --------------------------------------------------------------------------------------------


@dataclass
class SyntheticProject:
    slug: str
    acronym: str
    title: Tri
    fund: str
    programme: str
    start: dt.date
    end: dt.date
    partners: list[tuple[str, str]]

    def active_around(self, day: dt.date) -> bool:
        margin = dt.timedelta(days=180)
        return self.start - margin <= day <= self.end + margin


@dataclass
class SyntheticPost:
    date: dt.date
    kind: str
    title: Tri
    lead: Tri
    projects: list[SyntheticProject]
    author: str
    context: dict[str, dict[str, str]] = field(default_factory=dict)  # per language
    slug: str = ""
    body: dict[str, str] = field(default_factory=dict)

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def path(self) -> str:
        return f"news/{self.year}/{self.slug}.md"


def fill(tri: Tri, lang: str, context: dict[str, dict[str, str]]) -> str:
    return tri[LANGS.index(lang)].format(**context[lang])


def quarter_end(year: int, quarter: int) -> dt.date:
    month = quarter * 3
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    return next_month - dt.timedelta(days=1)


def last_day_of_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1) - dt.timedelta(days=1)


def make_projects(rng: random.Random) -> list[SyntheticProject]:
    projects = []
    for index, (acronym, title, fund, programme) in enumerate(PROJECT_SEEDS):
        year = 2016 + (index * 8) // len(PROJECT_SEEDS)  # 2016 .. 2023, two or three a year
        start = dt.date(year, rng.randrange(1, 13), 1)
        months = rng.choice((12, 18, 24, 30, 36, 48))
        month_index = start.month - 1 + months
        end = dt.date(start.year + month_index // 12, month_index % 12 + 1, 1) - dt.timedelta(
            days=1
        )
        partners = rng.sample(PARTNERS, rng.randint(2, 5))
        projects.append(
            SyntheticProject(acronym.lower(), acronym, title, fund, programme, start, end, partners)
        )
    # On the benchmark's build date (SOURCE_DATE_EPOCH, 2025-01-01) two projects are still
    # running and one has not started, so every project status appears.
    projects[-3].start, projects[-3].end = dt.date(2023, 4, 1), dt.date(2026, 3, 31)
    projects[-2].start, projects[-2].end = dt.date(2023, 9, 1), dt.date(2025, 8, 31)
    projects[-1].start, projects[-1].end = dt.date(2025, 3, 1), dt.date(2027, 2, 28)
    return projects


def project_number(project: SyntheticProject, index: int, rng: random.Random) -> str:
    yy = project.start.year % 100
    return {
        "ERDF": f"1.2.1.1/{yy}/A/{index + 1:03d}",
        "ESF": f"8.4.1.0/{yy}/I/{index + 1:03d}",
        "CF": f"4.2.1.1/{yy}/A/{index + 1:03d}",
        "COSME": f"COS-CLUSINT-{project.start.year}-3-{index + 1:02d}",
        "HORIZON": f"101{rng.randrange(10**5, 10**6)}",
        "INTERREG": f"#C{rng.randrange(100, 1000)}",
    }[project.fund]


def money(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def project_yaml(project: SyntheticProject, index: int, rng: random.Random) -> str:
    total = rng.randrange(80_000_00, 3_500_000_00)
    eu = (total * EU_RATE_PER_MILLE[project.fund] + 500) // 1000
    cofinancing = total - eu
    objectives = rng.sample(range(len(OBJECTIVES)), 3)
    lines = [
        f"number: {json.dumps(project_number(project, index, rng))}",
        f"acronym: {project.acronym}",
        "title:",
    ]
    order = ("lv", "it", "en")  # the order of the project file format's examples
    lines += [f"  {lang}: {yaml_scalar(project.title[LANGS.index(lang)])}" for lang in order]
    lines.append("summary:")
    for lang in order:
        objective = OBJECTIVES[objectives[0]][LANGS.index(lang)]
        objective = objective[0].lower() + objective[1:]
        text = PROJECT_SUMMARY[LANGS.index(lang)].format(
            acronym=project.acronym, objective=objective
        )
        lines.append(f"  {lang}: {yaml_scalar(text)}")
    lines += [
        f"beneficiary: {yaml_scalar(rng.choice(BENEFICIARIES))}",
        f"programme: {yaml_scalar(project.programme)}",
        f"fund: {project.fund}",
        f"start: {project.start.isoformat()}",
    ]
    month_index = (
        (project.end.year - project.start.year) * 12 + project.end.month - project.start.month + 1
    )
    if index % 2 == 0 and project.end == last_day_of_month(project.end) and project.start.day == 1:
        lines.append(f"months: {month_index}")
    else:
        lines.append(f"end: {project.end.isoformat()}")
    lines += [
        "budget:",
        "  currency: EUR",
        f"  total: {money(total)}",
        f"  eu: {money(eu)}",
        f"  cofinancing: {money(cofinancing)}",
        "partners:",
    ]
    for name, country in project.partners:
        lines.append(f"  - name: {yaml_scalar(name)}")
        lines.append(f"    country: {json.dumps(country)}")  # quoted: NO would read as false
        lines.append(f"    url: https://{slugify(name)}.example/")
    lines.append("objectives:")
    for lang in order:
        lines.append(f"  {lang}:")
        lines += [f"    - {yaml_scalar(OBJECTIVES[i][LANGS.index(lang)])}" for i in objectives]
    return "\n".join(lines) + "\n"


def pick_projects(
    rng: random.Random,
    projects: list[SyntheticProject],
    day: dt.date,
    first: SyntheticProject | None = None,
) -> list[SyntheticProject]:
    """One or two projects that ran around ``day`` (any project if none did)."""
    candidates = [p for p in projects if p.active_around(day) and p is not first] or [
        p for p in projects if p is not first
    ]
    count = rng.choice((1, 1, 2)) if first is None else rng.choice((0, 1))
    chosen = [first] if first is not None else []
    chosen += rng.sample(candidates, min(count, len(candidates)))
    return chosen


def base_context(rng: random.Random, post: SyntheticPost) -> dict[str, dict[str, str]]:
    project = post.projects[0]
    city = rng.choice(CITIES)
    partner = rng.choice(project.partners)[0]
    count = str(rng.choice(COUNTS))
    quarter = (post.date.month - 1) // 3 + 1
    context = {}
    for i, lang in enumerate(LANGS):
        context[lang] = {
            "acronym": project.acronym,
            "ptitle": project.title[i],
            "partner": partner,
            "in_city": city[i],
            "n": count,
            "year": str(post.year),
            "year_plus": str(post.year + 3),
            "q": str(quarter),
            "q_ord": QUARTER_ORDINALS[lang][quarter - 1],
        }
    return context


def plan_posts(
    rng: random.Random, count: int, projects: list[SyntheticProject]
) -> list[SyntheticPost]:
    """Dates, kinds, projects, titles and slugs of ``count`` posts, oldest first."""
    quarters = [(year, q) for year in range(FIRST_DAY.year, LAST_DAY.year + 1) for q in range(1, 5)]
    quarterly_count = round(count / 6)
    news_count = count - quarterly_count
    posts: list[SyntheticPost] = []

    for i in range(quarterly_count):
        if quarterly_count <= len(quarters):
            quarter_index, round_ = i * len(quarters) // quarterly_count, 0
        else:
            quarter_index, round_ = i % len(quarters), i // len(quarters)
        year, quarter = quarters[quarter_index]
        day = quarter_end(year, quarter)
        if round_ == 0:
            chosen = pick_projects(rng, projects, day)
            title, lead = QUARTERLY_CLUSTER
        else:  # more reports than quarters: the projects' own quarterly reports
            lead_project = projects[(quarter_index + round_ - 1) % len(projects)]
            chosen = pick_projects(rng, projects, day, lead_project)
            title, lead = QUARTERLY_PROJECT
        # A site has one quarterly report per quarter and language: a project's own report of
        # the same quarter is an ordinary post.
        kind = "quarterly" if round_ == 0 else "news"
        posts.append(SyntheticPost(day, kind, title, lead, chosen, "LETERA"))

    span = (LAST_DAY - FIRST_DAY).days + 1
    for i in range(news_count):
        offset = i * span // news_count + rng.randrange(max(1, span // news_count))
        day = FIRST_DAY + dt.timedelta(days=min(offset, span - 1))
        title, lead = rng.choice(NEWS_TITLES)
        posts.append(
            SyntheticPost(
                day, "news", title, lead, pick_projects(rng, projects, day), rng.choice(AUTHORS)
            )
        )

    posts.sort(key=lambda post: (post.date, post.kind))  # stable: equal keys keep their order
    used: set[str] = set()
    for post in posts:
        post.context = base_context(rng, post)
        slug = slugify(fill(post.title, "lv", post.context))
        if slug in slugs.RESERVED_SLUGS:
            slug += "-zinas"
        candidate, number = slug, 2
        if candidate in used:  # a title used before: editors add the year, then a number
            slug = candidate = f"{slug}-{post.year}"
        while candidate in used:
            candidate, number = f"{slug}-{number}", number + 1
        used.add(candidate)
        post.slug = candidate
    return posts


# --------------------------------------------------------------------------------------------
# Post bodies
# --------------------------------------------------------------------------------------------

Block = tuple[str, list[Tri]]  # ("p", sentences) | ("h2", [heading]) | ("ul", [intro, *items])


def render_blocks(blocks: list[Block], lang: str, context: dict[str, dict[str, str]]) -> str:
    parts = []
    for kind, items in blocks:
        texts = [fill(item, lang, context) for item in items]
        if kind == "h2":
            parts.append(f"## {texts[0]}")
        elif kind == "ul":
            bullets = "\n".join(f"- {t[0].upper()}{t[1:]}" for t in texts[1:])
            parts.append(f"{texts[0]}\n\n{bullets}")
        else:
            parts.append(" ".join(texts))
    return "\n\n".join(parts) + "\n"


def words_per_language(blocks: list[Block], context: dict[str, dict[str, str]]) -> list[int]:
    return [word_count(render_blocks(blocks, lang, context)) for lang in LANGS]


def compose_body(
    rng: random.Random, post: SyntheticPost, previous: SyntheticPost | None
) -> list[Block]:
    """The post's structure, shared by its three languages, 400-800 words in each."""
    sentences = rng.sample(SENTENCES, len(SENTENCES))
    headings = rng.sample(HEADINGS, len(HEADINGS))
    used = 0

    def take(k: int) -> list[Tri]:
        nonlocal used
        chosen = [sentences[(used + j) % len(sentences)] for j in range(k)]
        used += k
        return chosen

    links: list[Tri] = []
    if previous is not None:
        for lang in LANGS:
            post.context[lang]["prev_title"] = fill(previous.title, lang, previous.context)
            post.context[lang]["prev_href"] = f"../{previous.year}/{previous.slug}.md"
        links.append(PREVIOUS_POST_LINK)
    links.append(rng.choice(EXTERNAL_LINKS))
    if rng.random() < 0.3:
        links.append(ABOUT_LINK)

    blocks: list[Block] = [("p", [post.lead, *take(rng.randint(1, 2))])]
    target = rng.randint(430, 600)  # words in the shortest language
    closing: list[Block] = [("p", [rng.choice(CLOSINGS)])]
    section = 0
    while min(words_per_language(blocks + closing, post.context)) < target and section < len(
        headings
    ):
        paragraph = take(rng.randint(3, 5))
        if section == 0:
            paragraph += links
        new = [("h2", [headings[section]]), ("p", paragraph)]
        if rng.random() < 0.5:
            new.append(("ul", [rng.choice(BULLET_INTROS), *rng.sample(BULLETS, rng.randint(3, 5))]))
        if max(words_per_language(blocks + new + closing, post.context)) > MAX_WORDS - 60:
            break
        blocks += new
        section += 1
    blocks += closing

    # Every Latvian and Italian diacritic in every post: add sentences that carry the missing ones.
    for lang, letters in (("lv", LV_DIACRITICS), ("it", IT_DIACRITICS)):
        for letter in letters:
            text = render_blocks(blocks, lang, post.context)
            if letter in text:
                continue
            carrier = next(s for s in sentences if letter in fill(s, lang, post.context))
            blocks[-1] = ("p", [*blocks[-1][1][:-1], carrier, blocks[-1][1][-1]])

    while min(words_per_language(blocks, post.context)) < MIN_WORDS:  # rare: a short draw
        blocks.insert(-1, ("p", take(2)))
    counts = words_per_language(blocks, post.context)
    if not all(MIN_WORDS <= c <= MAX_WORDS for c in counts):
        raise RuntimeError(f"{post.path}: word counts {counts} outside {MIN_WORDS}-{MAX_WORDS}")
    return blocks


def previous_post(posts: list[SyntheticPost], index: int) -> SyntheticPost | None:
    """The latest earlier post about one of the same projects, else the one just before."""
    post = posts[index]
    slugs = {p.slug for p in post.projects}
    for earlier in reversed(posts[max(0, index - 40) : index]):
        if slugs & {p.slug for p in earlier.projects}:
            return earlier
    return posts[index - 1] if index else None


def post_text(
    post: SyntheticPost, lang: str, blocks: list[Block], photos: PostPhotos | None = None
) -> str:
    context = post.context
    front = [
        "---",
        f"title: {yaml_scalar(fill(post.title, lang, context))}",
        f"date: {post.date.isoformat()}",
        f"author: {yaml_scalar(post.author)}",
        f"projects: [{', '.join(p.slug for p in post.projects)}]",
        f"kind: {post.kind}",
        f"summary: {yaml_scalar(fill(post.lead, lang, context))}",
        *(photo_fields(photos, lang) if photos else []),
        "---",
    ]
    return "\n".join(front) + "\n\n" + render_blocks(blocks, lang, context)


# --------------------------------------------------------------------------------------------
# Photos: every post has a cover, about one in four a gallery too
# --------------------------------------------------------------------------------------------
# A real cluster's news is photos from events; the benchmark's page weight is measured on a
# post with one. The photos are drawn with Pillow (nothing is downloaded), from their own
# random.Random, so the text of the posts is the same as without them. A year folder holds a
# small pool of them, shared by its posts (same bytes in every folder: the build encodes each
# of the pool once, as it would a photo used twice).

PHOTO_SIZE = (1600, 1067)  # a camera's 3:2, already reduced as editors export them
PHOTO_POOL = 6
GALLERY_SHARE = 4  # one post in GALLERY_SHARE has a gallery
PHOTO_SCENES: list[Tri] = [
    (
        "Klastera biedru sanāksme: cilvēki pie gara galda, ekrānā diagramma",
        "Cluster members' meeting: people at a long table, a chart on the screen",
        "Riunione dei membri del cluster: persone a un lungo tavolo, un grafico sullo schermo",
    ),
    (
        "Klastera stends izstādē: zila siena ar ekrāniem un apmeklētāji",
        "The cluster's stand at a fair: a blue wall with screens, and visitors",
        "Lo stand del cluster a una fiera: una parete blu con schermi e visitatori",
    ),
    (
        "Elektronikas plate ar mikroshēmām un vara celiņiem",
        "An electronics board with chips and copper tracks",
        "Una scheda elettronica con chip e piste di rame",
    ),
]


@dataclass(frozen=True)
class PostPhotos:
    cover: int  # index into the pool (and PHOTO_SCENES by its scene)
    gallery: tuple[int, ...] = ()


def photo_name(index: int) -> str:
    return f"foto-{index + 1}.jpg"


def photo_scene(index: int) -> int:
    return index % len(PHOTO_SCENES)


@functools.cache
def _demo_media() -> Any:
    """scripts/make_demo_media.py, whose scenes the pool's photos show."""
    spec = importlib.util.spec_from_file_location(
        "make_demo_media", Path(__file__).with_name("make_demo_media.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def draw_photo(index: int, seed: int) -> bytes:
    """One photo of the pool: a scene of PHOTO_SCENES, drawn as the default site's demo photos
    are (scripts/make_demo_media.py), with a camera's grain, as JPEG bytes."""
    from PIL import Image, ImageChops, ImageFilter

    demo = _demo_media()
    scene = (demo.meeting, demo.fair_stand, demo.circuit_board)[photo_scene(index)]
    rng = random.Random(f"{seed}:photo:{index}")
    image = scene(rng).resize(PHOTO_SIZE)
    # grain from this photo's own random numbers: flat drawings compress far better than
    # photos do, and the page weight would flatter the site
    grain = Image.frombytes("L", PHOTO_SIZE, rng.randbytes(PHOTO_SIZE[0] * PHOTO_SIZE[1]))
    grain = grain.filter(ImageFilter.GaussianBlur(1.0))
    image = ImageChops.add(image, Image.merge("RGB", [grain] * 3), offset=-128)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def plan_photos(posts: list[SyntheticPost], seed: int) -> list[PostPhotos]:
    """A cover for every post; for about one in GALLERY_SHARE, a gallery of 3-5 more."""
    rng = random.Random(f"{seed}:photos")
    plans = []
    for _post in posts:
        pool = list(range(PHOTO_POOL))
        rng.shuffle(pool)
        cover, rest = pool[0], pool[1:]
        gallery = tuple(rest[: rng.randint(3, 5)]) if rng.randrange(GALLERY_SHARE) == 0 else ()
        plans.append(PostPhotos(cover, gallery))
    return plans


def photo_fields(photos: PostPhotos, lang: str) -> list[str]:
    """The front matter lines of a post's photos, in ``lang``."""
    column = LANGS.index(lang)
    lines = [
        f"image: {photo_name(photos.cover)}",
        f"image_alt: {yaml_scalar(PHOTO_SCENES[photo_scene(photos.cover)][column])}",
        "image_credit: LETERA",
    ]
    if photos.gallery:
        lines.append("gallery:")
        for index in photos.gallery:
            caption = yaml_scalar(PHOTO_SCENES[photo_scene(index)][column])
            lines.append(f"  - {{file: {photo_name(index)}, caption: {caption}}}")
    return lines


# --------------------------------------------------------------------------------------------
# Writing the tree
# --------------------------------------------------------------------------------------------


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving its tags (!ENV, !relative, python/name)."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_repo_config(repo: Path) -> dict[str, Any]:
    with (repo / "mkdocs.yml").open(encoding="utf-8") as stream:
        config = yaml.load(stream, Loader=_AnyTagLoader)
    return config if isinstance(config, dict) else {}


def baseline_config(repo_config: dict[str, Any]) -> str:
    """A plain Material ``mkdocs.yml`` for the same Markdown (see the module docstring)."""
    extensions = repo_config.get("markdown_extensions") or []
    lines = [
        "# Baseline for scripts/bench.py: the same Markdown as a plain Material site.",
        "# No i18n, no clustersite, no generated views; data/ is not read.",
        "site_name: LETERA (baseline)",
        "site_url: http://127.0.0.1:8000/",
        "docs_dir: content",
        "theme:",
        "  name: material",
        "  language: lv",
        "  font: false",
        "plugins:",
        "  - search",
        "nav:",
        "  - Sākums: lv/index.md",
        "  - Par mums: lv/about.md",
        "  - English: en/index.md",
        "  - Italiano: it/index.md",
    ]
    if extensions:
        lines.append("markdown_extensions:")
        lines += [
            "  - " + json.dumps(item, ensure_ascii=False, sort_keys=True) for item in extensions
        ]
    return "\n".join(lines) + "\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


def copy_tree(source: Path, target: Path) -> None:
    for path in sorted(source.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(path.read_bytes())


def generate(
    out: Path, posts: int, baseline: bool = False, seed: int = DEFAULT_SEED, repo: Path = REPO
) -> list[Path]:
    """Write the synthetic site into ``out`` (which must not hold files) and list what it wrote."""
    if posts < 1:
        raise ValueError("--posts must be at least 1")
    rng = random.Random(seed)
    repo_config = read_repo_config(repo)
    out.mkdir(parents=True, exist_ok=True)

    if baseline:
        write(out / "mkdocs.yml", baseline_config(repo_config))
    else:
        (out / "mkdocs.yml").write_bytes((repo / "mkdocs.yml").read_bytes())
        theme = repo_config.get("theme") or {}
        custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
        if isinstance(custom_dir, str) and (repo / custom_dir).is_dir():
            (out / custom_dir).mkdir(parents=True, exist_ok=True)  # MkDocs wants it, even empty
            copy_tree(repo / custom_dir, out / custom_dir)
        docs_dir = str(repo_config.get("docs_dir") or "docs")
        if (repo / docs_dir).is_dir():  # shared files of the docs dir, e.g. assets/
            for entry in sorted((repo / docs_dir).iterdir()):
                if entry.name in LANGS:
                    continue
                if entry.is_dir():
                    copy_tree(entry, out / "content" / entry.name)
                else:
                    (out / "content" / entry.name).parent.mkdir(parents=True, exist_ok=True)
                    (out / "content" / entry.name).write_bytes(entry.read_bytes())

    projects = make_projects(rng)
    for index, project in enumerate(projects):
        write(out / "data" / "projects" / f"{project.slug}.yml", project_yaml(project, index, rng))

    for lang in LANGS:
        for name, (title, body) in (("index.md", HOME_PAGE[lang]), ("about.md", ABOUT_PAGE[lang])):
            write(out / "content" / lang / name, f"---\ntitle: {yaml_scalar(title)}\n---\n\n{body}")

    planned = plan_posts(rng, posts, projects)
    photos = plan_photos(planned, seed)
    for index, post in enumerate(planned):
        previous = previous_post(planned, index)
        blocks = compose_body(rng, post, previous)
        for lang in LANGS:
            write(out / "content" / lang / post.path, post_text(post, lang, blocks, photos[index]))
    pool = [draw_photo(index, seed) for index in range(PHOTO_POOL)]
    for year in sorted({post.year for post in planned}):  # beside the posts of the default language
        folder = out / "content" / LANGS[0] / "news" / str(year)
        for index, data in enumerate(pool):
            (folder / photo_name(index)).write_bytes(data)
    return sorted(p for p in out.rglob("*") if p.is_file())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--posts", type=int, required=True, help="posts per language")
    parser.add_argument("--out", type=Path, required=True, help="directory to write the site into")
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="write a plain Material mkdocs.yml (no i18n, no clustersite)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--force", action="store_true", help="replace --out if it already holds a generated site"
    )
    args = parser.parse_args(argv)
    out: Path = args.out
    if args.posts < 1:
        parser.error("--posts must be at least 1")
    if out.exists() and any(out.iterdir()):
        looks_generated = (out / "mkdocs.yml").is_file() and (out / "content").is_dir()
        if not (args.force and looks_generated):
            hint = "" if looks_generated else " (it does not look like a generated site)"
            print(
                f"gen_synthetic: {out} is not empty{hint}; choose another --out"
                + (" or pass --force" if looks_generated else ""),
                file=sys.stderr,
            )
            return 2
        shutil.rmtree(out)
    written = generate(out, args.posts, baseline=args.baseline, seed=args.seed)
    kind = "baseline" if args.baseline else "clustersite"
    print(f"gen_synthetic: wrote {len(written)} files ({kind}, N={args.posts}) to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
