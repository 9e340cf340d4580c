//! The Contact History widget: loads a candidate's emails and shows the timeline.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use crate::api::{self, ApiConfig, ApiError};
use crate::model::{History, Page};
use crate::text;
use crate::ui::format::DateSettings;
use crate::ui::help::HelpPanel;
use crate::ui::host_events::send_loaded;
use crate::ui::timeline::{Load, TimelineState, TimelineView};
use crate::ui::unique_id;

/// A request with no answer by then is aborted and reported as a timeout.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// The candidate shown, for components that tell the host about it.
#[derive(Clone, Copy)]
pub struct CandidateContext(pub Signal<String>);

/// Loads pages into the timeline state. Every request carries the generation it was
/// started in; starting a new first-page load (another candidate, Retry) or unmounting
/// moves the generation on and aborts what is in flight, so a late answer is never shown.
#[derive(Clone, Copy)]
struct Loader {
    config: StoredValue<ApiConfig>,
    state: RwSignal<TimelineState>,
    generation: StoredValue<u64>,
    in_flight: StoredValue<Vec<AbortController>, LocalStorage>,
    /// The widget's root element, from which events to the host are sent.
    root: NodeRef<leptos::html::Section>,
}

impl Loader {
    fn new(
        config: ApiConfig,
        state: RwSignal<TimelineState>,
        root: NodeRef<leptos::html::Section>,
    ) -> Loader {
        Loader {
            config: StoredValue::new(config),
            state,
            generation: StoredValue::new(0),
            in_flight: StoredValue::new_local(Vec::new()),
            root,
        }
    }

    /// Tells the host how many emails are shown after a successful load.
    fn announce_loaded(self, candidate: &str) {
        let count = self
            .state
            .try_with_untracked(|s| s.history.as_ref().map_or(0, History::len));
        if let (Some(count), Some(root)) = (count, self.root.get_untracked()) {
            send_loaded(&root, candidate, count);
        }
    }

    fn is_current(self, generation: u64) -> bool {
        self.generation.try_get_value() == Some(generation)
    }

    fn cancel_all(self) {
        self.generation.try_update_value(|g| *g += 1);
        self.in_flight.try_update_value(|list| {
            for controller in list.drain(..) {
                controller.abort();
            }
        });
    }

    /// Loads the first page. `reset` forgets what was shown (another candidate);
    /// otherwise what is shown stays until the new page arrives, and stays if it fails.
    fn load_first(self, candidate: String, reset: bool) {
        self.cancel_all();
        let generation = self.generation.get_value();
        self.state.update(|s| {
            if reset {
                s.history = None;
            }
            s.first = Load::Loading;
            s.older = Load::Idle;
        });
        spawn_local(async move {
            let result = self.fetch(&candidate, None).await;
            if !self.is_current(generation) {
                return;
            }
            let loaded = result.is_ok();
            self.state.try_update(|s| match result {
                Ok(page) => {
                    match &mut s.history {
                        Some(history) => history.merge_first_page(page),
                        None => s.history = Some(History::from_first_page(page)),
                    }
                    s.first = Load::Idle;
                }
                Err(error) => s.first = Load::Failed(error),
            });
            if loaded {
                self.announce_loaded(&candidate);
            }
        });
    }

    /// Loads the page after the oldest one shown.
    fn load_older(self, candidate: String) {
        let Some(cursor) = self
            .state
            .with_untracked(|s| s.history.as_ref().and_then(|h| h.next_cursor.clone()))
        else {
            return;
        };
        if self.state.with_untracked(|s| s.older == Load::Loading) {
            return;
        }
        let generation = self.generation.get_value();
        self.state.update(|s| s.older = Load::Loading);
        spawn_local(async move {
            let result = self.fetch(&candidate, Some(cursor)).await;
            if !self.is_current(generation) {
                return;
            }
            let loaded = result.is_ok();
            self.state.try_update(|s| match (result, &mut s.history) {
                (Ok(page), Some(history)) => {
                    history.add_older_page(page);
                    s.older = Load::Idle;
                }
                (Ok(_), None) => s.older = Load::Idle,
                (Err(error), _) => s.older = Load::Failed(error),
            });
            if loaded {
                self.announce_loaded(&candidate);
            }
        });
    }

    async fn fetch(self, candidate: &str, cursor: Option<String>) -> Result<Page, ApiError> {
        let controller = AbortController::new().map_err(|_| ApiError::Network)?;
        self.in_flight
            .update_value(|list| list.push(controller.clone()));
        let timed_out = Rc::new(Cell::new(false));
        let timer = set_timeout_with_handle(
            {
                let controller = controller.clone();
                let timed_out = Rc::clone(&timed_out);
                move || {
                    timed_out.set(true);
                    controller.abort();
                }
            },
            REQUEST_TIMEOUT,
        )
        .ok();
        let config = self.config.get_value();
        let signal = controller.signal();
        let result = api::fetch_page(&config, candidate, cursor.as_deref(), Some(&signal)).await;
        if let Some(timer) = timer {
            timer.clear();
        }
        self.in_flight
            .try_update_value(|list| list.retain(|c| c != &controller));
        if timed_out.get() {
            return Err(ApiError::Timeout);
        }
        result
    }
}

/// The whole widget for one candidate.
///
/// ```ignore
/// view! { <ContactHistory candidate_id="cand_7Hq2" config=ApiConfig::new("/api/v1")/> }
/// ```
#[component]
pub fn ContactHistory(
    /// The candidate whose emails are shown; changing it loads the new candidate.
    #[prop(into)]
    candidate_id: Signal<String>,
    /// Where and how to reach the API.
    config: ApiConfig,
    /// Each change reloads the first page, keeping what is shown until it arrives.
    #[prop(optional, into)]
    refresh: Option<Signal<u32>>,
    /// The locale and time zone of dates; the browser's by default.
    #[prop(optional)]
    dates: DateSettings,
) -> impl IntoView {
    let state = RwSignal::new(TimelineState::loading());
    let root = NodeRef::new();
    let loader = Loader::new(config, state, root);
    provide_context(CandidateContext(candidate_id));
    provide_context(dates);
    // Another candidate starts afresh; a refresh of the same one keeps what is shown.
    Effect::new(move |previous: Option<String>| {
        let candidate = candidate_id.get();
        if let Some(refresh) = refresh {
            refresh.track();
        }
        let reset = previous.as_ref() != Some(&candidate);
        loader.load_first(candidate.clone(), reset);
        candidate
    });
    on_cleanup(move || loader.cancel_all());

    let on_retry = Callback::new(move |_| loader.load_first(candidate_id.get_untracked(), false));
    let on_load_older = Callback::new(move |_| loader.load_older(candidate_id.get_untracked()));
    let count = move || state.with(|s| s.history.as_ref().map(|h| text::showing_count(h.len())));
    let title_id = unique_id("ch-title");
    let labelled_by = title_id.clone();

    view! {
        <section class="ch-root" aria-labelledby=labelled_by node_ref=root>
            <header class="ch-header">
                <h2 class="ch-title" id=title_id>{text::WIDGET_TITLE}</h2>
                <span class="ch-count">{count}</span>
            </header>
            <TimelineView state=state on_retry=on_retry on_load_older=on_load_older/>
            <HelpPanel/>
        </section>
    }
}
