//! Diagnostics: what a stage reports about messy input instead of panicking or failing.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Input was used but something was odd (a date that did not parse, a dropped field).
    Warning,
    /// A record or file could not be used.
    Error,
}

/// One message about one input location, e.g. `feed.xml item 3: no text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Where: a file path, optionally with a locator such as `line 4` or `record 12`.
    pub location: String,
    pub message: String,
}

impl Diagnostic {
    pub fn warning(location: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            location: location.into(),
            message: message.into(),
        }
    }

    pub fn error(location: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            location: location.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{sev}: {}: {}", self.location, self.message)
    }
}
