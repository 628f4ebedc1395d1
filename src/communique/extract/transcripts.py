"""Transcript turns: paragraphs that open with the label of who speaks ("SECRETARY GENERAL:").

A press conference, a doorstep or a joint press point is published as a
transcript: each turn opens with its speaker's label and a colon, and the
words after it are that speaker's, up to the next label.  Labels take the
forms real transcripts give them:

- a role, as written or in capitals: ``NATO Secretary General:``,
  ``SECRETARY GENERAL:``, ``Le secrétaire général :``, ``PRIME MINISTER:``;
- a role and the name in brackets, either way round: ``NATO Spokesperson
  [Claire Duval]:``, ``Jens Halvorsen (NATO Secretary General):``;
- a role then a name, or a courtesy word then a name: ``Secretary General
  Jens Halvorsen:``, ``PRIME MINISTER ALBANESE:``, ``Mr Halvorsen:``;
- a name alone (two words or more, or one in capitals), only in a page
  that is a transcript by the labels above;
- the colon may be a Spanish ".-" or ".–" (``Consejero.- …``, ``Pregunta.– …``, ``R.– …``);
- a note in small letters in brackets after the label is no name (``Primer ministro de Portugal
  (traducción).-``), and a comma may stand inside brackets (``Pregunta (Lucía Montes, Agencia EFE).-``);
- a question or moderation label of the pack (``quotes.transcript_questions``:
  ``Q``, ``Question``, ``Journaliste``, ``Pregunta``): a journalist's words,
  not the release's speech, never a quotation (a quotation marked inside it
  stays one);
- an answer label of the pack (``quotes.transcript_answers``: ``R``, ``Respuesta``,
  ``A``): the interviewee's words, the release's first named person (the one the
  headline or standfirst introduces).

A page is a transcript when two paragraphs or more open with such a label and
one of them names a role, a name in brackets or a question.  A paragraph
without a label after a turn, while it reads as running text, continues that
turn (not an editor's note in brackets).  The people a transcript's headline
names take part (:func:`.release.release_from_parts`): a turn's role that one
of them holds is theirs.  What this module decides is only where turns are and what their labels
say; :mod:`.quotes` makes each spoken turn a quotation (one part per
paragraph), :mod:`.attendees` adds the named labels' people, and
:mod:`.speakers` resolves each label to its speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

import attrs
from attrs import frozen

from ..locale import languages, pack
from ._data import normalize
from .vocab import PeopleTables, bare, people_tables

__all__ = ["Turn", "find_turns", "turn_role"]

_LABEL_REACH = 90  # a label longer than this is a sentence with a colon, not a label
_MAX_LABEL_WORDS = 8
# The label, the colon (French puts a space before it), then the words of the turn.
# (A comma only inside brackets: "Pregunta (Lucía Montes, Agencia EFE).-".)
# (And one comma before a capital: "Directora general de Comunicación Social de la SRE, Adriana Loaiza Pérez:".)
_LABEL = re.compile(
    r"(?P<label>[^\W\d_](?:[^:\n«»“”\"!?;,(\[]|[(\[][^)\]\n:]{0,60}[)\]]|,[ \u00a0](?=[^\W\d_]))"
    r"{0,88}?)(?:[ \u00a0\u202f]?:[ \u00a0\u202f]+|\.[-–][ \u00a0\u202f]*)(?=\S)"
)
# A speaker's name in capitals opening the paragraph, the words on the next line ("THOMAS RENAUDIN" /
# "Bonjour …", joined by the copy): a label without a colon, as vie-publique prints interviews.
_CAPITALS_LABEL = re.compile(
    r"(?P<label>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ’'\-]+(?:[ \u00a0][A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ’'\-]+){1,3})[ \u00a0]+(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])"
)
# "Q. Commissioner, what …", "Q - Claire Aubertin, bonjour.": a one- or two-letter question label with a
# dot or a dash (a question label of the pack; no name or role is written so).
_SHORT_LABEL = re.compile(r"(?P<label>[^\W\d_]{1,2})(?:\.|[ \u00a0]+[-–])[ \u00a0\u202f]+(?=\S)")
_BRACKETED = re.compile(r"(?P<outer>[^\[\]()]*?)\s*[\[(](?P<inner>[^\[\]()]+)[\])]\s*(?P<tail>[^\[\]()]*)")
_SENTENCE_END = '.!?…»”"’)'


@frozen
class Turn:
    """One paragraph of a transcript turn: where its words start and who the label says speaks."""

    paragraph: int
    start: int
    """Offset in the paragraph where the turn's words start (after the label and its colon; 0 for a
    paragraph that continues the turn)."""
    label: str
    """The label as written ("NATO Spokesperson [Claire Duval]"), the same for every paragraph of the turn."""
    name: str | None
    """The name the label gives, if any."""
    role: str | None
    """The role the label gives, if any ("NATO Spokesperson", "SECRETARY GENERAL")."""
    question: bool
    """A question or moderation label: the words are no quotation."""
    continues: bool = False
    """A later paragraph of the turn, without a label of its own."""
    answer: bool = False
    """An interview's answer label of the pack (``quotes.transcript_answers``: "R", "Respuesta"): the
    words are the interviewee's, the release's first named person."""


@frozen
class _Label:
    end: int
    label: str
    name: str | None
    role: str | None
    question: bool
    strong: bool  # a role, a bracketed name or a question: what makes a page a transcript
    answer: bool = False  # an interview's answer label ("R.–", "Respuesta.–"): the interviewee speaks


def find_turns(paragraphs: Sequence[str], language: str) -> list[Turn]:
    """The transcript turns of ``paragraphs`` (empty when the release is not a transcript), in order."""
    labels: dict[int, _Label] = {}
    for i, text in enumerate(paragraphs):
        if (
            text.find(":", 0, _LABEL_REACH) < 0
            and text.find(".-", 0, _LABEL_REACH) < 0
            and text.find(".–", 0, _LABEL_REACH) < 0
            and _SHORT_LABEL.match(text) is None
            and not text[1:2].isupper()  # (a name in capitals: "THOMAS RENAUDIN Bonjour …")
        ):
            continue  # the common case: a paragraph without a colon (or a Spanish ".-") near its start
        label = _read_label(text, language)
        if label is not None and not label.question and _is_metadata(text[label.end :]):
            continue  # "SUBJECTS: Pacific policing; climate finance", "Location: Suva, Fiji": a header's data
        if label is not None:
            labels[i] = label
    if len(labels) < 2 or not (any(label.strong for label in labels.values()) or _interview(labels.values())):
        return []
    turns: list[Turn] = []
    current: _Label | None = None
    for i, text in enumerate(paragraphs):
        label = labels.get(i)
        if label is not None:
            current = label
            turns.append(Turn(i, label.end, label.label, label.name, label.role, label.question, answer=label.answer))
        elif current is not None and _runs_on(text):
            turns.append(
                Turn(
                    i,
                    0,
                    current.label,
                    current.name,
                    current.role,
                    current.question,
                    continues=True,
                    answer=current.answer,
                )
            )
        else:
            current = None
    return _names_as_written(turns, paragraphs)


def _names_as_written(turns: list[Turn], paragraphs: Sequence[str]) -> list[Turn]:
    """Turns whose label gives a name in capitals ("RATNA KUSUMAWARDHANI:") with the name as the text writes
    it elsewhere ("Ms Ratna Kusumawardhani (Indonesia), Head of Mission"), else with each word capitalised."""
    # An office's abbreviation before the name is no part of it ("ASEC. DIZON-REYES:", "USEC. BAUTISTA:").
    turns = [attrs.evolve(t, name=_without_abbreviation(t.name)) if t.name and t.name.isupper() else t for t in turns]
    # (A full name: a surname alone, "BENNINGTON:", is the headline's person's, read by _named_in_masthead.)
    names = {t.name for t in turns if t.name and t.name.isupper() and " " in t.name.strip()}
    if not names:
        return turns
    text = "\n".join(paragraphs)
    folded = text.casefold()
    written: dict[str, str] = {}
    for name in names:
        at = folded.find(name.casefold())
        while at >= 0 and text[at : at + len(name)].isupper():
            at = folded.find(name.casefold(), at + 1)
        written[name] = text[at : at + len(name)] if at >= 0 else _capitalised(name)
    return [attrs.evolve(t, name=written.get(t.name, t.name)) if t.name in written else t for t in turns]


def _without_abbreviation(name: str) -> str:
    """``name`` without the dotted abbreviations of three letters or more that open it ("ASEC. DIZON-REYES" →
    "DIZON-REYES"); initials ("J. SMITH") stay."""
    words = name.split()
    while len(words) > 1 and words[0].endswith(".") and len(words[0]) > _INITIAL_LENGTH:
        words = words[1:]
    return " ".join(words)


_INITIAL_LENGTH = 3  # characters of an initial with its dot ("J.", "Ma.")


def _capitalised(name: str) -> str:
    """``name`` in capitals with each word, and each part of a hyphenated one, capitalised."""
    return " ".join("-".join(part[:1] + part[1:].lower() for part in word.split("-")) for word in name.split())


def _title_case(name: str) -> str:
    """A name written in capitals as a name is written ("CLAIRE VASSEUR-LAMOTTE" → "Claire Vasseur-Lamotte")."""
    return " ".join("-".join(part[:1] + part[1:].lower() for part in word.split("-")) for word in name.split())


def _interview(labels: Iterable[_Label]) -> bool:
    """Whether names alone (no role, no colon) label the turns of an interview: two names, each twice or more."""
    counts: dict[str, int] = {}
    for label in labels:
        if label.name is not None and label.role is None:
            counts[label.name] = counts.get(label.name, 0) + 1
    return sum(1 for n in counts.values() if n >= 2) >= 2


def _is_metadata(words: str) -> bool:
    """Words after a label that are a header's data, not speech: a list or a place, no sentence in them."""
    words = words.strip()
    if words.count("; ") >= 2 and len(words.split()) <= _METADATA_WORDS:
        return True  # a list of subjects ("Trade talks in Jakarta; steel tariffs; beef access.")
    entry = _ENTRY.match(words)
    if entry is not None and all(w[:1].isupper() for w in entry.group().rstrip(" (\u00a0").split()):
        return True  # "Directora del centro de Dakar: Marta Iturralde Pazos (Pamplona, 1972). …": a list's entry
    return bool(words) and words[-1] not in _SENTENCE_END + "…—–-" and ". " not in words


_METADATA_WORDS = 25
# A name of two to four capitalised words and a bracket: an entry of a list of people, not a turn's words.
_ENTRY = re.compile(r"(?:[^\W\d_][\w’'\-.]*[ \u00a0]+){1,3}[^\W\d_][\w’'\-.]*[ \u00a0]*\(")


def _runs_on(text: str) -> bool:
    """Whether a paragraph without a label reads as more of the turn before it (running text).

    Not an editor's note in brackets ("(Transcripción editada por la Secretaría de Estado …)")."""
    text = text.strip()
    if text.startswith(("(", "[")) and text.endswith((")", "]")):
        return False
    return " " in text and text[-1:] in _SENTENCE_END


def _read_label(text: str, language: str) -> _Label | None:
    short = _SHORT_LABEL.match(text)
    if short is not None and normalize(short.group("label")).lower() in _questions(language):
        return _Label(short.end(), short.group("label"), None, None, True, True)
    if short is not None and normalize(short.group("label")).lower() in _answers(language):
        return _Label(short.end(), short.group("label"), None, None, False, False, answer=True)
    caps = _CAPITALS_LABEL.match(text)
    if caps is not None and not _role_like(caps.group("label"), people_tables(language)):
        return _Label(caps.end(), caps.group("label"), _title_case(caps.group("label")), None, False, False)
    m = _LABEL.match(text)
    if m is None:
        return None
    label = m.group("label").strip()
    if ", " in label and "(" not in label and "[" not in label:
        # "Role, Name:": the role, then the name after its comma.
        role_part, _, name_part = label.rpartition(", ")
        t = people_tables(language)
        if _name_like(name_part, t) and _role_like(role_part, t):
            return _Label(m.end(), label, name_part, role_part, False, True)
        return None
    if not label or label.count(" ") >= _MAX_LABEL_WORDS + 4:
        return None
    t = people_tables(language)
    if normalize(label).lower() in _questions(language):
        return _Label(m.end(), label, None, None, True, True)
    if normalize(label).lower() in _answers(language):
        return _Label(m.end(), label, None, None, False, False, answer=True)  # "R.–", "Respuesta.–", "A:"
    bracketed = _BRACKETED.fullmatch(label)
    if bracketed is not None and not bracketed.group("tail"):
        outer, inner = bracketed.group("outer").strip(), bracketed.group("inner").strip()
        if normalize(outer).lower() in _questions(language):
            return _Label(m.end(), label, None, None, True, True)  # "Q (The Namibian):", "MODERATOR (Ms X):"
        if _name_like(inner, t) and (not outer or _role_like(outer, t)):
            return _Label(m.end(), label, inner, outer or None, False, True)
        if _name_like(outer, t) and _role_like(inner, t):
            return _Label(m.end(), label, outer, inner, False, True)
        if not (outer and inner[:1].islower()):
            return None
        # "Primer ministro de Portugal (traducción)", "Minister (via interpreter)": a note on the words,
        # in small letters, after the label itself.
        words = outer.split()
    else:
        words = label.split()
    if len(words) > _MAX_LABEL_WORDS or not _label_words(words, t):
        return None
    # Role words first, then the name's words ("Secretary General Jens Halvorsen", "MINISTER WONG").
    k = len(words)
    while k > 0 and not _vocabulary(words[k - 1], t):
        k -= 1
    if 0 < k < len(words) and bare(normalize(words[k - 1])) in t.link_words:
        k = len(words)  # "LA MINISTRE DES PÊCHES": the words after a link are the portfolio's, not a name
    role_words, name_words = words[:k], words[k:]
    if role_words and not _role_like(" ".join(role_words), t):
        if any(_kind(w, t) == "honorific" for w in role_words) and name_words:
            return _Label(m.end(), label, " ".join(name_words), None, False, False)  # "Mr Halvorsen"
        return None
    name = " ".join(name_words) or None
    if role_words:
        return _Label(m.end(), label, name, " ".join(role_words), False, True)
    if name is not None and (len(name_words) >= 2 or name.isupper()):
        return _Label(m.end(), label, name, None, False, False)
    return None


def _label_words(words: Sequence[str], t: PeopleTables) -> bool:
    """Every word is capitalised, or a small word of a role ("Minister for Foreign Affairs", "ministre de la")."""
    for w in words:
        if w[0].isupper():
            continue
        low = bare(normalize(w))
        if low in t.link_words or low in t.article_words or low in t.vocab or low in t.role_articles:
            continue
        return False
    return True


def _kind(word: str, t: PeopleTables) -> str | None:
    hit = t.phrases.get(bare(normalize(word)))
    return hit[0] if hit is not None else None


def _vocabulary(word: str, t: PeopleTables) -> bool:
    """A word of a role phrase (a head, a title, a rank, an organisation, a link), not of a name."""
    low = bare(normalize(word))
    return (
        low in t.vocab
        or low in t.head_words
        or low in t.link_words
        or low in t.article_words
        or low in t.role_articles
        or (len(word) > 1 and word.isupper() and _kind(word, t) == "org")
    )


def _role_like(text: str, t: PeopleTables) -> bool:
    """``text`` holds a role's head, a title or a rank ("NATO Spokesperson", "SECRETARY GENERAL")."""
    words = [bare(normalize(w)) for w in text.split()]
    if not words:
        return False
    if any(w in t.head_words for w in words):
        return True
    for n in range(1, min(4, len(words)) + 1):
        for k in range(len(words) - n + 1):
            hit = t.phrases.get(" ".join(words[k : k + n]))
            if hit is not None and hit[0] in ("title", "rank"):
                return True
    return False


def _name_like(text: str, t: PeopleTables) -> bool:
    """One to five capitalised words that are not a role's ("Claire Duval", "H. Solvang")."""
    words = text.split()
    return (
        0 < len(words) <= 5
        and all(w[0].isupper() and not any(c.isdigit() for c in w) for w in words)
        and not _role_like(text, t)
    )


@cache
def _questions(language: str) -> frozenset[str]:
    """The question and moderation labels of every pack, lower-cased: a transcript may mix languages."""
    del language
    return frozenset(normalize(q).lower() for code in languages() for q in pack(code).quotes.transcript_questions)


@cache
def _answers(language: str) -> frozenset[str]:
    """The answer labels of every pack, lower-cased ("r", "respuesta", "a")."""
    del language
    return frozenset(normalize(a).lower() for code in languages() for a in pack(code).quotes.transcript_answers)


def turn_role(role: str, language: str) -> str:
    """A transcript label's role as text writes a role ("NATO SPOKESPERSON" → "NATO Spokesperson")."""
    return _as_written(role, people_tables(language))


def _as_written(role: str, t: PeopleTables) -> str:
    """A role from a label in capitals ("SECRETARY GENERAL") as a role is written in text.

    An organisation's acronym stays in capitals ("NATO"); the pack's casing policy decides for
    the other words.
    """
    if not role.isupper():
        return role
    out = []
    for w in role.split():
        hit = t.phrases.get(w.lower())
        if hit is not None and hit[0] == "org":
            out.append(w)
        elif t.lower_roles:
            out.append(w.lower())
        else:
            out.append("-".join(part[:1] + part[1:].lower() for part in w.split("-")))
    return " ".join(out)
