"""Generate ``src/communique/data/countries.json`` (dev-time tool, not a test).

Run once with pycountry available (``pip install pycountry``)::

    python tests/extract/make_countries.py

pycountry gives the ISO 3166-1 names in English and (through its gettext
catalogues) in French.  Press releases also use long official forms, older
names and adjectives ("République hellénique", "serbes", "Turkey"), so the
hand-kept table ``EXTRA`` below is merged in; editing it and re-running is how
the data file is maintained.  pycountry is *not* a runtime dependency.

Format of the output: ``{"GR": {"en": [display, alias...], "fr": [...]}}``.
The first entry of each list is the display name; the others are forms that
:func:`communique.extract.countries.find_countries` recognises.  Entries that
start with a lower-case letter (French adjectives) also match capitalised.
"""

from __future__ import annotations

import gettext
import json
import pathlib

OUT = pathlib.Path(__file__).resolve().parents[2] / "src" / "communique" / "data" / "countries.json"

# Display-name overrides: the short form a journalist writes.
DISPLAY: dict[str, dict[str, str]] = {
    "en": {
        "KR": "South Korea",
        "KP": "North Korea",
        "RU": "Russia",
        "SY": "Syria",
        "TW": "Taiwan",
        "CD": "Democratic Republic of the Congo",
        "FM": "Micronesia",
        "PS": "Palestine",
        "VN": "Vietnam",
        "LA": "Laos",
        "IR": "Iran",
        "BO": "Bolivia",
        "MD": "Moldova",
        "TZ": "Tanzania",
        "VE": "Venezuela",
        "GB": "United Kingdom",
        "US": "United States",
        "TR": "Türkiye",
        "CZ": "Czechia",
        "VG": "British Virgin Islands",
        "VI": "U.S. Virgin Islands",
    },
    "fr": {
        "KR": "Corée du Sud",
        "KP": "Corée du Nord",
        "RU": "Russie",
        "SY": "Syrie",
        "TW": "Taïwan",
        "MD": "Moldavie",
        "VE": "Venezuela",
        "TZ": "Tanzanie",
        "IR": "Iran",
        "BO": "Bolivie",
        "LA": "Laos",
        "PS": "Palestine",
        "FM": "Micronésie",
        "VN": "Viêt Nam",
        "CZ": "Tchéquie",
        "GB": "Royaume-Uni",
        "US": "États-Unis",
    },
}

# Long forms, former names and adjectives (all inflections a text may use).
EXTRA: dict[str, dict[str, list[str]]] = {
    # Short and older forms the press writes ("Burma", "St Kitts and Nevis", "Centrafrique", "Liberia" in French).
    "LR": {"fr": ["Liberia"]},
    "MU": {"fr": ["République de Maurice"]},
    "MM": {"en": ["Burma"], "fr": ["Myanmar"]},
    "KN": {"en": ["St Kitts and Nevis", "St. Kitts and Nevis"], "fr": ["Saint-Kitts-et-Nevis"]},
    "VC": {"en": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"]},
    "CI": {"en": ["Ivory Coast"]},
    "ST": {"en": ["São Tomé and Príncipe"]},
    "AE": {"en": ["UAE"]},
    "BY": {"fr": ["Biélorussie"]},
    "BN": {"fr": ["Brunéi"]},
    "CF": {"fr": ["Centrafrique"]},
    # The two Congos: "Congo" alone is Brazzaville's, in French as in English.
    "CG": {"fr": ["Congo", "Congo-Brazzaville"]},
    "CD": {"en": ["Congo-Kinshasa", "Democratic Republic of Congo", "DR Congo", "DRC"], "fr": ["Congo-Kinshasa"]},
    "GQ": {"fr": ["Guinée équatoriale", "République de Guinée équatoriale"]},
    "AL": {
        "en": ["Republic of Albania", "Albanian"],
        "fr": ["République d’Albanie", "albanais", "albanaise", "albanaises"],
    },
    "AT": {"en": ["Austrian"], "fr": ["autrichien", "autrichienne", "autrichiens", "autrichiennes"]},
    "BA": {
        "en": ["Bosnia-Herzegovina", "Bosnia", "Bosnian"],
        "fr": ["Bosnie", "bosnien", "bosnienne", "bosniens", "bosniennes"],
    },
    "BE": {"en": ["Kingdom of Belgium", "Belgian"], "fr": ["Royaume de Belgique", "belge", "belges"]},
    "BG": {"en": ["Republic of Bulgaria", "Bulgarian"], "fr": ["République de Bulgarie", "bulgare", "bulgares"]},
    "CA": {"en": ["Canadian"], "fr": ["canadien", "canadienne", "canadiens", "canadiennes"]},
    "CH": {"en": ["Swiss"], "fr": ["suisse", "suisses"]},
    "CZ": {"en": ["Czech Republic", "Czech"], "fr": ["République tchèque", "tchèque", "tchèques"]},
    "DE": {
        "en": ["Federal Republic of Germany", "German"],
        "fr": ["République fédérale d’Allemagne", "allemand", "allemande", "allemands", "allemandes"],
    },
    "DK": {"en": ["Kingdom of Denmark", "Danish"], "fr": ["Royaume du Danemark", "danois", "danoise", "danoises"]},
    "EE": {
        "en": ["Republic of Estonia", "Estonian"],
        "fr": ["République d’Estonie", "estonien", "estonienne", "estoniens", "estoniennes"],
    },
    "ES": {
        "en": ["Kingdom of Spain", "Spanish"],
        "fr": ["Royaume d’Espagne", "espagnol", "espagnole", "espagnols", "espagnoles"],
    },
    "FI": {
        "en": ["Republic of Finland", "Finnish"],
        "fr": ["République de Finlande", "finlandais", "finlandaise", "finlandaises"],
    },
    "FR": {"en": ["French Republic", "French"], "fr": ["République française", "français", "française", "françaises"]},
    "GB": {
        "en": ["UK", "Britain", "Great Britain", "British"],
        "fr": ["Grande-Bretagne", "britannique", "britanniques"],
    },
    "GE": {"en": ["Georgian"], "fr": ["géorgien", "géorgienne", "géorgiens", "géorgiennes"]},
    "GR": {
        "en": ["Hellenic Republic", "Greek", "Hellenic"],
        "fr": ["République hellénique", "grec", "grecque", "grecs", "grecques", "hellénique", "helléniques"],
    },
    "HR": {"en": ["Republic of Croatia", "Croatian"], "fr": ["République de Croatie", "croate", "croates"]},
    "HU": {"en": ["Hungarian"], "fr": ["hongrois", "hongroise", "hongroises"]},
    "IE": {"en": ["Irish"], "fr": ["irlandais", "irlandaise", "irlandaises"]},
    "IS": {"en": ["Icelandic"], "fr": ["islandais", "islandaise", "islandaises"]},
    "IT": {
        "en": ["Italian Republic", "Italian"],
        "fr": ["République italienne", "italien", "italienne", "italiens", "italiennes"],
    },
    "LT": {
        "en": ["Republic of Lithuania", "Lithuanian"],
        "fr": ["République de Lituanie", "lituanien", "lituanienne", "lituaniens", "lituaniennes"],
    },
    "LU": {
        "en": ["Luxembourgish", "Grand Duchy of Luxembourg"],
        "fr": ["luxembourgeois", "luxembourgeoise", "luxembourgeoises", "Grand-Duché de Luxembourg"],
    },
    "LV": {
        "en": ["Republic of Latvia", "Latvian"],
        "fr": ["République de Lettonie", "letton", "lettone", "lettons", "lettones"],
    },
    "ME": {"en": ["Montenegrin"], "fr": ["monténégrin", "monténégrine", "monténégrins", "monténégrines"]},
    "MK": {
        "en": [
            "Republic of North Macedonia",
            "Republic of Macedonia",
            "the former Yugoslav Republic of Macedonia",
            "Macedonia",
            "Macedonian",
        ],
        "fr": [
            "République de Macédoine du Nord",
            "République de Macédoine",
            "ex-République yougoslave de Macédoine",
            "Macédoine",
            "macédonien",
            "macédonienne",
            "macédoniens",
            "macédoniennes",
        ],
    },
    "MT": {"en": ["Maltese"], "fr": ["maltais", "maltaise", "maltaises"]},
    "NL": {
        "en": ["Kingdom of the Netherlands", "Dutch", "Holland"],
        "fr": ["Royaume des Pays-Bas", "néerlandais", "néerlandaise", "néerlandaises"],
    },
    "NO": {
        "en": ["Kingdom of Norway", "Norwegian"],
        "fr": ["Royaume de Norvège", "norvégien", "norvégienne", "norvégiens", "norvégiennes"],
    },
    "PL": {
        "en": ["Republic of Poland", "Polish"],
        "fr": ["République de Pologne", "polonais", "polonaise", "polonaises"],
    },
    "PT": {
        "en": ["Portuguese Republic", "Portuguese"],
        "fr": ["République portugaise", "portugais", "portugaise", "portugaises"],
    },
    "RO": {"en": ["Romanian"], "fr": ["roumain", "roumaine", "roumains", "roumaines"]},
    "RS": {"en": ["Republic of Serbia", "Serbian", "Serb", "Serbs"], "fr": ["République de Serbie", "serbe", "serbes"]},
    "RU": {"en": ["Russian Federation", "Russian"], "fr": ["Fédération de Russie", "russe", "russes"]},
    "SE": {"en": ["Kingdom of Sweden", "Swedish"], "fr": ["Royaume de Suède", "suédois", "suédoise", "suédoises"]},
    "SI": {
        "en": ["Republic of Slovenia", "Slovenian", "Slovene"],
        "fr": ["République de Slovénie", "slovène", "slovènes"],
    },
    "SK": {"en": ["Slovak Republic", "Slovakian", "Slovak"], "fr": ["République slovaque", "slovaque", "slovaques"]},
    "TR": {
        "en": ["Turkey", "Republic of Türkiye", "Republic of Turkey", "Turkish"],
        "fr": ["République de Turquie", "République de Türkiye", "Türkiye", "turc", "turque", "turcs", "turques"],
    },
    "UA": {"en": ["Ukrainian"], "fr": ["ukrainien", "ukrainienne", "ukrainiens", "ukrainiennes"]},
    "US": {
        "en": ["United States of America", "USA", "U.S.", "American"],
        "fr": ["États-Unis d’Amérique", "américain", "américaine", "américains", "américaines"],
    },
    "XK": {"en": ["Kosovo"], "fr": ["Kosovo"]},
}


def fr4(stem_m: str, stem_f: str | None = None) -> list[str]:
    """French adjective forms: masculine, feminine, masculine plural, feminine plural."""
    f = stem_f or stem_m + "e"
    mp = stem_m if stem_m.endswith(("s", "x")) else stem_m + "s"
    return list(dict.fromkeys([stem_m, f, mp, f + "s"]))


# Nationality adjectives, written to "<language>_adj" (not names: they also
# modify a role, "le président finlandais").  (english forms, french forms)
ADJECTIVES: dict[str, tuple[list[str], list[str]]] = {
    "AF": (["Afghan"], fr4("afghan")),
    "AL": (["Albanian"], fr4("albanais")),
    "AM": (["Armenian"], fr4("arménien", "arménienne")),
    "AT": (["Austrian"], fr4("autrichien", "autrichienne")),
    "AU": (["Australian"], fr4("australien", "australienne")),
    "AZ": (["Azerbaijani"], fr4("azerbaïdjanais")),
    "BA": (["Bosnian"], fr4("bosnien", "bosnienne")),
    "BE": (["Belgian"], ["belge", "belges"]),
    "BG": (["Bulgarian"], ["bulgare", "bulgares"]),
    "BH": (["Bahraini"], fr4("bahreïnien", "bahreïnienne")),
    "BY": (["Belarusian"], ["biélorusse", "biélorusses"]),
    "CA": (["Canadian"], fr4("canadien", "canadienne")),
    "CH": (["Swiss"], ["suisse", "suisses"]),
    "CN": (["Chinese"], fr4("chinois")),
    "CO": (["Colombian"], fr4("colombien", "colombienne")),
    "CZ": (["Czech"], ["tchèque", "tchèques"]),
    "DE": (["German"], fr4("allemand")),
    "DK": (["Danish"], fr4("danois")),
    "DZ": (["Algerian"], fr4("algérien", "algérienne")),
    "EE": (["Estonian"], fr4("estonien", "estonienne")),
    "EG": (["Egyptian"], fr4("égyptien", "égyptienne")),
    "ES": (["Spanish"], fr4("espagnol")),
    "FI": (["Finnish"], fr4("finlandais")),
    "FR": (["French"], fr4("français", "française")),
    "GB": (["British"], ["britannique", "britanniques"]),
    "GE": (["Georgian"], fr4("géorgien", "géorgienne")),
    "GR": (["Greek", "Hellenic"], [*fr4("grec", "grecque"), "hellénique", "helléniques"]),
    "HR": (["Croatian"], ["croate", "croates"]),
    "HU": (["Hungarian"], fr4("hongrois")),
    "IE": (["Irish"], fr4("irlandais")),
    "IL": (["Israeli"], fr4("israélien", "israélienne")),
    "IN": (["Indian"], fr4("indien", "indienne")),
    "IQ": (["Iraqi"], fr4("irakien", "irakienne")),
    "IS": (["Icelandic"], fr4("islandais")),
    "IT": (["Italian"], fr4("italien", "italienne")),
    "JO": (["Jordanian"], fr4("jordanien", "jordanienne")),
    "JP": (["Japanese"], fr4("japonais")),
    "KR": (["South Korean"], fr4("sud-coréen", "sud-coréenne")),
    "KW": (["Kuwaiti"], fr4("koweïtien", "koweïtienne")),
    "KZ": (["Kazakh", "Kazakhstani"], fr4("kazakh")),
    "LT": (["Lithuanian"], fr4("lituanien", "lituanienne")),
    "LU": (["Luxembourgish", "Luxembourgian"], fr4("luxembourgeois")),
    "LV": (["Latvian"], fr4("letton", "lettone")),
    "MA": (["Moroccan"], fr4("marocain")),
    "MD": (["Moldovan"], ["moldave", "moldaves"]),
    "ME": (["Montenegrin"], fr4("monténégrin")),
    "MK": (
        ["Macedonian", "North Macedonian"],
        fr4("macédonien", "macédonienne") + fr4("nord-macédonien", "nord-macédonienne"),
    ),
    "MN": (["Mongolian"], fr4("mongol")),
    "MR": (["Mauritanian"], fr4("mauritanien", "mauritanienne")),
    "MT": (["Maltese"], fr4("maltais")),
    "NL": (["Dutch"], fr4("néerlandais")),
    "NO": (["Norwegian"], fr4("norvégien", "norvégienne")),
    "NZ": (["New Zealand"], fr4("néo-zélandais")),
    "PK": (["Pakistani"], fr4("pakistanais")),
    "PL": (["Polish"], fr4("polonais")),
    "PT": (["Portuguese"], fr4("portugais")),
    "QA": (["Qatari"], fr4("qatarien", "qatarienne")),
    "RO": (["Romanian"], fr4("roumain")),
    "RS": (["Serbian", "Serb", "Serbs"], ["serbe", "serbes"]),
    "RU": (["Russian"], ["russe", "russes"]),
    "SE": (["Swedish"], fr4("suédois")),
    "SI": (["Slovenian", "Slovene"], ["slovène", "slovènes"]),
    "SK": (["Slovak", "Slovakian"], ["slovaque", "slovaques"]),
    "TN": (["Tunisian"], fr4("tunisien", "tunisienne")),
    "TR": (["Turkish"], fr4("turc", "turque")),
    "UA": (["Ukrainian"], fr4("ukrainien", "ukrainienne")),
    "AE": (["Emirati"], fr4("émirien", "émirienne")),
    "US": (["American"], fr4("américain")),
    "XK": (["Kosovar", "Kosovan"], fr4("kosovar")),
    "AD": (["Andorran"], ["andorran", "andorrane", "andorrans", "andorranes"]),
    "AG": (["Antiguan"], []),
    "AO": (["Angolan"], ["angolais", "angolaise", "angolaises"]),
    "AR": (["Argentine", "Argentinian"], ["argentin", "argentine", "argentins", "argentines"]),
    "BB": (["Barbadian"], ["barbadien", "barbadienne", "barbadiens", "barbadiennes"]),
    "BD": (["Bangladeshi"], ["bangladais", "bangladaise", "bangladaises"]),
    "BF": (["Burkinabe", "Burkinabè"], ["burkinabè", "burkinabès"]),
    "BI": (["Burundian"], ["burundais", "burundaise", "burundaises"]),
    "BJ": (["Beninese"], ["béninois", "béninoise", "béninoises"]),
    "BN": (["Bruneian"], ["brunéien", "brunéienne", "brunéiens", "brunéiennes"]),
    "BO": (["Bolivian"], ["bolivien", "bolivienne", "boliviens", "boliviennes"]),
    "BR": (["Brazilian"], ["brésilien", "brésilienne", "brésiliens", "brésiliennes"]),
    "BS": (["Bahamian"], ["bahaméen", "bahaméenne", "bahaméens", "bahaméennes"]),
    "BT": (["Bhutanese"], ["bhoutanais", "bhoutanaise", "bhoutanaises"]),
    "BW": (["Botswanan"], ["botswanais", "botswanaise", "botswanaises"]),
    "BZ": (["Belizean"], ["bélizien", "bélizienne", "béliziens", "béliziennes"]),
    "CF": (["Central African"], ["centrafricain", "centrafricaine", "centrafricains", "centrafricaines"]),
    "CG": ([], ["congolais", "congolaise", "congolaises"]),
    "CI": (["Ivorian"], ["ivoirien", "ivoirienne", "ivoiriens", "ivoiriennes"]),
    "CL": (["Chilean"], ["chilien", "chilienne", "chiliens", "chiliennes"]),
    "CM": (["Cameroonian"], ["camerounais", "camerounaise", "camerounaises"]),
    "CR": (["Costa Rican"], ["costaricien", "costaricienne", "costariciens", "costariciennes"]),
    "CU": (["Cuban"], ["cubain", "cubaine", "cubains", "cubaines"]),
    "CV": (["Cape Verdean"], ["cap-verdien", "cap-verdienne", "cap-verdiens", "cap-verdiennes"]),
    "CY": (["Cypriot"], ["chypriote", "chypriotes"]),
    "DJ": (["Djiboutian"], ["djiboutien", "djiboutienne", "djiboutiens", "djiboutiennes"]),
    "DO": (["Dominican"], ["dominicain", "dominicaine", "dominicains", "dominicaines"]),
    "EC": (["Ecuadorian", "Ecuadorean"], ["équatorien", "équatorienne", "équatoriens", "équatoriennes"]),
    "ER": (["Eritrean"], ["érythréen", "érythréenne", "érythréens", "érythréennes"]),
    "ET": (["Ethiopian"], ["éthiopien", "éthiopienne", "éthiopiens", "éthiopiennes"]),
    "FJ": (["Fijian"], ["fidjien", "fidjienne", "fidjiens", "fidjiennes"]),
    "GA": (["Gabonese"], ["gabonais", "gabonaise", "gabonaises"]),
    "GH": (["Ghanaian"], ["ghanéen", "ghanéenne", "ghanéens", "ghanéennes"]),
    "GM": (["Gambian"], ["gambien", "gambienne", "gambiens", "gambiennes"]),
    "GN": (["Guinean"], ["guinéen", "guinéenne", "guinéens", "guinéennes"]),
    "GQ": (
        ["Equatorial Guinean", "Equatoguinean"],
        ["équato-guinéen", "équato-guinéenne", "équato-guinéens", "équato-guinéennes"],
    ),
    "GT": (["Guatemalan"], ["guatémaltèque", "guatémaltèques"]),
    "GW": (["Bissau-Guinean"], ["bissau-guinéen", "bissau-guinéenne", "bissau-guinéens", "bissau-guinéennes"]),
    "GY": (["Guyanese"], ["guyanien", "guyanienne", "guyaniens", "guyaniennes"]),
    "HN": (["Honduran"], ["hondurien", "hondurienne", "honduriens", "honduriennes"]),
    "HT": (["Haitian"], ["haïtien", "haïtienne", "haïtiens", "haïtiennes"]),
    "ID": (["Indonesian"], ["indonésien", "indonésienne", "indonésiens", "indonésiennes"]),
    "IR": (["Iranian"], ["iranien", "iranienne", "iraniens", "iraniennes"]),
    "JM": (["Jamaican"], ["jamaïcain", "jamaïcaine", "jamaïcains", "jamaïcaines"]),
    "KE": (["Kenyan"], ["kényan", "kényane", "kényans", "kényanes"]),
    "KG": (["Kyrgyz", "Kyrgyzstani"], ["kirghize", "kirghizes"]),
    "KH": (["Cambodian"], ["cambodgien", "cambodgienne", "cambodgiens", "cambodgiennes"]),
    "KM": (["Comorian"], ["comorien", "comorienne", "comoriens", "comoriennes"]),
    "KP": (["North Korean"], ["nord-coréen", "nord-coréenne", "nord-coréens", "nord-coréennes"]),
    "LA": (["Laotian", "Lao"], ["laotien", "laotienne", "laotiens", "laotiennes"]),
    "LB": (["Lebanese"], ["libanais", "libanaise", "libanaises"]),
    "LI": (["Liechtensteiner"], ["liechtensteinois", "liechtensteinoise", "liechtensteinoises"]),
    "LK": (["Sri Lankan"], ["sri-lankais", "sri-lankaise", "sri-lankaises"]),
    "LR": (["Liberian"], ["libérien", "libérienne", "libériens", "libériennes"]),
    "LS": (["Basotho", "Mosotho"], ["lesothan", "lesothane", "lesothans", "lesothanes"]),
    "LY": (["Libyan"], ["libyen", "libyenne", "libyens", "libyennes"]),
    "MC": (["Monegasque", "Monacan"], ["monégasque", "monégasques"]),
    "MG": (["Malagasy"], ["malgache", "malgaches"]),
    "MH": (["Marshallese"], []),
    "ML": (["Malian"], ["malien", "malienne", "maliens", "maliennes"]),
    "MM": (["Burmese", "Myanmar"], ["birman", "birmane", "birmans", "birmanes"]),
    "MU": (["Mauritian"], ["mauricien", "mauricienne", "mauriciens", "mauriciennes"]),
    "MV": (["Maldivian"], ["maldivien", "maldivienne", "maldiviens", "maldiviennes"]),
    "MW": (["Malawian"], ["malawite", "malawites"]),
    "MX": (["Mexican"], ["mexicain", "mexicaine", "mexicains", "mexicaines"]),
    "MY": (["Malaysian"], ["malaisien", "malaisienne", "malaisiens", "malaisiennes"]),
    "MZ": (["Mozambican"], ["mozambicain", "mozambicaine", "mozambicains", "mozambicaines"]),
    "NA": (["Namibian"], ["namibien", "namibienne", "namibiens", "namibiennes"]),
    "NE": (["Nigerien"], ["nigérien", "nigérienne", "nigériens", "nigériennes"]),
    "NG": (["Nigerian"], ["nigérian", "nigériane", "nigérians", "nigérianes"]),
    "NI": (["Nicaraguan"], ["nicaraguayen", "nicaraguayenne", "nicaraguayens", "nicaraguayennes"]),
    "NP": (["Nepali", "Nepalese"], ["népalais", "népalaise", "népalaises"]),
    "OM": (["Omani"], ["omanais", "omanaise", "omanaises"]),
    "PA": (["Panamanian"], ["panaméen", "panaméenne", "panaméens", "panaméennes"]),
    "PE": (["Peruvian"], ["péruvien", "péruvienne", "péruviens", "péruviennes"]),
    "PG": (
        ["Papua New Guinean"],
        ["papouan-néo-guinéen", "papouane-néo-guinéenne", "papouan-néo-guinéens", "papouane-néo-guinéennes"],
    ),
    "PH": (["Filipino", "Philippine"], ["philippin", "philippine", "philippins", "philippines"]),
    "PS": (["Palestinian"], ["palestinien", "palestinienne", "palestiniens", "palestiniennes"]),
    "PY": (["Paraguayan"], ["paraguayen", "paraguayenne", "paraguayens", "paraguayennes"]),
    "RW": (["Rwandan"], ["rwandais", "rwandaise", "rwandaises"]),
    "SA": (["Saudi", "Saudi Arabian"], ["saoudien", "saoudienne", "saoudiens", "saoudiennes"]),
    "SB": (["Solomon Islander"], []),
    "SC": (["Seychellois"], ["seychellois", "seychelloise", "seychelloises"]),
    "SD": (["Sudanese"], ["soudanais", "soudanaise", "soudanaises"]),
    "SG": (["Singaporean"], ["singapourien", "singapourienne", "singapouriens", "singapouriennes"]),
    "SL": (["Sierra Leonean"], ["sierra-léonais", "sierra-léonaise", "sierra-léonaises"]),
    "SM": (["Sammarinese"], ["saint-marinais", "saint-marinaise", "saint-marinaises"]),
    "SN": (["Senegalese"], ["sénégalais", "sénégalaise", "sénégalaises"]),
    "SO": (["Somali"], ["somalien", "somalienne", "somaliens", "somaliennes"]),
    "SR": (["Surinamese"], ["surinamais", "surinamaise", "surinamaises"]),
    "SS": (["South Sudanese"], ["sud-soudanais", "sud-soudanaise", "sud-soudanaises"]),
    "ST": ([], ["santoméen", "santoméenne", "santoméens", "santoméennes"]),
    "SV": (["Salvadoran", "Salvadorean"], ["salvadorien", "salvadorienne", "salvadoriens", "salvadoriennes"]),
    "SY": (["Syrian"], ["syrien", "syrienne", "syriens", "syriennes"]),
    "SZ": (["Swazi", "Eswatini"], ["swazi", "swazie", "swazis", "swazies"]),
    "TD": (["Chadian"], ["tchadien", "tchadienne", "tchadiens", "tchadiennes"]),
    "TG": (["Togolese"], ["togolais", "togolaise", "togolaises"]),
    "TH": (["Thai"], ["thaïlandais", "thaïlandaise", "thaïlandaises"]),
    "TJ": (["Tajik", "Tajikistani"], ["tadjik", "tadjike", "tadjiks", "tadjikes"]),
    "TL": (["Timorese"], ["timorais", "timoraise", "timoraises"]),
    "TM": (["Turkmen"], ["turkmène", "turkmènes"]),
    "TO": (["Tongan"], ["tongien", "tongienne", "tongiens", "tongiennes"]),
    "TT": (["Trinidadian"], ["trinidadien", "trinidadienne", "trinidadiens", "trinidadiennes"]),
    "TW": (["Taiwanese"], ["taïwanais", "taïwanaise", "taïwanaises"]),
    "TZ": (["Tanzanian"], ["tanzanien", "tanzanienne", "tanzaniens", "tanzaniennes"]),
    "UG": (["Ugandan"], ["ougandais", "ougandaise", "ougandaises"]),
    "UY": (["Uruguayan"], ["uruguayen", "uruguayenne", "uruguayens", "uruguayennes"]),
    "UZ": (["Uzbek", "Uzbekistani"], ["ouzbek", "ouzbèke", "ouzbeks", "ouzbèkes"]),
    "VA": (["Vatican"], []),
    "VE": (["Venezuelan"], ["vénézuélien", "vénézuélienne", "vénézuéliens", "vénézuéliennes"]),
    "VN": (["Vietnamese"], ["vietnamien", "vietnamienne", "vietnamiens", "vietnamiennes"]),
    "VU": (["Vanuatuan"], []),
    "WS": (["Samoan"], []),
    "YE": (["Yemeni"], ["yéménite", "yéménites"]),
    "ZA": (["South African"], ["sud-africain", "sud-africaine", "sud-africains", "sud-africaines"]),
    "ZM": (["Zambian"], ["zambien", "zambienne", "zambiens", "zambiennes"]),
    "ZW": (["Zimbabwean"], ["zimbabwéen", "zimbabwéenne", "zimbabwéens", "zimbabwéennes"]),
}


# Forms too ambiguous in running text (a person's first name, a US state...).
NO_MATCH = {"en": {"Chad", "Jersey", "Jordan"}, "fr": {"Maurice", "Jersey"}}

# Short forms ISO gives two countries, kept for the one the press means ("Korea" is South Korea; the
# North is written "North Korea" or "DPRK").
NOT_FOR = {"KP": {"en": {"Korea"}, "fr": {"Corée"}}, "CD": {"en": {"Congo"}}}


def _forms(name: str) -> list[str]:
    """``"Corée, République de"`` → ``["Corée", "République de Corée"]``."""
    if ", " not in name or " and " in name or " et " in name:
        return [name]
    head, tail = name.split(", ", 1)
    joiner = "" if tail.endswith(("'", "’")) else " "
    return [head, f"{tail}{joiner}{head}".replace("'", "’")]


def main() -> None:
    import pycountry  # type: ignore[import-not-found]  # dev-time only

    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    table: dict[str, dict[str, list[str]]] = {}
    for c in pycountry.countries:
        code = c.alpha_2
        entry: dict[str, list[str]] = {"en": [], "fr": []}
        for lang in ("en", "fr"):
            tr = (lambda s: s) if lang == "en" else fr.gettext
            names: list[str] = []
            if code in DISPLAY[lang]:
                names.append(DISPLAY[lang][code])
            if lang == "en" and getattr(c, "common_name", None):
                names.append(c.common_name)
            names += _forms(tr(c.name))
            official = getattr(c, "official_name", None)
            if official:
                names += _forms(tr(official))
            adjectives = ADJECTIVES.get(code, ([], []))[0 if lang == "en" else 1]
            names += [n for n in EXTRA.get(code, {}).get(lang, []) if n not in adjectives]
            seen: list[str] = []
            for n in names:
                n = n.replace("'", "’")
                if n in NOT_FOR.get(code, {}).get(lang, set()):
                    continue
                if (n not in seen and n not in NO_MATCH[lang]) or (not seen and n):
                    seen.append(n)
            entry[lang] = seen
            if adjectives:
                entry[f"{lang}_adj"] = adjectives
        table[code] = entry
    table["XK"] = {lang: EXTRA["XK"][lang] for lang in ("en", "fr")}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # Languages this script does not generate (es: from CLDR, kept by hand) are carried over.
    if OUT.exists():
        for code, old in json.loads(OUT.read_text(encoding="utf-8")).items():
            for key, forms in old.items():
                table.setdefault(code, {}).setdefault(key, forms)
    OUT.write_text(json.dumps(dict(sorted(table.items())), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} countries to {OUT}")


if __name__ == "__main__":
    main()
