//! The embedding surface: the JavaScript API (`mount`) and auto-mounting.
//!
//! ```js
//! import init, { mount } from "./contact-history.js";
//! await init();                       // also auto-mounts [data-contact-history] elements
//! const widget = mount(element, { candidateId: "cand_123", apiBase: "/api/v1" });
//! widget.setCandidate("cand_456");
//! widget.refresh();
//! widget.unmount();
//! ```
//!
//! Auto-mount reads `<div data-contact-history data-candidate-id="…" data-api-base="…">`
//! with optional `data-auth-token`, `data-page-size`, `data-locale`, `data-time-zone`,
//! `data-poll-interval-ms` (0 turns polling off), `data-request-timeout-ms` and
//! `data-api-fixtures` (static fixture files, as the designer preview uses). The
//! page's query parameters `?candidate=<id>&api=<base>&locale=<bcp47>&tz=<iana zone>`
//! override them (`api` also turns fixtures off), and `?view=gallery` shows the designer
//! gallery instead (debug builds and the `gallery` feature only: not in the release
//! bundle hosts embed).

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use js_sys::{Object, Reflect};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, UrlSearchParams};

use crate::api::{ApiConfig, DEFAULT_PAGE_SIZE};
use crate::ui::catalog;
use crate::ui::format::{self, DateSettings};
#[cfg(any(debug_assertions, feature = "gallery"))]
use crate::ui::gallery::Gallery;
use crate::ui::widget::{ContactHistory, LiveOptions};

/// Everything one widget needs, however it was configured.
#[derive(Clone, Debug, PartialEq)]
pub struct MountOptions {
    pub candidate_id: String,
    pub api: ApiConfig,
    pub dates: DateSettings,
    pub live: LiveOptions,
}

/// The options `mount` accepts, with their JavaScript names.
const OPTION_NAMES: [&str; 8] = [
    "candidateId",
    "apiBase",
    "authToken",
    "locale",
    "timeZone",
    "pageSize",
    "pollIntervalMs",
    "requestTimeoutMs",
];

fn option_error(name: &str, problem: &str) -> JsError {
    JsError::new(&format!("Contact History: option `{name}` {problem}"))
}

/// Reads an optional text option: absent, `undefined` or `null` is `None`.
fn text_option(options: &JsValue, name: &str) -> Result<Option<String>, JsError> {
    let value = Reflect::get(options, &name.into()).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .as_string()
        .map(Some)
        .ok_or_else(|| option_error(name, "must be a string"))
}

fn required_text(options: &JsValue, name: &str) -> Result<String, JsError> {
    match text_option(options, name)? {
        Some(value) if !value.trim().is_empty() => Ok(value),
        Some(_) => Err(option_error(name, "must not be empty")),
        None => Err(option_error(name, "is required")),
    }
}

/// The longest interval or timeout accepted: a day, in milliseconds.
const MAX_MS: u64 = 86_400_000;

/// Reads an optional whole-number option within `min..=max`.
fn whole_number(options: &JsValue, name: &str, min: u64, max: u64) -> Result<Option<u64>, JsError> {
    let value = Reflect::get(options, &name.into()).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && *n >= min as f64 && *n <= max as f64)
        .map(|n| Some(n as u64))
        .ok_or_else(|| option_error(name, &format!("must be a whole number from {min} to {max}")))
}

/// Validates the options object of `mount`. Every problem names the option.
pub fn parse_options(options: &JsValue) -> Result<MountOptions, JsError> {
    if !options.is_object() {
        return Err(JsError::new(
            "Contact History: mount(element, options) needs an options object with `candidateId` and `apiBase`",
        ));
    }
    for key in Object::keys(options.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_NAMES.contains(&key.as_str()) {
            return Err(option_error(
                &key,
                &format!("is not known; the options are {}", OPTION_NAMES.join(", ")),
            ));
        }
    }
    let mut api = ApiConfig::new(required_text(options, "apiBase")?);
    api.token = text_option(options, "authToken")?.filter(|t| !t.is_empty());
    if let Some(n) = whole_number(options, "pageSize", 1, 1000)? {
        api.page_size = Some(n as u32);
    }
    let mut live = LiveOptions::default();
    if let Some(ms) = whole_number(options, "pollIntervalMs", 0, MAX_MS)? {
        live.poll_interval = Duration::from_millis(ms);
    }
    if let Some(ms) = whole_number(options, "requestTimeoutMs", 1, MAX_MS)? {
        live.request_timeout = Duration::from_millis(ms);
    }
    let dates = DateSettings {
        locale: text_option(options, "locale")?,
        time_zone: text_option(options, "timeZone")?,
    };
    if let Some(locale) = &dates.locale {
        format::validate(&DateSettings {
            locale: Some(locale.clone()),
            time_zone: None,
        })
        .map_err(|e| option_error("locale", &format!("is not a valid locale ({e})")))?;
    }
    if dates.time_zone.is_some() {
        format::validate(&dates).map_err(|e| {
            option_error("timeZone", &format!("is not a valid IANA time zone ({e})"))
        })?;
    }
    Ok(MountOptions {
        candidate_id: required_text(options, "candidateId")?,
        api,
        dates,
        live,
    })
}

/// The signals a host drives: the candidate shown and the refresh counter.
type Controls = (RwSignal<String>, RwSignal<u32>);

/// The live parts of a mounted widget.
struct Mounted {
    candidate: RwSignal<String>,
    refresh: RwSignal<u32>,
    /// Dropping it removes the widget's DOM, listeners and requests.
    handle: leptos::mount::UnmountHandle<AnyViewState>,
}

/// A mounted widget, as JavaScript holds it.
#[wasm_bindgen]
pub struct Widget {
    mounted: Rc<RefCell<Option<Mounted>>>,
}

#[wasm_bindgen]
impl Widget {
    /// Shows another candidate. A response for the previous one is never shown.
    #[wasm_bindgen(js_name = setCandidate)]
    pub fn set_candidate(&self, candidate_id: JsValue) -> Result<(), JsError> {
        let id = candidate_id
            .as_string()
            .filter(|id| !id.trim().is_empty())
            .ok_or_else(|| option_error("candidateId", "must be a non-empty string"))?;
        if let Some(mounted) = self.mounted.borrow().as_ref() {
            mounted.candidate.set(id);
        }
        Ok(())
    }

    /// Reloads now, keeping what is shown until the answer arrives.
    pub fn refresh(&self) {
        if let Some(mounted) = self.mounted.borrow().as_ref() {
            mounted.refresh.update(|n| *n = n.wrapping_add(1));
        }
    }

    /// Removes everything the widget added: DOM, listeners, timers, requests in flight.
    /// Calling it again does nothing.
    pub fn unmount(&self) {
        let mounted = self.mounted.borrow_mut().take();
        if let Some(Mounted { handle, .. }) = mounted {
            drop(handle);
        }
    }
}

/// Mounts a widget into `element`. Throws an `Error` naming the option when an option
/// is missing or wrong; nothing is mounted then.
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<Widget, JsError> {
    let element: HtmlElement = element.dyn_into().map_err(|_| {
        JsError::new("Contact History: mount(element, options) needs an HTML element to mount into")
    })?;
    let options = parse_options(&options)?;
    Ok(mount_widget(element, options))
}

/// Mounts the widget and returns its handle.
pub fn mount_widget(element: HtmlElement, options: MountOptions) -> Widget {
    let MountOptions {
        candidate_id,
        api,
        dates,
        live,
    } = options;
    // The signals are made inside the mount, so they belong to (and die with) its owner.
    let signals: Rc<RefCell<Option<Controls>>> = Rc::default();
    let handle = mount_to(element, {
        let signals = Rc::clone(&signals);
        move || {
            let candidate = RwSignal::new(candidate_id);
            let refresh = RwSignal::new(0u32);
            *signals.borrow_mut() = Some((candidate, refresh));
            view! { <ContactHistory candidate_id=candidate config=api refresh=refresh dates=dates live=live/> }
                .into_any()
        }
    });
    let mounted = signals
        .borrow_mut()
        .take()
        .map(|(candidate, refresh)| Mounted {
            candidate,
            refresh,
            handle,
        });
    Widget {
        mounted: Rc::new(RefCell::new(mounted)),
    }
}

/// Reads a mount point's attributes, then the page's query parameters over them.
fn options_for(element: &HtmlElement, query: &UrlSearchParams) -> MountOptions {
    let attr = |name: &str| element.get_attribute(name).filter(|v| !v.trim().is_empty());
    let mut api = ApiConfig::new(attr("data-api-base").unwrap_or_default());
    api.token = attr("data-auth-token");
    api.fixtures = element.has_attribute("data-api-fixtures");
    api.page_size = attr("data-page-size")
        .and_then(|v| v.trim().parse().ok())
        .filter(|n| (1..=1000).contains(n))
        .or(Some(DEFAULT_PAGE_SIZE));
    let mut candidate_id = attr("data-candidate-id").unwrap_or_default();
    if let Some(candidate) = query.get("candidate").filter(|v| !v.is_empty()) {
        candidate_id = candidate;
    }
    if let Some(base) = query.get("api").filter(|v| !v.is_empty()) {
        api.base = base;
        api.fixtures = false;
    }
    let mut live = LiveOptions::default();
    let millis = |name: &str| {
        attr(name)
            .and_then(|v| v.trim().parse::<u64>().ok())
            .filter(|ms| *ms <= MAX_MS)
    };
    if let Some(ms) = millis("data-poll-interval-ms") {
        live.poll_interval = Duration::from_millis(ms);
    }
    if let Some(ms) = millis("data-request-timeout-ms").filter(|ms| *ms > 0) {
        live.request_timeout = Duration::from_millis(ms);
    }
    let mut dates = DateSettings {
        locale: query
            .get("locale")
            .filter(|v| !v.is_empty())
            .or_else(|| attr("data-locale")),
        time_zone: query
            .get("tz")
            .filter(|v| !v.is_empty())
            .or_else(|| attr("data-time-zone")),
    };
    // An attribute the browser cannot use falls back to the browser's own setting.
    if format::validate(&dates).is_err() {
        dates = DateSettings::default();
    }
    MountOptions {
        candidate_id,
        api,
        dates,
        live,
    }
}

/// Shows what a mount point lacks instead of a widget.
fn mount_notice(element: HtmlElement) {
    mount_to(element, || {
        let t = catalog();
        view! {
            <section class="ch-root">
                <p class="ch-status ch-error" role="alert">{t.no_candidate}</p>
            </section>
        }
    })
    .forget();
}

/// Mounts a widget into every `[data-contact-history]` element on the page that has
/// none yet. Runs when the module starts.
pub fn mount_all() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let search = window.location().search().unwrap_or_default();
    let Ok(query) = UrlSearchParams::new_with_str(&search) else {
        return;
    };
    // The designer gallery exists only in debug builds and with the `gallery` feature.
    #[cfg(any(debug_assertions, feature = "gallery"))]
    let gallery = query.get("view").as_deref() == Some("gallery");
    let Ok(nodes) = document.query_selector_all("[data-contact-history]") else {
        return;
    };
    for i in 0..nodes.length() {
        let Some(element) = nodes.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
            continue;
        };
        if element.query_selector(".ch-root").ok().flatten().is_some() {
            continue; // already mounted
        }
        #[cfg(any(debug_assertions, feature = "gallery"))]
        if gallery {
            mount_to(element, || view! { <Gallery/> }).forget();
            continue;
        }
        let options = options_for(&element, &query);
        if options.candidate_id.is_empty() || options.api.base.is_empty() {
            mount_notice(element);
            continue;
        }
        // Auto-mounted widgets live as long as the page.
        std::mem::forget(mount_widget(element, options));
    }
}
