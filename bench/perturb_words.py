"""Word tables for bench/perturb.py: what kind of thing a name is, and which words a
perturbation may exchange.

Written for the benchmark from general knowledge (country and state names, their capitals and
demonyms as any atlas gives them; antonyms and quantifiers from common English usage), never
from the articles the benchmark reads. A table lists a word only where exchanging it changes
the fact for any reader, whatever the sentence.
"""

from __future__ import annotations

# Countries with their capital and demonym(s): "name|capital|demonym,demonym|alias,alias".
# One row is one alias group: a swap never exchanges two names of the same row ("Tokyo" for
# "Japan" is the same country to a reporter).
COUNTRIES = """
Afghanistan|Kabul|Afghan
Albania|Tirana|Albanian
Algeria|Algiers|Algerian
Argentina|Buenos Aires|Argentine,Argentinian
Armenia|Yerevan|Armenian
Australia|Canberra|Australian
Austria|Vienna|Austrian
Azerbaijan|Baku|Azerbaijani
Bahrain|Manama|Bahraini
Bangladesh|Dhaka|Bangladeshi
Belarus|Minsk|Belarusian
Belgium|Brussels|Belgian
Bolivia|La Paz|Bolivian
Bosnia|Sarajevo|Bosnian
Brazil|Brasilia|Brazilian
Bulgaria|Sofia|Bulgarian
Burma|Rangoon|Burmese|Myanmar,Naypyidaw
Cambodia|Phnom Penh|Cambodian
Cameroon|Yaounde|Cameroonian
Canada|Ottawa|Canadian
Chile|Santiago|Chilean
China|Beijing|Chinese|People's Republic of China,PRC
Colombia|Bogota|Colombian
Croatia|Zagreb|Croatian
Cuba|Havana|Cuban
Cyprus|Nicosia|Cypriot
Czech Republic|Prague|Czech
Denmark|Copenhagen|Danish,Dane
Ecuador|Quito|Ecuadorian
Egypt|Cairo|Egyptian
Estonia|Tallinn|Estonian
Ethiopia|Addis Ababa|Ethiopian
Finland|Helsinki|Finnish,Finn
France|Paris|French
Georgia|Tbilisi|Georgian
Germany|Berlin|German
Ghana|Accra|Ghanaian
Greece|Athens|Greek
Guatemala|Guatemala City|Guatemalan
Haiti|Port-au-Prince|Haitian
Honduras|Tegucigalpa|Honduran
Hungary|Budapest|Hungarian
Iceland|Reykjavik|Icelandic
India|New Delhi|Indian
Indonesia|Jakarta|Indonesian
Iran|Tehran|Iranian
Iraq|Baghdad|Iraqi
Ireland|Dublin|Irish
Israel|Jerusalem|Israeli|Tel Aviv
Italy|Rome|Italian
Jamaica|Kingston|Jamaican
Japan|Tokyo|Japanese
Jordan|Amman|Jordanian
Kazakhstan|Astana|Kazakh
Kenya|Nairobi|Kenyan
Kuwait|Kuwait City|Kuwaiti
Latvia|Riga|Latvian
Lebanon|Beirut|Lebanese
Libya|Tripoli|Libyan
Lithuania|Vilnius|Lithuanian
Malaysia|Kuala Lumpur|Malaysian
Mexico|Mexico City|Mexican
Mongolia|Ulaanbaatar|Mongolian
Morocco|Rabat|Moroccan
Nepal|Kathmandu|Nepalese,Nepali
Netherlands|Amsterdam|Dutch|Holland,The Hague
New Zealand|Wellington|New Zealander
Nicaragua|Managua|Nicaraguan
Nigeria|Abuja|Nigerian
North Korea|Pyongyang|North Korean,Korean|Korea,DPRK
Norway|Oslo|Norwegian
Oman|Muscat|Omani
Pakistan|Islamabad|Pakistani
Panama|Panama City|Panamanian
Peru|Lima|Peruvian
Philippines|Manila|Filipino,Philippine
Poland|Warsaw|Polish,Pole
Portugal|Lisbon|Portuguese
Qatar|Doha|Qatari
Romania|Bucharest|Romanian
Russia|Moscow|Russian|Russian Federation
Saudi Arabia|Riyadh|Saudi
Serbia|Belgrade|Serbian,Serb
Singapore|Singapore|Singaporean
Slovakia|Bratislava|Slovak
Somalia|Mogadishu|Somali
South Africa|Pretoria|South African|Johannesburg,Cape Town
South Korea|Seoul|South Korean,Korean|Korea,ROK
Spain|Madrid|Spanish,Spaniard
Sri Lanka|Colombo|Sri Lankan
Sudan|Khartoum|Sudanese
Sweden|Stockholm|Swedish,Swede
Switzerland|Bern|Swiss|Geneva
Syria|Damascus|Syrian
Taiwan|Taipei|Taiwanese
Thailand|Bangkok|Thai
Tunisia|Tunis|Tunisian
Turkey|Ankara|Turkish,Turk|Istanbul
Uganda|Kampala|Ugandan
Ukraine|Kyiv|Ukrainian|Kiev
United Arab Emirates|Abu Dhabi|Emirati|UAE,Dubai
United Kingdom|London|British,Briton,English|Britain,Great Britain,U.K.,UK,England
United States|Washington|American|U.S.,US,U.S.A.,USA,America
Venezuela|Caracas|Venezuelan
Vietnam|Hanoi|Vietnamese
Yemen|Sanaa|Yemeni
Zimbabwe|Harare|Zimbabwean
"""

US_STATES = (
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida
Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon
Pennsylvania Tennessee Texas Utah Vermont Virginia Wisconsin Wyoming""".split()
    + [
        "New Hampshire",
        "New Jersey",
        "New Mexico",
        "North Carolina",
        "North Dakota",
        "Rhode Island",
        "South Carolina",
        "South Dakota",
        "West Virginia",
    ]
)

# Cities that are not national capitals (capitals are in COUNTRIES). "Washington" is left to
# the United States row: in news it stands for the government far more often than the city.
CITIES = (
    """Atlanta Austin Baltimore Boston Charlotte Chicago Cincinnati Cleveland Dallas Denver
Detroit Houston Indianapolis Jacksonville Memphis Miami Milwaukee Minneapolis Nashville
Oakland Orlando Philadelphia Phoenix Pittsburgh Portland Sacramento Seattle Tampa Tucson
Charleston Columbia Richmond Louisville Omaha Albuquerque Reno Raleigh Manchester Concord
Birmingham Montgomery Savannah Honolulu Anchorage Boise Tallahassee Madison Lansing Toledo
Dubuque Davenport Sioux Hamburg Munich Frankfurt Milan Naples Barcelona Marseille Lyon Osaka
Kyoto Okinawa Hiroshima Nagasaki Shanghai Shenzhen Mumbai Karachi Lahore Aleppo Mosul Kandahar
Ramadi Fallujah Benghazi Gaza Sydney Melbourne Toronto Montreal Vancouver""".split()
    + [
        "Los Angeles",
        "San Francisco",
        "San Diego",
        "San Antonio",
        "San Jose",
        "Las Vegas",
        "New Orleans",
        "Salt Lake City",
        "St. Louis",
        "Kansas City",
        "Oklahoma City",
        "Des Moines",
        "Cedar Rapids",
        "Council Bluffs",
        "Little Rock",
        "Fort Worth",
        "El Paso",
        "Hong Kong",
        "Rio de Janeiro",
        "Sao Paulo",
        "St. Petersburg",
    ]
)

# AP and postal abbreviations of US states ("R-N.Y.", "Raleigh, N.C."): not organisations.
STATE_ABBREVIATIONS = frozenset(
    """Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich.
Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D.
Tenn. Vt. Va. Wash. W.Va. Wis. Wyo. D.C. AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY
LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV
WI WY DC""".split()
)

REGIONS = [
    "Asia",
    "Europe",
    "Africa",
    "Latin America",
    "South America",
    "North America",
    "Central America",
    "Middle East",
    "Western Pacific",
    "Pacific",
    "Atlantic",
    "Indo-Pacific",
    "Caribbean",
    "Balkans",
    "Midwest",
    "Southeast Asia",
    "East Asia",
    "Scandinavia",
    "Arctic",
    "Gulf",
]

# A name ending in one of these words names an organisation.
ORG_HEADS = frozenset(
    """Department Ministry Party Committee Council Commission Agency Institute University
College Court Congress Senate Administration Corporation Corp. Inc. Company Co. Bank
Association Foundation Campaign Army Navy Air Force Forces Corps Times Post Journal News
Network Office Bureau Service Union Organization Organisation Federation Group Club Center
Centre Fund Board Authority Assembly Parliament Caucus Coalition Alliance Institution
Society Conference Convention Command Guard Police Patrol Exchange Reserve Tribune Herald Press
Magazine Review Project League Trust Cabinet Ministry Secretariat PAC Inc Corp LLC""".split()
)

# Titles that may stand before a name; stripped when finding the name itself.
TITLE_WORDS = frozenset(
    """President Vice Secretary Defense Defence Foreign Finance Minister Prime Sen. Senator
Rep. Representative Gov. Governor Mayor Gen. General Adm. Admiral Chairman Chairwoman Chair
Chief Speaker Judge Justice Attorney Director Ambassador Democratic Republican Former Mr. Ms.
Mrs. Dr. Spokesman Spokeswoman Candidate Presidential Senior Lt. Col. Colonel Sgt. Capt.
Captain Commissioner Sheriff Officer Deputy Leader Majority Minority Whip Pope King Queen
Prince Princess Lord Sir Rev. Reverend Professor Prof. Sens. Reps. Govs. State Homeland
Security Interior Treasury Commerce Labor Energy Health Education Transportation Agriculture
First Lady Democrat Republicans Democrats Chancellor Premier Rabbi Pastor Bishop Cardinal
Coach Detective Trooper Agent Commander Marshal""".split()
)

# Capitalised words that start a sentence or a run without being part of a name.
NOT_NAMES = frozenset(
    """The A An And But Or Nor So Yet For In On At By To From With Without Of As If When While
Although Though Because Since After Before During Under Over Into Onto Upon Through Across
Against Among Between Behind Beyond This That These Those It Its It's He She They We You I
His Her Their Our Your My Me Him Them Us There Here Then Now Today Yesterday Tomorrow Still
Also Even Just Only Not No Yes Some Many Most Much More Few All Each Every Both Either
Neither Another Other Such What Which Who Whom Whose Where Why How Asked Meanwhile However
Instead Indeed Already Later Earlier Last Next First Second Third One Two Three Four Five
Six Seven Eight Nine Ten Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday Friday Saturday
Sunday January February March April May June July August September October November
December Jan. Feb. Mar. Apr. Aug. Sept. Sep. Oct. Nov. Dec. Photo Image Video Read Watch
Click Related Advertisement Getty AP Reuters AFP Associated Press Christmas Easter God
Internet English Twitter Facebook Instagram YouTube Google""".split()
)

MONTHS = frozenset(
    """January February March April May June July August September October November December
Jan. Feb. Mar. Apr. Aug. Sept. Sep. Oct. Nov. Dec.""".split()
)

# Number words a "number changed" edit may replace, with their values.
_SMALL = "two three four five six seven eight nine ten eleven twelve".split()
NUMBER_WORDS = dict(zip(_SMALL, range(2, 13), strict=True))
NUMBER_WORDS |= {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
NUMBER_WORDS |= {
    "dozen": 12,
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2000,
    "millions": 2_000_000,
}

# Auxiliaries after which "not" makes a grammatical negation; forms of "have" only before a
# participle (checked by the generator), since "has a plan" -> "has not a plan" is not English.
BE_AND_MODALS = frozenset(
    "is are was were will would can could should may might must shall".split()
)
HAVE_FORMS = frozenset("has have had".split())
IRREGULAR_PARTICIPLES = frozenset(
    """been done made said taken given seen known shown grown begun become come gone won
lost held kept left met paid put read run sent set spent told thought brought bought
caught fought found got gotten heard led meant sold stood struck understood written
driven chosen spoken broken frozen stolen drawn drunk flown forgotten hidden ridden risen
shaken sworn thrown worn beaten bitten eaten fallen forbidden forgiven proven""".split()
)

# Groups of words of one part of speech and inflection, each a different fact from the others
# (none a synonym, none an antonym of another in its group): a word put in another's place
# changes what the sentence says ("voted to delay the hearing" -> "voted to cancel the
# hearing", "the largest employer" -> "the largest landowner").
REPLACEABLE = [
    "approve review delay cancel expand fund ban investigate announce propose sign".split(),
    "approved reviewed delayed cancelled expanded funded banned investigated announced "
    "proposed signed".split(),
    "approves reviews delays cancels expands funds bans investigates announces proposes "
    "signs".split(),
    "visit avoid leave".split(),
    "visited avoided left".split(),
    "criticized praised thanked sued".split(),
    "criticize praise thank sue".split(),
    "missiles drones tanks ships jets rockets".split(),
    "missile drone tank ship jet rocket".split(),
    "employer landowner lender buyer seller".split(),
    "police army court council committee".split(),
    "tax tariff fee fine loan grant".split(),
    "taxes tariffs fees fines loans grants".split(),
    "schools hospitals prisons factories churches".split(),
    "school hospital prison factory church".split(),
    "doctors teachers soldiers farmers nurses lawyers".split(),
    "wheat rice corn coal oil steel".split(),
    "weekly monthly yearly".split(),
]

# Past tenses of common irregular verbs, for a "will" made a past tense ("will meet" -> "met");
# a regular verb takes "-ed" (bench/perturb_edits.py). The standard list, its common verbs.
IRREGULAR_PAST = dict(
    pair.split(":")
    for pair in """begin:began bring:brought build:built buy:bought choose:chose come:came
cost:cost cut:cut do:did draw:drew drive:drove eat:ate fall:fell feel:felt fight:fought
find:found fly:flew get:got give:gave go:went grow:grew hold:held hear:heard hit:hit keep:kept
know:knew lead:led leave:left lend:lent let:let lose:lost make:made mean:meant meet:met
pay:paid put:put quit:quit raise:raised read:read ride:rode rise:rose run:ran say:said
see:saw seek:sought sell:sold send:sent set:set shake:shook shut:shut sit:sat speak:spoke
spend:spent stand:stood steal:stole strike:struck swear:swore take:took teach:taught
tell:told think:thought throw:threw understand:understood win:won write:wrote""".split()
)

# Adjectives that add a fact to the noun they go before ("the plan" -> "the secret plan"): each
# says something of the thing a source would have to say too. One is drawn per claim.
MODIFIERS = """secret illegal temporary permanent private unpaid armed foreign failed classified
unanimous bipartisan confidential informal unofficial voluntary mandatory partial
controversial fraudulent""".split()

# Closed-class English words (determiners, pronouns, prepositions, conjunctions, auxiliaries
# and modals, and the adverbs of place and time that work like them): the "letter" kind
# changes content words only, since "after" -> "alter" or "there" -> "theme" makes nonsense,
# not another fact. The usual stopword list of English, written out here.
FUNCTION_WORDS = frozenset(
    """a about above across after against along although among an and another any are
around as at be became because become been before being below beneath beside besides between
beyond both but by can cannot could did do does doing done down during each either enough
even ever every few for from further had has have having he her here hers herself him himself
his how however i if in inside into is it its itself just least less like many may me might
more most much must my myself near neither never no nor not now of off often on once one only
onto or other others our ours ourselves out outside over own per quite rather same shall she
should since so some such than that the their theirs them themselves then there these they
this those though through throughout thus till to too toward towards under underneath unless
until up upon us very was we were what whatever when whenever where whereas wherever whether
which while who whoever whole whom whose why will with within without would yet you your
yours yourself yourselves""".split()
)

# Contracted and spelled-out negations a "negation removed" edit takes away, with what stays.
NEGATION_REMOVALS = {
    "isn't": "is",
    "aren't": "are",
    "wasn't": "was",
    "weren't": "were",
    "hasn't": "has",
    "haven't": "have",
    "hadn't": "had",
    "won't": "will",
    "wouldn't": "would",
    "can't": "can",
    "couldn't": "could",
    "shouldn't": "should",
    "doesn't": "does",
    "don't": "do",
    "didn't": "did",
    "cannot": "can",
}

# Title/role exchanges: each group's words stand in the same slot and name different offices.
ROLE_GROUPS = [
    ["defense", "foreign", "finance", "interior", "justice", "trade"],
    ["senator", "congressman", "governor", "mayor"],
    ["sen.", "rep.", "gov."],
    ["president", "vice president"],
    ["prime minister", "deputy prime minister"],
    ["democratic", "republican"],
    ["democrat", "republican"],
    ["democrats", "republicans"],
    ["secretary of state", "secretary of defense", "attorney general"],
    ["chairman", "vice chairman"],
    ["ambassador", "consul"],
    ["general", "admiral"],
    ["four-star", "three-star", "two-star"],
    ["house", "senate"],
    ["conservative", "liberal"],
    ["senior", "junior"],
]
# A role word is exchanged only where one of these follows or precedes it, so that "general"
# the adjective or "house" the building stay untouched.
ROLE_CONTEXT = frozenset(
    """minister ministers secretary secretaries official officials ministry department
candidate nominee senator congressman governor mayor party lawmaker lawmakers leader leaders
president presidential primary senators state states representative officer commander
committee intelligence majority minority debate voters republicans democrats""".split()
)

# Comparative and antonym flips, both directions, inflections spelled out.
ANTONYMS = [
    ("more", "less"),
    ("increase", "decrease"),
    ("increased", "decreased"),
    ("increases", "decreases"),
    ("increasing", "decreasing"),
    ("greater", "smaller"),
    ("higher", "lower"),
    ("larger", "smaller"),
    ("largest", "smallest"),
    ("biggest", "smallest"),
    ("highest", "lowest"),
    ("rise", "fall"),
    ("rose", "fell"),
    ("rising", "falling"),
    ("won", "lost"),
    ("gained", "lost"),
    ("winning", "losing"),
    ("before", "after"),
    ("majority", "minority"),
    ("strengthen", "weaken"),
    ("strengthened", "weakened"),
    ("strengthening", "weakening"),
    ("expand", "reduce"),
    ("expanded", "reduced"),
    ("expanding", "reducing"),
    ("supported", "opposed"),
    ("approved", "rejected"),
    ("approve", "reject"),
    ("accepted", "rejected"),
    ("earlier", "later"),
    ("stronger", "weaker"),
    ("strong", "weak"),
    ("better", "worse"),
    ("best", "worst"),
    ("ahead", "behind"),
    ("ended", "extended"),
    ("opened", "closed"),
    ("success", "failure"),
    ("successful", "unsuccessful"),
    ("popular", "unpopular"),
    ("likely", "unlikely"),
]
# "more" is flipped only where it compares: never "once more", "no more"; nor a word that is
# part of a phrasal verb ("stepped back").
ANTONYM_BLOCKED_BEFORE = frozenset(
    "once no any anymore what set sign signed signing show showed shown showing pick picked "
    "picking take took taking make made making give gave keep kept come came coming end ended "
    "ending turn turned turning step stepped stepping open opened opening follow followed "
    "following back backed shut line lined wrap wrapped go went going move moved moving push "
    "pushed press pressed forge".split()
)
ANTONYM_BLOCKED_AFTER = frozenset({"and"})  # "more and more" is an idiom, not a comparison

# Quantifier exchanges, all toward a different claim (never toward one the original entails:
# "all" -> "some" is true whenever "all" is, so it is not listed).
QUANTIFIERS = [
    ("only", "also"),
    ("some", "all"),
    ("many", "few"),
    ("few", "many"),
    ("every", "no"),
    ("all of", "none of"),
    ("all the", "none of the"),
    ("at least", "at most"),
    ("at most", "at least"),
    ("fewer than", "more than"),
    ("always", "rarely"),
    ("most of", "few of"),
]

# Preposition flips before a name: the relation reverses, the rest of the sentence stays.
RELATIONS = {  # "from" -> "to" is left out: "counterparts from Korea" -> "to Korea" garbles
    "to": "from",
    "with": "without",
    "without": "with",
    "for": "against",
    "against": "for",
    "in": "outside",
}

# Between two names, only these words leave the relation symmetric ("A and B", "A met B").
SYMMETRIC_LINKS = frozenset(
    "and or nor , & between versus vs vs. with met meets meeting talks talked spoke "
    "alongside together both".split()
)

# Phrases appended to a sentence, each adding a fact no source sentence states; with the word
# that, in the claim, means it already says something of the kind, and the words that, in the
# article, mean the article may state it (then the phrase is not used).
APPENDED_PHRASES = {
    "for the first time": ("first", "first time"),
    "by 2030": ("2030", "2030"),
    "as part of a secret deal": ("secret", "secret"),
    "since 2010": ("2010", "2010"),
}
