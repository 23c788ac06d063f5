"""``link_generic.body_named_before``: a generic description in lower case stands for the body of
its kind named last before it (real sentence shapes of tests/corpus)."""

import pytest

from bilat.extract.link_generic import body_named_before

MFA = {
    "ministry-of-foreign-affairs-of-russia",
    "ministry-of-foreign-affairs-of-poland",
    "ministry-of-foreign-affairs-of-germany",
    "ministry-of-foreign-affairs-of-tajikistan",
}

CASES = [
    # "… министерства иностранных дел Польши … МИД России вызвал посла Польши … сообщили во
    # внешнеполитическом ведомстве" (ru_ru-pl_01): the ministry named last, not the state named most
    (
        [
            "warsaw",
            "ministry-of-foreign-affairs-of-poland",
            "poland",
            "ministry-of-foreign-affairs-of-russia",
            "poland",
        ],
        "ministry-of-foreign-affairs-of-russia",
    ),
    # "на сайте российского МИД … «Германской стороне …» … Во внешнеполитическом ведомстве
    # подчеркнули" (ru_ru-de_01): unresolved names between change nothing
    (
        ["russia", "germany", "ministry-of-foreign-affairs-of-russia", None, "germany"],
        "ministry-of-foreign-affairs-of-russia",
    ),
    # "замглавы таджикского МИДа …, сообщила пресс-служба внешнеполитического ведомства
    # республики" (ru_ru-tj_01)
    (["russia", "ministry-of-foreign-affairs-of-tajikistan"], "ministry-of-foreign-affairs-of-tajikistan"),
    # no ministry named before: the document's dominant state decides (None here)
    (["russia", "germany", "berlin"], None),
    ([], None),
]


@pytest.mark.parametrize(("before", "expected"), CASES)
def test_body_named_before(before, expected):
    assert body_named_before(before, MFA) == expected
