//! Fuzzing the decoder and the derivation with arbitrary input (proptest).
//!
//! CI runs the default 256 cases per property. Run longer with, e.g.,
//! `PROPTEST_CASES=200000 cargo test --release --test fuzz`.
#![cfg(not(target_arch = "wasm32"))]

use contact_history::api::decode::{decode_email, decode_page};
use contact_history::model::History;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Any JSON value, a few levels deep.
fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(".{0,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Values that look like the contract's, so the fuzzing reaches deep into decoding.
fn arb_field(names: &'static [&'static str]) -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => prop::sample::select(names).prop_map(Value::from),
        1 => arb_json(),
    ]
}

fn arb_time() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        (-100_000_000_000i64..100_000_000_000).prop_map(Value::from),
        Just(json!("2026-11-30T14:05:00Z")),
        Just(json!("2026-11-30T14:05:00.123+05:30")),
        Just(json!("1969-07-20T20:17:40Z")),
        Just(json!("9999-12-31T23:59:59Z")),
        ".{0,30}".prop_map(Value::from),
        arb_json(),
    ]
}

fn arb_event() -> impl Strategy<Value = Value> {
    (
        arb_field(&[
            "processed",
            "deferred",
            "delivered",
            "open",
            "click",
            "bounce",
            "dropped",
            "spamreport",
            "unsubscribe",
            "group_unsubscribe",
            "x",
        ]),
        arb_time(),
        prop::option::of(arb_field(&["e1", "e2", "e3"])),
        prop::option::of(arb_field(&["bounce", "blocked"])),
        prop::option::of(any::<bool>()),
        any::<bool>(),
    )
        .prop_map(
            |(kind, timestamp, id, bounce_type, machine, sendgrid_shape)| {
                let mut event = Map::new();
                event.insert(if sendgrid_shape { "event" } else { "type" }.into(), kind);
                event.insert("timestamp".into(), timestamp);
                if let Some(id) = id {
                    event.insert("sg_event_id".into(), id);
                }
                if let Some(bounce_type) = bounce_type {
                    event.insert(
                        if sendgrid_shape {
                            "type"
                        } else {
                            "bounce_type"
                        }
                        .into(),
                        bounce_type,
                    );
                }
                if let Some(machine) = machine {
                    event.insert("sg_machine_open".into(), machine.into());
                }
                event.insert("reason".into(), json!("550 5.1.1 <b>user</b> unknown"));
                Value::Object(event)
            },
        )
}

fn arb_email() -> impl Strategy<Value = Value> {
    (
        arb_field(&["a", "b", "c", "d"]),
        arb_field(&["interview_invitation", "email_blast", "offer"]),
        arb_field(&["ada@example.com", "<script>alert(1)</script>"]),
        arb_time(),
        prop::option::of(arb_field(&["delivered", "bounced", "archived", "not_sent"])),
        prop::collection::vec(arb_event(), 0..8),
    )
        .prop_map(|(id, kind, recipient, sent_at, status, events)| {
            json!({"id": id, "kind": kind, "recipient": recipient, "sent_at": sent_at,
                   "status": status, "events": events, "subject": "s"})
        })
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic_the_decoder(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = decode_page(&text);
    }

    #[test]
    fn arbitrary_json_never_panics_and_every_email_is_kept_or_counted(
        emails in prop::collection::vec(prop_oneof![arb_email(), arb_json()], 0..12),
        cursor in arb_json(),
    ) {
        let body = json!({"emails": emails, "next_cursor": cursor}).to_string();
        let page = decode_page(&body).expect("an object with an emails array is a page");
        prop_assert_eq!(page.emails.len() + page.skipped, emails.len());
        // Deriving and ordering whatever was decoded never panics either.
        let history = History::from_first_page(page);
        for entry in history.entries() {
            prop_assert_eq!(entry.delivery.failure.is_some(), entry.delivery.badge.is_failure());
        }
    }

    #[test]
    fn decoded_badge_does_not_depend_on_event_order_or_duplicates(
        email in arb_email(),
        rotate in 0usize..8,
        duplicate in any::<prop::sample::Index>(),
    ) {
        let Some(original) = decode_email(&email) else { return Ok(()) };
        let mut events = email["events"].as_array().cloned().unwrap_or_default();
        if !events.is_empty() {
            let copy = events[duplicate.index(events.len())].clone();
            events.push(copy);
            let n = events.len();
            events.rotate_left(rotate % n);
            events.reverse();
        }
        let mut changed = email.clone();
        changed["events"] = Value::Array(events);
        let changed = decode_email(&changed).expect("same required fields");
        // A duplicate without an id may differ from nothing else, so it is one event too.
        prop_assert_eq!(original.delivery(), changed.delivery());
    }
}
