//! Any text gives a result without panicking: empty, huge, control characters, RTL, emoji, marks.

use proptest::prelude::*;

use crate::common;

fn check(model: &dossier_ner::Model, text: &str) {
    let ents = model.entities(text);
    let n_chars = text.chars().count();
    let mut last_end = 0;
    for e in &ents {
        assert!(e.start < e.end && e.end <= text.len());
        assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        assert!(e.start_char < e.end_char && e.end_char <= n_chars);
        assert!(e.start >= last_end, "overlapping entities");
        last_end = e.end;
    }
}

#[test]
fn tokenizer_prefilters_compile() {
    let Some(model) = common::model("tokenizer_prefilters_compile") else {
        return;
    };
    assert_eq!(model.tokenizer_prefilters(), 4);
}

#[test]
fn edge_cases_do_not_panic() {
    let Some(model) = common::model("edge_cases_do_not_panic") else {
        return;
    };
    let long_line = "Barack Obama visited Paris and met Angela Merkel. ".repeat(20_000);
    let no_space = "a".repeat(1 << 20);
    for text in [
        "",
        " ",
        "\u{0}\u{1}\u{1c}\u{1f}\u{7f}",
        "\u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{627}\u{644}\u{633}\u{644}\u{627}\u{645} Barack Obama",
        "\u{1F600}\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} Paris \u{1F1EB}\u{1F1F7}",
        "e\u{301}\u{301}\u{301} Zu\u{308}rich",
        "\u{feff}\u{200b}\u{2028}\u{2029}\r\n\t",
        long_line.as_str(),
        no_space.as_str(),
    ] {
        check(model, text);
    }
    // Inputs that peel one affix at a time, or split everywhere: must stay linear.
    let reps = if cfg!(debug_assertions) {
        5_000
    } else {
        20_000
    };
    for piece in [
        "(",
        ")",
        ".",
        "a-",
        "'",
        "$1",
        "x,",
        "(a)",
        "\u{1F600}",
        "--",
    ] {
        check(model, &piece.repeat(reps));
    }
    check(model, &format!("http://{}.com", "a".repeat(100_000)));
}

fn arb_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("Barack Obama ".to_owned()),
        Just("U.S. ".to_owned()),
        Just("can't ".to_owned()),
        Just("https://example.com/x?y=1 ".to_owned()),
        Just(":) ".to_owned()),
        Just("\u{1F600}".to_owned()),
        Just("\u{5e9}\u{5dc}\u{5d5}\u{5dd} ".to_owned()),
        Just("\u{301}".to_owned()),
        Just("\u{1c}".to_owned()),
        Just("\u{a0}".to_owned()),
        Just("\n\n".to_owned()),
        "[A-Z][a-z]{1,8} ",
        "[0-9.,$%-]{1,6}",
        any::<char>().prop_map(|c| c.to_string()),
        "\\PC{0,12}",
    ];
    proptest::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn any_text_gives_a_result(text in arb_text()) {
        if let Some(model) = common::model("any_text_gives_a_result") {
            check(model, &text);
        }
    }
}
