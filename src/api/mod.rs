//! The thin API layer: the request the contract describes, its errors, and decoding.
//! See `../shared/api/CONTRACT.md`.

pub mod decode;

use crate::model::Page;
use crate::text::Catalog;

/// How to reach the API; set by the host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiConfig {
    /// Absolute URL or path, with or without a trailing slash.
    pub base: String,
    /// Sent as `Authorization: Bearer`, only when set; never put into the URL.
    pub token: Option<String>,
    /// The `limit` asked for each page.
    pub page_size: Option<u32>,
    /// Read static fixture files instead of a live API (the designer preview): the
    /// first page from `{base}/candidates/{id}/emails` (the API's own path), the page at
    /// cursor `c` from `{base}/candidates/{id}/emails.{c}.json`, since a static server
    /// ignores queries.
    pub fixtures: bool,
}

impl ApiConfig {
    pub fn new(base: impl Into<String>) -> ApiConfig {
        ApiConfig {
            base: base.into(),
            token: None,
            page_size: Some(DEFAULT_PAGE_SIZE),
            fixtures: false,
        }
    }
}

pub const DEFAULT_PAGE_SIZE: u32 = 50;

/// Percent-encodes everything but RFC 3986's unreserved characters, so the result is
/// safe both as one path segment and as a query value.
pub fn percent_encode(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The URL of one page of a candidate's emails.
pub fn emails_url(config: &ApiConfig, candidate_id: &str, cursor: Option<&str>) -> String {
    let base = config.base.trim_end_matches('/');
    let candidate = percent_encode(candidate_id);
    if config.fixtures {
        return match cursor {
            Some(c) => format!(
                "{base}/candidates/{candidate}/emails.{}.json",
                percent_encode(c)
            ),
            None => format!("{base}/candidates/{candidate}/emails"),
        };
    }
    let mut url = format!("{base}/candidates/{candidate}/emails");
    let mut separator = '?';
    if let Some(limit) = config.page_size {
        url.push_str(&format!("{separator}limit={limit}"));
        separator = '&';
    }
    if let Some(cursor) = cursor {
        url.push_str(&format!("{separator}cursor={}", percent_encode(cursor)));
    }
    url
}

/// Why a page could not be loaded, classified as the contract's error table says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// 401 or 403: not signed in, or not allowed. Never retried automatically.
    Unauthorized,
    /// 404: no such candidate.
    NotFound,
    /// 429, with the server's `Retry-After` in seconds when it gave one.
    RateLimited { retry_after: Option<u64> },
    /// 5xx.
    Server { status: u16 },
    /// Other non-2xx statuses.
    Refused { status: u16 },
    /// The request never got an answer.
    Network,
    /// No answer within the time allowed; the request was aborted.
    Timeout,
    /// A 2xx whose body is not JSON, or JSON of the wrong shape.
    Unreadable,
}

impl ApiError {
    /// Classifies a non-2xx answer.
    pub fn from_status(status: u16, retry_after: Option<&str>) -> ApiError {
        match status {
            401 | 403 => ApiError::Unauthorized,
            404 => ApiError::NotFound,
            429 => ApiError::RateLimited {
                retry_after: retry_after.and_then(|v| v.trim().parse().ok()),
            },
            500..=599 => ApiError::Server { status },
            _ => ApiError::Refused { status },
        }
    }

    /// Worth retrying by itself (with backoff): the fault may pass.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            ApiError::Server { .. }
                | ApiError::Network
                | ApiError::Timeout
                | ApiError::RateLimited { .. }
        )
    }

    /// What the recruiter is told.
    pub fn message(&self, t: &Catalog) -> String {
        match self {
            ApiError::Unauthorized => t.error_unauthorized.to_owned(),
            ApiError::NotFound => t.error_not_found.to_owned(),
            ApiError::RateLimited { retry_after } => (t.error_rate_limited)(*retry_after),
            ApiError::Server { .. } => t.error_server.to_owned(),
            ApiError::Refused { .. } => t.error_refused.to_owned(),
            ApiError::Network => t.error_network.to_owned(),
            ApiError::Timeout => t.error_timeout.to_owned(),
            ApiError::Unreadable => t.error_unreadable.to_owned(),
        }
    }

    /// A stable name for the `data-error` hook.
    pub fn as_str(&self) -> &'static str {
        match self {
            ApiError::Unauthorized => "unauthorized",
            ApiError::NotFound => "not-found",
            ApiError::RateLimited { .. } => "rate-limited",
            ApiError::Server { .. } => "server",
            ApiError::Refused { .. } => "refused",
            ApiError::Network => "network",
            ApiError::Timeout => "timeout",
            ApiError::Unreadable => "unreadable",
        }
    }
}

/// Fetches and decodes one page. `signal` aborts the request (timeouts, a candidate
/// switch, unmounting); an aborted request resolves to `ApiError::Network` and the
/// caller, which aborted it, knows to ignore it.
///
/// Uses the browser's `fetch` directly: the URL is sent exactly as `emails_url` builds
/// it, and no other HTTP crate ships in the wasm.
pub async fn fetch_page(
    config: &ApiConfig,
    candidate_id: &str,
    cursor: Option<&str>,
    signal: Option<&web_sys::AbortSignal>,
) -> Result<Page, ApiError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let url = emails_url(config, candidate_id, cursor);
    let headers = web_sys::Headers::new().map_err(|_| ApiError::Network)?;
    headers
        .set("Accept", "application/json")
        .map_err(|_| ApiError::Network)?;
    if let Some(token) = config.token.as_deref().filter(|t| !t.is_empty()) {
        // A token the browser refuses as a header value cannot be sent at all.
        headers
            .set("Authorization", &format!("Bearer {token}"))
            .map_err(|_| ApiError::Refused { status: 0 })?;
    }
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_headers(&headers);
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    init.set_signal(signal);
    let request =
        web_sys::Request::new_with_str_and_init(&url, &init).map_err(|_| ApiError::Network)?;
    let window = web_sys::window().ok_or(ApiError::Network)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| ApiError::Network)?
        .dyn_into()
        .map_err(|_| ApiError::Network)?;
    let status = response.status();
    if !(200..300).contains(&status) {
        let retry_after = response.headers().get("Retry-After").ok().flatten();
        return Err(ApiError::from_status(status, retry_after.as_deref()));
    }
    // The body as bytes: one copy into the wasm, no UTF-16 detour through a JS string.
    let body = JsFuture::from(response.array_buffer().map_err(|_| ApiError::Network)?)
        .await
        .map_err(|_| ApiError::Network)?;
    let bytes = js_sys::Uint8Array::new(&body).to_vec();
    let text = body_text(&bytes);
    let raw = decode::split_page(&text)?;
    // Decoding a long page takes a while: a slice per task, so the browser can paint
    // and handle input in between, and once more before the page is shown.
    let mut page = Page {
        emails: Vec::with_capacity(raw.emails.len()),
        next_cursor: raw.next_cursor,
        skipped: 0,
    };
    for slice in raw.emails.chunks(DECODE_SLICE) {
        next_task().await;
        let (emails, skipped) = decode::decode_emails(slice);
        page.emails.extend(emails);
        page.skipped += skipped;
    }
    next_task().await;
    Ok(page)
}

/// Emails decoded per task.
const DECODE_SLICE: usize = 250;

/// The body as text, the way `Response.text()` reads it: UTF-8, a byte-order mark
/// dropped, and any invalid sequence replaced by U+FFFD.
pub fn body_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8_lossy(bytes)
}

/// Resolves in a task of its own (a `MessageChannel` message: soon, before timers,
/// and not throttled in a background tab), so the browser can run other tasks first.
pub async fn next_task() {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        channel.port1().set_onmessage(Some(&resolve));
    });
    if channel
        .port2()
        .post_message(&wasm_bindgen::JsValue::NULL)
        .is_ok()
    {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    // The channel lived until its message arrived; now it can go.
    channel.port1().set_onmessage(None);
}
