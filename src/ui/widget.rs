//! The Contact History widget: loads a candidate's emails, keeps them fresh, and shows
//! the timeline.
//!
//! Live behaviour: the first page is re-read every `poll_interval` while the page is
//! visible (paused while hidden, refreshed at once when shown again); transient faults
//! are retried with capped exponential backoff and jitter; 429 waits `Retry-After`;
//! 401/403 and 404 stop; going offline is said, and coming back online refreshes.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use crate::api::{self, ApiConfig, ApiError};
use crate::model::{Filter, History, Page, Timestamp};
use crate::text::{Catalog, Lang};
use crate::ui::alert::DeliveryAlertBanner;
use crate::ui::entry::NowContext;
use crate::ui::filters::FilterBar;
use crate::ui::format::DateSettings;
use crate::ui::help::HelpPanel;
use crate::ui::host_events::send_loaded;
use crate::ui::timeline::{Load, TimelineState, TimelineView};
use crate::ui::unique_id;

/// How the widget keeps itself fresh.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiveOptions {
    /// How often the first page is re-read; `Duration::ZERO` turns polling off.
    pub poll_interval: Duration,
    /// A request with no answer by then is aborted and reported as a timeout.
    pub request_timeout: Duration,
}

impl Default for LiveOptions {
    fn default() -> LiveOptions {
        LiveOptions {
            poll_interval: Duration::from_secs(30),
            request_timeout: Duration::from_secs(15),
        }
    }
}

/// The first automatic retry waits about this long; each further one twice as long.
const BACKOFF_BASE: Duration = Duration::from_secs(2);
/// No automatic retry waits longer than this.
const BACKOFF_CAP: Duration = Duration::from_secs(120);

/// The wait before automatic retry number `attempt` (1-based): exponential, capped,
/// with "equal jitter" (between half and all of the step) so that many widgets that
/// failed together do not retry together. `random` is in `[0, 1)`.
pub fn backoff_delay(attempt: u32, random: f64) -> Duration {
    let step = BACKOFF_BASE
        .saturating_mul(1u32 << attempt.saturating_sub(1).min(16))
        .min(BACKOFF_CAP);
    step.mul_f64(0.5 + 0.5 * random.clamp(0.0, 1.0))
}

fn current_time() -> Timestamp {
    Timestamp::from_unix_seconds((js_sys::Date::now() / 1000.0) as i64).unwrap_or_default()
}

/// The candidate shown, for components that tell the host about it.
#[derive(Clone, Copy)]
pub struct CandidateContext(pub Signal<String>);

/// Loads pages into the timeline state. Every request carries the generation it was
/// started in: another candidate or unmounting moves `generation` on and aborts every
/// request in flight; a new first-page load (Retry, a poll, a refresh) moves
/// `first_generation` on and aborts only the first-page request, so an older page the
/// recruiter asked for still arrives. A late answer of a past generation is never shown.
#[derive(Clone, Copy)]
struct Loader {
    config: StoredValue<ApiConfig>,
    live: LiveOptions,
    candidate: Signal<String>,
    state: RwSignal<TimelineState>,
    /// What the polite live region says.
    announcement: RwSignal<String>,
    generation: StoredValue<u64>,
    first_generation: StoredValue<u64>,
    /// Requests in flight, each marked whether it is for the first page.
    in_flight: StoredValue<Vec<(AbortController, bool)>, LocalStorage>,
    /// The next scheduled reload (poll or retry).
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Failed loads in a row, for the backoff.
    failures: StoredValue<u32>,
    /// A scheduled reload came due while the page was hidden.
    due_while_hidden: StoredValue<bool>,
    /// The widget's root element, from which events to the host are sent.
    root: NodeRef<leptos::html::Section>,
    /// The widget's language.
    text: &'static Catalog,
}

/// Runs a state change that may reorder the list, then puts keyboard focus back where
/// it was: the keyed list moves existing entries with `insertBefore` when new ones
/// arrive above them, and moving the focused element blurs it.
fn keeping_focus(update: impl FnOnce()) {
    use wasm_bindgen::JsCast;
    let document = web_sys::window().and_then(|w| w.document());
    let focused = document
        .as_ref()
        .and_then(|d| d.active_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|e| e.closest(".ch-root").ok().flatten().is_some());
    update();
    if let (Some(element), Some(document)) = (focused, document) {
        spawn_local(async move {
            leptos::task::tick().await;
            let still_there = element.is_connected();
            let lost = document.active_element().as_deref() != Some(element.as_ref());
            if still_there && lost {
                let _ = element.focus();
            }
        });
    }
}

fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

fn browser_offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

impl Loader {
    fn is_current(self, generation: u64) -> bool {
        self.generation.try_get_value() == Some(generation)
    }

    fn clear_timer(self) {
        if let Some(Some(timer)) = self.timer.try_update_value(Option::take) {
            timer.clear();
        }
    }

    /// Aborts the requests in flight (only first-page ones when `first_only`).
    fn abort(self, first_only: bool) {
        self.in_flight.try_update_value(|list| {
            list.retain(|(controller, first)| {
                let cancel = *first || !first_only;
                if cancel {
                    controller.abort();
                }
                !cancel
            })
        });
    }

    /// Stops everything: timers, requests in flight, and any answer still to come.
    fn cancel_all(self) {
        self.clear_timer();
        self.generation.try_update_value(|g| *g += 1);
        self.first_generation.try_update_value(|g| *g += 1);
        self.abort(false);
    }

    /// Stops the first-page load in flight and the next scheduled one.
    fn cancel_first(self) {
        self.clear_timer();
        self.first_generation.try_update_value(|g| *g += 1);
        self.abort(true);
    }

    /// Reloads the first page after `delay`, unless something else reloads it first.
    fn schedule(self, delay: Duration) {
        self.clear_timer();
        let timer = set_timeout_with_handle(move || self.due(), delay).ok();
        self.timer.try_set_value(timer);
    }

    fn schedule_poll(self) {
        if !self.live.poll_interval.is_zero() {
            self.schedule(self.live.poll_interval);
        }
    }

    /// A scheduled reload came due: do it now, or when the page is shown again.
    fn due(self) {
        self.timer.try_set_value(None);
        if page_hidden() {
            self.due_while_hidden.try_set_value(true);
        } else {
            self.reload();
        }
    }

    fn reload(self) {
        if let Some(candidate) = self.candidate.try_get_untracked() {
            self.load_first(candidate, false);
        }
    }

    fn on_visibility_change(self) {
        if page_hidden() {
            return;
        }
        let was_due = self.due_while_hidden.try_update_value(std::mem::take) == Some(true);
        let polling = !self.live.poll_interval.is_zero();
        let blocked = self.state.with_untracked(|s| {
            matches!(
                s.first,
                Load::Failed(ApiError::Unauthorized | ApiError::NotFound)
            )
        });
        if was_due || (polling && !blocked) {
            self.reload();
        }
    }

    fn on_online(self, online: bool) {
        self.state.update(|s| s.offline = !online);
        if online {
            self.reload();
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

    /// Loads the first page. `reset` forgets what was shown (another candidate);
    /// otherwise what is shown stays until the new page arrives, and stays if it fails.
    fn load_first(self, candidate: String, reset: bool) {
        if reset {
            self.cancel_all();
            self.failures.set_value(0);
            self.announcement.set(String::new());
        } else {
            self.cancel_first();
        }
        self.due_while_hidden.set_value(false);
        let generation = self.generation.get_value();
        let first_generation = self.first_generation.get_value();
        self.state.update(|s| {
            if reset {
                *s = TimelineState::default();
            }
            s.first = Load::Loading;
            s.retrying = false;
        });
        spawn_local(async move {
            let result = self.fetch(&candidate, None).await;
            if !self.is_current(generation)
                || self.first_generation.try_get_value() != Some(first_generation)
            {
                return;
            }
            match result {
                Ok(page) => self.first_page_arrived(&candidate, page),
                Err(error) => self.first_page_failed(error),
            }
        });
    }

    fn first_page_arrived(self, candidate: &str, page: Page) {
        self.failures.set_value(0);
        let mut changes = Vec::new();
        keeping_focus(|| {
            self.state.update(|s| {
                match &mut s.history {
                    Some(history) => changes = history.merge_first_page(page),
                    None => s.history = Some(History::from_first_page(page)),
                }
                s.first = Load::Idle;
                s.offline = false;
            })
        });
        if !changes.is_empty() {
            let said: Vec<String> = changes
                .iter()
                .map(|c| {
                    let t = self.text;
                    (t.badge_change)(t.kind_label(&c.kind), &c.recipient, t.badge_label(c.badge))
                })
                .collect();
            // Clear first and speak once that is on screen, so the same words said twice
            // (two changes that read alike) are still announced twice.
            self.announcement.set(String::new());
            let announcement = self.announcement;
            let text = said.join(". ");
            spawn_local(async move {
                leptos::task::tick().await;
                announcement.set(text);
            });
        }
        self.announce_loaded(candidate);
        self.schedule_poll();
    }

    fn first_page_failed(self, error: ApiError) {
        let failures = self.failures.get_value() + 1;
        self.failures.set_value(failures);
        let offline = browser_offline() && matches!(error, ApiError::Network | ApiError::Timeout);
        let retry_in = match &error {
            // Signed out, not allowed, or no such candidate: asking again will not help.
            ApiError::Unauthorized | ApiError::NotFound => None,
            // Coming back online reloads at once.
            _ if offline => None,
            ApiError::RateLimited {
                retry_after: Some(seconds),
            } => Some(Duration::from_secs(*seconds)),
            error if error.is_transient() => Some(backoff_delay(failures, js_sys::Math::random())),
            // The server answered, but not usably: try again at the normal pace.
            _ => (!self.live.poll_interval.is_zero()).then_some(self.live.poll_interval),
        };
        self.state.update(|s| {
            s.first = Load::Failed(error);
            s.retrying = retry_in.is_some();
            s.offline = offline;
        });
        if let Some(delay) = retry_in {
            self.schedule(delay);
        }
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
            keeping_focus(|| {
                self.state.update(|s| match (result, &mut s.history) {
                    (Ok(page), Some(history)) => {
                        history.add_older_page(page);
                        s.older = Load::Idle;
                    }
                    (Ok(_), None) => s.older = Load::Idle,
                    (Err(error), _) => s.older = Load::Failed(error),
                })
            });
            if loaded {
                self.announce_loaded(&candidate);
            }
        });
    }

    async fn fetch(self, candidate: &str, cursor: Option<String>) -> Result<Page, ApiError> {
        let controller = AbortController::new().map_err(|_| ApiError::Network)?;
        let first = cursor.is_none();
        self.in_flight
            .update_value(|list| list.push((controller.clone(), first)));
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
            self.live.request_timeout,
        )
        .ok();
        let config = self.config.get_value();
        let signal = controller.signal();
        let result = api::fetch_page(&config, candidate, cursor.as_deref(), Some(&signal)).await;
        if let Some(timer) = timer {
            timer.clear();
        }
        self.in_flight
            .try_update_value(|list| list.retain(|(c, _)| c != &controller));
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
    /// Polling and timeouts.
    #[prop(optional)]
    live: LiveOptions,
) -> impl IntoView {
    // The language follows the configured locale, else the browser's.
    let lang = dates
        .locale
        .clone()
        .or_else(|| web_sys::window().and_then(|w| w.navigator().language()))
        .map(|locale| Lang::from_locale(&locale))
        .unwrap_or_default();
    provide_context(lang);
    let t = lang.catalog();
    let state = RwSignal::new(TimelineState::loading());
    let announcement = RwSignal::new(String::new());
    let root = NodeRef::new();
    let loader = Loader {
        config: StoredValue::new(config),
        live,
        candidate: candidate_id,
        state,
        announcement,
        generation: StoredValue::new(0),
        first_generation: StoredValue::new(0),
        in_flight: StoredValue::new_local(Vec::new()),
        timer: StoredValue::new(None),
        failures: StoredValue::new(0),
        due_while_hidden: StoredValue::new(false),
        root,
        text: t,
    };
    provide_context(CandidateContext(candidate_id));
    spawn_local(crate::ui::format::prepare(dates.clone()));
    provide_context(dates);
    // "3 hours ago" and "Today" stay true while the tab stays open.
    let now = RwSignal::new(current_time());
    let clock =
        set_interval_with_handle(move || now.set(current_time()), Duration::from_secs(60)).ok();
    provide_context(NowContext(now.into()));
    let filter = RwSignal::new(Filter::default());
    let entries = Memo::new(move |_| state.with(TimelineState::entries));
    let has_entries = Memo::new(move |_| !entries.with(Vec::is_empty));
    // What the filter lets through, computed once for the list and the match count.
    let matching = Memo::new(move |_| filter.with(|f| entries.with(|e| f.apply(e))));
    let shown = Signal::derive(move || matching.with(Vec::len));
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

    // Page visibility and connectivity; every listener goes when the widget does.
    let listeners = StoredValue::new_local(vec![
        window_event_listener(ev::visibilitychange, move |_| loader.on_visibility_change()),
        window_event_listener(ev::online, move |_| loader.on_online(true)),
        window_event_listener(ev::offline, move |_| loader.on_online(false)),
    ]);
    on_cleanup(move || {
        if let Some(clock) = clock {
            clock.clear();
        }
        loader.cancel_all();
        listeners.try_update_value(|list| list.drain(..).for_each(WindowListenerHandle::remove));
    });

    let on_retry = Callback::new(move |_| loader.load_first(candidate_id.get_untracked(), false));
    let on_load_older = Callback::new(move |_| loader.load_older(candidate_id.get_untracked()));
    let count = move || state.with(|s| s.history.as_ref().map(|h| (t.showing_count)(h.len())));
    let title_id = unique_id("ch-title");
    let labelled_by = title_id.clone();

    view! {
        <section class="ch-root" lang=lang.code() aria-labelledby=labelled_by node_ref=root tabindex="-1">
            <header class="ch-header">
                <h2 class="ch-title" id=title_id>{t.widget_title}</h2>
                <span class="ch-count">{count}</span>
            </header>
            <div class="ch-visually-hidden ch-announcer" role="status">{move || announcement.get()}</div>
            <DeliveryAlertBanner entries=entries/>
            {move || has_entries.get().then(|| view! { <FilterBar entries=entries filter=filter shown=shown/> })}
            <TimelineView state=state on_retry=on_retry on_load_older=on_load_older matching=matching entries=entries/>
            <HelpPanel/>
        </section>
    }
}
