//! Filters, counts, the deliverability alert, link hosts and the text catalogs.
#![cfg(not(target_arch = "wasm32"))]

use contact_history::model::{
    badge_counts, delivery_alert, kinds_present, link_host, Badge, Email, EmailKind, Entry, Event,
    EventType, Filter, Timestamp,
};
use contact_history::text::{english, Lang};

fn entry(
    id: &str,
    sent: i64,
    kind: EmailKind,
    recipient: &str,
    subject: &str,
    events: Vec<EventType>,
) -> Entry {
    Entry::from(Email {
        id: id.into(),
        kind,
        recipient: recipient.into(),
        subject: Some(subject.into()),
        sent_at: Timestamp::from_unix_seconds(sent).unwrap(),
        status: None,
        events: events.into_iter().map(Event::new).collect(),
    })
}

fn sample() -> Vec<Entry> {
    vec![
        entry(
            "4",
            400,
            EmailKind::InterviewReminder,
            "ada@example.com",
            "Reminder: Friday",
            vec![EventType::Delivered],
        ),
        entry(
            "3",
            300,
            EmailKind::EmailBlast,
            "ADA@example.com",
            "New roles",
            vec![EventType::Bounce],
        ),
        entry(
            "2",
            200,
            EmailKind::InterviewInvitation,
            "grace@example.com",
            "Interview at HeyMilo",
            vec![EventType::Open],
        ),
        entry(
            "1",
            100,
            EmailKind::InterviewInvitation,
            "ada@example.com",
            "Interview",
            vec![EventType::Delivered],
        ),
    ]
}

/// The ids a filter lets through, one entry at a time (`matches`) and in one pass
/// (`apply`, what the widget uses), which must agree.
fn matching(filter: &Filter, entries: &[Entry]) -> Vec<String> {
    let one_by_one: Vec<String> = entries
        .iter()
        .filter(|e| filter.matches(e))
        .map(|e| e.email.id.clone())
        .collect();
    let in_one_pass: Vec<String> = filter
        .apply(entries)
        .into_iter()
        .map(|e| e.email.id)
        .collect();
    assert_eq!(one_by_one, in_one_pass, "matches and apply agree");
    one_by_one
}

#[test]
fn an_empty_filter_matches_everything() {
    let f = Filter::default();
    assert!(f.is_empty());
    assert_eq!(matching(&f, &sample()), ["4", "3", "2", "1"]);
}

#[test]
fn filters_combine_badge_kind_and_text() {
    let entries = sample();
    let mut f = Filter::default();
    f.toggle_badge(Badge::Delivered);
    assert_eq!(matching(&f, &entries), ["4", "1"]);
    f.toggle_badge(Badge::Opened);
    assert_eq!(matching(&f, &entries), ["4", "2", "1"]);
    f.kind = Some("interview_invitation".into());
    assert_eq!(matching(&f, &entries), ["2", "1"]);
    f.text = "  HEYMILO ".into();
    assert_eq!(matching(&f, &entries), ["2"]);
    f.toggle_badge(Badge::Opened);
    assert!(
        matching(&f, &entries).is_empty(),
        "Delivered interview invitations about HeyMilo: none"
    );
    assert!(!f.is_empty());
}

#[test]
fn text_search_covers_recipient_and_subject_ignoring_case() {
    let f = Filter {
        text: "grace@".into(),
        ..Filter::default()
    };
    assert_eq!(matching(&f, &sample()), ["2"]);
    let f = Filter {
        text: "new ROLES".into(),
        ..Filter::default()
    };
    assert_eq!(matching(&f, &sample()), ["3"]);
}

#[test]
fn counts_by_badge_and_kinds_present() {
    let counts = badge_counts(&sample());
    assert_eq!(counts.get(&Badge::Delivered), Some(&2));
    assert_eq!(counts.get(&Badge::Opened), Some(&1));
    assert_eq!(counts.get(&Badge::Bounced), Some(&1));
    assert_eq!(counts.get(&Badge::Dropped), None);
    let kinds: Vec<String> = kinds_present(&sample())
        .iter()
        .map(|k| k.as_str().to_owned())
        .collect();
    assert_eq!(
        kinds,
        ["interview_invitation", "email_blast", "interview_reminder"],
        "the contract's order"
    );
}

#[test]
fn alert_when_the_latest_email_to_an_address_bounced() {
    let entries = vec![
        entry(
            "2",
            200,
            EmailKind::EmailBlast,
            "ada@exmaple.com",
            "s",
            vec![EventType::Bounce],
        ),
        entry(
            "1",
            100,
            EmailKind::InterviewInvitation,
            "ada@example.com",
            "s",
            vec![EventType::Delivered],
        ),
    ];
    let alert = delivery_alert(&entries).expect("an alert");
    assert_eq!(alert.email_id, "2");
    assert_eq!(alert.recipient, "ada@exmaple.com");
    assert_eq!(alert.badge, Badge::Bounced);
}

#[test]
fn alert_clears_once_a_later_email_is_delivered() {
    let mut entries = vec![entry(
        "2",
        200,
        EmailKind::EmailBlast,
        "ada@exmaple.com",
        "s",
        vec![EventType::Bounce],
    )];
    assert!(delivery_alert(&entries).is_some());
    entries.insert(
        0,
        entry(
            "3",
            300,
            EmailKind::EmailBlast,
            "ada@example.com",
            "s",
            vec![EventType::Delivered],
        ),
    );
    assert_eq!(delivery_alert(&entries), None);
    // A later email still on its way does not clear it.
    let entries = vec![
        entry(
            "3",
            300,
            EmailKind::EmailBlast,
            "ada@example.com",
            "s",
            vec![EventType::Processed],
        ),
        entry(
            "2",
            200,
            EmailKind::EmailBlast,
            "ada@exmaple.com",
            "s",
            vec![EventType::Dropped],
        ),
    ];
    assert_eq!(
        delivery_alert(&entries).map(|a| a.badge),
        Some(Badge::Dropped)
    );
}

#[test]
fn no_alert_when_a_failed_address_was_later_used_successfully() {
    // Newest first: the address bounced once, then a later email to it was delivered.
    let entries = sample();
    assert_eq!(delivery_alert(&entries), None);
    // An address whose latest email went fine is not alerted for an older bounce.
    let entries = vec![
        entry(
            "2",
            200,
            EmailKind::EmailBlast,
            "ada@example.com",
            "s",
            vec![EventType::Processed],
        ),
        entry(
            "1",
            100,
            EmailKind::EmailBlast,
            "ada@example.com",
            "s",
            vec![EventType::Bounce],
        ),
    ];
    assert_eq!(delivery_alert(&entries), None);
}

#[test]
fn link_host_names_where_a_click_went() {
    assert_eq!(
        link_host("https://meet.example.com/room/42?t=1").as_deref(),
        Some("meet.example.com")
    );
    assert_eq!(
        link_host("http://user:pw@Jobs.Example.org:8080#x").as_deref(),
        Some("jobs.example.org")
    );
    assert_eq!(
        link_host("https://[2001:db8::1]/x").as_deref(),
        Some("2001:db8::1")
    );
    assert_eq!(link_host("").as_deref(), None);
}

#[test]
fn language_follows_the_locale() {
    assert_eq!(Lang::from_locale("de"), Lang::De);
    assert_eq!(Lang::from_locale("de-AT"), Lang::De);
    assert_eq!(Lang::from_locale("en-GB"), Lang::En);
    assert_eq!(Lang::from_locale("fr-FR"), Lang::En);
    assert_eq!(Lang::from_locale(""), Lang::En);
}

#[test]
fn every_catalog_is_complete_and_german_differs_from_english() {
    for lang in [Lang::En, Lang::De] {
        let t = lang.catalog();
        for text in t
            .badge_labels
            .iter()
            .chain(&t.badge_descriptions)
            .chain(&t.kind_labels)
            .chain(&t.badge_count_words)
        {
            assert!(!text.trim().is_empty(), "{lang:?}");
        }
        assert_eq!(
            t.faq.len(),
            english().faq.len(),
            "{lang:?} has every FAQ topic"
        );
        assert!(!(t.showing_count)(3).is_empty());
    }
    let (en, de) = (Lang::En.catalog(), Lang::De.catalog());
    assert_eq!(de.widget_title, "Kontaktverlauf");
    assert_ne!(en.badge_labels, de.badge_labels);
    assert_eq!((en.showing_count)(1), "1 email");
    assert_eq!((de.showing_count)(2), "2 E-Mails");
    assert_eq!(en.badge_count(Badge::Delivered, 9), "9 delivered");
    assert_eq!(en.kind_label(&EmailKind::Other("x".into())), "Email");
    assert_eq!(
        de.kind_label(&EmailKind::InterviewInvitation),
        "Einladung zum Vorstellungsgespräch"
    );
}
