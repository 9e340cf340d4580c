//! One email in the timeline.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::{
    link_host, Badge, BounceType, Email, Entry, Event, EventType, Failure, Timestamp,
};
use crate::text::Catalog;
use crate::ui::badge::StatusBadge;
use crate::ui::format::{local_date_time, relative_time, DateSettings};
use crate::ui::host_events::{send_action, Action};
use crate::ui::widget::CandidateContext;
use crate::ui::{catalog, unique_id};

/// The current time, ticking once a minute, so relative times stay fresh.
#[derive(Clone, Copy)]
pub struct NowContext(pub Signal<Timestamp>);

/// One list item: kind, badge, subject, recipient, sent time, and for failures why and
/// what to do. Every string from the network is rendered as text, never as HTML.
///
/// The entry may change in place (a live update): the item, its badge and an open
/// tooltip stay; only the parts that changed are redrawn.
#[component]
pub fn EmailEntry(
    /// The email and its derived delivery state.
    #[prop(into)]
    entry: Signal<Arc<Entry>>,
    /// The day heading shown above this entry (the first entry of each day shown).
    #[prop(optional, into)]
    heading: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let t = catalog();
    let dates = use_context::<DateSettings>().unwrap_or_default();
    let id = entry.with_untracked(|e| e.email.id.clone());
    let delivery = Memo::new(move |_| entry.with(|e| e.delivery.clone()));
    let badge = Memo::new(move |_| delivery.with(|d| d.badge));
    let subject = move || entry.with(|en| en.email.subject().map(str::to_owned));
    let failure = move || {
        delivery.with(|d| d.failure.clone()).map(|failure| {
            view! { <FailureDetails badge=badge.get() failure=failure email=entry.with(|en| en.email.clone())/> }
        })
    };
    let machine_note = move || {
        delivery
            .with(|d| d.machine_open_only)
            .then(|| view! { <p class="ch-entry__note">{t.machine_open_note}</p> })
    };
    let sent_at = move || entry.with(|en| en.email.sent_at);
    let now = use_context::<NowContext>();
    let relative = {
        let dates = dates.clone();
        move || now.map(|now| relative_time(sent_at(), now.0.get(), &dates))
    };
    let heading = move || {
        heading
            .and_then(|h| h.get())
            .map(|text| view! { <h3 class="ch-day">{text}</h3> })
    };
    // Only whether there are events decides if the trail exists; a live update that
    // adds one keeps the same trail (open or not, focused or not).
    let has_events = Memo::new(move |_| entry.with(|en| !en.email.events.is_empty()));

    view! {
        <li
            class=move || format!("ch-entry ch-entry--{}", badge.get().as_str())
            data-email-id=id
        >
            {heading}
            <div class="ch-entry__card">
            <div class="ch-entry__head">
                <span class="ch-kind" data-kind=move || entry.with(|en| en.email.kind.as_str().to_owned())>
                    {move || entry.with(|en| t.kind_label(&en.email.kind))}
                </span>
                <StatusBadge delivery=delivery/>
            </div>
            <p class="ch-subject" class:ch-subject--empty=move || subject().is_none()>
                {move || subject().unwrap_or_else(|| t.no_subject.to_owned())}
            </p>
            <dl class="ch-meta">
                <div class="ch-meta__item">
                    <dt>{t.to}</dt>
                    <dd class="ch-recipient">{move || entry.with(|en| en.email.recipient.clone())}</dd>
                </div>
                <div class="ch-meta__item">
                    <dt>{t.sent}</dt>
                    <dd>
                        <time datetime=move || sent_at().to_rfc3339()>
                            {move || local_date_time(sent_at(), &dates)}
                        </time>
                        <span class="ch-relative">{relative}</span>
                    </dd>
                </div>
            </dl>
            {failure}
            {machine_note}
            {move || has_events.get().then(|| view! { <EventTrail entry=entry/> })}
            </div>
        </li>
    }
}

/// Why a Bounced or Dropped email failed, when known, what to do, and the actions the
/// host carries out (sent as `contact-history:action` events).
#[component]
fn FailureDetails(badge: Badge, failure: Failure, email: Email) -> impl IntoView {
    let t = catalog();
    let candidate = use_context::<CandidateContext>();
    let action_button = move |action: Action, label: &'static str| {
        let aria = (t.action_label)(label, t.kind_label(&email.kind), &email.recipient);
        let (id, recipient) = (email.id.clone(), email.recipient.clone());
        view! {
            <button
                type="button"
                class="ch-button ch-button--secondary ch-action"
                data-action=action.as_str()
                aria-label=aria
                on:click=move |ev| {
                    let candidate_id = candidate.map(|c| c.0.get_untracked()).unwrap_or_default();
                    if let Some(target) = ev.current_target() {
                        send_action(&target, action, &candidate_id, &id, &recipient);
                    }
                }
            >
                {label}
            </button>
        }
    };
    let actions = view! {
        <div class="ch-actions">
            {action_button(Action::UpdateEmail, t.action_update_email)}
            {action_button(Action::Resend, t.action_resend)}
        </div>
    };
    let kind = (badge == Badge::Bounced).then(|| {
        let mut kind = t.bounce_kind(&failure).to_owned();
        if let Some(classification) = &failure.classification {
            kind.push_str(" · ");
            kind.push_str(classification);
        }
        view! { <p class="ch-failure__kind">{kind}</p> }
    });
    let reason = failure.reason.clone().map(|reason| {
        view! {
            <p class="ch-failure__reason">
                <span class="ch-failure__term">{t.reason}": "</span>
                <span class="ch-failure__diagnostic">{reason}</span>
            </p>
        }
    });
    view! {
        <div class="ch-failure">
            {kind}
            {reason}
            <p class="ch-failure__guidance">
                <span class="ch-failure__term">{t.what_to_do}": "</span>
                {t.guidance(badge, &failure)}
            </p>
            {actions}
        </div>
    }
}

/// Every distinct provider event of one email, oldest first, behind a disclosure button.
/// The list is built only when opened: an email can carry thousands of events.
#[component]
fn EventTrail(entry: Signal<Arc<Entry>>) -> impl IntoView {
    let t = catalog();
    let dates = use_context::<DateSettings>().unwrap_or_default();
    let open = RwSignal::new(false);
    let list_id = unique_id("ch-trail");
    let controls = list_id.clone();
    let count = move || entry.with(|en| en.email.distinct_events().len());
    let items = move || {
        open.get().then(|| {
            entry.with(|en| {
                en.email
                    .distinct_events()
                    .into_iter()
                    .map(|event| trail_item(t, event, &dates))
                    .collect_view()
            })
        })
    };
    view! {
        <div class="ch-trail">
            <button
                type="button"
                class="ch-trail__toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=controls
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="ch-trail__chevron" aria-hidden="true"></span>
                {move || if open.get() { t.trail_hide.to_owned() } else { (t.trail_show)(count()) }}
            </button>
            <ol class="ch-trail__list" id=list_id aria-label=t.trail_label hidden=move || !open.get()>
                {items}
            </ol>
        </div>
    }
}

/// What one event means, in the recruiter's words.
fn event_meaning(t: &'static Catalog, event: &Event) -> String {
    match &event.kind {
        EventType::Processed => t.event_processed.to_owned(),
        EventType::Deferred => t.event_deferred.to_owned(),
        EventType::Delivered => t.event_delivered.to_owned(),
        EventType::Open if event.machine_open => t.event_machine_open.to_owned(),
        EventType::Open => t.event_open.to_owned(),
        EventType::Click => t.event_click.to_owned(),
        EventType::Bounce if event.bounce_type == Some(BounceType::Temporary) => {
            t.event_bounce_temporary.to_owned()
        }
        EventType::Bounce => t.event_bounce_permanent.to_owned(),
        EventType::Dropped => t.event_dropped.to_owned(),
        EventType::SpamReport => t.event_spamreport.to_owned(),
        EventType::Unsubscribe => t.event_unsubscribe.to_owned(),
        EventType::GroupUnsubscribe => t.event_group_unsubscribe.to_owned(),
        EventType::GroupResubscribe => t.event_group_resubscribe.to_owned(),
        EventType::Other(raw) => (t.event_other)(raw),
    }
}

fn trail_item(t: &'static Catalog, event: &Event, dates: &DateSettings) -> impl IntoView {
    let time = match event.timestamp {
        Some(at) => view! { <time class="ch-trail__time" datetime=at.to_rfc3339()>{local_date_time(at, dates)}</time> }.into_any(),
        None => view! { <span class="ch-trail__time">{t.event_no_time}</span> }.into_any(),
    };
    let machine = event.kind == EventType::Open && event.machine_open;
    let reason = event.reason.clone().map(|reason| {
        view! {
            <span class="ch-trail__detail">
                <span class="ch-failure__term">{t.reason}": "</span>
                <span class="ch-failure__diagnostic">{reason}</span>
            </span>
        }
    });
    let classification = event.bounce_classification.clone().map(|c| {
        view! {
            <span class="ch-trail__detail">
                <span class="ch-failure__term">{t.classification}": "</span>
                {c}
            </span>
        }
    });
    let link = (event.kind == EventType::Click)
        .then(|| event.url.as_deref().and_then(link_host))
        .flatten()
        .map(|host| {
            view! {
                <span class="ch-trail__detail">
                    <span class="ch-failure__term">{t.event_link}" "</span>
                    {host}
                </span>
            }
        });
    view! {
        <li class="ch-trail__event" class:ch-trail__event--machine=machine data-event=event.kind.as_str().to_owned()>
            {time}
            " "
            <span class="ch-trail__what">{event_meaning(t, event)}</span>
            {reason}
            {classification}
            {link}
        </li>
    }
}
