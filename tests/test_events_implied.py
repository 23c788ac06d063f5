"""A gift told by its verb is Aid only with a "with" object, a subject and a receiver that is no
single person (bilat.extract.events.implied), table-driven over hand-built trees of real
dev-corpus shapes."""

from __future__ import annotations

import pytest
from events_trees import keys, tree

from bilat.extract.events.implied import answered_act, gift_lacks_object

GIFT_VERBS = frozenset({"supply", "present"})
GIFT_PREPS = frozenset({"with"})
ONE_PERSON = frozenset({"him", "her", "me"})
SUBJECTS = ("nsubj", "nsubjpass")

# en_ru-kz_09: "We supplied our Kazakh friends with the necessary testing kits"
SUPPLIED_FRIENDS = """
We 1 nsubj PRON we
supplied 1 ROOT VERB supply
our 4 poss PRON
Kazakh 4 amod ADJ
friends 1 dobj NOUN friend
with 1 prep ADP
kits 5 pobj NOUN kit
"""
# en_ru-tj_01: "Russian defense minister reportedly presented Kyrgyzstan with two Mi-8MT helicopters"
PRESENTED_KYRGYZSTAN = """
Russian 2 amod ADJ
defense 2 compound NOUN
minister 4 nsubj NOUN
reportedly 4 advmod ADV
presented 4 ROOT VERB present
Kyrgyzstan 4 dobj PROPN
with 4 prep ADP
helicopters 6 pobj NOUN helicopter
"""
# en_kz-de_02: "President Tokayev had presented him with his plans for the expansion …"
PRESENTED_HIM = """
Tokayev 2 nsubj PROPN
had 2 aux AUX have
presented 2 ROOT VERB present
him 2 dobj PRON he
with 2 prep ADP
his 6 poss PRON
plans 4 pobj NOUN plan
"""
# en_ru-tr_01: the heading "Supplying Europe with Russian gas"
SUPPLYING_HEADING = """
Supplying 0 ROOT VERB supply
Europe 0 dobj PROPN
with 0 prep ADP
Russian 4 amod ADJ
gas 2 pobj NOUN
"""
# en_am-fr_01: "artillery units, which Paris supplies to Kiev"
SUPPLIES_TO = """
which 2 dobj PRON
Paris 2 nsubj PROPN
supplies 2 ROOT VERB supply
to 2 prep ADP
Kiev 3 pobj PROPN
"""
# en_ru-kz_09: "such mutual assistance will give an additional impetus" (no gift verb)
ASSISTANCE = """
such 2 amod ADJ
mutual 2 amod ADJ
assistance 2 ROOT NOUN
"""


@pytest.mark.parametrize(
    "rows, verb, lacks",
    [
        (SUPPLIED_FRIENDS, 1, False),
        (PRESENTED_KYRGYZSTAN, 4, False),
        (PRESENTED_HIM, 2, True),
        (SUPPLYING_HEADING, 0, True),
        (SUPPLIES_TO, 2, True),
        (ASSISTANCE, 2, False),
    ],
)
def test_gift_lacks_object(rows, verb, lacks):
    doc = tree(rows)
    k = keys(doc)
    v = doc[verb]
    children = [k[ch.i] for ch in v.children]
    has_subject = any(ch.dep_ in SUBJECTS for ch in v.children)
    assert gift_lacks_object(k[v.i], children, GIFT_VERBS, GIFT_PREPS, ONE_PERSON, has_subject) is lacks


# en_ru-ee_02: "The Kremlin has already expelled Estonian diplomats twice this year, both in
# retaliation for Estonia's expulsion of Russian diplomats."
IN_RETALIATION = """
Kremlin 1 nsubj PROPN
expelled 1 ROOT VERB expel
diplomats 1 dobj NOUN diplomat
in 1 prep ADP
retaliation 3 pobj NOUN
for 4 prep ADP
Estonia 7 poss PROPN
expulsion 5 pobj NOUN
"""
# en_ru-gb_01: "the UK Foreign Office expelled a Russian diplomat, an action taken in response to
# Moscow's expulsion of a British diplomat"
IN_RESPONSE = """
Office 1 nsubj PROPN
expelled 1 ROOT VERB expel
diplomat 1 dobj NOUN
action 2 appos NOUN
taken 3 acl VERB take
in 4 prep ADP
response 5 pobj NOUN
to 6 prep ADP
Moscow 9 poss PROPN
expulsion 7 pobj NOUN
"""
# en_ru-de_01 shape: "the talks on the expulsion of diplomats" (no answer word between)
TALKS_ON = """
expelled 0 ROOT VERB expel
diplomats 0 dobj NOUN diplomat
after 0 prep ADP
the 4 det DET
expulsion 2 pobj NOUN
"""
ANSWER = frozenset({"retaliation", "response"})


@pytest.mark.parametrize(
    "rows, upper, lower, answered",
    [
        (IN_RETALIATION, 1, 7, True),
        (IN_RESPONSE, 1, 9, True),
        (IN_RETALIATION, 7, 1, False),  # the answer itself hangs on nothing it answers
        (TALKS_ON, 0, 4, False),
    ],
)
def test_answered_act(rows, upper, lower, answered):
    doc = tree(rows)
    assert answered_act(doc[upper], doc[lower], keys(doc), ANSWER) is answered
