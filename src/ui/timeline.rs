//! The timeline as a pure function of its state: list, loading, empty and error states.
//! It fetches nothing itself, so the gallery can show every state side by side.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::model::{Entry, History};
use crate::text;
use crate::ui::entry::EmailEntry;

/// The progress of one kind of request.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Load {
    #[default]
    Idle,
    Loading,
    Failed(ApiError),
}

/// Everything the timeline shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineState {
    /// `None` until a first page has arrived.
    pub history: Option<History>,
    /// The (re)load of the first page.
    pub first: Load,
    /// The load of the next older page.
    pub older: Load,
}

impl TimelineState {
    pub fn loading() -> TimelineState {
        TimelineState {
            first: Load::Loading,
            ..TimelineState::default()
        }
    }
}

/// The list of emails with its loading, empty and error states.
#[component]
pub fn TimelineView(
    /// What to show.
    #[prop(into)]
    state: Signal<TimelineState>,
    /// Called by the Retry button of a failed first page.
    on_retry: Callback<()>,
    /// Called by "Load older emails" and by the Retry of a failed older page.
    on_load_older: Callback<()>,
) -> impl IntoView {
    let entries = Memo::new(move |_| {
        state.with(|s| {
            s.history
                .as_ref()
                .map(|h| h.entries().to_vec())
                .unwrap_or_default()
        })
    });
    let loaded = move || state.with(|s| s.history.is_some());

    let first_status = move || {
        state.with(|s| match &s.first {
            Load::Loading if s.history.is_none() => Some(
                view! {
                    <p class="ch-status ch-status--loading" role="status">
                        <span class="ch-spinner" aria-hidden="true"></span>
                        {text::LOADING}
                    </p>
                }
                .into_any(),
            ),
            Load::Failed(error) => {
                Some(view! { <ErrorNotice error=error.clone() on_retry=on_retry/> }.into_any())
            }
            _ => None,
        })
    };

    let empty = move || {
        let failed = state.with(|s| matches!(s.first, Load::Failed(_)));
        (loaded() && !failed && entries.with(Vec::is_empty))
            .then(|| view! { <p class="ch-status ch-empty">{text::EMPTY}</p> })
    };

    let skipped = move || {
        let skipped = state.with(|s| s.history.as_ref().map_or(0, History::skipped));
        (skipped > 0).then(|| {
            view! { <p class="ch-status ch-skipped" role="note">{text::skipped_notice(skipped)}</p> }
        })
    };

    let older = move || {
        let has_more = state.with(|s| s.history.as_ref().is_some_and(|h| h.next_cursor.is_some()));
        if !has_more {
            return None;
        }
        Some(state.with(|s| match &s.older {
            Load::Loading => view! {
                <p class="ch-status ch-status--loading" role="status">
                    <span class="ch-spinner" aria-hidden="true"></span>
                    {text::LOADING_OLDER}
                </p>
            }
            .into_any(),
            Load::Failed(error) => view! {
                <ErrorNotice error=error.clone() on_retry=on_load_older lead=text::OLDER_FAILED/>
            }
            .into_any(),
            Load::Idle => view! {
                <button type="button" class="ch-button ch-load-older" on:click=move |_| on_load_older.run(())>
                    {text::LOAD_OLDER}
                </button>
            }
            .into_any(),
        }))
    };

    view! {
        <div class="ch-timeline" aria-busy=move || state.with(|s| s.first == Load::Loading).to_string()>
            {first_status}
            {empty}
            <ul class="ch-list" aria-label=text::LIST_LABEL hidden=move || entries.with(Vec::is_empty)>
                <For each=move || entries.get() key=|entry: &Entry| entry.clone() let:entry>
                    <EmailEntry entry=entry/>
                </For>
            </ul>
            {skipped}
            <div class="ch-older">{older}</div>
        </div>
    }
}

/// An error the recruiter can read, with a Retry button.
#[component]
pub fn ErrorNotice(
    error: ApiError,
    on_retry: Callback<()>,
    /// A sentence before the message, saying what failed.
    #[prop(optional)]
    lead: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="ch-error" role="alert" data-error=error.as_str()>
            <p class="ch-error__message">
                {lead.map(|l| format!("{l} "))}
                {error.message()}
            </p>
            <button type="button" class="ch-button ch-retry" on:click=move |_| on_retry.run(())>
                {text::RETRY}
            </button>
        </div>
    }
}
