//! Armed groups the knowledge base does not know, recognised by how a report speaks of a name:
//! "the militant group X", "X, a faction of the Pakistani Taliban,", "X militants", "X claimed
//! responsibility". A name so described once is a group wherever the report names it (and by an
//! acronym the report gives it: "Jamaat-ul-Ahrar (JuA)"). Each group is keyed as a new entity is
//! ([`crate::new_key`]), so that reports naming it the same way meet in one dossier.

use crate::discover::DiscoveredAlias;
use crate::link::{new_key, organisation_word};
use crate::normalize::is_word_char;
use dossier_core::{EntityMention, Span};

/// One mention of a group the knowledge base does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGroup {
    pub span: Span,
    /// The text under `span`.
    pub text: String,
    /// The new entity's key ("jamaat-ul-ahrar").
    pub key: String,
    /// What made the name a group: `descriptor`, `appositive`, `relative clause`, `members`,
    /// `claim`, or `same name` / `acronym` for its other mentions.
    pub cue: &'static str,
}

/// Descriptions that end right before a group's name: "the militant group X".
const DESCRIPTORS: &[&str] = &[
    "militant group",
    "armed group",
    "jihadist group",
    "jihadi group",
    "islamist group",
    "insurgent group",
    "rebel group",
    "terrorist group",
    "terror group",
    "extremist group",
    "separatist group",
    "militant organisation",
    "militant organization",
    "terrorist organisation",
    "terrorist organization",
    "militant outfit",
    "terror outfit",
    "splinter group",
    "breakaway faction",
    "militant faction",
    "rebel movement",
    "insurgent movement",
    "jihadist movement",
    "armed movement",
    "militia",
    "faction of",
    "faction of the",
    "offshoot of",
    "offshoot of the",
    "splinter group of",
    "affiliate of",
    "affiliate of the",
    "armed wing of",
    "militant wing of",
    "fighters of",
    "militants of",
    "faction known as",
    "group known as",
    "militia known as",
    "faction called",
    "group called",
    "group calling itself",
    "called itself",
    "calls itself",
    "calling itself",
    "terrormiliz",
    "terrorgruppe",
    "terrororganisation",
    "miliz",
];

/// Words of an appositive that makes the name before it a group: "X, a faction of ...,".
const APPOSITIVE_WORDS: &[&str] = &[
    "faction",
    "splinter",
    "offshoot",
    "militant",
    "militants",
    "jihadist",
    "jihadi",
    "insurgent",
    "rebel",
    "armed",
    "terrorist",
    "extremist",
    "separatist",
    "militia",
    "affiliate",
    "guerrilla",
    "terrormiliz",
    "miliz",
];

/// Nouns for a group's members right after its name: "X militants".
const MEMBERS: &[&str] = &[
    "militants",
    "fighters",
    "insurgents",
    "rebels",
    "jihadists",
    "gunmen",
    "militiamen",
    "guerrillas",
    "guerillas",
    "kämpfer",
];

/// What a group says of an attack, right after its name (or after an appositive).
const CLAIMS: &[&str] = &[
    "claimed responsibility",
    "has claimed responsibility",
    "later claimed responsibility",
    "claimed the attack",
    "claimed the bombing",
    "claimed the assault",
    "claimed credit",
    "took responsibility",
    "has taken responsibility",
    "said it carried out",
    "said it was behind",
    "said it was responsible",
    "bekannte sich",
    "reklamierte",
];

/// Groups the knowledge base does not know among the NER's names (`names`), leaving out names
/// that overlap a span in `taken` (knowledge-base matches), in text order. `discovered`: the
/// aliases the report states, whose acronyms then name the group too.
pub fn new_groups(
    text: &str,
    names: &[EntityMention],
    taken: &[Span],
    discovered: &[DiscoveredAlias],
) -> Vec<NewGroup> {
    let overlaps = |a: Span, b: Span| a.start < b.end && b.start < a.end;
    let free = |s: Span| {
        s.start < s.end
            && text.get(s.start..s.end).is_some()
            && !taken.iter().any(|t| overlaps(*t, s))
    };
    // Names a report defines ("Tehreek-e-Jihad Pakistan (TJP)"), which the NER may have missed,
    // both keyed by the full name.
    let mut candidates: Vec<(Span, String, String)> = Vec::new();
    for d in discovered {
        let key = new_key(&d.name);
        for (span, t) in [(d.name_span, &d.name), (d.alias_span, &d.alias)] {
            if free(span) && !candidates.iter().any(|c| overlaps(c.0, span)) {
                candidates.push((span, t.clone(), key.clone()));
            }
        }
    }
    // The NER's organisations, and names opening with a word for a group ("Jamaat-ul-Ahrar",
    // "Lashkar-e-Taiba") whatever label the model gave.
    // Any other name, when the words around it call it a group outright ("Fighters of Lakurawa,
    // a jihadist group active in ...", the NER having taken it for a place).
    for n in names {
        let org = n.label == "ORG"
            || (matches!(n.label.as_str(), "PERSON" | "NORP" | "GPE" | "FAC" | "LOC")
                && (organisation_word(&n.text) || called_a_group(text, n.span)));
        if org && free(n.span) && !candidates.iter().any(|c| overlaps(c.0, n.span)) {
            candidates.push((n.span, n.text.clone(), new_key(&n.text)));
        }
    }
    for (span, t) in lexical_names(text) {
        if free(span) && !candidates.iter().any(|c| overlaps(c.0, span)) {
            let key = new_key(&t);
            candidates.push((span, t, key));
        }
    }
    candidates.retain(|c| c.2.chars().any(char::is_alphabetic));
    candidates.sort_by_key(|c| (c.0.start, c.0.end));
    let cues: Vec<Option<&'static str>> = candidates.iter().map(|c| cue(text, c.0)).collect();
    let mut keys: Vec<String> = Vec::new();
    for ((_, _, key), c) in candidates.iter().zip(&cues) {
        if c.is_some() && !keys.contains(key) {
            keys.push(key.clone());
        }
    }
    let mut out: Vec<NewGroup> = candidates
        .iter()
        .zip(&cues)
        .filter(|(c, _)| keys.contains(&c.2))
        .map(|((span, t, key), c)| NewGroup {
            span: *span,
            text: t.clone(),
            key: key.clone(),
            cue: c.unwrap_or("same name"),
        })
        .collect();
    // "Jamaat-ul-Ahrar (JuA)": the acronym names the group wherever it stands.
    for d in discovered {
        let key = new_key(&d.name);
        if !keys.contains(&key) || d.alias.is_empty() {
            continue;
        }
        let mut at = 0;
        while let Some(i) = text[at..].find(d.alias.as_str()) {
            let s = at + i;
            let e = s + d.alias.len();
            at = e;
            let bounded = !text[..s].chars().next_back().is_some_and(is_word_char)
                && !text[e..].chars().next().is_some_and(is_word_char);
            let span = Span::new(s, e);
            if bounded && free(span) && !out.iter().any(|g| overlaps(g.span, span)) {
                out.push(NewGroup {
                    span,
                    text: d.alias.clone(),
                    key: key.clone(),
                    cue: "acronym",
                });
            }
        }
    }
    out.sort_by_key(|g| (g.span.start, g.span.end));
    out
}

/// Whether the words around `span` make the name a group, and which cue does.
fn cue(text: &str, span: Span) -> Option<&'static str> {
    let before = sentence_lead(text, span);
    let b = before
        .trim_end()
        .trim_end_matches([
            ',', '"', '\'', '\u{201C}', '\u{2018}', '\u{201E}', '\u{00AB}',
        ])
        .trim_end()
        .to_lowercase();
    if DESCRIPTORS.iter().any(|d| {
        b.strip_suffix(d)
            .is_some_and(|r| !r.chars().next_back().is_some_and(is_word_char))
    }) {
        return Some("descriptor");
    }
    let hi = floor_char(text, (span.end + 160).min(text.len()));
    let after = text[span.end..hi].to_lowercase();
    let after = after.trim_start_matches(['\'', '\u{2019}', '"', '\u{201D}']);
    let first = after
        .trim_start()
        .split(|c: char| !is_word_char(c))
        .next()
        .unwrap_or("");
    if after.starts_with(' ') && MEMBERS.contains(&first) {
        return Some("members");
    }
    // "X is a faction of the Pakistani Taliban", "X was a little-known militant group".
    let copula = ["is ", "was ", "are ", "were ", "remains "]
        .iter()
        .find_map(|c| after.trim_start().strip_prefix(c));
    if let Some(phrase) = copula {
        if describes_a_group(&phrase[..phrase.find([',', '.', ';']).unwrap_or(phrase.len())]) {
            return Some("appositive");
        }
    }
    // ", a faction of the Pakistani Taliban," / ", the al-Qaeda affiliate,"
    let mut rest = after.trim_start();
    // "Tehreek-e-Jihad Pakistan (TJP), a ...": past the acronym.
    if let Some(r) = rest.strip_prefix('(') {
        if let Some(close) = r.find(')').filter(|&c| c <= 24) {
            rest = r[close + 1..].trim_start();
        }
    }
    // "From Kerman to Krasnogorsk, one Afghan-based affiliate ...", "With the attack near
    // Moscow, the terrorist group ...": the name ends an opening phrase, and what follows the
    // comma is the sentence's subject, not an appositive.
    let opening = ends_opening_phrase(before);
    if let Some(app) = rest.strip_prefix(',').filter(|_| !opening) {
        let end = app.find([',', '.', ';', '(']).unwrap_or(app.len());
        let phrase = &app[..end];
        // "With the attack near Moscow, the terrorist group IS is once again ...": a clause
        // after an opening phrase, not an appositive.
        if !has_verb(phrase) && describes_a_group(phrase) {
            return Some("appositive");
        }
        // ", which broke away from the Pakistani Taliban in 2014,"
        let relative = phrase.trim_start();
        if (relative.starts_with("which ") || relative.starts_with("who "))
            && [
                "broke away",
                "split from",
                "split off",
                "splintered",
                "pledged allegiance",
                "claimed responsibility",
                "claimed the attack",
                "carried out the attack",
            ]
            .iter()
            .any(|w| relative.contains(w))
        {
            return Some("relative clause");
        }
        let words = phrase.split_whitespace().count();
        // After an appositive of another kind, the verb may still follow.
        if app[end..].starts_with(',') && words <= 16 {
            rest = app[end + 1..].trim_start();
        }
    }
    if CLAIMS.iter().any(|c| {
        rest.strip_prefix(c)
            .is_some_and(|r| !r.chars().next().is_some_and(is_word_char))
    }) {
        return Some("claim");
    }
    // "JuA has claimed several attacks on minorities"
    let claimed = ["has claimed ", "have claimed ", "claimed "]
        .iter()
        .find_map(|c| rest.strip_prefix(c));
    if claimed.is_some_and(|r| {
        r.split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .take(4)
            .any(|w| ["attack", "attacks", "bombing", "bombings", "killings"].contains(&w))
    }) {
        return Some("claim");
    }
    None
}

/// For a name the NER gave another label: an appositive whose head is a group noun ("X, a
/// jihadist group active in ...", not "Borno, a state ravaged by jihadist violence,"), or
/// "fighters of X" / "the militant group X" before it.
/// The text before `span`, back to its sentence's start at most 80 bytes away.
fn sentence_lead(text: &str, span: Span) -> &str {
    let lo = floor_char(text, span.start.saturating_sub(80));
    let before = &text[lo..span.start];
    before
        .rfind(['.', '!', '?', '\n'])
        .map_or(before, |i| &before[i + 1..])
}

/// Whether the sentence so far ("From Kerman to", "With the attack near") is an opening
/// prepositional phrase that a name after it ends.
fn ends_opening_phrase(lead: &str) -> bool {
    let lead = lead.trim_start().to_lowercase();
    let first = lead.split_whitespace().next().unwrap_or("");
    [
        "with",
        "from",
        "in",
        "after",
        "since",
        "across",
        "at",
        "near",
        "despite",
        "following",
        "like",
        "unlike",
        "before",
        "during",
        "on",
        "for",
        "beyond",
        "inside",
        "outside",
    ]
    .contains(&first)
        && !lead.contains(',')
}

fn called_a_group(text: &str, span: Span) -> bool {
    const HEADS: &[&str] = &[
        "group",
        "faction",
        "militia",
        "movement",
        "outfit",
        "organisation",
        "organization",
        "network",
        "offshoot",
        "splinter",
    ];
    let hi = floor_char(text, (span.end + 120).min(text.len()));
    let after = text[span.end..hi].to_lowercase();
    let opening = ends_opening_phrase(sentence_lead(text, span));
    let appositive = !opening
        && after.strip_prefix(", ").is_some_and(|r| {
            let end = r.find([',', '.', ';']).unwrap_or(r.len());
            let phrase = &r[..end];
            !has_verb(phrase)
                && describes_a_group(phrase)
                && phrase
                    .split_whitespace()
                    .take(5)
                    .any(|w| HEADS.contains(&w.trim_end_matches(['\'', 's'])))
        });
    appositive || matches!(cue(text, span), Some("descriptor"))
}

/// `phrase` up to the first of `stops` in it (all of it without one).
fn before_first<'p>(phrase: &'p str, stops: &[&str]) -> &'p str {
    stops
        .iter()
        .filter_map(|w| phrase.find(w))
        .min()
        .map_or(phrase, |k| &phrase[..k])
}

/// Whether a lower-case phrase has a finite verb ("the terrorist group IS is once again in the
/// public eye"), which an appositive has not.
fn has_verb(phrase: &str) -> bool {
    // (A relative clause may have one: "a group that has fought the government".)
    let main = before_first(phrase, &[" that ", " which ", " who "]);
    main.split(|c: char| !is_word_char(c)).any(|w| {
        [
            "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
            "says", "said",
        ]
        .contains(&w)
    })
}

/// Whether a lower-case noun phrase ("a faction of the Pakistani Taliban", "a little-known
/// militant group") describes a group.
fn describes_a_group(phrase: &str) -> bool {
    // Only the head of the phrase: "a group that monitors armed conflict" and "a non-profit
    // that tracks extremist groups" describe monitors, not armed groups.
    let phrase = before_first(
        phrase,
        &[
            " that ",
            " which ",
            " who ",
            " monitoring ",
            " tracking ",
            " studying ",
            " by ",
            " with ",
            " where ",
        ],
    );
    let opens = phrase
        .split_whitespace()
        .next()
        .is_some_and(|w| ["a", "an", "the", "one", "eine", "die", "der"].contains(&w));
    let words: Vec<&str> = phrase
        .split(|c: char| !is_word_char(c) && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    opens
        && words.len() <= 12
        && words
            .iter()
            .any(|w| w.split('-').any(|p| APPOSITIVE_WORDS.contains(&p)) || w.ends_with("-linked"))
}

/// Names that open with a word for a group, front or army, which the NER often misses or
/// mislabels: "Hizb-ul-Ahrar", "Tehreek-e-Jihad Pakistan", "Katiba Macina" (a hyphenated first
/// word, or a capitalised word after the first).
fn lexical_names(text: &str) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    let mut at = 0;
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| {
            let i = text[at..].find(w).map_or(at, |i| at + i);
            at = i + w.len();
            (i, w)
        })
        .collect();
    let mut k = 0;
    while k < words.len() {
        let (start, w) = words[k];
        let core = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        let capital = core.chars().next().is_some_and(char::is_uppercase);
        if !capital || !organisation_word(core) {
            k += 1;
            continue;
        }
        let mut end = start + core.len();
        let mut n = 1;
        let mut last = core.len() < w.len();
        while !last && k + n < words.len() && n < 4 {
            let (i, next) = words[k + n];
            let c = next.trim_end_matches(|c: char| !c.is_alphanumeric());
            if !c.chars().next().is_some_and(char::is_uppercase) || c.is_empty() {
                break;
            }
            end = i + c.len();
            last = c.len() < next.len();
            n += 1;
        }
        if core.contains('-') || n > 1 {
            out.push((Span::new(start, end), text[start..end].to_string()));
        }
        k += n;
    }
    out
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str, s: &str, label: &str) -> EntityMention {
        let start = text.find(s).unwrap();
        EntityMention {
            span: Span::new(start, start + s.len()),
            label: label.into(),
            text: s.into(),
            source: "ner".into(),
        }
    }

    #[test]
    fn appositive_and_claim_make_a_group() {
        let t = "Jamaat-ul-Ahrar, a faction of the Pakistani Taliban, claimed responsibility.";
        let g = new_groups(t, &[name(t, "Jamaat-ul-Ahrar", "PERSON")], &[], &[]);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].key, "jamaat-ul-ahrar");
        assert_eq!(g[0].cue, "appositive");
    }

    #[test]
    fn a_person_or_an_agency_is_no_group() {
        let t = "Ehsanullah Ehsan, the spokesman, claimed responsibility. Reuters said so.";
        let names = [
            name(t, "Ehsanullah Ehsan", "PERSON"),
            name(t, "Reuters", "ORG"),
        ];
        assert!(new_groups(t, &names, &[], &[]).is_empty());
    }

    #[test]
    fn descriptor_members_and_later_mentions() {
        let t = "The militant group Katiba Macina struck. Later, Katiba Macina fighters fled. \
                 The Wagner Group militants left.";
        let names = [
            EntityMention {
                span: Span::new(19, 32),
                label: "ORG".into(),
                text: "Katiba Macina".into(),
                source: "ner".into(),
            },
            EntityMention {
                span: Span::new(48, 61),
                label: "ORG".into(),
                text: "Katiba Macina".into(),
                source: "ner".into(),
            },
            name(t, "The Wagner Group", "ORG"),
        ];
        let g = new_groups(t, &names, &[], &[]);
        let cues: Vec<&str> = g.iter().map(|g| g.cue).collect();
        assert_eq!(cues, ["descriptor", "members", "members"]);
        assert_eq!(g[2].key, "wagner-group");
    }

    #[test]
    fn a_defined_name_the_ner_missed() {
        let t = "Tehreek-e-Jihad Pakistan (TJP), a little-known militant group, claimed \
                 responsibility. TJP has struck before.";
        let g = new_groups(t, &[], &[], &crate::discover_aliases(t));
        let texts: Vec<&str> = g.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(texts, ["Tehreek-e-Jihad Pakistan", "TJP", "TJP"]);
        assert!(g.iter().all(|g| g.key == "tehreek-e-jihad-pakistan"));
        assert_eq!(g[0].cue, "appositive");
    }

    #[test]
    fn names_the_ner_missed_and_copular_descriptions() {
        let t = "Hizb-ul-Ahrar, a breakaway faction of Jamaat-ul-Ahrar, was formed in 2017. \
                 Jamaat-ul-Ahrar is a faction of the Pakistani Taliban.";
        let g = new_groups(t, &[], &[], &[]);
        let got: Vec<(&str, &str)> = g.iter().map(|g| (g.text.as_str(), g.cue)).collect();
        assert_eq!(
            got,
            [
                ("Hizb-ul-Ahrar", "appositive"),
                ("Jamaat-ul-Ahrar", "descriptor"),
                ("Jamaat-ul-Ahrar", "appositive")
            ]
        );
        // An opening phrase's place is none: the clause after it has its own subject.
        let t = "With the attack near Moscow, the terrorist group Islamic State is once again \
                 in the public eye.";
        let n = name(t, "Moscow", "GPE");
        assert!(new_groups(t, &[n], &[], &[]).is_empty());
        let t = "From Kerman to Krasnogorsk, one Afghan-based affiliate keeps appearing.";
        let n = name(t, "Krasnogorsk", "ORG");
        assert!(new_groups(t, &[n], &[], &[]).is_empty());
        // A place hit by jihadists is none.
        let t = "Borno, a state ravaged by jihadist violence, has seen many attacks.";
        let n = name(t, "Borno", "ORG");
        assert!(new_groups(t, &[n], &[], &[]).is_empty());
        // A monitor of armed groups is none.
        let t = "Human Rights Watch, a group that monitors armed conflict, said so.";
        let n = name(t, "Human Rights Watch", "ORG");
        assert!(new_groups(t, &[n], &[], &[]).is_empty());
        // A party is described, but not as an armed group.
        let t = "Pakistan Tehreek-e-Insaf, the party of Imran Khan, won. Tehreek-e-Insaf \
                 supporters marched.";
        assert!(new_groups(t, &[], &[], &[]).is_empty());
    }

    #[test]
    fn a_relative_clause_or_a_record_of_claims() {
        let t = "Jamaat-ul-Ahrar, which broke away from the Pakistani Taliban in 2014, said so. \
                 Katiba Sud has claimed several attacks on the army.";
        let names = [
            name(t, "Jamaat-ul-Ahrar", "PERSON"),
            name(t, "Katiba Sud", "ORG"),
        ];
        let cues: Vec<&str> = new_groups(t, &names, &[], &[])
            .iter()
            .map(|g| g.cue)
            .collect();
        assert_eq!(cues, ["relative clause", "claim"]);
    }

    #[test]
    fn taken_spans_stay_with_the_knowledge_base() {
        let t = "The militant group Boko Haram struck.";
        let n = name(t, "Boko Haram", "ORG");
        assert!(new_groups(t, std::slice::from_ref(&n), &[n.span], &[]).is_empty());
    }
}
