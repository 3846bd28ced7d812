"""The lemmas of verbs that attribute what is said, thought or wanted to a source.

Derived once (by hand, not at run time) from the attribution cues of the
PolNeAR training articles (``quotes_train.jsonl``): the lemmas of the quotes
stage's first list, without those that, as verbs, head a sourced attribution
less than a fifth of the time in that text (think, know, want, expect, feel,
maintain: mostly private states of generic subjects), plus every verb lemma
that heads one at least five times and at least 30% of the time (decry,
lament, portray, liken, voice …). "according to" is read separately.
"""

__all__ = ["CUE_LEMMAS"]

CUE_LEMMAS = frozenset(
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
