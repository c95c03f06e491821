//! The event trigger lexicon: words and phrases that announce an event of a kind in the taxonomy
//! (`docs/events.md`), as data — one row per pattern, tried in order, longest match first.

use dossier_core::claims::EventKind;
use dossier_core::Span;
use regex::Regex;
use std::sync::OnceLock;

/// One lexicon row: kind, finer type, and a case-insensitive regular expression (word-bounded).
pub struct Row {
    pub kind: EventKind,
    pub subkind: Option<&'static str>,
    pub pattern: &'static str,
    /// A plain noun ("attacks") that denotes an event only with an argument anchoring it.
    pub needs_anchor: bool,
}

const fn row(
    kind: EventKind,
    subkind: Option<&'static str>,
    pattern: &'static str,
    needs_anchor: bool,
) -> Row {
    Row {
        kind,
        subkind,
        pattern,
        needs_anchor,
    }
}

use EventKind::*;

/// The English lexicon. German rows follow in [`ROWS_DE`].
pub const ROWS: &[Row] = &[
    // Claims of responsibility come first: "claimed responsibility for the attack".
    row(
        ClaimOfResponsibility,
        None,
        r"(?:claimed|claims|claiming|claim of|took|takes|has taken|have taken|accepted|admitted) (?:the )?responsibility",
        false,
    ),
    row(
        ClaimOfResponsibility,
        None,
        r"claimed (?:the|an|that|this) (?:attack|bombing|assault|killing|massacre|shooting|hijacking|abduction|kidnapping)s?",
        false,
    ),
    // "The bombings were claimed by Islamic State".
    row(
        ClaimOfResponsibility,
        None,
        r"(?:was|were|has been|have been|had been) (?:later |quickly |swiftly )?claimed by",
        false,
    ),
    // Denials are claims with the opposite reading ("denied any involvement", "denied that the
    // group was involved", "said it was not behind", "initially claimed the attack but later
    // denied it"): the denial cue makes the responsibility
    // `denied`.
    row(
        ClaimOfResponsibility,
        None,
        r"(?:denied|denies|denying) (?:any |all )?(?:involvement|responsibility|role)|(?:denied|denies|denying) (?:carrying out|having carried out|conducting|staging|perpetrating|being behind|any part in|a part in)|(?:denied|denies) (?:that )?(?:the group|it|they) (?:was|were|had been) (?:involved|behind)|(?:said|says|insisted|insists) (?:that )?(?:it|they) (?:was|were|had) not (?:been )?(?:involved|behind|responsible)|(?:(?:said|says|insisted|insists) (?:that )?(?:it|they) )?(?:had|has|have) nothing to do with|(?:retracted|withdrew) (?:the |its )?claim|distanced (?:itself|themselves|the group|the organi[sz]ation) from|but (?:later |then |subsequently |soon )?(?:denied|retracted|withdrew) (?:it|this|that)\b",
        false,
    ),
    // "the Nigerian government disputed the claim": a claim told before, contested.
    row(
        ClaimOfResponsibility,
        None,
        r"(?:disputed|disputes|rejected|rejects|dismissed|dismisses|questioned|questions|cast doubt on|casts doubt on) (?:the|that|this|its|their|the group's) claims?\b",
        false,
    ),
    // Plots.
    row(
        Plot,
        Some("foiled"),
        r"(?:foiled|thwarted|prevented|disrupted) (?:an? |the )?(?:terror(?:ist)? )?(?:attack|plot|bombing)s?",
        false,
    ),
    row(
        Plot,
        Some("foiled"),
        r"(?:attack|terror|bomb(?:ing)?) plots?",
        false,
    ),
    row(
        Plot,
        Some("planned"),
        r"(?:planned|planning|plotted|plotting|preparing|prepared|plans? to carry out|wanted to attack|intended to attack|wanted to carry out|planned to carry out)(?: an?| the)?(?: [\w-]+){0,2} (?:attack|bombing|assault)s?",
        false,
    ),
    row(
        Plot,
        Some("planned"),
        r"wanted to attack|intended to attack|plann(?:ed|ing) to (?:attack|kill|bomb|stab|blow up|storm|overthrow|assassinate|kidnap|abduct|seize)|(?:wanted|intended) to (?:kill|bomb|blow up|storm|assassinate)",
        false,
    ),
    row(Plot, Some("planned"), r"attack plans?", false),
    row(Plot, None, r"plot(?:ted|ting)? to", false),
    // Leaders killed: before attacks so that "killed the leader" wins.
    row(
        LeaderKilled,
        None,
        // "was reportedly killed", "is believed to have died", "blew himself up": a death told
        // with its hedge (the certainty stage keeps it) or by the leader's own hand.
        r"(?:leader|chief|emir|commander|founder|head|spokesman|spokesperson)(?: of [\w\- ]{2,40}?)?,?(?: [\w\-]+){0,4},? (?:(?:was|has been|had been|were|is|are) (?:reportedly |allegedly |apparently |probably |likely |presumably )?(?:killed|assassinated|eliminated)|(?:is|was|are|were) (?:believed|thought|said|reported|understood|presumed) to have (?:been killed|died|blown himself up|killed himself)|(?:is|was|are|were) (?:now |reportedly |allegedly |already )?dead\b|(?:reportedly |allegedly |apparently )?(?:died|blew himself up|killed himself))",
        false,
    ),
    row(
        LeaderKilled,
        None,
        r"(?:killed|assassinated|eliminated) (?:the |its |their )?(?:[\w\-]+ ){0,3}(?:leader|chief|emir|commander|founder|spokesman)",
        false,
    ),
    row(
        LeaderKilled,
        None,
        r"death of (?:the |its )?(?:[\w\-]+ ){0,3}(?:leader|chief|emir|founder|spokesman)",
        false,
    ),
    // Attacks with a finer type.
    row(
        Attack,
        Some("suicide_bombing"),
        r"suicide (?:bomb(?:ings?|ers?)?|attacks?|blasts?|vests?)|blew (?:himself|herself|themselves) up|blown (?:himself|herself|themselves) up",
        false,
    ),
    row(
        Attack,
        Some("air_strike"),
        // ("An Israeli strike hit a school", "was killed in an Israeli strike on Beirut",
        // "wounded in a strike": a bare "strike" that hits or kills, not a walkout nor a
        // hunger strike; "Israeli jets struck several buildings".)
        r"(?:drone|air|missile|rocket) strikes?|airstrikes?|air raids?|strikes? (?:hit|hits|struck|killed|kills|destroyed|flattened)\b|(?:killed|died|wounded|injured) in an? (?:(?:US|U\.S\.|[\w-]+(?:i|an|ish|ese|ch|-led)|coalition|targeted|precision|overnight) )?strikes?\b|(?:jets|warplanes|fighter planes|aircraft) (?:struck|hit|bombed|pounded)\b",
        false,
    ),
    // "when a missile struck a ship in the Gulf of Aden": an attack (the claim of "the attack"
    // joins it).
    row(
        Attack,
        None,
        r"(?:missile|rocket|drone)s? (?:struck|hit|slammed into)\b",
        false,
    ),
    row(
        Attack,
        Some("bombing"),
        r"car bomb(?:ing)?s?|truck bomb(?:ing)?s?|roadside bombs?|bomb attacks?|bombings?|explosions?|blasts?|detonated|exploded|bomb went off|bombs? (?:killed|ripped through|tore through)|explosives?[- ](?:laden|packed) (?:truck|car|vehicle|van|motorcycle)s?|(?:truck|car|vehicle|van)s? (?:packed|laden|loaded|filled) with explosives",
        false,
    ),
    row(
        Attack,
        Some("shooting"),
        r"mass shootings?|shootings?|opened fire|gunm[ae]n (?:who )?(?:stormed|attacked|killed)|shot dead|gun attacks?|shot (?:and killed )?(?:\w+ ){0,2}(?:people|holidaymakers|tourists|worshippers|civilians|students|passers-by|shoppers|guests|hostages|bathers)",
        false,
    ),
    row(
        Attack,
        Some("stabbing"),
        r"stabbings?|stabbed|knife attacks?",
        false,
    ),
    row(
        Attack,
        Some("vehicle_ramming"),
        r"(?:drove|driving|drives|driven|ploughed|plowed|ploughing|plowing|rammed|ramming|steered|crashed) (?:a |an |his |her |the |their )?(?:[\w-]+ )?(?:truck|lorry|car|van|vehicle|bus|suv)s? (?:into|through)|(?:truck|lorry|car|van|vehicle)s? (?:ploughed|plowed|ploughing|plowing|slammed|crashed|rammed|drove) (?:into|through)|(?:drove|ploughed|plowed|rammed|steered) (?:a |an |his |her |the |their )?(?:[\w-]+ ){1,4}(?:into|through) (?:a |an |the )?(?:[\w-]+ )?(?:crowds?|march|demonstration|demonstrators|protesters|pedestrians|revellers|shoppers|worshippers|procession|parade|rally|(?:christmas )?market)|(?:truck|lorry|car|van|vehicle|bus|suv)s? (?:was|were|had been) (?:driven|steered|rammed) (?:into|through)|(?:truck|lorry|car|van|vehicle|suv)s? (?:rammed|hit|struck|mowed down) (?:a |an |the )?(?:[\w-]+ )?(?:crowds?|march|demonstration|demonstrators|protesters|pedestrians|revellers|shoppers|worshippers|procession|parade|rally|(?:christmas )?market)|(?:vehicle|car|truck)[- ]ramming(?: attacks?)?|ramming attacks?",
        false,
    ),
    row(
        Attack,
        Some("arson"),
        r"arson(?: attacks?)?|set fire to|set (?:\w+ )?on fire|firebomb(?:ed|ing)?",
        false,
    ),
    row(
        Attack,
        Some("kidnapping"),
        r"kidnapp(?:ed|ing|ings)|abduct(?:ed|ion|ions)|taken hostage|hostage[- ]taking|(?:took|taking|seized|seizing) (?:[\w-]+ ){0,4}?(?:as )?hostages?\b",
        false,
    ),
    row(
        Attack,
        Some("hijacking"),
        r"hijack(?:ed|ing|ings)|seized (?:the|a|an) (?:[\w-]+ )?(?:vessel|ship|plane|aircraft|airliner|tanker|freighter|train|bus|coach)\b",
        false,
    ),
    row(
        Attack,
        Some("assault_on_base"),
        r"(?:attack|assault|raid)(?:ed|s)? (?:on )?(?:an? |the )?(?:[\w\-]+ ){0,2}(?:military base|army base|base|barracks|checkpoint|outpost)",
        false,
    ),
    row(Attack, Some("massacre"), r"massacres?|massacred", false),
    // "the siege at the Westgate shopping mall": a siege of a place by attackers (with an
    // argument anchoring it, like any plain attack noun).
    row(
        Attack,
        Some("siege"),
        r"sieges?|hostage[- ]stand-?offs?",
        true,
    ),
    row(Attack, None, r"terror(?:ist)? attacks?", true),
    // "Jihadists killed 130 people in Paris": armed men who killed a number of people
    // ("Jihadist fighters killed 40 people": fighters of that kind; not any fighters, who may be
    // an army's).
    row(
        Attack,
        None,
        r"(?:jihadists|militants|insurgents|islamists|extremists|terrorists|assailants|(?:jihadist|islamist|militant|extremist|insurgent|terrorist) fighters) killed (?:at least |more than |about |around |nearly |some )?(?:\d[\d,]*|dozens|scores|hundreds|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b",
        false,
    ),
    // "Militants linked to al-Qaeda killed scores of villagers": the same with the armed men
    // described; the trigger is the killing (`t`), the group stays outside it.
    row(
        Attack,
        None,
        r"(?:jihadists|militants|insurgents|islamists|extremists|terrorists|assailants|gunmen|fighters),? (?:linked|affiliated|allied|loyal|tied) (?:to|with) (?:the )?[\w'’-]+(?: [\w'’-]+){0,4}?,? (?P<t>killed (?:at least |more than |about |around |nearly |some )?(?:\d[\d,]*|dozens|scores|hundreds|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))\b",
        false,
    ),
    // "A Syrian man suspected of killing three people at a festival in Solingen": a killing of
    // people someone is suspected, accused or convicted of (a number of people, so that a
    // single murder or a flood's toll is not taken for an attack). The trigger is the group
    // `t`, the killing: the suspicion is the man's.
    row(
        Attack,
        None,
        r"(?:suspected|accused|charged|convicted|jailed|sentenced|wanted|tried|on trial) (?:\w+ )?(?:of|with|for|over) (?:the )?(?P<t>(?:killing|murdering|killings of|murders of) (?:at least |more than |about |around |nearly |some )?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozens|scores|hundreds)(?: [\w-]+)? (?:people|persons|civilians|worshippers|tourists|visitors|shoppers|passengers|pedestrians|students|children|festivalgoers|concertgoers|soldiers|police officers|policemen))",
        false,
    ),
    row(
        Attack,
        None,
        r"attack(?:ed|s)?|assault(?:ed|s)?|ambush(?:ed|es)?|stormed|raided",
        true,
    ),
    row(Attack, None, r"attackers", true),
    // Arrests.
    row(
        Arrest,
        None,
        r"arrest(?:ed|s)?|detain(?:ed|ing)|detention|(?:turned|handed) (?:himself|herself|themselves) (?:in|over)|gave (?:himself|herself|themselves) up|taken into custody|took (?:[\w\-]+ ){1,7}into custody|apprehended|in custody",
        false,
    ),
    // Organisation-level events.
    row(
        Pledge,
        None,
        r"pledged (?:its |their |his )?(?:allegiance|loyalty)|swore allegiance|bay['’]ah",
        false,
    ),
    row(
        Split,
        None,
        r"split (?:from|with|off)|broke (?:away|off) from|breakaway|splinter(?:ed)? (?:group|faction|from)",
        false,
    ),
    row(
        Founding,
        None,
        r"(?:was|were|had been|has been|been) (?:founded|formed|established|created|set up)|founding of|was born|emerged (?:in|around|about|circa) (?:the )?(?:early |mid-|late )?(?:\d{4}|\d{4}s)",
        false,
    ),
    row(
        Offensive,
        None,
        r"(?:launched|began|started|mounted) (?:an? |the |its |their )?(?:[\w\-]+ ){0,2}offensive|offensive against",
        false,
    ),
    row(
        Recapture,
        None,
        r"recaptured|retook|retaken|recapture|regained control|seized control of|captured the (?:city|town|village|district)",
        false,
    ),
    row(
        Withdrawal,
        None,
        r"withdrew|withdrawal|pulled out of|retreated from",
        false,
    ),
    row(
        Designation,
        None,
        r"(?:designated|blacklisted) [^.;:]{0,120}? as an? (?:foreign |specially designated global )?terrorist (?:organi[sz]ation|group|entity)|designated (?:[\w-]+ ){0,4}an? (?:foreign )?terrorist (?:organi[sz]ation|group|entity)|(?:banned|proscribed|outlawed) (?:as )?an? terrorist|(?:banned|proscribed|outlawed) (?:[\w-]+ ){1,4}as an? terrorist (?:organi[sz]ation|group)|proscribed (?:[\w-]+ ){1,4}in (?:its|their) entirety|listed as an? terrorist|terror(?:ist)? designation",
        false,
    ),
    row(Warning, None, r"warned|warning of|issued a warning", true),
];

/// German rows (kept short: the dossier's German coverage grows here).
pub const ROWS_DE: &[Row] = &[
    row(
        ClaimOfResponsibility,
        None,
        // ("hatte die Tat für sich reklamiert": the perfect tense, the object first.)
        r"(?:reklamierte|beanspruchte|übernahm) (?:den Anschlag|die Verantwortung|die Tat)|(?:den Anschlag|die Tat|die Verantwortung)(?: \w+){0,4} (?:reklamiert|beansprucht|übernommen)\b|bekannte sich",
        false,
    ),
    row(
        Plot,
        Some("planned"),
        r"(?:Anschlag|Angriff) geplant|Anschlagspläne|geplante[nr]? Anschlag",
        false,
    ),
    row(
        Attack,
        Some("suicide_bombing"),
        r"Selbstmordanschlag|Selbstmordattentat",
        false,
    ),
    // "Der Mann soll im August 2024 auf dem Stadtfest in Solingen drei Menschen getötet haben":
    // a killing of a number of people (not one person, a flood's toll), its hedge the verb's.
    row(
        Attack,
        None,
        r"(?:\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|mehrere|Dutzende|zahlreiche) (?:[\wäöüß]+ ){0,2}?(?:Menschen|Personen|Besucher|Passanten|Polizisten|Soldaten|Zivilisten|Gläubige|Kinder) (?P<t>(?:getötet|erschossen) (?:haben|zu haben|hatte|hat|hätten|habe|worden|wurden))",
        false,
    ),
    row(
        Attack,
        Some("stabbing"),
        r"Messerangriff|Messerattacke|Messerattentat|Messeranschlag",
        false,
    ),
    row(
        Attack,
        Some("stabbing"),
        r"mit einem Messer (?:verletzt|angegriffen|attackiert|getötet|niedergestochen)|niedergestochen|erstochen|eingestochen",
        true,
    ),
    row(
        Attack,
        Some("vehicle_ramming"),
        r"(?:in|durch) (?:die|eine) Menschenmenge (?:gefahren|gerast)|Amokfahrt",
        true,
    ),
    // "war ... mit einem gemieteten BMW über einen Rettungsweg auf den Weihnachtsmarkt gerast",
    // "raste in die Menge"
    row(
        Attack,
        Some("vehicle_ramming"),
        r"(?:in|auf|über|durch) (?:die|den|das|eine|einen) (?:[\wäöüß-]+ )?(?:Menge|Menschenmenge|Weihnachtsmarkt|Markt|Marktplatz|Fußgängerzone|Demonstration|Demonstrationszug|Passanten|Fußgänger|Besucher) (?:gerast|gefahren|gesteuert)|(?:raste|rasten|fuhr|steuerte) (?:[\wäöüß-]+ ){0,4}?(?:in|auf|über|durch) (?:die|den|das|eine|einen) (?:[\wäöüß-]+ )?(?:Menge|Menschenmenge|Weihnachtsmarkt|Markt|Marktplatz|Fußgängerzone|Demonstration|Demonstrationszug|Passanten|Fußgänger|Besucher)",
        true,
    ),
    // "war ein Lastwagen in einen Weihnachtsmarkt in Berlin gerast"
    row(
        Attack,
        Some("vehicle_ramming"),
        r"(?:Lastwagen|Lkw|Laster|Sattelschlepper|Transporter|Auto|Fahrzeug)\w* (?:[\wäöüß]+ ){0,6}?(?:in|auf|durch) (?:[\wäöüß]+ ){1,5}?(?:gerast|gesteuert)",
        true,
    ),
    // "hatte ... Reisende mit einer Axt angegriffen"
    row(
        Attack,
        Some("stabbing"),
        r"mit (?:einer Axt|einem Beil|einer Machete) (?:[\wäöüß]+ ){0,2}?(?:angegriffen|attackiert|verletzt|getötet)",
        true,
    ),
    // "einen Rucksack mit Sprengstoff gezündet", "einen Sprengsatz gezündet"
    row(
        Attack,
        Some("bombing"),
        r"(?:Sprengsatz|Sprengstoff|Bombe|Sprengstoffgürtel|Sprengstoffweste)\w* (?:[\wäöüß]+ ){0,3}?(?:gezündet|zur Explosion gebracht)|in die Luft gesprengt",
        true,
    ),
    row(
        Attack,
        Some("shooting"),
        r"(?:auf [\wäöüß]+ )?geschossen|Schüsse (?:abgegeben|abgefeuert)|das Feuer eröffnet|Schusswechsel",
        true,
    ),
    row(
        Attack,
        Some("bombing"),
        r"Bombenanschlag|Sprengstoffanschlag|Bombenexplosion",
        false,
    ),
    row(
        Attack,
        None,
        r"Anschlag|Anschläge[n]?|Angriff|Terrorangriff|Attentat|Attentäter",
        true,
    ),
    // "soll ... dem Anführer der Terrormiliz Islamischer Staat (IS) die Treue geschworen haben"
    row(
        Pledge,
        None,
        r"(?:die )?Treue (?:geschworen|schwor|schworen)|Treueeid|Gefolgschaft (?:geschworen|schwor)",
        false,
    ),
    row(
        Arrest,
        None,
        r"festgenommen|nahm(?:en)? (?:[\w\-äöüß]+ ){1,8}?fest\b|Festnahme[n]?|verhaftet|Verhaftung(?:en)?|in Gewahrsam genommen|stellte sich (?:[\wäöüß]+ ){0,3}(?:der Polizei|den Behörden)|(?:hat|hatte) sich (?:der Polizei |den Behörden )?gestellt",
        false,
    ),
];

pub struct Compiled {
    pub rows: Vec<(&'static Row, Regex)>,
}

fn compile(rows: &'static [Row]) -> Compiled {
    let rows = rows
        .iter()
        .filter_map(|r| {
            // Every pattern is a literal in this file and is compiled by a test; a bad one is
            // skipped rather than panicking the stage.
            Regex::new(&format!(r"(?i)\b(?:{})\b", r.pattern))
                .ok()
                .map(|re| (r, re))
        })
        .collect();
    Compiled { rows }
}

pub fn english() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| compile(ROWS))
}

pub fn german() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| compile(ROWS_DE))
}

/// A trigger found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    pub kind: EventKind,
    pub subkind: Option<&'static str>,
    pub span: Span,
    pub needs_anchor: bool,
}

/// Triggers in `text[range]`, non-overlapping: earlier rows win over later rows, then longer
/// matches over shorter ones.
pub fn find(text: &str, range: Span, language: &str) -> Vec<Trigger> {
    let Some(hay) = text.get(range.start..range.end) else {
        return Vec::new();
    };
    let lex = if language.starts_with("de") {
        german()
    } else {
        english()
    };
    let mut found: Vec<Trigger> = Vec::new();
    for (row, re) in &lex.rows {
        // (A row may name the trigger inside its context: the group `t`.)
        let matches: Vec<regex::Match> = if re.captures_len() > 1 {
            re.captures_iter(hay)
                .filter_map(|c| c.name("t").or_else(|| c.get(0)))
                .collect()
        } else {
            re.find_iter(hay).collect()
        };
        for m in matches {
            let span = Span::new(range.start + m.start(), range.start + m.end());
            if found
                .iter()
                .any(|t| t.span.start < span.end && span.start < t.span.end)
            {
                continue;
            }
            if row.kind == LeaderKilled && not_the_leaders_death(m.as_str()) {
                continue;
            }
            found.push(Trigger {
                kind: row.kind,
                subkind: row.subkind,
                span,
                needs_anchor: row.needs_anchor,
            });
        }
    }
    found.sort_by_key(|t| (t.span.start, t.span.end));
    found
}

/// A leader word and a death verb that tell of someone else's death: the leader reports it
/// ("the military's spokesman, said that 21 hostages had been killed") or another verb stands
/// between them ("the head and died": "was stabbed in the head and died").
fn not_the_leaders_death(m: &str) -> bool {
    let words: Vec<&str> = m
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    // ("is said to have died" is the leader's death, hedged.)
    let reports = words.iter().enumerate().any(|(i, w)| {
        [
            "said",
            "says",
            "told",
            "that",
            "announced",
            "confirmed",
            "reported",
        ]
        .contains(&w.to_lowercase().as_str())
            && words.get(i + 1) != Some(&"to")
    });
    let joined = words
        .iter()
        .position(|w| {
            [
                "died",
                "killed",
                "assassinated",
                "eliminated",
                "blew",
                "was",
                "were",
                "is",
                "are",
            ]
            .contains(&w.to_lowercase().as_str())
        })
        .is_some_and(|i| i > 0 && words[i - 1].eq_ignore_ascii_case("and"));
    reports || joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        assert_eq!(english().rows.len(), ROWS.len());
        assert_eq!(german().rows.len(), ROWS_DE.len());
    }

    #[test]
    fn finds_claims_before_attacks() {
        let t = "Islamic State claimed responsibility for the suicide bombing in Kabul.";
        let f = find(t, Span::new(0, t.len()), "en");
        let kinds: Vec<_> = f.iter().map(|t| (t.kind, t.subkind)).collect();
        assert_eq!(
            kinds,
            vec![
                (ClaimOfResponsibility, None),
                (Attack, Some("suicide_bombing"))
            ]
        );
    }
}
