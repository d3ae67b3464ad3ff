"""Hand-written reports, phrased unlike the generator's frames, for every split.

The first ones live here; the freeform_* modules hold later batches written by other hands (train:
attacks, operations and hard negatives; dev: a mixed set written without sight of the train batches).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from classifiers.data.generate import Report

KP, BAL, SINDH, PUNJAB, ISB, GB, AJK = (
    "Khyber Pakhtunkhwa",
    "Balochistan",
    "Sindh",
    "Punjab",
    "Islamabad",
    "Gilgit-Baltistan",
    "Azad Kashmir",
)

# Each tuple: split, published, style, title, text, then the labels as keyword arguments.
_ITEMS: list[tuple[str, str, str, str, str, dict[str, Any]]] = [
    # ------------------------------------------------------------------ train
    (
        "train",
        "2024-03-16",
        "newspaper",
        "Two policemen guarding polio team shot dead in Karak",
        "KARAK: Two policemen escorting a polio vaccination team were shot dead in a village of Karak on "
        "Friday. The vaccinators escaped unhurt. The district police chief said the gunmen had been hiding in "
        "a field and opened fire as the team walked past. No group claimed the killings.",
        dict(event_type="attack", attack_type="targeted_killing", province=KP, district="Karak", killed=2),
    ),
    (
        "train",
        "2024-08-27",
        "wire",
        "Separatists block highway, kill travellers in coordinated raids",
        "QUETTA, Pakistan — Baloch separatists attacked police stations, a railway bridge and highway traffic "
        "across several districts overnight. In Musakhel, gunmen stopped trucks and buses and shot dead 23 "
        "passengers after checking their identity cards. The Baloch Liberation Army said it carried out the "
        "attacks.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="BLA",
            claimed=True,
            province=BAL,
            district="Musakhel",
            killed=23,
        ),
    ),
    (
        "train",
        "2023-07-13",
        "ispr",
        "Security forces kill four terrorists in Zhob",
        "RAWALPINDI: Security forces intercepted a group of terrorists trying to sneak in from across the "
        "border in Sambaza, Zhob. Four terrorists were killed after a fierce exchange of fire. Weapons and "
        "explosives were recovered.",
        dict(
            event_type="security_operation",
            province=BAL,
            district="Zhob",
            militants_killed=4,
        ),
    ),
    (
        "train",
        "2024-05-02",
        "newspaper",
        "School torched in North Waziristan",
        "MIRANSHAH: Unidentified men set fire to a government girls' middle school in Datta Khel during the "
        "night. Nobody was inside. Education officials said the building, which was rebuilt two years ago, was "
        "badly damaged.",
        dict(
            event_type="attack",
            attack_type="infrastructure_attack",
            province=KP,
            district="North Waziristan",
            killed=0,
        ),
    ),
    (
        "train",
        "2025-01-09",
        "newspaper",
        "Pakistan lose Test after batting collapse",
        "CAPE TOWN: Pakistan's batting collapsed against a hostile pace attack on the fourth day. The tourists "
        "lost their last seven wickets for 41 runs.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2023-11-04",
        "ticker",
        "Mianwali air base attacked, nine attackers killed: ISPR",
        "Terrorists attacked the PAF training air base in Mianwali at night. All nine attackers killed, three "
        "grounded aircraft damaged, no loss of life among personnel. TJP claims attack.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="TJP",
            claimed=True,
            province=PUNJAB,
            district="Mianwali",
            killed=0,
            militants_killed=9,
        ),
    ),
    (
        "train",
        "2024-10-07",
        "wire",
        "Blast near Karachi airport kills two Chinese nationals",
        "KARACHI, Pakistan — A suicide attacker drove an explosives-laden vehicle into a convoy carrying Chinese "
        "engineers near the city's airport late on Sunday, killing two Chinese nationals and injuring ten "
        "others. The Majeed Brigade of the Baloch Liberation Army said it carried out the bombing.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            group="BLA",
            claimed=True,
            province=SINDH,
            district="Malir",
            killed=2,
            injured=10,
        ),
    ),
    (
        "train",
        "2025-02-11",
        "newspaper",
        "Iran says border guards killed in Sistan-Baluchestan",
        "TEHRAN: Gunmen killed five Iranian border guards near Saravan, state media reported. Jaish al-Adl "
        "claimed the attack. Pakistan's Foreign Office called for closer border coordination.",
        dict(event_type="other"),
    ),
    (
        "train",
        "2024-06-20",
        "police_statement",
        "Customs officials abducted near Dera Ismail Khan",
        'DERA ISMAIL KHAN: "At about 4pm, armed men intercepted a customs vehicle on the Indus Highway near '
        'Daraban and forced four officials into a pickup. The men were taken towards the mountains," the '
        "police said in a statement. No demands had been received.",
        dict(
            event_type="attack",
            attack_type="kidnapping",
            province=KP,
            district="Dera Ismail Khan",
        ),
    ),
    (
        "train",
        "2023-09-30",
        "newspaper",
        "Mastung mosque bombing: toll reaches 60",
        "MASTUNG: The number of people killed in Friday's suicide bombing of a Milad procession in Mastung has "
        "risen to 60 after more of the critically injured died, a provincial minister said. The Islamic State "
        "Khorasan has not formally claimed the attack, but officials suspect it.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            group="ISKP",
            province=BAL,
            district="Mastung",
            killed=60,
        ),
    ),
    (
        "train",
        "2025-04-18",
        "newspaper",
        "Tower blown up in Panjgur",
        "PANJGUR: A telecommunication tower in Chitkan was destroyed with explosives on Thursday night, "
        "suspending mobile service in the town. The Baloch Liberation Front later claimed it.",
        dict(
            event_type="attack",
            attack_type="infrastructure_attack",
            group="BLF",
            claimed=True,
            province=BAL,
            district="Panjgur",
        ),
    ),
    (
        "train",
        "2024-12-03",
        "newspaper",
        "ATC hands death sentence to bomb maker",
        "LAHORE: An anti-terrorism court handed a death sentence to a man convicted of assembling the explosives "
        "used in a 2016 park bombing that killed more than 70 people. The court also fined him Rs2 million.",
        dict(event_type="other"),
    ),
    # ------------------------------------------------------------------ dev
    (
        "dev",
        "2024-02-05",
        "newspaper",
        "Ten policemen martyred as militants storm Chodhwan police station",
        "DERA ISMAIL KHAN: Militants armed with heavy weapons attacked the Chodhwan police station from three "
        "sides in the early hours of Monday, killing ten policemen and wounding six. Police said the attackers "
        "used snipers and hand grenades. The TTP claimed the assault.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="TTP",
            claimed=True,
            province=KP,
            district="Dera Ismail Khan",
            killed=10,
            injured=6,
        ),
    ),
    (
        "dev",
        "2024-09-28",
        "newspaper",
        "Police van hit by IED in Mastung",
        "MASTUNG: A bomb planted near a girls' school went off as a police vehicle passed, killing five "
        "children and a policeman. Twenty-two others were taken to hospital in Quetta.",
        dict(
            event_type="attack",
            attack_type="bombing",
            province=BAL,
            district="Mastung",
            killed=6,
            injured=22,
        ),
    ),
    (
        "dev",
        "2025-03-04",
        "wire",
        "Twin suicide car bombs hit Bannu garrison",
        "BANNU, Pakistan (Agencies) - Two vehicles packed with explosives were driven into the wall of the Bannu "
        "cantonment at iftar time on Tuesday, followed by an assault by gunmen. Eighteen people, including five "
        "soldiers, were killed. The Hafiz Gul Bahadur group's allies claimed responsibility, officials said.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            group="HGB",
            claimed=True,
            province=KP,
            district="Bannu",
            killed=18,
        ),
    ),
    (
        "dev",
        "2024-05-09",
        "newspaper",
        "Seven barbers shot dead in Gwadar",
        "GWADAR: Gunmen burst into a residential quarter near the port in the early hours and shot seven "
        "barbers from Punjab as they slept. Police blamed Baloch separatists for the killings.",
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            province=BAL,
            district="Gwadar",
            killed=7,
        ),
    ),
    (
        "dev",
        "2023-08-12",
        "newspaper",
        "Engineers' convoy attacked in Gwadar, two attackers killed",
        "GWADAR: Militants fired on a convoy taking Chinese engineers to the port, officials said. Two "
        "attackers were killed in the exchange with escorting troops and no Chinese national was hurt. The BLA "
        "claimed the attack.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="BLA",
            claimed=True,
            province=BAL,
            district="Gwadar",
            killed=0,
            militants_killed=2,
        ),
    ),
    (
        "dev",
        "2025-01-27",
        "newspaper",
        "Sixteen labourers abducted from construction site",
        "LAKKI MARWAT: Armed men took away 16 labourers of the Atomic Energy Commission from a mining site in the "
        "Qabul Khel area, officials said. Eight of them were later recovered by police.",
        dict(
            event_type="attack",
            attack_type="kidnapping",
            province=KP,
            district="Lakki Marwat",
        ),
    ),
    (
        "dev",
        "2024-10-24",
        "newspaper",
        "Rail link cut after bridge blown up in Kalat",
        "KALAT: Saboteurs destroyed a railway bridge near Mangochar with explosives overnight, suspending the "
        "Quetta-Karachi rail service. No one was hurt.",
        dict(
            event_type="attack",
            attack_type="infrastructure_attack",
            province=BAL,
            district="Kalat",
            killed=0,
            injured=0,
        ),
    ),
    (
        "dev",
        "2024-03-18",
        "ispr",
        "Eight terrorists killed in retaliatory strikes",
        "RAWALPINDI: Security forces killed eight terrorists in an intelligence-based operation in Datta Khel, "
        "North Waziristan, a day after an attack on a military post. Weapons and ammunition were recovered.",
        dict(
            event_type="security_operation",
            province=KP,
            district="North Waziristan",
            militants_killed=8,
        ),
    ),
    (
        "dev",
        "2025-06-30",
        "newspaper",
        "CTD guns down two wanted militants near Sargodha",
        "SARGODHA: Counter-terrorism officers killed two men wanted for attacks on police when the suspects "
        "opened fire at a checkpoint, the department said.",
        dict(
            event_type="security_operation",
            province=PUNJAB,
            district="Sargodha",
            militants_killed=2,
        ),
    ),
    (
        "dev",
        "2024-01-30",
        "newspaper",
        "Kabul accuses Islamabad of air strikes in Paktika",
        "ISLAMABAD: The Afghan Taliban said Pakistani aircraft had bombed villages in Paktika province, killing "
        "civilians. Pakistan's Foreign Office said operations targeted terrorist hideouts.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2025-04-16",
        "newspaper",
        "Fast bowlers attack from both ends as Pakistan take charge",
        "LAHORE: Bowling in tandem, the two quicks attacked the batters relentlessly and shared eight wickets "
        "on the second day.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2024-12-20",
        "newspaper",
        "Families of Hazara victims mark Mach anniversary",
        "QUETTA: Relatives of eleven coal miners who were killed in Mach four years ago held a vigil and "
        "demanded that the masterminds be tried. Daesh had claimed that attack.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2025-07-07",
        "newspaper",
        "Budget allocates Rs50bn for counter-terrorism",
        "PESHAWAR: The provincial budget set aside Rs50 billion for police and counter-terrorism, including "
        "armoured vehicles and night-vision equipment for stations in the south.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2025-10-02",
        "ticker",
        "Blast in Quetta's Zarghoon Road",
        "Explosion near FC headquarters on Zarghoon Road, Quetta. Ten killed, 32 injured, say officials.",
        dict(
            event_type="attack",
            attack_type="bombing",
            province=BAL,
            district="Quetta",
            killed=10,
            injured=32,
        ),
    ),
    (
        "dev",
        "2024-06-27",
        "newspaper",
        "Passenger bus hijacked near Sibi",
        "SIBI: Armed men stopped a Quetta-bound coach and drove it into the mountains with 40 passengers. "
        "Levies said 30 passengers were released by evening while the rest were still being held.",
        dict(
            event_type="attack",
            attack_type="hijacking",
            province=BAL,
            district="Sibi",
        ),
    ),
    (
        "dev",
        "2025-05-13",
        "newspaper",
        "Cleric shot dead outside seminary in Karachi",
        "KARACHI: A senior teacher of a seminary was killed when two men on a motorbike fired at him as he left "
        "after evening prayers in Gulshan-e-Iqbal. Police said it appeared to be a sectarian killing.",
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            province=SINDH,
            district="Karachi East",
            killed=1,
        ),
    ),
    (
        "dev",
        "2024-08-15",
        "newspaper",
        "Iranian guards killed near Pakistan border",
        "ZAHEDAN: Militants ambushed a border patrol in Iran's south-east, killing four guards, Iranian media "
        "said. The area borders Pakistan's Balochistan.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2025-02-19",
        "police_statement",
        "Mobile tower set on fire in Kech",
        'TURBAT: "Around 15 armed men came on motorcycles, poured petrol on the equipment room of the '
        'tower and set it alight before fleeing," a Levies statement said. Service remained suspended.',
        dict(
            event_type="attack",
            attack_type="infrastructure_attack",
            province=BAL,
            district="Kech",
        ),
    ),
    # ------------------------------------------------------------------ test
    (
        "test",
        "2025-03-12",
        "wire",
        "Gunmen seize passenger train in Balochistan, hold hundreds",
        "QUETTA, Pakistan — Insurgents blew up a stretch of track in the Bolan Pass and took control of a "
        "Peshawar-bound passenger train with more than 400 people on board on Tuesday. The Baloch Liberation Army "
        "said it was holding the passengers and demanded the release of prisoners. Officials said 21 hostages "
        "and four soldiers were killed before troops ended the siege, and 33 attackers died.",
        dict(
            event_type="attack",
            attack_type="hijacking",
            group="BLA",
            claimed=True,
            province=BAL,
            district="Kachhi",
            killed=25,
            militants_killed=33,
        ),
    ),
    (
        "test",
        "2023-01-31",
        "newspaper",
        "Peshawar Police Lines mosque blast: 84 dead",
        "PESHAWAR: A bomber who had entered the heavily guarded Police Lines compound blew himself up among "
        "worshippers during afternoon prayers, bringing down a wall and the roof of the mosque. Officials said "
        "84 people, most of them policemen, were killed and more than 200 hurt. A commander of Jamaat-ul-Ahrar "
        "initially claimed the attack but the group's spokesman later distanced it.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            group="JuA",
            claimed=True,
            province=KP,
            district="Peshawar",
            killed=84,
            injured=200,
        ),
    ),
    (
        "test",
        "2024-11-09",
        "ticker",
        "Quetta railway station blast",
        "Suicide blast on platform of Quetta railway station. At least 26 dead including soldiers, 62 wounded. "
        "Fitna al Hindustan blamed.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            group="BLA",
            province=BAL,
            district="Quetta",
            killed=26,
            injured=62,
        ),
    ),
    (
        "test",
        "2024-07-15",
        "ispr",
        "Attack on Bannu cantonment repulsed",
        "RAWALPINDI: Khawarij rammed an explosives-laden vehicle into the perimeter wall of the Bannu "
        "cantonment early Monday, followed by an attempt by gunmen to enter the garrison. All ten attackers "
        "were killed by troops. Eight soldiers embraced shahadat in the blast. The Hafiz Gul Bahadur group "
        "claimed the attack.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            group="HGB",
            claimed=True,
            province=KP,
            district="Bannu",
            killed=8,
            militants_killed=10,
        ),
    ),
    (
        "test",
        "2024-11-21",
        "newspaper",
        "Convoy of passenger vehicles ambushed in Kurram",
        "PARACHINAR: Gunmen lying in wait opened fire on a convoy of passenger vans travelling under police "
        "escort near Mandori in Lower Kurram, killing at least 42 people, including women and children. Dozens "
        "were wounded. No group accepted responsibility and officials said the attackers escaped into the hills.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            province=KP,
            district="Kurram",
            killed=42,
        ),
    ),
    (
        "test",
        "2025-01-15",
        "newspaper",
        "Polio worker killed in Bajaur",
        "KHAR: A man who had spent nine years taking vaccination teams door to door was shot in the chest as he "
        "rode home from work on Wednesday. His colleagues said he had ignored repeated threats. Police have "
        "registered a case against unknown persons.",
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            province=KP,
            district="Bajaur",
            killed=1,
        ),
    ),
    (
        "test",
        "2023-07-30",
        "wire",
        "Bomb at political rally in Bajaur kills dozens",
        "KHAR, Pakistan (Agencies) - An explosion tore through a workers' convention of the JUI-F in Bajaur on "
        "Sunday, killing 54 people and wounding 83. Investigators said a suicide bomber had been standing near "
        "the stage. IS-K later said its fighter carried out the bombing.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            group="ISKP",
            claimed=True,
            province=KP,
            district="Bajaur",
            killed=54,
            injured=83,
        ),
    ),
    (
        "test",
        "2024-03-26",
        "newspaper",
        "Five Chinese engineers die as bomber hits convoy in Shangla",
        "BESHAM: A car driven by a suicide attacker crashed into a vehicle carrying Chinese engineers to the "
        "Dasu hydropower project in Shangla district on Tuesday. Five Chinese nationals and their Pakistani "
        "driver were killed and the vehicle plunged into a ravine.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            province=KP,
            district="Shangla",
            killed=6,
        ),
    ),
    (
        "test",
        "2025-05-21",
        "newspaper",
        "School bus bombed in Khuzdar",
        "KHUZDAR: A bomb went off beside a bus taking children to an army public school on the outskirts of the "
        "town on Wednesday morning. Five people, including three schoolchildren, died and over 50 were hurt. The "
        "government blamed Fitna al Hindustan; no group has claimed it.",
        dict(
            event_type="attack",
            attack_type="bombing",
            group="BLA",
            province=BAL,
            district="Khuzdar",
            killed=5,
            injured=50,
        ),
    ),
    (
        "test",
        "2024-09-10",
        "police_statement",
        "Grenade lobbed at police post in Lakki Marwat",
        'LAKKI MARWAT: "Miscreants threw a grenade into the Pezu police post at 11.15pm and fled on foot. '
        'Two constables received splinter injuries and are out of danger," the district police spokesman said, '
        "adding that search parties were combing nearby villages.",
        dict(
            event_type="attack",
            attack_type="bombing",
            province=KP,
            district="Lakki Marwat",
            killed=0,
            injured=2,
        ),
    ),
    (
        "test",
        "2025-02-04",
        "newspaper",
        "Sikh trader gunned down in Peshawar",
        "PESHAWAR: A Sikh herbal medicine seller was shot dead at his shop in Dabgari on Tuesday. Police said two "
        "young men fired at him and walked away. Members of the community protested outside the provincial "
        "assembly. Daesh later said it was behind the killing.",
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            group="ISKP",
            claimed=True,
            province=KP,
            district="Peshawar",
            killed=1,
        ),
    ),
    (
        "test",
        "2024-04-13",
        "newspaper",
        "Nine bus passengers offloaded and killed in Noshki",
        "NOSHKI: Armed men blocked the national highway near Noshki late on Friday, made passengers step off a "
        "Quetta-Taftan coach and shot dead nine of them after checking their identity cards. Officials blamed "
        "the BLA.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="BLA",
            province=BAL,
            district="Noshki",
            killed=9,
        ),
    ),
    (
        "test",
        "2025-06-02",
        "newspaper",
        "Six employees of mobile company kidnapped in Kech",
        "TURBAT: Gunmen took six technicians of a cellular company from a repair site in Buleda, officials said "
        "on Monday. The men had gone to fix a damaged tower. Relatives appealed for their release.",
        dict(
            event_type="attack",
            attack_type="kidnapping",
            province=BAL,
            district="Kech",
        ),
    ),
    (
        "test",
        "2024-08-01",
        "newspaper",
        "Sui gas pipeline damaged in Dera Bugti blast",
        "SUI: A 24-inch pipeline supplying gas to Punjab was damaged when explosives placed under it went off "
        "near Pir Koh early Thursday. Supply was suspended and the Baloch Republican Guards said they did it. "
        "Police said no one was hurt.",
        dict(
            event_type="attack",
            attack_type="infrastructure_attack",
            province=BAL,
            district="Dera Bugti",
            killed=0,
            injured=0,
        ),
    ),
    (
        "test",
        "2025-03-02",
        "wire",
        "Railway track blown up near Jacobabad",
        "JACOBABAD, Pakistan — A section of the rail line was destroyed by a small bomb before dawn, halting "
        "trains between Sindh and Balochistan for several hours. The Sindhudesh Revolutionary Army claimed the "
        "blast in a message to reporters. No casualties were reported.",
        dict(
            event_type="attack",
            attack_type="infrastructure_attack",
            group="SRA",
            claimed=True,
            province=SINDH,
            district="Jacobabad",
            killed=0,
        ),
    ),
    (
        "test",
        "2024-12-17",
        "ispr",
        "Nineteen khwarij killed in Khyber operations",
        "RAWALPINDI: In separate engagements in the Tirah valley, troops killed 19 khwarij on Monday, the "
        "military said. Arms and explosives were recovered. Security forces remain resolved to root out the "
        "Fitna al Khawarij.",
        dict(
            event_type="security_operation",
            group="TTP",
            province=KP,
            district="Khyber",
            militants_killed=19,
        ),
    ),
    (
        "test",
        "2025-04-27",
        "newspaper",
        "Border infiltration thwarted, 54 militants killed",
        "MIRANSHAH: Troops intercepted a large band of militants crossing from Afghanistan into the Hassan Khel "
        "area of North Waziristan over two nights, the military said, killing 54 of them. It was described as "
        "the largest number killed in a single engagement.",
        dict(
            event_type="security_operation",
            province=KP,
            district="North Waziristan",
            militants_killed=54,
        ),
    ),
    (
        "test",
        "2024-10-19",
        "newspaper",
        "CTD nabs would-be bomber in Rawalpindi",
        "RAWALPINDI: The CTD picked up a young man carrying a suicide jacket near a market in Rawalpindi and "
        "said he had been sent by a TTP commander. A second suspect escaped.",
        dict(
            event_type="security_operation",
            group="TTP",
            province=PUNJAB,
            district="Rawalpindi",
        ),
    ),
    (
        "test",
        "2025-01-22",
        "wire",
        "Pakistani police kill militant commander in Sindh shootout",
        "KARACHI, Pakistan — Counter-terrorism police shot dead a wanted commander of al-Qaeda in the Indian "
        "Subcontinent and his accomplice in a pre-dawn raid on a house in Orangi Town, officials said. Two "
        "officers were wounded.",
        dict(
            event_type="security_operation",
            group="AQIS",
            province=SINDH,
            district="Karachi West",
            militants_killed=2,
            injured=2,
        ),
    ),
    (
        "test",
        "2024-12-16",
        "newspaper",
        "Ten years after APS, a city still grieves",
        "PESHAWAR: A decade has passed since gunmen walked into the Army Public School and killed 147 people, "
        "most of them pupils. Parents gathered at the school on Monday. Some still keep their children's "
        "uniforms. 'We want to know who let this happen,' said one mother.",
        dict(event_type="other"),
    ),
    (
        "test",
        "2025-02-28",
        "newspaper",
        "Mosque blast at Akora Khattak seminary",
        "NOWSHERA: A bomber struck the Darul Uloom Haqqania seminary during Friday prayers, killing its deputy "
        "head and five others. Police said the cleric appeared to have been the intended target.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            province=KP,
            district="Nowshera",
            killed=6,
        ),
    ),
    (
        "test",
        "2024-06-05",
        "newspaper",
        "Kabul blast kills worshippers",
        "KABUL: A bomb hidden in a prayer hall exploded in western Kabul, killing at least eight people, Afghan "
        "officials said. Islamic State Khorasan claimed it. Pakistan condemned the attack.",
        dict(event_type="other"),
    ),
    (
        "test",
        "2025-05-08",
        "newspaper",
        "Drone strikes reported across the Line of Control",
        "MUZAFFARABAD: Residents reported explosions near the Line of Control as tensions with India ran high. "
        "Officials said Indian drones had been shot down. Political leaders urged restraint.",
        dict(event_type="other"),
    ),
    (
        "test",
        "2024-02-20",
        "newspaper",
        "PTI attacks election commission over results",
        "ISLAMABAD: PTI leaders launched a fierce attack on the election commission, alleging rigging and "
        "vowing to take to the streets. The commission rejected the charges.",
        dict(event_type="other"),
    ),
    (
        "test",
        "2025-03-20",
        "newspaper",
        "Military courts: Supreme Court reserves verdict",
        "ISLAMABAD: A constitutional bench reserved its verdict on appeals against civilians' trials in military "
        "courts over the May 9 riots, after weeks of hearings.",
        dict(event_type="other"),
    ),
    (
        "test",
        "2024-05-14",
        "newspaper",
        "Father kills daughter over marriage choice",
        "MULTAN: A man shot dead his 19-year-old daughter for marrying against the family's will, police said, "
        "adding he had been arrested.",
        dict(event_type="other"),
    ),
    (
        "test",
        "2024-09-21",
        "newspaper",
        "Gilgit bus attacked, passengers hurt",
        "CHILAS: Unknown gunmen fired on a passenger bus on the Karakoram Highway in Diamer late at night, "
        "wounding 16 people. A truck blocking the road had forced the bus to stop.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            province=GB,
            district="Diamer",
            killed=0,
            injured=16,
        ),
    ),
    (
        "test",
        "2025-07-01",
        "newspaper",
        "Judge's convoy attacked, judge kidnapped in Tank",
        "TANK: A civil judge was taken away by militants who stopped his car on the Tank-DI Khan road. His "
        "guards were disarmed. The TTP later posted a video of the judge and said he was in its custody.",
        dict(
            event_type="attack",
            attack_type="kidnapping",
            group="TTP",
            claimed=True,
            province=KP,
            district="Tank",
        ),
    ),
    (
        "test",
        "2025-08-14",
        "ticker",
        "Quadcopter attack on police station in Bannu",
        "Drone drops explosives on Mandan police station, Bannu. One constable martyred, three hurt.",
        dict(
            event_type="attack",
            attack_type="bombing",
            province=KP,
            district="Bannu",
            killed=1,
            injured=3,
        ),
    ),
    (
        "test",
        "2024-01-08",
        "newspaper",
        "Five policemen guarding polio drive killed in Bajaur blast",
        "KHAR: A roadside device blew up a police truck heading to protect polio vaccinators in Mamund, killing "
        "five policemen and wounding 24. Police blamed Tehreek-i-Taliban Pakistan.",
        dict(
            event_type="attack",
            attack_type="bombing",
            group="TTP",
            province=KP,
            district="Bajaur",
            killed=5,
            injured=24,
        ),
    ),
    (
        "test",
        "2025-09-03",
        "newspaper",
        "Transmission line towers destroyed in Kohlu",
        "KOHLU: Two pylons of the 132kV line were blown up overnight, plunging Kohlu and Barkhan into darkness. "
        "BRAS claimed the sabotage.",
        dict(
            event_type="attack",
            attack_type="infrastructure_attack",
            group="BRAS",
            claimed=True,
            province=BAL,
            district="Kohlu",
        ),
    ),
    (
        "test",
        "2024-04-28",
        "newspaper",
        "Hazara vegetable vendors targeted in Quetta",
        "QUETTA: Two Hazara men who had gone to buy vegetables at the wholesale market were shot dead on Sunday. "
        "Lashkar-e-Jhangvi, which has targeted the community for years, was suspected.",
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            group="LeJ",
            province=BAL,
            district="Quetta",
            killed=2,
        ),
    ),
    (
        "test",
        "2025-10-11",
        "newspaper",
        "Police training school stormed in Dera Ismail Khan",
        "DERA ISMAIL KHAN: Attackers blasted through the gate of the police training school in Ratta Kulachi and "
        "fought policemen for hours. Seven policemen were martyred and six attackers died. Fitna al Khawarij "
        "was blamed by the provincial police chief.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="TTP",
            province=KP,
            district="Dera Ismail Khan",
            killed=7,
            militants_killed=6,
        ),
    ),
    (
        "test",
        "2024-11-30",
        "newspaper",
        "Lashkar-e-Islam men ambush peace committee",
        "LANDI KOTAL: Three members of a local peace committee were killed when Lashkar-e-Islam fighters opened "
        "fire on them in the Tirah valley, elders said.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="LeI",
            province=KP,
            district="Khyber",
            killed=3,
        ),
    ),
    (
        "test",
        "2025-06-25",
        "newspaper",
        "Funds approved for rebuilding attacked police stations",
        "PESHAWAR: The provincial government released Rs900 million for reconstructing police stations damaged "
        "in militant attacks in the southern districts over the past two years.",
        dict(event_type="other"),
    ),
    (
        "test",
        "2023-12-12",
        "newspaper",
        "Militants storm police station in Daraban",
        "DARABAN: Six militants attacked a police station that also housed troops, first ramming a vehicle "
        "laden with explosives into the building. Twenty-three soldiers died. Tehreek-e-Jihad Pakistan claimed "
        "it.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            group="TJP",
            claimed=True,
            province=KP,
            district="Dera Ismail Khan",
            killed=23,
            militants_killed=6,
        ),
    ),
    (
        "test",
        "2024-07-07",
        "newspaper",
        "Karachi police foil plot, four suspects killed",
        "KARACHI: Four suspected members of an outlawed group were killed in an encounter with police near "
        "Manghopir, officials said, claiming the men had planned to attack a procession.",
        dict(
            event_type="security_operation",
            province=SINDH,
            district="Karachi West",
            militants_killed=4,
        ),
    ),
    (
        "test",
        "2025-11-11",
        "wire",
        "Suicide bomber strikes outside Islamabad court",
        "ISLAMABAD, Pakistan — A suicide bomber blew himself up outside a district court complex in the capital's "
        "G-11 sector on Tuesday, killing 12 people and injuring 27, officials said. Jamaat-ul-Ahrar claimed it, "
        "while the main Pakistani Taliban group denied involvement.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            group="JuA",
            claimed=True,
            province=ISB,
            district="Islamabad",
            killed=12,
            injured=27,
        ),
    ),
    (
        "test",
        "2025-04-02",
        "newspaper",
        "Rawalakot: youth killed in cross-border shelling",
        "RAWALAKOT: A young man was killed and two women wounded when mortar shells fired from across the Line "
        "of Control landed in a village, officials said.",
        dict(event_type="other"),
    ),
]


def reports(split: str) -> list[Report]:
    """The hand-written reports of one split, with every label field filled in."""
    from classifiers.data import freeform_attacks, freeform_dev, freeform_other
    from classifiers.data.generate import Report

    out = []
    n = 0
    items = [*_ITEMS, *freeform_attacks.ITEMS, *freeform_other.ITEMS, *freeform_dev.ITEMS]
    for item_split, published, style, title, text, labels in items:
        if item_split != split:
            continue
        n += 1
        fields: dict[str, Any] = {
            "attack_type": None,
            "group": "unknown",
            "claimed": False,
            "province": None,
            "district": None,
            "killed": None,
            "injured": None,
            "militants_killed": None,
        }
        fields.update(labels)
        out.append(Report(f"hand-{split}-{n:03d}", title, text, published, style=style, **fields))
    return out
