//! The timeline of one candidate: pages merged, duplicates removed, newest first.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Badge, Delivery, Email, EmailKind};

/// One page as the API returned it, after decoding.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub emails: Vec<Email>,
    pub next_cursor: Option<String>,
    /// Emails in the page that could not be read and were left out.
    pub skipped: usize,
}

/// An email with its derived delivery state, computed once when it arrives.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    pub email: Email,
    pub delivery: Delivery,
}

impl AsRef<Entry> for Entry {
    fn as_ref(&self) -> &Entry {
        self
    }
}

impl From<Email> for Entry {
    fn from(email: Email) -> Entry {
        let delivery = email.delivery();
        Entry { email, delivery }
    }
}

/// An email already shown whose badge changed on a reload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadgeChange {
    pub kind: EmailKind,
    pub recipient: String,
    pub badge: Badge,
}

/// Everything loaded so far for one candidate.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// Shared, so views clone pointers rather than emails.
    entries: Vec<Arc<Entry>>,
    /// Where older emails continue; `None` once the oldest page is loaded.
    pub next_cursor: Option<String>,
    /// Emails of the first page left out because they could not be read.
    skipped_first: usize,
    /// The same, across older pages.
    skipped_older: usize,
    /// Whether any page after the first has been added.
    has_older_pages: bool,
    /// Where each email id stands in `entries`.
    index: HashMap<String, usize>,
}

impl History {
    /// A history holding just the first page.
    pub fn from_first_page(page: Page) -> History {
        let mut history = History::default();
        history.merge_first_page(page);
        history
    }

    /// Merges a fresh copy of the first page (a reload): new emails appear, changed ones
    /// are replaced in place, and older pages already loaded stay. Returns the emails
    /// whose badge changed.
    pub fn merge_first_page(&mut self, page: Page) -> Vec<BadgeChange> {
        if !self.has_older_pages {
            self.next_cursor = page.next_cursor;
        }
        self.skipped_first = page.skipped;
        self.upsert(page.emails)
    }

    /// Adds a page of older emails. An email whose id is already shown is replaced by
    /// the newer copy, never shown twice.
    pub fn add_older_page(&mut self, page: Page) {
        self.has_older_pages = true;
        self.next_cursor = page.next_cursor;
        self.skipped_older += page.skipped;
        self.upsert(page.emails);
    }

    /// Emails left out, across the pages loaded, because they could not be read.
    pub fn skipped(&self) -> usize {
        self.skipped_first + self.skipped_older
    }

    fn upsert(&mut self, emails: Vec<Email>) -> Vec<BadgeChange> {
        let mut changes = Vec::new();
        for email in emails {
            let entry = Entry::from(email);
            match self.index.get(&entry.email.id) {
                Some(&i) => {
                    let before = self.entries[i].delivery.badge;
                    if before != entry.delivery.badge {
                        changes.retain(|c: &(String, BadgeChange)| c.0 != entry.email.id);
                        changes.push((
                            entry.email.id.clone(),
                            BadgeChange {
                                kind: entry.email.kind.clone(),
                                recipient: entry.email.recipient.clone(),
                                badge: entry.delivery.badge,
                            },
                        ));
                    }
                    self.entries[i] = Arc::new(entry);
                }
                None => {
                    self.index
                        .insert(entry.email.id.clone(), self.entries.len());
                    self.entries.push(Arc::new(entry));
                }
            }
        }
        sort_newest_first(&mut self.entries);
        self.index = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, entry)| (entry.email.id.clone(), i))
            .collect();
        changes.into_iter().map(|(_, change)| change).collect()
    }

    /// The entry of one email id.
    pub fn get(&self, id: &str) -> Option<&Arc<Entry>> {
        self.index.get(id).map(|&i| &self.entries[i])
    }

    /// The entries, newest first.
    pub fn entries(&self) -> &[Arc<Entry>] {
        &self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

/// Newest first; emails sent at the same instant are ordered by id so the order never
/// depends on the order the API listed them in.
pub fn sort_newest_first<E: AsRef<Entry>>(entries: &mut [E]) {
    entries.sort_by(|a, b| {
        let (a, b) = (&a.as_ref().email, &b.as_ref().email);
        b.sent_at.cmp(&a.sent_at).then_with(|| a.id.cmp(&b.id))
    });
}
