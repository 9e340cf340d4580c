//! Unicode case mapping without Rust's case tables in the wasm.
//!
//! `str::to_lowercase` and `char::to_uppercase` bring about 30 KB of conversion tables
//! (about 10 KB brotli) into the bundle. In the browser the same Unicode mapping is
//! JavaScript's `toLowerCase` / `toUpperCase` (locale-independent, final sigma
//! included), so the wasm asks JavaScript for text that is not ASCII; ASCII, the common
//! case, is mapped in place. Native builds (tests, benchmarks) use the standard library.

/// `text.to_lowercase()`.
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    return js_sys::JsString::from(text).to_lower_case().into();
    #[cfg(not(target_arch = "wasm32"))]
    return text.to_lowercase();
}

/// `text.to_uppercase()`.
pub fn uppercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_uppercase();
    }
    #[cfg(target_arch = "wasm32")]
    return js_sys::JsString::from(text).to_upper_case().into();
    #[cfg(not(target_arch = "wasm32"))]
    return text.to_uppercase();
}
