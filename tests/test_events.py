"""Events and statements through the real pipeline (bilat.extract.events), table-driven.

Every case is a short text written for these tests, run through ``Extractor`` (parse, link,
positions, events) and checked for one event: its class and whatever the case pins down
(speaker, quote, date, context, source/target, implicit participants, place, about).
"""

from __future__ import annotations

import pytest

from bilat.extract.events import tables
from bilat.extract.records import EVENT_CLASSES, Document, Extraction

BASE = "2021-11-09"  # a Tuesday
PAIR = "Russia and Kazakhstan are close neighbours. "
PAIR_RU = "Россия и Казахстан – близкие соседи. "


@pytest.fixture(scope="module")
def extractor():
    from bilat.extract.pipeline import Extractor
    from bilat.graph.kb import load_kb

    return Extractor(load_kb())


_cache: dict[tuple, Extraction] = {}


def run(extractor, text: str, lang: str, date: str | None = BASE) -> Extraction:
    key = (text, lang, date)
    if key not in _cache:
        _cache[key] = extractor(Document(id="t", text=text, lang=lang, date=date))
    return _cache[key]


def find(ex: Extraction, cls: str, trigger: str | None = None):
    for e in ex.events:
        if e.cls == cls and (trigger is None or trigger.lower() in e.trigger.lower()):
            return e
    got = [(e.cls, e.trigger) for e in ex.events]
    raise AssertionError(f"no {cls} event ({trigger!r}) in {got}")


CASES = [
    # (id, lang, text, class, trigger, expectations)
    (
        "en-meet-date-place",
        "en",
        "Russian President Vladimir Putin and Kazakh President Kassym-Jomart Tokayev held talks in "
        "Moscow on Monday.",
        "Consult",
        "talks",
        dict(
            mode="meet",
            date=("2021-11-08", "day"),
            place="moscow",
            context=None,
            participants={"vladimir-putin", "kassym-jomart-tokayev"},
            cameo="040",
        ),
    ),
    (
        "en-statement-quote",
        "en",
        '"We will deepen our cooperation with Kazakhstan," Sergey Lavrov said.',
        "Statement",
        "said",
        dict(
            speaker=("sergey-lavrov",),
            quote="We will deepen our cooperation with Kazakhstan",
            cameo="010",
            goldstein=0.0,
        ),
    ),
    (
        "en-statement-date-planned-agree",
        "en",
        PAIR + "Sergey Lavrov said on Tuesday that the two countries would sign an agreement next year.",
        "Agree",
        "sign",
        dict(
            context="planned",
            date=("2022", "year"),
            implicit={"russia", "kazakhstan"},
            cameo="057",
            goldstein=8.0,
        ),
    ),
    (
        "en-statement-dated",
        "en",
        PAIR + "Sergey Lavrov said on Tuesday that the two countries would sign an agreement next year.",
        "Statement",
        "said",
        dict(speaker=("sergey-lavrov",), date=("2021-11-09", "day")),
    ),
    (
        "en-negated",
        "en",
        PAIR + "Kazakhstan did not sign the agreement.",
        "Agree",
        "sign",
        dict(context="negated"),
    ),
    (
        "en-postponed",
        "en",
        PAIR + "The signing of the agreement was postponed.",
        "Agree",
        "signing",
        dict(context="negated"),
    ),
    (
        # what is looked forward to is to come (dev en_gb-us_66)
        "en-looked-forward-to",
        "en",
        "Vladimir Putin said he was looking forward to meeting Kassym-Jomart Tokayev in Astana.",
        "Consult",
        "meeting",
        dict(context="planned"),
    ),
    (
        "en-hypothetical",
        "en",
        "If the sides agree, Vladimir Putin could visit Astana.",
        "Consult",
        "visit",
        dict(
            mode="visit",
            context="hypothetical",
            source=("vladimir-putin",),
            target=("kazakhstan",),
            place="astana",
        ),
    ),
    (
        "en-accuse",
        "en",
        "Russia accused Kazakhstan of violating the border regime.",
        "Accuse",
        "accused",
        dict(source=("russia",), target=("kazakhstan",), cameo="112", goldstein=-2.0),
    ),
    (
        "en-pronoun-speaker",
        "en",
        "Kazakh Foreign Minister Mukhtar Tleuberdi met Sergey Lavrov in Astana. He stressed that "
        "relations were strong.",
        "Statement",
        "stressed",
        dict(speaker=("mukhtar-tleuberdi",)),
    ),
    (
        "en-according-to-him",
        "en",
        'Sergey Lavrov spoke to reporters. According to him, the talks were "frank and useful."',
        "Statement",
        "according",
        dict(speaker=("sergey-lavrov",), quote="frank and useful."),
    ),
    # "it" speaks for the body whose statement came last (en_ru-kz_19)
    (
        "en-it-said",
        "en",
        "The Ministry of Foreign Affairs of Kazakhstan said on Monday that the inspection had started. "
        "It added that the inspection had found irregularities.",
        "Statement",
        "added",
        dict(speaker=("ministry-of-foreign-affairs-of-kazakhstan",)),
    ),
    # a plural bare title with its country is that country's body named before (en_ru-sy_01)
    (
        "en-plural-title-body",
        "en",
        '"The talks were useful," the Russian Foreign Ministry said in a statement. The Russian '
        "diplomats pointed out that the sides discussed trade.",
        "Statement",
        "pointed out",
        dict(speaker=("ministry-of-foreign-affairs-of-russia",)),
    ),
    (
        "en-descriptive-speaker",
        "en",
        'Russian Foreign Minister Sergey Lavrov arrived in Astana. "The visit is important," the '
        "foreign minister said.",
        "Statement",
        "said",
        dict(speaker=("sergey-lavrov",), quote="The visit is important"),
    ),
    (
        "en-visit",
        "en",
        "Kassym-Jomart Tokayev arrived in Moscow on Monday.",
        "Consult",
        "arrived",
        dict(
            mode="visit",
            source=("kassym-jomart-tokayev",),
            target=("russia",),
            place="moscow",
            date=("2021-11-08", "day"),
        ),
    ),
    (
        "en-future-weekday",
        "en",
        "Kassym-Jomart Tokayev will fly to Moscow on Friday for talks.",
        "Consult",
        "fly",
        dict(context="planned", date=("2021-11-12", "day"), target=("russia",)),
    ),
    (
        "en-travel",
        "en",
        "Kassym-Jomart Tokayev will travel to Moscow on Friday.",
        "Consult",
        "travel",
        dict(mode="visit", context="planned", source=("kassym-jomart-tokayev",), target=("russia",)),
    ),
    (
        "en-journey",
        "en",
        "Kassym-Jomart Tokayev's journey began in Moscow.",
        "Consult",
        "journey",
        dict(mode="visit", target=("russia",)),
    ),
    (
        "en-stop",
        "en",
        "Kassym-Jomart Tokayev made his first stop in Moscow on Sunday.",
        "Consult",
        "stop in",
        dict(mode="visit", source=("kassym-jomart-tokayev",), target=("russia",)),
    ),
    (
        "en-anniversary",
        "en",
        "Officials marked the 30th anniversary of diplomatic relations between Russia and Kazakhstan.",
        "Anniversary",
        "anniversary",
        dict(participants={"russia", "kazakhstan"}),
    ),
    (
        "en-implicit-project",
        "en",
        PAIR + "Both countries will continue the joint use of the Baikonur Cosmodrome.",
        "Cooperate",
        "joint",
        dict(about=("baikonur-cosmodrome",), implicit={"russia", "kazakhstan"}, context="planned"),
    ),
    (
        "en-host",
        "en",
        "Kassym-Jomart Tokayev hosted the summit in Astana.",
        "Consult",
        "hosted",
        dict(mode="host", source=("kassym-jomart-tokayev",)),
    ),
    (
        "en-phone",
        "en",
        "Vladimir Putin and Kassym-Jomart Tokayev held a telephone conversation on Sunday.",
        "Consult",
        "telephone",
        dict(mode="phone", date=("2021-11-07", "day")),
    ),
    # Russian
    (
        "ru-meet-date-place",
        "ru",
        "Владимир Путин и Касым-Жомарт Токаев провели переговоры в Москве во вторник.",
        "Consult",
        "переговоры",
        dict(
            mode="meet",
            date=("2021-11-09", "day"),
            place="moscow",
            participants={"vladimir-putin", "kassym-jomart-tokayev"},
        ),
    ),
    (
        "ru-statement-quote",
        "ru",
        "«Мы продолжим сотрудничество с Казахстаном», — заявил Сергей Лавров.",
        "Statement",
        "заявил",
        dict(speaker=("sergey-lavrov",), quote="Мы продолжим сотрудничество с Казахстаном"),
    ),
    (
        "ru-po-slovam",
        "ru",
        "По словам Сергея Лаврова, стороны договорились о новом соглашении.",
        "Statement",
        "по словам",
        dict(speaker=("sergey-lavrov",)),
    ),
    (
        "ru-po-ego-slovam",
        "ru",
        "Сергей Лавров выступил на форуме. По его словам, отношения развиваются.",
        "Statement",
        "по его словам",
        dict(speaker=("sergey-lavrov",)),
    ),
    (
        "ru-dash-quote",
        "ru",
        "Министр иностранных дел России Сергей Лавров прибыл в Астану.\n\nОтношения двух стран "
        "развиваются. Доверие растет, - говорится в заявлении министра иностранных дел России.",
        "Statement",
        "говорится",
        dict(speaker=("sergey-lavrov",), quote="Отношения двух стран развиваются. Доверие растет"),
    ),
    (
        "ru-impersonal-author",
        "ru",
        "Появилось обращение Сергея Лаврова. В обращении отмечается, что отношения развиваются.",
        "Statement",
        "отмечается",
        dict(speaker=("sergey-lavrov",)),
    ),
    (
        "ru-month-precision",
        "ru",
        "В прошлом месяце Россия и Казахстан подписали соглашение.",
        "Agree",
        "подписали",
        dict(date=("2021-10", "month"), participants={"russia", "kazakhstan"}, context=None),
    ),
    (
        "ru-postponed",
        "ru",
        PAIR_RU + "Подписание соглашения отложено.",
        "Agree",
        "подписание",
        dict(context="negated"),
    ),
    (
        "ru-planned-implicit",
        "ru",
        PAIR_RU + "В 2022 году пройдут консультации министерств иностранных дел двух стран.",
        "Consult",
        "консультации",
        dict(context="planned", date=("2022", "year"), implicit={"russia", "kazakhstan"}),
    ),
    (
        "ru-pronoun-speaker",
        "ru",
        "Министр иностранных дел Казахстана Мухтар Тлеуберди встретился с Сергеем Лавровым. Он "
        "подчеркнул, что отношения развиваются.",
        "Statement",
        "подчеркнул",
        dict(speaker=("mukhtar-tleuberdi",)),
    ),
    # a bare body noun speaks for the body of its country named just before (ru_ru-kz_18)
    (
        "ru-body-noun-speaker",
        "ru",
        "МИД России и Министерство иностранных дел Казахстана обсудили ситуацию на границе, сообщили "
        "в российском ведомстве.",
        "Statement",
        "сообщили",
        dict(speaker=("ministry-of-foreign-affairs-of-russia",)),
    ),
    # a plural verb with no subject speaks for the state it names with "в" (ru_kz-kg_04)
    (
        "ru-indefinite-state-speaker",
        "ru",
        "В Киргизии объяснили, что Казахстан вычерпал свою квоту.",
        "Statement",
        "объяснили",
        dict(speaker=("kyrgyzstan",)),
    ),
    (
        "ru-reaction-with-quote",
        "ru",
        "Журналисты спросили, планирует ли Казахстан новые поставки. «Планируем», — отреагировал "
        "Мухтар Тлеуберди.",
        "Statement",
        "отреагировал",
        dict(speaker=("mukhtar-tleuberdi",)),
    ),
    (
        "ru-anniversary",
        "ru",
        "В Москве прошел прием по случаю 30-летия установления дипломатических отношений между Россией "
        "и Казахстаном.",
        "Anniversary",
        "30-летия",
        dict(participants={"russia", "kazakhstan"}),
    ),
    (
        "ru-baikonur",
        "ru",
        PAIR_RU + "Ярким примером партнерства остается совместное использование космодрома «Байконур».",
        "Cooperate",
        None,
        dict(about=("baikonur-cosmodrome",), implicit={"russia", "kazakhstan"}),
    ),
    (
        "ru-hypothetical",
        "ru",
        "Если стороны договорятся, Владимир Путин может посетить Астану.",
        "Consult",
        "посетить",
        dict(context="hypothetical", source=("vladimir-putin",), target=("kazakhstan",), place="astana"),
    ),
    (
        "ru-visit",
        "ru",
        "Касым-Жомарт Токаев прибыл в Москву в понедельник.",
        "Consult",
        "прибыл",
        dict(mode="visit", source=("kassym-jomart-tokayev",), target=("russia",), date=("2021-11-08", "day")),
    ),
    (
        "ru-accuse",
        "ru",
        "Россия обвинила Казахстан в нарушении режима границы.",
        "Accuse",
        "обвинила",
        dict(source=("russia",), target=("kazakhstan",)),
    ),
]

# Criticism, protest, praise, thanks, aid and the happenings the gold calls OTHER (appointments,
# orders, entry into force): cue words and how their source and target are found.
CUE_CASES = [
    # a diplomatic protest is an official complaint: Accuse, CAMEO 114
    (
        "en-note-of-protest",
        "en",
        "Kazakhstan handed a note of protest to Russia.",
        "Accuse",
        "note of protest",
        dict(source=("kazakhstan",), target=("russia",), cameo="114", goldstein=-2.0),
    ),
    (
        "en-summon",
        "en",
        "Russia summoned the Kazakh ambassador.",
        "Accuse",
        "summoned",
        dict(source=("russia",), cameo="114"),
    ),
    # a passive clause: its agent acts ("by X", a bare instrumental, the place an envoy is
    # summoned to), its subject is acted on
    (
        "en-summoned-to-ministry",
        "en",
        "Russian ambassador Alexey Borodavkin was summoned to the Kazakh Foreign Ministry.",
        "Accuse",
        "summoned",
        dict(source=("ministry-of-foreign-affairs-of-kazakhstan",), target=("alexey-borodavkin",)),
    ),
    (
        "en-accused-by",
        "en",
        PAIR + "Kazakhstan was accused by Russia of breaking the rules.",
        "Accuse",
        "accused",
        dict(source=("russia",), target=("kazakhstan",)),
    ),
    (
        "ru-summoned-to-ministry",
        "ru",
        PAIR_RU + "Посол России в Казахстане Алексей Бородавкин вызван в МИД Казахстана.",
        "Accuse",
        "вызван",
        dict(source=("ministry-of-foreign-affairs-of-kazakhstan",), target=("alexey-borodavkin",)),
    ),
    # a one-word summons verb: an envoy before the verb, a ministry named by an adjective
    # (ru_ru-ro_63, ru_ge-by_63)
    (
        "ru-envoy-summoned-to-adjective-ministry",
        "ru",
        "12 мая российского посла в Румынии Валерия Кузьмина вызвали в румынский МИД из-за статьи о НАТО.",
        "Accuse",
        "вызвали",
        dict(participants={"ministry-of-foreign-affairs-of-romania"}, cameo="114"),
    ),
    (
        "ru-summoned-to-described-ministry",
        "ru",
        "Посол Белоруссии в Тбилиси Анатолий Лис был вызван в грузинское внешнеполитическое ведомство "
        "для разъяснений.",
        "Accuse",
        "вызван",
        dict(source=("ministry-of-foreign-affairs-of-georgia",)),
    ),
    # a demarche lodged is a protest made (en_ph-cn_63)
    (
        "en-lodged-demarche",
        "en",
        "In Beijing, the Philippine Embassy also lodged the same demarche to the Chinese Foreign Ministry.",
        "Accuse",
        "lodged the same demarche",
        dict(target=("ministry-of-foreign-affairs-of-china",)),
    ),
    (
        "ru-accused-instrumental",
        "ru",
        PAIR_RU + "Казахстан был обвинен Россией в нарушении правил.",
        "Accuse",
        "обвинен",
        dict(source=("russia",), target=("kazakhstan",)),
    ),
    (
        "en-criticise",
        "en",
        "Sergey Lavrov criticised Western countries for their pressure on Kazakhstan.",
        "Accuse",
        "criticised",
        dict(source=("sergey-lavrov",), cameo="111"),
    ),
    # an evaluative word in a quote is the speaker's criticism
    (
        "en-provocative-quote",
        "en",
        '"Such provocative remarks by Russian politicians are unacceptable," Mukhtar Tleuberdi said.',
        "Accuse",
        "provocative",
        dict(source=("mukhtar-tleuberdi",), participants={"mukhtar-tleuberdi", "russia"}),
    ),
    (
        "en-trained-abroad-reported",
        "en",
        "Vladimir Putin said the unrest had been organized by militants trained abroad.",
        "Accuse",
        "trained abroad",
        dict(source=("vladimir-putin",), cameo="112"),
    ),
    # a hostile word nested in another phrase is not the subject's act but the speaker's
    (
        "en-propaganda-nested",
        "en",
        "The incidents in Kazakhstan are the result of propaganda, Sergey Lavrov said.",
        "Accuse",
        "propaganda",
        dict(source=("sergey-lavrov",)),
    ),
    # the speaker takes part in an evaluation by his own state
    (
        "en-highly-values",
        "en",
        "Dmitry Peskov said that Russia highly values its relations with Kazakhstan.",
        "Support",
        "highly values",
        dict(source=("russia",), target=("kazakhstan",), participants={"dmitry-peskov"}, cameo="051"),
    ),
    # condolences with no addressee go to the other party of the call just reported
    (
        "en-condolences-after-call",
        "en",
        "Vladimir Putin and Kassym-Jomart Tokayev held a telephone conversation on Sunday. "
        "Tokayev expressed condolences over the floods.",
        "Support",
        "condolences",
        dict(source=("kassym-jomart-tokayev",), target=("vladimir-putin",)),
    ),
    (
        "en-appointed",
        "en",
        "Kassym-Jomart Tokayev appointed Mukhtar Tleuberdi foreign minister.",
        "Support",
        "appointed",
        dict(source=("kassym-jomart-tokayev",), target=("mukhtar-tleuberdi",)),
    ),
    (
        "en-instructed",
        "en",
        "Kassym-Jomart Tokayev instructed the government to prepare proposals.",
        "Request",
        "instructed",
        dict(source=("kassym-jomart-tokayev",), cameo="020"),
    ),
    (
        "en-peacekeeping",
        "en",
        "The CSTO sent peacekeeping forces to Kazakhstan.",
        "Aid",
        "peacekeeping",
        dict(source=("collective-security-treaty-organization",), participants={"kazakhstan"}, cameo="070"),
    ),
    (
        "en-entry-into-force",
        "en",
        "The treaty between Russia and Kazakhstan entered into force on Monday.",
        "Agree",
        "entered into force",
        dict(participants={"russia", "kazakhstan"}, date=("2021-11-08", "day")),
    ),
    # Russian
    (
        "ru-nota-protesta",
        "ru",
        "Казахстан направил России ноту протеста.",
        "Accuse",
        "ноту протеста",
        dict(source=("kazakhstan",), participants={"kazakhstan", "russia"}, cameo="114"),
    ),
    (
        "ru-provocative-quote",
        "ru",
        "«Подобные провокационные выпады неприемлемы», – заявил Мухтар Тлеуберди.",
        "Accuse",
        "провокационные",
        dict(source=("mukhtar-tleuberdi",)),
    ),
    (
        "ru-blackmail",
        "ru",
        "«Вашингтон пытается шантажировать наших партнеров», – заявила Мария Захарова.",
        "Accuse",
        "шантажировать",
        dict(source=("washington",), participants={"maria-zakharova"}),
    ),
    (
        "ru-highly-values",
        "ru",
        "Россия высоко ценит вклад Нурсултана Назарбаева в развитие отношений.",
        "Support",
        "высоко ценит",
        dict(source=("russia",), target=("nursultan-nazarbayev",)),
    ),
    # "мы благодарны" in a quote: the speaker thanks; plural colleagues stand for their state
    (
        "ru-grateful-colleagues",
        "ru",
        "«Мы благодарны российским коллегам за поддержку», – сказал Аскар Мамин.",
        "Support",
        "благодарны",
        dict(source=("askar-mamin",), target=("russia",), participants={"kazakhstan"}),
    ),
    (
        "ru-respect",
        "ru",
        "Кремль с уважением относится к суверенитету Казахстана.",
        "Support",
        "с уважением относится",
        dict(source=("presidential-administration-of-russia",), target=("kazakhstan",)),
    ),
    (
        "ru-gratitude-to-president",
        "ru",
        "Президент Казахстана Касым-Жомарт Токаев выразил особую благодарность Президенту России "
        "Владимиру Путину.",
        "Support",
        "благодарность",
        dict(source=("kassym-jomart-tokayev",), target=("vladimir-putin",)),
    ),
    # an agentless clause after a call: the parties of the call
    (
        "ru-mutual-condolences",
        "ru",
        "Владимир Путин и Касым-Жомарт Токаев провели телефонный разговор. Выражены взаимные соболезнования.",
        "Support",
        "соболезнования",
        dict(participants={"vladimir-putin", "kassym-jomart-tokayev"}),
    ),
    (
        "ru-approved",
        "ru",
        "Депутаты Мажилиса одобрили кандидатуру Алихана Смаилова на пост премьер-министра.",
        "Support",
        "одобрили",
        dict(source=("mazhilis",), target=("alikhan-smailov",)),
    ),
    (
        "ru-peacekeeping",
        "ru",
        "ОДКБ направила в Казахстан миротворческие силы.",
        "Aid",
        "миротворческие",
        dict(source=("collective-security-treaty-organization",), participants={"kazakhstan"}),
    ),
    (
        "ru-instructed",
        "ru",
        "Касым-Жомарт Токаев поручил правительству подготовить предложения.",
        "Request",
        "поручил",
        dict(source=("kassym-jomart-tokayev",)),
    ),
    # "он" in the speaker's own words is the person named before in the quote
    (
        "ru-answered-request",
        "ru",
        "«Я благодарен Владимиру Путину. Он сразу откликнулся на мою просьбу», – сказал Касым-Жомарт Токаев.",
        "Aid",
        "откликнулся",
        dict(source=("vladimir-putin",), participants={"kassym-jomart-tokayev"}),
    ),
    (
        "ru-exchange-of-notes",
        "ru",
        "Россия и Казахстан обменялись нотами о вступлении договора в силу.",
        "Agree",
        "обменялись нотами",
        dict(participants={"russia", "kazakhstan"}),
    ),
    # scholarships given to another country's students (en_ru-kz_09, en_ru-uz_02)
    (
        "en-scholarships",
        "en",
        PAIR + "About 9,000 Kazakh students have received scholarships from the Russian Government.",
        "Aid",
        "scholarships",
        dict(participants={"kazakhstan"}),
    ),
    # a ban or blockade stops the cooperation it governs (en_ru-lt_01)
    (
        "en-blockade-of-transit",
        "en",
        "Russia and Lithuania are neighbours. The last example of this is Lithuania's blockade of "
        "transit to the Kaliningrad region of a large list of goods.",
        "Cooperate",
        "transit",
        dict(context="negated"),
    ),
    (
        "ru-block-transit",
        "ru",
        "Россия и Литва – соседи. Литва готова блокировать транзит в Калининградскую область.",
        "Cooperate",
        "транзит",
        dict(context="negated"),
    ),
    # talks of one person of the pair with the other state: the other state's person named
    # last before is the counterpart (en_ru-mn_02, ru_ru-kp_02)
    (
        "en-counterpart",
        "en",
        "Russia and Mongolia are close neighbours. Mongolian President Ukhnaagiin Khurelsukh spoke at "
        "the forum. Vladimir Putin held talks with Mongolia on trade.",
        "Consult",
        "held talks",
        dict(implicit={"person/ahnagan-haralsu"}),
    ),
    # being someone's supporter is support (en_md-fr_69)
    (
        "en-supporter",
        "en",
        "Vladimir Putin is a supporter of Kazakhstan's accession to the organization.",
        "Support",
        "supporter",
        dict(participants={"vladimir-putin", "kazakhstan"}),
    ),
    # "the Hon." ends no sentence: the meeting is with the person named after it (en_jp-au_68)
    (
        "en-hon-abbreviation",
        "en",
        "Vladimir Putin held a meeting with the Hon. Kassym-Jomart Tokayev, President of Kazakhstan.",
        "Consult",
        "meeting",
        dict(participants={"vladimir-putin", "kassym-jomart-tokayev"}),
    ),
    # praise as a compliment, admiration or deep respect (en_fm-in_67, en_in-us_64, en_kz-nl_63)
    (
        "en-compliment",
        "en",
        "President Vladimir Putin complimented President Kassym-Jomart Tokayev.",
        "Support",
        "complimented",
        dict(participants={"vladimir-putin", "kassym-jomart-tokayev"}),
    ),
    (
        "en-admiration",
        "en",
        "Vladimir Putin voiced his admiration for Kazakhstan's fast economic growth.",
        "Support",
        "admiration",
        dict(participants={"vladimir-putin", "kazakhstan"}),
    ),
    (
        "ru-admiration",
        "ru",
        "Владимир Путин выразил восхищение успехами Казахстана.",
        "Support",
        "восхищение",
        dict(participants={"vladimir-putin", "kazakhstan"}),
    ),
    # greetings conveyed, a personal contribution noted: praise (ru_tm-tj_68)
    (
        "ru-greetings-conveyed",
        "ru",
        "Касым-Жомарт Токаев передал Владимиру Путину приветствия от народа Казахстана.",
        "Support",
        "приветствия",
        dict(participants={"kassym-jomart-tokayev", "vladimir-putin"}),
    ),
    (
        "ru-contribution-noted",
        "ru",
        "Касым-Жомарт Токаев отметил личный вклад Владимира Путина в укрепление отношений.",
        "Support",
        "вклад",
        dict(participants={"kassym-jomart-tokayev", "vladimir-putin"}),
    ),
    # an envoy's credentials presented, a courtesy call paid, a video meeting: meetings
    # (en_gd-us_65, en_np-jp_64, ru_tm-az_58)
    (
        "en-credentials",
        "en",
        "Ambassador Erlan Karin presented his Letter of Credence to the President of Russia, Vladimir Putin.",
        "Consult",
        "Letter of Credence",
        dict(mode="meet", participants={"vladimir-putin"}),
    ),
    (
        "en-courtesy-call",
        "en",
        "Foreign Minister Mukhtar Tleuberdi paid a courtesy call on President Vladimir Putin.",
        "Consult",
        "courtesy call",
        dict(mode="meet", participants={"vladimir-putin", "mukhtar-tleuberdi"}),
    ),
    (
        "ru-credentials",
        "ru",
        "Посол Казахстана вручил верительные грамоты президенту России Владимиру Путину.",
        "Consult",
        "верительные грамоты",
        dict(mode="meet", participants={"vladimir-putin"}),
    ),
    (
        "ru-video-meeting",
        "ru",
        "Владимир Путин и Касым-Жомарт Токаев провели видеовстречу.",
        "Consult",
        "видеовстречу",
        dict(mode="meet", participants={"vladimir-putin", "kassym-jomart-tokayev"}),
    ),
]
CASES += CUE_CASES


@pytest.mark.parametrize("lang, text, cls, trigger, want", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_event(extractor, lang, text, cls, trigger, want):
    ev = find(run(extractor, text, lang), cls, trigger)
    assert ev.cls in EVENT_CLASSES
    assert ev.participants, "an event needs a participant"
    assert text[ev.start : ev.end] == ev.trigger
    assert text[ev.sentence_start : ev.sentence_end] == ev.evidence
    for key, value in want.items():
        if key == "date":
            assert (ev.date, ev.date_precision) == value
        elif key in ("participants", "implicit"):
            got = set(getattr(ev, key))
            assert value <= got, f"{key}: {got}"
            if key == "implicit":
                assert value <= set(ev.participants)
        elif key == "about":
            assert set(value) <= set(ev.about)
        else:
            assert getattr(ev, key) == value, f"{key}: {getattr(ev, key)!r}"
    for _key, start, end in ev.arguments:
        assert 0 <= start < end <= len(text)


def test_one_statement_for_a_quote_across_sentences(extractor):
    text = (
        'Sergey Lavrov spoke in Astana. He stressed that relations "are strong. They will grow '
        'further," Lavrov noted.'
    )
    ex = run(extractor, text, "en")
    statements = [e for e in ex.events if e.cls == "Statement"]
    assert len(statements) == 1
    st = statements[0]
    assert st.speaker == ("sergey-lavrov",)
    assert st.quote == "are strong. They will grow further"
    assert "He stressed" in st.evidence and "Lavrov noted" in st.evidence


def test_statement_in_an_article_dated_by_weekday(extractor):
    text = (
        "MOSCOW, November 9. /TASS/. Relations are strong, Russian Foreign Minister Sergey Lavrov "
        "said in an article published by Rossiyskaya Gazeta on Tuesday."
    )
    st = find(run(extractor, text, "en"), "Statement", "said")
    assert st.speaker == ("sergey-lavrov",)
    assert (st.date, st.date_precision) == ("2021-11-09", "day")
    assert not any(k.startswith("tass") for k in st.participants)  # the agency of the dateline


def test_no_date_without_an_expression(extractor):
    ex = run(extractor, "Vladimir Putin and Kassym-Jomart Tokayev held talks in Moscow.", "en")
    assert find(ex, "Consult").date is None
    assert ex.unresolved_dates == 0


def test_unresolved_dates_are_counted(extractor):
    ex = run(extractor, "Vladimir Putin will visit Kazakhstan next week.", "en")
    ev = find(ex, "Consult", "visit")
    assert ev.date is None and ev.context == "planned"
    assert ex.unresolved_dates == 1
    undated = run(extractor, "Vladimir Putin visited Kazakhstan on Tuesday.", "en", date=None)
    assert find(undated, "Consult", "visit").date is None
    assert undated.unresolved_dates == 1


def test_no_event_without_participant(extractor):
    ex = run(extractor, "The talks were useful.", "en")
    assert all(e.participants for e in ex.events)
    assert not [e for e in ex.events if e.cls == "Consult"]


def test_title_words_are_not_triggers(extractor):
    ex = run(
        extractor, "Sergey Lavrov wrote the article Russia and Kazakhstan: Cooperation Without Borders.", "en"
    )
    assert not [e for e in ex.events if e.cls == "Cooperate"]


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "en",
            "Vladimir Putin and Kassym-Jomart Tokayev held talks in Moscow on Monday. "
            "Following the talks, the presidents spoke to reporters.",
        ),
        (
            "ru",
            "Владимир Путин и Касым-Жомарт Токаев провели переговоры в Москве. "
            "По итогам переговоров президенты выступили перед журналистами.",
        ),
    ],
)
def test_meeting_mentioned_again_is_one_event(extractor, lang, text):
    ex = run(extractor, text, lang)
    assert len([e for e in ex.events if e.cls == "Consult"]) == 1


def test_marking_an_anniversary_is_no_statement(extractor):
    ex = run(extractor, "Россия и Казахстан отметили 30-летие установления дипломатических отношений.", "ru")
    assert find(ex, "Anniversary").participants
    assert not [e for e in ex.events if e.cls == "Statement"]


def test_flight_home_is_no_visit(extractor):
    ex = run(extractor, "Vladimir Putin flew back to Moscow.", "en")
    assert not [e for e in ex.events if e.mode == "visit"]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_tables_are_well_formed(lang):
    t = tables(lang)
    for row in t.triggers:
        assert row.cls in EVENT_CLASSES or row.cls == "-"
        if row.cls == "Consult":
            assert row.mode in ("meet", "visit", "phone", "host")
        if row.goldstein is not None:
            assert -10 <= row.goldstein <= 10
        assert row.direction in ("-", "subj>obj", "speech", "charge", "visit", "host")
    # ("-": a longer phrase that stops a shorter cue, "recall its ambassador")
    assert {r.kind for r in t.reporting} <= {"subj", "after", "author", "document", "source", "joint", "-"}
    # one Goldstein weight per class and mode: the graph keeps one node per reported event
    weights: dict[tuple, set] = {}
    for row in t.triggers:
        weights.setdefault((row.cls, row.mode), set()).add(row.goldstein)
    assert all(len(w) == 1 for w in weights.values()), weights
    assert {w for _, _, w in t.context} <= {
        "aux",
        "child",
        "gov",
        "xgov",
        "mod",
        "inf",
        "morph",
        "perf",
        "class",
        "stance",
        "stance_class",
    }
    # a "class" row names an event class (folded) that a "perf" governor makes performative, a
    # "stance_class" row one that a "stance" governor makes hypothetical
    classes = {k.lower() for k in EVENT_CLASSES}
    assert all(c in classes for c, _, w in t.context if w in ("class", "stance_class"))
    assert all(x == "hypothetical" for _, x, w in t.context if w in ("stance", "stance_class"))
    assert all(x == "performative" for _, x, w in t.context if w in ("perf", "class"))


@pytest.mark.parametrize(
    "text, n",
    [
        # the ambassador summoned, then the note of protest handed to him: one démarche
        # (dev ru_ru-am_62)
        ("Посол России был вызван в МИД Армении. Ему была вручена нота протеста.", 1),
        # a sentence that adds an act: another protest (dev ru_ru-md_02)
        (
            "Посол Молдавии был вызван в МИД России. Кроме того, послу Молдавии был заявлен протест "
            "из-за публикации ноты.",
            2,
        ),
    ],
)
def test_a_summons_and_its_note_of_protest_are_one_demarche(extractor, text, n):
    ex = run(extractor, text, "ru")
    assert len([e for e in ex.events if e.cls == "Accuse"]) == n


def test_a_note_handed_over_again_keeps_its_sender(extractor):
    text = "Казахстан направил России ноту протеста. Ноту вручили послу России Алексею Бородавкину."
    ex = run(extractor, text, "ru")
    notes = [e for e in ex.events if e.cls == "Accuse"]
    assert len(notes) == 2
    assert notes[1].source == ("kazakhstan",)
    assert "alexey-borodavkin" in notes[1].participants


@pytest.mark.parametrize(
    "lang, text, cls",
    [
        # a trigger word inside the phrase naming a speaker is a description
        (
            "ru",
            "Как заявил командующий миротворческими силами Андрей Сердюков, вывод войск завершится "
            "через десять дней.",
            "Aid",
        ),
        ("ru", "Казахстан ограничил экспорт товаров двойного назначения в Россию.", "Support"),
        ("en", "The remarks were made on a Russian television talk show.", "Consult"),
        # peacekeepers as a name for troops not deployed here (en_ru-am_03, ru_ru-az_02,
        # regression ru_012)
        ("en", "Armenia is a convinced supporter of the Russian peacekeeping troops, Pashinyan said.", "Aid"),
        ("en", "Criticism of peacekeepers in Armenia is unacceptable, Russia said.", "Aid"),
        # "с помощью", "при помощи": "by means of" (ru_ru-in_02, ru_kz-kg_01)
        ("ru", "США стремятся наказать Москву с помощью санкций.", "Aid"),
        ("ru", "Пограничники Казахстана проверяют фуры из России при помощи служебных собак.", "Aid"),
        (
            "ru",
            "В состав миротворческого контингента вошли подразделения вооруженных сил России, "
            "Белоруссии и Армении.",
            "Aid",
        ),
        # a ban on transit is no cooperation (en_ru-kz_05, en_ru-kz_18)
        (
            "en",
            PAIR + "In response there will be a ban on the transit of coal, oil and petroleum products "
            "from Russia to Kazakhstan.",
            "Cooperate",
        ),
        ("ru", PAIR_RU + "Россия ввела запрет на транзит угля в Казахстан.", "Cooperate"),
        # "consider" with a bare object is a topic examined, not an opinion voiced
        ("en", "At the meeting, Lavrov and Bayramov considered issues of transit and energy.", "Statement"),
        ("en", "The commission considered the draft agreement on visa-free travel.", "Statement"),
        # "предложить" with a bare object is an offer, not a proposal voiced
        (
            "ru",
            "Он сообщил, что турецкая компания предложила самую низкую цену за строительство моста.",
            "Statement",
        ),
        # efforts to make peace are no peacekeepers sent (en_kz-tr_02)
        (
            "en",
            "Tokayev commended the effectiveness of Erdogan's peacekeeping efforts for the peaceful "
            "settlement of the situation in Ukraine.",
            "Aid",
        ),
        # "newly appointed" in a person's title is no appointment made (en_az-ge_52)
        (
            "en",
            "Bayramov held a telephone conversation with newly appointed Georgian Foreign Minister "
            "Maka Botchorishvili.",
            "Support",
        ),
        # "wish to" is wanting, not wishing someone well; "back" as a particle or adverb
        ("en", "Turkish firms wishing to enter Georgia's market face new tariffs, Ankara said.", "Support"),
        ("en", "Lavrov flew back to Moscow from Astana after the talks with Tokayev.", "Support"),
        # "recall" said is no envoy recalled, an envoy recalled is no "recall" said; an envoy
        # called home "for consultations" meets no one; public discontent voiced by no one
        ("en", "Tokayev recalled that Kazakhstan and Russia signed the treaty in 1992.", "Sanction"),
        ("en", "France has decided to recall its ambassador to Mali.", "Statement"),
        ("en", "Israel decided to recall its diplomats from Turkey.", "Statement"),
        # a phrase's <any> words never cross a complementizer or a comma (the envoy of a clause
        # said is no envoy recalled: events.document.within_clause)
        ("en", "Lavrov recalled that the ambassador had met the minister.", "Sanction"),
        ("en", "Lavrov recalled that diplomats had met in Ankara.", "Sanction"),
        ("en", "Lithuania summoned its top diplomat back from China for consultations.", "Consult"),
        ("en", "Popular discontent in Kazakhstan grew after Russia raised gas prices.", "Accuse"),
        ("ru", "Недовольство населения Казахстана ростом цен на газ из России растёт.", "Accuse"),
        ("ru", "Литва отозвала своего посла из Китая для консультаций.", "Consult"),
        # a note asking for help is no protest (ru_uz-ua_62)
        (
            "ru",
            "Направлены соответствующие ноты для оказания консульско-правовой помощи гражданам "
            "Узбекистана, отметил Бурханов.",
            "Accuse",
        ),
        ("ru", "МИД Узбекистана направил Украине ноту с просьбой разъяснить ситуацию.", "Accuse"),
        # «вызвать» that causes something summons no one; an envoy called home is no summons
        ("ru", "Это решение вызвало недовольство в МИД Грузии.", "Accuse"),
        ("ru", "Посол Литвы был вызван в Вильнюс на консультации.", "Accuse"),
        # the noun "demarche" alone is no protest made (en_kz-ua_51)
        ("en", "Such a demarche encroaches on the peace and harmony in our country.", "Accuse"),
        # announcing or declaring an expulsion performs it: no Statement (en_ru-me_63, ru_ru-ro_63)
        (
            "en",
            "On April 7, the Ministry of Foreign Affairs of Montenegro declared four Russian diplomats "
            "persona non grata.",
            "Statement",
        ),
        (
            "en",
            "The Ministry of Foreign Affairs of Russia announced the expulsion of an employee of the "
            "Embassy of Montenegro.",
            "Statement",
        ),
        (
            "ru",
            "Министерство иностранных дел России объявило персонами нон грата 10 сотрудников посольства "
            "Румынии в Москве.",
            "Statement",
        ),
        ("ru", "МИД России объявил о высылке десяти румынских дипломатов.", "Statement"),
    ],
)
def test_cue_words_that_are_no_events(extractor, lang, text, cls):
    ex = run(extractor, text, lang)
    assert not [e for e in ex.events if e.cls == cls]


def test_protest_rows_are_accusations_or_demonstrations():
    """A diplomatic protest (note, summoned ambassador) is an official complaint (Accuse, CAMEO
    114); only a bare "protest" (a demonstration) stays Protest."""
    for lang, note in (("en", "note of protest"), ("ru", "нота протест")):
        rows = {" ".join(w.text for w in r.words): r for r in tables(lang).triggers}
        assert rows[note].cls == "Accuse" and rows[note].cameo == "114"
        assert rows["protest" if lang == "en" else "протест"].cls == "Protest"


def test_a_sentence_without_full_stops_is_cut_into_bounded_pieces():
    from bilat.extract.events import MAX_UNIT_CHARS, _bounded

    text = "Sergey Lavrov met officials in Astana to discuss Baikonur, " * 100
    pieces = _bounded(text, 0, len(text))
    assert all(b - a <= MAX_UNIT_CHARS for a, b in pieces)
    assert "".join(text[a:b] for a, b in pieces).replace(" ", "") == text.replace(" ", "")


# Real-news constructions (issue 9); the sentences are from real articles.
TRANSCRIPT = (
    "Meeting with President of Kazakhstan Nursultan Nazarbayev\n"
    "Vladimir Putin met at the Kremlin with President of Kazakhstan Nursultan Nazarbayev.\n"
    "President of Russia Vladimir Putin: Mr Nazarbayev, I would like to express my gratitude to you "
    "for finding it possible to spend another holiday with us in Moscow.\n"
    "This is definitely a sign of our special, allied relations.\n"
    "President of Kazakhstan Nursultan Nazarbayev: Thank you, Mr Putin.\n"
    "I have indeed come here to congratulate you on this great occasion."
)


def test_transcript_turns_are_statements_of_their_speakers(extractor):
    ex = run(extractor, TRANSCRIPT, "en", date="2016-05-08")
    turns = [e for e in ex.events if e.cls == "Statement"]
    assert [e.speaker for e in turns] == [("vladimir-putin",), ("nursultan-nazarbayev",)]
    assert turns[0].quote.startswith("Mr Nazarbayev, I would like")
    # "I" in Putin's turn is Putin: he thanks
    thanks = find(ex, "Support", "gratitude")
    assert thanks.source == ("vladimir-putin",)


def test_headline_meeting_gives_way_to_the_lead(extractor):
    ex = run(extractor, TRANSCRIPT, "en", date="2016-05-08")
    meetings = [e for e in ex.events if e.cls == "Consult" and e.mode == "meet"]
    assert len(meetings) == 1 and meetings[0].trigger == "met"


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "en",
            "Vladimir Putin held talks with Kassym-Jomart Tokayev in Moscow. "
            "During the meeting, the sides discussed prospects for strengthening bilateral relations.",
        ),
        (
            "ru",
            "Владимир Путин провел переговоры с Касым-Жомартом Токаевым в Москве. "
            "Стороны обсудили вопросы двустороннего сотрудничества.",
        ),
    ],
)
def test_a_meeting_restated_by_discussed_is_one_event(extractor, lang, text):
    ex = run(extractor, text, lang)
    assert len([e for e in ex.events if e.cls == "Consult"]) == 1


@pytest.mark.parametrize(
    "text, meetings",
    [
        # the body that reports the talks told again is no party to them
        (
            "Vladimir Putin held talks with Kassym-Jomart Tokayev in Moscow. "
            "The Russian Foreign Ministry said Putin and Tokayev had a detailed discussion on energy.",
            1,
        ),
        # a body named as a partner of the talks is one, though it speaks in the sentence
        (
            "Vladimir Putin held talks with Kassym-Jomart Tokayev in Moscow. "
            "Tokayev also held a meeting with the management of Rosatom, which confirmed its plans.",
            2,
        ),
    ],
)
def test_a_body_that_reports_talks_is_no_new_party(extractor, text, meetings):
    ex = run(extractor, text, "en")
    assert len([e for e in ex.events if e.cls == "Consult"]) == meetings


@pytest.mark.parametrize(
    "lang, text, visits",
    [
        # a visit noun that only the verb it hangs on makes planned is the visit told
        (
            "en",
            "Kazakh President Kassym-Jomart Tokayev arrived in Moscow on a state visit on Tuesday. "
            "Tokayev's visit to Russia will give new impetus to bilateral relations.",
            1,
        ),
        (
            "en",
            "Kazakh President Kassym-Jomart Tokayev arrived in Moscow on a state visit on Tuesday. "
            "He said that during his visit to Russia, the countries will sign important documents.",
            1,
        ),
        # the subject of a verb telling that it happens announces one to come
        (
            "en",
            "Kazakh President Kassym-Jomart Tokayev arrived in Moscow on a state visit on Tuesday. "
            "Tokayev's visit to Russia will take place in the autumn.",
            2,
        ),
    ],
)
def test_a_visit_told_in_the_future_tense(extractor, lang, text, visits):
    ex = run(extractor, text, lang)
    assert len([e for e in ex.events if e.cls == "Consult" and e.mode == "visit"]) == visits


@pytest.mark.parametrize(
    "lang, text, meetings",
    [
        ("en", "Nikolai Patrushev said at a meeting on national security that Lithuania was wrong.", 0),
        ("en", "Putin said at a meeting with President Tokayev that Russia and Kazakhstan are friends.", 1),
        (
            "en",
            "Speaking at an extraordinary online summit of the CSTO on Monday, Putin said Russia would help.",
            1,
        ),
    ],
)
def test_where_someone_spoke_is_no_meeting(extractor, lang, text, meetings):
    ex = run(extractor, text, lang)
    assert len([e for e in ex.events if e.cls == "Consult"]) == meetings


@pytest.mark.parametrize(
    "text, visitor",
    [
        # "I" in a quote whose speaker is named in a later sentence of it
        (
            "Dutch Prime Minister Mark Rutte met Kazakh President Kassym-Jomart Tokayev. “Then, I visited "
            "Astana in 2015. I recall our conversations quite clearly,” Rutte said.",
            "mark-rutte",
        ),
        (
            "Dutch Prime Minister Mark Rutte met Kazakh President Kassym-Jomart Tokayev. "
            "“I visited Astana in 2015,” Rutte said.",
            "mark-rutte",
        ),
    ],
)
def test_i_visited_in_a_quote_is_the_speakers_visit(extractor, text, visitor):
    visit = find(run(extractor, text, "en"), "Consult", "visited")
    assert visit.source == (visitor,) and "kazakhstan" in visit.target


@pytest.mark.parametrize(
    "lang, text, found",
    [
        (
            "en",
            PAIR + "The two countries are determined to enhance their bilateral cooperation, he added.",
            False,
        ),
        (
            "en",
            # (with no agreement in its clause: "signed deals … to increase cooperation" is the Agree)
            PAIR + "The two countries will increase cooperation in energy and aerospace.",
            True,
        ),
        ("en", PAIR + "Russia values its comprehensive strategic partnership with Kazakhstan.", False),
        ("ru", PAIR_RU + "Стороны подтвердили курс на укрепление стратегического партнерства.", False),
        ("ru", PAIR_RU + "Стороны развивают сотрудничество в сфере энергетики.", True),
        # the own preposition of the noun "совместный" qualifies opens no object (ru_kz-eg_62);
        # a cooperation noun's own says how a thing is done together (regression ru_015)
        (
            "ru",
            PAIR_RU + "«Мы будем развивать это направление», — сказал Токаев на совместном с "
            "президентом России заявлении для прессы.",
            False,
        ),
        (
            "ru",
            PAIR_RU + "Российская сторона в тесном взаимодействии с казахстанскими партнерами "
            "обеспечивает стабильную работу трубопровода.",
            True,
        ),
        # a quantified area names no field (en_ru-kz_15, en_ru-cn_01, ru_cn-kz_03)
        (
            "en",
            PAIR + '"As for Russia and Kazakhstan, we are strengthening cooperation in all areas," he said.',
            False,
        ),
        (
            "en",
            PAIR
            + "Lavrov expressed readiness to strengthen cooperation with Kazakhstan across various sectors.",
            False,
        ),
        (
            "ru",
            PAIR_RU + "«Мы выстроили эффективное межгосударственное взаимодействие по всем направлениям.",
            False,
        ),
        ("en", PAIR + "The two countries will strengthen cooperation in the field of migration.", True),
        # a field of defence cooperation (ru_ru-tj_02)
        (
            "ru",
            PAIR_RU + "Россия активно взаимодействует с Казахстаном, развивая оборонное, "
            "военно-техническое и антитеррористическое сотрудничество.",
            True,
        ),
        # cooperation that talks framing the verb were about (en_kz-tj_01, en_kz-gb_01, ru_kz-uz_02)
        (
            "en",
            PAIR + "The talks focused on issues regarding trade and economic, energy and "
            "humanitarian cooperation.",
            False,
        ),
        (
            "en",
            PAIR + "During the meeting, the parties exchanged views on the entire spectrum of "
            "Kazakh-Russian cooperation.",
            False,
        ),
        (
            "ru",
            PAIR_RU + "На заседании были рассмотрены актуальные вопросы двустороннего взаимодействия в "
            "торгово-экономической и транспортной сферах.",
            False,
        ),
        # projects carried out: a word of carrying out with a project noun (en_ru-kz_15,
        # ru_ru-kz_05, ru_tm-cn_01); agreements carried out are no new event
        (
            "en",
            PAIR + "A number of large-scale projects are already being implemented in Kazakhstan "
            "together with Russia.",
            True,
        ),
        ("ru", PAIR_RU + "Реализуются флагманские стратегические проекты, в том числе энергетические.", True),
        ("ru", PAIR_RU + "Компании России реализовали ряд крупных проектов в газовой сфере.", True),
        ("ru", PAIR_RU + "Стороны продолжают реализацию договоренностей.", False),
        ("en", PAIR + "The sides will continue the implementation of the agreements.", False),
        # capital placed in a state (en_kz-de_01, en_tr-kg_58), not in an undertaking (regression
        # en_002)
        (
            "en",
            PAIR + "Since 2005, Russian direct investments in Kazakhstan have reached $6.7 billion.",
            True,
        ),
        ("en", PAIR + "Russia is one of the top five countries investing in Kazakhstan.", True),
        (
            "en",
            PAIR + '"We are ready to invest in its modernisation together with our Kazakh partners."',
            False,
        ),
        # views exchanged on cooperation: what was talked about (ru_kz-sg_57; the dev gold has no
        # Cooperate in the 30 sentences of "exchanged views on", "обменялись мнениями по")
        ("en", PAIR + "The ministers exchanged views on cooperation in energy.", False),
        (
            "ru",
            PAIR_RU + "Главы государств обменялись мнениями по вопросам расширения экспортных "
            "возможностей, открытия совместных предприятий.",
            False,
        ),
        # a prospect weighed, not cooperation done (en_am-ir_51, en_kz-ae_01, ru_kg-cn_51)
        ("en", PAIR + "Prospects for expanding cooperation in the economic sphere were emphasized.", False),
        ("en", PAIR + "The parties considered trade and investment cooperation in renewable energy.", False),
        (
            "ru",
            PAIR_RU + "Были рассмотрены перспективы углубления сотрудничества в космической сфере.",
            False,
        ),
    ],
)
def test_cooperation_needs_a_named_object(extractor, lang, text, found):
    ex = run(extractor, text, lang)
    assert any(e.cls == "Cooperate" for e in ex.events) is found


@pytest.mark.parametrize(
    "lang, text, speaker",
    [
        (
            "en",
            "Sergey Lavrov met Mukhtar Tleuberdi in Moscow. "
            "Lavrov referred to Kazakhstan as an important partner for expanding Russia's supply routes.",
            "sergey-lavrov",
        ),
        (
            "en",
            "Kassym-Jomart Tokayev met Xi Jinping. "
            "In his opinion, this cooperation is eternal and beyond the control of political conjuncture.",
            "kassym-jomart-tokayev",
        ),
        (
            "ru",
            "Мария Захарова провела брифинг. "
            "Захарова прокомментировала текущий уровень российско-грузинских отношений.",
            "maria-zakharova",
        ),
        (
            "ru",
            "Владимир Путин встретился с Касым-Жомартом Токаевым. "
            "Он считает, что отношения двух стран развиваются успешно.",
            None,
        ),
        # a verb the parse made a conjunct of the reported clause: the name set off by
        # commas before it speaks, its title apposed (en_az-kz_02, en_ru-kz_04's shape)
        (
            "en",
            "Moscow is preparing to send petroleum products to Havana, Sergey Lavrov, "
            "Russia's foreign minister, told reporters.",
            "sergey-lavrov",
        ),
        # a body named by its kind ("the airline", "the diplomatic mission", "авиакомпания"):
        # the body named before
        (
            "en",
            "Aeroflot suspended its flights to Tbilisi. The airline said the flights would resume in May.",
            "aeroflot",
        ),
        (
            "en",
            "The Embassy of Russia in Kazakhstan opened a new visa centre. "
            "The diplomatic mission added that waiting times would fall.",
            "embassy-of-russia-in-kazakhstan",
        ),
        (
            "ru",
            "Аэрофлот приостановил полеты в Тбилиси. Авиакомпания уточнила, что рейсы возобновятся в мае.",
            "aeroflot",
        ),
        # "consider" reporting a clause or naming its object as something is an opinion voiced
        ("en", "Kazakhstan considers that the new tariffs violate the rules of the union.", "kazakhstan"),
        ("en", "Ilham Aliyev considers the peace treaty a historic chance for the region.", "ilham-aliyev"),
        ("ru", "Лавров предложил провести следующий раунд консультаций в Баку.", "sergey-lavrov"),
        # an appeal that addresses no one is what its subject says ("call for")
        ("en", "Ilham Aliyev also called for the intensification of regional exchanges.", "ilham-aliyev"),
        # a claim argued, a stance voiced, an answer quoted
        ("en", "Ilham Aliyev contended that the region needs new transport routes.", "ilham-aliyev"),
        ("en", "Ilham Aliyev also spoke in favor of intensifying practical interaction.", "ilham-aliyev"),
        ("en", 'Asked about the talks, Ilham Aliyev replied, "We will not be deterred."', "ilham-aliyev"),
        # attention drawn, a remark made, an admission reporting a clause
        ("ru", "Сергей Лавров обратил внимание на рост взаимной торговли.", "sergey-lavrov"),
        ("ru", "Сергей Лавров заметил, что переговоры были трудными.", "sergey-lavrov"),
        ("ru", "Сергей Лавров признал, что переговоры были трудными.", "sergey-lavrov"),
        # a bare spokesman after a body was named and no one has spoken: that body
        (
            "en",
            "The Georgian Foreign Ministry summoned the Russian chargé d'affaires on Monday. "
            "A spokeswoman said the remarks were unacceptable.",
            "ministry-of-foreign-affairs-of-georgia",
        ),
        # a reporting verb in a relative clause with no subject of its own: the author of the
        # post, speech or letter the clause describes
        (
            "ru",
            "Алиев опубликовал в соцсетях обращение, в котором подчеркнул, что Баку готов к миру.",
            "ilham-aliyev",
        ),
        (
            "ru",
            "Жапаров выступил на сессии ООН с речью, в которой заявил о готовности Киргизии к диалогу.",
            "sadyr-japarov",
        ),
        # a subject the parse finds inside the quoted words is no speaker: the one named
        # after the verb outside them (en_kz-tj_02)
        (
            "en",
            "«In this regard, I would like to express my gratitude to the Leader of the fraternal "
            "Tajikistan, Mr. Emomali Rahmon, for his enormous work and contribution to the deepening "
            "and all-round development of the Kazakh-Tajik relations,» said Kassym-Jomart Tokayev "
            "addressing Emomali Rahmon, while making a joint statement for mass media.",
            "kassym-jomart-tokayev",
        ),
        # a body noun before a document noun names its issuer: that body of the state named
        # last (en_ml-fr_62)
        (
            "en",
            "Florence Parly said French troops would not stay in Mali if the price was too high. "
            '"The ambassador has 72 hours to leave the country," the government statement said.',
            "government-of-mali",
        ),
        # a bare body noun, and a bare "press service", are the body that has been speaking, not
        # one named inside its quoted words (en_by-lt_51)
        (
            "en",
            "The Belarusian Foreign Ministry said it summoned the Lithuanian charge d'affaires. "
            '"The Lithuanian Foreign Ministry was handed a note of protest," the statement said. '
            "The ministry noted that the decision affects citizens of the EU.",
            "ministry-of-foreign-affairs-of-belarus",
        ),
        (
            "en",
            "The Belarusian Foreign Ministry said it summoned the Lithuanian charge d'affaires. "
            "The closure hurts citizens of the EU and other states. "
            '"We are forced to note the anti-popular nature of such actions," the press service emphasized.',
            "ministry-of-foreign-affairs-of-belarus",
        ),
        # a release cited with no author: who issued it, the body acting in the sentence (or in
        # the one before, when the citation opens its sentence), else the body that spoke last
        # (en_am-ir_51, ru_ua-by_51)
        (
            "en",
            "In a statement, the Armenian Foreign Ministry said the talks were useful. "
            "Border issues were also on the agenda, according to the statement.",
            "ministry-of-foreign-affairs-of-armenia",
        ),
        (
            "ru",
            "Министерство иностранных дел Украины вызвало временного поверенного в делах Беларуси. "
            "Так, согласно сообщению, ему был выражен решительный протест.",
            "ministry-of-foreign-affairs-of-ukraine",
        ),
    ],
)
def test_more_reporting_verbs(extractor, lang, text, speaker):
    ex = run(extractor, text, lang)
    st = [e for e in ex.events if e.cls == "Statement"]
    assert st, [(e.cls, e.trigger) for e in ex.events]
    if speaker:
        assert speaker in st[-1].speaker


def test_the_one_told_is_no_speaker(extractor):
    # the object of a verb of telling is the one told, not the speaker: the name set off by
    # commas before the verb speaks (en_az-kz_02)
    ex = run(
        extractor,
        "KazMunayGas, the national oil and gas company of Kazakhstan, and SOCAR, Azerbaijan's State "
        "Oil Company, will sign an agreement to increase the transportation of Kazakh oil through "
        "Azerbaijan, Magzum Mirzagaliyev, Chair of the Management Board of KMG, told Trend in an "
        "exclusive interview.",
        "en",
    )
    st = [e for e in ex.events if e.cls == "Statement"]
    assert st and all(ex_cls(ex, k) == "Person" for e in st for k in e.speaker), [
        (e.trigger, e.speaker) for e in st
    ]


def ex_cls(ex, key):
    return next(e.cls for e in ex.entities if e.key == key)


@pytest.mark.parametrize(
    "lang, text",
    [
        # a rule or a treaty cited is no one's words
        ("ru", "Согласно договору, стороны обменялись нотами о ратификации."),
        # the passive subject of a verb of telling is the one told (en_pk-us_62)
        ("en", "The US diplomat Angela Aggeler has been told that the interference is unacceptable."),
        # a reporting verb's own passive subject is what is declared, not who declares (en_ru-jp_01)
        ("en", "After World War II, all the Kuril Islands were declared the territory of the Soviet Union."),
        # numbers checked are no one's words (en_th-kh_68)
        ("en", "A few hundred Thais remained in Cambodia, as the embassy was verifying exact numbers."),
        # a joint statement signed is an agreement, no appearance before the press
        ("en", "Vladimir Putin and Kassym-Jomart Tokayev signed a joint statement on strategic partnership."),
        # a courtesy call is a visit, no appeal voiced (en_az-pk_62)
        ("en", "The Ambassador of Azerbaijan Khazar Farhadov called on Prime Minister Shehbaz Sharif."),
    ],
)
def test_no_statement_cited(extractor, lang, text):
    ex = run(extractor, text, lang)
    assert not [e for e in ex.events if e.cls == "Statement"], [(e.cls, e.trigger) for e in ex.events]


@pytest.mark.parametrize(
    "lang, text, speaker",
    [
        # a joint appearance before the press: one Statement of both persons, those of its
        # subject or those of the talks just reported (en_cn-tj_55, en_kz-ge_54, en_ru-by_02)
        (
            "en",
            "President Xi Jinping and President Emomali Rahmon jointly met the press after their talks.",
            {"xi-jinping", "emomali-rahmon"},
        ),
        (
            "en",
            "Vladimir Putin held talks with Kassym-Jomart Tokayev in Moscow. "
            "This was followed by a joint statement to the media.",
            {"vladimir-putin", "kassym-jomart-tokayev"},
        ),
        (
            "ru",
            "Владимир Путин провел переговоры с Касым-Жомартом Токаевым. "
            "Затем главы государств выступили на пресс-конференции.",
            {"vladimir-putin", "kassym-jomart-tokayev"},
        ),
        (
            "ru",
            "Владимир Путин провел переговоры с Касым-Жомартом Токаевым. "
            "Затем было сделано совместное заявление для СМИ.",
            {"vladimir-putin", "kassym-jomart-tokayev"},
        ),
        # one of them quoted in the same sentence: his statement and the joint one (en_kz-tj_02)
        (
            "en",
            "«Our relations are developing steadily,» said Kassym-Jomart Tokayev addressing Emomali "
            "Rahmon, while making a joint statement for mass media in the Akorda Palace.",
            {"kassym-jomart-tokayev", "emomali-rahmon"},
        ),
    ],
)
def test_joint_appearance(extractor, lang, text, speaker):
    ex = run(extractor, text, lang)
    st = [e for e in ex.events if e.cls == "Statement"]
    assert st and speaker <= set(st[-1].speaker), [(e.cls, e.trigger, e.speaker) for e in ex.events]


@pytest.mark.parametrize(
    "lang, text, trigger, speaker",
    [
        # "the sides" and "they" right after talks are the people of the talks
        (
            "en",
            "Vladimir Putin met Kassym-Jomart Tokayev in Moscow. "
            "The sides stressed the importance of signing the roadmap.",
            "stressed",
            {"vladimir-putin", "kassym-jomart-tokayev"},
        ),
        (
            "en",
            "Vladimir Putin met Kassym-Jomart Tokayev in Moscow. "
            "They expressed confidence that the visit would contribute to expanding relations.",
            "expressed confidence",
            {"vladimir-putin", "kassym-jomart-tokayev"},
        ),
        (
            "ru",
            "Владимир Путин провел переговоры с Касым-Жомартом Токаевым. "
            "Стороны подтвердили приверженность союзническим отношениям.",
            "подтвердили",
            {"vladimir-putin", "kassym-jomart-tokayev"},
        ),
        # the people of the talks named by their part or rank (ru_ru-sd_61, en_uz-az_53)
        (
            "ru",
            "Владимир Путин провел переговоры с Касым-Жомартом Токаевым. "
            "Участники встречи подтвердили приверженность союзническим отношениям.",
            "подтвердили",
            {"vladimir-putin", "kassym-jomart-tokayev"},
        ),
        (
            "en",
            "Vladimir Putin met Kassym-Jomart Tokayev in Moscow. "
            "The heads of state stressed the importance of signing the roadmap.",
            "stressed",
            {"vladimir-putin", "kassym-jomart-tokayev"},
        ),
        # "both", «оба» right after talks: their two sides (en_jp-gb_67)
        (
            "en",
            "Vladimir Putin met Kassym-Jomart Tokayev in Moscow. Both stressed the value of the roadmap.",
            "stressed",
            {"vladimir-putin", "kassym-jomart-tokayev"},
        ),
        (
            "ru",
            "Путин провел переговоры с Касым-Жомартом Токаевым. Оба подтвердили приверженность союзу.",
            "подтвердили",
            {"vladimir-putin", "kassym-jomart-tokayev"},
        ),
        # an agentless "it was noted" is the speaker reported before
        (
            "en",
            "Sergey Lavrov met Mukhtar Tleuberdi. Lavrov said relations were good. "
            "It was noted that the explanation contradicts the findings.",
            "It was noted",
            {"sergey-lavrov"},
        ),
        # a passive subject that speaks: "quoted as saying", and the subject of a raising verb
        (
            "en",
            "Sergey Lavrov was quoted as saying that Russia would respond.",
            "quoted as saying",
            {"sergey-lavrov"},
        ),
        (
            "en",
            "Sergey Lavrov is expected to announce the decision on Monday.",
            "announce",
            {"sergey-lavrov"},
        ),
        # "Он дополнил, что …": the person who spoke before (ru_ru-gr_65)
        (
            "ru",
            "Алексей Бородавкин заявил, что контакты прекращены. Он дополнил, что работать трудно.",
            "дополнил",
            {"alexey-borodavkin"},
        ),
    ],
)
def test_sides_and_agentless_speakers(extractor, lang, text, trigger, speaker):
    ex = run(extractor, text, lang)
    st = find(ex, "Statement", trigger)
    assert speaker <= set(st.speaker)


def test_they_with_no_talks_before_is_no_guess(extractor):
    ex = run(extractor, "Grain traders met in Almaty. They warned of possible retaliatory measures.", "en")
    assert not [e for e in ex.events if e.cls == "Statement" and e.trigger == "warned"]


# Typed events of real sentence shapes (issue 9): accusations, one event per clause
TYPED_CASES = [
    # concern voiced over an act (en_ru-az_01, en_ru-uz_01, en_ru-ge_01)
    (
        "en-concern-over",
        "en",
        "Azerbaijan once again conveyed its deep concern over the events in Yekaterinburg.",
        "Accuse",
        "concern over",
        dict(source=("azerbaijan",)),
    ),
    # an act charged: its doer is the target, the speaker the source
    (
        "en-violate-charged",
        "en",
        '"Russia continues to grossly violate the principles of international law," '
        "Kassym-Jomart Tokayev said.",
        "Accuse",
        "violate",
        dict(source=("kassym-jomart-tokayev",), target=("russia",)),
    ),
    (
        "ru-violates-charged",
        "ru",
        "Руководство министерства заявило, что Казахстан нарушает принципы ЕАЭС.",
        "Accuse",
        "нарушает",
        dict(target=("kazakhstan",)),
    ),
    (
        "ru-bewilderment",
        "ru",
        "Министр иностранных дел Казахстана Мухтар Тлеуберди выразил недоумение по поводу высказываний "
        "депутата Госдумы России.",
        "Accuse",
        "недоумение",
        dict(source=("mukhtar-tleuberdi",), participants={"russia"}),
    ),
    (
        "ru-rejects-imperfective",
        "ru",
        "Индийская сторона также отвергает давление США и НАТО.",
        "Reject",
        "отвергает",
        dict(participants={"united-states", "india"}),
    ),
    # satisfaction, greetings and good wishes voiced (en_kz-tr_02, en_ru-kz_08, ru_kz-uz_01 …)
    (
        "en-satisfaction",
        "en",
        "During the telephone talk Vladimir Putin and Kassym-Jomart Tokayev expressed satisfaction with "
        "the development of trade and economic relations.",
        "Support",
        "satisfaction",
        dict(participants={"vladimir-putin", "kassym-jomart-tokayev"}),
    ),
    (
        "en-greetings",
        "en",
        "After the meeting, Kassym-Jomart Tokayev extended warm greetings to Xi Jinping.",
        "Support",
        "greetings",
        dict(source=("kassym-jomart-tokayev",), target=("xi-jinping",)),
    ),
    (
        "ru-wished-success",
        "ru",
        "Касым-Жомарт Токаев пожелал Садыру Жапарову успеха на предстоящих переговорах.",
        "Support",
        "пожелал",
        dict(source=("kassym-jomart-tokayev",), target=("sadyr-japarov",)),
    ),
    (
        "ru-noted-with-satisfaction",
        "ru",
        "Касым-Жомарт Токаев и Шавкат Мирзиёев с удовлетворением отметили высокий уровень взаимодействия.",
        "Support",
        "удовлетворением",
        dict(participants={"kassym-jomart-tokayev", "shavkat-mirziyoyev"}),
    ),
    # the subject of the clause a meeting frames takes part, a pronoun resolved (en_ru-tj_01,
    # ru_ru-mn_01)
    (
        "en-he-stated-during-a-meeting",
        "en",
        "Sergei Shoigu arrived in Bishkek. On April 29, he stated during a meeting with Kyrgyz President "
        "Sadyr Japarov that cooperation is a key factor.",
        "Consult",
        "meeting",
        dict(participants={"sergei-shoigu", "sadyr-japarov"}),
    ),
    (
        "ru-he-said-at-a-meeting",
        "ru",
        "Сергей Лавров прибыл в Улан-Батор. «Мы готовы к сотрудничеству», - сказал он в понедельник на "
        "встрече с Касым-Жомартом Токаевым.",
        "Consult",
        "встрече",
        dict(participants={"sergey-lavrov", "kassym-jomart-tokayev"}),
    ),
    # arrival verbs of both aspects (ru_ru-mn_02, ru_ru-kg_02)
    (
        "ru-flew-in",
        "ru",
        "Владимир Путин прилетел в Улан-Батор в понедельник вечером.",
        "Consult",
        "прилетел",
        dict(mode="visit", source=("vladimir-putin",), target=("mongolia",)),
    ),
    # agreement verbs (ru_ru-cn_02, ru_kz-de_01, en_kz-uz_03)
    (
        "ru-concluded-a-contract",
        "ru",
        "«Газпром» и CNPC в 2014 году заключили договор купли-продажи российского газа.",
        "Agree",
        "заключили договор",
        dict(participants={"gazprom"}),
    ),
    # conversations and discussions (ru_ru-uz_01, ru_ru-kz_02, en_kz-uz_01)
    (
        "ru-during-a-conversation",
        "ru",
        "Шавкат Мирзиёев заявил об этом во время беседы с президентом России Владимиром Путиным.",
        "Consult",
        "беседы",
        dict(participants={"shavkat-mirziyoyev", "vladimir-putin"}),
    ),
    (
        "en-held-discussions",
        "en",
        "President of Kazakhstan Kassym-Jomart Tokayev held discussions with President of Uzbekistan "
        "Shavkat Mirziyoyev.",
        "Consult",
        "discussions",
        dict(participants={"kassym-jomart-tokayev", "shavkat-mirziyoyev"}),
    ),
    # help given (ru_kz-de_01)
    (
        "ru-helped",
        "ru",
        "Казахстан очень помог Германии с поставками нефти.",
        "Aid",
        "помог",
        dict(source=("kazakhstan",), target=("germany",)),
    ),
    # an act branded a pretext (en_am-az_02, en_ru-in_01, ru_ru-tj_01)
    (
        "en-under-pretexts",
        "en",
        "Armenia refused the third meeting with Azerbaijan, boycotting it under various pretexts.",
        "Accuse",
        "pretexts",
        dict(participants={"armenia"}),
    ),
    # … the doer of the act is the target, whoever brands it the source (en_am-az_02, ru_ru-tj_01)
    (
        "en-pretexts-charged-by-the-speaker",
        "en",
        '"The Armenian side refused the third meeting, boycotting it under various pretexts," '
        "Jeyhun Bayramov said.",
        "Accuse",
        "pretexts",
        dict(source=("jeyhun-bayramov",), target=("armenia",)),
    ),
    (
        "ru-under-a-pretext-charged-by-the-speaker",
        "ru",
        "Глава МИД Таджикистана Сироджиддин Мухриддин заявил, что Россия закрывает границу под "
        "предлогом сбоя в системе.",
        "Accuse",
        "под предлогом",
        dict(source=("sirojiddin-muhriddin",), target=("russia",)),
    ),
    # disagreement voiced is an accusation, not a negated agreement (en_ru-kz_05, ru_ru-am_02)
    (
        "en-did-not-agree-with",
        "en",
        "The Grain Union of Kazakhstan did not agree with that.",
        "Accuse",
        "not agree with",
        dict(context=None, participants={"kazakhstan"}),
    ),
    (
        "en-did-not-agree-on-terms-stays-negated",
        "en",
        "Russia and Kazakhstan did not agree on the gas price.",
        "Agree",
        "agree",
        dict(context="negated"),
    ),
    (
        "ru-ne-soglasna-s",
        "ru",
        "Россия не согласна с заявлением премьер-министра Армении Никола Пашиняна.",
        "Accuse",
        "не согласна с",
        dict(context=None, source=("russia",), participants={"nikol-pashinyan"}),
    ),
    (
        "ru-ne-soglasitsya-s-in-a-quote",
        "ru",
        '"Мы должны категорически не согласиться с господином Пашиняном", - сказал Дмитрий Песков.',
        "Accuse",
        "не согласиться с",
        dict(source=("dmitry-peskov",), participants={"nikol-pashinyan"}),
    ),
    # words addressed to the other side of the talks, however long the remarks (en_ru-am_01,
    # en_kz-us_02, en_ru-mn_02)
    (
        "en-thank-you-long-after-the-talks",
        "en",
        "Nikol Pashinyan met with Vladimir Putin in the Kremlin. Putin spoke about gas. He spoke "
        "about trade. He spoke about the border.\nNikol Pashinyan stated in his remarks:\n“We had a "
        "long day. Thank you for the invitation and congratulations.”",
        "Support",
        "Thank",
        dict(source=("nikol-pashinyan",), target=("vladimir-putin",)),
    ),
    # a purpose infinitive shares the subject of the verb it completes (en_ru-kz_12, en_ru-kz_01,
    # en_ru-tr_02)
    (
        "en-went-on-to-congratulate",
        "en",
        "Secretary of State Gulshara Abdykalikova met with Russian Ambassador Alexei Borodavkin.\n"
        "At the onset of the meeting, Secretary Abdykalikova stressed that Kazakhstan and Russia are "
        "good neighbours.\nShe went on to congratulate Ambassador Borodavkin on the beginning of his "
        "mission in Kazakhstan.",
        "Support",
        "congratulate",
        dict(source=("person/galshara-abdakalakava",), target=("alexey-borodavkin",)),
    ),
    # appreciation and a high assessment voiced (en_ru-kz_09, en_ru-in_01)
    (
        "en-expressed-appreciation",
        "en",
        "Sergey Lavrov expressed appreciation of the collaboration with Kazakhstan in the fight "
        "against the coronavirus.",
        "Support",
        "appreciation",
        dict(source=("sergey-lavrov",), participants={"kazakhstan"}),
    ),
    (
        "en-high-assessment",
        "en",
        "Sergey Lavrov reaffirmed Russia's high assessment of India's position on Ukraine.",
        "Support",
        "high assessment",
        dict(participants={"sergey-lavrov", "india"}),
    ),
    # peacekeeping troops sent are peacekeeping (regression en_012, ru_012)
    (
        "en-peacekeeping-force-sent",
        "en",
        "Russian paratroopers arrived as part of a peacekeeping force sent by the CSTO to Kazakhstan.",
        "Aid",
        "peacekeeping",
        dict(participants={"collective-security-treaty-organization", "kazakhstan"}),
    ),
    (
        "ru-peacekeeping-forces-sent",
        "ru",
        "Совет ОДКБ принял решение направить в Казахстан миротворческие силы организации.",
        "Aid",
        "миротворческие",
        dict(participants={"collective-security-treaty-organization", "kazakhstan"}),
    ),
    # … while welcoming a thing endorses it
    (
        "en-welcomed-an-initiative",
        "en",
        "Kassym-Jomart Tokayev and Shavkat Mirziyoyev welcomed the initiative to establish a joint "
        "venture of the railways.",
        "Support",
        "welcomed",
        dict(participants={"kassym-jomart-tokayev", "shavkat-mirziyoyev"}),
    ),
    # talks or an agreement a speaker tells as done in the first person are events, "we" the
    # speaker, the persons named with "мы с …" and the company the speaker heads (en_kz-uz_01,
    # en_ru-kz_04, ru_ru-kz_10)
    (
        "en-quote-we-signed",
        "en",
        'Alexei Miller, CEO of Gazprom, spoke at the forum. "At the Eastern Economic Forum, we signed '
        'an agreement to increase gas supplies to Kazakhstan," Miller said.',
        "Agree",
        "signed",
        dict(participants={"alexei-miller", "gazprom", "kazakhstan"}),
    ),
    (
        "ru-quote-my-s-podpisali",
        "ru",
        "«Меморандум, который мы подписали с Романом Скляром на форуме, касается этих вопросов», "
        "- сказал Алексей Миллер.",
        "Agree",
        "подписали",
        dict(participants={"alexei-miller", "roman-sklyar"}),
    ),
    # … and in the remarks of a named author, "we" is the author and the partner of the talks
    # (en_ru-kz_09)
    (
        "en-remarks-we-had-talks",
        "en",
        "Foreign Minister Sergey Lavrov's remarks at a joint news conference following talks with "
        "Foreign Minister of Kazakhstan Mukhtar Tleuberdi, Moscow, September 9, 2020\n"
        "Ladies and gentlemen,\n"
        "We have had very constructive talks as part of the regular communications between our "
        "countries' foreign ministers.",
        "Consult",
        "talks",
        dict(participants={"sergey-lavrov", "mukhtar-tleuberdi"}),
    ),
    # … and talks a press service tells as done in the third person, a person their subject
    # (en_kz-ae_02)
    (
        "en-quote-press-service-held-talks",
        "en",
        '"Kassym-Jomart Tokayev held talks with Vladimir Putin. Following the meeting, several '
        'documents were signed," Akorda said.',
        "Consult",
        "held talks",
        dict(participants={"kassym-jomart-tokayev", "vladimir-putin"}),
    ),
    # a passive verb of receiving coordinated with the visit shares its subject, the person
    # received; the visit and the reception of one day stay two events (ru_ru-kp_02)
    (
        "ru-posetil-i-byl-prinyat",
        "ru",
        "Сегодня министр иностранных дел России Сергей Лавров посетил Корейскую Народно-"
        "Демократическую Республику с официальным визитом и был принят председателем "
        "Государственного совета КНДР Ким Чен Ыном.",
        "Consult",
        "принят",
        dict(mode="meet", participants={"sergey-lavrov"}),
    ),
    # the talks the trip was for are the visit
    (
        "en-arrived-for-talks",
        "en",
        "Russian Defense Minister Sergei Shoigu has arrived in Dushanbe for talks with Tajik authorities.",
        "Consult",
        "arrived",
        dict(mode="visit", source=("sergei-shoigu",), target=("tajikistan",)),
    ),
    # diplomats expelled: a Sanction by the state that expels (en_ru-ee_01, en_ru-ee_02,
    # ru_ru-pl_02); a bare title with a country and no person named is that state
    (
        "en-expelled-diplomat",
        "en",
        "Estonia's Foreign Ministry has expelled a Russian diplomat in a tit-for-tat move.",
        "Sanction",
        "expelled",
        dict(participants={"ministry-of-foreign-affairs-of-estonia", "russia"}),
    ),
    (
        "ru-nezhelatelnye-litsa",
        "ru",
        "Министр иностранных дел Польши Радослав Сикорский заявил, что сотрудники российского "
        'консульства будут признаны "нежелательными лицами" на территории Польши.',
        "Sanction",
        "нежелательными лицами",
        dict(),
    ),
    # a violation or an aggression charged (ru_ru-kz_18, ru_ru-ir_01); an ambassador summoned in the
    # passive (ru_ru-md_02)
    (
        "ru-v-narushenie",
        "ru",
        "Поставки, добавили в Россельхознадзоре, осуществляются из Казахстана в нарушение действующего "
        "с 2014 года запрета.",
        "Accuse",
        "нарушение",
        dict(),
    ),
    (
        "ru-vyzvan-v-mid",
        "ru",
        "Посол Молдавии в России был вызван в МИД России из-за заявлений одной из партий.",
        "Accuse",
        "вызван в МИД",
        dict(),
    ),
    # an act branded illegal charged to its doer, voiced by the statement's speaker (en_ru-ge_01);
    # an accreditation revoked and duties imposed (en_ru-gb_01, ru_kz-us_01); a chargé d'affaires
    # invited to the ministry (ru_ru-kz_04); an agentless protest issued by the statement's speaker
    # (ru_ru-de_01)
    (
        "en-illegal-actions",
        "en",
        "The Georgian Foreign Ministry said that Russia's illegal actions continue.",
        "Accuse",
        "illegal",
        dict(source=("ministry-of-foreign-affairs-of-georgia",), target=("russia",), cameo="112"),
    ),
    # the inadmissibility of an act pointed out (en_ru-nl_61)
    (
        "en-inadmissibility",
        "en",
        "The Russian Foreign Ministry called the attention of the Dutch side to the inadmissibility of such "
        "actions.",
        "Accuse",
        "inadmissibility",
        dict(source=("ministry-of-foreign-affairs-of-russia",), participants={"netherlands"}, cameo="111"),
    ),
    (
        "en-revoke-accreditation",
        "en",
        "The UK is revoking the accreditation of a Russian diplomat.",
        "Sanction",
        "revoking the accreditation",
        dict(source=("united-kingdom",)),
    ),
    (
        "ru-vvel-poshliny",
        "ru",
        "Вашингтон ввел 25-процентные пошлины на казахстанские товары.",
        "Sanction",
        "пошлины",
        dict(source=("washington",)),
    ),
    (
        "ru-priglashen-poverenny",
        "ru",
        "В МИД Казахстана был приглашен временный поверенный в делах России Александр Комаров.",
        "Accuse",
        "приглашен временный поверенный",
        dict(cameo="114"),
    ),
    (
        "ru-zayavlen-protest-issuer",
        "ru",
        "«Германской стороне заявлен решительный протест», — сказано в сообщении МИД России.",
        "Accuse",
        "заявлен решительный протест",
        dict(source=("ministry-of-foreign-affairs-of-russia",), participants={"germany"}),
    ),
    # an award conferred, pleasure and good wishes voiced, a positive assessment (en_kz-qa_01,
    # en_kz-tr_01, en_kz-de_01, en_ru-kg_01, ru_kz-tj_01, ru_ru-kp_02)
    (
        "en-awarded-order",
        "en",
        "Erdoğan was also awarded the Order of Friendship by Kassym-Jomart Tokayev.",
        "Support",
        "awarded",
        dict(participants={"recep-tayyip-erdogan", "kassym-jomart-tokayev"}),
    ),
    (
        "en-glad-that",
        "en",
        PAIR + "Vladimir Putin said: «And I am very glad that today Russia takes the first place in "
        "the trade of Kyrgyzstan.»",
        "Support",
        "glad that",
        dict(source=("vladimir-putin",)),
    ),
    (
        "ru-dobrye-pozhelaniya",
        "ru",
        "Ермек Кошербаев передал Эмомали Рахмону теплые слова приветствия и добрые пожелания от имени "
        "Президента Касым-Жомарта Токаева.",
        "Support",
        "приветствия",
        dict(),
    ),
    (
        "ru-pozitivno-otsenili",
        "ru",
        "Сергей Лавров заявил: «Мы очень позитивно оценили декларацию, которую подписали Россия и "
        "Казахстан».",
        "Support",
        "позитивно оценили",
        dict(),
    ),
    # backing, solidarity, praise and good wishes: sentences written for these rows
    (
        "en-backs",
        "en",
        "Kazakhstan firmly backs Uzbekistan's bid to join the World Trade Organization.",
        "Support",
        "backs",
        dict(source=("kazakhstan",), participants={"uzbekistan"}),
    ),
    (
        "en-backing-noun",
        "en",
        "Ankara reaffirmed its backing for Baku in the talks with Yerevan.",
        "Support",
        "backing",
        dict(participants={"ankara", "baku"}),
    ),
    (
        "en-solidarity",
        "en",
        "Georgia expressed solidarity with Turkey after the earthquake.",
        "Support",
        "solidarity",
        dict(source=("georgia",), participants={"turkey"}),
    ),
    (
        "en-stands-with",
        "en",
        "Poland stands with Lithuania in the dispute over transit, Warsaw said.",
        "Support",
        "stands with",
        dict(source=("poland",), participants={"lithuania"}),
    ),
    (
        "en-wished-success",
        "en",
        "Ilham Aliyev wished Nikol Pashinyan success at the negotiations.",
        "Support",
        "wished",
        dict(source=("ilham-aliyev",), participants={"nikol-pashinyan"}),
    ),
    (
        "ru-pokhvalil",
        "ru",
        "Токаев похвалил Узбекистан за реформы в энергетике.",
        "Support",
        "похвалил",
        dict(source=("kassym-jomart-tokayev",), participants={"uzbekistan"}),
    ),
    (
        "ru-solidarnost",
        "ru",
        "Армения выразила солидарность с Ираном после землетрясения.",
        "Support",
        "солидарность",
        dict(source=("armenia",), participants={"iran"}),
    ),
    (
        "ru-solidarna",
        "ru",
        "Белоруссия солидарна с Китаем в вопросе Тайваня, подчеркнул Лукашенко.",
        "Support",
        "солидарна",
        dict(participants={"belarus", "china"}),
    ),
    # diplomatic retaliation (en_ml-fr_62, en_lt-cn_62): an envoy given hours to leave, one's own
    # envoy recalled, ties downgraded, a diplomat declared persona non grata; the one it is applied
    # to (the verb's other object) is the target
    (
        "en-hours-to-leave",
        "en",
        "Mali on Monday gave the French ambassador 72 hours to leave the country.",
        "Sanction",
        "72 hours to leave",
        dict(source=("mali",), target=("france",)),
    ),
    (
        "en-recall-ambassador",
        "en",
        "France has recalled its ambassador to Mali.",
        "Sanction",
        "recalled its ambassador",
        dict(source=("france",), target=("mali",)),
    ),
    (
        "en-downgraded-ties",
        "en",
        "China downgraded diplomatic ties with Lithuania last month.",
        "Sanction",
        "downgraded diplomatic ties",
        dict(source=("china",), target=("lithuania",)),
    ),
    (
        "ru-persona-non-grata-target",
        "ru",
        "Москва объявила германского дипломата персоной нон грата.",
        "Sanction",
        "персоной нон грата",
        dict(source=("moscow",), target=("germany",)),
    ),
    (
        "ru-otozvala-posla",
        "ru",
        "Франция отозвала своего посла из Мали.",
        "Sanction",
        "отозвала своего посла",
        dict(source=("france",), participants={"mali"}),
    ),
    (
        "ru-otozvat-diplomatov",
        "ru",
        "Израиль отозвал своих дипломатических представителей из Турции.",
        "Sanction",
        "отозвал своих дипломатических представителей",
        dict(source=("israel",), participants={"turkey"}),
    ),
    (
        "en-recall-diplomats",
        "en",
        "Israel has recalled its diplomats from Turkey.",
        "Sanction",
        "recalled its diplomats",
        dict(source=("israel",), participants={"turkey"}),
    ),
    (
        "ru-ponizil-uroven",
        "ru",
        "Китай понизил уровень дипломатических отношений с Литвой.",
        "Sanction",
        "понизил уровень дипломатических отношений",
        dict(source=("china",), target=("lithuania",)),
    ),
    (
        "ru-ponizil-dipotnosheniya",
        "ru",
        "Пекин понизил уровень дипотношений с Литвой до поверенного в делах.",
        "Sanction",
        "понизил уровень дипотношений",
        dict(target=("lithuania",)),
    ),
    # an act others are pressed to do has not been done (en_lt-cn_62)
    (
        "en-pressure-to-sever",
        "en",
        "China has stepped up pressure on countries to sever their relations with Taiwan.",
        "Sanction",
        "sever their relations",
        dict(context="hypothetical"),
    ),
    # displeasure voiced at the other side (en_kr-cn_62, en_pk-us_62, ru_ru-am_62)
    (
        "en-expressed-discontent",
        "en",
        "Xing expressed his discontent with South Korea's diplomacy with the U.S.",
        "Accuse",
        "expressed his discontent",
        dict(participants={"south-korea"}),
    ),
    (
        "ru-vyrazil-vozmushchenie",
        "ru",
        "МИД Армении выразил возмущение заявлениями российского телеведущего.",
        "Accuse",
        "выразил возмущение",
        dict(source=("ministry-of-foreign-affairs-of-armenia",), participants={"russia"}),
    ),
]


@pytest.mark.parametrize(
    "lang, text, cls, trigger, want", [c[1:] for c in TYPED_CASES], ids=[c[0] for c in TYPED_CASES]
)
def test_typed_event(extractor, lang, text, cls, trigger, want):
    test_event(extractor, lang, text, cls, trigger, want)


@pytest.mark.parametrize(
    "lang, text, cls",
    [
        # a meeting naming one side is the venue of a statement
        ("ru", "Об этом заявил глава Газпрома Алексей Миллер на пленарном заседании форума.", "Consult"),
        ("ru", "Пока решение не принято, — заявил президент на встрече с представителями СМИ.", "Consult"),
        # the talks the trip was for: one event, the visit
        (
            "en",
            "Russian Defense Minister Sergei Shoigu has arrived in Dushanbe for talks with Tajik "
            "authorities.",
            "Consult:meet",
        ),
        # an agreement already made, carried out: no new agreement
        (
            "en",
            "We are doing everything possible to implement the agreements that were reached earlier.",
            "Agree",
        ),
        (
            "ru",
            "Лавров и Байрамов намерены обсудить выполнение трехсторонних соглашений.",
            "Agree",
        ),
        # an agreement marked by its anniversary was made before
        (
            "ru",
            "Александр Лукашенко уточнил, что накануне годовщины подписания договора с Россией в Минске "
            "пройдут важнейшие мероприятия.",
            "Agree",
        ),
        # talks or an agreement hoped for or planned in a speaker's own words are what the
        # statement is about (en_am-az_01, en_ru-tr_02, ru_ru-ir_02)
        (
            "en",
            '"I hope that in the near future we will complete negotiations with Turkey on a gas hub," '
            "Vladimir Putin said.",
            "Consult",
        ),
        (
            "en",
            '"Negotiations on a peace treaty between Azerbaijan and Armenia were held in the United '
            'States," Jeyhun Bayramov said.',
            "Consult",
        ),
        (
            "ru",
            "«В ближайшее время у меня состоится очередная встреча с министром иностранных дел Ирана», "
            "- сказал Сергей Лавров.",
            "Consult",
        ),
        # a guest welcomed is no praise (en_kz-uz_03, en_ru-am_01, en_kz-tr_01, ru_ru-mn_02)
        ("en", "Welcoming Nikol Pashinyan, Vladimir Putin said that relations were strong.", "Support"),
        ("en", "Recep Tayyip Erdogan was welcomed with an official ceremony in Astana.", "Support"),
        (
            "ru",
            "Владимир Путин прилетел в Улан-Батор. После того как оркестр исполнил гимны двух стран, "
            "президентов приветствовала рота почетного караула.",
            "Support",
        ),
        # a word inside a meeting's name (ru_ru-kz_03, ru_ru-kz_12, ru_ru-kz_15)
        (
            "ru",
            "Назарбаев встретился с Путиным в рамках XIV Форума межрегионального сотрудничества "
            "Казахстана и России в Челябинске.",
            "Cooperate",
        ),
        # cooperation as what was agreed is no event of its own
        (
            "en",
            "Iran and Russia signed a bilateral agreement to jointly develop a section of the "
            "Rasht-Astara highway.",
            "Cooperate",
        ),
    ],
)
def test_one_typed_event_per_clause(extractor, lang, text, cls):
    cls, _, mode = cls.partition(":")
    ex = run(extractor, text, lang)
    assert not [e for e in ex.events if e.cls == cls and (not mode or e.mode == mode)]


# A headline with no final stop ran into the lead in the parse: the lead's reporting verb became a
# conjunct of the headline's verb, whose subject lies outside the lead's sentence, and the whole
# document failed (seen on real news: a state-visit report from Kazinform). Lines are now parsed
# apart (bilat.extract.nlp), and the speaker step never reads a subject outside its sentence.
def test_a_headline_with_no_stop_before_a_reporting_lead(extractor):
    text = (
        "Kazakhstan, South Korea sign 11 cooperation documents\n"
        "President Kassym-Jomart Tokayev called the first state visit of the President of South Korea "
        "Yoon Suk Yeol to Kazakhstan a historic event."
    )
    ex = run(extractor, text, "en")
    assert find(ex, "Agree", "sign")


@pytest.mark.parametrize(
    "lang,text,cls,absent",
    [
        # a demand pressed on an addressee is a Demand (CAMEO 10), and only that in its clause
        (
            "en",
            PAIR
            + "While the CPC maintains it had until Nov. 30 to address the irregularities, Rostransnadzor, "
            "Russia's state transportation watchdog, went ahead with a court appeal demanding the halt "
            "of CPC's operations.",
            "Demand",
            "Request",
        ),
        (
            "en",
            PAIR + "Once again Olaf Scholz called upon Russia to end the war against Ukraine.",
            "Demand",
            "Request",
        ),
        (
            "ru",
            PAIR_RU
            + "Заместитель министра иностранных дел Узбекистана Олимжон Абдуллаев потребовал обеспечить "
            "соблюдение прав узбекских трудовых мигрантов в России.",
            "Demand",
            "Request",
        ),
        # a plain request stays a Request (told by its verb: "the request was made" restates it
        # and names no doer, ``agency``)
        (
            "en",
            PAIR + "Kazakhstan requested Russia to provide supporting facts, the request was made in May.",
            "Request",
            "Demand",
        ),
    ],
)
def test_demand_is_its_own_class(extractor, lang, text, cls, absent):
    ex = run(extractor, text, lang)
    classes = {e.cls for e in ex.events}
    assert cls in classes and absent not in classes, classes


@pytest.mark.parametrize(
    "lang,text,found",
    [
        # a person received is a meeting (real headlines of the dev corpus)
        (
            "en",
            "President of Azerbaijan Ilham Aliyev has received Deputy Prime Minister of the Russian "
            "Federation Alexei Overchuk.",
            True,
        ),
        ("ru", "Аскар Мамин принял Посла России в Казахстане Алексея Бородавкина.", True),
        # no person received: no meeting
        (
            "en",
            PAIR + "The Ministry of Agriculture of Kazakhstan received this notification in September.",
            False,
        ),
        ("ru", PAIR_RU + "Власти Казахстана приняли решение временно ограничить импорт.", False),
    ],
)
def test_receiving_a_person_is_a_meeting(extractor, lang, text, found):
    ex = run(extractor, text, lang)
    assert any(e.cls == "Consult" and e.mode == "meet" for e in ex.events) is found


@pytest.mark.parametrize(
    "lang, text, called",
    [
        # a call made or had with someone is a phone call (en_ru-za_01)
        ("en", "Lavrov made a call to his South African counterpart Naledi Pandor on Tuesday.", True),
        ("en", "Antony Blinken had a call with Sergey Lavrov.", True),
        # a call for something is an appeal, no call
        ("en", "Vladimir Putin made a call for calm.", False),
        # a call received, by video, spoken by phone, a person called
        ("en", "Kassym-Jomart Tokayev received a call from Vladimir Putin.", True),
        ("en", "Vladimir Putin and Kassym-Jomart Tokayev held a video call on Monday.", True),
        ("en", "Kassym-Jomart Tokayev spoke by phone with Vladimir Putin on Monday.", True),
        ("en", "Vladimir Putin and Kassym-Jomart Tokayev talked over the phone on Monday.", True),
        ("en", "US President Donald Trump called up Prime Minister Narendra Modi today.", True),
        ("en", "Vladimir Putin called Kassym-Jomart Tokayev to congratulate him.", True),
        # a call of no person, or naming what a person is, or an appeal
        ("en", "Sergey Lavrov called the statement a provocation.", False),
        ("en", "Recep Tayyip Erdogan called him a friend.", False),
        ("en", "Sergey Lavrov called the meeting productive.", False),
        ("en", "Sergey Lavrov called on Kyiv to stop the attacks.", False),
        ("en", "Kassym-Jomart Tokayev called for calm.", False),
        ("ru", "Касым-Жомарт Токаев позвонил Владимиру Путину в понедельник.", True),
        ("ru", "В ходе телефонного звонка Касым-Жомарт Токаев и Владимир Путин обсудили торговлю.", True),
        ("ru", "Касым-Жомарт Токаев встретился с Владимиром Путиным в Москве.", False),
    ],
)
def test_a_call_made_is_a_phone_call(extractor, lang, text, called):
    ex = run(extractor, text, lang)
    assert any(e.cls == "Consult" and e.mode == "phone" for e in ex.events) is called


def test_taking_part_is_not_receiving(extractor):
    ex = run(extractor, "В понедельник Токаев принял участие во внеочередной сессии Совета ОДКБ.", "ru")
    assert any(e.cls == "Consult" and "участие" in e.trigger for e in ex.events)


@pytest.mark.parametrize(
    "lang, text, visitor, host",
    [
        # the agent of "by" (en_kz-de_02)
        (
            "en",
            '"During the past 30 years," said Federal Chancellor Olaf Scholz during a visit to Berlin '
            "by Kassym-Jomart Tokayev, President of Kazakhstan, on Thursday.",
            "kassym-jomart-tokayev",
            "germany",
        ),
        # a genitive owner's title with the name in apposition (ru_ru-kz_20)
        (
            "ru",
            "Сергей Лавров проводит переговоры с Муратом Нуртлеу.\nКак сообщили в МИД РФ по итогам "
            "встречи, стороны обсудили двустороннюю повестку в контексте визита в Казахстан президента "
            "России Владимира Путина 9 ноября.",
            "vladimir-putin",
            "kazakhstan",
        ),
    ],
)
def test_the_visitor_of_a_visit_noun(extractor, lang, text, visitor, host):
    ev = find(run(extractor, text, lang), "Consult", "visit" if lang == "en" else "визит")
    assert ev.mode == "visit" and ev.source == (visitor,) and ev.target == (host,)


@pytest.mark.parametrize(
    "lang, text, trigger, visitor, host",
    [
        # a bare title owning the visit: the person it stands for (ru_ru-mn_02); no country
        # visited named: the other state of the article's pair (ru_ru-kg_02). (After "прибыл в
        # Монголию" the visit is that arrival told again, one event.)
        (
            "ru",
            "Президент России Владимир Путин поблагодарил Монголию. Официальный визит российского "
            "президента приурочен к годовщине победы на Халхин-Голе.",
            "Официальный визит",
            "vladimir-putin",
            "mongolia",
        ),
        # a visit in the imperfective (ru_by-tj_63)
        (
            "ru",
            "Президент Беларуси Александр Лукашенко посещает Таджикистан второй раз в этом году.",
            "посещает",
            "alexander-lukashenko",
            "tajikistan",
        ),
    ],
)
def test_a_visit_naming_no_one(extractor, lang, text, trigger, visitor, host):
    ex = run(extractor, text, lang)
    evs = [e for e in ex.events if e.mode == "visit" and trigger.split()[-1] in e.trigger]
    assert evs, [(e.cls, e.trigger) for e in ex.events]
    assert visitor in evs[0].source
    if host is not None:
        assert host in evs[0].target


@pytest.mark.parametrize(
    "lang, text",
    [
        # an agreement told as done in someone's words, whoever made it (ru_ru-az_02, en_ru-tr_02)
        (
            "ru",
            "Джейхун Байрамов рассказал в интервью об этих переговорах между Азербайджаном и Арменией. "
            '"На следующий день, 9 октября, было достигнуто соглашение о проведении переговоров.'
            ' Когда процесс начался, Лавров представил сторонам документ", - сказал Байрамов.',
        ),
        (
            "en",
            'Putin met Erdogan in Sochi. Regarding energy, Putin said that "agreements have been '
            'reached" between suppliers and consumers of Russia and Turkey.',
        ),
    ],
)
def test_an_agreement_told_as_done_in_a_quote_is_an_event(extractor, lang, text):
    ex = run(extractor, text, lang)
    assert any(e.cls == "Agree" for e in ex.events), [(e.cls, e.trigger) for e in ex.events]


@pytest.mark.parametrize(
    "lang, text, visitor, host",
    [
        # a participle of welcoming, the guest a bare title (en_kz-tj_01)
        (
            "en",
            "Tajik President Emomali Rahmon held talks with Kazakh President Kassym-Jomart Tokayev. "
            "Welcoming the Kazakh leader, Rahmon noted the importance of the talks.",
            "kassym-jomart-tokayev",
            "tajikistan",
        ),
        # a passive, the city named after it (en_kz-tr_01)
        (
            "en",
            "Erdoğan was welcomed with an official ceremony in the Kazakh capital Astana.",
            "recep-tayyip-erdogan",
            "kazakhstan",
        ),
    ],
)
def test_a_guest_welcomed_is_a_visit(extractor, lang, text, visitor, host):
    ex = run(extractor, text, lang)
    visits = [e for e in ex.events if e.mode == "visit" and "elcom" in e.trigger]
    assert visits and visits[0].source == (visitor,) and visits[0].target == (host,), ex.events
    assert not any(e.cls == "Support" and "elcom" in e.trigger for e in ex.events)


def test_welcoming_several_counterparts_is_no_visit(extractor):
    text = (
        "Foreign Ministers Jeyhun Bayramov and Ararat Mirzoyan began negotiations in Almaty. Welcoming "
        "his counterparts, Kazakh Foreign Minister Murat Nurtleu emphasized Kazakhstan's readiness to help."
    )
    assert not any(e.mode == "visit" for e in run(extractor, text, "en").events)


@pytest.mark.parametrize(
    "lang, text, trigger",
    [
        # "the presidents of X and Y": the person of each state named before (ru_ru-kz_01, en_ru-mn_02)
        (
            "en",
            "Russian President Vladimir Putin spoke at the forum. Turkish President Recep Tayyip Erdogan "
            "spoke after him. Then the presidents of Russia and Turkey discussed the grain corridor.",
            "discussed",
        ),
        (
            "ru",
            "Президент России Владимир Путин выступил на форуме. Президент Турции Реджеп Тайип Эрдоган "
            "выступил после него. Затем президенты России и Турции обсудили зерновой коридор.",
            "обсудили",
        ),
    ],
)
def test_the_persons_of_the_states_named(extractor, lang, text, trigger):
    ev = find(run(extractor, text, lang), "Consult", trigger)
    assert {"vladimir-putin", "recep-tayyip-erdogan"} <= set(ev.participants), ev.participants


@pytest.mark.parametrize(
    "lang, text, found",
    [
        # an agreement the subject of what it says: no agreement made (en_ru-kz_03, en_kz-gb_02,
        # en_ru-kp_01)
        (
            "en",
            PAIR + "The agreements provide for the creation of the Soyuz-5 launch complex at Baikonur.",
            False,
        ),
        (
            "en",
            PAIR + "He noted that the new agreement aims to enhance cooperation in education and trade.",
            False,
        ),
        ("ru", PAIR_RU + "Соглашение предусматривает создание стартового комплекса на Байконуре.", False),
        # a trigger of its own keeps it
        ("en", PAIR + "The agreement between Russia and Kazakhstan was signed in Moscow.", True),
        ("ru", PAIR_RU + "Соглашение между Россией и Казахстаном вступило в силу в мае.", True),
    ],
)
def test_an_agreement_as_the_topic_is_no_event(extractor, lang, text, found):
    ex = run(extractor, text, lang)
    tail = text.split(". ")[-1]
    assert (
        any(
            e.cls == "Agree" and e.evidence.strip() in text and e.start >= text.index(tail) for e in ex.events
        )
        is found
    )


@pytest.mark.parametrize(
    "lang, text, trigger, context",
    [
        # an opportunity to meet is no meeting held (en_kz-qa_01, en_cn-kz_01)
        (
            "en",
            PAIR + "Tokayev considered the summit an opportunity to meet Vladimir Putin.",
            "meet",
            "hypothetical",
        ),
        # readiness to visit, an initiative to host: planned (ru_ru-kz_01, en_am-az_01)
        (
            "ru",
            "Президент Турции Реджеп Тайип Эрдоган подтвердил свою готовность посетить Республику Казахстан.",
            "посетить",
            "planned",
        ),
        (
            "en",
            PAIR + "Bayramov praised the initiative to host the negotiations.",
            "host",
            "planned",
        ),
    ],
)
def test_an_event_a_noun_holds_out(extractor, lang, text, trigger, context):
    ev = next(e for e in run(extractor, text, lang).events if trigger in e.trigger)
    assert ev.context == context


@pytest.mark.parametrize(
    "lang, text",
    [
        # the reason of thanks is no meeting of its own (en_ru-mn_02, en_am-az_01, en_ru-kz_17)
        ("en", PAIR + "I would like to thank President Vladimir Putin for his official visit to Mongolia."),
        ("en", PAIR + "Bayramov thanked President Tokayev for the initiative to host the negotiations."),
        ("en", PAIR + "I would like to express my gratitude to you for joining this summit."),
        ("ru", PAIR_RU + "Токаев поблагодарил Владимира Путина за визит в Казахстан."),
    ],
)
def test_what_is_thanked_for_is_no_meeting(extractor, lang, text):
    assert not any(e.cls == "Consult" for e in run(extractor, text, lang).events)


@pytest.mark.parametrize(
    "lang, text",
    [
        # an envoy called home for consultations: a step of protest, no talks of the pair
        # (en_dz-ma_63); the recall itself stays (Sanction)
        (
            "en",
            "Algeria has recalled its ambassador from Morocco for consultation purposes, Anadolu reported.",
        ),
        ("en", "Algeria decided to summon its ambassador in Rabat immediately for consultation."),
        ("ru", "Алжир отозвал своего посла из Марокко для консультаций."),
    ],
)
def test_an_envoy_called_home_holds_no_talks(extractor, lang, text):
    events = run(extractor, text, lang).events
    assert not any(e.cls == "Consult" for e in events), events


@pytest.mark.parametrize(
    "lang, text",
    [
        # no one travels: goods, fans, an unnamed delegation (ru_ru-kz_18, en_kz-qa_01, en_ru-kz_13)
        ("ru", PAIR_RU + "Под подозрение попали груши и миндаль, приехавшие в республику из Польши и США."),
        (
            "en",
            PAIR + "Rosatom CEO added that a delegation of Kazakhstani officials recently visited the "
            "Leningrad NPP in Saint Petersburg.",
        ),
        # a stop that is no tour's: no traveller, no place visited
        ("en", PAIR + "Vladimir Putin called for a stop to the fighting."),
    ],
)
def test_a_visit_needs_a_traveller(extractor, lang, text):
    assert not any(e.mode == "visit" for e in run(extractor, text, lang).events)


def test_the_sides_that_sign_after_talks_are_its_persons(extractor):
    # ru_ru-kz_05: "стороны" after the talks of two ministers are the ministers
    text = (
        "Министр иностранных дел России Сергей Лавров провел переговоры с министром иностранных дел "
        "Казахстана Муратом Нуртлеу. По итогам переговоров стороны подписали план сотрудничества "
        "между дипведомствами на 2025–2026 годы."
    )
    ev = find(run(extractor, text, "ru"), "Agree", "подписали")
    assert {"sergey-lavrov", "murat-nurtleu"} <= set(ev.participants), ev.participants


@pytest.mark.parametrize(
    "lang, text, cls, states",
    [
        # a city that acts stands for its state (en_kz-qa_01, en_ru-jp_01, ru_am-az_02)
        (
            "en",
            "Seeking to enhance trade cooperation, Doha and Astana signed a memorandum of understanding.",
            "Agree",
            {"qatar", "kazakhstan"},
        ),
        (
            "en",
            "Lavrov noted that Moscow and Tokyo are preparing for another round of talks.",
            "Consult",
            {"russia", "japan"},
        ),
    ],
)
def test_a_capital_that_acts_stands_for_its_state(extractor, lang, text, cls, states):
    ev = find(run(extractor, text, lang), cls)
    assert states <= set(ev.participants), ev.participants


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # a plural bare title with no country after a body's statement: that body, not a name in
        # the words it reports
        (
            "The Kazakh Foreign Ministry summoned the Russian ambassador on Monday. The ministry said "
            "the remarks were unacceptable. Such words contradict the spirit of the Treaty on Good-"
            "Neighbourliness and the values of the Eurasian Economic Union, the diplomats added.",
            "added",
            ("ministry-of-foreign-affairs-of-kazakhstan",),
        ),
        (
            "The Government of Georgia said on Friday that the talks in Baku had been useful. The "
            "officials noted that the next round would take place in Tbilisi.",
            "noted",
            ("government-of-georgia",),
        ),
    ],
)
def test_plural_bare_title_after_a_body_speaks_for_it(extractor, text, cue, speaker):
    st = [e for e in run(extractor, text, "en").events if e.cls == "Statement" and e.trigger == cue]
    assert [e.speaker for e in st] == [speaker]


@pytest.mark.parametrize(
    "text, opening, speaker",
    [
        # a quoted paragraph never closed (the excerpt stops inside the quotation), after a
        # person acted: that person, not the one who spoke two sentences before
        (
            "Kazakh Foreign Minister Murat Nurtleu met his counterparts in Almaty.\n"
            "“We are ready to host the next round of talks,” Nurtleu said.\n"
            "Jeyhun Bayramov also thanked Kazakhstan for the hospitality.\n"
            "“Azerbaijan is interested in a lasting peace and in opening all communications in the region.",
            "“Azerbaijan",
            ("jeyhun-bayramov",),
        ),
        # a quotation over two paragraphs, the first left open: its first paragraph is a
        # statement of the person who acted just before
        (
            "Sergey Lavrov met Mukhtar Tileuberdi in Moscow.\n"
            "Lavrov praised the level of cooperation between Russia and Kazakhstan.\n"
            "“Our countries are allies and strategic partners, and we coordinate our steps in all the "
            "integration structures of the region.\n"
            "“We will continue this work,” he said.",
            "“Our countries",
            ("sergey-lavrov",),
        ),
    ],
)
def test_an_open_quoted_paragraph_is_a_statement_of_who_acted_before(extractor, text, opening, speaker):
    ex = run(extractor, text, "en")
    st = [e for e in ex.events if e.cls == "Statement" and e.start == text.index(opening)]
    assert [e.speaker for e in st] == [speaker]


def test_a_visit_and_the_reception_of_its_day_are_two_events(extractor):
    """ru_ru-kp_02: one dated visit and the talks held on its day are two nodes, as the gold
    counts them (``merge.one_node_each``), the reception's guest the visitor."""
    text = (
        "Сегодня министр иностранных дел России Сергей Лавров посетил Корейскую Народно-"
        "Демократическую Республику с официальным визитом и был принят председателем "
        "Государственного совета КНДР Ким Чен Ыном."
    )
    consults = [e for e in run(extractor, text, "ru").events if e.cls == "Consult"]
    assert sorted(e.mode for e in consults) == ["meet", "visit"]
    assert all("sergey-lavrov" in e.participants for e in consults)


def test_framed_talks_naming_someone_new_are_talks_of_their_own(extractor):
    """ru_ru-kp_02: "в ходе переговоров" refers back to talks reported, unless its phrase names
    a person who took part in none of them."""
    text = (
        "Сегодня министр иностранных дел России Сергей Лавров был принят председателем "
        "Государственного совета КНДР Ким Чен Ыном. Отмечается, что в ходе переговоров с министром "
        "иностранных дел КНДР Ли Ён Хо обсуждались отношения двух стран."
    )
    ev = find(run(extractor, text, "ru"), "Consult", "переговоров")
    assert "person/ri-en-ho" in ev.participants


@pytest.mark.parametrize(
    "lang, text, found",
    [
        # a deed done with the text of an agreement (en_kz-vn_59, en_cn-tj_55, ru_ru-et_01, ru_by-vn_54)
        ("en", PAIR + "The two sides exchanged several important documents.", True),
        ("en", "Putin and Tokayev witnessed the exchange of more than 20 intergovernmental documents.", True),
        ("en", "Putin and Tokayev adopted a joint statement on strategic partnership.", True),
        ("ru", "В феврале Россия и Казахстан утвердили дорожную карту на трехлетний период.", True),
        ("ru", "Заявление по итогам переговоров приняли Владимир Путин и Касым-Жомарт Токаев.", True),
        # the same deeds with no document are no agreement
        ("en", "Putin and Tokayev exchanged views on regional security.", False),
        ("en", "Russia and Kazakhstan adopted new measures against the pandemic.", False),
        ("ru", "Россия и Казахстан приняли меры против пандемии.", False),
        ("ru", "Россия и Казахстан утвердили новые правила торговли.", False),
    ],
)
def test_a_deed_done_with_a_document_is_an_agreement(extractor, lang, text, found):
    ex = run(extractor, text, lang)
    tail = text.split(". ")[-1]
    assert any(e.cls == "Agree" and tail.startswith(e.evidence[:20]) for e in ex.events) == found


@pytest.mark.parametrize(
    "lang, text, welcomed",
    [
        # a thing welcomed that a person owns is endorsed, no guest greeted (ru_tm-cn_01)
        (
            "ru",
            "Председатель КНР Си Цзиньпин направил письмо Гурбангулы Бердымухамедову. Китайский руководитель "
            "приветствовал намерение Гурбангулы Бердымухамедова принять участие в саммите ШОС.",
            "Support",
        ),
        (
            "en",
            "Xi Jinping welcomed the intention of Gurbanguly Berdimuhamedov to attend the summit.",
            "Support",
        ),
        # a person welcomed is a guest greeted
        (
            "en",
            "Welcoming Nikol Pashinyan in the Kremlin, Vladimir Putin said the talks would be useful.",
            "Consult",
        ),
    ],
)
def test_a_thing_a_person_owns_welcomed_is_no_guest(extractor, lang, text, welcomed):
    ex = run(extractor, text, lang)
    assert {e.cls for e in ex.events if "ривет" in e.trigger or "elcom" in e.trigger} == {welcomed}, ex.events


def test_the_bare_title_rukovoditel_stands_for_the_person_named_before(extractor):
    # «руководитель» (leader, head) is a bare title as «лидер» is (ru_tm-cn_01, ru_uz-mn_63)
    text = (
        "Председатель КНР Си Цзиньпин направил письмо Гурбангулы Бердымухамедову. Китайский руководитель "
        "приветствовал намерение Гурбангулы Бердымухамедова принять участие в саммите ШОС."
    )
    ex = run(extractor, text, "ru")
    support = [e for e in ex.events if e.cls == "Support"]
    assert support and support[0].source == ("xi-jinping",), ex.events


@pytest.mark.parametrize(
    "lang, text",
    [
        # an organization the knowledge base does not know that passes on another's words with a
        # verb of passing on news is an outlet relaying them, no speaker (dev ru_ru-my_01,
        # ru_by-tr_64)
        ("ru", "Такое заявление сделал премьер-министр страны Махатхир Мохамад, сообщает Malay Mail."),
        ("en", "Prime Minister Mahathir Mohamad said this, Malay Mail reported."),
    ],
)
def test_an_unknown_outlet_that_relays_is_no_speaker(extractor, lang, text):
    ex = run(extractor, text, lang)
    statements = [e for e in ex.events if e.cls == "Statement"]
    assert len(statements) == 1
    # the prime minister (a person, known or not), never the outlet
    assert statements[0].speaker and all(
        k.startswith("person/") or getattr(extractor.kb.get(k), "cls", None) == "Person"
        for k in statements[0].speaker
    )


def test_a_statement_noun_inside_a_complement_clause_is_no_report_of_its_author(extractor):
    # what the clause says about the French ministry's statement is the teller's words, not a
    # report of the ministry's (dev en_ir-fr_66)
    text = (
        "The director of Iran's Foreign Ministry summoned the French chargé d'affaires on Thursday. "
        "The chargé d'affaires was told that the French Foreign Ministry's statement only sought "
        "to vindicate rioters."
    )
    ex = run(extractor, text, "en")
    assert not any(
        e.cls == "Statement" and "ministry-of-foreign-affairs-of-france" in e.speaker for e in ex.events
    )


def test_the_one_told_in_the_dative_is_no_speaker(extractor):
    # "Послу заявлено, что …": the ambassador is told, not the speaker (ru_ru-gb_01)
    ex = run(
        extractor,
        "Посол Великобритании Найджел Кейси был вызван в МИД России. "
        "Послу заявлено, что Россия рассматривает слова как эскалацию.",
        "ru",
    )
    told = [k for e in ex.events if e.cls == "Statement" for k in e.speaker if ex_cls(ex, k) == "Person"]
    assert not told, [(e.cls, e.trigger, e.speaker) for e in ex.events]
