//! Dates as the viewer reads them: the browser's `Intl`, in the viewer's (or the
//! host's configured) time zone and language, with the zone shown.

use std::cell::RefCell;
use std::collections::HashMap;

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

fn build(settings: &DateSettings) -> Result<JsValue, JsValue> {
    let options = Object::new();
    let mut pairs = vec![
        ("year", "numeric"),
        ("month", "short"),
        ("day", "numeric"),
        ("hour", "numeric"),
        ("minute", "2-digit"),
        ("timeZoneName", "short"),
    ];
    if let Some(zone) = &settings.time_zone {
        pairs.push(("timeZone", zone));
    }
    for (key, value) in pairs {
        Reflect::set(&options, &key.into(), &value.into())?;
    }
    let locales = settings
        .locale
        .as_deref()
        .map_or(JsValue::UNDEFINED, JsValue::from_str);
    date_time_format(&locales, &options)
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

thread_local! {
    // Building an Intl formatter is costly; one per settings serves every entry.
    static FORMATTERS: RefCell<HashMap<DateSettings, Function>> = RefCell::new(HashMap::new());
}

fn formatter(settings: &DateSettings) -> Option<Function> {
    FORMATTERS.with(|cell| {
        if let Some(f) = cell.borrow().get(settings) {
            return Some(f.clone());
        }
        let format: Function = Reflect::get(&build(settings).ok()?, &"format".into())
            .ok()?
            .dyn_into()
            .ok()?;
        cell.borrow_mut().insert(settings.clone(), format.clone());
        Some(format)
    })
}

/// "30 Nov 2026, 14:05 GMT" (the shape depends on the locale).
pub fn local_date_time(at: Timestamp, settings: &DateSettings) -> String {
    let date = Date::new(&JsValue::from_f64(at.unix_millis() as f64));
    formatter(settings)
        .and_then(|format| format.call1(&JsValue::UNDEFINED, &date).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| at.to_rfc3339())
}
