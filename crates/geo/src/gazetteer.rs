//! The gazetteer: places from `data/gazetteer/gazetteer.tsv.gz` (embedded) and a name index.

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

use dossier_core::place::{Place, PlaceKind};

use crate::norm::key;
use crate::GeoError;

/// The gzip-compressed gazetteer file, embedded so the binary is self-contained.
pub static EMBEDDED: &[u8] = include_bytes!("../../../data/gazetteer/gazetteer.tsv.gz");

/// How a name key points at a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// The preferred or ASCII name.
    Primary,
    /// An alternate name (other languages, historic spellings).
    Alternate,
    /// A demonym ("Iranian" for Iran): only countries have them.
    Demonym,
}

/// One gazetteer entry in memory.
#[derive(Debug, Clone)]
pub struct Entry {
    /// GeoNames id (0 for regions).
    pub id: u32,
    /// Preferred name.
    pub name: String,
    /// Kind of place.
    pub kind: PlaceKind,
    /// Latitude.
    pub lat: f32,
    /// Longitude.
    pub lon: f32,
    /// Country code.
    pub cc: [u8; 2],
    /// Admin1 code.
    pub admin1: String,
    /// Population.
    pub population: u64,
}

impl Entry {
    /// The country code as text ("" when none).
    pub fn cc(&self) -> &str {
        if self.cc == [0, 0] {
            ""
        } else {
            std::str::from_utf8(&self.cc).unwrap_or("")
        }
    }
}

/// FNV-1a: the name index is built from 380,000 short keys at start-up, where SipHash's
/// DoS resistance buys nothing (the keys come from our own file) and costs a third of the time.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Places and their name index.
#[derive(Debug)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    names: FnvMap<String, Vec<(u32, NameKind)>>,
    countries: HashMap<[u8; 2], u32>,
    admin1: HashMap<([u8; 2], String), u32>,
    neighbours: HashMap<[u8; 2], Vec<[u8; 2]>>,
}

fn cc_bytes(s: &str) -> [u8; 2] {
    let b = s.as_bytes();
    if b.len() == 2 {
        [b[0], b[1]]
    } else {
        [0, 0]
    }
}

/// Names the sources lack (short forms and abbreviations common in news), as (alias, country code).
/// German names of first-level regions of Germany, Austria and Switzerland, which the admin1
/// source lists in English only ("Thüringen" was a village in Vorarlberg), and English or current
/// names of a few others: (name, country code, admin1 code).
const EXTRA_ADMIN1_ALIASES: &[(&str, &str, &str)] = &[
    ("Baden-Württemberg", "DE", "01"),
    ("Bayern", "DE", "02"),
    ("Hessen", "DE", "05"),
    ("Niedersachsen", "DE", "06"),
    ("Nordrhein-Westfalen", "DE", "07"),
    ("NRW", "DE", "07"),
    ("Rhineland-Palatinate", "DE", "08"),
    ("Mecklenburg-Western Pomerania", "DE", "12"),
    ("Sachsen", "DE", "13"),
    ("Sachsen-Anhalt", "DE", "14"),
    ("Thüringen", "DE", "15"),
    ("Kärnten", "AT", "02"),
    ("Niederösterreich", "AT", "03"),
    ("Oberösterreich", "AT", "04"),
    ("Steiermark", "AT", "06"),
    ("Tirol", "AT", "07"),
    ("Graubünden", "CH", "GR"),
    ("Tessin", "CH", "TI"),
    ("Waadt", "CH", "VD"),
    ("Wallis", "CH", "VS"),
    ("Basel-Stadt", "CH", "BS"),
    // Provinces of eastern DR Congo in their English and current names: GeoNames' old admin1
    // rows call them "Nord Kivu" and, for Ituri (Bunia's region, code 17), "Eastern Province".
    ("North Kivu", "CD", "11"),
    ("Ituri", "CD", "17"),
];

const EXTRA_COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("U.S.", "US"),
    ("US", "US"),
    ("USA", "US"),
    ("U.S.A.", "US"),
    ("America", "US"),
    ("United States", "US"),
    ("UK", "GB"),
    ("U.K.", "GB"),
    ("Britain", "GB"),
    ("Great Britain", "GB"),
    ("UAE", "AE"),
    ("U.A.E.", "AE"),
    ("Emirates", "AE"),
    ("DRC", "CD"),
    ("DR Congo", "CD"),
    ("Democratic Republic of Congo", "CD"),
    ("Democratic Republic of the Congo", "CD"),
    // News writes "Congo" for the Democratic Republic ("eastern Congo", AP style) and "Republic
    // of Congo" or "Congo Republic" for the smaller one.
    ("Congo", "CD"),
    ("Republic of Congo", "CG"),
    ("Congo Republic", "CG"),
    ("South Korea", "KR"),
    ("North Korea", "KP"),
    ("Russia", "RU"),
    ("Syria", "SY"),
    ("Iran", "IR"),
    ("Vietnam", "VN"),
    ("Laos", "LA"),
    ("Palestine", "PS"),
    ("Gaza", "PS"),
    ("West Bank", "PS"),
    ("Ivory Coast", "CI"),
    ("Czech Republic", "CZ"),
    ("Czechia", "CZ"),
    ("Macedonia", "MK"),
    ("Burma", "MM"),
    ("Holland", "NL"),
    ("Vatican", "VA"),
    ("Taiwan", "TW"),
    ("Bolivia", "BO"),
    ("Venezuela", "VE"),
    ("Tanzania", "TZ"),
    ("Moldova", "MD"),
    ("Brunei", "BN"),
];

/// Demonyms the sources lack or give in another form, as (demonym, country code).
const EXTRA_DEMONYMS: &[(&str, &str)] = &[
    ("U.S.", "US"),
    ("British", "GB"),
    ("English", "GB"),
    ("Scottish", "GB"),
    ("Welsh", "GB"),
    ("Dutch", "NL"),
    ("Emirati", "AE"),
    ("Saudi", "SA"),
    ("Filipino", "PH"),
    ("Philippine", "PH"),
    ("Israeli", "IL"),
    ("Palestinian", "PS"),
    ("Afghan", "AF"),
    ("Pakistani", "PK"),
    ("Iraqi", "IQ"),
    ("Yemeni", "YE"),
    ("Kuwaiti", "KW"),
    ("Qatari", "QA"),
    ("Omani", "OM"),
    ("Bahraini", "BH"),
    ("Danish", "DK"),
    ("Swedish", "SE"),
    ("Finnish", "FI"),
    ("Polish", "PL"),
    ("Spanish", "ES"),
    ("Turkish", "TR"),
    ("Irish", "IE"),
    ("Swiss", "CH"),
    ("Thai", "TH"),
    ("Chinese", "CN"),
    ("Japanese", "JP"),
    ("Korean", "KR"),
    ("South Korean", "KR"),
    ("North Korean", "KP"),
    ("Vietnamese", "VN"),
    ("Russian", "RU"),
    ("Ukrainian", "UA"),
    ("French", "FR"),
    ("German", "DE"),
    ("Italian", "IT"),
    ("Greek", "GR"),
    ("Portuguese", "PT"),
    ("Brazilian", "BR"),
    ("Mexican", "MX"),
    ("Canadian", "CA"),
    ("Australian", "AU"),
    ("Indian", "IN"),
    ("Iranian", "IR"),
    ("Syrian", "SY"),
    ("Egyptian", "EG"),
    ("Libyan", "LY"),
    ("Nigerian", "NG"),
    ("Somali", "SO"),
    ("Kenyan", "KE"),
    ("Ethiopian", "ET"),
    ("Malian", "ML"),
    ("Sudanese", "SD"),
    ("Lebanese", "LB"),
    ("Jordanian", "JO"),
    ("Tunisian", "TN"),
    ("Algerian", "DZ"),
    ("Moroccan", "MA"),
    ("Belgian", "BE"),
    ("Austrian", "AT"),
    ("Hungarian", "HU"),
    ("Czech", "CZ"),
    ("Norwegian", "NO"),
    ("Cuban", "CU"),
    ("Colombian", "CO"),
    ("Venezuelan", "VE"),
    ("Argentine", "AR"),
    ("Argentinian", "AR"),
    ("Chilean", "CL"),
    ("Peruvian", "PE"),
    ("Indonesian", "ID"),
    ("Malaysian", "MY"),
    ("Bangladeshi", "BD"),
    ("Sri Lankan", "LK"),
    ("Nepalese", "NP"),
    ("Burmese", "MM"),
    ("Myanmar", "MM"),
    ("New Zealand", "NZ"),
];

/// Postal-style abbreviations of US states and Canadian provinces used in news datelines
/// ("Mo.", "B.C."), as (abbreviation with its dots, country code, region name). They match only
/// as written, so "La" or "Pa" without the dot stay unaffected.
pub const REGION_ABBREVIATIONS: &[(&str, &str, &str)] = &[
    ("Ala.", "US", "Alabama"),
    ("Ariz.", "US", "Arizona"),
    ("Ark.", "US", "Arkansas"),
    ("Calif.", "US", "California"),
    ("Colo.", "US", "Colorado"),
    ("Conn.", "US", "Connecticut"),
    ("Del.", "US", "Delaware"),
    ("Fla.", "US", "Florida"),
    ("Ga.", "US", "Georgia"),
    ("Ill.", "US", "Illinois"),
    ("Ind.", "US", "Indiana"),
    ("Kan.", "US", "Kansas"),
    ("Kans.", "US", "Kansas"),
    ("Ky.", "US", "Kentucky"),
    ("La.", "US", "Louisiana"),
    ("Md.", "US", "Maryland"),
    ("Mass.", "US", "Massachusetts"),
    ("Mich.", "US", "Michigan"),
    ("Minn.", "US", "Minnesota"),
    ("Miss.", "US", "Mississippi"),
    ("Mo.", "US", "Missouri"),
    ("Mont.", "US", "Montana"),
    ("Neb.", "US", "Nebraska"),
    ("Nev.", "US", "Nevada"),
    ("N.H.", "US", "New Hampshire"),
    ("N.J.", "US", "New Jersey"),
    ("N.M.", "US", "New Mexico"),
    ("N.Y.", "US", "New York"),
    ("N.C.", "US", "North Carolina"),
    ("N.D.", "US", "North Dakota"),
    ("Okla.", "US", "Oklahoma"),
    ("Ore.", "US", "Oregon"),
    ("Pa.", "US", "Pennsylvania"),
    ("R.I.", "US", "Rhode Island"),
    ("S.C.", "US", "South Carolina"),
    ("S.D.", "US", "South Dakota"),
    ("Tenn.", "US", "Tennessee"),
    ("Tex.", "US", "Texas"),
    ("Vt.", "US", "Vermont"),
    ("Va.", "US", "Virginia"),
    ("Wash.", "US", "Washington"),
    ("W.Va.", "US", "West Virginia"),
    ("Wis.", "US", "Wisconsin"),
    ("Wyo.", "US", "Wyoming"),
    ("Alta.", "CA", "Alberta"),
    ("B.C.", "CA", "British Columbia"),
    ("Man.", "CA", "Manitoba"),
    ("N.B.", "CA", "New Brunswick"),
    ("N.L.", "CA", "Newfoundland and Labrador"),
    ("N.S.", "CA", "Nova Scotia"),
    ("Ont.", "CA", "Ontario"),
    ("P.E.I.", "CA", "Prince Edward Island"),
    ("Que.", "CA", "Quebec"),
    ("Sask.", "CA", "Saskatchewan"),
];

impl Gazetteer {
    /// The region a dotted abbreviation ("Mo.", "B.C.") stands for, if `raw` is one.
    pub fn abbreviation(&self, raw: &str) -> Option<u32> {
        let raw = raw.trim();
        let (_, cc, name) = REGION_ABBREVIATIONS.iter().find(|(a, _, _)| *a == raw)?;
        self.lookup(name)
            .iter()
            .filter_map(|(i, _)| self.entry(*i).map(|e| (*i, e)))
            .find(|(_, e)| e.kind == PlaceKind::Admin1 && e.cc() == *cc)
            .map(|(i, _)| i)
    }

    /// The embedded gazetteer, parsed once per process.
    pub fn global() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::from_gzip(EMBEDDED).unwrap_or_else(|_| Gazetteer::empty()))
    }

    fn empty() -> Gazetteer {
        Gazetteer {
            entries: Vec::new(),
            names: FnvMap::default(),
            countries: HashMap::new(),
            admin1: HashMap::new(),
            neighbours: HashMap::new(),
        }
    }

    /// Parses a gzip-compressed gazetteer TSV (the format `scripts/build-gazetteer.py` writes).
    pub fn from_gzip(bytes: &[u8]) -> Result<Gazetteer, GeoError> {
        let mut text = String::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_string(&mut text)
            .map_err(GeoError::Decompress)?;
        Gazetteer::from_tsv(&text)
    }

    /// Parses the gazetteer TSV.
    pub fn from_tsv(text: &str) -> Result<Gazetteer, GeoError> {
        let mut g = Gazetteer::empty();
        g.entries.reserve(180_000);
        g.names.reserve(400_000);
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 12 {
                return Err(GeoError::Format(format!(
                    "line {}: {} columns",
                    n + 1,
                    f.len()
                )));
            }
            let kind = match f[0] {
                "C" => PlaceKind::Country,
                "A" => PlaceKind::Admin1,
                "P" => PlaceKind::City,
                "K" => PlaceKind::Continent,
                other => return Err(GeoError::Format(format!("line {}: kind {other:?}", n + 1))),
            };
            let num = |s: &str| -> Result<f32, GeoError> {
                s.parse::<f32>()
                    .map_err(|_| GeoError::Format(format!("line {}: number {s:?}", n + 1)))
            };
            let idx = g.entries.len() as u32;
            let cc = cc_bytes(f[8]);
            g.entries.push(Entry {
                id: f[1].parse().unwrap_or(0),
                name: f[2].to_owned(),
                kind,
                lat: num(f[6])?,
                lon: num(f[7])?,
                cc,
                admin1: f[9].to_owned(),
                population: f[11].parse().unwrap_or(0),
            });
            g.add_name(f[2], idx, NameKind::Primary);
            if f[3] != f[2] {
                g.add_name(f[3], idx, NameKind::Primary);
            }
            for a in f[4].split('|').filter(|a| !a.is_empty()) {
                g.add_name(a, idx, NameKind::Alternate);
            }
            for d in f[5].split('|').filter(|a| !a.is_empty()) {
                g.add_name(d, idx, NameKind::Demonym);
            }
            match kind {
                PlaceKind::Country => {
                    g.countries.insert(cc, idx);
                    let ns = f.get(12).copied().unwrap_or("");
                    g.neighbours.insert(
                        cc,
                        ns.split(',')
                            .filter(|n| n.len() == 2)
                            .map(cc_bytes)
                            .collect(),
                    );
                }
                PlaceKind::Admin1 => {
                    g.admin1.insert((cc, f[9].to_owned()), idx);
                }
                _ => {}
            }
        }
        for (alias, cc) in EXTRA_COUNTRY_ALIASES {
            if let Some(&i) = g.countries.get(&cc_bytes(cc)) {
                g.add_name(alias, i, NameKind::Primary);
            }
        }
        for (alias, cc, code) in EXTRA_ADMIN1_ALIASES {
            if let Some(&i) = g.admin1.get(&(cc_bytes(cc), (*code).to_owned())) {
                g.add_name(alias, i, NameKind::Primary);
            }
        }
        for (dem, cc) in EXTRA_DEMONYMS {
            if let Some(&i) = g.countries.get(&cc_bytes(cc)) {
                g.add_name(dem, i, NameKind::Demonym);
            }
        }
        g.names.shrink_to_fit();
        Ok(g)
    }

    fn add_name(&mut self, name: &str, idx: u32, kind: NameKind) {
        let k = key(name);
        if k.is_empty() {
            return;
        }
        let v = match self.names.get_mut(&k) {
            Some(v) => v,
            None => self.names.entry(k).or_default(),
        };
        if let Some(e) = v.iter_mut().find(|(i, _)| *i == idx) {
            // keep the strongest link: Primary > Alternate > Demonym
            if kind == NameKind::Primary {
                e.1 = kind;
            }
        } else {
            v.push((idx, kind));
        }
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the gazetteer is empty (only if the embedded file failed to parse).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of distinct name keys.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    /// All entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Entry by index.
    pub fn entry(&self, i: u32) -> Option<&Entry> {
        self.entries.get(i as usize)
    }

    /// Places whose name (any form, case- and diacritic-insensitive) is `name`.
    pub fn lookup(&self, name: &str) -> &[(u32, NameKind)] {
        self.lookup_key(&key(name))
    }

    /// Like [`Gazetteer::lookup`] for an already normalised key.
    pub fn lookup_key(&self, k: &str) -> &[(u32, NameKind)] {
        self.names.get(k).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The country entry of a country code.
    pub fn country(&self, cc: &str) -> Option<u32> {
        self.countries.get(&cc_bytes(cc)).copied()
    }

    /// Whether two countries share a border (GeoNames' neighbour lists).
    pub fn are_neighbours(&self, a: [u8; 2], b: [u8; 2]) -> bool {
        self.neighbours.get(&a).is_some_and(|ns| ns.contains(&b))
    }

    /// The first-level region entry of (country code, admin1 code).
    pub fn admin1(&self, cc: &str, code: &str) -> Option<u32> {
        self.admin1.get(&(cc_bytes(cc), code.to_owned())).copied()
    }

    /// The shared [`Place`] of an entry (country and region names filled in).
    pub fn place(&self, i: u32) -> Option<Place> {
        let e = self.entry(i)?;
        let cc = e.cc();
        let country = self
            .country(cc)
            .and_then(|c| self.entry(c))
            .map(|c| c.name.clone())
            .unwrap_or_default();
        let admin1 = if e.admin1.is_empty() {
            String::new()
        } else {
            self.admin1(cc, &e.admin1)
                .and_then(|a| self.entry(a))
                .map(|a| a.name.clone())
                .unwrap_or_default()
        };
        Some(Place {
            geonameid: e.id,
            name: e.name.clone(),
            kind: e.kind,
            lat: f64::from(e.lat),
            lon: f64::from(e.lon),
            country_code: cc.to_owned(),
            country,
            admin1_code: e.admin1.clone(),
            admin1,
            population: e.population,
        })
    }

    /// Places named `name` (any form), best known first (by population).
    pub fn search(&self, name: &str) -> Vec<Place> {
        let mut hits: Vec<u32> = self.lookup(name).iter().map(|(i, _)| *i).collect();
        hits.sort_by_key(|&i| std::cmp::Reverse(self.entry(i).map_or(0, |e| e.population)));
        hits.into_iter().filter_map(|i| self.place(i)).collect()
    }
}

/// Great-circle distance in kilometres.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().clamp(0.0, 1.0).asin()
}
