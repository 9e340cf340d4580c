//! Every word a recruiter reads, in one catalog per language, keyed by message id (a
//! field of [`Catalog`]). The compiler checks that each language is complete; views and
//! the model take their text from here and nowhere else.
//!
//! Dates, times and numbers are not here: they go through the browser's `Intl` in the
//! configured locale (see `ui::format`).

mod de;
mod en;

use crate::model::{Badge, EmailKind, Failure};

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    De,
}

impl Lang {
    /// The language for a BCP 47 locale (`de-AT` -> German); English otherwise.
    pub fn from_locale(locale: &str) -> Lang {
        let primary = locale.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("de") {
            Lang::De
        } else {
            Lang::En
        }
    }

    pub fn catalog(self) -> &'static Catalog {
        match self {
            Lang::En => &en::CATALOG,
            Lang::De => &de::CATALOG,
        }
    }

    /// The `lang` attribute for the widget's root.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }
}

/// A help topic: a question and its answer paragraphs.
pub struct HelpTopic {
    pub question: &'static str,
    pub answer: &'static [&'static str],
}

/// One language's text.
pub struct Catalog {
    // The widget and its list.
    pub widget_title: &'static str,
    pub list_label: &'static str,
    pub loading: &'static str,
    pub loading_older: &'static str,
    pub empty: &'static str,
    pub retry: &'static str,
    pub load_older: &'static str,
    /// The button under a long list that shows the next entries already loaded.
    pub show_more: fn(usize) -> String,
    pub retry_older: &'static str,
    pub older_failed: &'static str,
    pub no_candidate: &'static str,
    pub showing_count: fn(usize) -> String,
    pub skipped_notice: fn(usize) -> String,

    // One entry.
    pub no_subject: &'static str,
    pub to: &'static str,
    pub sent: &'static str,
    pub reason: &'static str,
    pub what_to_do: &'static str,
    pub status_prefix: &'static str,
    pub machine_open_note: &'static str,
    pub action_update_email: &'static str,
    pub action_resend: &'static str,
    /// The accessible name of an action button: its visible words first, then which email.
    pub action_label: fn(action: &str, kind: &str, recipient: &str) -> String,

    // Badges, by `Badge` rank (Unknown first).
    pub badge_labels: [&'static str; 7],
    /// The badge as a word in a count ("9 delivered").
    pub badge_count_words: [&'static str; 7],
    pub badge_descriptions: [&'static str; 7],
    pub bounce_permanent: &'static str,
    pub bounce_temporary: &'static str,
    pub guidance_permanent: &'static str,
    pub guidance_temporary: &'static str,
    pub guidance_dropped: &'static str,

    // Kinds, in `EmailKind::KNOWN` order, then the generic one.
    pub kind_labels: [&'static str; 6],

    // Live updates and faults.
    pub refresh_failed: &'static str,
    pub retrying: &'static str,
    pub offline: &'static str,
    /// Read out once when a live update changes a badge.
    pub badge_change: fn(kind: &str, recipient: &str, badge: &str) -> String,
    pub error_unauthorized: &'static str,
    pub error_not_found: &'static str,
    pub error_server: &'static str,
    pub error_network: &'static str,
    pub error_timeout: &'static str,
    pub error_unreadable: &'static str,
    pub error_refused: &'static str,
    pub error_rate_limited: fn(Option<u64>) -> String,

    // The event trail.
    pub trail_show: fn(usize) -> String,
    pub trail_hide: &'static str,
    pub trail_label: &'static str,
    pub event_processed: &'static str,
    pub event_deferred: &'static str,
    pub event_delivered: &'static str,
    pub event_open: &'static str,
    pub event_machine_open: &'static str,
    pub event_click: &'static str,
    pub event_bounce_permanent: &'static str,
    pub event_bounce_temporary: &'static str,
    pub event_dropped: &'static str,
    pub event_spamreport: &'static str,
    pub event_unsubscribe: &'static str,
    pub event_group_unsubscribe: &'static str,
    pub event_group_resubscribe: &'static str,
    pub event_other: fn(&str) -> String,
    pub event_link: &'static str,
    pub event_no_time: &'static str,
    pub classification: &'static str,

    // Summary and filters.
    pub filters_label: &'static str,
    pub summary_total: fn(usize) -> String,
    pub filter_kind: &'static str,
    pub filter_kind_all: &'static str,
    pub search_label: &'static str,
    pub reset_filters: &'static str,
    pub match_count: fn(shown: usize, total: usize) -> String,
    pub no_match: &'static str,

    // The deliverability alert.
    pub alert_label: &'static str,
    pub alert_bounced: fn(recipient: &str) -> String,
    pub alert_dropped: fn(recipient: &str) -> String,

    // Help.
    pub help_title: &'static str,
    pub help_faq: &'static str,
    pub help_statuses: &'static str,
    pub help_bounces: &'static str,
    pub help_tips: &'static str,
    pub faq: &'static [HelpTopic],
    pub bounce_advice: &'static [&'static str],
    pub tips_reduce_bounces: &'static str,
    pub tips_reduce_bounces_list: &'static [&'static str],
    pub tips_open_rates: &'static str,
    pub tips_open_rates_list: &'static [&'static str],

    // The designer gallery.
    pub gallery_badges: &'static str,
    pub gallery_states: &'static str,
    pub gallery_loading: &'static str,
    pub gallery_empty: &'static str,
    pub gallery_error: &'static str,
    pub gallery_entries: &'static str,
}

impl Catalog {
    pub fn badge_label(&self, badge: Badge) -> &'static str {
        self.badge_labels[badge.rank() as usize]
    }

    pub fn badge_description(&self, badge: Badge) -> &'static str {
        self.badge_descriptions[badge.rank() as usize]
    }

    /// "9 delivered".
    pub fn badge_count(&self, badge: Badge, count: usize) -> String {
        format!("{count} {}", self.badge_count_words[badge.rank() as usize])
    }

    pub fn kind_label(&self, kind: &EmailKind) -> &'static str {
        let i = EmailKind::KNOWN
            .iter()
            .position(|known| known == kind)
            .unwrap_or(EmailKind::KNOWN.len());
        self.kind_labels[i]
    }

    /// What the recruiter should do about a failed email.
    pub fn guidance(&self, badge: Badge, failure: &Failure) -> &'static str {
        match badge {
            Badge::Bounced if failure.temporary => self.guidance_temporary,
            Badge::Bounced => self.guidance_permanent,
            Badge::Dropped => self.guidance_dropped,
            _ => "",
        }
    }

    /// The word for how lasting a bounce was.
    pub fn bounce_kind(&self, failure: &Failure) -> &'static str {
        if failure.temporary {
            self.bounce_temporary
        } else {
            self.bounce_permanent
        }
    }
}

/// English: the default everywhere no catalog is chosen.
pub fn english() -> &'static Catalog {
    Lang::En.catalog()
}
