//! Raw delivery events from the email provider (SendGrid's Event Webhook vocabulary).

use super::Timestamp;

/// The type of a provider event. Types the contract does not name are kept (for a
/// later trail view) but carry no evidence for the badge.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventType {
    Processed,
    Deferred,
    Delivered,
    Open,
    Click,
    Bounce,
    Dropped,
    SpamReport,
    Unsubscribe,
    GroupUnsubscribe,
    GroupResubscribe,
    Other(String),
}

impl EventType {
    pub fn parse(raw: &str) -> EventType {
        match raw {
            "processed" => EventType::Processed,
            "deferred" => EventType::Deferred,
            "delivered" => EventType::Delivered,
            "open" => EventType::Open,
            "click" => EventType::Click,
            "bounce" => EventType::Bounce,
            "dropped" => EventType::Dropped,
            "spamreport" => EventType::SpamReport,
            "unsubscribe" => EventType::Unsubscribe,
            "group_unsubscribe" => EventType::GroupUnsubscribe,
            "group_resubscribe" => EventType::GroupResubscribe,
            other => EventType::Other(other.to_owned()),
        }
    }

    /// The provider's own name for the type (the `data-event` hook).
    pub fn as_str(&self) -> &str {
        match self {
            EventType::Processed => "processed",
            EventType::Deferred => "deferred",
            EventType::Delivered => "delivered",
            EventType::Open => "open",
            EventType::Click => "click",
            EventType::Bounce => "bounce",
            EventType::Dropped => "dropped",
            EventType::SpamReport => "spamreport",
            EventType::Unsubscribe => "unsubscribe",
            EventType::GroupUnsubscribe => "group_unsubscribe",
            EventType::GroupResubscribe => "group_resubscribe",
            EventType::Other(raw) => raw,
        }
    }

    /// Whether the contract names this type.
    pub fn is_recognised(&self) -> bool {
        !matches!(self, EventType::Other(_))
    }
}

/// How lasting a bounce is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BounceType {
    /// `bounce`: the receiving server rejected the address for good.
    Permanent,
    /// `blocked`: a temporary refusal; the address may be fine.
    Temporary,
}

impl BounceType {
    pub fn parse(raw: &str) -> Option<BounceType> {
        match raw {
            "bounce" => Some(BounceType::Permanent),
            "blocked" => Some(BounceType::Temporary),
            _ => None,
        }
    }
}

/// One provider event, as decoded (optional fields stay optional).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Event {
    pub kind: EventType,
    pub timestamp: Option<Timestamp>,
    /// Provider event id; events sharing one are the same event delivered twice.
    pub id: Option<String>,
    /// SMTP diagnostic for bounce, dropped and deferred events.
    pub reason: Option<String>,
    pub bounce_type: Option<BounceType>,
    pub bounce_classification: Option<String>,
    /// The open came from a privacy proxy, not necessarily from a person.
    pub machine_open: bool,
    pub url: Option<String>,
}

impl Event {
    /// An event of this type with nothing else known; handy for tests and fixtures.
    pub fn new(kind: EventType) -> Event {
        Event {
            kind,
            timestamp: None,
            id: None,
            reason: None,
            bounce_type: None,
            bounce_classification: None,
            machine_open: false,
            url: None,
        }
    }
}

/// The host of a link (`https://meet.example.com/room?x` -> `meet.example.com`), to say
/// where a click went without showing a long tracking URL.
pub fn link_host(url: &str) -> Option<String> {
    let rest = url
        .trim()
        .split_once("://")
        .map_or(url.trim(), |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next()?,
        None => host.split(':').next()?,
    };
    (!host.is_empty()).then(|| super::lowercase(host))
}
