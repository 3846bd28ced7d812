"""Verbs of saying, in two lists with two jobs.

:data:`SPEECH_VERBS` are the verbs that report what someone said or knows
("say", "tell", "warn", "believe"): an event under one of them is reported by
its subject (``reported_by``), flags like negation stop at them, the actor
stage reads the subject after an inverted one ("…, detailed John Kirby"), and
the places stage tells a capital that speaks ("Washington said") from a city.
It was written by hand as one class; it merges the lists those stages kept
apart before. :data:`DIRECTIVE_VERBS` ask someone to act ("urge", "call on"):
what they govern is wanted, not reported, so they are no verbs of saying for
the events, but a capital that urges speaks for its government as one that says.

:data:`ATTRIBUTION_CUES` are the cues of the quotes stage: the lemmas of
verbs that attribute what is said, thought or wanted to a source.
Derived once (by hand, not at run time) from the attribution cues of the
PolNeAR training articles (``quotes_train.jsonl``): the lemmas of the quotes
stage's first list, without those that, as verbs, head a sourced attribution
less than a fifth of the time in that text (think, know, want, expect, feel,
maintain: mostly private states of generic subjects), plus every verb lemma
that heads one at least five times and at least 30% of the time (decry,
lament, portray, liken, voice …). "according to" is read separately.
"""

__all__ = ["ATTRIBUTION_CUES", "DIRECTIVE_VERBS", "SPEECH_VERBS"]

SPEECH_VERBS = frozenset(
    "say tell indicate announce state report add claim stress note declare confirm explain "
    "specify detail observe write insist assure reply quote suggest argue acknowledge admit "
    "reveal estimate maintain comment affirm emphasise emphasize underline recall believe "
    "think know hear learn show predict warn".split()
)

DIRECTIVE_VERBS = frozenset("urge call ask demand request appeal press".split())

ATTRIBUTION_CUES = frozenset(
    (
        "accuse acknowledge acquiesce add admit advocate agree aim allege allude anger "
        "announce apologize applaud argue articulate ask assail assert assure attack balk "
        "believe bemoan blame blast boast brag brush call caution challenge champion chant "
        "characterize charge chide cite claim clarify comment complain concede conclude "
        "condemn confirm congratulate contemplate contend continue contradict contrast "
        "convince counter credit criticize declare decline decry deem defend demand denounce "
        "deny deride describe detail devote disavow disclose discuss dislike dismiss dispute "
        "distance document doubt echo email emphasise emphasize encourage endorse envision "
        "estimate explain express fear find forecast hail highlight hint hop hope imply "
        "indicate insist interject invoke issue joke label lament lash learn liken list "
        "mention mock name note observe offer oppose order outline paint persuade pivot plan "
        "plead pledge point portray post praise predict prefer proclaim promise promote "
        "propose push question quote rail rattle reaffirm rebuke rebut recall recite "
        "recommend recount refer reference refuse reiterate reject remark remember remind "
        "repeat reply report resist respond retweete reveal rule say seek shout show side "
        "signal slam specify speculate state stress suggest support suspect talk tell testify "
        "thank threaten tout tweet underscore unveil urge voice vouch vow warn witness wonder "
        "worry write yell"
    ).split()
)
