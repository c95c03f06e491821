//! Event exports: the dossier's event objects as JSON, CSV with GTD/ACLED-like columns, and
//! GeoJSON points.

use crate::dossier::Event;
use serde_json::{json, Value};

/// CSV columns, GTD/ACLED-like.
pub const CSV_COLUMNS: &[&str] = &[
    "event_id",
    "event_date",
    "date_precision",
    "date_modifier",
    "date_earliest",
    "date_latest",
    "event_type",
    "sub_event_type",
    "title",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geonames_id",
    "perpetrators",
    "responsibility",
    "fatalities_min",
    "fatalities_max",
    "injured_min",
    "injured_max",
    "abducted_min",
    "abducted_max",
    "weapon",
    "certainty",
    "independent_sources",
    "source_docs",
    "first_quote",
];

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn num(x: Option<f64>) -> String {
    x.map(|v| {
        if v.fract() == 0.0 {
            format!("{}", v as i64)
        } else {
            v.to_string()
        }
    })
    .unwrap_or_default()
}

pub fn csv(events: &[Event]) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push('\n');
    for e in events {
        let perps: Vec<String> = e
            .participants
            .iter()
            // ("No group has claimed responsibility" is a status, no actor.)
            .filter(|p| p.role == "perpetrator" && p.responsibility.as_deref() != Some("unclaimed"))
            .map(|p| p.entity.as_ref().map_or(p.text.clone(), |x| x.name.clone()))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        // Each perpetrator's status ("al-Shabaab: claimed; TRF: denied"), or the dossier
        // entity's own when the export is of one entity's events.
        let statuses: Vec<String> = e
            .participants
            .iter()
            .filter(|p| p.role == "perpetrator")
            .filter_map(|p| {
                let name = p.entity.as_ref().map_or(p.text.clone(), |x| x.name.clone());
                match p.responsibility.as_deref() {
                    Some("unclaimed") => Some("unclaimed".to_string()),
                    r => r.map(|r| format!("{name}: {r}")),
                }
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let docs: Vec<String> = e
            .sources
            .iter()
            .map(|c| c.doc.to_string())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let d = e.date.as_ref();
        let p = e.place.as_ref();
        let row = [
            e.id.clone(),
            d.map(|d| d.value.clone()).unwrap_or_default(),
            d.map(|d| d.precision.clone()).unwrap_or_default(),
            // ("BEFORE": no date of its own, only that it was told by then.)
            d.and_then(|d| d.modifier.clone()).unwrap_or_default(),
            d.and_then(|d| d.earliest.clone()).unwrap_or_default(),
            d.and_then(|d| d.latest.clone()).unwrap_or_default(),
            e.kind.clone(),
            e.subkind.clone().unwrap_or_default(),
            e.title.clone(),
            p.and_then(|p| p.country.clone()).unwrap_or_default(),
            p.and_then(|p| p.admin1.clone()).unwrap_or_default(),
            p.map(|p| p.name.clone()).unwrap_or_default(),
            num(p.and_then(|p| p.lat)),
            num(p.and_then(|p| p.lon)),
            p.and_then(|p| p.geonames_id)
                .map(|g| g.to_string())
                .unwrap_or_default(),
            perps.join("; "),
            e.responsibility
                .clone()
                .unwrap_or_else(|| statuses.join("; ")),
            num(e.killed.and_then(|k| k.min)),
            num(e.killed.and_then(|k| k.max)),
            num(e.injured.and_then(|k| k.min)),
            num(e.injured.and_then(|k| k.max)),
            num(e.abducted.and_then(|k| k.min)),
            num(e.abducted.and_then(|k| k.max)),
            e.weapon.clone().unwrap_or_default(),
            e.certainty.clone(),
            e.independent_sources.to_string(),
            docs.join(" "),
            e.sources
                .first()
                .map(|c| c.quote.clone())
                .unwrap_or_default(),
        ];
        out.push_str(
            &row.iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

/// A GeoJSON FeatureCollection: one Point per event with a place on the map; the properties are
/// the event object without its place coordinates.
pub fn geojson(events: &[Event]) -> Value {
    let features: Vec<Value> = events
        .iter()
        .filter_map(|e| {
            let p = e.place.as_ref()?;
            let (lat, lon) = (p.lat?, p.lon?);
            let props = serde_json::to_value(e).ok()?;
            Some(json!({"type": "Feature", "id": e.id, "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}))
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}
