"""Reports written for these tests (not taken from any benchmark): one market bombing in
Maiduguri told on three days with a rising toll, and unrelated news of the same week."""

from __future__ import annotations

DAY_ONE = {
    "id": "maid-1",
    "pub_date": "2024-03-11",
    "source": "Lake Chad Herald",
    "title": "Bomb blast at Maiduguri market kills 3",
    "text": (
        "MAIDUGURI, Nigeria - A bomb exploded at the crowded Monday Market in Maiduguri on "
        "Monday, killing 3 people and wounding 12 others, police said.\n\n"
        "Borno State police spokesman Daso Nahum said the device was hidden in a sack of "
        "onions near the grain stalls. No group has claimed the attack on the market, "
        "but Boko Haram insurgents have struck Maiduguri many times.\n\n"
        "Traders closed their stalls as soldiers cordoned off the Monday Market."
    ),
}
DAY_TWO = {
    "id": "maid-2",
    "pub_date": "2024-03-12",
    "source": "Sahel Daily",
    "title": "Maiduguri market bombing toll rises to 5",
    "text": (
        "MAIDUGURI, Nigeria - The toll from Monday's bomb blast at the Monday Market in "
        "Maiduguri rose to 5 killed on Tuesday after two of the wounded died in hospital, "
        "police said.\n\n"
        "Police spokesman Daso Nahum said the bomb, hidden in a sack of onions at the grain "
        "stalls, injured 14 people. Boko Haram insurgents are suspected.\n\n"
        "Borno State governor Babagana Zulum visited the wounded at the University of "
        "Maiduguri Teaching Hospital."
    ),
}
DAY_THREE = {
    "id": "maid-3",
    "pub_date": "2024-03-13",
    "source": "West Africa Wire",
    "title": "Death toll in Maiduguri market blast reaches 7",
    "text": (
        "MAIDUGURI, Nigeria - Seven people have now died from Monday's bomb attack on the "
        "Monday Market in Maiduguri, Borno State police said on Wednesday.\n\n"
        "The blast killed 7 people in all and wounded 15, police spokesman Daso Nahum said, "
        "adding that the bomb was left in a sack of onions near the grain stalls.\n\n"
        "Governor Babagana Zulum blamed Boko Haram insurgents for the Maiduguri bombing and "
        "ordered traders to be searched at the market gates."
    ),
}
OTHER = {
    "id": "lima-1",
    "pub_date": "2024-03-12",
    "source": "Andes Post",
    "title": "Teachers march in Lima over pay",
    "text": (
        "LIMA, Peru - Thousands of teachers marched through central Lima on Tuesday to demand "
        "higher wages, blocking traffic on Abancay Avenue for several hours.\n\n"
        "The teachers' union said the government of President Dina Boluarte had broken its "
        "promise of a raise. Police watched the protest, which ended peacefully outside "
        "Congress."
    ),
}
ECHO = {
    "id": "nairobi-anniv",
    "pub_date": "2023-08-07",
    "source": "Rift Valley Times",
    "title": "Kenya marks 25 years since the Nairobi embassy bombing",
    "text": (
        "NAIROBI, Kenya - Survivors and families gathered in Nairobi on Monday to mark 25 "
        "years since the 1998 bombing of the United States embassy.\n\n"
        "In August 1998, al-Qaeda bombers attacked the embassy in Nairobi, killing 213 "
        "people and injuring thousands.\n\n"
        "Wreaths were laid at the August 7th Memorial Park, where the names of the dead "
        "are engraved."
    ),
}
MAIDUGURI = [DAY_ONE, DAY_TWO, DAY_THREE]
NAIROBI_1998 = {
    "id": "nairobi-1998",
    "pub_date": "1998-08-08",
    "source": "Nairobi Evening Post",
    "title": "Bomb at US embassy in Nairobi kills scores",
    "text": (
        "NAIROBI, Kenya - A huge bomb exploded outside the United States embassy in Nairobi "
        "on Friday, killing at least 80 people and injuring more than 1,000, Kenyan police "
        "said.\n\n"
        "The blast tore through the embassy and a neighbouring office block in central "
        "Nairobi. American officials suspected al-Qaeda of the bombing."
    ),
}
