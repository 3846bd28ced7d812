"""Common nouns for people: who can be counted among the dead, the arrested, the
deployed, and who can take part in an event without being named."""

from __future__ import annotations

__all__ = ["OUTSIDER_NOUNS", "PERSONNEL_NOUNS", "PERSON_NOUNS", "TOLL_VERBS"]

#: people and units that are sent, deployed or mobilised ("500 troops", "a battalion")
PERSONNEL_NOUNS = frozenset(
    "troop soldier man woman officer police policeman personnel marine sailor airman "
    "guard fighter militant paratrooper commando peacekeeper protester demonstrator "
    "rioter agent member reservist recruit volunteer battalion brigade regiment unit "
    "company division".split()
)
#: anyone a report can count or name by what they are ("two farmers", "a passenger")
PERSON_NOUNS = PERSONNEL_NOUNS | frozenset(
    "person people civilian child boy girl teen teenager student victim resident "
    "driver passenger worker suspect gunman shooter pedestrian infant baby toddler "
    "father mother son daughter husband wife brother sister friend journalist "
    "bystander customer employee deputy trooper firefighter inmate prisoner "
    "motorcyclist cyclist neighbor neighbour adult juvenile youth individual "
    "occupant patient villager farmer intruder robber burglar homeowner clerk "
    "male female relative cousin uncle aunt grandmother grandfather nephew niece "
    "gunman gunmen assailant attacker hostage teenager kid one stepfather stepmother "
    "stepson stepdaughter grandson granddaughter boyfriend girlfriend roommate "
    "acquaintance classmate officer sheriff clerk cashier guard owner other".split()
)
#: people whose being in a place says they come from elsewhere: "settlers in the West
#: Bank", "peacekeepers in Mali", "tourists in Egypt" are not that place's own
OUTSIDER_NOUNS = frozenset(
    "settler colonist occupier invader foreigner expatriate expat tourist visitor migrant "
    "immigrant refugee peacekeeper mercenary".split()
)
#: the verbs that tell what an attack did to people, its toll ("killed in the attack",
#: "no one was injured": a count, zero included)
TOLL_VERBS = frozenset({"kill", "injure", "wound", "hurt", "die"})
