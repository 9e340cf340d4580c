//! The delivery badge with its tooltip (WAI-ARIA tooltip pattern).

use leptos::ev;
use leptos::prelude::*;

use crate::model::{Badge, Delivery};
use crate::ui::catalog;
use crate::ui::unique_id;

/// A focusable badge: icon (hidden from assistive tech) and word, never colour alone.
/// Its tooltip opens on hover and on keyboard focus, stays while hovered, and closes on
/// Escape and on blur.
#[component]
pub fn StatusBadge(
    /// The derived delivery state to show; it may change in place (live updates).
    #[prop(into)]
    delivery: Signal<Delivery>,
) -> impl IntoView {
    let t = catalog();
    let badge = Memo::new(move |_| delivery.with(|d| d.badge));
    let tip_id = unique_id("ch-tip");
    let described_by = tip_id.clone();
    let open = RwSignal::new(false);
    let hovered = RwSignal::new(false);
    let focused = RwSignal::new(false);
    // Escape must close the tooltip even when the pointer opened it and focus is
    // elsewhere, so a window listener lives exactly as long as the tooltip is open.
    let escape_listener = StoredValue::new_local(None::<WindowListenerHandle>);
    let close = move || {
        open.set(false);
        escape_listener.update_value(|handle| {
            if let Some(handle) = handle.take() {
                handle.remove();
            }
        });
    };
    let show = move || {
        if open.get_untracked() {
            return;
        }
        open.set(true);
        let handle = window_event_listener(ev::keydown, move |e| {
            if e.key() == "Escape" {
                close();
            }
        });
        escape_listener.set_value(Some(handle));
    };
    on_cleanup(close);

    let tip = move || {
        let mut lines = vec![t.badge_description(badge.get())];
        if delivery.with(|d| d.machine_open_only) {
            lines.push(t.machine_open_note);
        }
        lines
            .into_iter()
            .map(|t| view! { <span class="ch-tooltip__line">{t}</span> })
            .collect_view()
    };

    view! {
        <span
            class="ch-badge-wrap"
            on:mouseenter=move |_| {
                hovered.set(true);
                show();
            }
            on:mouseleave=move |_| {
                hovered.set(false);
                if !focused.get_untracked() {
                    close();
                }
            }
        >
            <button
                type="button"
                class=move || format!("ch-badge ch-badge--{}", badge.get().as_str())
                data-status=move || badge.get().as_str()
                aria-describedby=described_by
                on:focus=move |_| {
                    focused.set(true);
                    show();
                }
                on:blur=move |_| {
                    focused.set(false);
                    close();
                }
                on:click=move |_| {
                    // Touch screens have no hover: a tap toggles the explanation.
                    if open.get_untracked() && !hovered.get_untracked() { close() } else { show() }
                }
            >
                <span class="ch-badge__icon" aria-hidden="true">{move || badge.get().icon()}</span>
                <span class="ch-visually-hidden">{t.status_prefix}": "</span>
                <span class="ch-badge__label">{move || t.badge_label(badge.get())}</span>
            </button>
            <span role="tooltip" id=tip_id class="ch-tooltip" hidden=move || !open.get()>
                {tip}
            </span>
        </span>
    }
}

/// A badge as a plain, static chip (used where no tooltip is wanted, e.g. the help
/// panel's legend).
#[component]
pub fn BadgeChip(badge: Badge) -> impl IntoView {
    let t = catalog();
    view! {
        <span class=format!("ch-badge ch-badge--{} ch-badge--static", badge.as_str())>
            <span class="ch-badge__icon" aria-hidden="true">{badge.icon()}</span>
            <span class="ch-badge__label">{t.badge_label(badge)}</span>
        </span>
    }
}
