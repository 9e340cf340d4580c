//! The designer gallery (`?view=gallery`): every badge with its tooltip text, and the
//! loading, empty and error states, side by side. Built from sample emails run through
//! the real derivation, so what designers see is what recruiters get.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::model::{
    BounceType, Email, EmailKind, Entry, Event, EventType, History, Page, Timestamp,
};
use crate::ui::badge::StatusBadge;
use crate::ui::catalog;
use crate::ui::timeline::{Load, TimelineState, TimelineView};

fn event(kind: EventType) -> Event {
    Event::new(kind)
}

/// One sample email per badge, plus the variants designers need to see.
pub fn sample_emails() -> Vec<Email> {
    let bounce = Event {
        reason: Some("550 5.1.1 The email account that you tried to reach does not exist".into()),
        bounce_type: Some(BounceType::Permanent),
        bounce_classification: Some("Invalid Address".into()),
        ..event(EventType::Bounce)
    };
    let blocked = Event {
        reason: Some("421 4.7.0 Try again later, closing connection".into()),
        bounce_type: Some(BounceType::Temporary),
        bounce_classification: Some("Reputation".into()),
        ..event(EventType::Bounce)
    };
    let dropped = Event {
        reason: Some("Bounced Address".into()),
        ..event(EventType::Dropped)
    };
    let machine_open = Event {
        machine_open: true,
        ..event(EventType::Open)
    };
    use EmailKind::*;
    let all = [
        (
            InterviewInvitation,
            "Interview invitation: Product Designer",
            None,
            vec![event(EventType::Processed)],
        ),
        (
            InterviewReminder,
            "Reminder: your interview tomorrow at 10:00",
            None,
            vec![event(EventType::Processed), event(EventType::Deferred)],
        ),
        (
            EmailBlast,
            "New roles at HeyMilo this month",
            None,
            vec![event(EventType::Delivered)],
        ),
        (
            ResumeReminder,
            "Please upload your resume",
            None,
            vec![machine_open, event(EventType::Delivered)],
        ),
        (
            DeadlineReminder,
            "Two days left to complete your application",
            None,
            vec![event(EventType::Open), event(EventType::Delivered)],
        ),
        (
            InterviewInvitation,
            "Interview invitation: Data Analyst",
            None,
            vec![bounce],
        ),
        (EmailBlast, "", None, vec![blocked]),
        (
            InterviewReminder,
            "Reminder: interview on Friday",
            None,
            vec![dropped],
        ),
        (
            Other("offer_letter".into()),
            "Your offer",
            Some("archived"),
            vec![],
        ),
    ];
    all.into_iter()
        .enumerate()
        .filter_map(|(i, (kind, subject, status, events))| {
            Some(Email {
                id: format!("sample-{i}"),
                kind,
                recipient: "ada.lovelace@example.com".into(),
                subject: Some(subject.into()),
                // An hour and a half apart, newest first, in late 2026.
                sent_at: Timestamp::from_unix_seconds(1_796_047_500 - i as i64 * 5_400)?,
                status: status.map(Into::into),
                events,
            })
        })
        .collect()
}

#[component]
pub fn Gallery() -> impl IntoView {
    let t = catalog();
    let emails = sample_emails();
    let badges = emails
        .iter()
        .cloned()
        .map(Entry::from)
        .map(|entry| {
            let mut tip = vec![t.badge_description(entry.delivery.badge)];
            if entry.delivery.machine_open_only {
                tip.push(t.machine_open_note);
            }
            view! {
                <li class="ch-gallery__item">
                    <StatusBadge delivery=entry.delivery/>
                    {tip.into_iter().map(|t| view! { <p class="ch-gallery__tip">{t}</p> }).collect_view()}
                </li>
            }
        })
        .collect_view();
    let noop = Callback::new(|_| ());
    let state = |s: TimelineState| Signal::stored(s);
    let loaded = TimelineState {
        history: Some(History::from_first_page(Page {
            emails,
            next_cursor: Some("more".into()),
            skipped: 1,
        })),
        ..TimelineState::default()
    };
    let empty = TimelineState {
        history: Some(History::default()),
        ..TimelineState::default()
    };
    let failed = TimelineState {
        first: Load::Failed(ApiError::Server { status: 503 }),
        ..TimelineState::default()
    };
    let figure = |caption: &'static str, s: TimelineState| {
        view! {
            <figure class="ch-gallery__state">
                <figcaption>{caption}</figcaption>
                <div class="ch-root">
                    <TimelineView state=state(s) on_retry=noop on_load_older=noop/>
                </div>
            </figure>
        }
    };

    view! {
        <div class="ch-root ch-gallery">
            <h2 class="ch-title">{t.gallery_badges}</h2>
            <ul class="ch-gallery__badges">{badges}</ul>
            <h2 class="ch-title">{t.gallery_states}</h2>
            <div class="ch-gallery__states">
                {figure(t.gallery_loading, TimelineState::loading())}
                {figure(t.gallery_empty, empty)}
                {figure(t.gallery_error, failed)}
            </div>
            {figure(t.gallery_entries, loaded)}
        </div>
    }
}
