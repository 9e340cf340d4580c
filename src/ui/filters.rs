//! The summary above the timeline ("12 emails: 9 delivered, 2 opened, 1 bounced"),
//! whose counts double as filters, plus a filter by kind, a text search and a reset.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::{badge_counts, kinds_present, EmailKind, Entry, Filter};
use crate::ui::{catalog, unique_id};

/// The filter bar. Shown once there is something to filter.
#[component]
pub fn FilterBar(
    /// Everything loaded, newest first.
    #[prop(into)]
    entries: Signal<Vec<Arc<Entry>>>,
    /// The recruiter's filter.
    filter: RwSignal<Filter>,
    /// How many entries the filter lets through.
    #[prop(into)]
    shown: Signal<usize>,
) -> impl IntoView {
    let t = catalog();
    let counts = Memo::new(move |_| entries.with(|e| badge_counts(e)));
    let kinds = Memo::new(move |_| entries.with(|e| kinds_present(e)));
    let total = move || entries.with(Vec::len);
    let kind_id = unique_id("ch-kind");
    let search_id = unique_id("ch-search");

    let chips = move || {
        counts
            .get()
            .into_iter()
            .rev()
            .map(|(badge, count)| {
                let pressed = move || filter.with(|f| f.badges.contains(&badge));
                view! {
                    <button
                        type="button"
                        class=format!("ch-chip ch-chip--{}", badge.as_str())
                        data-filter-status=badge.as_str()
                        aria-pressed=move || pressed().to_string()
                        on:click=move |_| filter.update(|f| f.toggle_badge(badge))
                    >
                        {t.badge_count(badge, count)}
                    </button>
                }
            })
            .collect_view()
    };
    let kind_options = move || {
        kinds
            .get()
            .into_iter()
            .map(|kind| {
                let value = kind.as_str().to_owned();
                let selected = {
                    let value = value.clone();
                    move || filter.with(|f| f.kind.as_deref() == Some(value.as_str()))
                };
                // Kinds the contract does not name all read "Email"; their own name
                // tells them apart.
                let label = match &kind {
                    EmailKind::Other(raw) => format!("{} ({raw})", t.kind_label(&kind)),
                    known => t.kind_label(known).to_owned(),
                };
                view! { <option value=value selected=selected>{label}</option> }
            })
            .collect_view()
    };
    let active = move || filter.with(|f| !f.is_empty());

    view! {
        <div class="ch-filters" role="group" aria-label=t.filters_label>
            <p class="ch-summary">
                <span class="ch-summary__total">{move || (t.summary_total)(total())}</span>
                " "
                {chips}
            </p>
            <div class="ch-filters__row">
                <div class="ch-field">
                    <label for=kind_id.clone()>{t.filter_kind}</label>
                    <select
                        id=kind_id
                        class="ch-select"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            filter.update(|f| f.kind = (!value.is_empty()).then_some(value));
                        }
                        prop:value=move || filter.with(|f| f.kind.clone().unwrap_or_default())
                    >
                        <option value="">{t.filter_kind_all}</option>
                        {kind_options}
                    </select>
                </div>
                <div class="ch-field ch-field--grow">
                    <label for=search_id.clone()>{t.search_label}</label>
                    <input
                        id=search_id
                        class="ch-search"
                        type="search"
                        autocomplete="off"
                        prop:value=move || filter.with(|f| f.text.clone())
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            filter.update(|f| f.text = value);
                        }
                    />
                </div>
                <button
                    type="button"
                    class="ch-button ch-button--secondary ch-reset"
                    // aria-disabled, not disabled: the button keeps keyboard focus after
                    // it has done its work.
                    aria-disabled=move || (!active()).to_string()
                    on:click=move |_| {
                        if active() {
                            filter.set(Filter::default());
                        }
                    }
                >
                    {t.reset_filters}
                </button>
            </div>
            <p class="ch-match-count" role="status">
                {move || active().then(|| (t.match_count)(shown.get(), total()))}
            </p>
        </div>
    }
}
