//! Dates as the viewer reads them: the browser's `Intl`, in the viewer's (or the
//! host's configured) time zone and language, with the zone shown.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Date, Function, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::model::Timestamp;

/// The locale and time zone dates are shown in; `None` means the browser's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct DateSettings {
    pub locale: Option<String>,
    pub time_zone: Option<String>,
}

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat(locales, options)`, with its RangeError caught.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = DateTimeFormat)]
    fn date_time_format(locales: &JsValue, options: &JsValue) -> Result<JsValue, JsValue>;
}

/// "30 Nov 2026, 14:05 GMT": the formatter of sent times.
fn build(settings: &DateSettings) -> Result<JsValue, JsValue> {
    let options = options(
        &[
            ("year", "numeric"),
            ("month", "short"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "2-digit"),
            ("timeZoneName", "short"),
        ],
        settings,
    );
    date_time_format(&locales(settings), &options)
}

/// Checks that the browser knows this locale and time zone; the error names what is
/// wrong in the browser's words.
pub fn validate(settings: &DateSettings) -> Result<(), String> {
    build(settings).map(drop).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "invalid".to_owned())
    })
}

/// Builds the formatters of `settings` ahead of the first date shown: the browser's
/// first `Intl` formatter of a page loads its locale and time-zone data, which takes
/// tens of milliseconds. Each is built in a task of its own, while the first page is
/// still on its way.
pub async fn prepare(settings: DateSettings) {
    crate::api::next_task().await;
    // The first formatter loads the data; the ones after it are quick.
    let _ = build(&settings);
    crate::api::next_task().await;
    formatters(&settings);
}

/// "30 Nov 2026, 14:05 GMT" (the shape depends on the locale).
pub fn local_date_time(at: Timestamp, settings: &DateSettings) -> String {
    call_format(&formatters(settings).date_time, &[js_date(at).into()])
        .unwrap_or_else(|| at.to_rfc3339())
}

/// `new Intl.RelativeTimeFormat(locales, options)` (it cannot be called without `new`),
/// with any error caught.
fn relative_time_format(locales: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into())?;
    let constructor: Function = Reflect::get(&intl, &"RelativeTimeFormat".into())?.dyn_into()?;
    let args = js_sys::Array::of2(locales, options);
    Reflect::construct(&constructor, &args)
}

/// The bound `format` method of a freshly made `Intl` formatter.
fn format_method(object: Result<JsValue, JsValue>) -> Option<Function> {
    let object = object.ok()?;
    let format: Function = Reflect::get(&object, &"format".into())
        .ok()?
        .dyn_into()
        .ok()?;
    Some(format.bind0(&object))
}

fn options(pairs: &[(&str, &str)], settings: &DateSettings) -> Object {
    let options = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&options, &(*key).into(), &(*value).into());
    }
    if let Some(zone) = &settings.time_zone {
        let _ = Reflect::set(&options, &"timeZone".into(), &zone.into());
    }
    options
}

fn locales(settings: &DateSettings) -> JsValue {
    settings
        .locale
        .as_deref()
        .map_or(JsValue::UNDEFINED, JsValue::from_str)
}

/// The formatters one widget's settings need, built once: building an `Intl`
/// formatter is costly, and one per settings serves every entry.
struct Formatters {
    /// Sent times, see [`local_date_time`].
    date_time: Option<Function>,
    /// `YYYY-MM-DD` of an instant in the configured time zone (en-CA writes ISO dates).
    day_key: Option<Function>,
    /// "Mon 30 Nov" in the configured locale.
    day_heading: Option<Function>,
    /// "3 hours ago", "yesterday".
    relative: Option<Function>,
    /// The day keys worked out so far, by Unix milliseconds.
    day_keys: RefCell<HashMap<i64, String>>,
}

thread_local! {
    static FORMATTERS: RefCell<HashMap<DateSettings, Rc<Formatters>>> = RefCell::new(HashMap::new());
}

fn formatters(settings: &DateSettings) -> Rc<Formatters> {
    FORMATTERS.with(|cell| {
        if let Some(f) = cell.borrow().get(settings) {
            return Rc::clone(f);
        }
        let day_key = options(
            &[
                ("year", "numeric"),
                ("month", "2-digit"),
                ("day", "2-digit"),
            ],
            settings,
        );
        let heading = options(
            &[("weekday", "short"), ("day", "numeric"), ("month", "short")],
            settings,
        );
        let relative = options(&[("numeric", "auto")], &DateSettings::default());
        let f = Rc::new(Formatters {
            date_time: format_method(build(settings)),
            day_key: format_method(date_time_format(&JsValue::from_str("en-CA"), &day_key)),
            day_heading: format_method(date_time_format(&locales(settings), &heading)),
            relative: format_method(relative_time_format(&locales(settings), &relative)),
            day_keys: RefCell::default(),
        });
        cell.borrow_mut().insert(settings.clone(), Rc::clone(&f));
        f
    })
}

fn call_format(format: &Option<Function>, args: &[JsValue]) -> Option<String> {
    let format = format.as_ref()?;
    let result = match args {
        [a] => format.call1(&JsValue::UNDEFINED, a),
        [a, b] => format.call2(&JsValue::UNDEFINED, a, b),
        _ => return None,
    };
    result.ok()?.as_string()
}

fn js_date(at: Timestamp) -> Date {
    Date::new(&JsValue::from_f64(at.unix_millis() as f64))
}

/// The calendar day of an instant in the configured time zone, as `YYYY-MM-DD`.
pub fn day_key(at: Timestamp, settings: &DateSettings) -> String {
    let f = formatters(settings);
    if let Some(key) = f.day_keys.borrow().get(&at.unix_millis()) {
        return key.clone();
    }
    let key = call_format(&f.day_key, &[js_date(at).into()])
        .unwrap_or_else(|| at.to_rfc3339().chars().take(10).collect());
    f.day_keys
        .borrow_mut()
        .insert(at.unix_millis(), key.clone());
    key
}

fn capitalise(text: String) -> String {
    match text.chars().next() {
        Some(first) => {
            crate::model::uppercase(&text[..first.len_utf8()]) + &text[first.len_utf8()..]
        }
        None => text,
    }
}

/// "Today", "Yesterday" or "Mon 30 Nov", in the configured locale and time zone.
pub fn day_heading(at: Timestamp, now: Timestamp, settings: &DateSettings) -> String {
    let day = day_key(at, settings);
    let f = formatters(settings);
    let day_ms = 86_400_000;
    for (offset, days_ago) in [(0, 0.0), (day_ms, -1.0)] {
        let reference = Timestamp::from_unix_seconds((now.unix_millis() - offset) / 1000);
        if reference.is_some_and(|r| day_key(r, settings) == day) {
            if let Some(word) = call_format(&f.relative, &[days_ago.into(), "day".into()]) {
                return capitalise(word);
            }
        }
    }
    call_format(&f.day_heading, &[js_date(at).into()]).unwrap_or(day)
}

/// "3 hours ago", "in 2 days", "now": how long ago `at` was, kept coarse.
pub fn relative_time(at: Timestamp, now: Timestamp, settings: &DateSettings) -> String {
    let seconds = (at.unix_millis() - now.unix_millis()) as f64 / 1000.0;
    let (value, unit) = relative_unit(seconds);
    call_format(&formatters(settings).relative, &[value.into(), unit.into()]).unwrap_or_default()
}

/// The largest whole unit for a span of seconds (negative: in the past).
pub fn relative_unit(seconds: f64) -> (f64, &'static str) {
    let abs = seconds.abs();
    let units = [
        (31_536_000.0, "year"),
        (2_592_000.0, "month"),
        (604_800.0, "week"),
        (86_400.0, "day"),
        (3_600.0, "hour"),
        (60.0, "minute"),
    ];
    for (size, unit) in units {
        if abs >= size {
            return ((seconds / size).trunc(), unit);
        }
    }
    (0.0, "second")
}
