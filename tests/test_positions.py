"""Posts: a title next to a name, in both languages, on the real pipelines and knowledge base."""
import pytest

from bilat.extract.records import Document


def posts(extractor, text, lang, date="2021-11-09"):
    ex = extractor(Document(id="t", text=text, lang=lang, date=date))
    return {(p.person, p.title_en, p.org) for p in ex.positions}, ex


@pytest.mark.parametrize("text,lang,post", [
    ("Russian Foreign Minister Sergey Lavrov arrived in Astana.", "en",
     ("sergey-lavrov", "Minister of Foreign Affairs", "russia")),
    ("Minister of Foreign Affairs of the Republic of Kazakhstan Mukhtar Tleuberdi met the press.", "en",
     ("mukhtar-tleuberdi", "Minister of Foreign Affairs", "kazakhstan")),
    ("Kremlin spokesman Dmitry Peskov told reporters nothing.", "en",
     ("dmitry-peskov", "Press Secretary", "russia")),
    ("Sergey Lavrov, Russia's foreign minister, said so.", "en",
     ("sergey-lavrov", "Minister of Foreign Affairs", "russia")),
    ("Появилось обращение главы МИД РФ Сергея Лаврова.", "ru",
     ("sergey-lavrov", "Minister of Foreign Affairs", "russia")),
    ("Премьер-министр Казахстана Аскар Мамин провел совещание.", "ru",
     ("askar-mamin", "Prime Minister", "kazakhstan")),
    ("Об этом сообщил пресс-секретарь президента РФ Дмитрий Песков.", "ru",
     ("dmitry-peskov", "Press Secretary", "russia")),
    ("Министр иностранных дел России С.В.Лавров направил поздравление.", "ru",
     ("sergey-lavrov", "Minister of Foreign Affairs", "russia")),
])
def test_posts_are_found(extractor, text, lang, post):
    found, _ = posts(extractor, text, lang, date="2021-06-01")
    assert post in found


def test_ambassador_gets_the_country_he_is_sent_to(extractor):
    found, _ = posts(extractor, "Посол России в Казахстане Алексей Бородавкин вручил грамоты.", "ru")
    assert ("alexey-borodavkin", "Ambassador to Kazakhstan", "russia") in found


def test_plural_titles_give_each_holder_his_post(extractor):
    found, _ = posts(extractor, "Foreign ministers Sergey Lavrov and Mukhtar Tleuberdi held talks.", "en",
                     date="2021-06-01")
    assert {("sergey-lavrov", "Minister of Foreign Affairs", "russia"),
            ("mukhtar-tleuberdi", "Minister of Foreign Affairs", "kazakhstan")} <= found


def test_a_post_outside_the_known_tenure_is_kept_and_flagged(extractor):
    _, ex = posts(extractor, "Kazakh Foreign Minister Mukhtar Tleuberdi spoke.", "en", date="2010-05-05")
    [p] = [p for p in ex.positions if p.person == "mukhtar-tleuberdi"]
    assert p.conflict and "2010-05-05" in p.conflict


def test_a_title_without_a_name_refers_to_the_holder_named_in_the_document(extractor):
    _, ex = posts(extractor, "Russian Foreign Minister Sergey Lavrov arrived. The foreign minister said it "
                             "was a good day.", "en")
    [d] = [d for d in ex.events if d.cls == "Statement"]
    assert d.speaker == ("sergey-lavrov",)


def test_unknown_people_get_posts_from_the_title_alone(extractor):
    found, _ = posts(extractor, "Kazakh Deputy Minister of Energy Nurlan Baizhanov visited Orenburg.", "en")
    assert any(t == "Deputy Minister of Energy" and org == "kazakhstan" for _, t, org in found)
