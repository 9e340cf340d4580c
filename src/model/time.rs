//! Instants as the API writes them: RFC 3339 text or integer Unix seconds.
//!
//! Parsing and formatting are done here (days-from-civil arithmetic) rather than with a
//! date library, which would cost the wasm bundle far more than these few lines. What is
//! accepted is exactly what chrono 0.4's `DateTime::parse_from_rfc3339` accepts
//! (`tests/time.rs` checks this against chrono).

/// An instant in UTC, kept as Unix milliseconds so that it orders, hashes and crosses
/// into JavaScript (`Date`) without conversion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// Unix seconds outside this range are treated as malformed (JavaScript's `Date` takes
/// +-8.64e15 ms).
const MAX_ABS_SECONDS: i64 = 8_640_000_000_000;

/// The years `to_rfc3339` writes (chrono's range); outside it, the text is empty.
const YEARS: std::ops::RangeInclusive<i64> = -262_143..=262_142;

/// Days from 1970-01-01 to the given proleptic Gregorian date (month 1-12, day 1-31).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The proleptic Gregorian date (year, month 1-12, day 1-31) of days since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The number written by the ASCII digits `digits`, or `None` if one is not a digit.
fn number(digits: &[u8]) -> Option<i64> {
    digits.iter().try_fold(0, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
    })
}

/// Appends `n` (0-99) as two digits.
fn push_two(out: &mut String, n: i64) {
    out.push(char::from(b'0' + (n / 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

impl Timestamp {
    pub fn from_unix_seconds(seconds: i64) -> Option<Timestamp> {
        (seconds.abs() <= MAX_ABS_SECONDS).then(|| Timestamp(seconds * 1000))
    }

    /// Parses RFC 3339 text (`2026-11-30T14:05:00Z`, any offset, optional fraction).
    ///
    /// `YYYY-MM-DD`, `T`, `t` or a space, `hh:mm:ss` (a leap second `60` too), an
    /// optional fraction of one or more digits (whole milliseconds are kept), then `Z`,
    /// `z` or `+hh:mm` / `-hh:mm` / `−hh:mm` (U+2212) up to 23:59. The date must exist.
    pub fn parse_rfc3339(text: &str) -> Option<Timestamp> {
        let b = text.trim().as_bytes();
        if b.len() < 19
            || b[4] != b'-'
            || b[7] != b'-'
            || !matches!(b[10], b'T' | b't' | b' ')
            || b[13] != b':'
            || b[16] != b':'
        {
            return None;
        }
        let (year, month, day) = (number(&b[..4])?, number(&b[5..7])?, number(&b[8..10])?);
        let (hour, minute, second) = (
            number(&b[11..13])?,
            number(&b[14..16])?,
            number(&b[17..19])?,
        );
        if !(1..=12).contains(&month)
            || !(1..=days_in_month(year, month)).contains(&day)
            || hour > 23
            || minute > 59
            || second > 60
        {
            return None;
        }
        let mut rest = &b[19..];
        let mut fraction_ms = 0;
        if let [b'.', tail @ ..] = rest {
            let digits = tail.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                return None;
            }
            // The first three digits are the milliseconds; the rest is truncated.
            fraction_ms = tail[..digits.min(3)]
                .iter()
                .chain(b"00")
                .take(3)
                .fold(0, |n, c| n * 10 + i64::from(c - b'0'));
            rest = &tail[digits..];
        }
        let offset_minutes = match rest {
            [b'Z' | b'z'] => 0,
            [sign @ .., h1, h2, b':', m1, m2] => {
                let negative = match sign {
                    [b'+'] => false,
                    // HYPHEN-MINUS, or MINUS SIGN (U+2212) in UTF-8.
                    [b'-'] | [0xE2, 0x88, 0x92] => true,
                    _ => return None,
                };
                let (hours, minutes) = (number(&[*h1, *h2])?, number(&[*m1, *m2])?);
                if hours > 23 || minutes > 59 {
                    return None;
                }
                let offset = hours * 60 + minutes;
                if negative {
                    -offset
                } else {
                    offset
                }
            }
            _ => return None,
        };
        let seconds = days_from_civil(year, month, day) * 86_400
            + (hour * 60 + minute - offset_minutes) * 60
            + second;
        let millis = seconds * 1000 + fraction_ms;
        (millis.abs() <= MAX_ABS_SECONDS * 1000).then_some(Timestamp(millis))
    }

    /// Reads a JSON value: an RFC 3339 string, or whole Unix seconds. A number with a
    /// fraction is accepted (some providers send one) and its fraction kept.
    pub fn from_json(value: &serde_json::Value) -> Option<Timestamp> {
        match value {
            serde_json::Value::String(text) => Timestamp::parse_rfc3339(text),
            serde_json::Value::Number(number) => {
                if let Some(seconds) = number.as_i64() {
                    Timestamp::from_unix_seconds(seconds)
                } else {
                    let seconds = number.as_f64()?;
                    let in_range = seconds.is_finite() && seconds.abs() <= MAX_ABS_SECONDS as f64;
                    in_range.then(|| Timestamp((seconds * 1000.0).round() as i64))
                }
            }
            _ => None,
        }
    }

    pub fn unix_millis(self) -> i64 {
        self.0
    }

    /// RFC 3339 in UTC with whole seconds (`2026-11-30T14:05:00Z`), for `<time datetime>`.
    /// Years outside 0-9999 are signed (`+10000`, `-0001`); outside +-262,142 years the
    /// text is empty.
    pub fn to_rfc3339(self) -> String {
        let seconds = self.0.div_euclid(1000);
        let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
        if !YEARS.contains(&year) {
            return String::new();
        }
        let time = seconds.rem_euclid(86_400);
        let mut out = String::with_capacity(20);
        if !(0..=9999).contains(&year) {
            out.push(if year < 0 { '-' } else { '+' });
        }
        let digits = year.unsigned_abs().to_string();
        for _ in digits.len()..4 {
            out.push('0');
        }
        out.push_str(&digits);
        for (separator, n) in [
            ('-', month),
            ('-', day),
            ('T', time / 3600),
            (':', time / 60 % 60),
            (':', time % 60),
        ] {
            out.push(separator);
            push_two(&mut out, n);
        }
        out.push('Z');
        out
    }
}
