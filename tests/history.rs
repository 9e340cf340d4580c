//! The timeline's order and the merging of pages.
#![cfg(not(target_arch = "wasm32"))]

use contact_history::model::{Email, EmailKind, History, Page, Timestamp};
use proptest::prelude::*;

fn email(id: &str, sent: i64, status: &str) -> Email {
    Email {
        id: id.into(),
        kind: EmailKind::EmailBlast,
        recipient: "ada@example.com".into(),
        subject: None,
        sent_at: Timestamp::from_unix_seconds(sent).unwrap(),
        status: Some(status.into()),
        events: vec![],
    }
}

fn page(emails: Vec<Email>, next: Option<&str>) -> Page {
    Page {
        emails,
        next_cursor: next.map(Into::into),
        skipped: 0,
    }
}

fn ids(history: &History) -> Vec<&str> {
    history
        .entries()
        .iter()
        .map(|e| e.email.id.as_str())
        .collect()
}

#[test]
fn newest_first_whatever_the_api_order() {
    let h = History::from_first_page(page(
        vec![
            email("old", 100, "sent"),
            email("new", 300, "sent"),
            email("mid", 200, "sent"),
        ],
        None,
    ));
    assert_eq!(ids(&h), ["new", "mid", "old"]);
}

#[test]
fn emails_sent_at_the_same_instant_are_ordered_by_id() {
    let h = History::from_first_page(page(
        vec![
            email("b", 100, "sent"),
            email("c", 100, "sent"),
            email("a", 100, "sent"),
        ],
        None,
    ));
    assert_eq!(ids(&h), ["a", "b", "c"]);
}

#[test]
fn older_pages_append_and_follow_the_cursor() {
    let mut h = History::from_first_page(page(
        vec![email("3", 300, "sent"), email("2", 200, "sent")],
        Some("p2"),
    ));
    assert_eq!(h.next_cursor.as_deref(), Some("p2"));
    h.add_older_page(page(vec![email("1", 100, "sent")], None));
    assert_eq!(ids(&h), ["3", "2", "1"]);
    assert_eq!(h.next_cursor, None);
}

#[test]
fn an_email_repeated_across_pages_is_shown_once_with_the_newer_copy() {
    let mut h = History::from_first_page(page(
        vec![email("a", 300, "sent"), email("b", 200, "sent")],
        Some("p2"),
    ));
    h.add_older_page(page(
        vec![email("b", 200, "delivered"), email("c", 100, "sent")],
        None,
    ));
    assert_eq!(ids(&h), ["a", "b", "c"]);
    assert_eq!(h.entries()[1].delivery.badge.as_str(), "delivered");
}

#[test]
fn a_duplicate_within_one_page_is_shown_once() {
    let h = History::from_first_page(page(
        vec![email("a", 300, "sent"), email("a", 300, "sent")],
        None,
    ));
    assert_eq!(h.len(), 1);
}

#[test]
fn reloading_the_first_page_keeps_older_pages_and_their_cursor() {
    let mut h = History::from_first_page(page(vec![email("b", 200, "sent")], Some("p2")));
    h.add_older_page(page(vec![email("a", 100, "sent")], Some("p3")));
    h.merge_first_page(page(
        vec![email("c", 300, "sent"), email("b", 200, "bounced")],
        Some("p2"),
    ));
    assert_eq!(ids(&h), ["c", "b", "a"]);
    assert_eq!(h.next_cursor.as_deref(), Some("p3"));
    assert_eq!(h.entries()[1].delivery.badge.as_str(), "bounced");
}

#[test]
fn skipped_emails_are_counted_across_pages_and_not_double_counted_on_reload() {
    let mut h = History::from_first_page(Page {
        skipped: 2,
        ..page(vec![], Some("p2"))
    });
    h.add_older_page(Page {
        skipped: 1,
        ..page(vec![], None)
    });
    assert_eq!(h.skipped(), 3);
    h.merge_first_page(Page {
        skipped: 2,
        ..page(vec![], None)
    });
    assert_eq!(h.skipped(), 3);
}

proptest! {
    #[test]
    fn order_does_not_depend_on_how_emails_are_split_or_listed(
        raw in prop::collection::vec(("[a-e]{1,2}", 0i64..50), 0..30),
        split in any::<prop::sample::Index>(),
    ) {
        let emails: Vec<Email> = raw.iter().map(|(id, t)| email(id, *t, "sent")).collect();
        // Keep one copy per id (the API's ids are unique per email).
        let mut unique: Vec<Email> = Vec::new();
        for e in emails {
            if !unique.iter().any(|u| u.id == e.id) { unique.push(e); }
        }
        let at = if unique.is_empty() { 0 } else { split.index(unique.len() + 1) };
        let (first, older) = unique.split_at(at);
        let mut paged = History::from_first_page(page(first.iter().rev().cloned().collect(), Some("p2")));
        paged.add_older_page(page(older.to_vec(), None));
        let whole = History::from_first_page(page(unique.clone(), None));
        prop_assert_eq!(ids(&paged), ids(&whole));
        let entries = whole.entries();
        for pair in entries.windows(2) {
            let (a, b) = (&pair[0].email, &pair[1].email);
            prop_assert!(a.sent_at > b.sent_at || (a.sent_at == b.sent_at && a.id < b.id));
        }
    }
}
