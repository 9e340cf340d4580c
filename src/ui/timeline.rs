//! The timeline as a pure function of its state: list, loading, empty and error states.
//! It fetches nothing itself, so the gallery can show every state side by side.

use leptos::prelude::*;
use leptos::task::spawn_local;

use std::collections::HashMap;
use std::sync::Arc;

use crate::api::{next_task, ApiError};
use crate::model::{Entry, History};
use crate::ui::catalog;
use crate::ui::entry::{EmailEntry, NowContext};
use crate::ui::format::{day_heading, day_key, DateSettings};

/// Entries rendered per task.
const RENDER_CHUNK: usize = 25;
/// Entries rendered in the task that shows a first page: fewer, as that task also
/// builds the filters and the alert.
const FIRST_CHUNK: usize = 10;

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
    /// A failed load will be retried automatically.
    pub retrying: bool,
    /// The browser says it is offline.
    pub offline: bool,
}

impl TimelineState {
    /// Everything loaded, newest first (shared pointers: cheap to copy).
    pub fn entries(&self) -> Vec<Arc<Entry>> {
        self.history
            .as_ref()
            .map(|h| h.entries().to_vec())
            .unwrap_or_default()
    }

    pub fn loading() -> TimelineState {
        TimelineState {
            first: Load::Loading,
            ..TimelineState::default()
        }
    }
}

/// Entries rendered when a list is first shown: more than a tall screen holds.
const FIRST_WINDOW: usize = 50;
/// How many more entries each "show more" (scrolling near the end, or the button) asks for.
const WINDOW_STEP: usize = 50;

/// The list of emails with its loading, empty and error states.
///
/// A long history is not put into the page all at once: the list holds the newest
/// entries the filter lets through, [`FIRST_WINDOW`] at first, and renders more, a
/// chunk per task, as the reader nears its end (or presses "Show more"). So loading
/// thousands of emails never blocks the host page, and the page holds the entries the
/// reader has reached rather than every one loaded.
#[component]
pub fn TimelineView(
    /// What to show.
    #[prop(into)]
    state: Signal<TimelineState>,
    /// Called by the Retry button of a failed first page.
    on_retry: Callback<()>,
    /// Called by "Load older emails" and by the Retry of a failed older page.
    on_load_older: Callback<()>,
    /// The entries a filter lets through, newest first; all when absent.
    #[prop(optional)]
    matching: Option<Memo<Vec<Arc<Entry>>>>,
    /// `state`'s entries, when the caller already keeps them as a memo.
    #[prop(optional)]
    entries: Option<Memo<Vec<Arc<Entry>>>>,
) -> impl IntoView {
    let t = catalog();
    let entries = entries.unwrap_or_else(|| Memo::new(move |_| state.with(TimelineState::entries)));
    let loaded = move || state.with(|s| s.history.is_some());
    // The entries the filter lets through, newest first.
    let shown = matching.unwrap_or(entries);
    // How many of them the reader has asked for, and how many are rendered so far.
    let wanted = RwSignal::new(FIRST_WINDOW);
    let limit = RwSignal::new(FIRST_CHUNK);
    let rendered = Memo::new(move |_| {
        let limit = limit.get();
        shown.with(|e| e[..e.len().min(limit)].to_vec())
    });
    let more = Memo::new(move |_| shown.with(Vec::len).saturating_sub(limit.get()));
    // Entries asked for are still being rendered, a chunk per task.
    let rendering = Memo::new(move |_| limit.get() < shown.with(Vec::len).min(wanted.get()));
    let end_marker = NodeRef::<leptos::html::Div>::new();
    let near_end = StoredValue::new_local(None::<NearEnd>);
    Effect::new(move |_| {
        if entries.with(Vec::is_empty) {
            // Another candidate (or none yet): start again from the top.
            wanted.set(FIRST_WINDOW);
            limit.set(FIRST_CHUNK);
            return;
        }
        let goal = shown.with(Vec::len).min(wanted.get());
        // Tracks every chunk (`rendering` stays true from one to the next).
        if limit.get() < goal {
            // The next chunk in a task of its own, never past what was asked for then.
            spawn_local(async move {
                next_task().await;
                let goal = shown
                    .try_with_untracked(Vec::len)
                    .zip(wanted.try_get_untracked());
                if let Some((total, wanted)) = goal {
                    limit.try_update(|l| *l = (*l + RENDER_CHUNK).min(total.min(wanted)).max(*l));
                }
            });
        } else if more.get_untracked() > 0 {
            // Caught up: if the end of the list is still near the viewport, ask again.
            near_end.with_value(|n| n.as_ref().map(NearEnd::recheck));
        }
    });
    // Asks for more entries when the end of the list comes near the viewport.
    Effect::new(move |_| {
        if let Some(marker) = end_marker.get() {
            let ask = move || {
                if limit.get_untracked() >= wanted.get_untracked() && more.get_untracked() > 0 {
                    wanted.set(limit.get_untracked() + WINDOW_STEP);
                }
            };
            near_end.set_value(NearEnd::new(&marker, ask));
        }
    });
    on_cleanup(move || {
        near_end.try_update_value(|n| n.take().map(|n| n.observer.disconnect()));
    });
    // Each rendered row follows its own email and its own day heading: a live update,
    // or another chunk of entries, sets the signals of the rows that changed, and no
    // other row runs any code.
    let rows = StoredValue::new(HashMap::<String, Row>::new());
    Effect::new(move |_| {
        state.with(|s| {
            let Some(history) = &s.history else { return };
            rows.with_value(|rows| {
                for (id, row) in rows {
                    if let Some(entry) = history.get(id) {
                        if row.entry.with_untracked(|old| old != entry) {
                            row.entry.set(Arc::clone(entry));
                        }
                    }
                }
            });
        })
    });
    // A day heading above the first rendered entry of each day.
    let dates = use_context::<DateSettings>().unwrap_or_default();
    let now = use_context::<NowContext>();
    Effect::new(move |_| {
        let Some(now) = now.map(|n| n.0.get()) else {
            return;
        };
        rendered.with(|entries| {
            rows.with_value(|rows| {
                let mut last_day = None;
                for entry in entries {
                    let day = day_key(entry.email.sent_at, &dates);
                    let heading = (last_day.as_ref() != Some(&day))
                        .then(|| day_heading(entry.email.sent_at, now, &dates));
                    last_day = Some(day);
                    if let Some(row) = rows.get(&entry.email.id) {
                        if row.heading.with_untracked(|h| h != &heading) {
                            row.heading.set(heading);
                        }
                    }
                }
            })
        });
    });
    let no_match = move || {
        (!entries.with(Vec::is_empty) && shown.with(Vec::is_empty))
            .then(|| view! { <p class="ch-status ch-empty ch-no-match">{t.no_match}</p> })
    };

    let first_status = move || {
        state.with(|s| {
            let shown = s.history.is_some();
            if s.offline {
                return Some(view! { <Notice kind="offline" message=t.offline.to_owned() quiet=shown on_retry=on_retry/> }.into_any());
            }
            match &s.first {
                Load::Loading if !shown => Some(
                    view! {
                        <p class="ch-status ch-status--loading" role="status">
                            <span class="ch-spinner" aria-hidden="true"></span>
                            {t.loading}
                        </p>
                    }
                    .into_any(),
                ),
                // What is shown stays; a passing fault only earns a quiet line.
                Load::Failed(error) if shown && error.is_transient() => Some(
                    view! { <Notice kind=error.as_str() message=t.refresh_failed.to_owned() quiet=true on_retry=on_retry/> }
                        .into_any(),
                ),
                Load::Failed(error) => {
                    let mut message = error.message(t);
                    if s.retrying {
                        message.push(' ');
                        message.push_str(t.retrying);
                    }
                    Some(view! { <Notice kind=error.as_str() message=message quiet=false on_retry=on_retry/> }.into_any())
                }
                _ => None,
            }
        })
    };

    let empty = move || {
        let failed = state.with(|s| matches!(s.first, Load::Failed(_)));
        (loaded() && !failed && entries.with(Vec::is_empty))
            .then(|| view! { <p class="ch-status ch-empty">{t.empty}</p> })
    };

    let skipped = move || {
        let skipped = state.with(|s| s.history.as_ref().map_or(0, History::skipped));
        (skipped > 0).then(|| {
            view! { <p class="ch-status ch-skipped" role="note">{(t.skipped_notice)(skipped)}</p> }
        })
    };

    // One button for the whole life of "older emails", so keyboard focus stays on it
    // while it loads, fails and is retried.
    let has_more =
        move || state.with(|s| s.history.as_ref().is_some_and(|h| h.next_cursor.is_some()));
    let older_error = move || {
        state.with(|s| match &s.older {
            Load::Failed(error) => Some(view! {
                <p class="ch-error ch-error__message ch-older__error" role="alert" data-error=error.as_str()>
                    {format!("{} {}", t.older_failed, error.message(t))}
                </p>
            }),
            _ => None,
        })
    };
    let older_loading = move || state.with(|s| s.older == Load::Loading);
    let older_label = move || {
        state.with(|s| match s.older {
            Load::Loading => t.loading_older,
            Load::Failed(_) => t.retry_older,
            Load::Idle => t.load_older,
        })
    };
    let older = move || {
        has_more().then(|| {
            view! {
                {older_error}
                <button
                    type="button"
                    class="ch-button ch-load-older"
                    class:ch-retry=move || state.with(|s| matches!(s.older, Load::Failed(_)))
                    aria-disabled=move || older_loading().to_string()
                    on:click=move |_| {
                        if !older_loading() {
                            on_load_older.run(());
                        }
                    }
                >
                    <span class="ch-spinner" aria-hidden="true" hidden=move || !older_loading()></span>
                    {older_label}
                </button>
            }
        })
    };

    view! {
        <div class="ch-timeline" aria-busy=move || state.with(|s| s.first == Load::Loading && s.history.is_none()).to_string()>
            {first_status}
            {empty}
            <ul
                class="ch-list"
                aria-label=t.list_label
                aria-busy=move || rendering.get().to_string()
                hidden=move || entries.with(Vec::is_empty)
            >
                // Keyed by email id: an email that changes is updated in place, so its
                // item, focus and open tooltip survive a live update.
                <For each=move || rendered.get() key=entry_key let:entry>
                    <EmailRow initial=entry rows=rows/>
                </For>
            </ul>
            <div class="ch-list-end" node_ref=end_marker aria-hidden="true"></div>
            {move || (more.get() > 0).then(|| view! {
                <button type="button" class="ch-button ch-button--secondary ch-show-more"
                    on:click=move |_| wanted.set(limit.get_untracked().max(wanted.get_untracked()) + WINDOW_STEP)>
                    {move || (t.show_more)(more.get())}
                </button>
            })}
            {no_match}
            {skipped}
            <div class="ch-older">{older}</div>
        </div>
    }
}

fn entry_key(entry: &Arc<Entry>) -> String {
    entry.email.id.clone()
}

/// What one rendered row shows: its email, and the day heading above it.
#[derive(Clone, Copy, PartialEq)]
struct Row {
    entry: RwSignal<Arc<Entry>>,
    heading: RwSignal<Option<String>>,
}

/// One row, following its email through live updates (see `rows` in [`TimelineView`]).
#[component]
fn EmailRow(initial: Arc<Entry>, rows: StoredValue<HashMap<String, Row>>) -> impl IntoView {
    let id = initial.email.id.clone();
    let row = Row {
        entry: RwSignal::new(initial),
        heading: RwSignal::new(None),
    };
    rows.update_value(|rows| {
        rows.insert(id.clone(), row);
    });
    on_cleanup(move || {
        rows.try_update_value(|rows| {
            // A row of the same id may already have replaced this one.
            if rows.get(&id) == Some(&row) {
                rows.remove(&id);
            }
        });
    });
    view! { <EmailEntry entry=row.entry heading=row.heading/> }
}

/// Watches an element near the end of the list and calls back while it is within a
/// screen's height of the viewport (of the page, and of any scrolling box around it).
struct NearEnd {
    observer: web_sys::IntersectionObserver,
    target: web_sys::Element,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl NearEnd {
    fn new(target: &web_sys::Element, mut near: impl FnMut() + 'static) -> Option<NearEnd> {
        use wasm_bindgen::JsCast;
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
            move |records: js_sys::Array| {
                let intersecting = records.iter().any(|r| {
                    r.dyn_into::<web_sys::IntersectionObserverEntry>()
                        .is_ok_and(|r| r.is_intersecting())
                });
                if intersecting {
                    near();
                }
            },
        );
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("0px 0px 100% 0px");
        // Also reach past the edge of a scrolling box the host put the widget in
        // (browsers without `scrollMargin` ignore it).
        let _ = js_sys::Reflect::set(&options, &"scrollMargin".into(), &"0px 0px 100% 0px".into());
        let observer = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        )
        .ok()?;
        observer.observe(target);
        Some(NearEnd {
            observer,
            target: target.clone(),
            _callback: callback,
        })
    }

    /// Asks again: observing anew reports the element's current state.
    fn recheck(&self) {
        self.observer.unobserve(&self.target);
        self.observer.observe(&self.target);
    }
}

/// The widget root around an event's target.
fn widget_root(ev: &web_sys::Event) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    ev.current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest(".ch-root").ok().flatten())
        .and_then(|root| root.dyn_into::<web_sys::HtmlElement>().ok())
}

fn focus_widget_root(ev: &web_sys::Event) {
    if let Some(root) = widget_root(ev) {
        let _ = root.focus();
    }
}

/// Something went wrong, what to do about it, and a Retry button. `quiet` notices (the
/// data shown is still good) are polite status messages; the others are alerts.
#[component]
pub fn Notice(
    /// A stable name of what went wrong, for the `data-error` hook.
    kind: &'static str,
    message: String,
    quiet: bool,
    on_retry: Callback<()>,
) -> impl IntoView {
    let t = catalog();
    // When the notice goes away (a retry started, or succeeded) while focus is inside
    // it, focus moves to the widget's root instead of falling out to the page.
    let focus_root = StoredValue::new_local(None::<web_sys::HtmlElement>);
    on_cleanup(move || {
        if let Some(Some(root)) = focus_root.try_get_value() {
            if root.is_connected() {
                let _ = root.focus();
            }
        }
    });
    view! {
        <div
            class="ch-error"
            class:ch-error--quiet=quiet
            on:focusin=move |ev| focus_root.set_value(widget_root(&ev))
            on:focusout=move |ev| {
                // Focus moved elsewhere on purpose; a removal leaves no related target.
                if ev.related_target().is_some() {
                    focus_root.set_value(None);
                }
            }
            role=if quiet { "status" } else { "alert" }
            data-error=kind
        >
            <p class="ch-error__message">{message}</p>
            <button
                type="button"
                class="ch-button ch-retry"
                on:click=move |ev| {
                    // This notice goes away while retrying; keep keyboard focus in the
                    // widget (its root) rather than losing it to the page.
                    focus_widget_root(&ev);
                    on_retry.run(());
                }
            >
                {t.retry}
            </button>
        </div>
    }
}
