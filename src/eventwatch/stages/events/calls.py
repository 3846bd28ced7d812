"""Calls that are no call between parties: names, summonses, hotlines and notices.

"Call" codes a phone call or a meeting (CAMEO 041), "call for" a demand (CAMEO
10). A report also uses the word for a name ("a bar called Ernie's"), a label
("called the death a tragedy"), a summons ("officers were called to the
scene") and a line to ring ("call 911", "for more information, call the museum
at 806-423-1253", "are encouraged to call Crimestoppers"): none of these is an
event, and nor is the help such a notice asks of the public ("asking for the
public's assistance"). Nor is talk a consultation when it is an interview with the
press ("spoke with CBS3 Eyewitness News", "talked with journalists") or hearsay ("any
talk of the murders"), and a reporter's "request for comment" is no request.
Part of :func:`readings.other_reading`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .arguments import prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import TriggerMatch

__all__ = ["interview_or_hearsay", "no_phone_call", "public_appeal"]


#: a telephone number or an emergency line: "(707) 441-4109", "1-888-LOCK-U-UP", "911"
_PHONE = re.compile(r"\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]?\d{4}\b|\b1-8\d\d-|\b911\b")
#: whom one calls to report, not to consult
_EMERGENCY = frozenset("police sheriff authorities 911 crimestoppers hotline line number".split())


def no_phone_call(match: TriggerMatch) -> bool:
    """ "Call" that is no call between parties (CAMEO 041): a name or a label ("a bar
    called Ernie's", "called the death a tragedy"), a summons ("officers were called to
    the scene", "called as witnesses"), or a call to a hotline or the police ("call
    911", "asked to call the police at (707) 441-4109"); and a "call for" that is a
    service line ("For more information, call the museum at 806-423-1253"), which
    requests nothing."""
    token = match.token
    if match.entry.type == "REQUEST" and _to_ring_a_line(token):
        return True  # "people with information are encouraged to call Crimestoppers"
    if match.entry.words[:1] == ("call",) and match.entry.type == "REQUEST":
        # "For more information, call the museum at 806-423-1253": no call for anything
        fronted = any(c.lower_ == "for" and c.i < token.i for c in token.children)
        return fronted or bool(_PHONE.search(token.sent.text))
    if match.entry.type != "CONSULT" or match.entry.words != ("call",):
        return False
    children = {c.dep_: c for c in token.children}
    if token.dep_ == "acl" or "oprd" in children:
        return True
    if "auxpass" in children and not any(c.dep_ == "agent" for c in token.children):
        return True
    callee = children.get("dobj")
    if callee is not None and (callee.like_num or callee.lemma_.lower() in _EMERGENCY):
        return True
    if callee is not None and callee.lemma_.lower() == "attention":
        return True  # "called attention to the deaths": drew notice, rang no one
    return bool(_PHONE.search(token.sent.text[token.idx - token.sent.start_char :]))


#: the verbs of getting in touch that a notice asks its readers for
_RINGING = frozenset({"call", "contact", "phone", "text", "email"})


def _to_ring_a_line(verb: Token) -> bool:
    """Whether what is asked is a call to a number or an emergency line ("are encouraged
    to call Crimestoppers at 504-822-1111", "urged anyone with information to contact
    police"): a notice to readers, not a demand between parties."""
    for act in (t for t in verb.subtree if t.i > verb.i and t.pos_ == "VERB"):
        if act.lemma_.lower() not in _RINGING:
            continue
        callees = [c for c in act.children if c.dep_ == "dobj"]
        if _PHONE.search(verb.sent.text) or any(c.lemma_.lower() in _EMERGENCY for c in callees):
            return True
    return False


#: the readers a notice asks for help: "the public's assistance", "help from residents"
_READERS = frozenset({"public", "community", "residents", "anyone"})


def public_appeal(match: TriggerMatch) -> bool:
    """Help asked of the public ("asking for the public's assistance", "seeking help
    from the community") is a notice to readers: neither a demand (CAMEO 10) nor aid
    between parties (CAMEO 07)."""
    token = match.token
    if match.entry.type == "AID" and token.pos_ == "NOUN":
        helps = [token]
    elif match.entry.type == "REQUEST" and token.pos_ == "VERB":
        # the help it asks for: its object, or the object of its "for"
        helps = [
            t
            for t in token.subtree
            if t.lemma_.lower() in _HELP and token.i in {t.head.i, t.head.head.i}
        ]
    else:
        return False
    return any(_giver(h) in _READERS for h in helps)


#: the nouns of help a notice asks for
_HELP = frozenset({"help", "assistance", "tip", "information", "cooperation"})


def _giver(noun: Token) -> str:
    """Who gives the help a noun names: its possessor ("the public's help") or its
    "from" ("help from residents"), as a lower-case lemma."""
    for child in noun.children:
        if child.dep_ in {"poss", "compound"}:
            return child.lemma_.lower()
        if child.dep_ == "prep" and child.lower_ == "from":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g.lemma_.lower()
    return ""


#: the press as an interlocutor: talking to it is giving an interview
_PRESS = frozenset(
    "reporter journalist press media newspaper correspondent interviewer newsman newswoman".split()
)
#: words of a news outlet's name ("CBS3 Eyewitness News", "Fox TV", "the Tribune")
_OUTLET_WORDS = frozenset(
    "News TV Television Radio Press Times Post Herald Tribune Journal Gazette".split()
)


def interview_or_hearsay(match: TriggerMatch) -> bool:
    """Talk that is no consultation (CAMEO 04 is between parties to an issue): talk
    with the press, which is an interview ("neighbors spoke with CBS3 Eyewitness
    News", "the minister talked with journalists"), and talk of something, which is
    hearsay ("didn't want to hear any talk of the murders"); and the press's own
    request for comment, which is the reporter's, not a party's."""
    token = match.token
    if match.entry.type == "REQUEST":  # "did not respond to requests for comment"
        return any(o.lemma_.lower() == "comment" for o in prep_objects(token, {"for"}))
    if match.entry.type != "CONSULT":
        return False
    if token.pos_ == "NOUN" and token.lemma_.lower() == "talk" and token.tag_ == "NN":
        if any(c.dep_ == "prep" and c.lower_ in {"of", "about"} for c in token.children):
            return True
    partners = prep_objects(token, {"with", "to"})
    return bool(partners) and all(_the_press(p) for p in partners)


def _the_press(word: Token) -> bool:
    if word.lemma_.lower() in _PRESS:
        return True
    name = [t for t in word.subtree if t.i <= word.i and t.pos_ == "PROPN"]
    return word.pos_ == "PROPN" and any(t.text in _OUTLET_WORDS for t in name)
