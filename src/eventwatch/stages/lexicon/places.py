"""Common nouns for kinds of place, read by the actors and the places stages."""

from __future__ import annotations

__all__ = ["PLACE_NOUNS", "SITE_NOUNS"]

#: nouns that name a kind of place, after a name ("Makhmur district") or before
#: "of" ("the village of X")
PLACE_NOUNS = frozenset(
    "village villages town towns city cities district districts province provinces "
    "governorate region county municipality prefecture neighborhood neighbourhood quarter "
    "suburb area camp base outpost airbase crossing crossroad crossroads square palace "
    "valley lake river mountain mountains mount island islands peninsula desert plain "
    "plateau hills bay gulf coast strait settlement oblast state territory zone".split()
)
#: sites inside a town, which a town's name before them locates ("a Baghdad market",
#: "Nairobi's Kibera slum", "the Kabul airport"): the town is where, not who
SITE_NOUNS = PLACE_NOUNS | frozenset(
    "market markets marketplace bazaar slum slums street streets road roads avenue "
    "highway airport hotel hotels mosque mosques church churches temple hospital "
    "school schools university stadium station checkpoint suburbs outskirts centre "
    "center downtown prison jail restaurant cafe mall shop shops port harbour harbor "
    "bridge neighborhoods neighbourhoods".split()
)
