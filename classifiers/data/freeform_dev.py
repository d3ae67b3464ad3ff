"""Freely phrased hand-written reports (attacks, operations, hard negatives) for the dev split."""

from __future__ import annotations

from typing import Any

# Each tuple: split, published (ISO date), style, title, text, labels (keyword arguments of the report).
ITEMS: list[tuple[str, str, str, str, str, dict[str, Any]]] = [
    (
        "dev",
        "2025-03-05",
        "newspaper",
        "Eight martyred as suicide bombers storm Bannu cantonment",
        "BANNU: Five soldiers and three civilians were martyred and 20 others wounded when two explosives-laden "
        "vehicles rammed into the boundary wall of the Bannu cantonment shortly after iftar on Tuesday, followed "
        "by a group of heavily armed men who tried to force their way inside.\n\n"
        "Officials said the first vehicle blew up near a gate close to the supply depot, bringing down a long "
        "section of the wall and damaging a mosque and several houses on the other side of the road. Six "
        "attackers who came in through the breach were killed in an exchange of fire that went on for more than "
        'two hours, a security official said. "They were cornered before they could reach the residential '
        'blocks," he said, speaking on condition of anonymity.\n\n'
        "Among the civilians who lost their lives were a woman and her two sons whose house shared a wall with "
        "the cantonment, relatives said outside the District Headquarters Hospital, where an emergency was "
        "declared. The medical superintendent said most of the injured had shrapnel and glass wounds and four "
        "were in critical condition.\n\n"
        "A faction of the Hafiz Gul Bahadur group claimed responsibility in a message sent to reporters in the "
        "evening.\n\n"
        "Bannu has seen a steady rise in violence since 2023. Last month four policemen were killed in an ambush "
        "in Jani Khel, and a checkpost in neighbouring Lakki Marwat came under fire twice in a single week.\n\n"
        "Prime Minister Shehbaz Sharif condemned the attack and praised the troops for what he called their "
        "timely response.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            group="HGB",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Bannu",
            killed=8,
            injured=20,
            militants_killed=6,
        ),
    ),
    (
        "dev",
        "2026-01-03",
        "feature",
        "Militant attacks rose by a third in 2025, says research institute",
        "ISLAMABAD: Pakistan recorded 1,112 militant attacks in 2025, up 34 per cent on the year before, "
        "according to an annual security review released on Friday by an Islamabad-based research institute.\n\n"
        "The attacks killed 1,630 people, 742 of them security personnel, the review says, while security forces "
        "killed more than 2,100 militants in operations across the country. Khyber Pakhtunkhwa bore the brunt, "
        "with 71pc of all incidents, led by North Waziristan, Bannu, Dera Ismail Khan and Lakki Marwat. "
        "Balochistan saw fewer attacks but deadlier ones; a train hijacking in March and a string of highway "
        "ambushes in which passengers were offloaded and shot accounted for a large share of its civilian "
        "deaths.\n\n"
        "Suicide attacks rose to 29 from 22. The report attributes most of the violence in the north-west to the "
        "TTP and factions of the Hafiz Gul Bahadur group, and most of it in Balochistan to the BLA and the BLF.\n\n"
        '"The numbers tell us that operations alone have not reversed the trend," the report\'s lead author said '
        'at its launch. "Policing, courts and the political track have been left behind."\n\n'
        "Punjab and Sindh remained comparatively calm, with 38 and 41 incidents respectively, most of them "
        "low-casualty.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2024-06-10",
        "wire",
        "Suicide blast at Bajaur party convention kills 19",
        "KHAR, Pakistan, June 9 (Frontier Press) — A suicide bomber set off his explosives vest among supporters "
        "gathered for a workers' convention of a religious party in Pakistan's northwestern Bajaur district on "
        "Sunday, killing at least 19 people and wounding 53, officials said.\n\n"
        "The blast tore through a marquee on the outskirts of Khar, the district headquarters, minutes before "
        "the party's provincial chief was due to speak. Eleven of the most seriously wounded were airlifted to "
        "Peshawar, a district emergency officer said.\n\n"
        "The Islamic State Khorasan Province claimed the bombing through its news agency late on Sunday, "
        "accusing the party of backing the government. The group has targeted the same party in the tribal "
        "district before.\n\n"
        "Khyber Pakhtunkhwa's chief minister announced compensation for the families of the dead and ordered an "
        "inquiry into security arrangements at the venue.\n\n"
        "Witnesses said the bomber had walked in with a group of young men from a neighbouring village and sat "
        'near the front rows. "He was chanting the slogans with everyone else," said a local trader who was '
        'hit in the leg. "Then there was a flash and the tent came down on us."\n\n'
        "Doctors at the headquarters hospital in Khar appealed for blood donations as relatives crowded the "
        "emergency ward. Several of the dead were children who had come with their fathers, an official said.\n\n"
        "Bajaur, which borders Afghanistan's Kunar province, was the scene of major military operations between "
        "2008 and 2010. Violence in the district had eased for years but has returned since 2022. In the "
        "neighbouring Mohmand district, three policemen were killed last month, and a bomb in Lower Dir's "
        "Timergara wounded seven people in April.\n\n"
        "Analysts say the group, which regards other religious parties as rivals, has been trying to expand its "
        "presence on the Pakistani side of the border while the Pakistani Taliban focus their attacks on "
        "security forces.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            group="ISKP",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Bajaur",
            killed=19,
            injured=53,
        ),
    ),
    (
        "dev",
        "2024-11-10",
        "follow_up",
        "Quetta railway station blast: toll climbs to 28",
        "QUETTA: The death toll from Saturday's suicide bombing at the Quetta railway station rose to 28 on "
        "Sunday after four more of the wounded succumbed to their injuries at the Civil Hospital, officials said.\n\n"
        "Sixteen of the dead were soldiers who had been waiting on the platform for a Peshawar-bound train; the "
        "other twelve were civilians, among them two railway employees and a tea vendor. Officials had put the "
        "toll at 24 on Saturday night.\n\n"
        "In all, 62 people were injured in the blast, and nine remain in intensive care, a hospital spokesperson "
        "said.\n\n"
        "The banned Baloch Liberation Army claimed responsibility within hours of the attack, saying its bomber "
        "had targeted troops. Train services to and from Quetta stayed suspended for a second day.\n\n"
        "Also read: Security tightened at bus terminals across Balochistan",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            group="BLA",
            claimed=True,
            province="Balochistan",
            district="Quetta",
            killed=28,
            injured=62,
        ),
    ),
    (
        "dev",
        "2025-08-28",
        "ispr",
        "Two soldiers embrace shahadat as suicide bomber targets convoy in Mir Ali",
        "RAWALPINDI, 28 August 2025: On 27 August, khawarij attempted to target a security forces convoy in "
        "general area Mir Ali, North Waziristan District, through a vehicle-borne improvised explosive device. "
        "The khariji suicide bomber rammed his explosive-laden car into one of the vehicles of the convoy.\n\n"
        "As a result of the cowardly act, two brave soldiers, having fought gallantly, embraced shahadat, while "
        "four soldiers sustained injuries and have been evacuated to the nearest medical facility.\n\n"
        "A sanitisation operation is being carried out in the area, and the perpetrators of this heinous act will "
        "be brought to justice. Security forces of Pakistan remain determined to wipe out the menace of "
        "terrorism from the country.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            group="TTP",
            province="Khyber Pakhtunkhwa",
            district="North Waziristan",
            killed=2,
            injured=4,
        ),
    ),
    (
        "dev",
        "2023-10-19",
        "police_statement",
        "Bomber kills constable at gate of Kulachi police station",
        'DERA ISMAIL KHAN: "At around 7:40pm a young man wrapped in a shawl walked towards the main gate of the '
        "Kulachi police station. When Constable Rafiullah challenged him, he detonated the explosives strapped to "
        "his body. Constable Rafiullah was martyred on the spot, while three other personnel on duty at the gate "
        'were wounded and shifted to the DHQ hospital," a police spokesman said in a statement on Thursday.\n\n'
        "The statement said body parts of the bomber had been collected and sent for forensic tests, and that the "
        "reinforced gate had prevented a far larger loss of life.\n\n"
        '"Our jawans stood their ground and foiled the enemy\'s plan," the DPO was quoted as saying. No group '
        "has claimed the attack so far.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            province="Khyber Pakhtunkhwa",
            district="Dera Ismail Khan",
            killed=1,
            injured=3,
        ),
    ),
    (
        "dev",
        "2024-12-16",
        "feature",
        "Ten years on, APS families still ask who failed their children",
        "PESHAWAR: Every December, Shahana Bibi lays out her son's school blazer on his bed. He was 14 when six "
        "gunmen climbed over the back wall of the Army Public School on Warsak Road on the morning of December 16, "
        "2014, and went from classroom to classroom. By the time the siege ended, 147 people, 132 of them "
        "students, were dead.\n\n"
        "The banned Tehreek-e-Taliban Pakistan claimed the massacre the same day, and the attack reshaped the "
        "country's counter-terrorism policy: military courts, the National Action Plan, and a moratorium on "
        "executions lifted within a week.\n\n"
        '"They gave us speeches and a monument," she says. "We asked for the names of the officers who ignored '
        'the threat alerts. Ten years later we are still asking."\n\n'
        "On Monday, students, parents and officials gathered at the school for the anniversary. Candles were lit "
        "along the corridor where the first shots were fired.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2024-02-22",
        "newspaper",
        "Three policemen martyred in Lakki IED blast",
        "By Our Correspondent\n\n"
        "LAKKI MARWAT: Three policemen lost their lives and two others were hurt when a roadside bomb struck "
        "their mobile van near Pezu on Wednesday afternoon.\n\n"
        "The van was returning to the Pezu police station after escorting a convoy of trucks on the Indus "
        "Highway. The district police officer said the device had been planted in a culvert and was set off by "
        'remote control as the vehicle crossed it. "It was a planned ambush. They had studied our movements for '
        'days," he said.\n\n'
        "The injured were taken to the district hospital and later referred to Bannu. No one has claimed the "
        "attack.\n\n"
        "Also read: Two checkposts attacked in Bannu overnight",
        dict(
            event_type="attack",
            attack_type="bombing",
            province="Khyber Pakhtunkhwa",
            district="Lakki Marwat",
            killed=3,
            injured=2,
        ),
    ),
    (
        "dev",
        "2023-08-12",
        "wire",
        "Motorcycle bomb kills four in Chaman market",
        "CHAMAN, Pakistan (Frontier Press) — A bomb fitted to a parked motorcycle exploded in a crowded market "
        "on Mall Road Chaman on Friday, killing four people, including a child, and wounding 12 others, police "
        "said.\n\n"
        "The blast went off outside a row of money-changers' shops shortly after Friday prayers. "
        '"It was a remote-controlled device of about two kilograms," the assistant commissioner told reporters '
        "at the scene.\n\n"
        "There was no immediate claim of responsibility. The border town, which sits on the main crossing "
        "into Afghanistan's Kandahar province, has been tense for months over new travel rules at the Friendship "
        "Gate.",
        dict(
            event_type="attack",
            attack_type="bombing",
            province="Balochistan",
            district="Chaman",
            killed=4,
            injured=12,
        ),
    ),
    (
        "dev",
        "2025-05-22",
        "newspaper",
        "ATC hands death sentence to facilitator of Police Lines mosque bombing",
        "PESHAWAR: An anti-terrorism court on Thursday sentenced a man to death for helping the suicide bomber "
        "who blew himself up inside the Police Lines mosque during Zuhr prayers in January 2023, killing more "
        "than 80 people, most of them policemen.\n\n"
        "The prosecution told the court the convict, a former shopkeeper from Khyber district, had arranged "
        "the bomber's lodging and guided him through the police compound a day before the attack. A co-accused "
        "was acquitted for lack of evidence.\n\n"
        "Defence lawyers said they would appeal in the Peshawar High Court.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2024-09-07",
        "newspaper",
        "Quadcopter drops explosive on house near Miranshah, killing two children",
        "MIRANSHAH: Two children were killed and three members of their family injured on Friday when an "
        "explosive dropped from a quadcopter landed in the courtyard of their house in a village outside "
        "Miranshah, residents and officials said.\n\n"
        '"The children were playing near the door when we heard the buzzing, and then the blast," a neighbour '
        "said by phone. The injured, including the children's mother, were taken to the agency headquarters "
        "hospital.\n\n"
        "A security official blamed Fitna al Khawarij, saying the khawarij had started using cheap commercial "
        "drones to hit checkposts and, increasingly, homes. There was no claim.\n\n"
        "Residents placed the bodies on the Bannu-Miranshah road in protest and demanded protection. "
        "(Photo caption: Elders address protesters beside the bodies of the two children.)",
        dict(
            event_type="attack",
            attack_type="bombing",
            group="TTP",
            province="Khyber Pakhtunkhwa",
            district="North Waziristan",
            killed=2,
            injured=3,
        ),
    ),
    (
        "dev",
        "2023-06-14",
        "ticker",
        "Grenade hurled at Turbat shop; BLF claims",
        "TURBAT: Men on a motorbike lobbed a hand grenade at a mobile phone shop in the main bazaar late "
        "Tuesday. One person hurt, no loss of life. Baloch Liberation Front has claimed responsibility.",
        dict(
            event_type="attack",
            attack_type="bombing",
            group="BLF",
            claimed=True,
            province="Balochistan",
            district="Kech",
            killed=0,
            injured=1,
        ),
    ),
    (
        "dev",
        "2025-01-21",
        "follow_up",
        "Jamaat-ul-Ahrar claims Mohmand blast that killed five peace committee men",
        "MOHMAND: Jamaat-ul-Ahrar on Monday claimed responsibility for the roadside bombing that killed five "
        "members of a local peace committee in Safi tehsil a day earlier.\n\n"
        "In a statement sent to journalists, a spokesman for the faction said the men had been targeted for "
        '"siding with the security forces". The pickup carrying the committee members was hit by an improvised '
        "explosive device on a dirt track on Sunday evening.\n\n"
        "Two others survived with injuries and are being treated at the headquarters hospital in Ghalanai; one "
        "of them is said to be critical. The toll stands at five.",
        dict(
            event_type="attack",
            attack_type="bombing",
            group="JuA",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Mohmand",
            killed=5,
            injured=2,
        ),
    ),
    (
        "dev",
        "2024-05-03",
        "newspaper",
        "Two Rangers hurt in low-intensity blast in Shahdadpur",
        "SANGHAR: Two Rangers personnel were injured when a small bomb hidden in a heap of rubbish went off as "
        "their vehicle passed a crossing in Shahdadpur on Thursday night. Nobody was killed.\n\n"
        "Police said the device was crude, packed with nails and set off with a timer. Hours later a pamphlet "
        "in the name of the Sindhu Desh Revolutionary Army was found pasted on a wall nearby, claiming the "
        'blast and warning "outsiders" to leave Sindh.\n\n'
        "The SRA, a banned Sindhi nationalist outfit, has claimed several similar small explosions near "
        "railway lines and Rangers posts in the interior of the province over the past two years.",
        dict(
            event_type="attack",
            attack_type="bombing",
            group="SRA",
            claimed=True,
            province="Sindh",
            district="Sanghar",
            killed=0,
            injured=2,
        ),
    ),
    (
        "dev",
        "2025-02-14",
        "wire",
        "Suicide bomber strikes ministry in Kabul; IS-K claims",
        "KABUL, Feb 13 (Frontier Press) — A suicide bomber blew himself up at the entrance of a government "
        "ministry in central Kabul on Thursday, killing at least six people and wounding a dozen, a Taliban "
        "government spokesman said.\n\n"
        "IS-K, the regional branch of the Islamic State group, claimed the attack on its Telegram channel.\n\n"
        "In Islamabad, Pakistan's Foreign Office condemned the bombing and said terrorism was a common enemy "
        "of both countries.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2025-06-11",
        "ispr",
        "Four soldiers martyred as khawarij attack post in Makeen",
        "RAWALPINDI: On the night of 10 June, khawarij attacked a security forces post in Makeen, South "
        "Waziristan District. Own troops effectively responded and, in the ensuing intense exchange of fire, "
        "seven khawarij were sent to hell.\n\n"
        "However, during the exchange of fire, four brave sons of the soil, having fought valiantly, embraced "
        "shahadat. A sanitisation operation is being carried out to eliminate any other khariji found in the "
        "area.\n\n"
        "The sacrifices of our brave soldiers further strengthen our resolve.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="TTP",
            province="Khyber Pakhtunkhwa",
            district="South Waziristan",
            killed=4,
            militants_killed=7,
        ),
    ),
    (
        "dev",
        "2025-07-16",
        "newspaper",
        "Seven passengers offloaded from coach and shot dead in Barkhan",
        "BARKHAN: Armed men blocked the N-70 highway near Rakhni on Tuesday night, checked the identity cards "
        "of passengers on a Punjab-bound coach, took seven men off the bus and shot them dead, officials said.\n\n"
        "The assistant commissioner said between ten and twelve attackers had set up a roadblock with burning "
        "tyres. The coach and its remaining passengers were allowed to drive on. The bodies were brought to "
        "the Rakhni hospital; all seven victims were labourers from Dera Ghazi Khan and Rajanpur.\n\n"
        "Jeeyand Baloch, a spokesman for the Baloch Liberation Army, claimed the killings in a statement, "
        'saying the men worked for "state projects".\n\n'
        "Chief Minister Sarfraz Bugti called the killings an attack on Pakistan's unity and said night travel "
        "on the highway would be restricted.\n\n"
        "The driver of the coach, reached by phone in Dera Ghazi Khan, said the men were dressed in shalwar "
        'kameez and carried rifles and rocket launchers. "They climbed on board and asked everyone for their '
        'CNICs. They read the addresses by torchlight and told some of us to step down," he said. "We heard '
        'the firing after we had driven about a hundred metres."\n\n'
        "This is the third such incident on routes linking Balochistan and Punjab this year. In April, nine "
        "passengers were taken off a bus and killed near Noshki, and in February two truck drivers were shot "
        "dead in Kalat after their identity cards were checked.\n\n"
        "Transporters' associations in Punjab announced they would suspend services to Quetta for three days "
        "in protest, and demanded armed escorts for buses travelling at night. Funeral prayers for the victims "
        "are expected to be held in their home towns on Thursday.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="BLA",
            claimed=True,
            province="Balochistan",
            district="Barkhan",
            killed=7,
        ),
    ),
    (
        "dev",
        "2024-04-13",
        "police_statement",
        "Militants attack Takht-e-Nasrati police station, repulsed",
        "KARAK: Police beat back an attack by a group of militants on the Takht-e-Nasrati police station in the "
        "early hours of Saturday, according to a statement from the district police office.\n\n"
        '"The terrorists came from two sides and used heavy and light weapons, including rocket-propelled '
        "grenades. Our men on the roof took up positions and returned fire for about forty minutes, after which "
        'the attackers fled towards the hills," the statement quoted the SHO as saying.\n\n'
        "One constable was wounded in the arm; no one was killed. Tehreek-e-Jihad Pakistan claimed the attack "
        "in a post on social media, which police said they were verifying.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="TJP",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Karak",
            killed=0,
            injured=1,
        ),
    ),
    (
        "dev",
        "2025-01-30",
        "wire",
        "Six Levies men killed in raid on Kalat checkpost",
        "QUETTA, Pakistan — Separatist fighters stormed a Levies checkpost near Mangochar in Balochistan's Kalat "
        "district overnight, killing six personnel and setting two vehicles on fire, officials said on Thursday.\n\n"
        "The attackers also took away weapons from the post before withdrawing into the hills, a Levies "
        "official said. Reinforcements arrived about an hour later.\n\n"
        "BRAS, an alliance of Baloch armed groups, said in an emailed statement that its fighters had carried "
        "out the raid. The Mangochar area has been hit repeatedly; last year 18 people were killed in a highway "
        "attack near Mastung.\n\n"
        "The Levies, a locally recruited force that polices large parts of rural Balochistan, have long "
        'complained of old weapons and too few men. "We had eleven men at that post and two rifles that '
        'worked properly," said a relative of one of the dead, a head constable with 22 years of service.\n\n'
        "The provincial government has been merging Levies areas into the police, a process that officials say "
        "has left some posts under-equipped during the transition. The home department said the post would be "
        "handed over to the Frontier Corps.\n\n"
        "BRAS, formed in 2018, brings together several armed Baloch separatist factions and has in recent years "
        "claimed joint attacks on highways and security installations. The provincial government spokesman "
        'said the attackers would "not escape justice" and that an operation was under way in the hills '
        "around Johan and Harboi.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="BRAS",
            claimed=True,
            province="Balochistan",
            district="Kalat",
            killed=6,
        ),
    ),
    (
        "dev",
        "2024-03-08",
        "ticker",
        "Constable martyred in attack on Rakhi Gaj checkpost",
        "DG KHAN: Militants opened fire on the Rakhi Gaj border military police checkpost overnight. One "
        "constable martyred, two injured. Attack repulsed, search operation under way.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            province="Punjab",
            district="Dera Ghazi Khan",
            killed=1,
            injured=2,
        ),
    ),
    (
        "dev",
        "2025-04-24",
        "newspaper",
        "FO rejects Indian insinuations after attack on tourists in occupied Kashmir",
        'ISLAMABAD: Pakistan on Wednesday rejected as "baseless and irresponsible" Indian statements linking it '
        "to an attack on tourists in Indian-occupied Kashmir, in which gunmen killed 26 people in a meadow near "
        "Pahalgam a day earlier.\n\n"
        "The Foreign Office spokesperson said Pakistan expressed concern at the loss of lives but that New Delhi "
        "had a habit of blaming Islamabad within minutes of any incident. Indian officials have announced a "
        "series of diplomatic measures.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2023-11-28",
        "newspaper",
        "Anti-polio drive halted in Katlang after vaccinator shot dead",
        "MARDAN: The health department suspended the anti-polio campaign in Katlang tehsil on Tuesday, hours "
        "after a female vaccinator was shot dead while going door to door in a village.\n\n"
        "Her police guard was also hit and is being treated at the Mardan Medical Complex. Police said two men on "
        "a motorcycle fired at the team from close range and escaped through the fields.\n\n"
        '"She had been doing this work for nine years. Everyone in the village knew her," her brother said.\n\n'
        "No group has claimed responsibility. Polio teams in the province have been attacked several times this "
        "year, including in Bajaur and Bannu.",
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            province="Khyber Pakhtunkhwa",
            district="Mardan",
            killed=1,
            injured=1,
        ),
    ),
    (
        "dev",
        "2024-08-19",
        "newspaper",
        "Prayer leader shot dead in Orangi Town; CTD suspects LeJ cell",
        "KARACHI: The prayer leader of an imambargah was shot dead and his nephew wounded near their home in "
        "Orangi Town on Sunday night, police said.\n\n"
        "The cleric, 56, was returning from evening prayers on foot when two gunmen on a motorcycle opened fire. "
        "He died on the way to the Abbasi Shaheed Hospital.\n\n"
        "A senior CTD officer said the killing bore the hallmarks of earlier sectarian attacks by Lashkar-e-Jhangvi "
        'cells in the city\'s western districts. "The weapon, the route, the timing; it matches," he said. '
        "Nobody has claimed the killing.\n\n"
        "Follow us on WhatsApp for the latest updates.",
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            group="LeJ",
            province="Sindh",
            district="Karachi West",
            killed=1,
            injured=1,
        ),
    ),
    (
        "dev",
        "2023-07-02",
        "police_statement",
        "Sikh trader gunned down in Peshawar; Daesh claims",
        'PESHAWAR: "Manmohan Singh, 38, was sitting at his shop in Namak Mandi at about 11am when two men '
        "arrived on foot, one of whom fired several shots at him with a pistol. He died at the scene. The "
        'accused fled through a narrow street," the city police said in a statement.\n\n'
        "Police said CCTV footage from the bazaar was being examined. Later in the day, Daesh claimed the killing "
        'through its Amaq outlet, calling the victim a "polytheist".\n\n'
        "Members of the Sikh community gathered outside the provincial assembly demanding protection.",
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            group="ISKP",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Peshawar",
            killed=1,
        ),
    ),
    (
        "dev",
        "2025-10-04",
        "follow_up",
        "TTP claims killing of DSP and guard in Darra Adamkhel",
        "KOHAT: The banned Tehreek-e-Taliban Pakistan has claimed responsibility for Thursday's ambush in which "
        "a deputy superintendent of police and his guard were killed in Darra Adamkhel.\n\n"
        'In a message to journalists, the group\'s spokesman said the officer had been "on our list" for '
        "years. The DSP, 48, had survived a bomb attack on his car in 2021.\n\n"
        "Funeral prayers for both men were held at the Police Lines in Kohat on Friday, attended by the regional "
        "police officer and the deputy commissioner.",
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            group="TTP",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Kohat",
            killed=2,
        ),
    ),
    (
        "dev",
        "2024-05-25",
        "ticker",
        "Journalist shot dead in Khuzdar",
        "KHUZDAR: Local journalist shot dead by unknown gunmen outside his home on Friday evening. Police say "
        "motive being investigated; press club announces three days of mourning.",
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            province="Balochistan",
            district="Khuzdar",
            killed=1,
        ),
    ),
    (
        "dev",
        "2023-10-17",
        "ticker",
        "Pakistan's attack toothless in 0-3 defeat",
        "ISLAMABAD: Pakistan's attack failed to register a single shot on target as the hosts went down 3-0 to "
        "Tajikistan in their World Cup qualifier at Jinnah Stadium.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2024-01-09",
        "newspaper",
        "Three gas company workers kidnapped near Sui",
        "DERA BUGTI: Gunmen intercepted a vehicle of a contractor working for a gas company near Pir Koh on "
        "Monday and took away three employees, officials said. The driver was beaten and left at the roadside.\n\n"
        "Levies and FC personnel launched a search in the surrounding hills. A Levies official said the "
        "kidnappers had not made contact yet.\n\n"
        "The company has suspended field work in the area. Gas installations around Sui and Loti have been "
        "targeted repeatedly over the years.",
        dict(
            event_type="attack",
            attack_type="kidnapping",
            province="Balochistan",
            district="Dera Bugti",
        ),
    ),
    (
        "dev",
        "2023-09-21",
        "police_statement",
        "Seven labourers abducted in Bara",
        'BARA: "Seven labourers working on the construction of a water supply scheme in the Akakhel area were '
        'taken away at gunpoint late on Wednesday by a group of about fifteen armed men," police said in a '
        "statement.\n\n"
        "The statement said Lashkar-e-Islam militants, who still move in parts of the Tirah valley, were "
        "suspected. The group has not commented. Elders of the area have formed a jirga to negotiate the "
        "release of the men.",
        dict(
            event_type="attack",
            attack_type="kidnapping",
            group="LeI",
            province="Khyber Pakhtunkhwa",
            district="Khyber",
        ),
    ),
    (
        "dev",
        "2025-11-05",
        "wire",
        "Three Levies men abducted near Nokkundi",
        "QUETTA, Nov 5 (Frontier Press) — Armed men abducted three Levies personnel from a checkpost near "
        "Nokkundi in Chagai district overnight and set the post on fire, officials said on Wednesday.\n\n"
        "No group has claimed the abductions. A local official said Baloch separatists were suspected. The "
        "district, which borders Iran and Afghanistan, is home to the Reko Diq and Saindak mining projects.",
        dict(
            event_type="attack",
            attack_type="kidnapping",
            province="Balochistan",
            district="Chagai",
        ),
    ),
    (
        "dev",
        "2024-07-30",
        "ticker",
        "Two NADRA staffers kidnapped in Doaba",
        "HANGU: Two employees of NADRA's mobile registration van kidnapped by armed men in Doaba. Police raids "
        "continue.",
        dict(
            event_type="attack",
            attack_type="kidnapping",
            province="Khyber Pakhtunkhwa",
            district="Hangu",
        ),
    ),
    (
        "dev",
        "2024-06-13",
        "newspaper",
        "Opposition launches blistering attack on budget",
        "ISLAMABAD: Opposition lawmakers launched a scathing attack on the federal budget in the National "
        'Assembly on Wednesday, calling it "a death warrant for the salaried class".\n\n'
        "The opposition leader said the new taxes on pensions and mobile phones would hit the poorest hardest, "
        "while the finance minister defended the measures as the price of the IMF programme. The session was "
        "adjourned amid slogans.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2025-03-13",
        "newspaper",
        "Train siege in Bolan ends; 25 passengers and guards dead, all attackers killed",
        "QUETTA: Security forces on Wednesday evening ended the siege of the Jaffar Express near the Mashkaf "
        "tunnel in Bolan, more than 30 hours after militants blew up the track, stopped the Peshawar-bound train "
        "and took its passengers hostage.\n\n"
        "Officials said 21 passengers and four Frontier Corps personnel had been killed by the hostage-takers, "
        "while all 31 attackers were killed in the final assault. More than 300 passengers were freed, many of "
        "whom walked for hours along the track to the nearest station at Panir. Several others were wounded.\n\n"
        "The Baloch Liberation Army claimed the hijacking on Tuesday, saying its fighters, including members of "
        "its Majeed Brigade, were holding the passengers and demanding the release of prisoners.\n\n"
        'Survivors described being separated into groups by the attackers. "They checked our cards and took '
        'the soldiers aside," said one man who was travelling to Rawalpindi.\n\n'
        "The attack was the first hijacking of a passenger train in the country's history.\n\n"
        "The train, carrying about 440 people, left Quetta on Tuesday morning. Shortly after it entered the "
        "tunnel area, a blast damaged the track and the engine came to a halt. Armed men who had been waiting on "
        "the hillside opened fire on the carriages and then went through the train.\n\n"
        "Women, children and elderly passengers were released in batches on the first night. An official said "
        "the attackers had suicide bombers sitting among the hostages, which slowed the rescue. Snipers from the "
        "special services group were brought in before the final assault on Wednesday afternoon.\n\n"
        "Relief trains brought the freed passengers to Mach and Quetta, where relatives waited at the station "
        "with lists of names. Railway officials said services on the route would remain suspended until the "
        "track had been repaired and inspected.\n\n"
        "The Jaffar Express has been targeted before: a bomb on the track near Sibi injured 11 passengers in "
        "2023, and the service was suspended for weeks last year after a bridge was damaged in Kalat division.",
        dict(
            event_type="attack",
            attack_type="hijacking",
            group="BLA",
            claimed=True,
            province="Balochistan",
            district="Kachhi",
            killed=25,
            militants_killed=31,
        ),
    ),
    (
        "dev",
        "2024-04-18",
        "wire",
        "Gunmen hijack coach on coastal highway, free passengers after six hours",
        "GWADAR, Pakistan (Frontier Press) — Gunmen stopped a Karachi-bound passenger coach on the Makran Coastal "
        "Highway near Ormara on Wednesday night, drove it off the road into the hills and held its 14 passengers "
        "for about six hours before letting them go, police said.\n\n"
        "All the passengers were released unharmed and nobody was killed, a police official said, adding that "
        "the attackers took the passengers' phones and the coach's documents before disappearing. The empty "
        "vehicle was found at dawn. No group has claimed the incident.",
        dict(
            event_type="attack",
            attack_type="hijacking",
            province="Balochistan",
            district="Gwadar",
            killed=0,
            injured=0,
        ),
    ),
    (
        "dev",
        "2023-12-03",
        "follow_up",
        "Hijacked bus passengers freed near Chilas; death toll rises to three",
        "CHILAS: Two more bodies were recovered on Saturday from the valley where militants had driven a "
        "hijacked passenger bus a day earlier, taking the death toll to three, police said.\n\n"
        "The Rawalpindi-bound bus was taken over on the Karakoram Highway near Thak Niat on Friday afternoon by "
        "men who forced the driver to turn into a side valley. One passenger was shot dead there. Police and "
        "army troops freed the remaining passengers after a stand-off at night. Six people were injured and are "
        "in hospital in Chilas.\n\n"
        "The Gilgit-Baltistan government has announced a judicial inquiry.",
        dict(
            event_type="attack",
            attack_type="hijacking",
            province="Gilgit-Baltistan",
            district="Diamer",
            killed=3,
            injured=6,
        ),
    ),
    (
        "dev",
        "2024-09-15",
        "police_statement",
        "Four killed in firing over land dispute in Daska",
        'SIALKOT: "Two rival groups exchanged fire over a long-standing dispute about agricultural land in a '
        "village near Daska on Saturday. Four persons, including two brothers, were killed and three were "
        'injured," a police spokesman said.\n\n'
        "The spokesman said cases had been registered against 14 nominated suspects and raids were being "
        "conducted. The families have been feuding since 2019.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2023-05-19",
        "newspaper",
        "Pylons blown up near Dera Murad Jamali",
        "NASIRABAD: Two high-tension electricity pylons were blown up with explosives near Dera Murad Jamali "
        "late on Thursday, cutting power to large parts of the Naseerabad division, officials said. No one was "
        "hurt.\n\n"
        "The power company said repair teams could not reach the site until security was cleared. Supply was "
        "partly restored through an alternate line by Friday afternoon.",
        dict(
            event_type="attack",
            attack_type="infrastructure_attack",
            province="Balochistan",
            district="Nasirabad",
            killed=0,
            injured=0,
        ),
    ),
    (
        "dev",
        "2025-06-02",
        "ticker",
        "Gas pipeline blown up near Lehri",
        "SIBI: Unidentified men blow up a section of the main gas pipeline near Lehri; supply to parts of Sibi "
        "and Kachhi suspended, repair work begins.",
        dict(
            event_type="attack",
            attack_type="infrastructure_attack",
            province="Balochistan",
            district="Sibi",
        ),
    ),
    (
        "dev",
        "2024-10-28",
        "wire",
        "Militants torch NADRA office, bank and mobile tower in Kharan",
        "KHARAN, Pakistan (Frontier Press) — Dozens of militants entered Kharan town on Sunday night and set fire "
        "to the NADRA office, a branch of a bank and a mobile phone tower before withdrawing, the deputy "
        "commissioner said.\n\n"
        'No one was hurt in the attack, he said. Officials blamed "terrorists", but no group had claimed it by '
        "Monday. Mobile and internet services in the town remained suspended.",
        dict(
            event_type="attack",
            attack_type="infrastructure_attack",
            province="Balochistan",
            district="Kharan",
            killed=0,
            injured=0,
        ),
    ),
    (
        "dev",
        "2023-04-27",
        "police_statement",
        "Railway track damaged by blast near Daharki",
        'GHOTKI: "A portion of the main railway line near Daharki was damaged by an explosion at about 3am. No '
        "train was passing at the time and no one was injured. Train traffic was suspended for five hours while "
        'the track was repaired," the SP Railways said in a statement on Thursday.\n\n'
        "He said a bomb disposal squad had collected remains of the device for examination.",
        dict(
            event_type="attack",
            attack_type="infrastructure_attack",
            province="Sindh",
            district="Ghotki",
            killed=0,
            injured=0,
        ),
    ),
    (
        "dev",
        "2025-06-18",
        "newspaper",
        "Six killed as LPG cylinder explodes in Multan shop",
        "MULTAN: Six people were killed and nine injured when a gas cylinder exploded at a shop refilling LPG "
        "cylinders in a crowded market near Chowk Kumharan on Tuesday, Rescue 1122 said.\n\n"
        "The blast brought down the roof of the shop and damaged three adjoining buildings. Initial reports on "
        "social media spoke of a bomb, but the bomb disposal squad said the explosion was caused by a leaking "
        "cylinder, and police ruled out sabotage.\n\n"
        "The district administration sealed 17 illegal refilling outlets in the city later in the day.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2025-05-19",
        "ispr",
        "Four terrorists killed in IBO in Buleda",
        "RAWALPINDI, 19 May 2025: On 18 May 2025, security forces conducted an intelligence based operation in "
        "general area Buleda, Kech District, on the reported presence of terrorists belonging to Fitna al "
        "Hindustan.\n\n"
        "During the conduct of the operation, own troops effectively engaged the terrorists' location and, after "
        "an intense exchange of fire, four terrorists were sent to hell. Weapons, ammunition and explosives were "
        "also recovered from the killed terrorists, who remained actively involved in numerous terrorist "
        "activities in the area.\n\n"
        "A sanitisation operation is being conducted to eliminate any other terrorist found in the area.",
        dict(
            event_type="security_operation",
            group="BLA",
            province="Balochistan",
            district="Kech",
            militants_killed=4,
        ),
    ),
    (
        "dev",
        "2024-10-26",
        "ispr",
        "Eight khawarij killed, two soldiers martyred in Shewa operation",
        "RAWALPINDI: Security forces conducted an intelligence-based operation in the general area of Shewa, "
        "North Waziristan District, on the reported presence of khawarij.\n\n"
        "During the conduct of the operation, own troops effectively engaged the khawarij location and, after "
        "a heavy exchange of fire, eight khawarij were killed. During the intense exchange of fire, two soldiers "
        "embraced shahadat.\n\n"
        "The area is being cleared, as the security forces are determined to root out the menace of terrorism.",
        dict(
            event_type="security_operation",
            group="TTP",
            province="Khyber Pakhtunkhwa",
            district="North Waziristan",
            killed=2,
            militants_killed=8,
        ),
    ),
    (
        "dev",
        "2023-11-09",
        "newspaper",
        "CTD arrests four suspected AQIS members in Kamoke",
        "GUJRANWALA: The Counter Terrorism Department on Wednesday said it had arrested four suspected members of "
        "Al-Qaeda in the Indian Subcontinent in a raid on a house in Kamoke and recovered explosives, detonators "
        "and a map of a sensitive installation.\n\n"
        "A CTD spokesperson said the men had been under watch for three weeks and were planning to strike "
        '"during the festive season". A case was registered at the CTD police station in Gujranwala.\n\n'
        "The department said it had carried out 412 intelligence-based operations in Punjab this year and "
        "arrested 190 suspects, figures that could not be independently verified.",
        dict(
            event_type="security_operation",
            group="AQIS",
            province="Punjab",
            district="Gujranwala",
        ),
    ),
    (
        "dev",
        "2024-04-06",
        "police_statement",
        "Two suspected militants killed in CTD encounter in Mauripur",
        'KARACHI: "Acting on a tip-off, a CTD team surrounded a compound near Mauripur in the early hours of '
        "Friday. The suspects opened fire on the team, and in the exchange two terrorists belonging to a banned "
        'outfit were killed, while their two accomplices escaped," the Counter Terrorism Department said in a '
        "statement.\n\n"
        "One CTD official was injured. Two Kalashnikovs, hand grenades and a suicide jacket were recovered, the "
        "statement added.",
        dict(
            event_type="security_operation",
            province="Sindh",
            district="Keamari",
            injured=1,
            militants_killed=2,
        ),
    ),
    (
        "dev",
        "2025-08-12",
        "ispr",
        "Infiltration bid foiled in Kurram, five khwarij killed",
        "RAWALPINDI, 12 August 2025: Security forces observed movement of a group of khwarij trying to "
        "infiltrate through the Pakistan-Afghanistan border in general area Kurram District. Own troops "
        "effectively engaged the infiltrating khwarij and, after a precise engagement, five khwarij were killed "
        "and their infiltration bid was foiled.\n\n"
        "Pakistan expects the interim Afghan government to ensure effective border management on its side and "
        "to deny the use of its soil by khwarij for acts of terrorism against Pakistan.",
        dict(
            event_type="security_operation",
            group="TTP",
            province="Khyber Pakhtunkhwa",
            district="Kurram",
            militants_killed=5,
        ),
    ),
    (
        "dev",
        "2025-12-02",
        "newspaper",
        "Two would-be suicide bombers held in Islamabad raid",
        "ISLAMABAD: Police and the CTD arrested two would-be suicide bombers from a rented room in Tarnol on "
        "Monday night, the capital police chief told a news conference on Tuesday.\n\n"
        "He said the suspects, aged 19 and 22, had been trained in Afghanistan by Daesh and were waiting for "
        "instructions to strike a place of worship in the city. Two suicide vests and a pistol were recovered.\n\n"
        "Security in the federal capital was raised after last month's blast outside the district courts.",
        dict(
            event_type="security_operation",
            group="ISKP",
            province="Islamabad",
            district="Islamabad",
        ),
    ),
    (
        "dev",
        "2024-07-12",
        "police_statement",
        "Gilgit police arrest three over plot to target Muharram procession",
        'GILGIT: "Three suspects were arrested from a house in Jutial during a raid carried out on the basis of '
        "intelligence reports. Explosive material, two pistols and sketches of the Muharram procession route "
        'were recovered from their possession," the Gilgit police said in a statement.\n\n'
        "A police official said the suspects had links with a militant network operating from the tribal "
        "districts of Khyber Pakhtunkhwa. Security for the procession has been increased.",
        dict(
            event_type="security_operation",
            province="Gilgit-Baltistan",
            district="Gilgit",
        ),
    ),
    (
        "dev",
        "2023-09-04",
        "ticker",
        "CTD kills three TTP terrorists near Kundian",
        "MIANWALI: CTD says three terrorists of the banned TTP killed in an exchange of fire near Kundian; "
        "explosives, weapons recovered. No CTD casualties.",
        dict(
            event_type="security_operation",
            group="TTP",
            province="Punjab",
            district="Mianwali",
            killed=0,
            militants_killed=3,
        ),
    ),
    (
        "dev",
        "2024-03-21",
        "newspaper",
        "Major martyred, five BLF militants killed in Mastung operation",
        "MASTUNG: An army major was martyred and five militants of the Baloch Liberation Front were killed in an "
        "operation in the Dasht area of Mastung on Wednesday, security officials said.\n\n"
        "The officials said the militants were holed up in a cave and the major was leading the assault team "
        "when he was hit. Weapons and communication equipment were recovered.\n\n"
        "The officer, who belonged to Chakwal, was laid to rest in his village with full military honours on "
        "Thursday.",
        dict(
            event_type="security_operation",
            group="BLF",
            province="Balochistan",
            district="Mastung",
            killed=1,
            militants_killed=5,
        ),
    ),
    (
        "dev",
        "2025-09-24",
        "follow_up",
        "Tirah operation concludes: 11 militants killed, two soldiers martyred",
        "PESHAWAR: Security forces concluded a three-day operation in the Tirah valley of Khyber district on "
        "Tuesday, officials said, putting the final toll at 11 militants killed and two soldiers martyred. On "
        "Sunday the military had reported six militants killed.\n\n"
        "The militants belonged to the Pakistani Taliban, whom the state calls Fitna al Khawarij, the officials "
        "said. Residents who had moved to Bara during the fighting have been allowed to return.",
        dict(
            event_type="security_operation",
            group="TTP",
            province="Khyber Pakhtunkhwa",
            district="Khyber",
            killed=2,
            militants_killed=11,
        ),
    ),
    (
        "dev",
        "2024-11-16",
        "police_statement",
        "AJK police arrest two with explosives in Khuiratta",
        'KOTLI: "The CTD wing of AJK police arrested two suspects near Khuiratta and recovered 4kg of '
        "explosives, a remote control device and a hand grenade. The suspects were planning to carry out "
        'sabotage activities in Kotli," a police statement said on Saturday.\n\n'
        "The statement did not name the group the suspects belonged to. A case has been registered under the "
        "Anti-Terrorism Act.",
        dict(
            event_type="security_operation",
            province="Azad Kashmir",
            district="Kotli",
        ),
    ),
    (
        "dev",
        "2023-06-28",
        "wire",
        "Sindh CTD arrests three SRA operatives in Latifabad",
        "HYDERABAD, Pakistan (Frontier Press) — The Counter Terrorism Department in Sindh said on Tuesday it had "
        "arrested three members of the Sindhu Desh Revolutionary Army (SRA) in a raid in Latifabad, and "
        "recovered timers and explosive material.\n\n"
        "A CTD official said the men were involved in small blasts along railway tracks in Hyderabad and "
        "Jamshoro districts earlier this year, which caused damage but no casualties.",
        dict(
            event_type="security_operation",
            group="SRA",
            province="Sindh",
            district="Hyderabad",
        ),
    ),
    (
        "dev",
        "2024-02-09",
        "newspaper",
        "KP cabinet approves Rs7bn for CTD, new police posts in south",
        "PESHAWAR: The Khyber Pakhtunkhwa cabinet on Thursday approved Rs7 billion for the provincial Counter "
        "Terrorism Department, including funds for anti-drone systems, night-vision equipment and 1,200 new "
        "posts.\n\n"
        "The cabinet also approved 40 new police checkposts in the southern districts, where militants have "
        "stepped up attacks on police this year, and a raise in compensation for the families of martyred "
        "policemen.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2025-10-12",
        "wire",
        "Afghan forces shell Kurram border villages; Pakistan responds",
        "PARACHINAR, Pakistan, Oct 12 (Frontier Press) — Afghan Taliban forces fired mortar shells at border "
        "villages in Kurram district overnight, killing two civilians, local officials said, prompting Pakistani "
        "troops to return fire at Afghan border posts.\n\n"
        "The exchange, the second this month, followed a dispute over fencing near Borki. Markets in Parachinar "
        "remained shut on Sunday.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2025-08-05",
        "feature",
        "What's in a name: why the state now says 'khawarij'",
        'When the military\'s media wing began referring to the Pakistani Taliban as "Fitna al Khawarij" in '
        "mid-2024, the change was more than cosmetic. A government notification directed officials to drop "
        '"Tehreek-e-Taliban Pakistan" from official communication, and television channels followed.\n\n'
        "The term recalls an early Islamic sect that rebelled against the caliphate, and officials say it "
        'denies the group any religious legitimacy. Baloch armed groups got a similar label, "Fitna al '
        'Hindustan", a year later.\n\n'
        'Analysts are split. "Renaming does not change who is fighting in Bannu and Waziristan," said a '
        "Peshawar-based researcher. Others argue the language matters in a war for public opinion.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2023-05-08",
        "newspaper",
        "Two children killed as old mortar shell explodes in Mamund",
        "BAJAUR: Two children were killed and a third injured on Sunday when an old mortar shell they had found "
        "in a field exploded in the Mamund area, police said.\n\n"
        "The children had been grazing goats and carried the rusted shell home, a relative said. The bomb "
        "disposal unit said unexploded ordnance from the fighting of 2008 to 2010 was still being found in the "
        "area after heavy rains.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2026-02-11",
        "ticker",
        "Veteran politician dies of heart attack",
        "LAHORE: Former federal minister and six-time MNA passes away after suffering a heart attack at his "
        "residence; funeral at Model Town tomorrow.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2024-01-28",
        "newspaper",
        "Eight Pakistani labourers shot dead in Iran's Saravan",
        "ISLAMABAD: Eight Pakistani labourers were shot dead by unknown gunmen in a house where they lived near "
        "Saravan in Iran's Sistan-Baluchestan province, the Foreign Office said on Sunday.\n\n"
        "The men, most of them from Punjab's southern districts, worked at a car repair workshop. Pakistan "
        "asked Tehran to investigate and arrange the repatriation of the bodies through the Taftan border.",
        dict(event_type="other"),
    ),
    (
        "dev",
        "2023-08-21",
        "newspaper",
        "Shopkeeper shot dead for resisting robbery in Gulshan-e-Iqbal",
        "KARACHI: A shopkeeper was shot dead by two robbers when he resisted a robbery at his grocery store in "
        "Gulshan-e-Iqbal on Sunday night, police said.\n\n"
        "The suspects took cash and mobile phones and fled on a motorcycle. It was the 61st killing during a "
        "street crime in the city this year, according to police data.",
        dict(event_type="other"),
    ),
]
