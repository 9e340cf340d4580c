//! The request the contract describes, and the classification of its errors.
#![cfg(not(target_arch = "wasm32"))]

use contact_history::api::{body_text, emails_url, percent_encode, ApiConfig, ApiError};
use contact_history::text::english;

fn config(base: &str) -> ApiConfig {
    ApiConfig::new(base)
}

#[test]
fn url_joins_base_with_or_without_trailing_slash() {
    for base in ["/api/v1", "/api/v1/", "/api/v1//"] {
        assert_eq!(
            emails_url(&config(base), "cand_7Hq2", None),
            "/api/v1/candidates/cand_7Hq2/emails?limit=50"
        );
    }
    assert_eq!(
        emails_url(&config("https://host.example/api/"), "c", None),
        "https://host.example/api/candidates/c/emails?limit=50"
    );
}

#[test]
fn candidate_id_is_percent_encoded_in_the_path() {
    assert_eq!(
        emails_url(&config("/api"), "cand 7/Ä?#&", None),
        "/api/candidates/cand%207%2F%C3%84%3F%23%26/emails?limit=50"
    );
}

#[test]
fn cursor_is_passed_back_percent_encoded() {
    assert_eq!(
        emails_url(&config("/api"), "c", Some("eyJ0Ijo+MX0=&x")),
        "/api/candidates/c/emails?limit=50&cursor=eyJ0Ijo%2BMX0%3D%26x"
    );
    let mut no_limit = config("/api");
    no_limit.page_size = None;
    assert_eq!(
        emails_url(&no_limit, "c", Some("p2")),
        "/api/candidates/c/emails?cursor=p2"
    );
    assert_eq!(emails_url(&no_limit, "c", None), "/api/candidates/c/emails");
}

#[test]
fn fixture_mode_maps_pages_to_static_files() {
    let mut fixtures = config("demo/api/");
    fixtures.fixtures = true;
    assert_eq!(
        emails_url(&fixtures, "cand_paged", None),
        "demo/api/candidates/cand_paged/emails"
    );
    assert_eq!(
        emails_url(&fixtures, "cand_paged", Some("page-2")),
        "demo/api/candidates/cand_paged/emails.page-2.json"
    );
}

#[test]
fn percent_encoding_keeps_only_unreserved_characters() {
    assert_eq!(percent_encode("AZaz09-._~"), "AZaz09-._~");
    assert_eq!(
        percent_encode(" !\"'()*+,/:;=?@[]"),
        "%20%21%22%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D"
    );
    assert_eq!(percent_encode("é"), "%C3%A9");
}

#[test]
fn errors_are_classified_by_the_contract_table() {
    assert_eq!(ApiError::from_status(401, None), ApiError::Unauthorized);
    assert_eq!(ApiError::from_status(403, None), ApiError::Unauthorized);
    assert_eq!(ApiError::from_status(404, None), ApiError::NotFound);
    assert_eq!(
        ApiError::from_status(429, Some("30")),
        ApiError::RateLimited {
            retry_after: Some(30)
        }
    );
    assert_eq!(
        ApiError::from_status(429, Some("Wed, 21 Oct 2026 07:28:00 GMT")),
        ApiError::RateLimited { retry_after: None }
    );
    assert_eq!(
        ApiError::from_status(429, None),
        ApiError::RateLimited { retry_after: None }
    );
    for status in [500, 502, 503, 504, 599] {
        assert_eq!(
            ApiError::from_status(status, None),
            ApiError::Server { status }
        );
    }
    assert_eq!(
        ApiError::from_status(400, None),
        ApiError::Refused { status: 400 }
    );
}

#[test]
fn only_transient_errors_are_retried_automatically() {
    assert!(!ApiError::Unauthorized.is_transient());
    assert!(!ApiError::NotFound.is_transient());
    assert!(!ApiError::Unreadable.is_transient());
    assert!(ApiError::Server { status: 503 }.is_transient());
    assert!(ApiError::Network.is_transient());
    assert!(ApiError::Timeout.is_transient());
    assert!(ApiError::RateLimited { retry_after: None }.is_transient());
}

#[test]
fn every_error_tells_the_recruiter_what_to_do() {
    assert!(ApiError::Unauthorized
        .message(english())
        .contains("Sign in again"));
    assert!(ApiError::NotFound
        .message(english())
        .starts_with("Candidate not found"));
    assert!(ApiError::RateLimited {
        retry_after: Some(30)
    }
    .message(english())
    .contains("30 seconds"));
    assert!(ApiError::Unreadable
        .message(english())
        .contains("could not read"));
    for error in [
        ApiError::Server { status: 500 },
        ApiError::Network,
        ApiError::Timeout,
        ApiError::Refused { status: 400 },
    ] {
        assert!(
            error.message(english()).contains("Try again")
                || error.message(english()).contains("try again"),
            "{error:?}"
        );
    }
}

#[test]
fn body_is_read_as_response_text_reads_it() {
    assert_eq!(body_text(br#"{"emails":[]}"#), r#"{"emails":[]}"#);
    // A byte-order mark is dropped, as `Response.text()` drops it.
    assert_eq!(body_text(b"\xEF\xBB\xBF{}"), "{}");
    // An invalid sequence becomes U+FFFD instead of failing the page.
    assert_eq!(body_text(b"\"Bj\xF6rn\""), "\"Bj\u{FFFD}rn\"");
    assert_eq!(body_text("\"Zoë ✓\"".as_bytes()), "\"Zoë ✓\"");
}
