//! Dates as the viewer reads them: the browser's `Intl`, in the viewer's time zone and
//! language, with the zone shown.

use std::cell::RefCell;

use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::model::Timestamp;

thread_local! {
    // Building an Intl formatter is costly; one serves every entry.
    static FORMATTER: RefCell<Option<Intl::DateTimeFormat>> = const { RefCell::new(None) };
}

fn formatter() -> Intl::DateTimeFormat {
    FORMATTER.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| {
                let options = Object::new();
                for (key, value) in [
                    ("year", "numeric"),
                    ("month", "short"),
                    ("day", "numeric"),
                    ("hour", "numeric"),
                    ("minute", "2-digit"),
                    ("timeZoneName", "short"),
                ] {
                    // Setting a plain property on a fresh object cannot fail.
                    let _ = Reflect::set(&options, &key.into(), &value.into());
                }
                Intl::DateTimeFormat::new(&Array::new(), &options)
            })
            .clone()
    })
}

/// "30 Nov 2026, 14:05 GMT" (the shape depends on the viewer's locale).
pub fn local_date_time(at: Timestamp) -> String {
    let date = Date::new(&JsValue::from_f64(at.unix_millis() as f64));
    formatter()
        .format()
        .call1(&JsValue::UNDEFINED, &date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| at.to_rfc3339())
}
