//! Tolerant decoding of the API's JSON into the model. Pure: no browser types.
//!
//! Tolerance follows the contract: unknown fields are ignored, optional fields may be
//! missing or null, field aliases are accepted, and one malformed email is skipped and
//! counted while the rest of the page is kept.

use std::collections::BTreeMap;

use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::ApiError;
use crate::model::{BounceType, Email, EmailKind, Event, EventType, Page, Timestamp};

/// Decodes a 200 response body into a page.
pub fn decode_page(body: &str) -> Result<Page, ApiError> {
    let raw = split_page(body)?;
    let (emails, skipped) = decode_emails(&raw.emails);
    Ok(Page {
        emails,
        next_cursor: raw.next_cursor,
        skipped,
    })
}

/// A page read only as far as its shape: each email still as its JSON text, so a long
/// page can be decoded a slice at a time.
#[derive(Debug)]
pub struct RawPage<'a> {
    pub emails: Vec<&'a RawValue>,
    pub next_cursor: Option<String>,
}

/// Checks a body's shape (an object with an `emails` array) and splits it into emails.
pub fn split_page(body: &str) -> Result<RawPage<'_>, ApiError> {
    let object: BTreeMap<String, &RawValue> =
        serde_json::from_str(body).map_err(|_| ApiError::Unreadable)?;
    let emails = object.get("emails").ok_or(ApiError::Unreadable)?;
    let emails: Vec<&RawValue> =
        serde_json::from_str(emails.get()).map_err(|_| ApiError::Unreadable)?;
    let next_cursor = object
        .get("next_cursor")
        .and_then(|raw| serde_json::from_str::<Value>(raw.get()).ok())
        .and_then(|value| opaque_text(&value));
    Ok(RawPage {
        emails,
        next_cursor,
    })
}

/// Decodes emails split from a page: the ones that can be read, and how many could not.
pub fn decode_emails(raw: &[&RawValue]) -> (Vec<Email>, usize) {
    let mut emails = Vec::with_capacity(raw.len());
    let mut skipped = 0;
    for raw in raw {
        match serde_json::from_str::<Value>(raw.get())
            .ok()
            .as_ref()
            .and_then(decode_email)
        {
            Some(email) => emails.push(email),
            None => skipped += 1,
        }
    }
    (emails, skipped)
}

/// Text, or a number written as text (ids and cursors are opaque); empty is absent.
fn opaque_text(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

fn string_field<'a>(object: &'a Map<String, Value>, names: &[&str]) -> Option<&'a str> {
    names
        .iter()
        .find_map(|name| object.get(*name).and_then(Value::as_str))
}

/// One email, or `None` when a required field is missing or of the wrong type.
pub fn decode_email(value: &Value) -> Option<Email> {
    let object = value.as_object()?;
    let id = object.get("id").and_then(opaque_text)?;
    let kind = EmailKind::parse(object.get("kind")?.as_str()?);
    let recipient = object.get("recipient")?.as_str()?.to_owned();
    let sent_at = Timestamp::from_json(object.get("sent_at")?)?;
    let events = object
        .get("events")
        .and_then(Value::as_array)
        .map(|raw| raw.iter().filter_map(decode_event).collect())
        .unwrap_or_default();
    Some(Email {
        id,
        kind,
        recipient,
        subject: string_field(object, &["subject"]).map(str::to_owned),
        sent_at,
        status: string_field(object, &["status"]).map(str::to_owned),
        events,
    })
}

/// One provider event, or `None` when it has no type to read.
///
/// SendGrid names the event in `event` and, inside a bounce, the bounce type in `type`;
/// the contract names the event in `type`. Both shapes are read.
pub fn decode_event(value: &Value) -> Option<Event> {
    let object = value.as_object()?;
    let (kind, type_field_is_bounce_type) = match string_field(object, &["event"]) {
        Some(event) => (EventType::parse(event), true),
        None => (EventType::parse(string_field(object, &["type"])?), false),
    };
    let bounce_type = string_field(object, &["bounce_type"])
        .and_then(BounceType::parse)
        .or_else(|| {
            type_field_is_bounce_type
                .then(|| string_field(object, &["type"]).and_then(BounceType::parse))
                .flatten()
        });
    let machine_open = ["machine_open", "sg_machine_open"]
        .iter()
        .filter_map(|name| object.get(*name))
        .any(|v| {
            matches!(v, Value::Bool(true)) || v.as_i64() == Some(1) || v.as_str() == Some("true")
        });
    Some(Event {
        kind,
        timestamp: object.get("timestamp").and_then(Timestamp::from_json),
        id: ["id", "sg_event_id"]
            .iter()
            .find_map(|name| object.get(*name).and_then(opaque_text)),
        reason: string_field(object, &["reason", "response"]).map(str::to_owned),
        bounce_type,
        bounce_classification: string_field(object, &["bounce_classification"]).map(str::to_owned),
        machine_open,
        url: string_field(object, &["url"]).map(str::to_owned),
    })
}
