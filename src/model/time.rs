//! Instants as the API writes them: RFC 3339 text or integer Unix seconds.

use chrono::{DateTime, Utc};

/// An instant in UTC, kept as Unix milliseconds so that it orders, hashes and crosses
/// into JavaScript (`Date`) without conversion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// Unix seconds outside this range are treated as malformed (years -262143..262142 are
/// what chrono represents; JavaScript's `Date` takes +-8.64e15 ms).
const MAX_ABS_SECONDS: i64 = 8_640_000_000_000;

impl Timestamp {
    pub fn from_unix_seconds(seconds: i64) -> Option<Timestamp> {
        (seconds.abs() <= MAX_ABS_SECONDS).then(|| Timestamp(seconds * 1000))
    }

    /// Parses RFC 3339 text (`2026-11-30T14:05:00Z`, any offset, optional fraction).
    pub fn parse_rfc3339(text: &str) -> Option<Timestamp> {
        let parsed = DateTime::parse_from_rfc3339(text.trim()).ok()?;
        let millis = parsed.timestamp_millis();
        (millis.abs() <= MAX_ABS_SECONDS * 1000).then_some(Timestamp(millis))
    }

    /// Reads a JSON value: an RFC 3339 string, or whole Unix seconds. A number with a
    /// fraction is accepted (some providers send one) and its fraction kept.
    pub fn from_json(value: &serde_json::Value) -> Option<Timestamp> {
        match value {
            serde_json::Value::String(text) => Timestamp::parse_rfc3339(text),
            serde_json::Value::Number(number) => {
                if let Some(seconds) = number.as_i64() {
                    Timestamp::from_unix_seconds(seconds)
                } else {
                    let seconds = number.as_f64()?;
                    let in_range = seconds.is_finite() && seconds.abs() <= MAX_ABS_SECONDS as f64;
                    in_range.then(|| Timestamp((seconds * 1000.0).round() as i64))
                }
            }
            _ => None,
        }
    }

    pub fn unix_millis(self) -> i64 {
        self.0
    }

    /// RFC 3339 in UTC, for `<time datetime>`.
    pub fn to_rfc3339(self) -> String {
        DateTime::<Utc>::from_timestamp_millis(self.0)
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .unwrap_or_default()
    }
}
