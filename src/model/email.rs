//! One email and the delivery state derived from its evidence.

use std::collections::HashSet;

use super::{Badge, BounceType, EmailKind, Event, EventType, Timestamp};

/// One email sent to the candidate, as the API described it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Email {
    pub id: String,
    pub kind: EmailKind,
    pub recipient: String,
    /// `None` or empty when the email had no subject.
    pub subject: Option<String>,
    pub sent_at: Timestamp,
    /// The server's own summary, verbatim.
    pub status: Option<String>,
    /// Raw provider events in the order received (which means nothing).
    pub events: Vec<Event>,
}

/// Why a message failed, as far as the evidence says.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Failure {
    /// The SMTP diagnostic, e.g. `550 5.1.1 user unknown`.
    pub reason: Option<String>,
    /// The provider's classification, e.g. `Invalid Address`.
    pub classification: Option<String>,
    /// A temporary block (`blocked`): the address may be fine, try again later.
    pub temporary: bool,
}

/// What an entry shows about delivery.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Delivery {
    pub badge: Badge,
    /// Delivered, and the only opens came from a privacy proxy (not proof of a reader).
    pub machine_open_only: bool,
    /// Set for Bounced and Dropped.
    pub failure: Option<Failure>,
}

/// The rank of evidence one event carries, or `None` when it carries none.
fn event_evidence(event: &Event) -> Option<Badge> {
    Some(match event.kind {
        EventType::Dropped => Badge::Dropped,
        EventType::Bounce => Badge::Bounced,
        EventType::Click => Badge::Opened,
        EventType::Open if !event.machine_open => Badge::Opened,
        EventType::Open | EventType::Delivered | EventType::SpamReport | EventType::Unsubscribe => {
            Badge::Delivered
        }
        EventType::Deferred => Badge::Delayed,
        EventType::Processed => Badge::Sending,
        EventType::GroupUnsubscribe | EventType::GroupResubscribe | EventType::Other(_) => {
            return None
        }
    })
}

/// The identity of an event for de-duplication: the provider id when there is one,
/// otherwise the whole event (an id-less event repeated verbatim is one event).
#[derive(PartialEq, Eq, Hash)]
enum EventKey<'a> {
    Id(&'a str),
    Whole(&'a Event),
}

impl Email {
    /// The subject, or `None` when it is absent or only white space.
    pub fn subject(&self) -> Option<&str> {
        self.subject.as_deref().filter(|s| !s.trim().is_empty())
    }

    /// The distinct events, oldest first (events without a time last), with duplicates
    /// removed: events sharing an `id` are one event. The order is the same whatever
    /// order the API listed them in.
    pub fn distinct_events(&self) -> Vec<&Event> {
        let mut seen = HashSet::new();
        let mut distinct: Vec<&Event> = Vec::with_capacity(self.events.len());
        // Sort first so that, of several copies sharing an id, the kept one does not
        // depend on the order received.
        let mut sorted: Vec<&Event> = self.events.iter().collect();
        sorted.sort_by(|a, b| event_order(a, b));
        for event in sorted {
            let key = match &event.id {
                Some(id) => EventKey::Id(id),
                None => EventKey::Whole(event),
            };
            if seen.insert(key) {
                distinct.push(event);
            }
        }
        distinct
    }

    /// Derives the badge exactly by the contract's rank table: the highest-ranked state
    /// the evidence (events and `status`) supports.
    pub fn delivery(&self) -> Delivery {
        let status_evidence = self.status.as_deref().map(Badge::from_status);
        let recognised_event = self.events.iter().any(|e| e.kind.is_recognised());
        let event_best = self.events.iter().filter_map(event_evidence).max();

        let badge = match (event_best, status_evidence) {
            (Some(e), Some(Some(s))) => e.max(s),
            (Some(e), _) => e,
            (None, Some(Some(s))) => s,
            // Only an unrecognised status, and no recognised event.
            (None, Some(None)) if !recognised_event => Badge::Unknown,
            // No evidence at all.
            _ => Badge::Sending,
        };

        let machine_open_only = badge == Badge::Delivered
            && self
                .events
                .iter()
                .any(|e| e.kind == EventType::Open && e.machine_open);

        let failure = match badge {
            Badge::Bounced => Some(self.bounce_failure()),
            Badge::Dropped => Some(self.failure_from(EventType::Dropped, false)),
            _ => None,
        };

        Delivery {
            badge,
            machine_open_only,
            failure,
        }
    }

    fn bounce_failure(&self) -> Failure {
        let bounces: Vec<&Event> = self
            .events
            .iter()
            .filter(|e| e.kind == EventType::Bounce)
            .collect();
        // A bounce without a type is SendGrid's default, a permanent bounce. With no
        // bounce event the server's status tells: only `blocked` is temporary.
        let temporary = if bounces.is_empty() {
            self.status.as_deref() == Some("blocked")
        } else {
            bounces
                .iter()
                .all(|e| e.bounce_type == Some(BounceType::Temporary))
        };
        self.failure_from(EventType::Bounce, temporary)
    }

    /// The reason and classification of the latest event of `kind` that has them.
    fn failure_from(&self, kind: EventType, temporary: bool) -> Failure {
        let latest_with = |field: fn(&Event) -> Option<&String>| {
            self.events
                .iter()
                .filter(|e| e.kind == kind)
                .filter(|e| field(e).is_some_and(|text| !text.trim().is_empty()))
                .max_by(|a, b| event_order(a, b))
                .and_then(|e| field(e).cloned())
        };
        Failure {
            reason: latest_with(|e| e.reason.as_ref()),
            classification: latest_with(|e| e.bounce_classification.as_ref()),
            temporary,
        }
    }
}

/// A total order on events: by time (untimed last), then by content, so choices among
/// events never depend on the order the API listed them in.
fn event_order(a: &Event, b: &Event) -> std::cmp::Ordering {
    let time = |e: &Event| (e.timestamp.is_none(), e.timestamp);
    time(a).cmp(&time(b)).then_with(|| a.cmp(b))
}
