"""Hand-written security operations and non-attack hard negatives (statistics, courts, crime, accidents)."""

from __future__ import annotations

from typing import Any

# Each tuple: split, published (ISO date), style, title, text, labels (keyword arguments of the report).
ITEMS: list[tuple[str, str, str, str, str, dict[str, Any]]] = [
    # --------------------------------------------------------- security operations
    (
        "train",
        "2024-09-14",
        "ispr",
        "Six khawarij sent to hell in Datta Khel IBO, two soldiers embrace shahadat",
        "RAWALPINDI, September 14: On reported presence of khawarij, security forces conducted an intelligence "
        "based operation in the general area of Datta Khel, North Waziristan District. During the conduct of the "
        "operation, own troops effectively engaged the khawarij location and, after an intense exchange of fire, "
        "six khawarij were sent to hell. Weapons and ammunition were also recovered from the killed khawarij, who "
        "remained actively involved in numerous terrorist activities against the security forces as well as the "
        "target killing of innocent civilians.\n\n"
        "During the intense exchange of fire, Naik Shahid Iqbal (age 31 years, resident of District Chakwal) and "
        "Sepoy Noor Rehman (age 24 years, resident of District Lakki Marwat), having fought gallantly, paid the "
        "ultimate sacrifice and embraced shahadat.\n\n"
        "Sanitisation operation is being conducted to eliminate any other khariji found in the area, as security "
        "forces of Pakistan are determined to wipe out the menace of Fitna al Khawarij from the country, and such "
        "sacrifices of our brave soldiers further strengthen our resolve.",
        dict(
            event_type="security_operation",
            group="TTP",
            province="Khyber Pakhtunkhwa",
            district="North Waziristan",
            killed=2,
            militants_killed=6,
        ),
    ),
    (
        "train",
        "2025-02-03",
        "ispr",
        "Three khawarij killed in Shakai, South Waziristan",
        "RAWALPINDI, February 3: Security forces conducted an intelligence based operation in the general area "
        "of Shakai, South Waziristan District, on reported presence of khawarij. During the conduct of the "
        "operation, own troops effectively engaged the khawarij location and, after an intense exchange of fire, "
        "three khawarij were sent to hell. Weapons and ammunition were recovered from the killed khawarij, who "
        "remained actively involved in numerous terrorist activities against the security forces. No loss of "
        "life was reported among own troops.\n\n"
        "Sanitisation operation is being carried out to eliminate any other khariji found in the area. Earlier "
        "last week, five soldiers had embraced shahadat when khawarij attacked a checkpost near Mir Ali in "
        "North Waziristan; the perpetrators of that heinous act will be brought to justice.",
        dict(
            event_type="security_operation",
            group="TTP",
            province="Khyber Pakhtunkhwa",
            district="South Waziristan",
            killed=0,
            militants_killed=3,
        ),
    ),
    (
        "train",
        "2024-07-22",
        "police_statement",
        "CTD kills three Gul Bahadur militants in Jani Khel encounter",
        'BANNU: "The Counter-Terrorism Department received credible information that militants belonging to the '
        "Hafiz Gul Bahadur group were present in a house in Jani Khel and were planning an attack on a police "
        "post. A CTD team, supported by district police, cordoned off the house at around 3am. The militants "
        "opened fire on the team, which returned fire. In the exchange, three militants were killed and one CTD "
        "official sustained injuries. He has been shifted to the District Headquarters Hospital and his "
        'condition is stable," a CTD spokesman said in a statement on Monday.\n\n'
        "The statement said the dead men were wanted in the killing of two policemen in Domel last month and "
        "in extortion cases. A suicide jacket, two pistols and a motorcycle were recovered.",
        dict(
            event_type="security_operation",
            group="HGB",
            province="Khyber Pakhtunkhwa",
            district="Bannu",
            injured=1,
            militants_killed=3,
        ),
    ),
    (
        "train",
        "2025-06-11",
        "newspaper",
        "Constable martyred as police clear militant hideouts in Bettani hills",
        "By Our Correspondent\n\n"
        "LAKKI MARWAT: A police constable was martyred and two others were wounded during a day-long operation "
        "against militants in the Bettani hills on Tuesday, in which four militants were also killed, "
        "police said.\n\n"
        "District Police Officer Tahir Mehmood told reporters that the operation was launched at dawn after "
        "intelligence that a group of about a dozen militants had set up camps in the hills. Police, backed by an "
        "armoured personnel carrier and a drone for surveillance, moved in from two directions.\n\n"
        '"The militants put up stiff resistance. Constable Gul Zameen embraced shahadat while leading the '
        'assault on the first cave," the DPO said. The injured were taken to the Tehsil Headquarters Hospital '
        "in Naurang.\n\n"
        "The remaining militants fled towards the mountains, and the search was continuing late in the evening.\n\n"
        "Lakki Marwat has seen a spate of attacks on police this year. In March, three policemen were killed in "
        "an ambush near Pezu and a police station in Ghazni Khel came under rocket fire twice.\n\n"
        "Also read: Police in southern districts demand night-vision equipment",
        dict(
            event_type="security_operation",
            province="Khyber Pakhtunkhwa",
            district="Lakki Marwat",
            killed=1,
            injured=2,
            militants_killed=4,
        ),
    ),
    (
        "train",
        "2023-10-19",
        "wire",
        "Pakistani troops kill five Lashkar-e-Islam fighters in Tirah",
        "PESHAWAR, Pakistan, Oct 19 (KNS) — Pakistani security forces killed five members of the banned "
        "Lashkar-e-Islam group in a raid in the remote Tirah valley near the Afghan border, the military said on "
        "Thursday.\n\n"
        "The fighters had been using a cluster of mud houses as a base to extort money from traders in the "
        "Khyber district, the military's media wing said. Troops recovered rifles, ammunition and explosives.\n\n"
        "Lashkar-e-Islam, once the dominant armed group in the area, was largely pushed into Afghanistan by "
        "military offensives after 2014, but officials say some of its men have returned in recent years.",
        dict(
            event_type="security_operation",
            group="LeI",
            province="Khyber Pakhtunkhwa",
            district="Khyber",
            militants_killed=5,
        ),
    ),
    (
        "train",
        "2023-08-05",
        "newspaper",
        "Would-be suicide bomber held near rally venue in Khar",
        "KHAR: Police arrested a teenage boy wearing an explosive vest near the venue of a political rally in "
        "Khar, the headquarters of Bajaur, on Saturday, officials said. No one was hurt.\n\n"
        "Bajaur District Police Officer Nazir Khan said the boy, aged around 16, was stopped at a checkpoint "
        'because he was wearing a heavy shawl in the August heat. "When he was searched, we found a vest packed '
        'with about six kilograms of explosives and ball bearings," he said. The bomb disposal squad defused '
        "the device.\n\n"
        "Initial interrogation showed the boy had been trained by a Daesh handler across the border in Kunar, "
        "the DPO said.\n\n"
        "The arrest comes days after a suicide bombing at a workers' convention elsewhere in Bajaur that killed "
        "more than 60 people, which the Islamic State group claimed.",
        dict(
            event_type="security_operation",
            group="ISKP",
            province="Khyber Pakhtunkhwa",
            district="Bajaur",
            killed=0,
            injured=0,
        ),
    ),
    (
        "train",
        "2024-04-28",
        "ticker",
        "Two terrorists killed in CTD raid in Kulachi",
        "DI KHAN: Two terrorists killed in CTD raid in Kulachi tehsil; weapons, explosives recovered, "
        "spokesman says. Search operation continues.",
        dict(
            event_type="security_operation",
            province="Khyber Pakhtunkhwa",
            district="Dera Ismail Khan",
            militants_killed=2,
        ),
    ),
    (
        "train",
        "2025-08-30",
        "ispr",
        "Captain martyred, three khawarij killed in Kurram",
        "RAWALPINDI: Security forces conducted an intelligence based operation in Kurram District on the reported "
        "presence of khawarij belonging to the Indian proxy Fitna al Khawarij. During the operation, own troops "
        "effectively engaged the khawarij location and three khawarij, including ringleader Khariji Abdul Basit "
        "alias Qari, were sent to hell.\n\n"
        "However, during the intense exchange of fire, Captain Usman Ali (age 27 years, resident of District "
        "Sialkot), who was leading his troops from the front, fought valiantly and embraced shahadat.\n\n"
        "Sanitisation operation is being conducted in the area. The relentless counter-terrorism campaign will "
        "continue at full pace to wipe out the menace of Indian-sponsored terrorism from the country.",
        dict(
            event_type="security_operation",
            group="TTP",
            province="Khyber Pakhtunkhwa",
            district="Kurram",
            killed=1,
            militants_killed=3,
        ),
    ),
    (
        "train",
        "2023-03-09",
        "newspaper",
        "CTD foils plot, seizes suicide vests in Badaber",
        "PESHAWAR: The Counter-Terrorism Department on Thursday said it had foiled a plan to attack a "
        "security installation in the provincial capital and arrested three suspects belonging to the banned "
        "Tehreek-e-Taliban Pakistan.\n\n"
        "Acting on a tip-off, a CTD team stopped a pickup in Badaber on the outskirts of the city. Two suicide "
        "vests, 12 kilograms of explosives, detonators and a hand-drawn map were recovered from a secret cavity "
        "under the rear seat, a CTD official said.\n\n"
        "The suspects were shifted to an undisclosed location for questioning.\n\n"
        "The arrests come five weeks after the January 30 suicide bombing of the mosque inside the Police "
        "Lines, which killed more than 80 people, most of them policemen. Security in the city has since been "
        "tightened and entry points are being monitored with cameras.",
        dict(
            event_type="security_operation",
            group="TTP",
            province="Khyber Pakhtunkhwa",
            district="Peshawar",
        ),
    ),
    (
        "train",
        "2025-04-27",
        "ispr",
        "Infiltration bid foiled in Mohmand, five khawarij killed",
        "RAWALPINDI, April 27: On the night of 26/27 April, security forces picked up the movement of a group of "
        "khawarij attempting to infiltrate through the Pakistan-Afghanistan border in the general area of "
        "Ghalanai, Mohmand District. Own troops effectively engaged and thwarted the infiltration attempt. As a "
        "result, five khawarij were sent to hell, while a large quantity of weapons, ammunition and explosives "
        "was recovered.\n\n"
        "Pakistan has consistently been asking the Interim Afghan Government to ensure effective border "
        "management on its side of the border. The Interim Afghan Government is expected to fulfil its "
        "obligations and deny the use of Afghan soil by khawarij for perpetrating terrorist activities against "
        "Pakistan.\n\n"
        "Security forces of Pakistan remain committed to secure the borders of the country.",
        dict(
            event_type="security_operation",
            group="TTP",
            province="Khyber Pakhtunkhwa",
            district="Mohmand",
            militants_killed=5,
        ),
    ),
    (
        "train",
        "2024-11-16",
        "newspaper",
        "Two militants killed in Matta after months of extortion calls",
        "MINGORA: Police and the Counter-Terrorism Department killed two militants in a gunfight in the hills "
        "above Matta on Friday evening, ending a search that had gone on for weeks, officials said.\n\n"
        "Swat District Police Officer Dr Zahid Ullah said the two men were members of the banned TTP and had "
        'been sending extortion letters to hoteliers and orchard owners in upper Swat since the summer. "One '
        'of them was involved in the hand-grenade attack on a hotel in Kalam in August," he said.\n\n'
        "A head constable, Sher Afzal, was hit in the leg and was being treated at the Saidu Teaching "
        "Hospital.\n\n"
        "The valley, which saw a military operation in 2009, has been largely calm, but residents held "
        "peace marches in 2022 and again last year when armed men were spotted in the hills. Hotel owners said "
        "the arrests would reassure tourists ahead of the winter season in Malam Jabba.",
        dict(
            event_type="security_operation",
            group="TTP",
            province="Khyber Pakhtunkhwa",
            district="Swat",
            injured=1,
            militants_killed=2,
        ),
    ),
    (
        "train",
        "2025-10-05",
        "police_statement",
        "Cornered militant blows himself up during raid in Takht-e-Nasrati",
        'KARAK: "On a tip-off, a joint team of district police and CTD raided a house in Takht-e-Nasrati at '
        "about 11pm on Saturday. When the team asked the occupants to surrender, one of the militants came out "
        "and detonated the explosive vest he was wearing, killing himself on the spot. Two constables received "
        "splinter injuries and were shifted to hospital. No policeman lost his life. A second suspect, a "
        "resident of Lakki Marwat, was arrested from inside the house along with a Kalashnikov and a hand "
        'grenade," the district police said in a statement on Sunday.\n\n'
        "Police said the suspects had been preparing to attack a gas field installation in the area.",
        dict(
            event_type="security_operation",
            province="Khyber Pakhtunkhwa",
            district="Karak",
            killed=0,
            injured=2,
            militants_killed=1,
        ),
    ),
    (
        "train",
        "2025-07-08",
        "ispr",
        "Four Fitna al Hindustan terrorists killed in Buleda",
        "RAWALPINDI: On reported presence of terrorists belonging to the Indian proxy Fitna al Hindustan, "
        "security forces conducted an intelligence based operation in the general area of Buleda, Kech "
        "District. During the conduct of the operation, own troops effectively engaged the terrorists' "
        "location, and as a result four Indian-sponsored terrorists were sent to hell. Weapons, ammunition and "
        "explosives were also recovered from the terrorists, who remained actively involved in numerous "
        "terrorist activities in the area.\n\n"
        "Sanitisation operation is being conducted to eliminate any other Indian-sponsored terrorist found in "
        "the area.",
        dict(
            event_type="security_operation",
            group="BLA",
            province="Balochistan",
            district="Kech",
            militants_killed=4,
        ),
    ),
    (
        "train",
        "2024-02-19",
        "newspaper",
        "Woman trained as suicide bomber arrested in Quetta: spokesman",
        "QUETTA: Balochistan government spokesman Jan Achakzai on Monday presented before the media a young "
        "woman who, he said, had been trained by the Majeed Brigade to carry out a suicide attack in the "
        "provincial capital.\n\n"
        "Flanked by senior CTD officers at a press conference in Quetta, the spokesman said the woman had been "
        "arrested in Sariab after intelligence agencies tracked her contacts with a handler. A video statement "
        "of the woman, in which she described how she was recruited through social media, was played.\n\n"
        '"The state foiled a major tragedy," he said, adding that an explosive vest meant for her had been '
        "recovered from a separate location.\n\n"
        "He said the outlawed group was exploiting young people, and urged parents to keep an eye on their "
        "children's online activity. Officials did not say when the arrest took place.",
        dict(
            event_type="security_operation",
            group="BLA",
            province="Balochistan",
            district="Quetta",
        ),
    ),
    (
        "train",
        "2025-01-13",
        "newspaper",
        "Seven BLF militants killed, soldier martyred in Mangochar operation",
        "KALAT: Seven militants were killed and a soldier was martyred in an operation in the Mangochar area of "
        "Kalat district, security officials said on Monday.\n\n"
        "Officials said the militants belonged to the banned Baloch Liberation Front and had been involved in "
        "blocking the Quetta-Karachi highway and burning vehicles earlier this month. The operation began on "
        "Saturday night and continued until Sunday afternoon.\n\n"
        "Lance Naik Mureed Hussain embraced martyrdom during the exchange of fire. His funeral prayers were "
        "offered at the Quetta Garrison and the body was sent to his native village in Khushab.\n\n"
        "On January 1, gunmen had stormed a Levies station in Mangochar and seized weapons; a week later six "
        "passengers were killed when their bus came under fire near Surab.",
        dict(
            event_type="security_operation",
            group="BLF",
            province="Balochistan",
            district="Kalat",
            killed=1,
            militants_killed=7,
        ),
    ),
    (
        "train",
        "2023-06-24",
        "wire",
        "Three suspected insurgents killed in Panjgur raid",
        "QUETTA, June 24 (PNA) — Pakistani security forces shot dead three suspected separatist insurgents "
        "during a raid on a hideout in the Parom area of Panjgur district, officials said on Saturday.\n\n"
        "The men were wanted for attacks on security forces and the kidnapping of a local contractor, a security "
        "official said. One soldier was wounded. There was no independent confirmation of the account, and "
        "reporters are not allowed into the area.",
        dict(
            event_type="security_operation",
            province="Balochistan",
            district="Panjgur",
            injured=1,
            militants_killed=3,
        ),
    ),
    (
        "train",
        "2024-05-14",
        "newspaper",
        "Daesh hideout busted in Spilinji, six killed",
        "MASTUNG: Six militants belonging to the Islamic State Khorasan Province were killed when the "
        "Counter-Terrorism Department raided a hideout in the mountainous Spilinji area of Mastung late on "
        "Monday, the CTD said.\n\n"
        "According to a CTD spokesman, the militants were planning attacks on religious gatherings and "
        "security forces in Quetta and Mastung. Two CTD personnel were injured in the exchange of fire.\n\n"
        "Explosives, three suicide vests and a large quantity of ammunition were recovered, he said, adding that "
        "one of the dead had been identified as a commander who had trained bombers at a camp in the same "
        "mountains.\n\n"
        "Mastung has been the scene of some of the deadliest bombings in the province, including the 2018 "
        "election rally attack and the September 2023 blast at a Milad procession.",
        dict(
            event_type="security_operation",
            group="ISKP",
            province="Balochistan",
            district="Mastung",
            injured=2,
            militants_killed=6,
        ),
    ),
    (
        "train",
        "2025-03-20",
        "follow_up",
        "Bolan clearance operation ends; nine militants killed, officials say",
        "SIBI: Security forces have completed a five-day clearance operation in the Sanni and Bolan Pass areas "
        "of Kachhi district, officials said on Thursday, putting the number of militants killed at nine, up from "
        "the six reported on Monday.\n\n"
        "A soldier who was critically wounded on the first day died in hospital on Wednesday, bringing the "
        "security forces' toll to one, an official said. Two other soldiers are recovering.\n\n"
        "The operation was launched after gunmen set fire to trucks on the N-65 highway near Mach. Traffic on "
        "the highway, closed since Saturday, was restored on Thursday morning.",
        dict(
            event_type="security_operation",
            province="Balochistan",
            district="Kachhi",
            killed=1,
            injured=2,
            militants_killed=9,
        ),
    ),
    (
        "train",
        "2024-12-09",
        "newspaper",
        "Three BRAS militants killed near Pir Koh gas field",
        "DERA BUGTI: Security forces killed three militants of Baloch Raaji Aajoi Sangar (BRAS), an alliance of "
        "separatist groups, in an operation in the hills near Pir Koh on Sunday, officials said.\n\n"
        "The area has seen repeated attacks on gas pipelines; a pipeline supplying the Sui purification plant "
        "was blown up twice in November. Deputy Commissioner Dera Bugti said the operation was launched after "
        "the militants' movement was spotted near the pipeline route. A cache of rockets and explosives was "
        "found in a cave.\n\n"
        "Gas supply to parts of the district, suspended after the last explosion, has since been restored.",
        dict(
            event_type="security_operation",
            group="BRAS",
            province="Balochistan",
            district="Dera Bugti",
            militants_killed=3,
        ),
    ),
    (
        "train",
        "2025-11-02",
        "ticker",
        "Four terrorists killed in Ahmedwal IBO: ISPR",
        "BREAKING — Four terrorists killed in intelligence-based operation in Ahmedwal, Noshki; no loss to "
        "own troops, says ISPR.",
        dict(
            event_type="security_operation",
            province="Balochistan",
            district="Noshki",
            killed=0,
            militants_killed=4,
        ),
    ),
    (
        "train",
        "2023-12-02",
        "police_statement",
        "Levies raid hideout near Loiband, two killed",
        "KILLA SAIFULLAH: The district administration said in a statement that Levies personnel, acting on "
        "information about armed men sheltering in a seasonal nomad camp near Loiband, surrounded the camp "
        'before dawn on Friday. "The men fired at the Levies personnel, who returned fire. Two of the '
        'miscreants were killed, while two others escaped under cover of darkness," the statement said. It '
        "said the men were wanted for firing on a Levies checkpoint on the Zhob road last month and for "
        "planting an explosive device that was defused in Badini. Two rifles and a rocket launcher were "
        "recovered.",
        dict(
            event_type="security_operation",
            province="Balochistan",
            district="Killa Saifullah",
            militants_killed=2,
        ),
    ),
    (
        "train",
        "2024-01-25",
        "newspaper",
        "TTP militants killed in Manghopir 'encounter'",
        "KARACHI: The Counter-Terrorism Department said on Wednesday it had killed two militants of the "
        "proscribed Tehreek-e-Taliban Pakistan in an encounter in Manghopir.\n\n"
        "CTD in-charge Raja Umar Khattab said the men were riding a motorcycle when they were signalled to stop "
        'near a hilly area. "They opened fire on the police party and were killed in retaliatory firing," '
        "he said. No policeman was hurt.\n\n"
        "According to the CTD, the men had been involved in the killing of at least four policemen in Orangi "
        "and Pirabad between 2021 and 2023 and had collected extortion money from transporters on behalf of a "
        "commander based in Afghanistan.\n\n"
        "Relatives of one of the dead men gathered outside the Abbasi Shaheed Hospital mortuary and disputed "
        "the CTD account, saying he had been picked up from his home two weeks earlier.",
        dict(
            event_type="security_operation",
            group="TTP",
            province="Sindh",
            district="Karachi West",
            killed=0,
            injured=0,
            militants_killed=2,
        ),
    ),
    (
        "train",
        "2023-05-17",
        "newspaper",
        "Three SRA suspects held with explosives in Qasimabad",
        "HYDERABAD: The Counter-Terrorism Department claimed on Tuesday to have arrested three suspected members "
        "of the banned Sindhu Desh Revolutionary Army (SRA) who were allegedly planning to blow up a railway "
        "track and a Chinese-run project office in the city.\n\n"
        "The suspects were picked up from a rented house in Qasimabad, where officers found two locally made "
        "time bombs, a pistol and pamphlets of the outfit, a CTD officer said. A case has been registered under "
        "the Anti-Terrorism Act.\n\n"
        "The SRA has in the past claimed small bomb attacks on railway lines and ATMs in interior Sindh.",
        dict(
            event_type="security_operation",
            group="SRA",
            province="Sindh",
            district="Hyderabad",
        ),
    ),
    (
        "train",
        "2024-08-22",
        "wire",
        "Pakistan police arrest IS-K suspects plotting attack on Chehlum procession",
        "SUKKUR, Pakistan, Aug 22 (KNS) — Police in southern Pakistan arrested four men they said belonged to "
        "IS-K, the regional branch of the Islamic State group, and were planning to bomb a Chehlum procession in "
        "Rohri, officials said on Thursday.\n\n"
        "The men were arrested in two raids overnight; police said they recovered a pressure-cooker bomb and "
        "detonators. Security has been tightened for processions across Sindh, where the militant group claimed "
        "a string of attacks on Shia gatherings in past years.",
        dict(
            event_type="security_operation",
            group="ISKP",
            province="Sindh",
            district="Sukkur",
        ),
    ),
    (
        "train",
        "2025-05-29",
        "newspaper",
        "Three terrorists killed near Rakhi Gaj as CTD blocks infiltration",
        "DERA GHAZI KHAN: The Punjab Counter-Terrorism Department said it killed three terrorists and arrested "
        "a fourth near Rakhi Gaj in the tribal area of Dera Ghazi Khan as the group tried to cross into Punjab "
        "from Balochistan on Wednesday night.\n\n"
        "The CTD said the men were affiliated with the banned Tehreek-e-Taliban Pakistan and had planned to "
        "attack police posts on the Fort Munro road. Suicide jackets and rockets were seized.\n\n"
        "Border Military Police and the CTD have set up joint pickets along the inter-provincial boundary "
        "since an attack on a BMP checkpost last year in which two personnel died.",
        dict(
            event_type="security_operation",
            group="TTP",
            province="Punjab",
            district="Dera Ghazi Khan",
            militants_killed=3,
        ),
    ),
    (
        "train",
        "2025-09-18",
        "police_statement",
        "Isa Khel raid: two terrorists killed, police say",
        "MIANWALI: According to a statement issued by the Mianwali police, a team led by the SHO Isa Khel "
        "raided a hideout on the bank of the Indus late on Wednesday on a tip-off that terrorists who had "
        'crossed over from Khyber Pakhtunkhwa were hiding there. "Upon seeing the police, the terrorists '
        "started firing. Police responded in self-defence and, after the firing stopped, two terrorists were "
        'found dead, while their accomplices fled," the statement said. No policeman was killed or injured.\n\n'
        "The police said a search of the riverine area was under way.",
        dict(
            event_type="security_operation",
            province="Punjab",
            district="Mianwali",
            killed=0,
            injured=0,
            militants_killed=2,
        ),
    ),
    (
        "train",
        "2023-11-27",
        "newspaper",
        "CTD Punjab arrests four AQIS suspects in Shahdara",
        "LAHORE: The Counter-Terrorism Department (CTD) Punjab arrested four suspected members of AQIS, al-Qaeda's "
        "South Asian branch, during an intelligence-based raid in Shahdara, a spokesperson said on Monday.\n\n"
        "Explosives, a laptop, cash and literature were recovered. The spokesperson said the suspects were "
        'planning to target "sensitive installations" in the provincial capital. Cases were registered at '
        "the CTD police station.\n\n"
        "The CTD said it carried out 1,200 combing operations across Punjab in the previous month, arresting "
        "dozens of suspects in Bahawalpur, Multan, Rawalpindi and Gujranwala.",
        dict(
            event_type="security_operation",
            group="AQIS",
            province="Punjab",
            district="Lahore",
        ),
    ),
    (
        "train",
        "2024-03-02",
        "newspaper",
        "Suspected suicide bomber held at Tarnol checkpoint",
        "ISLAMABAD: Police arrested a suspected suicide bomber at a checkpoint in Tarnol on Friday night and "
        "defused the vest he was wearing, police said.\n\n"
        "A police spokesman said the man, believed to be in his early twenties, had arrived from Peshawar by "
        "bus and was stopped during a routine check. His behaviour aroused suspicion, and a search revealed an "
        "explosive jacket under his clothes. Bomb disposal experts rendered it harmless.\n\n"
        '"Our alert personnel saved the capital from a major incident," the Islamabad IGP said, announcing '
        "cash rewards for the checkpoint staff. Security was put on high alert across the federal capital.\n\n"
        "In December 2022, a suicide bomber blew himself up when police stopped his car in the I-10 sector, "
        "killing a head constable.",
        dict(
            event_type="security_operation",
            province="Islamabad",
            district="Islamabad",
        ),
    ),
    (
        "train",
        "2023-09-04",
        "newspaper",
        "Policeman martyred, two militants killed in Darel operation",
        "GILGIT: A policeman was martyred and two militants were killed during a joint operation by police and "
        "security forces in the Gumari area of Darel valley, officials said on Sunday.\n\n"
        "A spokesman for the Gilgit-Baltistan government said the operation targeted a group accused of "
        "attacking a tourist bus on the Karakoram Highway last month. \"The group's hideouts in the forest have "
        'been destroyed," he said.\n\n'
        "Constable Sajjad Hussain was hit in the chest and died before he could be taken to hospital in "
        "Chilas. Two other suspects were taken into custody.",
        dict(
            event_type="security_operation",
            province="Gilgit-Baltistan",
            district="Darel",
            killed=1,
            militants_killed=2,
        ),
    ),
    (
        "train",
        "2026-01-21",
        "newspaper",
        "AJK police bust terror cell in Dadyal, explosives seized",
        "MIRPUR: The Azad Jammu and Kashmir police said on Tuesday they had broken up a cell that was planning "
        "bomb attacks in Mirpur division, arresting three men in Dadyal.\n\n"
        "Police said they recovered 8kg of explosives, two remote-control devices and a pistol. The suspects "
        "were allegedly in contact with handlers abroad. An anti-terrorism case has been registered and the "
        "men were remanded in police custody for 14 days.\n\n"
        '"There was no loss of life and the city is safe," the SSP told reporters.',
        dict(
            event_type="security_operation",
            province="Azad Kashmir",
            district="Mirpur",
            killed=0,
        ),
    ),
    # --------------------------------------------------------- hard negatives: analysis and statistics
    (
        "train",
        "2024-11-01",
        "feature",
        "Militant attacks rose 20pc in October, think tank says",
        "ISLAMABAD: Militant violence in Pakistan rose by about 20 per cent in October compared with September, "
        "with Khyber Pakhtunkhwa again bearing the brunt, an Islamabad-based think tank said in its monthly "
        "security assessment released on Friday.\n\n"
        "The Centre for Conflict and Security Studies recorded 87 militant attacks across the country during "
        "the month, up from 72 in September. At least 126 people were killed, including 58 security personnel, "
        "45 civilians and 23 policemen, while 160 were injured. Security forces killed 91 militants in "
        "operations during the same period.\n\n"
        "Khyber Pakhtunkhwa accounted for 52 attacks, most of them in North Waziristan, Bannu, Dera Ismail Khan "
        "and Lakki Marwat. The report singled out the October 25 attack on a checkpost in Dera Ismail Khan, in "
        "which ten personnel of the Frontier Constabulary were killed, as the deadliest single incident.\n\n"
        "Balochistan saw 29 attacks, the report said, including the killing of 21 miners in Duki. Kech, Kalat and "
        "Mastung were the most affected districts in the province. Sindh recorded four attacks and Punjab two.\n\n"
        "The think tank noted a rise in the use of quadcopters by militants in the southern districts of "
        "Khyber Pakhtunkhwa and said attacks on polio teams had resumed in Bajaur and Bannu.\n\n"
        '"The trend suggests the militants are trying to stretch security forces across a wider area," the '
        "report said, urging the federal and provincial governments to agree on a joint counter-terrorism "
        "plan.\n\n"
        "The figures, which are compiled from media reports and the centre's own sources, cannot be "
        "independently verified.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2026-01-04",
        "newspaper",
        "2025 deadliest year in a decade, annual security report says",
        "By Staff Reporter\n\n"
        "ISLAMABAD: Last year was the deadliest for Pakistan in a decade, with more than 3,400 people killed in "
        "militant attacks and counter-terrorism operations, according to an annual security report released "
        "on Saturday.\n\n"
        "The report said militants carried out 699 attacks in 2025, a rise of 34pc over the previous year. Of "
        "the dead, 1,150 were militants, 1,020 security personnel and 1,230 civilians. Khyber Pakhtunkhwa and "
        "Balochistan accounted for 94pc of all fatalities.\n\n"
        "Among the incidents listed were the hijacking of the Jaffar Express in Bolan in March, the Bannu "
        "cantonment attack, a string of bombings of polio teams and the blast at the Islamabad district courts. "
        "Attacks claimed by the TTP made up more than half of the total, the report said, while Baloch "
        "separatist groups were behind most attacks in Balochistan.\n\n"
        "The report recommended reviving the National Action Plan's provincial committees and strengthening "
        "the counter-terrorism departments, which it said were underfunded and overstretched.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2025-10-10",
        "feature",
        "Analysis: the quadcopter war in Pakistan's south-east",
        "Analysis\n\n"
        "When a small drone dropped a mortar round on a police station in Bannu in the spring of 2024, police "
        "officers treated it as a curiosity. Eighteen months on, quadcopter attacks have become a near-weekly "
        "occurrence in the southern districts of Khyber Pakhtunkhwa.\n\n"
        "Police records seen by this writer list at least 46 drone attacks between January and September this "
        "year in Bannu, Lakki Marwat, North Waziristan and Dera Ismail Khan. In one, in Miryan, two constables "
        "were killed; in another, in Mir Ali, a drone struck a house and killed three children. Most cause "
        "little damage, but their psychological effect is considerable.\n\n"
        '"We used to worry about ambushes on the road. Now we look at the sky," a station house officer in '
        "Lakki Marwat said.\n\n"
        "Militants buy commercial drones through smuggling routes and fit them with improvised release "
        "mechanisms, a security official said. Police have responded with jammers, but only a handful of "
        "stations have them. The provincial government announced Rs2 billion for anti-drone systems in June, "
        "yet procurement has stalled.\n\n"
        "Analysts say the shift reflects the militants' wish to avoid costly ground assaults. "
        '"A quadcopter is cheap, deniable and hard to stop," said a retired brigadier who has studied the '
        "trend. Whether the state can catch up is a question that will shape the next phase of the conflict.",
        dict(event_type="other"),
    ),
    # --------------------------------------------------------- anniversaries
    (
        "train",
        "2024-12-16",
        "feature",
        "Ten years after APS: parents still wait for answers",
        "PESHAWAR: Ten years ago on this day, six gunmen in paramilitary uniforms climbed over the back wall of "
        "the Army Public School on Warsak Road and went from classroom to classroom shooting children. By the "
        "time commandos ended the siege hours later, 147 people, 132 of them students, had been killed and more "
        "than a hundred injured. All six attackers died. The TTP claimed the massacre.\n\n"
        "On Monday, parents gathered at the school's memorial with photographs and roses. Some wept; others "
        "stood in silence in front of the names engraved in marble.\n\n"
        '"My son was in the ninth class. They tell us the case is closed, but no one has told us who allowed '
        'this to happen," said Fazal Khan, whose son was killed in the auditorium.\n\n'
        "The attack led to the National Action Plan, the lifting of the moratorium on executions and the "
        "creation of military courts. A judicial commission's report, made public in 2020, spoke of a security "
        "lapse but fixed no individual responsibility.\n\n"
        "Ceremonies were also held in Islamabad, Lahore and Quetta. The prime minister and the army chief "
        'issued messages paying tribute to the martyrs. "The nation will never forget," the prime minister '
        "said.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2026-03-11",
        "feature",
        "A year after the Jaffar Express siege, survivors recall the tunnel",
        "QUETTA: Exactly a year ago, the Jaffar Express, carrying more than 400 passengers from Quetta to "
        "Peshawar, was brought to a halt by an explosion on the track near a tunnel in the Bolan Pass. Gunmen of "
        "the Baloch Liberation Army boarded the train and held passengers for more than a day before an "
        "operation by security forces ended the siege. Officials said 26 hostages were killed and 33 attackers "
        "died.\n\n"
        "On Wednesday, railway employees laid wreaths at the Quetta railway station. Ghulam Sarwar, a "
        'railway guard who was on the train, said he still heard the firing in his sleep. "They separated us '
        'by our identity cards. I was spared because I am from here," he said.\n\n'
        "Train services to Peshawar were suspended for weeks after the attack and have run irregularly since. "
        "Passengers complained on Wednesday that the train was again running six hours late.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2024-01-30",
        "follow_up",
        "Police Lines mosque blast remembered one year on",
        "PESHAWAR: Policemen offered prayers on Tuesday at the rebuilt mosque inside the Police Lines, where a "
        "suicide bomber dressed in police uniform blew himself up among worshippers during the afternoon prayer "
        "a year ago. The blast brought down the roof and killed 84 people, nearly all of them police personnel, "
        "and wounded more than 200.\n\n"
        "The provincial police chief said the families of all martyrs had received compensation and that an "
        "inquiry had identified the facilitators, some of whom were arrested. Several families said they were "
        "still waiting for the jobs promised to them.",
        dict(event_type="other"),
    ),
    # --------------------------------------------------------- courts and hearings
    (
        "train",
        "2025-05-21",
        "newspaper",
        "ATC sentences two facilitators in Karachi University blast case",
        "KARACHI: An anti-terrorism court on Tuesday sentenced two men to life imprisonment for facilitating "
        "the April 2022 suicide bombing outside the Confucius Institute at the University of Karachi, in which "
        "three Chinese teachers and their Pakistani driver were killed.\n\n"
        "The prosecution said the men had arranged a safe house for the female bomber and conducted "
        "reconnaissance of the campus. The Majeed Brigade of the Baloch Liberation Army had claimed the "
        "attack.\n\n"
        "The judge, announcing the verdict in the judicial complex inside the central prison, acquitted a third "
        "accused for lack of evidence. Defence counsel said they would appeal in the Sindh High Court.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2024-10-08",
        "follow_up",
        "Hearing of Hazara Town bombing case adjourned again",
        "QUETTA: An anti-terrorism court on Monday adjourned until October 21 the hearing of a case relating to "
        "a bombing in Hazara Town that killed 14 people, after the investigation officer failed to appear.\n\n"
        "Three suspects, who were arrested by the CTD last year, were produced in court in handcuffs. The "
        "prosecution said it had recorded the statements of 19 witnesses so far.\n\n"
        'Relatives of the victims, who have attended every hearing, protested outside the court. "It has been '
        'years. Every month we come here and every month it is adjourned," said one woman whose husband was '
        "killed in the blast at a vegetable market.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2023-06-13",
        "wire",
        "Pakistan court upholds death sentence in 2013 church bombing",
        "PESHAWAR, June 13 (PNA) — The Peshawar High Court on Tuesday upheld the death sentence of a man "
        "convicted of helping plan the twin suicide bombing of All Saints Church in 2013, in which more than 80 "
        "worshippers were killed.\n\n"
        "A two-judge bench dismissed the appeal, saying the prosecution had proved its case beyond reasonable "
        "doubt. The convict can still approach the Supreme Court. The bombing, one of the deadliest attacks on "
        "Pakistan's Christian minority, was claimed at the time by a faction of the TTP.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2025-02-26",
        "newspaper",
        "IHC gives interior ministry two weeks to trace missing Baloch students",
        "ISLAMABAD: The Islamabad High Court on Wednesday gave the interior ministry two weeks to produce a "
        "report on the whereabouts of 11 Baloch students who went missing from the federal capital and "
        "Rawalpindi, warning that the prime minister could be summoned if they were not traced.\n\n"
        '"The state cannot make its citizens disappear," the judge remarked. The additional attorney '
        'general told the court that some of the students had "joined militant organisations" and left for '
        "Afghanistan, a claim disputed by the petitioners' counsel, who said at least four had been picked up "
        "from their hostel in front of witnesses.\n\n"
        "Outside the court, relatives held photographs of the students. The commission of inquiry on enforced "
        "disappearances says it has more than 2,000 pending cases, most of them from Khyber Pakhtunkhwa and "
        "Balochistan. The hearing was adjourned until March 12.",
        dict(event_type="other"),
    ),
    # --------------------------------------------------------- policy, budget, NAP
    (
        "train",
        "2024-06-24",
        "newspaper",
        "Apex committee approves Azm-e-Istehkam, vows to root out terrorism",
        "ISLAMABAD: The National Apex Committee on Saturday approved Operation Azm-e-Istehkam, a renewed "
        "counter-terrorism campaign, after a meeting chaired by the prime minister and attended by the army "
        "chief, the chief ministers and security officials.\n\n"
        "A statement said the campaign would combine military operations with diplomatic efforts to curb the "
        "use of Afghan soil by militants, and legislation to end legal loopholes that allowed suspects to walk "
        "free. Provinces were asked to strengthen their counter-terrorism departments and fill vacant posts.\n\n"
        "The meeting reviewed the security of Chinese nationals after the March suicide attack on a convoy on "
        "the Karakoram Highway that killed five Chinese engineers and their driver. Opposition parties in "
        "Khyber Pakhtunkhwa said they should have been consulted and warned against displacement of tribal residents.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2025-06-18",
        "newspaper",
        "Balochistan budget doubles CTD allocation",
        "QUETTA: The Balochistan government on Tuesday presented a Rs1.02 trillion budget for 2025-26, doubling "
        "the allocation for the Counter-Terrorism Department and setting aside Rs10 billion to raise a new "
        "provincial rapid response force.\n\n"
        "The finance minister told the assembly that law and order would take Rs87 billion, or about 9pc of the "
        "total outlay. Compensation for the families of martyrs of the police and Levies would be raised to "
        "Rs10 million.\n\n"
        "Opposition members staged a walkout, saying development funds for Kech, Kharan and Panjgur had been "
        'cut. "You spend on security, but the roads where people are killed are not even paved," one member '
        "said.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2024-09-03",
        "ticker",
        "Mobile internet suspended in Quetta, parts of Balochistan",
        "Mobile internet services suspended in Quetta and four other districts of Balochistan till Sunday on "
        "security grounds, home department notification says.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2023-07-26",
        "newspaper",
        "Threat alert issued for Muharram processions in Lahore",
        "LAHORE: The Punjab home department has issued a threat alert warning that militants could target "
        "Muharram processions in the provincial capital, and ordered police to seal routes and deploy snipers "
        "on rooftops.\n\n"
        "The letter, citing information shared by the National Counter Terrorism Authority, said a group of "
        "suicide bombers may have entered Punjab from the north-west. It named the Data Darbar area and "
        "Mochi Gate as possible targets.\n\n"
        'Police said 12,000 personnel would be deployed on Ashura, and pillion riding would be banned. "There '
        'is no need to panic; these alerts are issued every year," a senior officer said.',
        dict(event_type="other"),
    ),
    (
        "train",
        "2023-09-26",
        "feature",
        "Police Martyrs' Day: KP police lost 140 personnel this year, IGP says",
        "PESHAWAR: Khyber Pakhtunkhwa police observed Martyrs' Day on Monday with ceremonies at the Malik Saad "
        "Shaheed Police Lines and in all districts.\n\n"
        "The inspector general of police said 140 police personnel had been martyred so far this year in "
        "attacks, bombings and targeted killings, compared with 119 in the whole of last year. Most of them "
        "were killed in Peshawar, Bannu, Lakki Marwat and Dera Ismail Khan. Since 2001, the force has lost more "
        "than 2,200 personnel.\n\n"
        "Children of martyred policemen laid wreaths at the memorial. The IGP said bulletproof vehicles and "
        "thermal cameras were being provided to police stations in the southern districts.",
        dict(event_type="other"),
    ),
    # --------------------------------------------------------- statements, diplomacy
    (
        "train",
        "2024-07-18",
        "wire",
        "Afghan Taliban deny sheltering TTP after Pakistan's accusations",
        "KABUL, July 18 (KNS) — Afghanistan's Taliban government on Thursday rejected Pakistani accusations "
        "that it was sheltering militants who attacked a military cantonment in Bannu, saying it did not allow "
        "anyone to use Afghan soil against any country.\n\n"
        '"Pakistan should not blame Afghanistan for its own security failures," Taliban spokesman Zabihullah '
        "Mujahid said in a statement.\n\n"
        "Pakistan's foreign ministry said this week that the attackers had been in contact with handlers in "
        "Afghanistan, and the defence minister warned that Pakistan could strike militant hideouts across the "
        "border. Relations between the neighbours have deteriorated since the Taliban returned to power in "
        "2021, with Islamabad saying attacks by the Tehreek-e-Taliban Pakistan have surged.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2025-04-03",
        "newspaper",
        "FO urges Kabul to act against militants, rejects 'baseless' Indian claims",
        "ISLAMABAD: The Foreign Office on Thursday called on the interim Afghan government to take "
        '"concrete and verifiable" action against militant groups operating from its territory, saying '
        "Pakistan had shared evidence of their involvement in recent attacks.\n\n"
        "At the weekly briefing, the spokesperson referred to the March attack on the Jaffar Express and "
        "a suicide bombing in Noshki, saying the attackers had been in contact with handlers across the border. "
        "More than 600 security personnel were martyred in 2024, she said.\n\n"
        'She also rejected as "baseless" remarks by Indian officials about Pakistan\'s role in cross-border '
        "terrorism, and said Pakistan remained committed to dialogue with all its neighbours.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2025-03-27",
        "wire",
        "TTP announces new 'offensive', warns civilians to avoid military sites",
        "PESHAWAR, March 27 (PNA) — The Pakistani Taliban on Thursday announced what they called a new "
        "offensive against security forces, and warned civilians to stay away from military and police "
        "installations.\n\n"
        'In a statement sent to journalists, the group said it would target "the military, its business '
        'interests and its allies." It did not refer to any specific attack. Pakistani officials dismissed '
        "the statement as propaganda.\n\n"
        "The group, known as the TTP, has stepped up attacks since ending a ceasefire with the government in "
        "November 2022.",
        dict(event_type="other"),
    ),
    # --------------------------------------------------------- attacks abroad, cross-border fire
    (
        "train",
        "2024-12-12",
        "wire",
        "Suicide bomber kills Taliban minister in Kabul; Islamic State claims",
        "KABUL, Dec 12 (KNS) — A suicide bomber killed Afghanistan's minister for refugees and five other "
        "people inside the ministry compound in Kabul on Wednesday, Taliban officials said. The Islamic State "
        "Khorasan Province claimed the attack through its Amaq news agency.\n\n"
        "The minister was a senior member of the Haqqani network. Pakistan's Foreign Office condemned the "
        "bombing and offered condolences, saying terrorism was a common threat to the region.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2024-04-05",
        "newspaper",
        "Jaish al-Adl attacks kill 11 Iranian security personnel",
        "TEHRAN: At least 11 members of Iran's security forces were killed when Jaish al-Adl militants attacked "
        "the headquarters of the Revolutionary Guards and police stations in the towns of Rask and Chabahar in "
        "Sistan-Baluchestan province, Iranian state media said. Sixteen militants were also killed.\n\n"
        "Iran's interior minister said some of the attackers had crossed from Pakistan. In Islamabad, the "
        "Foreign Office said it had not received any such information and condemned the attack, adding that "
        "the two countries had agreed to strengthen border mechanisms after the exchange of strikes in "
        "January.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2025-04-23",
        "wire",
        "Pakistan rejects Indian insinuations after Pahalgam attack",
        "ISLAMABAD, April 23 (KNS) — Pakistan on Wednesday expressed concern over the loss of lives "
        "in an attack on tourists in Pahalgam in Indian-occupied Kashmir, in which gunmen killed at least 26 "
        "people, and rejected any "
        "attempt to link it to Pakistan.\n\n"
        '"We are concerned at the loss of tourists\' lives," the Foreign Office spokesman said. The defence '
        'minister said in a television interview that the attack appeared to be "home-grown".\n\n'
        "Indian officials hinted at cross-border links and convened a meeting of the cabinet committee on "
        "security. Markets in Karachi fell 1.2pc on fears of an escalation.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2023-09-07",
        "newspaper",
        "Afghan forces fire mortars at Chitral border posts, Torkham closed",
        "CHITRAL: Afghan border forces fired mortar shells at Pakistani border posts in the Arandu area of "
        "Chitral on Wednesday, officials said, in an exchange that lasted several hours. Pakistani troops "
        "responded.\n\n"
        "A day earlier, Afghan and Pakistani forces exchanged fire at the Torkham border crossing over the "
        "construction of a new structure by Afghan authorities, leading to the closure of the crossing. "
        "Hundreds of trucks were stranded on both sides.\n\n"
        "The Foreign Office said it had lodged a protest with the Afghan chargé d'affaires and called for the "
        "dispute to be resolved through existing border mechanisms.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2025-05-08",
        "wire",
        "Civilians killed as Indian shelling hits villages along LoC",
        "MUZAFFARABAD, May 8 (KNS) — Five civilians, including two children, were killed and 19 "
        "wounded when Indian troops shelled villages along the Line of Control in the Neelum and Kotli "
        "sectors overnight, officials in "
        "Azad Jammu and Kashmir said.\n\n"
        "Houses and a mosque were damaged in Athmuqam, and residents spent the night in bunkers. The Pakistan "
        'Army said it had responded to the "unprovoked" firing and targeted Indian posts.\n\n'
        "Schools in the districts along the LoC were closed, and the AJK government announced compensation for "
        "the families of those killed.",
        dict(event_type="other"),
    ),
    # --------------------------------------------------------- non-violent "attacks"
    (
        "train",
        "2025-02-09",
        "newspaper",
        "Pace attack blows away visitors in Rawalpindi",
        "RAWALPINDI: Pakistan's pace attack ripped through the visitors' top order on the opening morning of "
        "the second Test at the Pindi Cricket Stadium, reducing them to 43-5 before lunch.\n\n"
        "Naseem Shah struck twice in his first over and Shaheen Shah Afridi removed the captain with a "
        'searing yorker. "It was a brutal spell; the ball was flying," a visiting batsman said.\n\n'
        "The visitors recovered to 187 all out, and Pakistan reached 41 without loss at stumps.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2023-08-11",
        "ticker",
        "Hockey: Pakistan's attack misfires in loss to Malaysia",
        "Pakistan's forward line missed four penalty corners as Malaysia won 3-1 in the Asian Champions Trophy "
        "in Chennai; coach blames 'blunt attack'.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2024-05-06",
        "newspaper",
        "PTI launches blistering attack on govt, calls budget a 'bomb' on the poor",
        "PESHAWAR: The Pakistan Tehreek-i-Insaf on Sunday launched a scathing attack on the federal government, "
        'calling its proposed taxes a "petrol bomb" dropped on the poor and vowing to fight it "in every '
        'street".\n\n'
        "Addressing a rally in Peshawar, the party's provincial president said the government had \"murdered "
        'the mandate" and fired at the economy. "We will not let them blast away the people\'s future," '
        "he said.\n\n"
        "Federal ministers hit back, accusing the PTI of trying to destabilise the country. The information "
        "minister said the party's attacks were aimed at hiding the failures of its provincial government.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2024-11-11",
        "wire",
        "Pakistan stocks slide as security fears hit sentiment",
        "KARACHI, Nov 11 (KNS) — Pakistani shares fell 1.8pc on Monday, their steepest drop in two months, as a "
        "suicide bombing at the Quetta railway station over the weekend revived concerns about security, "
        "brokers said.\n\n"
        'The benchmark KSE-100 index closed down 1,690 points. Cement and oil stocks were hardest hit. "The '
        'attack in Balochistan spooked foreign investors who were already nervous about CPEC security," said a '
        "dealer at a Karachi brokerage. Bears attacked the market from the opening bell, he said.\n\n"
        "The rupee was steady at 277.8 to the dollar.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2025-08-14",
        "wire",
        "Cyber attack knocks out Sindh government websites",
        "KARACHI, Aug 14 (PNA) — Hackers attacked the websites of several Sindh government departments "
        "on Independence Day, defacing home pages with messages and leaving some portals offline for hours, "
        "officials said.\n\n"
        "The information technology department said the attack came from servers abroad and no data had been "
        'stolen. "It was a denial-of-service attack followed by defacement; the systems have been restored," '
        "a spokesman said. The Federal Investigation Agency's cyber crime wing has begun an inquiry.\n\n"
        "Last year, a ransomware attack on a power distribution company disrupted billing in Hyderabad and "
        "Sukkur for a week.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2024-02-07",
        "newspaper",
        "SHO dies of heart attack during night patrol in Lakki Marwat",
        "LAKKI MARWAT: The station house officer of the Naurang police station died of a heart attack while on "
        "night patrol on Tuesday, police said.\n\n"
        "Inspector Muhammad Ayaz complained of chest pain while checking pickets on the Indus Highway and was "
        "rushed to hospital, where doctors pronounced him dead. He was 49.\n\n"
        "Colleagues said he had survived two attacks by militants on his police station in the past year. His "
        'funeral was attended by the district police officer and elders. "He was a brave officer who never '
        'took leave," the DPO said.',
        dict(event_type="other"),
    ),
    # --------------------------------------------------------- crime and feuds
    (
        "train",
        "2023-12-19",
        "police_statement",
        "Shopkeeper shot dead by robbers in Jaranwala",
        'FAISALABAD: "Two armed men on a motorcycle entered a mobile phone shop in the main bazaar of '
        "Jaranwala at about 8pm and asked the owner, Muhammad Asif, 35, to hand over cash. When he resisted, "
        "one of the robbers opened fire, killing him on the spot. The suspects fled with Rs150,000 and six "
        'phones," police said in a statement on Tuesday. A case has been registered and CCTV footage is being '
        "examined. Traders kept their shops closed on Tuesday in protest against rising street crime.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2024-06-03",
        "newspaper",
        "Couple shot dead in the name of honour in Jacobabad",
        "JACOBABAD: A young couple who had married against their families' wishes were shot dead in a village "
        "near Garhi Khairo on Sunday, police said.\n\n"
        "The woman's father and two brothers allegedly opened fire on the couple inside their house and fled, "
        "an SHO said. The bodies were taken to the taluka hospital. Police said the couple had married in court "
        "three months ago and had been hiding in Karachi before returning home after a jirga promised them "
        "safety.\n\n"
        "Rights groups say hundreds of people are killed every year in Pakistan in so-called honour killings.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2025-07-29",
        "newspaper",
        "Five killed as rival families exchange fire over land in Shabqadar",
        "CHARSADDA: Five people were killed and three injured when two rival families exchanged heavy gunfire "
        "over a land dispute in Shabqadar on Monday, police said.\n\n"
        "The firing began when members of one family tried to plough a disputed field. Both sides used "
        "automatic weapons, and the gunfight continued for nearly an hour before police reached the spot. The "
        "dead included two brothers and a teenage boy.\n\n"
        "Rescue 1122 shifted the bodies and the injured to the district headquarters hospital. Police said "
        "they had arrested four suspects from both sides and registered cases. The two families have been "
        "feuding for more than a decade; six people died in an earlier clash in 2019.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2023-04-15",
        "ticker",
        "Three killed in family feud in Timergara",
        "LOWER DIR: Three men of a family shot dead by rivals over an old enmity in Timergara; police say "
        "accused fled, raids under way.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2026-01-01",
        "newspaper",
        "Aerial firing on New Year's night kills one, injures 18 in Karachi",
        "KARACHI: A 12-year-old boy was killed and at least 18 people, including women, were injured by stray "
        "bullets as people fired into the air to celebrate the New Year across the city, rescue officials said "
        "on Thursday.\n\n"
        "The boy was hit on the roof of his house in Orangi Town. The injured were taken to the Jinnah, Civil "
        "and Abbasi Shaheed hospitals, a rescue official said. Police said they had arrested 27 people for "
        "aerial firing in Lyari, Korangi and Gulshan-e-Iqbal and seized their weapons.",
        dict(event_type="other"),
    ),
    # --------------------------------------------------------- accidents
    (
        "train",
        "2024-01-14",
        "newspaper",
        "Four killed as gas cylinder explodes in Quetta restaurant",
        "QUETTA: Four people were killed and nine injured when a gas cylinder exploded in a restaurant on "
        "Jinnah Road on Saturday evening, rescue officials said.\n\n"
        "The blast brought down part of the roof and shattered windows of nearby shops, causing panic in the "
        "area. Police and the bomb disposal squad reached the spot and cordoned it off.\n\n"
        '"Initial investigation shows it was a cylinder blast, not an act of terrorism," a senior police '
        "officer said. The injured were shifted to the Civil Hospital, where an emergency was declared. "
        "Cylinder explosions are common in winter, when gas pressure drops and people use LPG for heating.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2023-10-27",
        "wire",
        "Boiler explosion at Faisalabad factory kills nine workers",
        "FAISALABAD, Pakistan, Oct 27 (PNA) — A boiler exploded at a textile factory in Faisalabad on Friday, "
        "killing at least nine workers and injuring 14, rescue officials said.\n\n"
        "The blast collapsed part of the three-storey building, trapping workers under the debris. Rescue "
        "teams worked through the night. The factory owner was taken into custody, police said, and the Punjab "
        "labour department ordered an inquiry into safety standards.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2025-03-05",
        "newspaper",
        "Six miners die in methane blast in Duki coal mine",
        "DUKI: Six coal miners were killed when methane gas accumulated inside a mine exploded on Tuesday, "
        "causing part of the shaft to collapse, officials said.\n\n"
        "The chief inspector of mines said rescuers recovered the bodies after an eight-hour effort. Two miners "
        "were rescued alive. All the dead were from Swat and Upper Dir, he said.\n\n"
        "Mine workers' unions said safety rules were routinely ignored in the province's coalfields. The area "
        "has also seen militant violence: in October 2024, gunmen attacked mines in the district and killed 21 "
        "workers.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2024-04-09",
        "newspaper",
        "Three children killed as old mortar shell explodes in Mamund",
        "BAJAUR: Three children were killed and two injured when a mortar shell they had found in a dry stream "
        "exploded in the Mamund tehsil of Bajaur on Monday, police said.\n\n"
        "The children, aged between seven and 12, had brought the rusted shell home and were playing with it "
        "when it went off, a police official said. The bomb disposal squad later recovered two more unexploded "
        "shells from the same stream.\n\n"
        "Residents said the shells were left over from the military operations of 2008 and 2009. Officials "
        "urged parents to keep children away from unfamiliar metal objects.",
        dict(event_type="other"),
    ),
    # --------------------------------------------------------- protests after attacks
    (
        "train",
        "2025-03-08",
        "newspaper",
        "Bannu traders' sit-in enters third day, demand peace",
        "BANNU: Traders and civil society members continued their sit-in outside the Bannu press club for the "
        "third day on Friday, demanding the restoration of peace in the district after the recent attack on "
        "the cantonment.\n\n"
        "Markets remained closed. Speakers said the district had suffered years of violence and that residents "
        'were "caught between the militants and the state". They demanded that the police, not the army, be '
        "given responsibility for security, and that compensation be paid for shops damaged in the "
        "attack.\n\n"
        "A jirga of elders met the commissioner on Friday evening. Organisers said the protest would continue "
        "until the government gave written assurances.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2024-10-12",
        "newspaper",
        "Miners' families block highway after Duki killings",
        "By Our Correspondent\n\n"
        "LORALAI: Relatives of coal miners killed in an attack in Duki blocked the Loralai-Duki road with the "
        "coffins of their loved ones on Saturday, refusing to bury them until the government arrested the "
        "attackers.\n\n"
        "Hundreds of people, including miners from Swat and Lower Dir, chanted slogans against the authorities. "
        '"Our men go down the mines to feed their families and come back in coffins," said one of the '
        "protesters.\n\n"
        "The deputy commissioner held talks with the protesters, who ended their sit-in late in the evening "
        "after the provincial government announced compensation and promised security for the coalfields.",
        dict(event_type="other"),
    ),
]
