//! Native throughput of decoding and derivation: emails per second for a history of
//! 10 000 emails (Criterion). Run by `scripts/bench.sh`, or on its own:
//!
//! ```sh
//! cargo bench --bench decode                 # every benchmark
//! cargo bench --bench decode -- --quick      # a rough figure in seconds
//! ```
//!
//! The history is the one the browser benchmark serves: `bench/data/history-10000.json`
//! (`{"pages": [<API page body>, ...]}`, written by `node bench/gen.mjs`), or the file
//! named by `CH_BENCH_HISTORY`. Without either, an equivalent history is generated here
//! (same shape: several events per email, duplicates, aliases, out of order).
//!
//! Benchmarks, each with a throughput of 10 000 elements (emails):
//! - `decode`: `decode_page` on every page body (JSON text to `Email`s);
//! - `derive`: the badge of every email (`Email::delivery`) and its distinct event count
//!   (the trail's "n events");
//! - `history`: the pages merged into a `History` (derivation, de-duplication by id,
//!   newest-first order), as the widget does on each page it receives;
//! - `pipeline`: all of it from the page bodies, i.e. what the widget computes before
//!   rendering a fully loaded 10 000-email history.
//!
//! Note: `cargo bench` uses the bench profile, which inherits the release profile
//! (`opt-level = "z"`, LTO): the code is optimised as it ships.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::path::PathBuf;
    use std::time::Duration;

    use contact_history::api::decode::decode_page;
    use contact_history::model::{Email, History, Page};
    use criterion::{Criterion, SamplingMode, Throughput};
    use serde_json::{json, Value};

    const EMAILS: usize = 10_000;
    const PAGE_SIZE: usize = 1_000;

    /// The page bodies as the API would send them, and where they came from.
    pub fn page_bodies() -> (Vec<String>, String) {
        let path = std::env::var_os("CH_BENCH_HISTORY")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench/data/history-10000.json")
            });
        if let Ok(text) = std::fs::read_to_string(&path) {
            let value: Value = serde_json::from_str(&text).expect("a JSON history file");
            let pages = value["pages"].as_array().expect("{\"pages\": [...]}");
            let bodies = pages
                .iter()
                .map(|p| serde_json::to_string(p).expect("serialisable"))
                .collect();
            return (bodies, path.display().to_string());
        }
        (
            generated_pages(),
            "generated in benches/decode.rs".to_owned(),
        )
    }

    /// A small deterministic generator (xorshift), for when no history file exists.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    fn generated_pages() -> Vec<String> {
        const KINDS: [&str; 6] = [
            "interview_invitation",
            "email_blast",
            "interview_reminder",
            "resume_reminder",
            "deadline_reminder",
            "offer_letter",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut sent = 1_796_000_000i64; // late 2026, Unix seconds
        let mut emails = Vec::with_capacity(EMAILS);
        for n in 0..EMAILS {
            sent -= 60 + rng.below(4 * 3600) as i64;
            let id = format!("em_{:06}", EMAILS - n);
            let ev = |kind: &str, at: i64, k: usize| json!({"type": kind, "timestamp": at, "id": format!("{id}_{k}")});
            let mut events = vec![ev("processed", sent + 1, 0)];
            let outcome = rng.below(100);
            let status = match outcome {
                0..=54 => {
                    events.push(ev("delivered", sent + 5, 1));
                    "delivered"
                }
                55..=79 => {
                    events.push(ev("delivered", sent + 5, 1));
                    events.push(ev("open", sent + 600, 2));
                    events.push(ev("click", sent + 660, 3));
                    "opened"
                }
                80..=84 => {
                    events.push(json!({"event": "deferred", "timestamp": sent + 5,
                        "sg_event_id": format!("{id}_d"), "response": "421 4.7.0 try again later"}));
                    "deferred"
                }
                85..=89 => {
                    events.push(json!({"type": "bounce", "timestamp": sent + 8, "id": format!("{id}_b"),
                        "bounce_type": if rng.below(3) == 0 { "blocked" } else { "bounce" },
                        "reason": "550 5.1.1 The email account that you tried to reach does not exist",
                        "bounce_classification": "Invalid Address"}));
                    "bounced"
                }
                90..=92 => {
                    events.push(
                        json!({"type": "dropped", "timestamp": sent + 2, "id": format!("{id}_x"),
                        "reason": "Bounced Address"}),
                    );
                    "dropped"
                }
                93..=95 => {
                    events.push(ev("delivered", sent + 5, 1));
                    events.push(
                        json!({"type": "open", "timestamp": sent + 30, "id": format!("{id}_m"),
                        "machine_open": true}),
                    );
                    "delivered"
                }
                _ => "processed",
            };
            // Providers deliver duplicates and out of order.
            if rng.below(3) == 0 {
                let copy = events[events.len() - 1].clone();
                events.insert(0, copy);
            }
            emails.push(json!({
                "id": id,
                "kind": KINDS[rng.below(KINDS.len() as u64) as usize],
                "recipient": if rng.below(10) == 0 { "ada@work.example.org" } else { "ada.lovelace@example.com" },
                "subject": format!("Your application, step {}", rng.below(1000)),
                "sent_at": sent,
                "status": status,
                "events": events,
            }));
        }
        let pages = emails.chunks(PAGE_SIZE).count();
        emails
            .chunks(PAGE_SIZE)
            .enumerate()
            .map(|(i, chunk)| {
                let next = (i + 1 < pages).then(|| format!("page-{}", i + 1));
                json!({"candidate_id": "cand_bench", "emails": chunk, "next_cursor": next})
                    .to_string()
            })
            .collect()
    }

    fn decode_all(bodies: &[String]) -> Vec<Page> {
        bodies
            .iter()
            .map(|b| decode_page(b).expect("a readable page"))
            .collect()
    }

    fn merge(pages: Vec<Page>) -> History {
        let mut pages = pages.into_iter();
        let mut history = History::from_first_page(pages.next().unwrap_or_default());
        for page in pages {
            history.add_older_page(page);
        }
        history
    }

    pub fn benches(c: &mut Criterion) {
        let (bodies, source) = page_bodies();
        let pages = decode_all(&bodies);
        let emails: Vec<Email> = pages.iter().flat_map(|p| p.emails.clone()).collect();
        let count = emails.len();
        let bytes: usize = bodies.iter().map(String::len).sum();
        eprintln!(
            "history: {count} emails in {} pages, {bytes} bytes of JSON ({source})",
            bodies.len()
        );
        assert_eq!(merge(pages.clone()).len(), count, "every email kept");

        let mut group = c.benchmark_group(format!("emails_{count}"));
        group.throughput(Throughput::Elements(count as u64));
        // Each iteration takes milliseconds: equal-size samples, 20 of them.
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(20);
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(5));
        group.bench_function("decode", |b| b.iter(|| decode_all(black_box(&bodies))));
        group.bench_function("derive", |b| {
            b.iter(|| {
                black_box(&emails)
                    .iter()
                    .map(|e| (e.delivery(), e.distinct_events().len()))
                    .fold(0usize, |n, (d, events)| {
                        n + d.badge.rank() as usize + events
                    })
            })
        });
        group.bench_function("history", |b| {
            b.iter_batched(
                || pages.clone(),
                |pages| merge(black_box(pages)),
                criterion::BatchSize::LargeInput,
            )
        });
        group.bench_function("pipeline", |b| {
            b.iter(|| merge(decode_all(black_box(&bodies))))
        });
        group.finish();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let mut criterion = criterion::Criterion::default().configure_from_args();
    native::benches(&mut criterion);
    criterion.final_summary();
}

/// Criterion is native only; there is nothing to run on wasm32.
#[cfg(target_arch = "wasm32")]
fn main() {}
