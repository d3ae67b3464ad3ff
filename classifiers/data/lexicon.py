"""Places, group names and foreign settings used by the corpus generator."""

from __future__ import annotations

from dataclasses import dataclass

KP = "Khyber Pakhtunkhwa"
BAL = "Balochistan"
SINDH = "Sindh"
PUNJAB = "Punjab"
ISB = "Islamabad"
GB = "Gilgit-Baltistan"
AJK = "Azad Kashmir"


@dataclass(frozen=True, slots=True)
class Place:
    """A district with its province and some towns or tehsils inside it."""

    district: str
    province: str
    towns: tuple[str, ...] = ()
    # True for former tribal agencies, so reports can call them "tribal district".
    tribal: bool = False


PLACES: tuple[Place, ...] = (
    # Khyber Pakhtunkhwa
    Place("Peshawar", KP, ("Hayatabad", "Badaber", "Mathra", "Chamkani")),
    Place("Charsadda", KP, ("Tangi", "Shabqadar")),
    Place("Nowshera", KP, ("Pabbi", "Akora Khattak")),
    Place("Mardan", KP, ("Takht Bhai",)),
    Place("Swabi", KP, ("Topi",)),
    Place("Kohat", KP, ("Darra Adam Khel",)),
    Place("Hangu", KP, ("Thall", "Doaba")),
    Place("Karak", KP, ("Takht-e-Nasrati",)),
    Place("Bannu", KP, ("Domel", "Jani Khel", "Baka Khel")),
    Place("Lakki Marwat", KP, ("Naurang", "Pezu")),
    Place("Dera Ismail Khan", KP, ("Kulachi", "Daraban", "Paharpur", "Darazinda")),
    Place("Tank", KP, ("Jandola",)),
    Place("Swat", KP, ("Mingora", "Matta", "Kabal")),
    Place("Lower Dir", KP, ("Timergara", "Maidan")),
    Place("Upper Dir", KP, ("Wari",)),
    Place("Chitral", KP, ("Drosh", "Arandu")),
    Place("Malakand", KP, ("Batkhela", "Dargai")),
    Place("Buner", KP, ("Daggar",)),
    Place("Shangla", KP, ("Besham", "Alpuri")),
    Place("Battagram", KP, ("Thakot",)),
    Place("Mansehra", KP, ("Balakot",)),
    Place("Abbottabad", KP, ("Havelian",)),
    Place("Haripur", KP, ("Khanpur",)),
    Place("Bajaur", KP, ("Khar", "Mamund", "Salarzai"), tribal=True),
    Place("Mohmand", KP, ("Ghallanai", "Safi"), tribal=True),
    Place("Khyber", KP, ("Landi Kotal", "Jamrud", "Bara", "Tirah"), tribal=True),
    Place("Kurram", KP, ("Parachinar", "Sadda", "Alizai"), tribal=True),
    Place("Orakzai", KP, ("Kalaya",), tribal=True),
    Place("North Waziristan", KP, ("Mir Ali", "Miranshah", "Datta Khel", "Spinwam", "Razmak"), tribal=True),
    Place("South Waziristan", KP, ("Wana", "Ladha", "Makeen"), tribal=True),
    # Balochistan
    Place("Quetta", BAL, ("Hazara Town", "Sariab", "Satellite Town", "Kuchlak")),
    Place("Pishin", BAL, ("Barshore", "Khanozai")),
    Place("Killa Abdullah", BAL, ("Gulistan",)),
    Place("Chaman", BAL, ()),
    Place("Zhob", BAL, ("Sambaza",)),
    Place("Loralai", BAL, ()),
    Place("Musakhel", BAL, ("Rarasham",)),
    Place("Barkhan", BAL, ()),
    Place("Kohlu", BAL, ()),
    Place("Dera Bugti", BAL, ("Sui", "Pir Koh")),
    Place("Sibi", BAL, ()),
    Place("Kachhi", BAL, ("Mach", "Dhadar", "Bolan Pass")),
    Place("Nasirabad", BAL, ("Dera Murad Jamali",)),
    Place("Jaffarabad", BAL, ("Dera Allahyar",)),
    Place("Mastung", BAL, ("Dasht",)),
    Place("Kalat", BAL, ("Mangochar",)),
    Place("Khuzdar", BAL, ("Wadh", "Zehri")),
    Place("Awaran", BAL, ("Mashkay",)),
    Place("Kech", BAL, ("Turbat", "Tump", "Mand", "Buleda")),
    Place("Gwadar", BAL, ("Pasni", "Ormara", "Jiwani")),
    Place("Panjgur", BAL, ("Chitkan",)),
    Place("Kharan", BAL, ()),
    Place("Washuk", BAL, ("Besima",)),
    Place("Noshki", BAL, ()),
    Place("Chagai", BAL, ("Dalbandin", "Nokkundi")),
    Place("Harnai", BAL, ("Shahrag",)),
    Place("Ziarat", BAL, ()),
    Place("Lasbela", BAL, ("Bela", "Uthal")),
    Place("Hub", BAL, ()),
    Place("Sherani", BAL, ()),
    Place("Duki", BAL, ()),
    # Sindh
    Place("Karachi South", SINDH, ("Saddar", "Clifton", "Lyari")),
    Place("Karachi East", SINDH, ("Gulshan-e-Iqbal",)),
    Place("Karachi West", SINDH, ("Orangi Town",)),
    Place("Korangi", SINDH, ("Landhi",)),
    Place("Malir", SINDH, ()),
    Place("Keamari", SINDH, ("Baldia Town",)),
    Place("Hyderabad", SINDH, ("Latifabad", "Qasimabad")),
    Place("Sukkur", SINDH, ("Rohri",)),
    Place("Larkana", SINDH, ()),
    Place("Shikarpur", SINDH, ()),
    Place("Jacobabad", SINDH, ()),
    Place("Kashmore", SINDH, ("Kandhkot",)),
    Place("Ghotki", SINDH, ()),
    Place("Khairpur", SINDH, ()),
    Place("Shaheed Benazirabad", SINDH, ("Nawabshah",)),
    Place("Dadu", SINDH, ("Sehwan",)),
    Place("Thatta", SINDH, ()),
    Place("Sanghar", SINDH, ()),
    Place("Jamshoro", SINDH, ("Kotri",)),
    # Punjab
    Place("Lahore", PUNJAB, ("Data Darbar", "Model Town")),
    Place("Rawalpindi", PUNJAB, ("Saddar",)),
    Place("Faisalabad", PUNJAB, ()),
    Place("Multan", PUNJAB, ()),
    Place("Dera Ghazi Khan", PUNJAB, ("Taunsa",)),
    Place("Rajanpur", PUNJAB, ()),
    Place("Mianwali", PUNJAB, ("Isa Khel",)),
    Place("Bhakkar", PUNJAB, ()),
    Place("Attock", PUNJAB, ()),
    Place("Layyah", PUNJAB, ()),
    Place("Gujranwala", PUNJAB, ()),
    Place("Bahawalpur", PUNJAB, ()),
    Place("Sargodha", PUNJAB, ()),
    Place("Jhang", PUNJAB, ()),
    Place("Chakwal", PUNJAB, ()),
    # Islamabad Capital Territory
    Place("Islamabad", ISB, ("G-11", "Tarnol", "Bhara Kahu")),
    # Gilgit-Baltistan
    Place("Gilgit", GB, ()),
    Place("Diamer", GB, ("Chilas", "Darel", "Tangir")),
    Place("Skardu", GB, ()),
    Place("Ghizer", GB, ()),
    Place("Astore", GB, ()),
    # Azad Kashmir
    Place("Muzaffarabad", AJK, ()),
    Place("Mirpur", AJK, ()),
    Place("Poonch", AJK, ("Rawalakot",)),
    Place("Kotli", AJK, ()),
    Place("Bagh", AJK, ()),
    Place("Neelum", AJK, ("Athmuqam",)),
)

# Districts seen only in the test split, so the test measures generalisation to unseen places.
TEST_ONLY_DISTRICTS: frozenset[str] = frozenset(
    {
        "Shangla",
        "Tank",
        "Battagram",
        "Orakzai",
        "Washuk",
        "Harnai",
        "Awaran",
        "Sherani",
        "Kashmore",
        "Shikarpur",
        "Layyah",
        "Bhakkar",
        "Astore",
        "Bagh",
    }
)

# Where each group is typically active; the generator places its attacks there.
GROUP_PROVINCES: dict[str, tuple[str, ...]] = {
    "TTP": (KP, KP, KP, BAL, PUNJAB, ISB, SINDH),
    "JuA": (KP, KP, PUNJAB),
    "HGB": (KP,),
    "LeI": (KP,),
    "TJP": (KP, BAL, PUNJAB),
    "ISKP": (KP, BAL),
    "AQIS": (SINDH, PUNJAB, KP),
    "BLA": (BAL, BAL, BAL, SINDH),
    "BLF": (BAL,),
    "BRAS": (BAL,),
    "LeJ": (BAL, SINDH, PUNJAB),
    "SRA": (SINDH,),
    "unknown": (KP, KP, KP, BAL, BAL, SINDH, PUNJAB, ISB, GB, AJK),
}

# Tribal-belt districts for the groups that operate only there.
GROUP_DISTRICTS: dict[str, tuple[str, ...]] = {
    "HGB": ("North Waziristan", "Bannu", "Lakki Marwat"),
    "LeI": ("Khyber",),
    "JuA": ("Mohmand", "Bajaur", "Peshawar", "Khyber", "Lahore"),
    "ISKP": ("Bajaur", "Peshawar", "Mastung", "Quetta", "Khyber"),
}

# Every surface form of every group; the generator draws train and test forms from disjoint
# slices where a group has enough of them (see Gen.pick).
GROUP_NAMES: dict[str, tuple[str, ...]] = {
    "TTP": (
        "the banned Tehreek-e-Taliban Pakistan (TTP)",
        "the outlawed TTP",
        "Fitna al Khawarij",
        "the proscribed Tehrik-i-Taliban Pakistan",
        "the Pakistani Taliban",
        "khawarij belonging to Fitna al Khawarij",
        "the TTP",
        "Tehreek-i-Taliban Pakistan",
        "the Fitna-al-Khawarij",
    ),
    "JuA": (
        "Jamaat-ul-Ahrar",
        "the JuA faction",
        "the banned Jamaatul Ahrar",
        "Jamaat-ul-Ahrar (JuA)",
        "the Ahrar faction, Jamaat-ul-Ahrar",
        "the breakaway JuA",
    ),
    "HGB": (
        "the Hafiz Gul Bahadur group",
        "militants of the Gul Bahadur faction",
        "the HGB",
        "the Hafiz Gul Bahadur group (HGB)",
        "Hafiz Gul Bahadur's network",
        "the Gul Bahadur group",
    ),
    "LeI": (
        "Lashkar-e-Islam",
        "the banned Lashkar-i-Islam",
        "LeI",
        "the outlawed Lashkar-e-Islam (LeI)",
        "Mangal Bagh's Lashkar-e-Islam",
        "the Lashkar-e-Islam group",
    ),
    "TJP": (
        "Tehreek-e-Jihad Pakistan",
        "the little-known Tehreek-i-Jihad Pakistan (TJP)",
        "the TJP",
        "the newly emerged Tehreek-e-Jihad Pakistan",
        "Tehrik-e-Jihad Pakistan",
        "TJP",
    ),
    "ISKP": (
        "the Islamic State Khorasan Province",
        "Daesh",
        "IS-K",
        "the Islamic State Khorasan",
        "the Islamic State's regional affiliate, ISKP",
        "the militant Islamic State group (IS-K)",
        "the Daesh affiliate in the region",
        "Islamic State Khorasan (ISKP)",
        "ISIS-K",
    ),
    "AQIS": (
        "al-Qaeda in the Indian Subcontinent",
        "AQIS",
        "al Qaeda's South Asian branch, AQIS",
        "Al-Qaeda in the Indian Subcontinent (AQIS)",
        "the AQIS network",
        "al-Qaida in the Indian Subcontinent",
    ),
    "BLA": (
        "the Baloch Liberation Army",
        "the banned BLA",
        "the Majeed Brigade",
        "Fitna al Hindustan",
        "the BLA's Majeed Brigade",
        "the proscribed Baloch Liberation Army (BLA)",
        "terrorists of Fitna al Hindustan",
        "the Baloch Liberation Army's suicide wing",
        "the Indian-sponsored Fitna al Hindustan",
    ),
    "BLF": (
        "the Baloch Liberation Front",
        "the BLF",
        "the outlawed Baloch Liberation Front (BLF)",
        "the banned Baloch Liberation Front",
        "the separatist BLF",
        "the BLF, an outlawed separatist group,",
    ),
    "BRAS": (
        "the Baloch Raaji Aajoi Sangar",
        "BRAS",
        "the separatist alliance BRAS",
        "the Baloch Raaji Ajoi Sangar (BRAS) alliance",
        "the umbrella alliance of Baloch separatist groups, BRAS",
        "the BRAS alliance",
    ),
    "LeJ": (
        "Lashkar-e-Jhangvi",
        "the banned sectarian outfit Lashkar-e-Jhangvi",
        "LeJ",
        "the outlawed Lashkar-i-Jhangvi (LeJ)",
        "the sectarian group LeJ",
        "Lashkar-e-Jhangvi Al-Alami",
    ),
    "SRA": (
        "the Sindhudesh Revolutionary Army",
        "the banned SRA",
        "the Sindhi separatist Sindhudesh Revolutionary Army (SRA)",
        "the SRA",
        "the outlawed Sindhudesh Revolutionary Army",
        "Sindhudesh Revolutionary Army",
    ),
}

# Attacks and settings outside Pakistan: labelled "other" whatever happened there.
FOREIGN_PLACES: tuple[tuple[str, str], ...] = (
    ("Kabul", "Afghanistan"),
    ("Jalalabad", "Afghanistan"),
    ("Kunduz", "Afghanistan"),
    ("Kandahar", "Afghanistan"),
    ("Mazar-i-Sharif", "Afghanistan"),
    ("Khost", "Afghanistan"),
    ("Herat", "Afghanistan"),
    ("Nangarhar", "Afghanistan"),
    ("Paktika", "Afghanistan"),
    ("Kunar", "Afghanistan"),
    ("Zahedan", "Iran"),
    ("Kerman", "Iran"),
    ("Chabahar", "Iran"),
    ("Saravan", "Iran"),
    ("Rask", "Iran"),
    ("Pulwama", "India"),
    ("Manipur", "India"),
    ("Chhattisgarh", "India"),
    ("Srinagar", "India"),
    ("Pahalgam", "India"),
    ("Jammu", "India"),
    ("Imphal", "India"),
)

FIRST_NAMES: tuple[str, ...] = (
    "Muhammad Ali",
    "Abdul Rehman",
    "Noor Zaman",
    "Gul Khan",
    "Asfandyar",
    "Imran Shah",
    "Rahim Baloch",
    "Saeed Ahmed",
    "Fazal Hadi",
    "Zahid Khan",
    "Sher Ali",
    "Javed Iqbal",
    "Abdul Wahid",
    "Nasir Hussain",
    "Bashir Ahmed",
    "Ghulam Mustafa",
    "Tariq Mehmood",
    "Hameedullah",
    "Irfanullah",
    "Shah Wali",
    "Dilawar Khan",
    "Niaz Muhammad",
    "Kamran Bangash",
    "Iftikhar Jan",
)

OFFICIAL_TITLES: tuple[str, ...] = (
    "District Police Officer",
    "Deputy Commissioner",
    "Senior Superintendent of Police",
    "Station House Officer",
    "Regional Police Officer",
    "Assistant Commissioner",
    "spokesperson for the provincial government",
    "Deputy Inspector General of Police",
    "Levies official",
    "rescue official",
)
