//! Decoding the API's JSON: tolerance, aliases, times, and malformed input.
#![cfg(not(target_arch = "wasm32"))]

use contact_history::api::decode::{
    decode_email, decode_emails, decode_event, decode_page, split_page,
};
use contact_history::api::ApiError;
use contact_history::model::{Badge, BounceType, EmailKind, EventType, Timestamp};
use serde_json::json;

fn page(value: serde_json::Value) -> contact_history::model::Page {
    decode_page(&value.to_string()).expect("a valid page")
}

fn good_email(id: &str) -> serde_json::Value {
    json!({"id": id, "kind": "interview_invitation", "recipient": "ada@example.com", "sent_at": "2026-11-30T14:05:00Z"})
}

#[test]
fn a_full_page_decodes() {
    let p = page(json!({
        "candidate_id": "cand_7Hq2",
        "emails": [{
            "id": "em_1", "kind": "email_blast", "recipient": "ada@example.com",
            "subject": "Hello", "sent_at": 1764511500, "status": "delivered",
            "events": [{"type": "delivered", "timestamp": "2026-11-30T14:05:03Z", "id": "e1"}]
        }],
        "next_cursor": "abc=="
    }));
    assert_eq!(p.emails.len(), 1);
    assert_eq!(p.skipped, 0);
    assert_eq!(p.next_cursor.as_deref(), Some("abc=="));
    let e = &p.emails[0];
    assert_eq!(e.kind, EmailKind::EmailBlast);
    assert_eq!(e.subject(), Some("Hello"));
    assert_eq!(
        e.sent_at,
        Timestamp::from_unix_seconds(1_764_511_500).unwrap()
    );
    assert_eq!(e.events[0].kind, EventType::Delivered);
    assert_eq!(e.events[0].id.as_deref(), Some("e1"));
}

#[test]
fn next_cursor_absent_or_null_means_no_older_emails() {
    assert_eq!(page(json!({"emails": []})).next_cursor, None);
    assert_eq!(
        page(json!({"emails": [], "next_cursor": null})).next_cursor,
        None
    );
    assert_eq!(
        page(json!({"emails": [], "next_cursor": ""})).next_cursor,
        None
    );
}

#[test]
fn not_json_is_unreadable() {
    assert_eq!(decode_page("<html>oops</html>"), Err(ApiError::Unreadable));
    assert_eq!(decode_page(""), Err(ApiError::Unreadable));
    assert_eq!(decode_page("{\"emails\": [ "), Err(ApiError::Unreadable));
}

#[test]
fn json_of_the_wrong_shape_is_unreadable() {
    for body in [
        "[]",
        "null",
        "42",
        "{}",
        "{\"emails\": {}}",
        "{\"emails\": null}",
        "{\"data\": []}",
    ] {
        assert_eq!(decode_page(body), Err(ApiError::Unreadable), "{body}");
    }
}

#[test]
fn a_malformed_email_is_skipped_and_counted_and_the_rest_kept() {
    let p = page(json!({"emails": [
        good_email("a"),
        {"id": "b", "kind": "email_blast", "recipient": "x@example.com"},          // no sent_at
        {"kind": "email_blast", "recipient": "x@example.com", "sent_at": 1},      // no id
        {"id": "c", "kind": 7, "recipient": "x@example.com", "sent_at": 1},       // kind not text
        {"id": "d", "kind": "email_blast", "recipient": null, "sent_at": 1},      // no recipient
        {"id": "e", "kind": "email_blast", "recipient": "x@example.com", "sent_at": "yesterday"},
        "not an object",
        good_email("f"),
    ]}));
    let ids: Vec<&str> = p.emails.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["a", "f"]);
    assert_eq!(p.skipped, 6);
}

#[test]
fn unknown_kinds_and_statuses_are_tolerated() {
    let e = decode_email(&json!({"id": "a", "kind": "offer_letter", "recipient": "r", "sent_at": 0, "status": "archived"})).unwrap();
    assert_eq!(e.kind, EmailKind::Other("offer_letter".into()));
    assert_eq!(e.kind.as_str(), "offer_letter");
    assert_eq!(
        contact_history::text::english().kind_label(&e.kind),
        "Email"
    );
    assert_eq!(e.delivery().badge, Badge::Unknown);
}

#[test]
fn extra_fields_and_missing_optional_fields_are_tolerated() {
    let e = decode_email(&json!({
        "id": "a", "kind": "resume_reminder", "recipient": "r", "sent_at": 0,
        "subject": null, "status": null, "events": null, "tracking": {"x": [1, 2]}
    }))
    .unwrap();
    assert_eq!(e.subject(), None);
    assert_eq!(e.status, None);
    assert!(e.events.is_empty());
    let blank = decode_email(
        &json!({"id": "a", "kind": "k", "recipient": "r", "sent_at": 0, "subject": "   "}),
    )
    .unwrap();
    assert_eq!(blank.subject(), None);
}

#[test]
fn sent_at_reads_rfc3339_with_any_offset_and_unix_seconds() {
    let at = |v: serde_json::Value| Timestamp::from_json(&v);
    let utc = at(json!("2026-11-30T14:05:00Z")).unwrap();
    assert_eq!(at(json!("2026-11-30T15:05:00+01:00")), Some(utc));
    assert_eq!(at(json!(1_796_047_500)), Some(utc));
    assert_eq!(
        at(json!("2026-11-30T14:05:00.250Z")).unwrap().unix_millis(),
        utc.unix_millis() + 250
    );
    assert_eq!(
        at(json!(-86_400)).unwrap().to_rfc3339(),
        "1969-12-31T00:00:00Z"
    );
    assert_eq!(at(json!("30/11/2026")), None);
    assert_eq!(at(json!(true)), None);
    assert_eq!(at(json!(i64::MAX)), None);
    assert_eq!(utc.to_rfc3339(), "2026-11-30T14:05:00Z");
}

#[test]
fn event_aliases_are_accepted() {
    let e = decode_event(&json!({
        "event": "open", "timestamp": 1, "sg_event_id": "ev-9", "sg_machine_open": true
    }))
    .unwrap();
    assert_eq!(e.kind, EventType::Open);
    assert_eq!(e.id.as_deref(), Some("ev-9"));
    assert!(e.machine_open);

    let e = decode_event(&json!({"type": "deferred", "response": "451 try later"})).unwrap();
    assert_eq!(e.kind, EventType::Deferred);
    assert_eq!(e.reason.as_deref(), Some("451 try later"));
}

#[test]
fn sendgrid_bounce_type_inside_type_is_read() {
    // SendGrid's own shape: the event in `event`, the bounce type in `type`.
    let e = decode_event(&json!({"event": "bounce", "type": "blocked", "reason": "421"})).unwrap();
    assert_eq!(e.kind, EventType::Bounce);
    assert_eq!(e.bounce_type, Some(BounceType::Temporary));
    // The contract's shape.
    let e = decode_event(&json!({"type": "bounce", "bounce_type": "bounce", "bounce_classification": "Invalid Address"})).unwrap();
    assert_eq!(e.bounce_type, Some(BounceType::Permanent));
    assert_eq!(e.bounce_classification.as_deref(), Some("Invalid Address"));
}

#[test]
fn unreadable_events_are_ignored_and_unknown_types_kept() {
    let e = decode_email(&json!({
        "id": "a", "kind": "k", "recipient": "r", "sent_at": 0,
        "events": [{"timestamp": 1}, 3, {"type": "delivered"}, {"type": "deferred_v2"}]
    }))
    .unwrap();
    let kinds: Vec<&EventType> = e.events.iter().map(|e| &e.kind).collect();
    assert_eq!(
        kinds,
        [
            &EventType::Delivered,
            &EventType::Other("deferred_v2".into())
        ]
    );
    assert_eq!(e.delivery().badge, Badge::Delivered);
}

#[test]
fn numeric_ids_and_cursors_are_read_as_text() {
    let p = page(
        json!({"emails": [{"id": 17, "kind": "k", "recipient": "r", "sent_at": 0}], "next_cursor": 2}),
    );
    assert_eq!(p.emails[0].id, "17");
    assert_eq!(p.next_cursor.as_deref(), Some("2"));
}

#[test]
fn hostile_text_is_kept_verbatim_for_the_view_to_render_as_text() {
    let subject = "<img src=x onerror=alert(1)>";
    let e = decode_email(
        &json!({"id": "a", "kind": "k", "recipient": "<b>r</b>", "sent_at": 0, "subject": subject}),
    )
    .unwrap();
    assert_eq!(e.subject(), Some(subject));
    assert_eq!(e.recipient, "<b>r</b>");
}

#[test]
fn a_page_decoded_a_slice_at_a_time_is_the_page_decoded_at_once() {
    let body = json!({
        "emails": [good_email("a"), {"id": "broken"}, good_email("b"), 42, good_email("c"), good_email("d")],
        "next_cursor": 7,
    })
    .to_string();
    let whole = decode_page(&body).expect("a valid page");
    let raw = split_page(&body).expect("a valid page");
    assert_eq!(raw.emails.len(), 6);
    assert_eq!(raw.next_cursor.as_deref(), Some("7"));
    let (mut emails, mut skipped) = (Vec::new(), 0);
    for slice in raw.emails.chunks(4) {
        let (e, s) = decode_emails(slice);
        emails.extend(e);
        skipped += s;
    }
    assert_eq!((emails, skipped), (whole.emails, whole.skipped));
    assert_eq!(whole.skipped, 2);
    // The shape is checked before any email is decoded.
    for bad in [
        "[]",
        "null",
        r#"{"emails": {}}"#,
        r#"{"next_cursor": null}"#,
        "{",
    ] {
        assert_eq!(
            split_page(bad).map(|r| r.emails.len()),
            Err(ApiError::Unreadable),
            "{bad}"
        );
    }
}
