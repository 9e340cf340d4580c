//! One email in the timeline.

use leptos::prelude::*;

use crate::model::{Badge, Entry, Failure};
use crate::text;
use crate::ui::badge::StatusBadge;
use crate::ui::format::local_date_time;

/// One list item: kind, badge, subject, recipient, sent time, and for failures why and
/// what to do. Every string from the network is rendered as text, never as HTML.
#[component]
pub fn EmailEntry(entry: Entry) -> impl IntoView {
    let Entry { email, delivery } = entry;
    let badge = delivery.badge;
    let subject = email.subject().map(str::to_owned);
    let has_subject = subject.is_some();
    let failure = delivery
        .failure
        .clone()
        .map(|f| view! { <FailureDetails badge=badge failure=f/> });
    let machine_note = delivery
        .machine_open_only
        .then(|| view! { <p class="ch-entry__note">{text::MACHINE_OPEN_NOTE}</p> });

    view! {
        <li class=format!("ch-entry ch-entry--{}", badge.as_str()) data-email-id=email.id.clone()>
            <div class="ch-entry__head">
                <span class="ch-kind" data-kind=email.kind.as_str().to_owned()>{email.kind.label()}</span>
                <StatusBadge delivery=delivery/>
            </div>
            <p class="ch-subject" class:ch-subject--empty=!has_subject>
                {subject.unwrap_or_else(|| text::NO_SUBJECT.to_owned())}
            </p>
            <dl class="ch-meta">
                <div class="ch-meta__item">
                    <dt>{text::TO}</dt>
                    <dd class="ch-recipient">{email.recipient}</dd>
                </div>
                <div class="ch-meta__item">
                    <dt>{text::SENT}</dt>
                    <dd>
                        <time datetime=email.sent_at.to_rfc3339()>{local_date_time(email.sent_at)}</time>
                    </dd>
                </div>
            </dl>
            {failure}
            {machine_note}
        </li>
    }
}

/// Why a Bounced or Dropped email failed, when known, and what to do.
#[component]
fn FailureDetails(badge: Badge, failure: Failure) -> impl IntoView {
    let kind = (badge == Badge::Bounced).then(|| {
        let mut kind = text::bounce_kind(&failure).to_owned();
        if let Some(classification) = &failure.classification {
            kind.push_str(" · ");
            kind.push_str(classification);
        }
        view! { <p class="ch-failure__kind">{kind}</p> }
    });
    let reason = failure.reason.clone().map(|reason| {
        view! {
            <p class="ch-failure__reason">
                <span class="ch-failure__term">{text::REASON}": "</span>
                <span class="ch-failure__diagnostic">{reason}</span>
            </p>
        }
    });
    view! {
        <div class="ch-failure">
            {kind}
            {reason}
            <p class="ch-failure__guidance">
                <span class="ch-failure__term">{text::WHAT_TO_DO}": "</span>
                {text::guidance(badge, &failure)}
            </p>
        </div>
    }
}
