package main

import (
	"log"

	"briefs/model"
)

// countryAliases adds the everyday names the data sources leave out.
var countryAliases = map[string][]string{
	"United States":                    {"US", "U.S.", "USA", "U.S.A.", "United States of America", "America"},
	"United Kingdom":                   {"UK", "U.K.", "Britain", "Great Britain"},
	"Russia":                           {"Russian Federation"},
	"China":                            {"People's Republic of China", "PRC"},
	"Taiwan":                           {"Republic of China"},
	"North Korea":                      {"DPRK", "Democratic People's Republic of Korea"},
	"South Korea":                      {"Republic of Korea", "ROK"},
	"United Arab Emirates":             {"UAE", "U.A.E."},
	"Democratic Republic of the Congo": {"DRC", "DR Congo", "Congo-Kinshasa"},
	"Republic of the Congo":            {"Congo-Brazzaville"},
	"Myanmar":                          {"Burma"},
	"Czechia":                          {"Czech Republic"},
	"Netherlands":                      {"Holland", "The Netherlands"},
	"Vatican City":                     {"Vatican", "Holy See"},
	"Côte d’Ivoire":                    {"Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"},
	"Türkiye":                          {"Turkey"},
	"Iran":                             {"Islamic Republic of Iran"},
	"Syria":                            {"Syrian Arab Republic"},
	"Palestine":                        {"Palestinian territories"},
	"Bosnia & Herzegovina":             {"Bosnia and Herzegovina", "Bosnia-Herzegovina", "Bosnia"},
	"Eswatini":                         {"Swaziland"},
	"North Macedonia":                  {"Macedonia"},
	"Soviet Union":                     {"USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"},
	"East Germany":                     {"German Democratic Republic", "GDR"},
	"Vietnam":                          {"Viet Nam"},
}

// extraNationalities covers demonyms the Factbook lists under another country or not at all.
var extraNationalities = map[string][]string{
	"Soviet Union": {"Soviet", "Soviets"},
	"Palestine":    {"Palestinian", "Palestinians"},
	"Yugoslavia":   {"Yugoslav", "Yugoslavs", "Yugoslavian"},
	"England":      {"English", "Englishman", "Englishmen"},
	"Scotland":     {"Scottish", "Scot", "Scots"},
	"Wales":        {"Welsh", "Welshman"},
	"Taiwan":       {"Taiwanese"},
	"Kurdistan":    {"Kurdish", "Kurd", "Kurds"},
}

// extraNationality demonyms that are no country's: religions and peoples are "other".
// newsOrgs are broadcasters, news agencies and companies often in the
// news: organisations, never places or people. Marked world (the tagger's
// features were trained without them).
var newsOrgs = []struct {
	name    string
	aliases []string
}{
	// broadcasters and news agencies (organisations, never places or people)
	{"Al Jazeera", []string{"Al-Jazeera", "Aljazeera", "al-Jazeera", "Al Jazeera English"}},
	{"CNN", []string{"Cable News Network"}},
	{"Fox News", []string{"Fox News Channel"}},
	{"Sky News", nil},
	{"NBC", []string{"NBC News"}},
	{"CBS", []string{"CBS News"}},
	{"NPR", []string{"National Public Radio"}},
	{"ITV", []string{"ITV News"}},
	{"Deutsche Welle", nil},
	{"France 24", nil},
	{"Al Arabiya", []string{"Al-Arabiya"}},
	{"Bloomberg News", nil},
	{"Kyodo", []string{"Kyodo News"}},
	{"Yonhap", []string{"Yonhap News Agency"}},
	{"Anadolu Agency", []string{"Anadolu"}},
	{"Press TV", nil},
	// companies often in the news whose names are no common word
	{"Google", nil}, {"Microsoft", nil}, {"Facebook", nil}, {"Twitter", nil}, {"Yahoo", []string{"Yahoo!"}},
	{"IBM", nil}, {"Intel", nil}, {"Boeing", nil}, {"Airbus", nil}, {"Gazprom", nil}, {"Rosneft", nil},
	{"Saudi Aramco", []string{"Aramco"}}, {"Goldman Sachs", nil}, {"Merck", nil}, {"Pfizer", nil},
	{"Nokia", nil}, {"Samsung", nil}, {"Huawei", nil}, {"Toyota", nil}, {"Volkswagen", nil},
	{"ExxonMobil", []string{"Exxon Mobil", "Exxon"}}, {"Chevron", nil}, {"BP", nil}, {"Glencore", nil},
	{"Siemens", nil}, {"Nestle", []string{"Nestlé"}}, {"Walmart", []string{"Wal-Mart"}}, {"eBay", nil},
	{"Enron", nil}, {"WorldCom", nil}, {"Vodafone", nil}, {"Tesco", nil}, {"Sainsbury's", nil},
	{"TikTok", nil}, {"ByteDance", nil}, {"OpenAI", nil}, {"Nvidia", nil}, {"Alibaba", nil}, {"Tencent", nil},
}

var orgs = []struct {
	name    string
	aliases []string
}{
	{"United Nations", []string{"UN", "U.N.", "United Nations Organization"}},
	{"United Nations Security Council", []string{"UN Security Council", "U.N. Security Council", "UNSC", "Security Council"}},
	{"United Nations General Assembly", []string{"UN General Assembly", "U.N. General Assembly", "UNGA", "General Assembly"}},
	{"North Atlantic Treaty Organization", []string{"NATO", "North Atlantic Treaty Organisation", "Nato"}},
	{"European Union", []string{"EU", "E.U."}},
	{"European Commission", []string{"EC"}}, // a bare "Commission" is whichever the article names (link.go)
	{"European Parliament", nil},
	{"European Central Bank", []string{"ECB"}},
	{"Organization of the Petroleum Exporting Countries", []string{"OPEC", "Organisation of the Petroleum Exporting Countries", "Opec"}},
	{"International Atomic Energy Agency", []string{"IAEA"}},
	{"World Health Organization", []string{"WHO", "World Health Organisation"}},
	{"Association of Southeast Asian Nations", []string{"ASEAN", "Asean", "Association of South East Asian Nations"}},
	{"African Union", []string{"AU"}},
	{"Organization of African Unity", []string{"OAU", "Organisation of African Unity"}},
	{"Arab League", []string{"League of Arab States"}},
	{"Gulf Cooperation Council", []string{"GCC", "Cooperation Council for the Arab States of the Gulf"}},
	{"Organization of American States", []string{"OAS"}},
	{"Organization for Security and Co-operation in Europe", []string{"OSCE", "Organization for Security and Cooperation in Europe"}},
	{"Organisation for Economic Co-operation and Development", []string{"OECD", "Organization for Economic Cooperation and Development"}},
	{"International Monetary Fund", []string{"IMF"}},
	{"World Bank", nil},
	{"World Trade Organization", []string{"WTO", "World Trade Organisation"}},
	{"International Criminal Court", []string{"ICC"}},
	{"International Court of Justice", []string{"ICJ", "World Court"}},
	{"Organisation for the Prohibition of Chemical Weapons", []string{"OPCW", "Organization for the Prohibition of Chemical Weapons"}},
	{"UNESCO", []string{"United Nations Educational, Scientific and Cultural Organization"}},
	{"UNICEF", []string{"United Nations Children's Fund"}},
	{"United Nations High Commissioner for Refugees", []string{"UNHCR", "UN refugee agency"}},
	{"World Food Programme", []string{"WFP", "World Food Program"}},
	{"Interpol", []string{"International Criminal Police Organization"}},
	{"Commonwealth of Independent States", []string{"CIS"}},
	{"Shanghai Cooperation Organisation", []string{"SCO", "Shanghai Cooperation Organization"}},
	{"BRICS", nil},
	{"Group of Seven", []string{"G7", "G-7"}},
	{"Group of Eight", []string{"G8", "G-8"}},
	{"Group of Twenty", []string{"G20", "G-20"}},
	{"Asia-Pacific Economic Cooperation", []string{"APEC"}},
	{"Council of Europe", nil},
	{"European Free Trade Association", []string{"EFTA"}},
	{"Organisation of Islamic Cooperation", []string{"OIC", "Organization of Islamic Cooperation", "Organisation of the Islamic Conference", "Organization of the Islamic Conference"}},
	{"International Committee of the Red Cross", []string{"ICRC", "Red Cross"}},
	{"Amnesty International", []string{"Amnesty"}},
	{"Human Rights Watch", []string{"HRW"}},
	{"Medecins Sans Frontieres", []string{"MSF", "Doctors Without Borders", "Médecins Sans Frontières"}},
	{"Central Intelligence Agency", []string{"CIA"}},
	{"Federal Bureau of Investigation", []string{"FBI"}},
	{"National Security Agency", []string{"NSA"}},
	{"State Department", []string{"US State Department", "U.S. State Department", "Department of State"}},
	{"Pentagon", []string{"Department of Defense", "US Department of Defense"}},
	{"Federal Reserve", []string{"Fed", "U.S. Federal Reserve", "US Federal Reserve"}},
	{"Congress", []string{"US Congress", "U.S. Congress"}},
	{"Senate", []string{"US Senate", "U.S. Senate"}},
	{"House of Representatives", []string{"US House of Representatives"}},
	{"Supreme Court", []string{"US Supreme Court", "U.S. Supreme Court"}},
	{"House of Commons", []string{"Commons"}},
	{"House of Lords", []string{"Lords"}},
	{"Foreign Office", []string{"Foreign and Commonwealth Office", "FCO"}},
	{"Bundestag", nil},
	{"Duma", []string{"State Duma"}},
	{"Knesset", nil},
	{"Hamas", nil},
	{"Hezbollah", []string{"Hizbollah", "Hizballah"}},
	{"Taliban", nil},
	{"al-Qaeda", []string{"al Qaeda", "Al Qaeda", "Al-Qaeda", "al-Qaida"}},
	{"Islamic State", []string{"ISIS", "ISIL", "Daesh"}}, // not "IS": a word in capitals
	{"Palestine Liberation Organization", []string{"PLO", "Palestine Liberation Organisation"}},
	{"Reuters", nil},
	{"Associated Press", []string{"AP"}},
	{"Agence France-Presse", []string{"AFP"}},
	{"BBC", []string{"British Broadcasting Corporation"}},
	{"TASS", []string{"Tass", "ITAR-TASS", "Itar-Tass"}},
	{"RIA Novosti", nil},
	{"Xinhua", []string{"Xinhua News Agency"}},
	{"Interfax", nil},
	{"Republican Party", []string{"GOP", "Republicans"}},
	{"Democratic Party", []string{"Democrats"}},
	{"Labour Party", []string{"Labour"}},
	{"Conservative Party", []string{"Conservatives", "Tories"}},
	{"Liberal Democrats", []string{"Lib Dems", "Lib Dem", "Liberal Democrat", "Liberal Democrat Party"}},
	{"Scottish National Party", []string{"SNP"}},
	{"UK Independence Party", []string{"UKIP", "Ukip"}},
	{"Christian Democratic Union", []string{"CDU"}},
	{"Social Democratic Party of Germany", []string{"SPD"}},
	{"Communist Party of China", []string{"Chinese Communist Party", "CCP", "CPC"}},
	{"United Russia", nil},
}

// seats are seats of government and buildings used as metonyms for the body inside.
var seats = []struct {
	name    string
	country string
	aliases []string
}{
	{"Kremlin", "Russia", []string{"the Kremlin"}},
	{"White House", "United States", nil},
	{"Downing Street", "United Kingdom", []string{"Number 10", "No 10", "No. 10"}},
	{"Elysee", "France", []string{"Élysée", "Elysee Palace", "Élysée Palace", "Elysée"}},
	{"Quai d'Orsay", "France", nil},
	{"Foggy Bottom", "United States", nil},
	{"Capitol Hill", "United States", nil},
	{"Zhongnanhai", "China", nil},
	{"Whitehall", "United Kingdom", nil},
	{"Westminster", "United Kingdom", nil},
	{"Blue House", "South Korea", []string{"Cheong Wa Dae"}},
	{"Chancellery", "Germany", []string{"Kanzleramt"}},
	{"Quirinale", "Italy", []string{"Palazzo Chigi"}},
	{"Kantei", "Japan", nil},
	{"Bankova", "Ukraine", nil},
	{"Ak Orda", "Kazakhstan", nil},
	{"Palacio de la Moncloa", "Spain", []string{"Moncloa"}},
	{"Planalto", "Brazil", []string{"Planalto Palace"}},
	{"Casa Rosada", "Argentina", nil},
	{"Los Pinos", "Mexico", []string{"Palacio Nacional"}},
	{"Malacanang", "Philippines", []string{"Malacañang", "Malacanang Palace"}},
	{"Rashtrapati Bhavan", "India", []string{"South Block"}},
	{"Berlaymont", "European Union", nil},
	{"Turtle Bay", "United Nations", nil},
}

// cities are big non-capital cities the news names often.
var cities = map[string][]string{
	"United States":                    {"New York", "Los Angeles", "Chicago", "Houston", "San Francisco", "Boston", "Miami", "Seattle", "Detroit", "Atlanta", "Philadelphia", "Dallas", "New Orleans", "Las Vegas"},
	"United Kingdom":                   {"Manchester", "Birmingham", "Liverpool", "Glasgow", "Edinburgh", "Belfast", "Leeds", "Cardiff", "Bristol"},
	"China":                            {"Shanghai", "Hong Kong", "Guangzhou", "Shenzhen", "Wuhan", "Tianjin", "Chongqing"},
	"Russia":                           {"St Petersburg", "St. Petersburg", "Saint Petersburg", "Vladivostok", "Novosibirsk", "Yekaterinburg", "Kaliningrad", "Sochi"},
	"India":                            {"Mumbai", "Bombay", "Calcutta", "Kolkata", "Chennai", "Madras", "Bangalore", "Hyderabad"},
	"Germany":                          {"Frankfurt", "Munich", "Hamburg", "Cologne", "Bonn", "Stuttgart", "Dusseldorf", "Düsseldorf"},
	"France":                           {"Marseille", "Lyon", "Strasbourg", "Nice", "Bordeaux", "Toulouse"},
	"Italy":                            {"Milan", "Naples", "Turin", "Florence", "Venice", "Genoa"},
	"Spain":                            {"Barcelona", "Seville", "Valencia", "Bilbao"},
	"Japan":                            {"Osaka", "Kyoto", "Yokohama", "Hiroshima", "Nagoya", "Kobe"},
	"Türkiye":                          {"Istanbul", "Izmir"},
	"Syria":                            {"Aleppo", "Homs", "Idlib", "Raqqa", "Latakia", "Deir ez-Zor", "Khan Sheikhoun"},
	"Iraq":                             {"Mosul", "Basra", "Kirkuk", "Falluja", "Fallujah", "Erbil"},
	"Israel":                           {"Tel Aviv", "Haifa"},
	"Ukraine":                          {"Donetsk", "Luhansk", "Kharkiv", "Odessa", "Odesa", "Crimea", "Mariupol", "Lviv", "Sevastopol", "Kherson", "Zaporizhzhia", "Mykolaiv", "Dnipro", "Bakhmut", "Avdiivka", "Kramatorsk", "Sumy", "Chernihiv"},
	"Pakistan":                         {"Karachi", "Lahore", "Peshawar", "Balochistan", "Sindh", "Khyber Pakhtunkhwa", "Quetta"},
	"Canada":                           {"Toronto", "Montreal", "Vancouver"},
	"Australia":                        {"Sydney", "Melbourne", "Brisbane", "Perth"},
	"Brazil":                           {"Sao Paulo", "São Paulo", "Rio de Janeiro", "Rio"},
	"South Africa":                     {"Johannesburg", "Durban", "Cape Town"},
	"Switzerland":                      {"Geneva", "Zurich", "Davos", "Lausanne"},
	"Netherlands":                      {"The Hague", "Rotterdam"},
	"Egypt":                            {"Alexandria", "Sinai"},
	"Saudi Arabia":                     {"Jeddah", "Mecca", "Medina"},
	"Palestine":                        {"Gaza", "Gaza Strip", "West Bank", "Ramallah", "Hebron", "Jerusalem", "East Jerusalem"},
	"Afghanistan":                      {"Kandahar", "Helmand", "Herat", "Jalalabad", "Mazar-i-Sharif"},
	"Libya":                            {"Benghazi", "Misrata", "Sirte"},
	"Yemen":                            {"Aden", "Hodeidah", "Marib", "Taiz"},
	"Vietnam":                          {"Ho Chi Minh City", "Saigon"},
	"Ethiopia":                         {"Tigray", "Amhara", "Oromia", "Mekelle"},
	"Myanmar":                          {"Rakhine", "Kachin", "Yangon", "Mandalay", "Naypyidaw"},
	"Mozambique":                       {"Cabo Delgado"},
	"Democratic Republic of the Congo": {"North Kivu", "South Kivu", "Ituri", "Goma", "Bukavu"},
	"Sudan":                            {"Kordofan", "South Kordofan", "Blue Nile", "El Fasher", "Omdurman", "Port Sudan"},
	"Nigeria":                          {"Borno", "Maiduguri", "Lagos", "Abuja"},
	"Somalia":                          {"Puntland", "Somaliland", "Kismayo"},
	"Mali":                             {"Timbuktu", "Gao"},
	"":                                 {"South China Sea", "East China Sea", "Black Sea", "Red Sea", "Baltic Sea", "Caspian Sea", "North Sea", "Mediterranean Sea", "Arabian Sea", "Sea of Azov", "Gulf of Aden", "Gulf of Mexico", "Strait of Hormuz", "Taiwan Strait", "Bosphorus", "Suez Canal", "Panama Canal", "Korean Peninsula", "Horn of Africa", "Sahel", "West Africa", "East Africa", "Southeast Asia", "Central Asia", "South Asia", "Indo-Pacific", "Donbas", "Nagorno-Karabakh", "Transnistria", "Abkhazia", "South Ossetia", "Kurdistan Region", "Eastern Europe", "Western Europe", "Scandinavia", "Sub-Saharan Africa", "North Africa", "Latin America", "Caribbean", "Arctic", "Middle East", "Gulf", "Persian Gulf", "Balkans", "Caucasus", "Golan Heights", "Kashmir", "Tibet", "Xinjiang", "Chechnya", "Darfur", "Kurdistan", "Europe", "Asia", "Africa", "Antarctica", "Mediterranean", "Baltic", "Pacific", "Atlantic"},
}

// curate adds the hand-made lists to g.
func curate(g *gazetteer, nameIndex map[string]*entry) {
	country := func(name string) *entry {
		e := nameIndex[model.Slug(name)]
		if e == nil {
			if e2, ok := g.byID[model.EntityID(model.KindCountry, name)]; ok {
				return e2
			}
			if e2, ok := g.byID[model.EntityID(model.KindOrganization, name)]; ok {
				return e2
			}
			log.Printf("curated: no country %q", name)
		}
		return e
	}
	kosovo := g.get(model.KindCountry, "Kosovo", "")
	kosovo.add("Republic of Kosovo")
	nameIndex[model.Slug("Kosovo")] = kosovo
	g.get(model.KindPlace, "Pristina", kosovo.id()).add("Prishtina")
	g.get(model.KindNationality, "Kosovar", kosovo.id()).add("Kosovars", "Kosovan", "Kosovans")
	for name, al := range countryAliases {
		if c := country(name); c != nil {
			c.add(al...)
		}
	}
	for name, al := range extraNationalities {
		id := ""
		if c := country(name); c != nil {
			id = c.id()
		}
		n := g.get(model.KindNationality, al[0], id)
		n.add(al...)
	}
	for _, o := range orgs {
		g.get(model.KindOrganization, o.name, "").add(o.aliases...)
	}
	for _, o := range newsOrgs {
		e := g.get(model.KindOrganization, o.name, "")
		e.add(o.aliases...)
		e.world = true
	}
	for _, s := range seats {
		id := ""
		if c := country(s.country); c != nil {
			id = c.id()
		}
		g.get(model.KindOrganization, s.name, id).add(s.aliases...)
	}
	for ctry, names := range cities {
		id := ""
		if ctry != "" {
			if c := country(ctry); c != nil {
				id = c.id()
			}
		}
		for _, n := range names {
			if nameIndex[model.Slug(n)] != nil {
				continue
			}
			if _, ok := g.byID[model.EntityID(model.KindPlace, n)]; ok {
				continue
			}
			g.get(model.KindPlace, n, id)
		}
	}
	// Washington the capital: the Factbook writes "Washington, D.C.".
	if w, ok := g.byID[model.EntityID(model.KindPlace, "Washington")]; ok {
		w.add("Washington, D.C.", "Washington D.C.", "Washington, DC", "Washington DC")
	}
}
