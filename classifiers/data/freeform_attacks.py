"""Hand-written, freely phrased attack reports (train split) covering all seven attack types and hard cases."""

from __future__ import annotations

from typing import Any

# Each tuple: split, published (ISO date), style, title, text, labels (keyword arguments of the report).
ITEMS: list[tuple[str, str, str, str, str, dict[str, Any]]] = [
    (
        "train",
        "2025-03-05",
        "newspaper",
        "PM, CM condemn Bannu cantonment attack as toll reaches 18",
        'BANNU: Prime Minister Shehbaz Sharif on Wednesday condemned what he called a "cowardly and '
        'desperate" attack on the Bannu Cantonment, while the Khyber Pakhtunkhwa chief minister announced '
        "Rs1 million in compensation for the family of each civilian who lost their life and ordered the "
        "district administration to rebuild damaged homes.\n\n"
        "The attack began minutes after iftar on Tuesday, when two vehicles packed with explosives were "
        "rammed into the boundary wall of the cantonment near the Bannu airport. The blasts tore a wide "
        "gap in the wall and brought down the roof of a small mosque and several houses built against it. "
        "A group of attackers, some of them wearing suicide vests, then tried to force their way in "
        "through the breach and opened fire on soldiers and passers-by.\n\n"
        "Five soldiers and 13 civilians were killed and 32 people were injured, a security official told "
        "this correspondent on Wednesday. All 16 attackers were killed in an exchange of fire that went "
        "on for several hours into the night, he said, adding that four of the attackers were Afghan "
        "nationals.\n\n"
        '"Most of the injured we received had wounds from flying glass and debris; eleven are in a '
        'serious condition," the medical superintendent of the District Headquarters Hospital said, '
        "appealing to residents to donate blood.\n\n"
        "A spokesman for the Hafiz Gul Bahadur group said in a message to journalists that its fighters "
        "had carried out the attack.\n\n"
        "It was the deadliest assault on a security installation in the district since December 2022, "
        "when militants held in a CTD compound overpowered their guards and took over the building for "
        "two days before 25 of them were killed in an operation.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            group="HGB",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Bannu",
            killed=18,
            injured=32,
            militants_killed=16,
        ),
    ),
    (
        "train",
        "2025-03-12",
        "newspaper",
        "Gunmen seize Jaffar Express in Bolan, hold passengers hostage",
        "QUETTA: Armed men blew up a section of the railway line and forced the Peshawar-bound Jaffar "
        "Express to a halt near a tunnel close to Pehro Kunri in the Bolan Pass on Tuesday afternoon, "
        "taking hundreds of passengers hostage, railway and security officials said.\n\n"
        "The train, with nine coaches and more than 400 people on board, had left Quetta in the morning. "
        "Witnesses who escaped said the attackers walked through the coaches checking identity cards and "
        "separated men in uniform and government employees from the others.\n\n"
        "Security forces surrounded the train and launched a clearance operation that continued through "
        "Wednesday. By evening an official said more than 300 passengers had been rescued and 33 "
        "attackers had been killed. At least 21 passengers and four FC personnel were killed by the "
        "militants, he said, warning that the figure could change once the coaches were searched.\n\n"
        "The Baloch Liberation Army claimed the hijacking in a statement and demanded the release of its "
        "prisoners.\n\n"
        "Rescued passengers were taken by a relief train to Mach, where doctors set up a temporary "
        "medical camp at the station.",
        dict(
            event_type="attack",
            attack_type="hijacking",
            group="BLA",
            claimed=True,
            province="Balochistan",
            district="Kachhi",
            killed=25,
            militants_killed=33,
        ),
    ),
    (
        "train",
        "2025-03-15",
        "follow_up",
        "Funeral prayers held for railway guard killed in Bolan train siege",
        "QUETTA: Funeral prayers for Muhammad Ayub, the guard of the Jaffar Express, were offered at the "
        "railway ground in Quetta on Friday, attended by railway staff, police officials and dozens of "
        "residents.\n\n"
        "Ayub was among 31 passengers and security personnel killed when militants stopped the train near "
        "the Mashkaf tunnel in Kachhi district on Tuesday and held its passengers for more than a day. "
        "Officials had earlier put the toll at 25 but revised it after bodies were recovered from two "
        "coaches and a nearby ravine.\n\n"
        "The Baloch Liberation Army, which the government calls Fitna al Hindustan, had claimed "
        "responsibility for the siege. Train services between Quetta and Peshawar remain suspended.\n\n"
        "Also read: Railways to fit trains on the Bolan route with trackers",
        dict(
            event_type="attack",
            attack_type="hijacking",
            group="BLA",
            claimed=True,
            province="Balochistan",
            district="Kachhi",
            killed=31,
        ),
    ),
    (
        "train",
        "2025-06-18",
        "wire",
        "Bomb derails coaches of Quetta-bound train in Jacobabad; seven hurt",
        "JACOBABAD, Pakistan, June 18 — A bomb planted under the railway line went off as the "
        "Quetta-bound Jaffar Express passed near Jacobabad on Wednesday morning, derailing four coaches "
        "and injuring seven passengers, railway officials said.\n\n"
        "No one was killed, a police officer said, because the train had slowed down on approach to the "
        "station. The injured were taken to the civil hospital.\n\n"
        "The Baloch Republican Guards, a small separatist outfit, said in a statement that it had planted "
        "the device. The same train has been attacked several times in Balochistan and northern Sindh "
        "over the past year.",
        dict(event_type="attack", attack_type="bombing", province="Sindh", district="Jacobabad", killed=0, injured=7),
    ),
    (
        "train",
        "2025-06-09",
        "police_statement",
        "Constable martyred as quadcopter drops explosives on Miryan police station",
        'BANNU: "At about 1:40 in the night, the sentry on duty saw a quadcopter hovering over the Miryan '
        "police station. Within seconds it dropped two explosive devices. One fell in the courtyard near "
        "the barracks and exploded, the other landed on the roof of the store and did not go off. "
        "Constable Irfanullah embraced shahadat on the spot and three of our jawans were injured. Our "
        'personnel opened fire on the drone but it flew off towards the fields in the dark," a Bannu '
        "police spokesman said in a statement on Monday.\n\n"
        '"The bomb disposal squad has defused the second device. The injured have been shifted to the DHQ '
        'hospital and are out of danger. The police of Bannu will not be cowed by such cowardly tactics," '
        "the statement said.\n\n"
        "Police officials said militants had started using small drones fitted with mortar rounds and "
        "grenades against police posts in the southern districts this year.",
        dict(
            event_type="attack",
            attack_type="bombing",
            province="Khyber Pakhtunkhwa",
            district="Bannu",
            killed=1,
            injured=3,
        ),
    ),
    (
        "train",
        "2024-09-22",
        "newspaper",
        "Pylon blown up near Dera Murad Jamali, power cut in several districts",
        "DERA MURAD JAMALI: Unidentified men planted explosives at the base of a 220kV transmission tower "
        "near Dera Murad Jamali in Nasirabad district late on Saturday night, bringing it down and "
        "cutting off electricity to large parts of the Naseerabad division.\n\n"
        "Nobody was hurt as the tower stands in open fields away from the villages, police said. A "
        "spokesman for the Quetta Electric Supply Company said repair teams had been sent under police "
        "escort and supply would be restored within 48 hours.\n\n"
        "Last month three towers were damaged in a similar attack in Jaffarabad, which left two linemen "
        "injured.",
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
        "train",
        "2025-02-19",
        "newspaper",
        "Nine travellers offloaded from buses and shot dead in Barkhan",
        "QUETTA: Balochistan Chief Minister Sarfraz Bugti on Wednesday called the killing of nine "
        'travellers in Barkhan "an act of savagery by Fitna al Hindustan" and said those responsible '
        "would not escape justice. Political parties in Punjab also condemned the killings and demanded "
        "better security on the highways linking the two provinces.\n\n"
        "According to the Barkhan assistant commissioner, about a dozen armed men set up a roadblock on "
        "the N-70 near Rakhni on Tuesday evening and stopped three passenger buses heading to Punjab. "
        "They ordered the passengers out, checked their identity cards and took nine men aside before "
        "shooting them dead. The other passengers were allowed to return to the buses, which drove on to "
        "Rakhni.\n\n"
        "The bodies were shifted to the Rakhni hospital and later sent to their home towns in Punjab. "
        "Levies and FC personnel launched a search in the surrounding hills.\n\n"
        "On Wednesday afternoon a spokesman for the BLA said in a statement that its men had carried out "
        "the attack.\n\n"
        "In August last year, gunmen had killed 23 people after pulling them out of trucks and buses in "
        "Musakhel.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="BLA",
            claimed=True,
            province="Balochistan",
            district="Barkhan",
            killed=9,
        ),
    ),
    (
        "train",
        "2024-02-27",
        "newspaper",
        "Policeman guarding polio team shot dead in Orangi Town",
        "KARACHI: A police constable deployed for the security of a polio vaccination team was shot dead "
        "in Orangi Town on Tuesday morning, police said.\n\n"
        "Constable Abdul Rasheed, 38, was standing outside a house in Sector 11 while two female "
        "vaccinators were giving drops to children inside when two men on a motorcycle pulled up and "
        "fired at him, SSP West said. He was hit in the chest and head and died on the way to hospital. "
        "The vaccinators were not harmed.\n\n"
        "The district health office suspended the campaign in the union council for the day. Police said "
        "the attackers had apparently followed the team from the previous street.",
        dict(event_type="attack", attack_type="targeted_killing", province="Sindh", district="Karachi West", killed=1),
    ),
    (
        "train",
        "2025-01-09",
        "wire",
        "Militants abduct seven engineers in northwest Pakistan",
        "LAKKI MARWAT, Pakistan, Jan 9 — Gunmen stopped a vehicle carrying employees of a state-run "
        "mineral project near Shahbaz Khel in Lakki Marwat district on Thursday and took away seven "
        "engineers and their driver, police said.\n\n"
        "The attackers set the vehicle on fire before leaving with the men towards the hills, the "
        'district police officer said. "We have launched a search with the help of local elders and '
        'security forces," he said.\n\n'
        "A spokesman for the Pakistani Taliban, or Tehreek-e-Taliban Pakistan (TTP), told reporters by "
        "phone that the group was holding the men and would put forward its demands.\n\n"
        "The TTP has stepped up attacks in Khyber Pakhtunkhwa since it ended a ceasefire with the "
        "government in November 2022.",
        dict(
            event_type="attack",
            attack_type="kidnapping",
            group="TTP",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Lakki Marwat",
        ),
    ),
    (
        "train",
        "2024-07-14",
        "newspaper",
        "Six Levies men taken away after check post raided in Kharan",
        "KHARAN: About two dozen armed men overran a Levies check post on the Kharan-Noshki road late on "
        "Saturday and took six personnel away with them, officials said.\n\n"
        "The attackers also seized the post's weapons and a pickup truck and set a room on fire before "
        'leaving. "No shots were exchanged; our men were outnumbered," a Levies official said.\n\n'
        "The deputy commissioner said a search had been launched in the area around Patkin with the help "
        "of the FC. No group has claimed the abductions.",
        dict(event_type="attack", attack_type="kidnapping", province="Balochistan", district="Kharan"),
    ),
    (
        "train",
        "2025-05-13",
        "follow_up",
        "Parachinar market blast: death toll rises to 14",
        "PARACHINAR: The death toll from Saturday's bomb explosion in a crowded vegetable market in "
        "Parachinar rose to 14 on Monday after three more of the injured died in Peshawar hospitals, "
        "officials said.\n\n"
        "Of the 37 people injured, nine are still in a critical condition, the medical superintendent of "
        "the district headquarters hospital said.\n\n"
        "Police said the bomb had been fitted to a motorcycle parked outside a shop and was set off by "
        "remote control. Traders kept markets shut on Monday in protest.\n\n"
        "Kurram has been hit by repeated violence. In November last year, 42 people were killed when "
        "gunmen opened fire on a convoy of passenger vehicles near Bagan, which set off weeks of tribal "
        "clashes.",
        dict(
            event_type="attack",
            attack_type="bombing",
            province="Khyber Pakhtunkhwa",
            district="Kurram",
            killed=14,
            injured=37,
        ),
    ),
    (
        "train",
        "2024-11-19",
        "ispr",
        "Six khawarij killed as attack on post in North Waziristan repulsed: ISPR",
        "RAWALPINDI: On the night of 18/19 November 2024, khawarij attempted to attack a security forces' "
        "post in the general area of Hassu Khel, North Waziristan District.\n\n"
        "Own troops effectively engaged the khawarij and, in the ensuing fire exchange, six khawarij were "
        "sent to hell. However, during the intense exchange of fire, two brave sons of the soil, Havildar "
        "Noor Rehman (age 36, resident of Karak) and Sepoy Waqas Ahmed (age 23, resident of Chakwal), "
        "having fought gallantly, embraced shahadat.\n\n"
        "Sanitisation operation is being carried out to eliminate any other kharji found in the area. "
        "Security forces of Pakistan are determined to wipe out the menace of Fitna al Khawarij from the "
        "country, and such sacrifices of our brave soldiers further strengthen our resolve.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="TTP",
            province="Khyber Pakhtunkhwa",
            district="North Waziristan",
            killed=2,
            militants_killed=6,
        ),
    ),
    (
        "train",
        "2023-05-08",
        "ispr",
        "Three terrorists killed after firing on check post in Makeen",
        "RAWALPINDI, May 8: Terrorists opened fire on a security forces' check post in the Makeen area of "
        "South Waziristan District during the night. The troops responded swiftly and, in the exchange of "
        "fire that followed, three terrorists were killed while their accomplices fled.\n\n"
        "There was no loss of life among own troops. Weapons and ammunition were recovered from the "
        "killed terrorists, who remained actively involved in terrorist activities against security "
        "forces and in the killing of innocent civilians. Locals of the area appreciated the action, the "
        "ISPR said.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            province="Khyber Pakhtunkhwa",
            district="South Waziristan",
            killed=0,
            militants_killed=3,
        ),
    ),
    (
        "train",
        "2025-01-24",
        "ispr",
        "Soldier embraces shahadat as khawarij attack Tirah post",
        "A group of khawarij belonging to Fitna al Khawarij attacked a post of the security forces in the "
        "general area of Tirah, Khyber District, in the early hours of Friday, the Inter-Services Public "
        "Relations said.\n\n"
        "The attack was beaten back by own troops, who responded with precision. Four khawarij were "
        "killed. During the exchange of fire, Naik Shahid Iqbal (age 31, resident of Mansehra) embraced "
        "shahadat, while two soldiers were injured and evacuated to the CMH.\n\n"
        '"Pakistan has consistently asked the interim Afghan government to ensure effective border '
        'management," the statement said, adding that a clearance operation was continuing.',
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="TTP",
            province="Khyber Pakhtunkhwa",
            district="Khyber",
            killed=1,
            injured=2,
            militants_killed=4,
        ),
    ),
    (
        "train",
        "2023-08-17",
        "ispr",
        "Terrorists attack security post in Zhob; five killed, one soldier martyred",
        "ISPR: Terrorists attacked a security forces' post in the Ashewat area of Zhob District, "
        "Balochistan, on the night of 16/17 August. Own troops responded promptly and effectively; in the "
        "ensuing exchange of fire, five terrorists were sent to hell.\n\n"
        "During the exchange, Sepoy Gul Zaman, age 26, resident of Swat, having fought gallantly, "
        "embraced shahadat. Sanitisation of the area is being carried out. Security forces remain "
        "committed to thwarting attempts to sabotage the hard-earned peace of Balochistan.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            province="Balochistan",
            district="Zhob",
            killed=1,
            militants_killed=5,
        ),
    ),
    (
        "train",
        "2025-05-21",
        "ispr",
        "Fitna al Hindustan attack on Buleda post foiled, four terrorists killed",
        "RAWALPINDI: Terrorists of the Indian proxy Fitna al Hindustan attacked a post of the security "
        "forces in the Buleda area of Kech District on the night of 20/21 May.\n\n"
        "Own troops responded befittingly and, in the ensuing heavy exchange of fire, four terrorists "
        "were sent to hell. Three soldiers, Lance Naik Imtiaz Ali, Sepoy Javed Khan and Sepoy Azhar "
        "Mehmood, having fought valiantly, embraced shahadat.\n\n"
        "A sanitisation operation is being conducted to eliminate any other Indian-sponsored terrorist in "
        "the area. The security forces are determined to defeat such nefarious designs, the ISPR said.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="BLA",
            province="Balochistan",
            district="Kech",
            killed=3,
            militants_killed=4,
        ),
    ),
    (
        "train",
        "2024-08-03",
        "ispr",
        "Three khwarij killed in Kulachi after attack on check post",
        "RAWALPINDI — On the night of 2/3 August 2024, khwarij attacked a check post of security forces "
        "near Kulachi, Dera Ismail Khan District, with heavy weapons.\n\n"
        "Own troops responded befittingly and, after an intense exchange of fire, three khwarij were "
        "killed. Two soldiers were injured in the exchange and have been moved to hospital.\n\n"
        "Weapons, ammunition and explosives were also recovered from the khwarij killed, the ISPR said.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="TTP",
            province="Khyber Pakhtunkhwa",
            district="Dera Ismail Khan",
            injured=2,
            militants_killed=3,
        ),
    ),
    (
        "train",
        "2023-09-07",
        "ispr",
        "Two soldiers martyred as terrorists attack border post in Kurram",
        "RAWALPINDI: A group of terrorists from across the border attacked a military post in the Teri "
        "Mangal area of Kurram District in the early hours of Thursday. Own troops responded effectively "
        "and the terrorists suffered heavy losses before retreating.\n\n"
        "During the exchange of fire, two soldiers, Naik Sajjad Hussain and Sepoy Muhammad Ilyas, "
        "embraced shahadat.\n\n"
        "Pakistan expects the interim Afghan government to fulfil its obligations and deny the use of its "
        "soil by terrorists for acts against Pakistan, the ISPR said.",
        dict(
            event_type="attack", attack_type="armed_assault", province="Khyber Pakhtunkhwa", district="Kurram", killed=2
        ),
    ),
    (
        "train",
        "2025-08-12",
        "ispr",
        "Seven khawarij sent to hell after attacking Salarzai post: ISPR",
        "On 12 August, a group of khawarij attacked a security forces' post in Salarzai, Bajaur District. "
        "Own troops engaged the khawarij's location effectively and, after an intense fire exchange, "
        "seven khawarij were sent to hell, the ISPR said in a statement.\n\n"
        "Sanitisation operation is being carried out to eliminate any other khariji present in the area, "
        "as security forces remain determined to wipe out the menace of Indian-sponsored terrorism from "
        "the country.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="TTP",
            province="Khyber Pakhtunkhwa",
            district="Bajaur",
            militants_killed=7,
        ),
    ),
    (
        "train",
        "2024-02-06",
        "police_statement",
        "Two policemen martyred as militants storm Doaba police station",
        'HANGU: "At around 2am, a large group of terrorists armed with rocket launchers, hand grenades '
        "and automatic weapons attacked the Doaba police station from three sides. Our jawans took "
        "positions on the rooftop and in the bunkers and returned fire. The exchange continued for nearly "
        'an hour," the Hangu police said in a statement.\n\n'
        '"Constable Fazal Wahab and Constable Saeedullah embraced martyrdom while three other policemen '
        "were wounded. One terrorist was killed and his body is in police custody; the others fled "
        "towards the hills carrying their injured. Reinforcements reached the spot within minutes and the "
        'area has been cordoned off," the statement added.\n\n'
        "The Tehreek-e-Taliban Pakistan later claimed the attack in a message sent to journalists.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="TTP",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Hangu",
            killed=2,
            injured=3,
            militants_killed=1,
        ),
    ),
    (
        "train",
        "2024-10-18",
        "ticker",
        "Constable shot dead in Chamkani",
        "PESHAWAR: Unknown gunmen shot dead a police constable on duty at a picket in Chamkani late "
        "Thursday and fled on a motorcycle, police said.",
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            province="Khyber Pakhtunkhwa",
            district="Peshawar",
            killed=1,
        ),
    ),
    (
        "train",
        "2023-06-24",
        "newspaper",
        "Sikh shopkeeper shot dead in Peshawar; IS-K claims killing",
        "PESHAWAR: A Sikh shopkeeper was shot dead and his nephew wounded when two men opened fire on "
        "them inside their cosmetics shop in Yakatoot on Friday evening, police said.\n\n"
        "Manmohan Singh, 34, died on the spot. His nephew, who was hit in the arm, was taken to the Lady "
        'Reading Hospital. "The attackers came on foot, fired and walked away into the crowd," a '
        "shopkeeper said.\n\n"
        "The Islamic State Khorasan Province said in a statement on its channels that its men had carried "
        "out the killing.\n\n"
        "Members of the community protested outside the Peshawar Press Club, saying they had repeatedly "
        "asked for protection. In 2022 two Sikh traders were shot dead in Sarband on the outskirts of the "
        "city.",
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            group="ISKP",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Peshawar",
            killed=1,
            injured=1,
        ),
    ),
    (
        "train",
        "2023-08-01",
        "follow_up",
        "Bajaur convention blast toll rises to 54; IS-K claims responsibility",
        "KHAR: The number of people killed in Sunday's suicide bombing at a political workers' convention "
        "in Bajaur's Khar tehsil rose to 54 on Tuesday, officials said, as more of the critically wounded "
        "died in hospitals in Peshawar and Timergara.\n\n"
        "Officials said 130 people had been wounded, 26 of whom were still in a critical condition. "
        "Police had put the toll at 44 on Monday.\n\n"
        "The regional affiliate of the Islamic State, known as IS-K, said in a statement late on Monday "
        "that one of its fighters had detonated an explosive vest among the crowd gathered in a tent.\n\n"
        "Investigators said the bomber had been standing close to the stage.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            group="ISKP",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Bajaur",
            killed=54,
            injured=130,
        ),
    ),
    (
        "train",
        "2023-10-21",
        "newspaper",
        "Two Hazara shopkeepers gunned down in Quetta",
        "QUETTA: Two members of the Hazara community were shot dead at their grocery shop on Sariab Road "
        "on Friday afternoon, police said.\n\n"
        "Two men on a motorcycle stopped outside the shop and one of them fired a pistol at the brothers, "
        "Ali Raza and Muhammad Jawad, before both sped away, a police official said. Both died before "
        "they could be taken to the Civil Hospital.\n\n"
        "Police said the banned Lashkar-e-Jhangvi had claimed responsibility in a handwritten pamphlet "
        "left near the shop.\n\n"
        "Hazara leaders staged a sit-in on the Western Bypass and refused to bury the bodies until the "
        'killers were arrested. "We are being hunted one by one," said a community elder.',
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            group="LeJ",
            claimed=True,
            province="Balochistan",
            district="Quetta",
            killed=2,
        ),
    ),
    (
        "train",
        "2024-04-16",
        "police_statement",
        "Prayer leader shot dead in North Nazimabad; CTD points to LeJ hit squad",
        'KARACHI: "The deceased, Allama Zakir Hussain Naqvi, was the prayer leader of an imambargah in '
        "Block H, North Nazimabad. On Monday night, as he was leaving the imambargah with his guard, two "
        "armed men on a motorcycle opened fire on them. He received four bullets and died on the way to "
        'Abbasi Shaheed Hospital. His guard, Muhammad Akram, was wounded in the leg and is stable," the '
        "Counter Terrorism Department said in a statement.\n\n"
        '"Empty shells of a 9mm pistol have been collected and sent for forensic matching. Initial '
        "investigation indicates that the killing was carried out by a hit squad of the banned "
        "Lashkar-i-Jhangvi, which has been involved in sectarian target killings in the city. Raids are "
        'being conducted," the statement said.',
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            group="LeJ",
            province="Sindh",
            district="Karachi Central",
            killed=1,
            injured=1,
        ),
    ),
    (
        "train",
        "2023-06-05",
        "wire",
        "Counter-terrorism officer shot dead in Karachi, al-Qaeda affiliate claims",
        "KARACHI, Pakistan (June 5) — A counter-terrorism police officer was shot dead outside his home "
        "in Gulshan-e-Iqbal on Monday morning as he left for work, police said.\n\n"
        "Inspector Shafiq Ahmed was hit by at least five bullets fired by two gunmen who were waiting on "
        "a motorcycle, an official said.\n\n"
        "Al-Qaeda in the Indian Subcontinent claimed the killing in a statement posted online, saying the "
        "officer had taken part in raids against its members. The group has claimed few attacks in "
        "Pakistan in recent years.",
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            group="AQIS",
            claimed=True,
            province="Sindh",
            district="Karachi East",
            killed=1,
        ),
    ),
    (
        "train",
        "2024-01-23",
        "newspaper",
        "Motorcycle bomb hits CTD vehicle in Johar Town",
        "LAHORE: A bomb fitted to a parked motorcycle went off as a vehicle of the Counter Terrorism "
        "Department passed through Johar Town on Monday evening, killing a passer-by and injuring four "
        "CTD officials.\n\n"
        "The blast shattered the windows of nearby shops. Rescue 1122 shifted the injured to Jinnah "
        "Hospital, where their condition was stated to be stable.\n\n"
        "A CTD spokesman said a cell of AQIS that had been under watch for several months was behind the "
        "attack and two suspects had been identified from CCTV footage. No group claimed responsibility.",
        dict(
            event_type="attack",
            attack_type="bombing",
            group="AQIS",
            province="Punjab",
            district="Lahore",
            killed=1,
            injured=4,
        ),
    ),
    (
        "train",
        "2023-04-11",
        "wire",
        "Roadside bomb kills three policemen in Mohmand",
        "MOHMAND, Pakistan, April 11 — A roadside bomb struck a police vehicle on patrol in Ghalanai, the "
        "headquarters of the Mohmand tribal district, on Tuesday, killing three policemen and wounding "
        "two, officials said.\n\n"
        "The device had been buried under the road and was detonated by remote control as the vehicle "
        "passed, a police officer said.\n\n"
        "Jamaat-ul-Ahrar, a militant faction that has at times merged with and split from the Pakistani "
        "Taliban, claimed the attack in a message to reporters.",
        dict(
            event_type="attack",
            attack_type="bombing",
            group="JuA",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Mohmand",
            killed=3,
            injured=2,
        ),
    ),
    (
        "train",
        "2023-02-01",
        "follow_up",
        "Police Lines mosque blast: toll climbs to 97 as rescuers clear rubble",
        "PESHAWAR: Rescuers pulled more bodies from the collapsed roof of the mosque inside Peshawar's "
        "Police Lines on Tuesday, raising the death toll from Monday's suicide bombing to 97, officials "
        "said. Most of the dead were policemen who had gathered for the afternoon prayers.\n\n"
        "Lady Reading Hospital spokesman said 221 people had been brought in injured, of whom around 50 "
        "were still admitted.\n\n"
        "Investigators believe the bomber entered the high-security compound in police uniform. A "
        "commander of Jamaat-ul-Ahrar (JuA) claimed the bombing on social media, describing it as revenge "
        "for the killing of the group's founder in Afghanistan last year, while the main TTP's spokesman "
        "said it had nothing to do with it.\n\n"
        "Funeral prayers for 27 policemen were held at the Malik Saad Shaheed Police Lines ground on "
        "Tuesday morning.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            group="JuA",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Peshawar",
            killed=97,
            injured=221,
        ),
    ),
    (
        "train",
        "2023-11-14",
        "newspaper",
        "Two policemen martyred in attack on Shalobar checkpost",
        "BARA: Militants armed with heavy weapons attacked the Shalobar police checkpost in Bara tehsil "
        "of Khyber district late on Monday, killing two policemen, officials said.\n\n"
        "The exchange of fire lasted around 40 minutes before the attackers withdrew towards the "
        "mountains, a police officer said. Head Constable Akbar Khan and Constable Rafiullah lost their "
        "lives.\n\n"
        "The banned Lashkar-e-Islam, which controlled much of Bara before military operations a decade "
        "ago, claimed the attack through a spokesman.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="LeI",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Khyber",
            killed=2,
        ),
    ),
    (
        "train",
        "2024-03-09",
        "police_statement",
        "Three traders abducted near Jamrud, police suspect LeI",
        'JAMRUD: "Three traders of the Karkhano market were returning from Jamrud to Peshawar on Thursday '
        "evening when masked men in two double-cabin vehicles blocked their car near the Jamrud bypass "
        "and took them away at gunpoint. Their families later received a call from an Afghan number "
        "demanding ransom. Our investigation so far points to men of the banned Lashkar-i-Islam, which "
        'has been extorting traders in the area, and raids are being carried out," the Khyber police said '
        "in a statement on Friday.\n\n"
        '"We request the families not to make any payment and to share all information with the police," '
        "the statement said.",
        dict(
            event_type="attack", attack_type="kidnapping", group="LeI", province="Khyber Pakhtunkhwa", district="Khyber"
        ),
    ),
    (
        "train",
        "2023-08-27",
        "wire",
        "Militants kill three policemen in attack on checkpoint near Kohat",
        "KOHAT, Pakistan — Militants attacked a police checkpoint in Darra Adam Khel before dawn on "
        "Sunday, killing three policemen, officials said. Two of the attackers were killed when police "
        "returned fire.\n\n"
        "Tehreek-e-Jihad Pakistan, a group that surfaced this year and has claimed several high-profile "
        "attacks, said its fighters had carried out the raid.\n\n"
        "Police reinforcements were rushed to the area and the Indus Highway was briefly closed to "
        "traffic.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="TJP",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Kohat",
            killed=3,
            militants_killed=2,
        ),
    ),
    (
        "train",
        "2023-12-13",
        "follow_up",
        "Daraban attack toll climbs to 23; Tehreek-i-Jihad Pakistan claims responsibility",
        "DERA ISMAIL KHAN: The number of soldiers martyred in Tuesday's pre-dawn attack on a security "
        "forces' camp in Daraban rose to 23 on Wednesday after two of the injured succumbed to their "
        "wounds, officials said. Around 30 others were still under treatment.\n\n"
        "According to the military, an explosives-laden truck was rammed into the gate of the compound, "
        "which was housed in a school building, and was followed by gunmen who tried to enter. All six "
        "attackers were killed.\n\n"
        "Tehreek-i-Jihad Pakistan claimed the attack, the second it has claimed in the district this "
        "month.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            group="TJP",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Dera Ismail Khan",
            killed=23,
            injured=30,
            militants_killed=6,
        ),
    ),
    (
        "train",
        "2024-05-28",
        "newspaper",
        "Two Rangers men hurt in Latifabad blast",
        "HYDERABAD: A low-intensity bomb went off near a Rangers vehicle in Unit No 8 of Latifabad on "
        "Monday night, injuring two personnel, police said. No one was killed.\n\n"
        "The device, hidden in a shopping bag on the roadside, damaged the vehicle and two motorcycles "
        "parked nearby.\n\n"
        "The Sindhu Desh Revolutionary Army, a banned Sindhi nationalist group, claimed the attack in a "
        "statement sent to local journalists.",
        dict(
            event_type="attack",
            attack_type="bombing",
            group="SRA",
            claimed=True,
            province="Sindh",
            district="Hyderabad",
            killed=0,
            injured=2,
        ),
    ),
    (
        "train",
        "2025-01-16",
        "ticker",
        "Blast damages railway track near Kotri, SRA claims",
        "A blast damaged a section of the railway track near Kotri, Jamshoro, before dawn; no one was "
        "hurt and train traffic was restored by noon. The SRA claimed responsibility.",
        dict(
            event_type="attack",
            attack_type="infrastructure_attack",
            group="SRA",
            claimed=True,
            province="Sindh",
            district="Jamshoro",
            killed=0,
            injured=0,
        ),
    ),
    (
        "train",
        "2023-03-30",
        "newspaper",
        "Gas supply suspended after pipeline blown up in Dera Bugti",
        "DERA BUGTI: Gas supply to a purification plant and several towns was suspended after unknown men "
        "blew up a 16-inch pipeline near Pir Koh late on Wednesday, officials said.\n\n"
        "Flames from the ruptured pipe could be seen from miles away and took several hours to put out, a "
        "Levies official said.\n\n"
        "The Baloch Raji Aajoi Sangar, a coalition of armed Baloch outfits, claimed the blast in a "
        "statement.",
        dict(
            event_type="attack",
            attack_type="infrastructure_attack",
            group="BRAS",
            claimed=True,
            province="Balochistan",
            district="Dera Bugti",
        ),
    ),
    (
        "train",
        "2024-10-26",
        "wire",
        "Gunmen hold coach passengers for hours on Makran Coastal Highway",
        "GWADAR, Pakistan, Oct 26 — Armed men stopped a Karachi-bound passenger coach on the Makran "
        "Coastal Highway near Ormara on Friday evening and held its 34 passengers for nearly five hours, "
        "officials said.\n\n"
        "Two passengers who tried to run were shot dead, a Levies official said. The rest were freed late "
        "at night when the gunmen left on motorcycles, and the coach reached Ormara under escort.\n\n"
        'BRAS said in a statement that its fighters had "taken control" of the highway and the coach.',
        dict(
            event_type="attack",
            attack_type="hijacking",
            group="BRAS",
            claimed=True,
            province="Balochistan",
            district="Gwadar",
            killed=2,
        ),
    ),
    (
        "train",
        "2025-09-14",
        "wire",
        "Militants take over bus near Hoshab, free passengers and burn vehicle",
        "TURBAT, Pakistan — Gunmen took over a passenger bus on the M-8 near Hoshab on Sunday, drove it "
        "off the road and held its 40 passengers for about three hours before letting them go and setting "
        "the bus on fire, officials said.\n\n"
        "Nobody was hurt, a Levies official said.\n\n"
        'The Baloch Liberation Front said its fighters had carried out the operation to "search for state '
        'agents".',
        dict(
            event_type="attack",
            attack_type="hijacking",
            group="BLF",
            claimed=True,
            province="Balochistan",
            district="Kech",
            killed=0,
        ),
    ),
    (
        "train",
        "2023-12-05",
        "newspaper",
        "Bridge blown up in Parom, Panjgur cut off from Kharan road",
        "PANJGUR: A bridge on the road linking Parom with the Kharan highway was destroyed with "
        "explosives overnight, leaving dozens of villages without a road link, officials said.\n\n"
        "The BLF claimed responsibility in a statement issued by its spokesman. Traffic was diverted to a "
        "dirt track.",
        dict(
            event_type="attack",
            attack_type="infrastructure_attack",
            group="BLF",
            claimed=True,
            province="Balochistan",
            district="Panjgur",
        ),
    ),
    (
        "train",
        "2024-06-21",
        "follow_up",
        "BLF claims Mangochar Levies station attack",
        "KALAT: The Baloch Liberation Front on Friday claimed responsibility for Wednesday night's attack "
        "on a Levies station in Mangochar, in which three Levies personnel were killed and two injured.\n\n"
        "The attackers had looted the station's armoury and set its vehicles on fire before leaving, "
        "officials said. Funeral prayers for the three men were offered in Kalat on Thursday.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="BLF",
            claimed=True,
            province="Balochistan",
            district="Kalat",
            killed=3,
            injured=2,
        ),
    ),
    (
        "train",
        "2024-11-10",
        "feature",
        "On a Quetta platform, a morning like any other until the blast",
        "For years the main platform of Quetta's railway station has been where soldiers on leave gather "
        "before the long ride to Punjab and Khyber Pakhtunkhwa. On Saturdays, tea vendors say, the crowd "
        "thickens by eight, when the Jaffar Express is due to leave for Peshawar.\n\n"
        "This Saturday the train had not yet arrived from the yard when a young man with a large bag "
        "walked onto the platform among the waiting passengers. At 8:25am he set off the explosives he "
        "was carrying.\n\n"
        "The blast killed 26 people, among them 14 soldiers, and injured 62, officials said on Sunday. "
        'The roof of the platform shelter collapsed on the crowd. "There were bags, shoes and blood '
        'everywhere," said a railway porter.\n\n'
        "The Baloch Liberation Army claimed the bombing, saying its target had been army personnel.\n\n"
        "Photo: Rescue workers and police examine the site of the blast at the Quetta railway station.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            group="BLA",
            claimed=True,
            province="Balochistan",
            district="Quetta",
            killed=26,
            injured=62,
        ),
    ),
    (
        "train",
        "2024-03-20",
        "wire",
        "Gunmen storm port authority complex in Gwadar, all eight killed",
        "GWADAR, Pakistan, March 20 — Eight gunmen armed with automatic weapons and explosives stormed "
        "the Gwadar Port Authority complex on Wednesday afternoon, the military said, before troops "
        "responded and killed all of them.\n\n"
        "Two soldiers were killed in the fighting, the military's media wing said.\n\n"
        "The Majeed Brigade, the suicide squad of the Baloch Liberation Army, claimed the attack in a "
        "statement. Gwadar's port is a flagship project of the China-Pakistan Economic Corridor.",
        dict(
            event_type="attack",
            attack_type="armed_assault",
            group="BLA",
            claimed=True,
            province="Balochistan",
            district="Gwadar",
            killed=2,
            militants_killed=8,
        ),
    ),
    (
        "train",
        "2024-09-06",
        "ticker",
        "Daesh claims killing of cleric in Mastung",
        "Daesh claims killing of prayer leader shot outside a mosque in Dringarh, Mastung, on Friday.",
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            group="ISKP",
            claimed=True,
            province="Balochistan",
            district="Mastung",
            killed=1,
        ),
    ),
    (
        "train",
        "2024-07-22",
        "follow_up",
        "Hafiz Gul Bahadur faction claims Spinwam roadside bombing",
        "MIRANSHAH: The Hafiz Gul Bahadur faction has claimed responsibility for Monday's roadside "
        "bombing near Spinwam, North Waziristan, in which four soldiers were martyred and two others "
        "wounded.\n\n"
        "In a statement, the group said the bomb had been planted for a convoy returning from a border "
        "post. Security officials said the military had launched a search operation in the area.",
        dict(
            event_type="attack",
            attack_type="bombing",
            group="HGB",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="North Waziristan",
            killed=4,
            injured=2,
        ),
    ),
    (
        "train",
        "2024-12-02",
        "follow_up",
        "Funeral prayers of martyred ASI offered in Charsadda",
        "CHARSADDA: Funeral prayers for Assistant Sub-Inspector Gul Nawaz, who was shot dead near his "
        "home in Shabqadar on Sunday morning, were offered at the Police Lines on Monday with full "
        "official honours.\n\n"
        "The regional police officer, the district police officer and a large number of policemen "
        "attended. ASI Nawaz was on his way to the Shabqadar police station when gunmen on a motorcycle "
        "opened fire on him.\n\n"
        "The Tehrik-e-Taliban Pakistan claimed the killing in a statement on Sunday evening.",
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            group="TTP",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Charsadda",
            killed=1,
        ),
    ),
    (
        "train",
        "2025-11-11",
        "ticker",
        "Suicide blast outside Islamabad courts kills 12",
        "ISLAMABAD: A suicide bomber blew himself up near the gate of the district courts in G-11; 12 "
        "dead, 27 injured, police say.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            province="Islamabad",
            district="Islamabad",
            killed=12,
            injured=27,
        ),
    ),
    (
        "train",
        "2025-03-18",
        "follow_up",
        "Noshki convoy attack: two more FC men succumb, toll rises to five",
        "NOSHKI: Two more Frontier Corps personnel died in hospital in Quetta on Monday, raising to five "
        "the number of people killed when an explosives-laden car was rammed into a bus of an FC convoy "
        "on the RCD highway near Noshki on Sunday.\n\n"
        "Thirty-five people were wounded in the attack, officials said. Gunmen who opened fire on the "
        "convoy after the blast were engaged by the escort, and three of them were killed.\n\n"
        "No group has formally claimed the attack.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            province="Balochistan",
            district="Noshki",
            killed=5,
            injured=35,
            militants_killed=3,
        ),
    ),
    (
        "train",
        "2025-02-28",
        "wire",
        "Suicide bomber strikes seminary in Akora Khattak, killing eight",
        "NOWSHERA, Pakistan, Feb 28 — A suicide bomber struck a seminary in Akora Khattak after Friday "
        "prayers, killing at least eight people including a senior cleric, police said. Twenty others "
        "were wounded.\n\n"
        "The bomber blew himself up in a corridor as the cleric was leaving the mosque with students, the "
        "district police officer said. No one claimed responsibility.\n\n"
        "The provincial government announced three days of mourning.",
        dict(
            event_type="attack",
            attack_type="suicide_bombing",
            province="Khyber Pakhtunkhwa",
            district="Nowshera",
            killed=8,
            injured=20,
        ),
    ),
    (
        "train",
        "2024-04-29",
        "ticker",
        "Girls' school blown up in Wana",
        "WANA: Militants blew up a government girls' primary school on the outskirts of Wana overnight; "
        "the building was empty and nobody was hurt, officials said.",
        dict(
            event_type="attack",
            attack_type="infrastructure_attack",
            province="Khyber Pakhtunkhwa",
            district="South Waziristan",
            killed=0,
            injured=0,
        ),
    ),
    (
        "train",
        "2024-12-11",
        "police_statement",
        "Rockets fired at Gurguri grid station, transformer damaged",
        'KARAK: "Late on Tuesday night unknown terrorists fired two rockets at the 132kV grid station in '
        "Gurguri from the hills to the west. One rocket hit a power transformer, which caught fire, and "
        "the other fell in the open compound. The fire brigade and Rescue 1122 brought the fire under "
        "control after two hours. No staff member or policeman on guard duty was hurt. Police and CTD "
        'teams have started a search of the area," the Karak police said in a statement.\n\n'
        "Electricity supply to parts of Karak and Takht-e-Nasrati remained suspended on Wednesday.",
        dict(
            event_type="attack",
            attack_type="infrastructure_attack",
            province="Khyber Pakhtunkhwa",
            district="Karak",
            killed=0,
            injured=0,
        ),
    ),
    (
        "train",
        "2024-08-26",
        "ticker",
        "Railway track blown up near Sibi",
        "Explosion damages railway track near Kut Mandai, Sibi; Jaffar Express held at Sibi station, "
        "train services to Quetta suspended.",
        dict(event_type="attack", attack_type="infrastructure_attack", province="Balochistan", district="Sibi"),
    ),
    (
        "train",
        "2024-05-03",
        "feature",
        "Torched schools leave Chilas girls with nowhere to study",
        "CHILAS: Two years ago the families of Thak Niat raised money to add two classrooms to the "
        "village girls' school. On Thursday morning they found those classrooms burnt out.\n\n"
        "Unknown men set fire to two girls' schools in the Chilas area of Diamer district during the "
        "night, pouring petrol on doors and furniture, police said. Both buildings were empty and no one "
        "was hurt.\n\n"
        '"Ninety girls studied here. Where do they go now?" asked a teacher standing in the blackened '
        "corridor. The Gilgit-Baltistan chief minister ordered an inquiry and promised the schools would "
        "reopen in tents within a week.\n\n"
        "Police said they had detained four suspects. Nobody claimed responsibility.",
        dict(
            event_type="attack",
            attack_type="infrastructure_attack",
            province="Gilgit-Baltistan",
            district="Diamer",
            killed=0,
            injured=0,
        ),
    ),
    (
        "train",
        "2024-10-02",
        "ticker",
        "Gunmen seize Quetta-Taftan coach near Dalbandin",
        "Gunmen seize passenger coach on the N-40 near Dalbandin, Chagai, holding about 30 passengers; FC "
        "and Levies surround the vehicle.",
        dict(event_type="attack", attack_type="hijacking", province="Balochistan", district="Chagai"),
    ),
    (
        "train",
        "2024-01-18",
        "police_statement",
        "Passenger coaster seized near Sadda, all 14 freed",
        'PARACHINAR: "The coaster was travelling from Parachinar towards Thall with 14 passengers. Near '
        "Sadda, armed men stopped it, one of them took the driver's seat and the vehicle was driven into "
        "a dry nullah, where the passengers were kept inside for about four hours. After the intervention "
        "of tribal elders and the arrival of police and FC, the armed men left on foot. All passengers "
        'were released unharmed and have reached their homes. Nobody was hurt," the Kurram police said in '
        "a statement.\n\n"
        "Police said a case had been registered under the anti-terrorism act and efforts were under way "
        "to trace the culprits.",
        dict(
            event_type="attack",
            attack_type="hijacking",
            province="Khyber Pakhtunkhwa",
            district="Kurram",
            killed=0,
            injured=0,
        ),
    ),
    (
        "train",
        "2025-10-07",
        "newspaper",
        "Militants hold van passengers for hours in Darazinda; soldier on leave found dead",
        "DERA ISMAIL KHAN: Armed militants stopped a passenger van near Darazinda on Monday, took control "
        "of it and drove it into the hills, where its eleven passengers were held until late in the "
        "night, officials said.\n\n"
        "The passengers were freed after the intervention of a local jirga, but the body of one of them, "
        "a soldier on leave who was travelling home, was found near the road on Tuesday morning with "
        "gunshot wounds.\n\n"
        "The van was found abandoned and partly burnt. Police said a search was under way.",
        dict(
            event_type="attack",
            attack_type="hijacking",
            province="Khyber Pakhtunkhwa",
            district="Dera Ismail Khan",
            killed=1,
        ),
    ),
    (
        "train",
        "2024-07-30",
        "follow_up",
        "Bus siege near Wadh ends; two passengers dead",
        "KHUZDAR: Passengers of a Karachi-Quetta bus held by gunmen near Wadh since Sunday night were "
        "freed on Monday afternoon, officials said, but two of them were found dead inside the vehicle.\n\n"
        "The gunmen had stopped the bus on the N-25 and kept its 38 passengers on board while they "
        "blocked the highway with burning tyres. Levies personnel and FC reached the spot on Monday, when "
        "the attackers fled.\n\n"
        "The deputy commissioner said the two dead passengers had been shot. No group has claimed the "
        "siege.",
        dict(event_type="attack", attack_type="hijacking", province="Balochistan", district="Khuzdar", killed=2),
    ),
    (
        "train",
        "2025-04-22",
        "ticker",
        "Two polio workers abducted in Mamund",
        "BAJAUR: Two polio workers abducted by unidentified men in Mamund tehsil while going door to "
        "door; police launch search.",
        dict(event_type="attack", attack_type="kidnapping", province="Khyber Pakhtunkhwa", district="Bajaur"),
    ),
    (
        "train",
        "2023-09-12",
        "newspaper",
        "Militants abduct three Levies personnel near Arandu",
        "CHITRAL: Militants who crossed over from the Afghan side abducted three Levies personnel from a "
        "border post near Arandu on Monday night, officials said.\n\n"
        "The deputy commissioner said a search party had been sent and elders were in contact with people "
        "across the border to secure the men's release. The men belong to Drosh and Ayun.\n\n"
        "Chitral had seen a major incursion last week in which four soldiers were martyred.",
        dict(event_type="attack", attack_type="kidnapping", province="Khyber Pakhtunkhwa", district="Chitral"),
    ),
    (
        "train",
        "2025-08-19",
        "wire",
        "Four telecom workers kidnapped in Surab",
        "QUETTA, Pakistan, Aug 19 — Armed men abducted four employees of a telecommunications company who "
        "had gone to repair a mobile tower in Gidar, Surab district, on Tuesday, officials said.\n\n"
        "Their vehicle was found abandoned near the tower. No one has claimed responsibility, and no "
        "ransom demand has been made, a police official said.",
        dict(event_type="attack", attack_type="kidnapping", province="Balochistan", district="Surab"),
    ),
    (
        "train",
        "2025-01-15",
        "follow_up",
        "Five of seven kidnapped engineers freed in Lakki Marwat",
        "LAKKI MARWAT: Five of the seven engineers abducted by the TTP near Shahbaz Khel last week have "
        "been freed after talks led by a tribal jirga, police said on Wednesday. The other two and their "
        "driver are still being held.\n\n"
        "The men, employees of a state mineral project, were kidnapped on January 9 when militants "
        "stopped their vehicle and set it on fire. The Tehreek-e-Taliban Pakistan had released a video of "
        "the captives asking the government to accept the group's demands.\n\n"
        "The district police officer said the released men had been examined by doctors and handed over "
        "to their families.",
        dict(
            event_type="attack",
            attack_type="kidnapping",
            group="TTP",
            claimed=True,
            province="Khyber Pakhtunkhwa",
            district="Lakki Marwat",
        ),
    ),
    (
        "train",
        "2024-11-27",
        "newspaper",
        "Militants abduct two Border Military Police men near Fort Munro",
        "DERA GHAZI KHAN: Militants abducted two personnel of the Border Military Police from a checkpost "
        "near Fort Munro in the tribal area of Dera Ghazi Khan late on Tuesday, officials said.\n\n"
        "The armed men arrived in two vehicles from the Balochistan side, disarmed the guards and took "
        "the two men with them, a BMP official said.\n\n"
        "The commissioner said search operations had been launched along the Punjab-Balochistan boundary. "
        '"Such an incident has not happened in this area for years," he said.',
        dict(event_type="attack", attack_type="kidnapping", province="Punjab", district="Dera Ghazi Khan"),
    ),
    (
        "train",
        "2023-07-04",
        "ticker",
        "Blast near police van in Khuiratta injures three",
        "KOTLI: Three policemen injured as a bomb goes off near their van in Khuiratta, AJK; area cordoned off.",
        dict(event_type="attack", attack_type="bombing", province="Azad Kashmir", district="Kotli", injured=3),
    ),
    (
        "train",
        "2024-02-14",
        "follow_up",
        "Funeral prayers offered for Levies men killed in Kahan landmine blast",
        "KOHLU: Funeral prayers for two Levies personnel who lost their lives when their vehicle hit a "
        "landmine in Kahan tehsil on Monday were offered in Kohlu on Tuesday.\n\n"
        "The men were on their way to a check post when the mine, planted on an unpaved road, exploded, "
        "officials said. A third man injured in the blast has been shifted to Quetta.",
        dict(event_type="attack", attack_type="bombing", province="Balochistan", district="Kohlu", killed=2, injured=1),
    ),
    (
        "train",
        "2024-08-08",
        "police_statement",
        "Magnetic bomb under SHO's car kills driver in Takht Bhai",
        'MARDAN: "A magnetic device had been stuck under the official vehicle of the SHO Takht Bhai. It '
        "exploded when the vehicle stopped at the Takht Bhai bazaar chowk on Wednesday evening. The "
        "driver, Constable Amjad Ali, embraced shahadat and the SHO was injured and taken to Mardan "
        "Medical Complex, where he is out of danger. The BDS has collected evidence and the CTD has been "
        'asked to join the investigation," the Mardan police said in a statement.',
        dict(
            event_type="attack",
            attack_type="bombing",
            province="Khyber Pakhtunkhwa",
            district="Mardan",
            killed=1,
            injured=1,
        ),
    ),
    (
        "train",
        "2024-10-15",
        "follow_up",
        "Dera Allahyar blast toll rises to seven",
        "DERA ALLAHYAR: The death toll from Sunday's bomb blast in the main bazaar of Dera Allahyar rose "
        "to seven on Tuesday, including two children, after another injured man died in a Larkana "
        "hospital, officials said. Nineteen people were wounded.\n\n"
        "The bomb was hidden in a motorcycle parked near a row of fruit stalls, police said.",
        dict(
            event_type="attack",
            attack_type="bombing",
            province="Balochistan",
            district="Jaffarabad",
            killed=7,
            injured=19,
        ),
    ),
    (
        "train",
        "2023-10-30",
        "ticker",
        "Two policemen martyred in Kabal blast",
        "SWAT: Two policemen martyred, one injured as remote-controlled bomb hits police van in Kabal.",
        dict(
            event_type="attack",
            attack_type="bombing",
            province="Khyber Pakhtunkhwa",
            district="Swat",
            killed=2,
            injured=1,
        ),
    ),
    (
        "train",
        "2025-07-09",
        "newspaper",
        "Grenade hurled at Shahdadpur police station, three constables hurt",
        "SANGHAR: Two men on a motorcycle hurled a hand grenade into the compound of the Shahdadpur "
        "police station late on Tuesday, injuring three constables, police said. No one was killed.\n\n"
        "The grenade exploded near the reporting room, damaging windows and a parked police mobile. The "
        "SSP Sanghar said CCTV footage from the road was being examined.",
        dict(event_type="attack", attack_type="bombing", province="Sindh", district="Sanghar", killed=0, injured=3),
    ),
    (
        "train",
        "2026-01-12",
        "ticker",
        "Off-duty constable gunned down in Lachi",
        "KOHAT: Off-duty constable shot dead by unidentified gunmen on his way home in Lachi; attackers escape.",
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            province="Khyber Pakhtunkhwa",
            district="Kohat",
            killed=1,
        ),
    ),
    (
        "train",
        "2026-02-03",
        "wire",
        "Religious party leader shot dead in Timergara",
        "TIMERGARA, Pakistan, Feb 3 — A local leader of a religious political party was shot dead outside "
        "his home in Timergara, Lower Dir, on Tuesday evening, police said.\n\n"
        "Maulana Abdul Hadi was returning from a mosque when two gunmen opened fire, a police official "
        "said. His son was unhurt. Nobody claimed responsibility for the killing, the third of a local "
        "political figure in the Malakand division in two months.",
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            province="Khyber Pakhtunkhwa",
            district="Lower Dir",
            killed=1,
        ),
    ),
    (
        "train",
        "2026-03-04",
        "newspaper",
        "Interior minister orders crackdown after constable's killing in Tarnol",
        "By Our Correspondent\n\n"
        "ISLAMABAD: The interior minister on Tuesday ordered the capital police to tighten security at "
        "pickets on the city's outskirts and to bring the killers of a young constable to justice \"within "
        'days".\n\n'
        "Constable Sajid Mehmood, 27, was shot dead and his colleague wounded when two men on a "
        "motorcycle opened fire on their picket in Tarnol late on Monday, police said. The attackers "
        "escaped towards the motorway.\n\n"
        '"It was a planned attack on the police; nothing was taken," an officer said. The wounded '
        "constable was taken to the Pakistan Institute of Medical Sciences and is said to be stable.\n\n"
        "Follow us on WhatsApp for the latest updates.",
        dict(
            event_type="attack",
            attack_type="targeted_killing",
            province="Islamabad",
            district="Islamabad",
            killed=1,
            injured=1,
        ),
    ),
]
