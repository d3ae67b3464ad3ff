"""Casualty extraction on hand-written reports in the styles Pakistani outlets use."""

from __future__ import annotations

import pytest

from classifiers.casualties import Casualties, extract_casualties

# (id, title, body, (killed, injured, militants_killed)); 0 = the report says nobody, None = no figure
CASES: list[tuple[str, str, str, tuple[int | None, int | None, int | None]]] = [
    # --- plain newspaper leads --------------------------------------------------------------
    (
        "digits-killed-and-injured",
        "Blast rocks Quetta market",
        "QUETTA: At least 12 people were killed and 30 injured when a bomb planted on a motorcycle "
        "went off in a crowded market on Sariab Road on Tuesday evening, police said.",
        (12, 30, None),
    ),
    (
        "words-killed-and-injured",
        "",
        "Five people were killed and eleven others wounded in a remote-controlled blast near a "
        "Levies checkpost in Kachhi district.",
        (5, 11, None),
    ),
    (
        "hyphenated-number-lost-lives",
        "Twenty-one labourers lose lives in Duki attack",
        "Twenty-one coal miners lost their lives and a dozen sustained injuries when armed men stormed "
        "their quarters in Duki late on Thursday night.",
        (21, 12, None),
    ),
    (
        "a-policeman-martyred",
        "Cop martyred in Bajaur",
        "A policeman was martyred when unidentified gunmen opened fire on a polio vaccination team "
        "in Bajaur's Mamund tehsil on Monday.",
        (1, None, None),
    ),
    (
        "soldiers-and-a-civilian",
        "",
        "Two soldiers and a civilian were killed when terrorists ambushed a convoy in Lakki Marwat.",
        (3, None, None),
    ),
    (
        "category-sum-martyred",
        "",
        "Three soldiers and two civilians were martyred after militants attacked a check post in the "
        "Datta Khel area of North Waziristan.",
        (5, None, None),
    ),
    (
        "killing-list-with-passer-by",
        "",
        "Gunmen riding a motorcycle opened fire on a police mobile in Dera Ismail Khan, killing four "
        "policemen and a passer-by, officials said.",
        (5, None, None),
    ),
    (
        "killing-and-injuring",
        "",
        "The blast killed at least seven people and injured 22 others, a rescue official said.",
        (7, 22, None),
    ),
    (
        "killing-injuring-participles",
        "",
        "A suicide bomber struck a police van in Peshawar, killing three constables and injuring eight passers-by.",
        (3, 8, None),
    ),
    (
        "nearly-and-over",
        "",
        "Nearly 30 people were killed and over 50 were injured in the attack on the weekly market.",
        (30, 50, None),
    ),
    (
        "more-than",
        "",
        "More than 40 worshippers were wounded when the roof of the mosque collapsed after the blast; "
        "at least 11 died on the spot.",
        (11, 40, None),
    ),
    (
        "two-dozen-injured",
        "",
        "Two people were killed and two dozen wounded in a grenade attack on a wedding party in Turbat.",
        (2, 24, None),
    ),
    (
        "embraced-martyrdom",
        "",
        "During the exchange of fire, Naik Abdul Rehman and Sepoy Zafar Iqbal embraced martyrdom.",
        (2, None, None),
    ),
    (
        "personnel-embraced-martyrdom",
        "",
        "Two FC personnel embraced martyrdom while three others sustained injuries when their vehicle "
        "was hit by an IED in Kech.",
        (2, 3, None),
    ),
    (
        "succumbed-is-death",
        "Injured constable succumbs",
        "A police constable who was critically injured in Sunday's attack on a check post in Tank "
        "succumbed to his injuries at a Peshawar hospital on Tuesday.",
        (1, None, None),
    ),
    (
        "dead-ticker",
        "Mastung blast: 9 dead, 17 hurt",
        "",
        (9, 17, None),
    ),
    (
        "headline-kills-injures",
        "Blast kills five, injures 12 in Peshawar",
        "",
        (5, 12, None),
    ),
    (
        "including-subset-not-added",
        "",
        "Twelve people, including four soldiers and two children, were killed in the bombing.",
        (12, None, None),
    ),
    (
        "killing-including-subset",
        "",
        "The explosion tore through the bus, killing 14 passengers, including three women, and injuring 19.",
        (14, 19, None),
    ),
    (
        "of-them-aside",
        "",
        "Six people, two of them policemen, were killed and nine injured in the attack.",
        (6, 9, None),
    ),
    (
        "leaving-dead-and-injured",
        "",
        "Militants fired rockets at the Frontier Corps camp, leaving two dead and five injured.",
        (2, 5, None),
    ),
    (
        "bodies-shifted",
        "",
        "Rescue 1122 said eight bodies and 15 injured were shifted to the District Headquarters Hospital.",
        (8, 15, None),
    ),
    # --- attackers kept apart ------------------------------------------------------------
    (
        "suicide-bomber-also-killed",
        "",
        "Seven people were killed and 20 others wounded in the suicide attack. The bomber was also "
        "killed, police said.",
        (7, 20, None),  # the bomber is no militant killed (label guide)
    ),
    (
        "attackers-killed-retaliatory-fire",
        "",
        "Militants attacked the Zhob cantonment before dawn. Three attackers were killed in retaliatory "
        "fire, while two soldiers were martyred.",
        (2, None, 3),
    ),
    (
        "security-forces-killed-terrorists",
        "",
        "Security forces killed 8 terrorists during an intelligence-based operation in North "
        "Waziristan; two soldiers were martyred in the exchange of fire.",
        (2, None, 8),
    ),
    (
        "including-attackers-subtracted",
        "",
        "Twelve people, including three attackers, were killed in the assault on the bank.",
        (9, None, 3),
    ),
    (
        "all-attackers-neutralised",
        "Four terrorists killed as attack on Bannu cantonment repulsed",
        "All four terrorists were neutralised by the troops, while one soldier was martyred and "
        "four were injured, the military said.",
        (1, 4, 4),
    ),
    (
        "both-attackers-killed",
        "",
        "Both attackers were killed by the guards before they could enter the building.",
        (None, None, 2),
    ),
    (
        "suicide-bomber-blew-himself-up",
        "",
        "The suicide bomber blew himself up near the gate of the police lines, killing two constables.",
        (2, None, None),  # the bomber is no militant killed (label guide)
    ),
    (
        "troops-killed-three-of-them",
        "",
        "The terrorists opened fire on the post; troops responded swiftly and killed three of them.",
        (None, None, 3),
    ),
    # --- ISPR-style press releases ------------------------------------------------------
    (
        "ispr-sent-to-hell",
        "Eight khawarij sent to hell in Tank IBO",
        "Security forces conducted an intelligence-based operation in Tank district on the reported "
        "presence of khawarij. During the conduct of the operation, own troops effectively engaged "
        "the khawarij location and, as a result, eight khawarij were sent to hell, the ISPR said.",
        (None, None, 8),
    ),
    (
        "ispr-martyred-and-hell",
        "",
        "Rawalpindi: During an intense exchange of fire, six khawarij were sent to hell, while two "
        "soldiers, having fought gallantly, embraced shahadat. Sanitisation operation is being carried "
        "out to eliminate any other khawarij found in the area.",
        (2, None, 6),
    ),
    (
        "ispr-indian-sponsored",
        "",
        "Security forces successfully neutralised five Indian-sponsored terrorists of Fitna al "
        "Hindustan in Kech district, the military's media wing said.",
        (None, None, 5),
    ),
    (
        "ispr-khawarij-killed-one-soldier",
        "",
        "Following an intense exchange of fire, 11 khawarij were killed. However, Lance Naik Ahmed, "
        "a brave son of the soil, having fought gallantly, was martyred.",
        (1, None, 11),
    ),
    (
        "ispr-lance-naik-singular",
        "",
        "Following an intense exchange of fire, 11 khawarij were killed, while a soldier was martyred.",
        (1, None, 11),
    ),
    # --- revised tolls and follow-ups -------------------------------------------------------
    (
        "toll-rises-title-and-body",
        "Quetta blast death toll rises to 54",
        "The death toll from Monday's suicide bombing at the railway station rose to 54 on Wednesday "
        "after six more injured succumbed to their wounds at the Civil Hospital.",
        (54, None, None),
    ),
    (
        "toll-climbs-over-earlier-figure",
        "",
        "Initially, 20 people were reported killed in the blast. By Tuesday morning the toll had "
        "climbed to 31, hospital officials said.",
        (31, None, None),
    ),
    (
        "number-of-dead-risen",
        "",
        "The number of dead has risen to 17 while 40 people are still being treated for injuries, "
        "the health department said.",
        (17, None, None),
    ),
    (
        "raising-the-toll",
        "",
        "Two more of the injured died overnight, raising the death toll to nine.",
        (9, None, None),
    ),
    (
        "toll-and-injured-count",
        "Peshawar mosque blast: toll reaches 100",
        "The death toll from the blast in the Police Lines mosque reached 100 on Tuesday, while the "
        "number of injured rose to 221.",
        (100, 221, None),
    ),
    (
        "title-and-body-repeat-not-summed",
        "Five soldiers martyred in Kurram attack",
        "Five soldiers were martyred when terrorists attacked a border post in Kurram district, the "
        "ISPR said.\n\nThe military said the five soldiers fought bravely.",
        (5, None, None),
    ),
    (
        "also-killed-added",
        "",
        "Three soldiers were martyred and two others injured in an attack on a check post in "
        "Dera Ismail Khan.\n\nA civilian was also killed in the crossfire, officials said.",
        (4, 2, None),
    ),
    (
        "title-total-plus-body-breakdown",
        "Four killed in DI Khan attack",
        "Three soldiers were martyred in an attack on a check post in Dera Ismail Khan.\n\n"
        "A civilian was also killed in the crossfire, officials said.",
        (4, None, None),
    ),
    (
        "two-more-martyred-added",
        "",
        "Two policemen were martyred in the attack on the Kulachi police station.\n\nLater, another "
        "policeman succumbed to his wounds in hospital.",
        (3, None, None),
    ),
    # --- none / not mentioned --------------------------------------------------------------
    (
        "no-casualties",
        "Grenade hurled at police station in Bannu",
        "Unknown miscreants hurled a hand grenade at the Mandan police station late on Saturday. "
        "No casualties were reported.",
        (0, 0, None),
    ),
    (
        "no-one-hurt",
        "",
        "A rocket fired from the mountains landed in an open field near the Wana bazaar. No one was hurt, police said.",
        (0, 0, None),
    ),
    (
        "no-loss-of-life-but-injured",
        "",
        "A bomb exploded near a transformer in Quetta. There was no loss of life, but three people were injured.",
        (0, 3, None),
    ),
    (
        "killed-and-none-injured",
        "",
        "A lawyer was gunned down outside his home in Quetta. No one else was injured.",
        (1, 0, None),
    ),
    (
        "nothing-reported",
        "Railway track blown up in Sibi",
        "Unidentified men blew up a section of the railway track near Sibi, suspending train services to Quetta.",
        (None, None, None),
    ),
    (
        "scores-is-unknown",
        "",
        "Scores of people were injured when a bomb exploded at a political rally in Bajaur.",
        (None, None, None),
    ),
    # --- distractors ---------------------------------------------------------------------
    (
        "age-not-count",
        "",
        "A 35-year-old shopkeeper was shot dead in Karachi's Orangi Town on Tuesday.",
        (1, None, None),
    ),
    (
        "date-and-time-not-count",
        "",
        "On March 5, at about 10:30pm, two Levies personnel were martyred when their post was attacked near Panjgur.",
        (2, None, None),
    ),
    (
        "dated-year-is-this-event",
        "",
        "On Tuesday, March 5, 2024, a remote-controlled bomb killed four policemen in Kohat.",
        (4, None, None),
    ),
    (
        "corps-unit-not-count",
        "",
        "The commander of 11 Corps visited the injured soldiers. Three soldiers were injured in the "
        "IED blast in Khyber on Friday.",
        (None, 3, None),
    ),
    (
        "money-and-distance",
        "",
        "The attack took place 20 kilometres from Gwadar. The provincial government announced Rs1 million "
        "for each of the four labourers killed in the attack.",
        (4, None, None),
    ),
    (
        "background-year-ignored",
        "Five killed in Bajaur blast",
        "Five people were killed in a blast at a market in Bajaur on Sunday.\n\n"
        "In 2023, a suicide bombing at a political convention in the same district killed 63 people.",
        (5, None, None),
    ),
    (
        "background-month-after",
        "",
        "Two soldiers were martyred in an IED blast in North Waziristan on Monday.\n\n"
        "The attack came a month after a suicide bomber killed 12 soldiers in Bannu.",
        (2, None, None),
    ),
    (
        "background-earlier-this-month",
        "",
        "Gunmen killed a police constable in Lakki Marwat on Thursday.\n\n"
        "Earlier this month, another attack on a police station in the district killed six policemen.",
        (1, None, None),
    ),
    (
        "background-aps",
        "",
        "Three people were injured in a cracker attack in Peshawar on Saturday.\n\n"
        "The city has a long history of violence; militants stormed the Army Public School in 2014, "
        "killing 147 people, mostly children.",
        (None, 3, None),
    ),
    (
        "background-statistics",
        "",
        "A soldier was martyred in a gun attack in Kech.\n\n"
        "According to data compiled by a think tank, 245 security personnel were killed in militant "
        "attacks in the province this year.",
        (1, None, None),
    ),
    (
        "in-another-incident",
        "",
        "Two soldiers were martyred in an attack in South Waziristan on Sunday. In another incident, "
        "four people were killed in a blast in Kurram.",
        (2, None, None),
    ),
    # --- wire copy and police statements -----------------------------------------------------
    (
        "wire-copy-reuters-style",
        "Gunmen kill 23 after checking passengers' IDs in Pakistan",
        "QUETTA, Pakistan, Aug 26 - Gunmen in southwestern Pakistan forced passengers off buses and "
        "trucks, checked their identity cards and shot dead 23 people, officials said on Monday.",
        (23, None, None),
    ),
    (
        "police-statement",
        "",
        "According to the SHO, the deceased constable was on duty at the check post when the assailants "
        "opened fire. One constable was killed and another was injured, he said.",
        (1, 1, None),
    ),
    (
        "police-encounter-ctd",
        "",
        "The CTD said four terrorists were killed in an exchange of fire in Mianwali, while a CTD "
        "official sustained injuries.",
        (None, 1, 4),
    ),
    (
        "dacoits-are-not-victims",
        "",
        "Two suspects were killed in an encounter with police in Larkana, while a constable was wounded.",
        (None, 1, 2),
    ),
    (
        "one-of-the-attackers",
        "",
        "One of the attackers was killed when police returned fire; the others fled.",
        (None, None, 1),
    ),
    (
        "died-in-hospital",
        "",
        "Five people died on the spot and four more died in hospital, taking the death toll to nine.",
        (9, None, None),
    ),
    (
        "claimed-lives",
        "",
        "The blast claimed the lives of six people, including a child, and left 14 others wounded.",
        (6, 14, None),
    ),
    (
        "claimed-n-lives",
        "",
        "The attack claimed 18 lives and left dozens injured.",
        (18, None, None),
    ),
    (
        "relative-clause-subject",
        "",
        "Two police constables, who were escorting a polio team, were martyred in the attack.",
        (2, None, None),
    ),
    (
        "multi-sentence-injured-and-also",
        "Three martyred, seven injured in Chaman blast",
        "Three people were martyred and seven others injured when a bomb exploded near a Levies "
        "vehicle in Chaman on Wednesday.\n\nThe injured were shifted to the district hospital, where "
        "two of them were stated to be in critical condition.",
        (3, 7, None),
    ),
    (
        "lives-lost",
        "",
        "Seven lives were lost in the firing, the deputy commissioner said.",
        (7, None, None),
    ),
    (
        "ticker-terse",
        "Kurram: 3 FC men martyred, 5 terrorists killed",
        "",
        (3, None, 5),
    ),
    (
        "death-toll-stands",
        "",
        "The death toll in Friday's blast in the Mastung mosque now stands at 60, officials said.",
        (60, None, None),
    ),
    (
        "militants-hideout-raid-no-victims",
        "",
        "Security forces raided a militant hideout in Khyber and killed six terrorists, the ISPR said. "
        "No casualties among the troops were reported.",
        (0, 0, 6),
    ),
    (
        "gunmen-martyr-two",
        "Gunmen martyr two cops in Dera Ismail Khan",
        "",
        (2, None, None),
    ),
    (
        "injured-critically",
        "",
        "Two soldiers were critically injured when a quadcopter dropped a mortar shell on their post.",
        (None, 2, None),
    ),
    # --- further reports: follow-ups, articles, edge wording -------------------------------
    (
        "background-a-day-earlier",
        "Policeman martyred in Tank",
        "A policeman was martyred in Tank on Sunday.\n\nA day earlier, five soldiers were martyred "
        "in an IED blast in South Waziristan.",
        (1, None, None),
    ),
    ("including-high-value-target", "", "Six terrorists, including a high-value target, were killed.", (None, None, 6)),
    ("dead-included-no-count", "", "The dead included two children and a woman.", (None, None, None)),
    ("headline-toll-climbs", "Death toll in Bannu attack climbs to 18", "", (18, None, None)),
    ("offloaded-and-shot", "", "Eleven passengers were offloaded from buses and shot dead.", (11, None, None)),
    (
        "martyring-officials",
        "",
        "Terrorists attacked a vehicle of the Counter-Terrorism Department, martyring three officials.",
        (3, None, None),
    ),
    ("left-a-soldier-dead", "", "The firing left a soldier dead and two wounded.", (1, 2, None)),
    ("officer-and-his-guard", "", "A senior police officer and his guard were killed in the ambush.", (2, None, None)),
    (
        "named-victim-after-verb",
        "",
        "Gunmen on a motorbike killed Maulana Abdul Haq outside his seminary in Chaman.",
        (1, None, None),
    ),
    (
        "toll-from-last-weeks-attack",
        "",
        "The toll from last week's attack on the Jaffar Express has risen to 31, officials said.",
        (31, None, None),
    ),
    (
        "bodies-recovered-toll",
        "",
        "Two more bodies were recovered from the rubble, taking the death toll to 12.",
        (12, None, None),
    ),
    (
        "dead-and-injured-with-aside",
        "",
        "The attack left three people dead, including a child, and 12 injured.",
        (3, 12, None),
    ),
    ("several-injured-unknown", "", "At least four people were killed and several injured.", (4, None, None)),
    (
        "martyred-soldiers-adjective",
        "",
        "The bodies of the three martyred soldiers were sent to their native towns.",
        (3, None, None),
    ),
    ("one-killed-two-injured", "", "One policeman was killed and two were injured in the attack.", (1, 2, None)),
    (
        "nationals-among-five-killed",
        "Two Chinese nationals among five killed in Besham suicide attack",
        "",
        (5, None, None),
    ),
    (
        "engineers-and-their-driver",
        "",
        "Five Chinese engineers and their Pakistani driver were killed when a suicide bomber "
        "rammed his car into their convoy.",
        (6, None, None),
    ),
    (
        "militants-and-soldiers-headline",
        "Pakistan says 12 militants killed after attack on army base that killed 23 soldiers",
        "",
        (23, None, 12),
    ),
    (
        "attackers-killed-a-guard",
        "",
        "He said the attackers killed a guard and injured two passers-by before being shot dead by police.",
        (1, 2, None),
    ),
    (
        "headline-soldiers-and-terrorists",
        "2 soldiers martyred, 4 terrorists killed in Balochistan IBO",
        "",
        (2, None, 4),
    ),
    (
        "terrorists-and-a-soldier",
        "",
        "Two terrorists were killed and a soldier martyred in an exchange of fire in Kalat.",
        (1, None, 2),
    ),
    (
        "injured-three-critically",
        "",
        "Police said that 10 people were injured, three of them critically.",
        (None, 10, None),
    ),
    (
        "time-of-blast",
        "",
        "The blast, which took place at around 9am, killed two people and wounded 11.",
        (2, 11, None),
    ),
    ("among-those-killed", "", "A 12-year-old boy was among those killed.", (None, None, None)),
    (
        "martyred-while-officer-injured",
        "",
        "Two soldiers were martyred on Monday while an officer was injured.",
        (2, 1, None),
    ),
    (
        "three-of-the-injured",
        "",
        "The police said that three of the injured were in critical condition.",
        (None, None, None),
    ),
    (
        "fc-soldiers-of-the",
        "Six FC soldiers martyred in Kech IED blast",
        "At least six soldiers of the Frontier Corps were martyred when their vehicle hit a "
        "roadside bomb in Kech district.",
        (6, None, None),
    ),
    (
        "man-and-his-two-sons",
        "",
        "Unknown gunmen opened fire on a car in Peshawar, killing a man and his two sons.",
        (3, None, None),
    ),
    ("sikh-trader", "", "A Sikh trader was shot dead in Peshawar.", (1, None, None)),
    (
        "no-loss-of-life-pipeline",
        "",
        "Militants blew up a gas pipeline in Dera Bugti. No loss of life was reported.",
        (0, None, None),
    ),
    ("policeman-guarding-team", "", "A policeman guarding the polio team was martyred.", (1, None, None)),
    (
        "policemen-on-patrol",
        "",
        "Five policemen who were on patrol near the checkpoint were martyred.",
        (5, None, None),
    ),
    (
        "before-being-gunned-down",
        "",
        "The terrorists killed 10 passengers and injured 15 others before being gunned down by security forces.",
        (10, 15, None),
    ),
    ("mostly-children", "", "Thirteen people, mostly children, were injured.", (None, 13, None)),
    ("among-the-dead", "", "Three people were killed. Among the dead were two policemen.", (3, None, None)),
    ("two-of-injured-died-toll", "Toll rises to 7", "Two of the injured died overnight.", (7, None, None)),
    (
        "later-succumbed-added",
        "",
        "Five people were killed and 12 injured. Later, two of the injured succumbed to their wounds.",
        (7, 12, None),
    ),
    (
        "past-similar-attack-had-killed",
        "KP: 7 cops martyred in Lakki attack",
        "Seven policemen were martyred when terrorists attacked a police van in Lakki Marwat on "
        "Sunday. In 2022, a similar attack in the district had killed 15 policemen.",
        (7, None, None),
    ),
    (
        "article-suicide-convoy",
        "Seven soldiers martyred in North Waziristan suicide attack",
        "NORTH WAZIRISTAN: Seven soldiers were martyred on Saturday when a suicide bomber rammed "
        "an explosives-laden vehicle into a military convoy in Mir Ali, the Inter-Services Public "
        "Relations (ISPR) said.\n\nThe military's media wing said that in the ensuing clearance "
        "operation, six terrorists, including the suicide bomber, were sent to hell.\n\nThe attack "
        "is the latest in a string of assaults on security forces in the region. In March last "
        "year, a similar attack in the same area killed seven soldiers, including two "
        "officers.\n\nPrime Minister Shehbaz Sharif condemned the attack and paid tribute to the "
        "martyrs.",
        (7, None, 6),
    ),
    (
        "article-railway-station",
        "Bomb blast near Quetta railway station kills 26",
        "QUETTA: At least 26 people, including 14 soldiers, were killed and 62 others injured when "
        "a suicide bomber blew himself up at the Quetta railway station on Saturday morning, "
        "officials said.\n\nThe blast occurred at around 8:45am as passengers were waiting for the "
        "Jaffar Express bound for Peshawar.\n\nBalochistan government spokesman said that the "
        "injured had been shifted to the Civil Hospital, where an emergency had been declared. He "
        "said the death toll could rise as several of the injured were in critical "
        "condition.\n\nThe Balochistan Liberation Army (BLA) claimed responsibility for the attack.",
        (26, 62, None),  # the bomber is no militant killed (label guide)
    ),
    (
        "article-railway-followup",
        "Death toll from Quetta railway station blast rises to 32",
        "QUETTA: The death toll from Saturday's suicide bombing at the Quetta railway station rose "
        "to 32 on Monday after six more of the injured succumbed to their wounds, hospital "
        "officials said.\n\nAt least 26 people were killed and 62 others injured in the attack.",
        (32, 62, None),
    ),
    (
        "article-karak-checkpost",
        "Two policemen martyred in Karak attack",
        "KARAK: Two policemen were martyred and a third was injured when unidentified assailants "
        "opened fire on a police checkpost in Karak district late on Tuesday night, police "
        "said.\n\nAccording to the police, the attackers fled under the cover of darkness. A "
        "search operation was launched in the area.\n\nThe martyred policemen were identified as "
        "Constable Ali Khan and Constable Zahid Ahmad.",
        (2, 1, None),
    ),
    (
        "article-ctd-operation",
        "CTD kills four terrorists in Punjab",
        "LAHORE: The Counter-Terrorism Department (CTD) on Wednesday killed four terrorists "
        "affiliated with a banned outfit in an intelligence-based operation in Mianwali district, "
        "a spokesperson said.\n\nThe spokesperson said that the terrorists opened fire on the CTD "
        "team, which returned fire. As a result, four terrorists were killed while their "
        "accomplices managed to escape. No CTD personnel was hurt.",
        (0, 0, 4),
    ),
    (
        "article-polio-worker",
        "Polio worker shot dead in Bajaur",
        "BAJAUR: A polio worker was shot dead and a policeman escorting the team was injured in "
        "the Mamund area of Bajaur on Monday.\n\nThis was the third attack on polio teams in the "
        "district this month, in which a total of five people have been killed.",
        (1, 1, None),
    ),
    (
        "article-parachinar-toll",
        "12 killed in Parachinar convoy attack",
        "PARACHINAR: At least 12 people were killed and 15 wounded when gunmen attacked a convoy "
        "of passenger vehicles in Kurram district on Thursday.\n\nThe death toll later rose to 42, "
        "including women and children, officials said on Friday.\n\nKurram has a long history of "
        "sectarian violence, with clashes in 2007 leaving more than 2,000 people dead.",
        (42, 15, None),
    ),
    (
        "article-zhob-garrison",
        "Militants storm Zhob garrison; 9 soldiers martyred",
        "ZHOB: Nine soldiers embraced martyrdom as heavily armed terrorists attacked the Zhob "
        "garrison in the early hours of Wednesday, the ISPR said.\n\nAll five terrorists were "
        "killed in the response, it added.",
        (9, None, 5),
    ),
    (
        "including-policemen-injured",
        "",
        "PESHAWAR: A bomb planted in a motorcycle exploded near a police van in the provincial "
        "capital on Friday, injuring six people, including three policemen. The police said the "
        "bomb weighed around five kilogrammes.",
        (None, 6, None),
    ),
    (
        "tribal-clash",
        "Five killed as rival groups clash in Kurram",
        "KURRAM: Five people were killed and ten injured as two tribes clashed over a land dispute.",
        (5, 10, None),
    ),
    (
        "injured-none-killed",
        "Blast in Bannu market injures 11",
        "BANNU: At least 11 people, including four children, sustained injuries when an explosive "
        "device went off in a crowded market on Sunday. Police said no one was killed.",
        (0, 11, None),
    ),
    (
        "ispr-attack-repulsed",
        "Terrorists attack FC camp in Panjgur; attack repulsed",
        "PANJGUR: Security forces on Wednesday night repulsed an attack on a Frontier Corps camp "
        "in Panjgur, killing four terrorists, the ISPR said.\n\nIn a statement, the military's "
        "media wing said one soldier embraced shahadat during the exchange of fire.",
        (1, None, 4),
    ),
    (
        "dsp-and-constables",
        "DSP among three cops martyred in Dera attack",
        "DERA ISMAIL KHAN: A deputy superintendent of police (DSP) and two constables were "
        "martyred when terrorists ambushed their vehicle in the Kulachi tehsil on Monday.",
        (3, None, None),
    ),
    (
        "officer-driver-guard",
        "",
        "Gunmen on Tuesday shot and killed a senior police officer, his driver and a guard in "
        "Peshawar, officials said.",
        (3, None, None),
    ),
    (
        "labourers-vehicles-torched",
        "",
        "Two labourers were killed and three others were wounded when militants opened fire on "
        "workers building a road in Kech. The assailants also torched two vehicles.",
        (2, 3, None),
    ),
    ("girl-and-mother", "", "The blast killed a 10-year-old girl and injured her mother, police said.", (1, 1, None)),
    (
        "twin-blasts-total",
        "Twin blasts kill 55 in Mastung and Hangu",
        "At least 55 people were killed in two suicide bombings on Friday. In Mastung, 52 people "
        "were killed when a bomber struck a procession; in Hangu, three worshippers were martyred.",
        (55, None, None),
    ),
    (
        "soldier-and-two-others",
        "IED blast martyrs soldier in Khyber",
        "KHYBER: A soldier embraced martyrdom while two others were injured in an IED blast in "
        "Tirah valley, officials said.",
        (1, 2, None),
    ),
    (
        "bomber-vest-killing-himself",
        "",
        "Police said the bomber detonated his explosive vest at the gate, killing himself and two guards.",
        (2, None, None),  # the bomber is no militant killed (label guide)
    ),
    (
        "earlier-in-the-day-same-area",
        "",
        "In the evening, terrorists fired at a check post, injuring a sepoy. Earlier in the day, "
        "two soldiers were martyred in an IED blast in the same area.",
        (2, 1, None),
    ),
    ("twenty-space-one", "", "Twenty one people were killed in the attack.", (21, None, None)),
    (
        "dozen-and-half-dozen",
        "",
        "The militants killed a dozen soldiers and wounded half a dozen others.",
        (12, 6, None),
    ),
    (
        "among-the-injured-subset",
        "Quetta: 4 killed, 10 hurt in hotel blast",
        "QUETTA: Four people were killed and 10 others were injured in a blast at a hotel on "
        "Jinnah Road on Thursday night. Among the injured were two police officials.",
        (4, 10, None),
    ),
    (
        "bomber-killed-guards-injured",
        "Terror attack on Chinese convoy: two Pakistani guards injured",
        "KARACHI: Two private security guards were injured when a suicide bomber targeted a convoy "
        "of Chinese engineers near the airport. The bomber was killed in the blast. The Chinese "
        "nationals remained safe.",
        (None, 2, None),  # the bomber is no militant killed (label guide)
    ),
    (
        "had-killed-earlier-same-area",
        "",
        "Five soldiers were martyred, the ISPR said on Monday. Earlier on Sunday, security forces "
        "had killed three terrorists in the same area.",
        (5, None, 3),
    ),
    (
        "last-month-and-january",
        "Lakki Marwat: Two cops martyred",
        "Two policemen were martyred on Monday.\n\nLast month, three policemen were martyred in a "
        "similar attack in the district, while in January a suicide bomber killed 11 police "
        "officials.",
        (2, None, None),
    ),
    (
        "killing-its-driver",
        "",
        "A remote-controlled bomb hit a vehicle carrying members of a peace committee, killing its "
        "driver and wounding three members.",
        (1, 3, None),
    ),
    (
        "burns-not-injuries",
        "",
        "Eight people including a child died and 23 suffered burns when the bomb went off.",
        (8, None, None),
    ),
    ("one-and-another", "", "The firing killed one person and injured another.", (1, 1, None)),
    (
        "including-a-woman-forward",
        "",
        "Unidentified armed men killed three people, including a woman, in Kalat.",
        (3, None, None),
    ),
    (
        "bodies-later-found",
        "",
        "At least nine passengers were killed after gunmen forced them off a bus in Zhob; the "
        "bodies were later found in a nearby ravine.",
        (9, None, None),
    ),
    (
        "killed-the-three-terrorists",
        "",
        "The security forces killed the three terrorists who were involved in the attack on the check post.",
        (None, None, 3),
    ),
    (
        "abducted-and-later-killed",
        "",
        "Six miners were abducted and later killed by militants in Harnai.",
        (6, None, None),
    ),
    (
        "fc-lost-their-lives",
        "IED blast kills two FC personnel",
        "Two Frontier Corps personnel lost their lives when an improvised explosive device "
        "exploded near their vehicle in Kech on Sunday.",
        (2, None, None),
    ),
    (
        "brought-dead",
        "",
        "He said 14 people were brought dead to the hospital and 30 injured people were being treated.",
        (14, 30, None),
    ),
    (
        "militants-injured-not-counted",
        "",
        "Police said three terrorists were also injured and escaped.",
        (None, None, None),
    ),
    ("left-martyred-and-injured", "", "The attack left 10 security personnel martyred and 12 injured.", (10, 12, None)),
    (
        "toll-beats-earlier-report",
        "",
        "The death toll of the Peshawar blast has risen to 40. On Monday, 34 had been reported dead.",
        (40, None, None),
    ),
    (
        "crossfire-and-neutralised",
        "",
        "Two civilians were killed in crossfire. Security forces neutralised four terrorists.",
        (2, None, 4),
    ),
    (
        "ispr-and-that-clause",
        "",
        "The military said 12 terrorists were killed and that seven soldiers had embraced martyrdom in the fighting.",
        (7, None, 12),
    ),
    (
        "among-five-people-killed",
        "",
        "A woman and her three children were among five people killed when a mortar shell hit their house.",
        (5, None, None),
    ),
    ("eight-of-them-seriously", "", "The blast injured 35 people, eight of them seriously.", (None, 35, None)),
    (
        "headline-toll-body-figures",
        "Suicide attack on mosque in Peshawar; toll 61",
        "At least 61 people were killed and more than 150 wounded.",
        (61, 150, None),
    ),
    (
        "dead-included-after-total",
        "",
        "Twelve people were killed on Tuesday when a bomb hidden in a vegetable cart exploded in "
        "Parachinar's Eidgah market. The dead included four children.",
        (12, None, None),
    ),
    (
        "hospital-received-bodies",
        "",
        "Hospital officials said they had received 18 bodies and 40 injured.",
        (18, 40, None),
    ),
    ("deaths-of", "", "Police confirmed the deaths of four people.", (4, None, None)),
    ("died-and-were-injured", "", "At least three people died and 16 were injured.", (3, 16, None)),
    (
        "ispr-other-soldiers-injured",
        "Two soldiers martyred as terrorists attack check post in Khyber",
        "Two soldiers were martyred while three terrorists were killed, the ISPR said. Two other "
        "soldiers were injured.",
        (2, 2, 3),
    ),
    (
        "number-of-people-killed",
        "",
        "The number of people killed in Monday's bombing has risen to 23.",
        (23, None, None),
    ),
    (
        "family-wiped-out-unknown",
        "",
        "A 7-member family was wiped out when a mortar hit their house.",
        (None, None, None),
    ),
    ("dash-breakdown-not-added", "", "Six people — four soldiers and two civilians — were killed.", (6, None, None)),
]


@pytest.mark.parametrize(("title", "text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_extract_casualties(title: str, text: str, expected: tuple[int | None, int | None, int | None]) -> None:
    result = extract_casualties(title, text)
    assert (result.killed, result.injured, result.militants_killed) == expected


def test_case_ids_are_unique_and_plenty() -> None:
    ids = [c[0] for c in CASES]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 60


def test_result_shape_and_confidence_range() -> None:
    result = extract_casualties("Two soldiers martyred in Khyber", "Two soldiers were martyred in Khyber.")
    assert isinstance(result, Casualties)
    assert set(result.confidence) == {"killed", "injured", "militants_killed"}
    assert all(0.0 <= v <= 1.0 for v in result.confidence.values())


def test_explicit_number_near_verb_is_more_confident_than_background_fallback() -> None:
    lead = extract_casualties("Blast kills five in Quetta", "Five people were killed in Quetta.")
    late = extract_casualties(
        "Blast in Quetta",
        "A blast hit Quetta.\n\nPolice arrived.\n\nResidents gathered.\n\nFive people were killed.",
    )
    assert lead.killed == late.killed == 5
    assert lead.confidence["killed"] > late.confidence["killed"]


def test_not_mentioned_is_none_and_explicit_none_is_zero() -> None:
    silent = extract_casualties("Attack on tower", "Militants torched a mobile phone tower.")
    none = extract_casualties("Attack on tower", "Militants torched a tower. No one was injured.")
    assert (silent.killed, silent.injured) == (None, None)
    assert none.injured == 0


def test_empty_input() -> None:
    result = extract_casualties("", "")
    assert (result.killed, result.injured, result.militants_killed) == (None, None, None)


def test_frozen() -> None:
    result = extract_casualties("", "Two people were killed.")
    with pytest.raises(AttributeError):
        result.killed = 3  # type: ignore[misc]
