//! Python `str` predicates (`isspace`, `isalpha`, `isdigit`) that spaCy's tokenizer and lexical
//! attributes rely on, backed by range tables generated from CPython 3.11 (Unicode 14.0).

use crate::unicode_tables::{PY_ISALPHA, PY_ISDIGIT, PY_ISSPACE};

fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Python's `str.isspace` for one character (Rust's whitespace plus U+001C..U+001F).
pub(crate) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\t'..='\r' | '\x1c'..=' ');
    }
    in_table(&PY_ISSPACE, c)
}

/// Python's `str.isalpha` for one character (general categories Lu, Ll, Lt, Lm, Lo).
pub(crate) fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_table(&PY_ISALPHA, c)
}

/// Python's `str.isdigit` for one character (Nd plus Numeric_Type=Digit).
pub(crate) fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_table(&PY_ISDIGIT, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_semantics() {
        assert!(is_space('\x1c') && is_space('\u{3000}') && is_space('\u{a0}') && !is_space('x'));
        assert!(is_alpha('é') && is_alpha('東') && !is_alpha('\u{301}') && !is_alpha('1'));
        assert!(is_digit('²') && is_digit('①') && is_digit('٣') && !is_digit('½'));
        for cp in 0..128u32 {
            let c = char::from_u32(cp).unwrap();
            assert_eq!(is_space(c), in_table(&PY_ISSPACE, c), "{cp}");
            assert_eq!(is_alpha(c), in_table(&PY_ISALPHA, c), "{cp}");
            assert_eq!(is_digit(c), in_table(&PY_ISDIGIT, c), "{cp}");
        }
    }
}
