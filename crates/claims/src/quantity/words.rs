//! Word lists for quantities, kept as data: number words, scale words, vague plurals, bound and
//! hedge modifiers, units, and the words that end or are skipped in a counted noun phrase.

/// "one" … "nineteen", "twenty" … "ninety" (and German "zwei" … "zwölf", "zwanzig" …
/// "neunzig") → value.
pub(crate) fn small_number(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        // German ("drei Menschen getötet und acht weitere verletzt"); "ein", "eine" are also
        // articles and stay out.
        "zwei" => 2.0,
        "drei" => 3.0,
        "vier" => 4.0,
        "fünf" => 5.0,
        "sechs" => 6.0,
        "sieben" => 7.0,
        "acht" => 8.0,
        "neun" => 9.0,
        "zehn" => 10.0,
        "zwölf" => 12.0,
        "zwanzig" => 20.0,
        "dreißig" => 30.0,
        "vierzig" => 40.0,
        "fünfzig" => 50.0,
        "sechzig" => 60.0,
        "siebzig" => 70.0,
        "achtzig" => 80.0,
        "neunzig" => 90.0,
        _ => return None,
    })
}

/// A number word, including hyphenated tens and units ("twenty-one", "forty‑five").
pub(crate) fn word_number(w: &str) -> Option<f64> {
    if let Some(v) = small_number(w) {
        return Some(v);
    }
    let (tens, unit) = w.split_once(['-', '‑'])?;
    let t = small_number(tens)?;
    let u = small_number(unit)?;
    (t >= 20.0 && t % 10.0 == 0.0 && (1.0..=9.0).contains(&u)).then_some(t + u)
}

/// Multiplying words: "hundred", "thousand", "million", "billion", "trillion" (and "bn", "mn").
pub(crate) fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mn" | "mln" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" | "tn" => 1e12,
        _ => return None,
    })
}

/// A scale glued to digits: "2bn", "100m", "5k".
pub(crate) fn glued_scale(w: &str) -> Option<f64> {
    Some(match w {
        "k" => 1e3,
        "m" | "mn" | "mln" => 1e6,
        "bn" | "b" => 1e9,
        "tn" => 1e12,
        _ => return None,
    })
}

/// Vague plural quantities and their lower bound: "dozens" (24), "hundreds" (200) …
pub(crate) fn vague_plural(w: &str) -> Option<f64> {
    Some(match w {
        "dozens" => 24.0,
        "scores" => 40.0,
        "tens" => 20.0,
        "hundreds" => 200.0,
        "thousands" => 2e3,
        "millions" => 2e6,
        "billions" => 2e9,
        _ => return None,
    })
}

/// How a modifier before a number bounds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bound {
    /// "at least", "more than", "over": a lower bound (taken as inclusive).
    Min,
    /// "up to", "fewer than", "less than": an upper bound (taken as inclusive).
    Max,
    /// "about", "around", "some", "nearly": the value, approximately.
    About,
    /// "between X and Y".
    Between,
    /// "from X to Y".
    From,
}

/// Modifiers as word sequences, longest first within each leading word.
pub(crate) const MODIFIERS: &[(&[&str], Bound)] = &[
    (&["no", "fewer", "than"], Bound::Min),
    (&["no", "less", "than"], Bound::Min),
    (&["not", "less", "than"], Bound::Min),
    (&["no", "more", "than"], Bound::Max),
    (&["not", "more", "than"], Bound::Max),
    (&["at", "least"], Bound::Min),
    (&["at", "most"], Bound::Max),
    (&["a", "minimum", "of"], Bound::Min),
    (&["a", "maximum", "of"], Bound::Max),
    (&["well", "over"], Bound::Min),
    (&["well", "above"], Bound::Min),
    (&["just", "over"], Bound::Min),
    (&["just", "under"], Bound::About),
    (&["more", "than"], Bound::Min),
    (&["over"], Bound::Min),
    (&["above"], Bound::Min),
    (&["upwards", "of"], Bound::Min),
    (&["in", "excess", "of"], Bound::Min),
    (&["exceeding"], Bound::Min),
    (&["up", "to"], Bound::Max),
    (&["as", "many", "as"], Bound::Max),
    // "other estimates run as high as 12,000": at most that, by their reckoning.
    (&["as", "high", "as"], Bound::Max),
    (&["as", "low", "as"], Bound::Min),
    (&["as", "much", "as"], Bound::Max),
    (&["fewer", "than"], Bound::Max),
    (&["less", "than"], Bound::Max),
    (&["under"], Bound::Max),
    (&["below"], Bound::Max),
    (&["about"], Bound::About),
    (&["around"], Bound::About),
    (&["some"], Bound::About),
    (&["nearly"], Bound::About),
    (&["almost"], Bound::About),
    (&["roughly"], Bound::About),
    (&["approximately"], Bound::About),
    (&["approx"], Bound::About),
    (&["circa"], Bound::About),
    (&["an", "estimated"], Bound::About),
    (&["estimated"], Bound::About),
    (&["close", "to"], Bound::About),
    (&["an", "approximate"], Bound::About),
    (&["between"], Bound::Between),
    // German.
    (&["mehr", "als"], Bound::Min),
    (&["mindestens"], Bound::Min),
    (&["über"], Bound::Min),
    (&["bis", "zu"], Bound::Max),
    (&["weniger", "als"], Bound::Max),
    (&["rund"], Bound::About),
    (&["etwa"], Bound::About),
    (&["ungefähr"], Bound::About),
    (&["knapp"], Bound::About),
    // "Fast 300 Menschen wurden verletzt": almost 300.
    (&["fast"], Bound::About),
    (&["beinahe"], Bound::About),
    (&["nahezu"], Bound::About),
    (&["zwischen"], Bound::Between),
    (&["from"], Bound::From),
];

/// Currency words after a number: "dollars" → "USD".
pub(crate) fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollars" | "dollar" | "usd" => "USD",
        "euros" | "euro" | "eur" => "EUR",
        "pounds" | "gbp" => "GBP",
        "rubles" | "roubles" | "rub" => "RUB",
        "afghanis" | "afn" => "AFN",
        "rupees" => "INR",
        _ => return None,
    })
}

/// Currency codes written before a number, as written (upper case): "USD 5".
pub(crate) fn currency_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "USD" | "US" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "RUB" => "RUB",
        "AFN" => "AFN",
        _ => return None,
    })
}

/// Currency symbols: "$" → "USD".
pub(crate) fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '₽' => "RUB",
        '₹' => "INR",
        '¥' => "JPY",
        _ => return None,
    })
}

/// Measure units after a number (singular or plural) → unit name.
pub(crate) fn measure_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" | "kilometres" | "kilometers" | "kilometre" | "kilometer" => "km",
        "miles" | "mile" => "mile",
        "m" | "metres" | "meters" | "metre" | "meter" => "m",
        "kg" | "kilograms" | "kilogram" | "kilos" => "kg",
        "tonnes" | "tons" | "tonne" | "ton" => "t",
        "years" | "year" => "year",
        "months" | "month" => "month",
        "weeks" | "week" => "week",
        "days" | "day" => "day",
        "hours" | "hour" => "hour",
        "minutes" | "minute" => "minute",
        _ => return None,
    })
}

/// Units glued to digits: "10km", "5kg".
pub(crate) fn glued_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" => "km",
        "kg" => "kg",
        "mm" => "mm",
        "cm" => "cm",
        _ => return None,
    })
}

/// Words that end a counted noun phrase: prepositions, determiners, conjunctions,
/// auxiliaries, pronouns and a few adverbs.
pub(crate) fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "in" | "of"
            | "from"
            | "at"
            | "on"
            | "for"
            | "to"
            | "with"
            | "by"
            | "near"
            | "across"
            | "during"
            | "after"
            | "before"
            | "since"
            | "between"
            | "among"
            | "amongst"
            | "including"
            | "per"
            | "into"
            | "over"
            | "under"
            | "against"
            | "inside"
            | "outside"
            | "within"
            | "without"
            | "around"
            | "about"
            | "than"
            | "as"
            | "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "where"
            | "when"
            | "while"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "have"
            | "has"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "can"
            | "shall"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "you"
            | "them"
            | "their"
            | "its"
            | "his"
            | "her"
            | "our"
            | "also"
            | "not"
            | "only"
            | "still"
            | "already"
            | "reportedly"
            | "allegedly"
            | "now"
            | "then"
            | "said"
            | "says"
            | "say"
            | "each"
            | "there"
            | "here"
            | "ago"
            | "earlier"
            | "later"
            | "yet"
            | "so"
            | "if"
            | "because"
            | "died"
            | "die"
            | "remain"
            | "remained"
            | "remains"
            | "went"
            | "got"
            | "became"
            | "become"
            | "according"
            | "via"
            | "whereas"
            | "another"
            | "else"
            | "out"
            // German.
            | "und"
            | "oder"
            | "aus"
            | "im"
            | "bei"
            | "nach"
            | "von"
            | "mit"
            | "auf"
            | "der"
            | "das"
            | "den"
            | "wurden"
            | "waren"
            | "sind"
            | "seien"
            | "haben"
            | "hat"
            | "ist"
            | "getötet"
            | "verletzt"
            | "festgenommen"
            | "verhaftet"
            | "gestorben"
            | "entführt"
    )
}

/// Adjectives and quantifier words skipped before the head noun: "nine *different* countries",
/// "two *more* people", "three *other* men", "five *armed* men".
pub(crate) fn is_skipped_adjective(w: &str) -> bool {
    matches!(
        w,
        "different"
            | "more"
            | "other"
            | "armed"
            | "additional"
            | "further"
            | "new"
            | "suspected"
            | "alleged"
            | "separate"
            | "young"
            | "foreign"
            | "unidentified"
            | "unknown"
            | "local"
            | "senior"
            | "major"
            | "small"
            | "large"
            | "big"
            | "possible"
            | "potential"
            | "former"
            | "top"
            | "individual"
            | "distinct"
            | "coordinated"
            | "deadly"
            | "fatal"
            | "serious"
            | "minor"
            | "known"
            | "confirmed"
            | "reported"
            | "innocent"
            | "unarmed"
            | "fellow"
            | "similar"
            | "successive"
            | "consecutive"
            | "key"
            | "high-ranking"
            | "low-ranking"
            | "european"
    )
}

/// Plural nouns that do not end in "s", and singular-looking collectives counted as heads.
pub(crate) fn is_irregular_plural(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "men"
            | "women"
            | "children"
            | "police"
            | "personnel"
            | "staff"
            | "militia"
            | "cattle"
            | "sheep"
            | "crew"
            | "youth"
            | "clergy"
            | "infantry"
            | "aircraft"
            | "gentlemen"
            | "policemen"
            | "gunmen"
            | "servicemen"
            | "tribesmen"
            | "militiamen"
            | "kinsmen"
            | "countrymen"
            | "dead"
            | "injured"
            | "wounded"
            | "killed"
            | "missing"
            | "feet"
            | "teeth"
            | "mice"
            | "geese"
            | "persons"
            | "alumni"
            | "criteria"
            | "media"
            | "data"
    )
}

/// Words that look plural (end in "s") but are not: "bus", "process", "analysis", "famous".
pub(crate) fn looks_plural(w: &str) -> bool {
    if is_irregular_plural(w) {
        return true;
    }
    let n = w.len();
    n > 2
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
        && !w.ends_with("’s")
        && !matches!(
            w,
            "was"
                | "has"
                | "is"
                | "as"
                | "its"
                | "his"
                | "this"
                | "thus"
                | "whereas"
                | "afterwards"
        )
}

/// Words before a number that make it a label, not a quantity: "Article 5", "Flight 752".
pub(crate) fn is_label(w: &str) -> bool {
    matches!(
        w,
        "article"
            | "articles"
            | "resolution"
            | "flight"
            | "route"
            | "chapter"
            | "section"
            | "page"
            | "pages"
            | "paragraph"
            | "clause"
            | "line"
            | "no"
            | "nr"
            | "nos"
            | "vol"
            | "volume"
            | "room"
            | "gate"
            | "platform"
            | "terminal"
            | "highway"
            | "road"
            | "street"
            | "channel"
            | "episode"
            | "season"
            | "phase"
            | "level"
            | "category"
            | "grade"
            | "class"
            | "brigade"
            | "division"
            | "regiment"
            | "battalion"
            | "squadron"
            | "rule"
            | "amendment"
            | "version"
            | "windows"
            | "iphone"
            | "covid"
            | "unit"
            | "block"
            | "sector"
            | "district"
            | "camp"
            | "zone"
            | "exit"
            | "bus"
            | "tel"
            | "phone"
    )
}

/// Month names and abbreviations: a number next to one is a date.
pub(crate) fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "januar"
            | "februar"
            | "märz"
            | "mai"
            | "juni"
            | "juli"
            | "oktober"
            | "dezember"
    )
}

/// Words before "one" that make it a pronoun: "the one", "no one", "each one".
pub(crate) fn is_pronoun_one_context(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "no"
            | "this"
            | "that"
            | "any"
            | "each"
            | "every"
            | "which"
            | "such"
            | "another"
            | "someone"
            | "everyone"
            | "anyone"
    )
}
