//! Snapshot of `annotate()` on a short news text written for this test.

use chrono::NaiveDate;

const TEXT: &str = "Gunmen attack concert hall near Moscow

MOSCOW, March 23 (Dossier) – Gunmen opened fire at a concert hall on Friday evening, killing at least 133 people, officials said on Saturday. The group claimed responsibility just hours later.

It was the deadliest attack in Russia in almost two decades. Just a week ago, the U.S. embassy had warned of plans to target large gatherings in the next 48 hours. The president declared Sunday a day of national mourning and said the perpetrators will be punished.

Since 2015, the group has carried out attacks in Iran, Pakistan and Afghanistan; in January, bombings at a memorial in Kerman killed nearly 100 people. Investigators will report daily until the end of the month.";

#[test]
fn annotate_news_text() {
    let a = dossier_annotate::annotate(TEXT, NaiveDate::from_ymd_opt(2024, 3, 23), "en");
    let d = a.dateline.expect("the wire dateline is found");
    assert_eq!(
        &TEXT[d.span.start..d.span.end],
        "MOSCOW, March 23 (Dossier) –"
    );
    let outlet = d.outlet.expect("the outlet is marked");
    assert_eq!(&TEXT[outlet.start..outlet.end], "Dossier");
    insta::assert_json_snapshot!(a);
}
