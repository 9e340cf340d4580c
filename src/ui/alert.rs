//! The deliverability alert: the candidate's latest email to an address bounced or was
//! dropped, and nothing sent since was delivered. It says so in plain words, with the
//! reason and what to do, and offers to update the address (an event to the host).

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::{delivery_alert, Badge, Entry};
use crate::ui::catalog;
use crate::ui::host_events::{send_action, Action};
use crate::ui::widget::CandidateContext;

#[component]
pub fn DeliveryAlertBanner(
    /// Everything loaded, newest first.
    #[prop(into)]
    entries: Signal<Vec<Arc<Entry>>>,
) -> impl IntoView {
    let t = catalog();
    let candidate = use_context::<CandidateContext>();
    let alert = Memo::new(move |_| entries.with(|e| delivery_alert(e)));
    move || {
        alert.get().map(|alert| {
            let headline = match alert.badge {
                Badge::Dropped => (t.alert_dropped)(&alert.recipient),
                _ => (t.alert_bounced)(&alert.recipient),
            };
            let reason = alert.failure.reason.clone().map(|reason| {
                view! {
                    <p class="ch-alert__reason">
                        <span class="ch-failure__term">{t.reason}": "</span>
                        <span class="ch-failure__diagnostic">{reason}</span>
                    </p>
                }
            });
            let guidance = t.guidance(alert.badge, &alert.failure);
            let (email_id, recipient) = (alert.email_id.clone(), alert.recipient.clone());
            view! {
                <div class="ch-alert" role="region" aria-label=t.alert_label data-alert-email-id=alert.email_id.clone()>
                    <p class="ch-alert__headline">
                        <span class="ch-alert__icon" aria-hidden="true">"⚠"</span>
                        {headline}
                    </p>
                    {reason}
                    <p class="ch-alert__guidance">
                        <span class="ch-failure__term">{t.what_to_do}": "</span>
                        {guidance}
                    </p>
                    <button
                        type="button"
                        class="ch-button ch-action"
                        data-action=Action::UpdateEmail.as_str()
                        on:click=move |ev| {
                            let candidate_id = candidate.map(|c| c.0.get_untracked()).unwrap_or_default();
                            if let Some(target) = ev.current_target() {
                                send_action(&target, Action::UpdateEmail, &candidate_id, &email_id, &recipient);
                            }
                        }
                    >
                        {t.action_update_email}
                    </button>
                </div>
            }
        })
    }
}
