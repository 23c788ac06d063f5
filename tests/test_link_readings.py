"""East Asian names written in Russian: the reversed Palladius (Chinese) and Polivanov
(Japanese) tables give back their English spelling (pure steps, no models)."""

import pytest

from bilat.extract.link_names import east_asian_reading, read_syllables, reading_states, reading_table


@pytest.mark.parametrize(
    "word,table,latin",
    [
        ("Цзиньпин", "zh", "Jinping"),
        ("Сюэсян", "zh", "Xuexiang"),
        ("Хунбинь", "zh", "Hongbin"),
        ("Чжэн", "zh", "Zheng"),
        ("Сергей", "zh", None),  # a final "р"/"й" no syllable has
        ("Синдзо", "ja", "Shinzo"),
        ("Ёсихидэ", "ja", "Yoshihide"),
        ("Есихидэ", "ja", "Yoshihide"),  # "е" for "ё"
        ("Тосимицу", "ja", "Toshimitsu"),
        ("Хоккайдо", "ja", "Hokkaido"),
        ("Лавров", "ja", None),
        ("Чен", "kp", "Jong"),  # Kontsevich (customary "е") → the DPRK's English
        ("Цой", "kp", "Choe"),
        ("Ын", "kp", "Un"),
        ("Лавров", "kp", None),
    ],
)
def test_a_word_cut_into_syllables(word, table, latin):
    assert read_syllables(word, reading_table(table)) == latin


@pytest.mark.parametrize(
    "name,states,english",
    [
        ("Си Цзиньпин", ["china"], "Xi Jinping"),
        ("Дин Сюэсян", ["china", "kazakhstan"], "Ding Xuexiang"),
        ("Жэнь Хунбинь", ["kazakhstan", "china"], "Ren Hongbin"),
        ("Ёсихидэ Суга", ["russia", "japan"], "Yoshihide Suga"),
        ("Синдзо Абэ", ["japan"], "Shinzo Abe"),
        ("Хаяси Ёсимаса", ["china", "japan"], "Hayashi Yoshimasa"),  # 3 syllables: no Chinese word
        ("Синдзо Абэ", ["russia"], None),  # no state whose names the table reads
        ("Анна Ли", ["china"], None),  # a given name of given_names.tsv
        ("Мухтар Тлеуберди", ["china", "japan"], None),
        ("Си", ["china"], None),  # one word: a surname, not a full name
        # North Korean names in Russian news (ru_ru-kp_01, ru_ru-kp_02): the given name's
        # syllables joined by a hyphen as English news writes them (en_ru-kp_01: "Kim Jong-un")
        ("Ким Чен Ын", ["russia", "north-korea"], "Kim Jong-un"),
        ("Цой Сон Хи", ["north-korea", "russia"], "Choe Son-hui"),
        ("Ким Ё Чжон", ["north-korea"], "Kim Yo-jong"),
        ("Сергей Лавров", ["north-korea", "russia"], None),
        ("Ким Чен Ын", ["russia"], None),  # the document names no state whose table reads it
        ("Ван И", ["north-korea", "china"], "Wang Yi"),  # no Korean syllable "ван": Palladius
        # South Korean names: the Revised Romanization and the family names' own spellings
        # (ru_uz-kr_01 "Пак Чин" is en_kr-cn_62 "Park Jin")
        ("Пак Чин", ["uzbekistan", "south-korea"], "Park Jin"),
        ("Пак Чжин", ["south-korea"], "Park Jin"),
        ("Ли Чжэ Мён", ["south-korea", "china"], "Lee Jae-myung"),
        ("Чан Хо Джин", ["south-korea"], "Chang Ho-jin"),
        ("Ким Чен Ын", ["south-korea", "north-korea"], "Kim Jong-un"),  # no South Korean "чен"
        ("Сергей Лавров", ["south-korea"], None),
    ],
)
def test_east_asian_names_get_their_english_spelling(name, states, english):
    assert east_asian_reading(name, states) == english


def test_every_reading_state_has_its_table():
    for table, most in reading_states().values():
        assert reading_table(table) and most >= 1
