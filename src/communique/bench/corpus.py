"""The benchmark corpus: the founding sample, an English sample and generated releases.

Generated releases imitate NATO news pages in French and English: a title, a
bulleted header with the event dates and an update stamp, a dateline, then
paragraphs with quotations attributed to named officers and lists of the
countries taking part.  Each one is produced twice, from the same random draws:

* as the plain text a user would feed the ``text`` parser, and
* as the :class:`~communique.model.PressRelease` that text describes (quotes
  with exact offsets, speakers who are attendees), so that exporters can be
  measured on a stable model even when the text parser changes or is absent.

Everything is seeded: the same ``(language, paragraphs, seed)`` gives the same
text and the same release on every machine and every run.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import random
from collections.abc import Iterator, Sequence
from pathlib import Path

from attrs import frozen

from ..model import Attendee, Dates, Header, Paragraph, PressRelease, Quote

__all__ = [
    "SEED",
    "SIZES",
    "Case",
    "Generated",
    "batch",
    "build_corpus",
    "english_sample",
    "founding_sample",
    "generate",
]

SEED = 20180522
"""Base seed of the generator (the founding sample's event date)."""

SIZES = (1, 10, 100, 1000)
"""Paragraph counts of the generated releases."""


@frozen
class Generated:
    """One generated release: its NATO-style text and the model it describes."""

    language: str
    paragraphs: int
    seed: int
    text: str
    release: PressRelease


@frozen
class Case:
    """One release of the corpus, as measured by the benchmark."""

    id: str
    """Short stable name used in tables and JSON (``sample-fr``, ``gen-en-1000``)."""
    language: str
    paragraphs: int
    """Number of body paragraphs."""
    text: str
    """The release as NATO-style plain text (input of the ``text`` parser)."""
    release: PressRelease | None
    """The model built with the text, or ``None`` when only the text is known (samples)."""
    origin: str
    """Where it comes from: a file path, ``package:…`` or ``generated (seed …)``."""


# Language material.  French strings use the typographic apostrophe like the
# NATO pages do; the English ones use straight quotes’ typographic pair “ ”.

_COUNTRIES: tuple[tuple[str, str, str], ...] = (
    # code, French "de …" form as written in a list, English name
    ("AL", "de la République d’Albanie", "Albania"),
    ("BG", "de la République de Bulgarie", "Bulgaria"),
    ("BA", "de la Bosnie-Herzégovine", "Bosnia and Herzegovina"),
    ("GR", "de la République hellénique", "Greece"),
    ("MK", "de la Macédoine du Nord", "North Macedonia"),
    ("RO", "de la Roumanie", "Romania"),
    ("RS", "de la République de Serbie", "Serbia"),
    ("TR", "de la République de Turquie", "Türkiye"),
    ("ME", "du Monténégro", "Montenegro"),
    ("HR", "de la République de Croatie", "Croatia"),
    ("SI", "de la République de Slovénie", "Slovenia"),
    ("FR", "de la France", "France"),
    ("DE", "de l’Allemagne", "Germany"),
    ("IT", "de l’Italie", "Italy"),
    ("PL", "de la Pologne", "Poland"),
    ("HU", "de la Hongrie", "Hungary"),
    ("CZ", "de la République tchèque", "Czechia"),
    ("SK", "de la Slovaquie", "Slovakia"),
    ("UA", "de l’Ukraine", "Ukraine"),
    ("GE", "de la Géorgie", "Georgia"),
    ("NO", "de la Norvège", "Norway"),
    ("ES", "de l’Espagne", "Spain"),
    ("PT", "du Portugal", "Portugal"),
    ("NL", "des Pays-Bas", "the Netherlands"),
    ("BE", "de la Belgique", "Belgium"),
)

# City: French name, English name, the country it is in (French "en/au …", English), native spelling.
_CITIES: tuple[tuple[str, str, str, str, str], ...] = (
    ("Belgrade", "Belgrade", "en Serbie", "Serbia", "Београд"),
    ("Sofia", "Sofia", "en Bulgarie", "Bulgaria", "София"),
    ("Skopje", "Skopje", "en Macédoine du Nord", "North Macedonia", "Скопје"),
    ("Podgorica", "Podgorica", "au Monténégro", "Montenegro", "Подгорица"),
    ("Thessalonique", "Thessaloniki", "en Grèce", "Greece", "Θεσσαλονίκη"),
    ("Athènes", "Athens", "en Grèce", "Greece", "Αθήνα"),
    ("Tirana", "Tirana", "en Albanie", "Albania", "Tiranë"),
    ("Ljubljana", "Ljubljana", "en Slovénie", "Slovenia", "Ljubljana"),
    ("Zagreb", "Zagreb", "en Croatie", "Croatia", "Zagreb"),
    ("Bucarest", "Bucharest", "en Roumanie", "Romania", "București"),
)

_FIRST = (
    "Ljubiša", "Dragan", "Milan", "Nikola", "Aleksandar", "Stefan", "Ana", "Marija", "Jelena", "Ivana",
    "Goran", "Zoran", "Petar", "Andrei", "Mihai", "Elena", "Georgios", "Konstantinos", "Dimitrios", "Mehmet",
    "Ayşe", "Hulusi", "Jan", "Piotr", "Agnieszka", "Tomáš", "Zdeněk", "François", "Hélène", "Jérôme",
    "Chloé", "Søren", "Björn", "Kristjan", "Jüri", "Rainer", "Núria", "João", "Stuart", "Eamon",
)  # fmt: skip
_LAST = (
    "Diković", "Šarović", "Kovačević", "Petrović", "Jovanović", "Popescu", "Ionescu", "Papadopoulos",
    "Konstantinidis", "Yılmaz", "Akar", "Nowak", "Kowalski", "Dvořák", "Novák", "Lefèvre", "Côté", "Leclerc",
    "Mørk", "Østergaard", "Jürgens", "Müller", "Kivisoo", "Gonçalves", "Peach", "Bauer", "Hoxha", "Rexhepi",
    "Tănase", "Çelik", "Marković", "Shepro", "Dimitrov", "Georgiev", "Šimunović", "Grünewald", "Lindqvist",
    "Mavromatis", "Dragomir", "Vukčević",
)  # fmt: skip

_RANKS = {
    "fr": ("général", "général de corps aérien", "amiral", "vice-amiral", "général de division", "général de brigade"),
    "en": ("General", "Lieutenant General", "Admiral", "Vice Admiral", "Major General", "Air Marshal"),
}

# Roles of named people: French, English, organisation (fr, en) or None when the
# role is national ("{de}" / "{of}" are filled with a country).
_ROLES: tuple[tuple[str, str, tuple[str, str] | None], ...] = (
    ("président du Comité militaire de l’OTAN", "Chair of the NATO Military Committee", ("OTAN", "NATO")),
    (
        "président délégué du Comité militaire de l’OTAN",
        "Deputy Chair of the NATO Military Committee",
        ("OTAN", "NATO"),
    ),
    ("commandant suprême des forces alliées en Europe", "Supreme Allied Commander Europe", ("OTAN", "NATO")),
    ("chef d’état-major de la défense {de}", "Chief of Defence of {of}", None),
    ("chef d’état-major général {de}", "Chief of the General Staff of {of}", None),
    ("représentant militaire {de} auprès de l’OTAN", "Military Representative of {of} to NATO", None),
    (
        "président du Comité militaire de l’Union européenne",
        "Chairman of the European Union Military Committee",
        ("CMUE", "EUMC"),
    ),
)

_TOPICS = (
    ("la coopération militaire régionale", "regional military cooperation"),
    ("la cyberdéfense", "cyber defence"),
    ("l’interopérabilité des forces", "the interoperability of forces"),
    ("la gestion de crise", "crisis management"),
    ("la sécurité maritime en mer Noire", "maritime security in the Black Sea"),
    ("la lutte contre le terrorisme", "the fight against terrorism"),
    ("le renforcement des capacités de défense", "defence capacity building"),
    ("la résilience des infrastructures critiques", "the resilience of critical infrastructure"),
    ("la formation des forces armées", "the training of the armed forces"),
    ("les réformes du secteur de la défense", "defence sector reform"),
    ("la stabilité des Balkans occidentaux", "stability in the Western Balkans"),
    ("la sécurité énergétique", "energy security"),
    ("la lutte contre les menaces hybrides", "countering hybrid threats"),
    ("la sécurité humaine", "human security"),
    ("le déminage humanitaire", "humanitarian demining"),
    ("l’intégration euro-atlantique", "Euro-Atlantic integration"),
)

_FILLER = {
    "fr": (
        "Les discussions ont porté sur {t1}, ainsi que sur {t2}.",
        "Les participants ont examiné {t1} et les moyens de renforcer {t2} dans la région.",
        "Depuis {year}, l’OTAN et ses partenaires coopèrent étroitement dans le domaine de {t1}.",
        "Cette rencontre a permis de faire le point sur {t1} et de préparer les prochaines étapes.",
        "Les délégations ont souligné le rôle de {t1} dans le maintien de la paix et de la sécurité.",
        "Un exercice conjoint consacré à {t1} est prévu au cours de l’année {year2}.",
        "La réunion s’est tenue à {city}{native}, où les délégations ont été accueillies par les autorités.",
        "Les échanges ont également abordé {t1}, un enjeu essentiel pour l’ensemble de la famille euro-atlantique.",
        "Les représentants ont salué les progrès accomplis en matière de {t1} depuis la dernière conférence.",
    ),
    "en": (
        "Discussions focused on {t1}, as well as on {t2}.",
        "Participants examined {t1} and ways to strengthen {t2} in the region.",
        "Since {year}, NATO and its partners have worked closely together in the field of {t1}.",
        "The meeting took stock of {t1} and prepared the next steps.",
        "Delegations underlined the role of {t1} in maintaining peace and security.",
        "A joint exercise on {t1} is planned for {year2}.",
        "The meeting was held in {city}{native}, where delegations were welcomed by the authorities.",
        "The talks also addressed {t1}, a key issue for the whole Euro-Atlantic family.",
        "Representatives welcomed the progress made on {t1} since the last conference.",
    ),
}

_QUOTES = {
    "fr": (
        "l’OTAN maintiendra sa présence et son engagement dans la région",
        "la coopération régionale est essentielle pour {t1}",
        "nous devons continuer à investir dans {t1}",
        "notre Alliance reste déterminée à soutenir {t1}",
        "la stabilité de cette région est bénéfique pour la sécurité de l’Europe tout entière",
        "le dialogue et la coopération avec les partenaires renforcent la sécurité internationale",
        "{t1} fait partie de la tâche fondamentale de l’OTAN qu’est la défense collective",
    ),
    "en": (
        "NATO will maintain its presence and its commitment in the region",
        "regional cooperation is essential for {t1}",
        "we must keep investing in {t1}",
        "our Alliance remains determined to support {t1}",
        "stability in this region benefits the security of Europe as a whole",
        "dialogue and cooperation with partners strengthen international security",
        "{t1} is part of NATO’s core task of collective defence",
    ),
}

_MONTHS_EN_ABBR = ("Jan.", "Feb.", "Mar.", "Apr.", "May.", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec.")
_MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre",
)  # fmt: skip
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
)  # fmt: skip


class _Person:
    """A named person of a generated release, and how the text refers to them."""

    def __init__(self, language: str, attendee: Attendee, rank: str, last: str, role_text: str) -> None:
        self.language = language
        self.attendee = attendee
        self.rank = rank
        self.last = last
        self.role_text = role_text
        self.introduced = False

    def ref(self, *, subject: bool = True) -> str:
        """How the text names the person: in full with the role the first time, by rank and name after."""
        name = self.attendee.name
        assert name is not None
        if self.language == "fr":
            article = "Le" if subject else "le"
            if not self.introduced:
                self.introduced = True
                return f"{article} {self.rank} {name}, {self.role_text},"
            return f"{article} {self.rank} {self.last}"
        if not self.introduced:
            self.introduced = True
            return f"{self.rank} {name}, {self.role_text},"
        return f"{self.rank} {self.last}"


class _Body:
    """Paragraph builder that records quotation offsets as the text grows."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.quotes: list[Quote] = []
        self._parts: list[str] = []
        self._length = 0

    def add(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)

    def add_quote(self, words: str, speaker: str | None, opening: str, closing: str) -> None:
        self.add(opening)
        start = self._length
        self.add(words)
        self.quotes.append(
            Quote(text=words, speaker=speaker, paragraph=len(self.paragraphs), start=start, end=start + len(words))
        )
        self.add(closing)

    def end_paragraph(self) -> None:
        text = "".join(self._parts)
        lead = len(text) - len(text.lstrip())
        if lead:
            # Sentences are added with a leading space; the paragraph starts at its first word.
            index = len(self.paragraphs)
            self.quotes = [
                q
                if q.paragraph != index
                else Quote(text=q.text, speaker=q.speaker, paragraph=index, start=q.start - lead, end=q.end - lead)
                for q in self.quotes
            ]
        self.paragraphs.append(text.strip())
        self._parts = []
        self._length = 0


_CONTRACTIONS = (("de le ", "du "), ("de les ", "des "), ("à le ", "au "), ("à les ", "aux "), (",.", "."), (",,", ","))


def _clean(text: str) -> str:
    # Topics are written with their article ("le déminage"): contract "de le"
    # as French does, and drop the "," of a first mention before a full stop.
    for old, new in _CONTRACTIONS:
        text = text.replace(old, new)
    return text


class _Generator:
    def __init__(self, language: str, paragraphs: int, seed: int) -> None:
        if language not in ("fr", "en"):
            raise ValueError(f"the generator writes French ('fr') or English ('en'), not {language!r}")
        if paragraphs < 1:
            raise ValueError("a generated release needs at least one paragraph")
        self.lang = language
        self.n = paragraphs
        self.seed = seed
        self.rng = random.Random(f"{seed}:{language}:{paragraphs}")
        self.year = 2018
        self.people: list[_Person] = []
        self.role_only: dict[tuple[str, str | None, str | None], Attendee] = {}
        self._names = [(f, last) for f in _FIRST for last in _LAST]
        self.rng.shuffle(self._names)

    # Drawing material

    def topic(self) -> str:
        pair = self.rng.choice(_TOPICS)
        return pair[0] if self.lang == "fr" else pair[1]

    def country(self) -> tuple[str, str, str]:
        return self.rng.choice(_COUNTRIES)

    def new_person(self) -> _Person:
        first, last = self._names.pop()
        fr_role, en_role, org = self.rng.choice(_ROLES)
        code: str | None = None
        if org is None:
            code, de, of = self.country()
            fr_role, en_role = fr_role.format(de=de), en_role.format(of=of)
        rank = self.rng.choice(_RANKS[self.lang])
        role = fr_role if self.lang == "fr" else en_role
        organization = None if org is None else org[0] if self.lang == "fr" else org[1]
        attendee = Attendee(name=f"{first} {last}", rank=rank, role=role, organization=organization, country=code)
        person = _Person(self.lang, attendee, rank, last, role)
        self.people.append(person)
        return person

    def speaker(self) -> _Person:
        # Mostly people already introduced, sometimes a new voice.
        if not self.people or (len(self.people) < len(_FIRST) * len(_LAST) and self.rng.random() < 0.2):
            return self.new_person()
        return self.rng.choice(self.people)

    # Writing

    def filler(self, body: _Body, city: tuple[str, str, str, str, str]) -> None:
        template = self.rng.choice(_FILLER[self.lang])
        year = self.year - self.rng.randint(1, 12)
        sentence = template.format(
            t1=self.topic(),
            t2=self.topic(),
            year=year,
            year2=self.year + self.rng.randint(0, 2),
            city=city[0] if self.lang == "fr" else city[1],
            native="" if city[4] == city[int(self.lang == "en")] else f" ({city[4]})",
        )
        body.add(" " + _clean(sentence))

    def quote_sentence(self, body: _Body) -> None:
        person = self.speaker()
        name = person.attendee.name
        words = _clean(self.rng.choice(_QUOTES[self.lang]).format(t1=self.topic()))
        style = self.rng.randrange(3)
        if self.lang == "fr":
            verb = self.rng.choice(("souligné", "ajouté", "rappelé", "affirmé", "insisté sur le fait"))
            if style == 0:
                body.add(_clean(f" {person.ref()} a {verb} que"))
                body.add_quote(words, name, " « ", " ».")
            elif style == 1:
                body.add_quote(words[0].upper() + words[1:], name, " « ", " »")
                body.add(_clean(f", a déclaré {person.ref(subject=False)}").rstrip(",") + ".")
            else:
                body.add(_clean(f" {person.ref()} a ajouté :"))
                body.add_quote(words[0].upper() + words[1:] + ".", name, " « ", " »")
        else:
            verb = self.rng.choice(("stressed", "said", "noted", "underlined", "recalled"))
            if style == 0:
                body.add(_clean(f" {person.ref()} {verb} that"))
                body.add_quote(words, name, " “", "”.")
            elif style == 1:
                body.add_quote(words[0].upper() + words[1:], name, " “", "”")
                body.add(_clean(f", said {person.ref(subject=False)}").rstrip(",") + ".")
            else:
                body.add(_clean(f" {person.ref()} added:"))
                body.add_quote(words[0].upper() + words[1:] + ".", name, " “", "”")

    def participants(self, body: _Body) -> None:
        picked = self.rng.sample(_COUNTRIES, self.rng.randint(4, 9))
        role = "chef d’état-major de la défense" if self.lang == "fr" else "Chief of Defence"
        for code, _, _ in picked:
            self._role_only(role, code, None)
        if self.lang == "fr":
            forms = [de for _, de, _ in picked]
            listed = ", ".join(forms[:-1]) + " et " + forms[-1]
            body.add(
                f" On comptait parmi les participants les chefs d’état-major de la défense {listed}, ainsi que le "
                "président du Comité militaire de l’Union européenne (CMUE) et le commandant du Commandement allié "
                "de forces interarmées (JFC) de Naples."
            )
            self._role_only("président du Comité militaire de l’Union européenne", None, "CMUE")
            self._role_only("commandant du Commandement allié de forces interarmées de Naples", None, "OTAN")
        else:
            names = [of for _, _, of in picked]
            listed = ", ".join(names[:-1]) + " and " + names[-1]
            body.add(
                f" Participants included the Chiefs of Defence of {listed}, as well as the Chairman of the EU "
                "Military Committee (EUMC) and the Commander of Allied Joint Force Command (JFC) Naples."
            )
            self._role_only("Chairman of the EU Military Committee", None, "EUMC")
            self._role_only("Commander of Allied Joint Force Command Naples", None, "NATO")

    def _role_only(self, role: str, country: str | None, organization: str | None) -> None:
        key = (role, country, organization)
        if key not in self.role_only:
            self.role_only[key] = Attendee(role=role, country=country, organization=organization)

    def run(self) -> Generated:
        rng = self.rng
        start = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(9 * 365))
        end = start + dt.timedelta(days=rng.randrange(3))
        self.year = start.year
        updated = dt.datetime.combine(
            end + dt.timedelta(days=rng.randint(1, 60)), dt.time(rng.randrange(8, 20), rng.randrange(60))
        )
        city = rng.choice(_CITIES)
        edition = rng.randint(2, 25)
        host = self.new_person()
        body = _Body()
        fr = self.lang == "fr"
        if fr:
            when = (
                f"le {start.day} {_MONTHS_FR[start.month - 1]}"
                if start == end
                else f"les {start.day} et {end.day} {_MONTHS_FR[end.month - 1]}"
                if start.month == end.month
                else f"du {start.day} {_MONTHS_FR[start.month - 1]} au {end.day} {_MONTHS_FR[end.month - 1]}"
            )
            body.add(
                f"{host.ref()} a assisté à la {edition}e conférence des chefs d’état-major de la défense (CEMD) "
                f"des pays de la région qui s’est tenue {when} à {city[0]}, {city[2]}."
            )
        else:
            when = (
                f"on {start.day} {_MONTHS_EN[start.month - 1]}"
                if start == end
                else f"on {start.day} and {end.day} {_MONTHS_EN[end.month - 1]}"
                if start.month == end.month
                else f"from {start.day} {_MONTHS_EN[start.month - 1]} to {end.day} {_MONTHS_EN[end.month - 1]}"
            )
            body.add(
                f"{host.ref()} attended the {_ordinal(edition)} Conference of Chiefs of Defence (CHODs) of the "
                f"countries of the region, held {when} in {city[1]}, {city[3]}."
            )
        for i in range(self.n):
            if i:
                if i % 12 == 2:
                    self.participants(body)
                else:
                    self.filler(body, city)
            for _ in range(rng.randint(1, 3)):
                self.filler(body, city)
            if rng.random() < 0.45 or (self.n == 1 and not body.quotes):
                self.quote_sentence(body)
            body.end_paragraph()
        title = self.title(host, edition)
        dateline = city[0] if fr else city[1]
        release = PressRelease(
            header=Header(title=title, language=self.lang, source="OTAN" if fr else "NATO", dateline=dateline),
            dates=Dates(start=start, end=None if end == start else end, updated=updated),
            paragraphs=tuple(Paragraph(text=p) for p in body.paragraphs),
            quotes=tuple(body.quotes),
            attendees=(*(p.attendee for p in self.people), *self.role_only.values()),
        )
        text = self.page(title, start, end, updated, dateline, body.paragraphs)
        return Generated(language=self.lang, paragraphs=self.n, seed=self.seed, text=text, release=release)

    def title(self, host: _Person, edition: int) -> str:
        role = host.role_text
        if self.lang == "fr":
            return f"LE {role.upper()} ASSISTE À LA {edition}e CONFÉRENCE DES CHEFS D’ÉTAT-MAJOR DE LA DÉFENSE"
        return f"{role} attends {_ordinal(edition)} Conference of Chiefs of Defence"

    def page(
        self, title: str, start: dt.date, end: dt.date, updated: dt.datetime, dateline: str, paragraphs: Sequence[str]
    ) -> str:
        def day(d: dt.date) -> str:
            return f"{d.day:02d} {_MONTHS_EN_ABBR[d.month - 1]} {d.year}"

        dates = day(start) if start == end else f"{day(start)} - {day(end)}"
        label = "Mis à jour le" if self.lang == "fr" else "Last updated"
        stamp = f"{day(updated.date())} {updated:%H:%M}"
        lines = [title, "", f"  • {dates}", "  • |", f"  • {label}: {stamp}", ""]
        for i, paragraph in enumerate(paragraphs):
            lines.append(f"{dateline} – {paragraph}" if i == 0 else paragraph)
            lines.append("")
        return "\n".join(lines)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def generate(language: str, paragraphs: int, seed: int = SEED) -> Generated:
    """Generate one release of ``paragraphs`` paragraphs in ``language`` (``"fr"`` or ``"en"``)."""
    return _Generator(language, paragraphs, seed).run()


def batch(count: int, seed: int = SEED) -> Iterator[Generated]:
    """``count`` distinct sample-sized releases (3 to 8 paragraphs), alternating French and English."""
    for i in range(count):
        rng = random.Random(seed + i)
        yield generate("fr" if i % 2 == 0 else "en", rng.randint(3, 8), seed + i)


def _read_sample(name: str) -> tuple[str, str] | None:
    # An installed wheel has the samples as package data (communique/data/samples); a source
    # checkout keeps its one copy of each under examples/.
    try:
        resource = importlib.resources.files("communique.data").joinpath("samples", name)
        if resource.is_file():
            return resource.read_text(encoding="utf-8"), f"package:communique/data/samples/{name}"
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        pass
    repo_file = Path(__file__).resolve().parents[3] / "examples" / name
    if repo_file.is_file():
        return repo_file.read_text(encoding="utf-8"), f"examples/{name}"
    return None


def _sample(language: str, case_id: str, stand_in_paragraphs: int) -> Case:
    found = _read_sample(f"sample_{language}.txt")
    if found is not None:
        text, origin = found
        paragraphs = _count_paragraphs(text)
        return Case(case_id, language, paragraphs, text, None, origin)
    # No sample file: a generated release of the same size stands in for it.
    gen = generate(language, stand_in_paragraphs, SEED - 1)
    return Case(case_id, language, gen.paragraphs, gen.text, gen.release, f"generated stand-in (seed {SEED - 1})")


def _count_paragraphs(text: str) -> int:
    # Blocks after the header: a header block is the title and the bulleted lines.
    blocks = [b for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    body = [b for b in blocks[1:] if not all(line.lstrip().startswith("•") for line in b.strip().splitlines())]
    return len(body)


def founding_sample() -> Case:
    """The founding French sample (the NATO page the project started from)."""
    return _sample("fr", "sample-fr", 6)


def english_sample() -> Case:
    """An English sample: ``sample_en.txt`` when shipped, else a generated English release of sample size."""
    return _sample("en", "sample-en", 6)


def build_corpus(*, sizes: Sequence[int] = SIZES, languages: Sequence[str] = ("fr", "en")) -> list[Case]:
    """The samples, then one generated release per language and size (in that order)."""
    cases = [founding_sample(), english_sample()]
    for size in sizes:
        for language in languages:
            gen = generate(language, size)
            cases.append(
                Case(f"gen-{language}-{size}", language, size, gen.text, gen.release, f"generated (seed {SEED})")
            )
    return cases
