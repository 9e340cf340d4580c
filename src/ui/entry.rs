//! One email in the timeline.

use leptos::prelude::*;

use crate::model::{Badge, Email, Entry, Failure};
use crate::ui::badge::StatusBadge;
use crate::ui::catalog;
use crate::ui::format::{local_date_time, DateSettings};
use crate::ui::host_events::{send_action, Action};
use crate::ui::widget::CandidateContext;

/// One list item: kind, badge, subject, recipient, sent time, and for failures why and
/// what to do. Every string from the network is rendered as text, never as HTML.
///
/// The entry may change in place (a live update): the item, its badge and an open
/// tooltip stay; only the parts that changed are redrawn.
#[component]
pub fn EmailEntry(
    /// The email and its derived delivery state.
    #[prop(into)]
    entry: Signal<Entry>,
) -> impl IntoView {
    let t = catalog();
    let dates = use_context::<DateSettings>().unwrap_or_default();
    let id = entry.with_untracked(|e| e.email.id.clone());
    let email = Memo::new(move |_| entry.with(|e| e.email.clone()));
    let delivery = Memo::new(move |_| entry.with(|e| e.delivery.clone()));
    let badge = Memo::new(move |_| delivery.with(|d| d.badge));
    let subject = move || email.with(|e| e.subject().map(str::to_owned));
    let failure = move || {
        delivery.with(|d| d.failure.clone()).map(|failure| {
            view! { <FailureDetails badge=badge.get() failure=failure email=email.get()/> }
        })
    };
    let machine_note = move || {
        delivery
            .with(|d| d.machine_open_only)
            .then(|| view! { <p class="ch-entry__note">{t.machine_open_note}</p> })
    };
    let sent_at = move || email.with(|e| e.sent_at);

    view! {
        <li class=move || format!("ch-entry ch-entry--{}", badge.get().as_str()) data-email-id=id>
            <div class="ch-entry__head">
                <span class="ch-kind" data-kind=move || email.with(|e| e.kind.as_str().to_owned())>
                    {move || email.with(|e| t.kind_label(&e.kind))}
                </span>
                <StatusBadge delivery=delivery/>
            </div>
            <p class="ch-subject" class:ch-subject--empty=move || subject().is_none()>
                {move || subject().unwrap_or_else(|| t.no_subject.to_owned())}
            </p>
            <dl class="ch-meta">
                <div class="ch-meta__item">
                    <dt>{t.to}</dt>
                    <dd class="ch-recipient">{move || email.with(|e| e.recipient.clone())}</dd>
                </div>
                <div class="ch-meta__item">
                    <dt>{t.sent}</dt>
                    <dd>
                        <time datetime=move || sent_at().to_rfc3339()>
                            {move || local_date_time(sent_at(), &dates)}
                        </time>
                    </dd>
                </div>
            </dl>
            {failure}
            {machine_note}
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
