//! The badge derivation, row by row of the contract's rank table, and its properties:
//! the result never depends on event order or duplicates.
#![cfg(not(target_arch = "wasm32"))]

use contact_history::model::{Badge, BounceType, Email, EmailKind, Event, EventType, Timestamp};
use proptest::prelude::*;

fn email(status: Option<&str>, events: Vec<Event>) -> Email {
    Email {
        id: "em_1".into(),
        kind: EmailKind::InterviewInvitation,
        recipient: "ada@example.com".into(),
        subject: Some("Interview".into()),
        sent_at: Timestamp::from_unix_seconds(1_764_000_000).unwrap(),
        status: status.map(Into::into),
        events,
    }
}

fn ev(kind: EventType) -> Event {
    Event::new(kind)
}

fn machine_open() -> Event {
    Event {
        machine_open: true,
        ..ev(EventType::Open)
    }
}

fn badge(status: Option<&str>, events: Vec<Event>) -> Badge {
    email(status, events).delivery().badge
}

// Rank 6: Dropped.
#[test]
fn dropped_event_shows_dropped() {
    assert_eq!(badge(None, vec![ev(EventType::Dropped)]), Badge::Dropped);
}

#[test]
fn dropped_statuses_show_dropped() {
    for status in ["dropped", "not_sent", "suppressed"] {
        assert_eq!(badge(Some(status), vec![]), Badge::Dropped, "{status}");
    }
}

#[test]
fn dropped_outranks_every_other_event() {
    let events = vec![
        ev(EventType::Click),
        ev(EventType::Bounce),
        ev(EventType::Dropped),
        ev(EventType::Delivered),
    ];
    assert_eq!(badge(Some("opened"), events), Badge::Dropped);
}

// Rank 5: Bounced.
#[test]
fn bounce_event_shows_bounced() {
    assert_eq!(badge(None, vec![ev(EventType::Bounce)]), Badge::Bounced);
}

#[test]
fn bounce_statuses_show_bounced() {
    for status in ["bounce", "bounced", "blocked"] {
        assert_eq!(badge(Some(status), vec![]), Badge::Bounced, "{status}");
    }
}

#[test]
fn bounce_after_open_shows_bounced() {
    let events = vec![
        ev(EventType::Open),
        ev(EventType::Click),
        ev(EventType::Bounce),
    ];
    assert_eq!(badge(None, events), Badge::Bounced);
}

#[test]
fn blocked_bounce_is_temporary_and_plain_bounce_is_permanent() {
    let blocked = Event {
        bounce_type: Some(BounceType::Temporary),
        ..ev(EventType::Bounce)
    };
    let failure = email(None, vec![blocked.clone()])
        .delivery()
        .failure
        .unwrap();
    assert!(failure.temporary);

    let permanent = Event {
        bounce_type: Some(BounceType::Permanent),
        ..ev(EventType::Bounce)
    };
    let failure = email(None, vec![blocked, permanent])
        .delivery()
        .failure
        .unwrap();
    assert!(
        !failure.temporary,
        "a permanent bounce beside a block is permanent"
    );

    let untyped = email(None, vec![ev(EventType::Bounce)])
        .delivery()
        .failure
        .unwrap();
    assert!(
        !untyped.temporary,
        "SendGrid's default bounce type is permanent"
    );
}

#[test]
fn blocked_status_without_events_is_temporary() {
    let failure = email(Some("blocked"), vec![]).delivery().failure.unwrap();
    assert!(failure.temporary);
    let failure = email(Some("bounced"), vec![]).delivery().failure.unwrap();
    assert!(!failure.temporary);
}

#[test]
fn bounce_reason_and_classification_come_from_the_latest_bounce() {
    let at = |s| Timestamp::from_unix_seconds(s);
    let early = Event {
        timestamp: at(100),
        reason: Some("421 try later".into()),
        bounce_classification: Some("Reputation".into()),
        ..ev(EventType::Bounce)
    };
    let late = Event {
        timestamp: at(200),
        reason: Some("550 5.1.1 user unknown".into()),
        bounce_classification: Some("Invalid Address".into()),
        ..ev(EventType::Bounce)
    };
    for events in [vec![early.clone(), late.clone()], vec![late, early]] {
        let failure = email(None, events).delivery().failure.unwrap();
        assert_eq!(failure.reason.as_deref(), Some("550 5.1.1 user unknown"));
        assert_eq!(failure.classification.as_deref(), Some("Invalid Address"));
    }
}

#[test]
fn dropped_reason_is_kept() {
    let dropped = Event {
        reason: Some("Bounced Address".into()),
        ..ev(EventType::Dropped)
    };
    let delivery = email(None, vec![dropped]).delivery();
    assert_eq!(
        delivery.failure.unwrap().reason.as_deref(),
        Some("Bounced Address")
    );
}

#[test]
fn failures_without_a_known_reason_have_none() {
    let delivery = email(Some("suppressed"), vec![]).delivery();
    assert_eq!(delivery.failure.unwrap().reason, None);
}

// Rank 4: Opened.
#[test]
fn click_shows_opened() {
    assert_eq!(badge(None, vec![ev(EventType::Click)]), Badge::Opened);
}

#[test]
fn human_open_shows_opened() {
    assert_eq!(badge(None, vec![ev(EventType::Open)]), Badge::Opened);
}

#[test]
fn open_statuses_show_opened() {
    for status in ["open", "opened", "click", "clicked"] {
        assert_eq!(badge(Some(status), vec![]), Badge::Opened, "{status}");
    }
}

#[test]
fn a_human_open_beside_a_machine_open_shows_opened() {
    let delivery = email(None, vec![machine_open(), ev(EventType::Open)]).delivery();
    assert_eq!(delivery.badge, Badge::Opened);
    assert!(!delivery.machine_open_only);
}

// Rank 3: Delivered.
#[test]
fn delivered_event_shows_delivered() {
    assert_eq!(
        badge(None, vec![ev(EventType::Delivered)]),
        Badge::Delivered
    );
}

#[test]
fn machine_only_open_shows_delivered_with_its_note() {
    let delivery = email(None, vec![machine_open(), machine_open()]).delivery();
    assert_eq!(delivery.badge, Badge::Delivered);
    assert!(delivery.machine_open_only);
}

#[test]
fn spamreport_and_unsubscribe_imply_delivered() {
    assert_eq!(
        badge(None, vec![ev(EventType::SpamReport)]),
        Badge::Delivered
    );
    assert_eq!(
        badge(None, vec![ev(EventType::Unsubscribe)]),
        Badge::Delivered
    );
}

#[test]
fn delivered_status_shows_delivered() {
    let delivery = email(Some("delivered"), vec![]).delivery();
    assert_eq!(delivery.badge, Badge::Delivered);
    assert!(!delivery.machine_open_only);
}

// Rank 2: Delayed.
#[test]
fn deferred_event_shows_delayed() {
    assert_eq!(
        badge(
            None,
            vec![ev(EventType::Processed), ev(EventType::Deferred)]
        ),
        Badge::Delayed
    );
}

#[test]
fn delay_statuses_show_delayed() {
    for status in ["deferred", "delayed"] {
        assert_eq!(badge(Some(status), vec![]), Badge::Delayed, "{status}");
    }
}

#[test]
fn delivery_after_a_deferral_shows_delivered() {
    assert_eq!(
        badge(
            None,
            vec![ev(EventType::Delivered), ev(EventType::Deferred)]
        ),
        Badge::Delivered
    );
}

// Rank 1: Sending.
#[test]
fn processed_event_shows_sending() {
    assert_eq!(badge(None, vec![ev(EventType::Processed)]), Badge::Sending);
}

#[test]
fn sending_statuses_show_sending() {
    for status in ["queued", "processed", "sent"] {
        assert_eq!(badge(Some(status), vec![]), Badge::Sending, "{status}");
    }
}

#[test]
fn no_evidence_at_all_shows_sending() {
    assert_eq!(badge(None, vec![]), Badge::Sending);
}

#[test]
fn unrecognised_events_alone_carry_no_evidence() {
    let other = ev(EventType::Other("custom_thing".into()));
    assert_eq!(badge(None, vec![other.clone()]), Badge::Sending);
    assert_eq!(badge(Some("delivered"), vec![other]), Badge::Delivered);
}

// Rank 0: Unknown.
#[test]
fn only_an_unrecognised_status_shows_unknown() {
    assert_eq!(badge(Some("archived"), vec![]), Badge::Unknown);
    let other = ev(EventType::Other("custom_thing".into()));
    assert_eq!(badge(Some("archived"), vec![other]), Badge::Unknown);
}

#[test]
fn an_unrecognised_status_with_a_recognised_event_follows_the_event() {
    assert_eq!(
        badge(Some("archived"), vec![ev(EventType::Delivered)]),
        Badge::Delivered
    );
    assert_eq!(
        badge(Some("archived"), vec![ev(EventType::Processed)]),
        Badge::Sending
    );
}

// Status and events together: the higher rank wins, whichever side it is on.
#[test]
fn status_and_events_higher_rank_wins() {
    assert_eq!(
        badge(Some("bounced"), vec![ev(EventType::Delivered)]),
        Badge::Bounced
    );
    assert_eq!(
        badge(Some("delivered"), vec![ev(EventType::Bounce)]),
        Badge::Bounced
    );
    assert_eq!(
        badge(Some("queued"), vec![ev(EventType::Open)]),
        Badge::Opened
    );
    assert_eq!(badge(Some("opened"), vec![machine_open()]), Badge::Opened);
}

#[test]
fn badge_ranks_follow_the_contract_table() {
    let ranks: Vec<u8> = Badge::ALL.iter().map(|b| b.rank()).collect();
    assert_eq!(ranks, vec![0, 1, 2, 3, 4, 5, 6]);
    let names: Vec<&str> = Badge::ALL.iter().map(|b| b.as_str()).collect();
    assert_eq!(
        names,
        [
            "unknown",
            "sending",
            "delayed",
            "delivered",
            "opened",
            "bounced",
            "dropped"
        ]
    );
}

#[test]
fn distinct_events_drop_duplicates_and_sort_oldest_first() {
    let at = |s| Timestamp::from_unix_seconds(s);
    let open = Event {
        id: Some("o1".into()),
        timestamp: at(300),
        ..ev(EventType::Open)
    };
    let delivered = Event {
        id: Some("d1".into()),
        timestamp: at(200),
        ..ev(EventType::Delivered)
    };
    let processed = Event {
        timestamp: at(100),
        ..ev(EventType::Processed)
    };
    let e = email(
        None,
        vec![
            open.clone(),
            delivered.clone(),
            processed.clone(),
            open.clone(),
            processed.clone(),
            delivered.clone(),
        ],
    );
    let kinds: Vec<&EventType> = e.distinct_events().iter().map(|e| &e.kind).collect();
    assert_eq!(
        kinds,
        [
            &EventType::Processed,
            &EventType::Delivered,
            &EventType::Open
        ]
    );
}

// Properties.

fn arb_event() -> impl Strategy<Value = Event> {
    let kind = prop_oneof![
        Just(EventType::Processed),
        Just(EventType::Deferred),
        Just(EventType::Delivered),
        Just(EventType::Open),
        Just(EventType::Click),
        Just(EventType::Bounce),
        Just(EventType::Dropped),
        Just(EventType::SpamReport),
        Just(EventType::Unsubscribe),
        Just(EventType::GroupUnsubscribe),
        Just(EventType::GroupResubscribe),
        "[a-z_]{1,8}".prop_map(|s| EventType::parse(&s)),
    ];
    (
        kind,
        proptest::option::of(0i64..2_000_000_000),
        proptest::option::of("[a-c]{1,2}"),
        proptest::option::of(prop_oneof![
            Just("550 user unknown".to_owned()),
            Just("421 later".to_owned())
        ]),
        proptest::option::of(prop_oneof![
            Just(BounceType::Permanent),
            Just(BounceType::Temporary)
        ]),
        proptest::option::of(prop_oneof![
            Just("Invalid Address".to_owned()),
            Just("Reputation".to_owned())
        ]),
        any::<bool>(),
    )
        .prop_map(
            |(kind, ts, id, reason, bounce_type, classification, machine_open)| Event {
                kind,
                timestamp: ts.and_then(Timestamp::from_unix_seconds),
                id,
                reason,
                bounce_type,
                bounce_classification: classification,
                machine_open,
                url: None,
            },
        )
}

fn arb_status() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(prop_oneof![
        prop::sample::select(vec![
            "queued",
            "processed",
            "sent",
            "deferred",
            "delayed",
            "delivered",
            "open",
            "opened",
            "click",
            "clicked",
            "bounce",
            "bounced",
            "blocked",
            "dropped",
            "not_sent",
            "suppressed",
        ])
        .prop_map(str::to_owned),
        "[a-z]{1,8}",
    ])
}

/// The events with duplicates made the way providers make them: the same event, id and
/// all, delivered again.
fn with_duplicates(events: &[Event], picks: &[prop::sample::Index]) -> Vec<Event> {
    let mut out = events.to_vec();
    if !events.is_empty() {
        out.extend(picks.iter().map(|i| events[i.index(events.len())].clone()));
    }
    out
}

proptest! {
    #[test]
    fn badge_does_not_depend_on_event_order(
        status in arb_status(),
        events in prop::collection::vec(arb_event(), 0..12),
        seed in any::<u64>(),
    ) {
        let mut shuffled = events.clone();
        // A deterministic shuffle driven by the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let a = email(status.as_deref(), events).delivery();
        let b = email(status.as_deref(), shuffled).delivery();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn badge_does_not_depend_on_duplicates(
        status in arb_status(),
        events in prop::collection::vec(arb_event(), 0..12),
        picks in prop::collection::vec(any::<prop::sample::Index>(), 0..12),
    ) {
        let duplicated = with_duplicates(&events, &picks);
        let a = email(status.as_deref(), events.clone()).delivery();
        let b = email(status.as_deref(), duplicated.clone()).delivery();
        prop_assert_eq!(a, b);
        prop_assert_eq!(
            email(None, events).distinct_events().len(),
            email(None, duplicated).distinct_events().len()
        );
    }

    #[test]
    fn more_evidence_never_lowers_the_badge(
        status in arb_status(),
        events in prop::collection::vec(arb_event(), 0..10),
        extra in arb_event(),
    ) {
        let before = email(status.as_deref(), events.clone()).delivery().badge;
        let mut more = events;
        more.push(extra);
        let after = email(status.as_deref(), more).delivery().badge;
        // Unknown is the absence of evidence, so any recognised event may replace it.
        prop_assert!(after >= before || before == Badge::Unknown);
    }

    #[test]
    fn failures_are_explained_exactly_for_bounced_and_dropped(
        status in arb_status(),
        events in prop::collection::vec(arb_event(), 0..10),
    ) {
        let delivery = email(status.as_deref(), events).delivery();
        prop_assert_eq!(delivery.failure.is_some(), delivery.badge.is_failure());
        prop_assert!(!delivery.machine_open_only || delivery.badge == Badge::Delivered);
    }
}
