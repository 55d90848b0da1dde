//! Word lists that steer toponym recognition: capitalised English words that are also place
//! names somewhere ("May", "Police", "Of"), person titles, organisation head words, and the
//! geographic words that may follow a place name. All entries are normalised (lower case).

/// Capitalised words never taken as a one-word place: months, weekdays, function words that
/// start sentences, titles and nouns that news capitalises. Many are real GeoNames towns.
pub(crate) const COMMON: &[&str] = &[
    // months and weekdays
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "today", "yesterday", "tomorrow", "tonight", "christmas", "easter",
    "ramadan", "eid",
    // function words and pronouns that start sentences
    "a", "an", "the", "this", "that", "these", "those", "there", "here", "it", "its", "he", "she",
    "we", "they", "i", "you", "his", "her", "our", "their", "my", "your", "in", "on", "at", "of",
    "for", "to", "from", "by", "with", "as", "and", "but", "or", "nor", "so", "yet", "if", "when",
    "while", "after", "before", "since", "until", "during", "about", "across", "against",
    "along", "among", "around", "between", "beyond", "despite", "into", "near", "over",
    "through", "under", "within", "without", "meanwhile", "however", "also", "although",
    "because", "both", "each", "every", "all", "some", "many", "most", "more", "few", "several",
    "other", "another", "such", "no", "not", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "first", "second", "third", "last", "next", "earlier",
    "later", "then", "now", "still", "even", "only", "just", "what", "which", "who", "whom",
    "whose", "why", "how", "where", "according", "asked", "said", "says", "told", "reported",
    "local", "read", "see", "more", "photo", "video", "update", "breaking", "live", "watch",
    "share", "comment", "comments", "advertisement", "subscribe", "home", "news", "world",
    "sports", "business", "opinion", "analysis", "editorial", "page", "email", "twitter",
    "facebook", "reuters", "associated", "press", "agency", "copyright", "getty", "images",
    // nouns and adjectives news capitalises
    "president", "prime", "minister", "ministry", "king", "queen", "prince", "princess",
    "general", "gen", "colonel", "col", "major", "captain", "capt", "lieutenant", "lt",
    "sergeant", "sgt", "commander", "chief", "officer", "police", "army", "navy", "air",
    "force", "forces", "military", "government", "state", "states", "parliament", "senate",
    "congress", "court", "supreme", "council", "committee", "commission", "union", "party",
    "front", "movement", "brigade", "brigades", "battalion", "division", "regiment", "corps",
    "guard", "guards", "militia", "rebels", "islamic", "muslim", "muslims", "christian",
    "christians", "jewish", "sunni", "shia", "shiite", "catholic", "orthodox", "church",
    "mosque", "god", "allah", "democratic", "republican", "democrats", "republicans",
    "liberal", "labour", "labor", "conservative", "national", "international", "federal",
    "central", "united", "nations", "human", "rights", "watch", "observatory", "red",
    "cross", "crescent", "health", "security", "defense", "defence", "foreign", "interior",
    "justice", "office", "department", "secretary", "spokesman", "spokeswoman", "mr", "mrs",
    "ms", "dr", "sir", "lord", "lady", "saint", "mount", "university", "college", "school",
    "hospital", "center", "centre", "airport", "company", "group", "bank", "street", "road",
    "avenue", "square", "bridge", "city", "town", "village", "district", "province", "region",
    "county", "west", "east", "north", "south", "western", "eastern", "northern", "southern",
    "northeast", "northwest", "southeast", "southwest", "middle", "upper", "lower", "old",
    "new", "great", "greater", "little", "big", "high", "long", "good", "best", "well", "hope",
    "independence", "liberty", "freedom", "victory", "peace", "unity", "progress", "paradise",
    "mobile", "reading", "bath", "boring", "normal", "order", "law", "justice", "money",
    "price", "power", "energy", "oil", "gas", "water", "fire", "man", "men", "woman", "women",
    "child", "children", "people", "family", "friends", "team", "club", "cup", "league",
    "olympic", "olympics", "games", "champions", "championship", "final", "finals", "open",
    "tour", "war", "wars", "battle", "operation", "attack", "strike", "crisis", "conflict",
    "agreement", "deal", "treaty", "summit", "conference", "election", "elections", "vote",
    "referendum", "revolution", "spring", "summer", "autumn", "fall", "winter", "day", "week",
    "month", "year", "time", "times", "post", "journal", "daily", "herald", "tribune",
    "mail", "star", "sun", "mirror", "guardian", "telegraph", "independent", "observer",
    "economist", "bbc", "cnn", "fox", "sky", "al", "el", "de", "la", "le", "van", "von", "bin",
    "ibn", "abu", "umm", "sheikh", "imam", "ayatollah", "emir", "sultan", "pope", "bishop",
    "father", "brother", "sister", "mother", "son", "daughter", "uncle", "jesus", "mary",
    "christ", "white", "black", "green", "blue", "orange", "house", "palace", "embassy",
    "consulate", "camp", "base", "governorate", "citadel", "countryside", "strip", "heights",
    "plain", "oasis", "ruins", "castle", "fort", "temple", "museum", "stadium", "market", "prison", "jail", "border", "coast", "valley", "river",
    "lake", "sea", "ocean", "gulf", "bay", "island", "islands", "desert", "mountains", "hills",
    "english", "arabic", "french", "spanish", "chinese", "russian", "german", "latin",
    "media", "social", "internet", "online", "network", "television", "radio", "tv", "press",
    "isis", "isil", "daesh", "hamas", "hezbollah", "taliban", "nato", "un", "eu", "who",
    "ap", "afp", "ok", "yes", "thank", "thanks", "please", "dear", "hello", "sorry", "welcome",
    "according", "amid", "following", "including", "regarding", "concerning", "per", "via",
    "can", "could", "will", "would", "should", "must", "may", "might", "shall", "did", "does",
    "do", "has", "have", "had", "is", "are", "was", "were", "be", "been", "being",
];

/// Titles that make the next capitalised word a person's name ("President Assad", "Mr. Jordan").
pub(crate) const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "premier", "chancellor", "minister", "secretary", "senator", "sen",
    "rep", "representative", "congressman", "congresswoman", "governor", "gov", "mayor",
    "judge", "justice", "king", "queen", "prince", "princess", "emir", "sheikh", "sultan",
    "general", "gen", "colonel", "col", "major", "maj", "captain", "capt", "lieutenant", "lt",
    "sergeant", "sgt", "commander", "cmdr", "admiral", "adm", "marshal", "brigadier", "brig",
    "corporal", "cpl", "private", "pvt", "officer", "detective", "inspector", "chief",
    "pope", "cardinal", "bishop", "archbishop", "rabbi", "imam", "ayatollah", "reverend",
    "rev", "father", "saint", "st", "coach", "striker", "midfielder", "defender", "goalkeeper",
    "quarterback", "guard", "forward", "ambassador", "envoy", "spokesman", "spokeswoman",
    "spokesperson", "director", "ceo", "chairman", "chairwoman", "leader", "commissioner",
];

/// Head words after a place name that make the whole phrase an organisation or a title
/// ("Jordan Times", "Damascus University").
pub(crate) const ORG_HEADS: &[&str] = &[
    "times", "post", "herald", "tribune", "journal", "daily", "news", "press", "gazette",
    "observer", "standard", "chronicle", "telegraph", "mail", "star", "today", "weekly",
    "university", "college", "institute", "academy", "school", "club", "fc", "united",
    "rovers", "athletic", "city", "wanderers", "bank", "company", "corporation", "corp", "inc",
    "ltd", "group", "airlines", "airways", "party", "front", "movement", "council",
    "foundation", "agency", "network", "television", "tv", "radio", "hotel", "stock",
    "exchange", "declaration", "accord", "accords", "agreement", "convention", "protocol",
    "process", "talks", "conference", "summit", "syndrome", "flu", "virus", "fever",
    "marathon", "open", "masters", "grand", "prix", "cup", "dolphins", "giants", "jets",
    "nationals", "cardinals", "rams", "raiders", "warriors", "kings", "lakers", "knicks",
    "nets", "bulls", "heat", "celtics", "yankees", "mets", "cubs", "rangers", "capitals",
    "senators", "sun", "suns", "thunder", "jazz", "magic", "pistons", "pacers", "bucks",
];

/// Words that may directly precede a place without making it part of a name.
pub(crate) const QUALIFIERS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "upper", "lower", "greater", "inner", "outer", "rural",
    "downtown", "suburban", "occupied", "liberated", "coastal", "old", "metropolitan",
];

/// Lower-case words allowed inside a multi-word place name ("Rio de Janeiro", "Deir ez Zor").
pub(crate) const CONNECTORS: &[&str] = &[
    "de", "del", "da", "do", "dos", "das", "di", "du", "des", "la", "le", "les", "los", "las",
    "of", "on", "upon", "the", "el", "al", "ez", "es", "ed", "ad", "ar", "as", "ash", "az", "an",
    "at", "bin", "ibn", "und", "am", "im", "an", "sur", "en", "y", "i",
];

/// Words after which a country abbreviation ("U.S.", "UK") is a noun, not an adjective.
pub(crate) const NOT_NOUN_AFTER_ABBREV: &[&str] = &[
    "and", "or", "but", "is", "was", "were", "are", "has", "had", "have", "will", "would",
    "could", "should", "can", "may", "might", "must", "did", "does", "do", "said", "says",
    "say", "to", "in", "on", "at", "for", "of", "as", "by", "with", "from", "into", "over",
    "after", "before", "since", "than", "that", "which", "who", "where", "when", "if", "because",
    "while", "also", "not", "never", "still", "already", "itself", "alone",
];

pub(crate) fn contains(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}
