//! What a recruiter asks of a whole history: which emails match a filter, how many of
//! each badge, and whether the candidate currently cannot be reached by email.

use std::collections::{BTreeMap, BTreeSet};

use super::{lowercase, Badge, EmailKind, Entry, Failure};

/// The recruiter's filters; an empty filter matches everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Badges to show; empty means every badge.
    pub badges: BTreeSet<Badge>,
    /// The API kind string to show; `None` means every kind.
    pub kind: Option<String>,
    /// Text to find in the subject or recipient, ignoring case.
    pub text: String,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.badges.is_empty() && self.kind.is_none() && self.text.trim().is_empty()
    }

    /// Adds the badge to the filter, or removes it if it was there.
    pub fn toggle_badge(&mut self, badge: Badge) {
        if !self.badges.remove(&badge) {
            self.badges.insert(badge);
        }
    }

    pub fn matches(&self, entry: &Entry) -> bool {
        self.matches_text(entry, &self.needle())
    }

    /// The entries the filter lets through, in their order.
    pub fn apply<E: Clone + AsRef<Entry>>(&self, entries: &[E]) -> Vec<E> {
        let needle = self.needle();
        entries
            .iter()
            .filter(|e| self.matches_text(e.as_ref(), &needle))
            .cloned()
            .collect()
    }

    /// The search text as it is compared: trimmed, lower case (worked out once per pass).
    fn needle(&self) -> String {
        lowercase(self.text.trim())
    }

    fn matches_text(&self, entry: &Entry, needle: &str) -> bool {
        if !self.badges.is_empty() && !self.badges.contains(&entry.delivery.badge) {
            return false;
        }
        if let Some(kind) = &self.kind {
            if entry.email.kind.as_str() != kind {
                return false;
            }
        }
        needle.is_empty()
            || lowercase(&entry.email.recipient).contains(needle)
            || entry
                .email
                .subject()
                .is_some_and(|s| lowercase(s).contains(needle))
    }
}

/// How many emails carry each badge, in badge order (only badges that occur).
pub fn badge_counts<E: AsRef<Entry>>(entries: &[E]) -> BTreeMap<Badge, usize> {
    let mut counts = BTreeMap::new();
    for entry in entries.iter().map(AsRef::as_ref) {
        *counts.entry(entry.delivery.badge).or_insert(0) += 1;
    }
    counts
}

/// The kinds present, in a stable order: the contract's kinds in its order, then any
/// others by name.
pub fn kinds_present<E: AsRef<Entry>>(entries: &[E]) -> Vec<EmailKind> {
    let mut seen = BTreeSet::new();
    let mut kinds = Vec::new();
    for entry in entries.iter().map(AsRef::as_ref) {
        let kind = &entry.email.kind;
        if seen.insert(kind.as_str()) {
            kinds.push(kind.clone());
        }
    }
    let rank = |kind: &EmailKind| {
        EmailKind::KNOWN
            .iter()
            .position(|k| k == kind)
            .unwrap_or(EmailKind::KNOWN.len())
    };
    kinds.sort_by(|a, b| {
        rank(a)
            .cmp(&rank(b))
            .then_with(|| a.as_str().cmp(b.as_str()))
    });
    kinds
}

/// The candidate's email address cannot be relied on: the most recent email to it
/// bounced or was dropped, and nothing sent to the candidate since was delivered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeliveryAlert {
    pub email_id: String,
    pub recipient: String,
    pub badge: Badge,
    pub failure: Failure,
}

/// The alert to show for a history (entries newest first), if any.
pub fn delivery_alert<E: AsRef<Entry>>(entries: &[E]) -> Option<DeliveryAlert> {
    let mut seen_recipients = BTreeSet::new();
    for entry in entries.iter().map(AsRef::as_ref) {
        let badge = entry.delivery.badge;
        // A later email reached the candidate: earlier failures are history.
        if matches!(badge, Badge::Delivered | Badge::Opened) {
            return None;
        }
        let recipient = lowercase(entry.email.recipient.trim());
        if !seen_recipients.insert(recipient) {
            continue; // not the most recent email to this address
        }
        if let (true, Some(failure)) = (badge.is_failure(), &entry.delivery.failure) {
            return Some(DeliveryAlert {
                email_id: entry.email.id.clone(),
                recipient: entry.email.recipient.clone(),
                badge,
                failure: failure.clone(),
            });
        }
    }
    None
}
