//! The timeline of one candidate: pages merged, duplicates removed, newest first.

use std::collections::HashMap;

use super::{Delivery, Email};

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

impl From<Email> for Entry {
    fn from(email: Email) -> Entry {
        let delivery = email.delivery();
        Entry { email, delivery }
    }
}

/// Everything loaded so far for one candidate.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    entries: Vec<Entry>,
    /// Where older emails continue; `None` once the oldest page is loaded.
    pub next_cursor: Option<String>,
    /// Emails of the first page left out because they could not be read.
    skipped_first: usize,
    /// The same, across older pages.
    skipped_older: usize,
    /// Whether any page after the first has been added.
    has_older_pages: bool,
}

impl History {
    /// A history holding just the first page.
    pub fn from_first_page(page: Page) -> History {
        let mut history = History::default();
        history.merge_first_page(page);
        history
    }

    /// Merges a fresh copy of the first page (a reload): new emails appear, changed ones
    /// are replaced in place, and older pages already loaded stay.
    pub fn merge_first_page(&mut self, page: Page) {
        if !self.has_older_pages {
            self.next_cursor = page.next_cursor;
        }
        self.skipped_first = page.skipped;
        self.upsert(page.emails);
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

    fn upsert(&mut self, emails: Vec<Email>) {
        let mut index: HashMap<String, usize> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, entry)| (entry.email.id.clone(), i))
            .collect();
        for email in emails {
            match index.get(&email.id) {
                Some(&i) => self.entries[i] = Entry::from(email),
                None => {
                    index.insert(email.id.clone(), self.entries.len());
                    self.entries.push(Entry::from(email));
                }
            }
        }
        sort_newest_first(&mut self.entries);
    }

    /// The entries, newest first.
    pub fn entries(&self) -> &[Entry] {
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
pub fn sort_newest_first(entries: &mut [Entry]) {
    entries.sort_by(|a, b| {
        b.email
            .sent_at
            .cmp(&a.email.sent_at)
            .then_with(|| a.email.id.cmp(&b.email.id))
    });
}
