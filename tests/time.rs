//! RFC 3339 parsing and formatting (`Timestamp`), against known values and, as a
//! property, against chrono (what the widget used before): same acceptance, same instant,
//! same text.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, SecondsFormat, Utc};
use contact_history::model::time::{civil_from_days, days_from_civil};
use contact_history::model::Timestamp;
use proptest::prelude::*;

fn millis(text: &str) -> Option<i64> {
    Timestamp::parse_rfc3339(text).map(Timestamp::unix_millis)
}

/// What chrono makes of the same text (the bundle used it before).
fn chrono_millis(text: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(text.trim())
        .ok()
        .map(|t| t.timestamp_millis())
}

fn chrono_text(millis: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(millis)
        .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
        .unwrap_or_default()
}

#[test]
fn known_instants() {
    let cases: &[(&str, Option<i64>)] = &[
        ("1970-01-01T00:00:00Z", Some(0)),
        ("2026-11-30T14:05:00Z", Some(1_796_047_500_000)),
        ("2026-11-30t14:05:00z", Some(1_796_047_500_000)),
        ("2026-11-30 14:05:00Z", Some(1_796_047_500_000)),
        ("  2026-11-30T14:05:00Z\n", Some(1_796_047_500_000)),
        ("2026-11-30T15:05:00+01:00", Some(1_796_047_500_000)),
        ("2026-11-30T09:35:00-04:30", Some(1_796_047_500_000)),
        ("2026-11-30T09:35:00\u{2212}04:30", Some(1_796_047_500_000)),
        ("2026-11-30T14:05:00-00:00", Some(1_796_047_500_000)),
        ("2026-11-30T14:05:00.5Z", Some(1_796_047_500_500)),
        ("2026-11-30T14:05:00.123456789123Z", Some(1_796_047_500_123)),
        ("2026-11-30T14:05:00.0019Z", Some(1_796_047_500_001)),
        ("1969-12-31T23:59:59.999Z", Some(-1)),
        ("2016-12-31T23:59:60Z", Some(1_483_228_800_000)),
        ("2016-12-31T23:59:60.250Z", Some(1_483_228_800_250)),
        ("2024-02-29T00:00:00Z", Some(1_709_164_800_000)),
        ("2000-02-29T00:00:00Z", Some(951_782_400_000)),
        ("0000-01-01T00:00:00Z", Some(-62_167_219_200_000)),
        ("9999-12-31T23:59:59+23:59", Some(253_402_214_459_000)),
        ("2026-11-30T14:05:00-23:59", Some(1_796_133_840_000)),
        // Not dates or not RFC 3339.
        ("2025-02-29T00:00:00Z", None),
        ("1900-02-29T00:00:00Z", None),
        ("2026-02-30T00:00:00Z", None),
        ("2026-04-31T00:00:00Z", None),
        ("2026-00-10T00:00:00Z", None),
        ("2026-13-10T00:00:00Z", None),
        ("2026-11-00T00:00:00Z", None),
        ("2026-11-30T24:00:00Z", None),
        ("2026-11-30T14:60:00Z", None),
        ("2026-11-30T14:05:61Z", None),
        ("2026-11-30T14:05:00", None),
        ("2026-11-30T14:05:00.Z", None),
        ("2026-11-30T14:05:00+24:00", None),
        ("2026-11-30T14:05:00+05:60", None),
        ("2026-11-30T14:05:00+0500", None),
        ("2026-11-30T14:05:00+05", None),
        ("2026-11-30T14:05:00Z ", Some(1_796_047_500_000)),
        ("2026-11-30T14:05:00ZZ", None),
        ("2026-11-30X14:05:00Z", None),
        ("2026-11-30", None),
        ("+2026-11-30T14:05:00Z", None),
        ("2026-1-30T14:05:00Z", None),
        ("２026-11-30T14:05:00Z", None),
        ("", None),
    ];
    for (text, expected) in cases {
        assert_eq!(millis(text), *expected, "{text:?}");
        assert_eq!(chrono_millis(text), *expected, "chrono on {text:?}");
    }
}

#[test]
fn known_texts() {
    // Through JSON, the only way in for a fraction of a second.
    let text = |ms: i64| {
        Timestamp::from_json(&serde_json::json!(ms as f64 / 1000.0))
            .unwrap()
            .to_rfc3339()
    };
    assert_eq!(text(0), "1970-01-01T00:00:00Z");
    assert_eq!(text(1_796_047_500_999), "2026-11-30T14:05:00Z");
    assert_eq!(text(-1), "1969-12-31T23:59:59Z");
    assert_eq!(text(-62_167_219_200_000), "0000-01-01T00:00:00Z");
    assert_eq!(text(-62_167_219_200_001), "-0001-12-31T23:59:59Z");
    assert_eq!(text(253_402_300_800_000), "+10000-01-01T00:00:00Z");
    let far = Timestamp::from_unix_seconds(8_640_000_000_000).unwrap();
    assert_eq!(far.to_rfc3339(), "", "beyond year 262142");
    assert_eq!(Timestamp::default().to_rfc3339(), "1970-01-01T00:00:00Z");
}

#[test]
fn civil_days_round_trip() {
    for days in -1_000_000..1_000_000 {
        let (y, m, d) = civil_from_days(days);
        assert_eq!(days_from_civil(y, m, d), days);
    }
    assert_eq!(days_from_civil(1970, 1, 1), 0);
    assert_eq!(civil_from_days(-1), (1969, 12, 31));
    assert_eq!(civil_from_days(20_513), (2026, 3, 1));
}

/// Text shaped like RFC 3339, with every field allowed to go out of range.
fn rfc3339_like() -> impl Strategy<Value = String> {
    (
        (0u32..=10_000, 0u32..=13, 0u32..=32),
        (0u32..=25, 0u32..=61, 0u32..=61),
        prop_oneof![Just("T"), Just("t"), Just(" "), Just("x")],
        prop_oneof![Just(String::new()), "\\.[0-9]{0,12}"],
        prop_oneof![
            Just("Z".to_owned()),
            Just("z".to_owned()),
            Just(String::new()),
            "[+\\-\u{2212}][0-9]{2}:[0-9]{2}",
            "[+\\-][0-9]{2}[0-9]{0,3}",
        ],
    )
        .prop_map(|((y, mo, d), (h, mi, s), sep, fraction, offset)| {
            let year = if y == 10_000 {
                "99999".to_owned()
            } else {
                format!("{y:04}")
            };
            format!("{year}-{mo:02}-{d:02}{sep}{h:02}:{mi:02}:{s:02}{fraction}{offset}")
        })
}

proptest! {
    #[test]
    fn parses_as_chrono_does(text in rfc3339_like()) {
        prop_assert_eq!(millis(&text), chrono_millis(&text));
    }

    #[test]
    fn arbitrary_text_parses_as_chrono_does(text in "\\PC{0,40}") {
        prop_assert_eq!(millis(&text), chrono_millis(&text));
    }

    #[test]
    fn formats_as_chrono_does(seconds in -8_640_000_000_000i64..=8_640_000_000_000) {
        let at = Timestamp::from_unix_seconds(seconds).unwrap();
        prop_assert_eq!(at.to_rfc3339(), chrono_text(at.unix_millis()));
    }

    #[test]
    fn round_trips_whole_seconds(seconds in -62_167_219_200i64..253_402_300_800) {
        let at = Timestamp::from_unix_seconds(seconds).unwrap();
        let text = at.to_rfc3339();
        prop_assert_eq!(Timestamp::parse_rfc3339(&text), Some(at));
    }
}
