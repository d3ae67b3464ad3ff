"""The label taxonomy of SPEC.md as enums whose values are the exact label strings."""

from __future__ import annotations

from enum import StrEnum


class EventType(StrEnum):
    ATTACK = "attack"
    SECURITY_OPERATION = "security_operation"
    OTHER = "other"


class AttackType(StrEnum):
    SUICIDE_BOMBING = "suicide_bombing"
    BOMBING = "bombing"
    ARMED_ASSAULT = "armed_assault"
    TARGETED_KILLING = "targeted_killing"
    KIDNAPPING = "kidnapping"
    HIJACKING = "hijacking"
    INFRASTRUCTURE_ATTACK = "infrastructure_attack"


class Group(StrEnum):
    TTP = "TTP"
    JUA = "JuA"
    HGB = "HGB"
    LEI = "LeI"
    TJP = "TJP"
    ISKP = "ISKP"
    AQIS = "AQIS"
    BLA = "BLA"
    BLF = "BLF"
    BRAS = "BRAS"
    LEJ = "LeJ"
    SRA = "SRA"
    UNKNOWN = "unknown"


class Province(StrEnum):
    KHYBER_PAKHTUNKHWA = "Khyber Pakhtunkhwa"
    BALOCHISTAN = "Balochistan"
    SINDH = "Sindh"
    PUNJAB = "Punjab"
    ISLAMABAD = "Islamabad"
    GILGIT_BALTISTAN = "Gilgit-Baltistan"
    AZAD_KASHMIR = "Azad Kashmir"


class SourceKind(StrEnum):
    FEED = "feed"
    SITEMAP = "sitemap"
    LISTING = "listing"
