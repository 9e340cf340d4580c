//! The delivery badge: the one word a recruiter reads to know whether a message landed.

/// The badge of one email, ordered by rank (the contract's table): a higher variant
/// wins over a lower one when the evidence supports both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Badge {
    /// Only an unrecognised server status and no recognised event.
    Unknown,
    Sending,
    Delayed,
    Delivered,
    Opened,
    Bounced,
    Dropped,
}

impl Badge {
    /// Every badge, lowest rank first.
    pub const ALL: [Badge; 7] = [
        Badge::Unknown,
        Badge::Sending,
        Badge::Delayed,
        Badge::Delivered,
        Badge::Opened,
        Badge::Bounced,
        Badge::Dropped,
    ];

    /// The rank from the contract's table (0 = Unknown ... 6 = Dropped).
    pub fn rank(self) -> u8 {
        self as u8
    }

    /// Stable machine name: the `data-status` value and the `ch-badge--{name}` class.
    pub fn as_str(self) -> &'static str {
        match self {
            Badge::Unknown => "unknown",
            Badge::Sending => "sending",
            Badge::Delayed => "delayed",
            Badge::Delivered => "delivered",
            Badge::Opened => "opened",
            Badge::Bounced => "bounced",
            Badge::Dropped => "dropped",
        }
    }

    /// The icon shown before the word. Decorative: the word is always shown too.
    pub fn icon(self) -> &'static str {
        match self {
            Badge::Unknown => "?",
            Badge::Sending => "↻",
            Badge::Delayed => "⏱",
            Badge::Delivered => "✓",
            Badge::Opened => "👁",
            Badge::Bounced => "✕",
            Badge::Dropped => "⚠",
        }
    }

    /// Whether the message failed and the recruiter should act.
    pub fn is_failure(self) -> bool {
        matches!(self, Badge::Bounced | Badge::Dropped)
    }

    /// The badge a server `status` summary stands for. `None` for an unrecognised value.
    pub fn from_status(status: &str) -> Option<Badge> {
        Some(match status {
            "dropped" | "not_sent" | "suppressed" => Badge::Dropped,
            "bounce" | "bounced" | "blocked" => Badge::Bounced,
            "open" | "opened" | "click" | "clicked" => Badge::Opened,
            "delivered" => Badge::Delivered,
            "deferred" | "delayed" => Badge::Delayed,
            "queued" | "processed" | "sent" => Badge::Sending,
            _ => return None,
        })
    }
}
