//! A hand-written writer for the session layout.
//!
//! It produces exactly what ron 0.12's pretty serializer produced with the settings
//! the format was defined with (four-space indent, `\n`, no struct names), about
//! five times faster: the generic serializer goes through `fmt::Write` per
//! character and keeps state for features the session never uses. The output is
//! the format's definition, so any difference is a bug: the equivalence with
//! [`super::format::to_ron_generic`] is checked by a property test on arbitrary
//! sessions (`tests/properties.rs`) and on the sample and large sessions below.
//!
//! When a field is added to the model, add it here in declaration order (serde
//! writes fields in that order); the equivalence tests fail until it is.

use crate::model::{
    Anchor, Article, ArticleKind, ArticleMeta, Attribution, Claim, NumericRating, RatingLabel,
    RatingScheme, Session, Source, Stance,
};

/// The first line of every session file.
pub const HEADER: &str = "// Claimdesk session. Format: docs/session-format.md\n";

/// The session as RON text, header comment and final newline included.
pub fn write_session(session: &Session) -> String {
    let mut w = Writer {
        out: String::with_capacity(size_hint(session)),
        depth: 0,
    };
    w.out.push_str(HEADER);
    w.session(session);
    w.out.push('\n');
    w.out
}

/// A generous guess of the output size, so the string is allocated once instead
/// of being copied at every doubling (the output of a large session is ~10 MB).
fn size_hint(session: &Session) -> usize {
    let text = &session.article.text;
    // Each line of the article costs its indentation, quotes and comma (~16 bytes);
    // escapes are rare. Lines are about 300 bytes in real articles, so a tenth over
    // the text's size covers short lines too without counting them.
    let article = text.len() + text.len() / 10 + 1024 + session.article.origin.pages.len() * 32;
    let claims: usize = session
        .claims
        .iter()
        .map(|c| {
            let a = &c.anchor;
            let strings = a.exact.len() + a.prefix.len() + a.suffix.len() + c.text.len();
            let sources: usize = c
                .sources
                .iter()
                .map(|s| s.url.len() + s.title.len() + s.quote.len() + s.accessed.len() + 256)
                .sum();
            strings + c.claimant.len() + c.status.len() + c.note.len() + sources + 640
        })
        .sum();
    4096 + article + claims + session.dismissed_suggestions.len() * 32
}

/// Output plus the current nesting depth (one level = four spaces).
struct Writer {
    out: String,
    depth: usize,
}

impl Writer {
    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("    ");
        }
    }

    /// Opens a struct (`(`) or a non-empty list (`[`); its items go on their own lines.
    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.out.push('\n');
        self.depth += 1;
    }

    /// Closes what [`Self::open`] opened; the last item already ends with `,\n`.
    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        self.indent();
        self.out.push(bracket);
    }

    /// Starts a struct field: `name: ` on a new indented line.
    fn key(&mut self, name: &str) {
        self.indent();
        self.out.push_str(name);
        self.out.push_str(": ");
    }

    /// Ends a struct field or list item.
    fn end(&mut self) {
        self.out.push_str(",\n");
    }

    fn str_field(&mut self, name: &str, value: &str) {
        self.key(name);
        self.string(value);
        self.end();
    }

    /// A string field that serde skips when empty (`skip_serializing_if`).
    fn str_field_unless_empty(&mut self, name: &str, value: &str) {
        if !value.is_empty() {
            self.str_field(name, value);
        }
    }

    /// Any value through ron's own pretty serializer, indented to the current depth.
    /// Used for merge conflicts: rare and small, so speed does not matter, and their
    /// shape (enums holding claims, sources, articles) follows the model by itself.
    /// ron's pretty output depends on depth only through indentation, and its strings
    /// never hold a raw line break, so indenting every line after the first gives
    /// exactly what ron writes for the value in place.
    fn generic<T: serde::Serialize>(&mut self, value: &T) {
        let config = ron::ser::PrettyConfig::new()
            .indentor("    ".to_owned())
            .new_line("\n".to_owned())
            .struct_names(false);
        let text = match ron::ser::to_string_pretty(value, config) {
            Ok(text) => text,
            // Plain data cannot fail to serialise; keep a trace if it ever does.
            Err(e) => format!("() // serialisation failed: {e}"),
        };
        let mut lines = text.split('\n');
        if let Some(first) = lines.next() {
            self.out.push_str(first);
        }
        for line in lines {
            self.out.push('\n');
            self.indent();
            self.out.push_str(line);
        }
    }

    fn uint_field(&mut self, name: &str, value: u64) {
        self.key(name);
        self.uint(value);
        self.end();
    }

    /// A list: `[]` when empty (ron knows the length), else one item per line.
    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        if items.is_empty() {
            self.out.push_str("[]");
            return;
        }
        self.open('[');
        for it in items {
            self.indent();
            item(self, it);
            self.end();
        }
        self.close(']');
    }

    /// An `Option`: `None`, or `Some(` around the value with no line break.
    fn option<T>(&mut self, value: Option<&T>, some: impl FnOnce(&mut Self, &T)) {
        match value {
            None => self.out.push_str("None"),
            Some(v) => {
                self.out.push_str("Some(");
                some(self, v);
                self.out.push(')');
            }
        }
    }

    /// Decimal digits without going through `fmt` (there are ~100,000 numbers in a
    /// large session).
    fn uint(&mut self, mut n: u64) {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &b in &buf[i..] {
            self.out.push(char::from(b));
        }
    }

    /// A quoted string escaped like ron's serializer: `char::escape_debug` per
    /// character (so `'` becomes `\'`, controls and unprintables become `\u{..}`,
    /// and combining marks are escaped even mid-string, unlike `str::escape_debug`).
    /// Runs of characters that stand for themselves are copied in one go.
    fn string(&mut self, s: &str) {
        self.out.push('"');
        let bytes = s.as_bytes();
        let mut run = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if (0x20..0x7f).contains(&b) && !matches!(b, b'"' | b'\'' | b'\\') {
                    i += 1;
                    continue;
                }
                self.out.push_str(&s[run..i]);
                self.out.extend(char::from(b).escape_debug());
                i += 1;
                run = i;
                continue;
            }
            // A multi-byte character; `i` is on a character boundary.
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            let escaped = c.escape_debug();
            if escaped.len() != 1 {
                self.out.push_str(&s[run..i]);
                self.out.extend(escaped);
                run = i + c.len_utf8();
            }
            i += c.len_utf8();
        }
        self.out.push_str(&s[run..]);
        self.out.push('"');
    }

    // The model, field by field in declaration order (serde's order).

    fn session(&mut self, s: &Session) {
        self.open('(');
        self.uint_field("format_version", u64::from(s.format_version));
        self.key("scheme");
        self.scheme(&s.scheme);
        self.end();
        self.key("claims");
        self.list(&s.claims, Self::claim);
        self.end();
        self.key("dismissed_suggestions");
        // Tuples are written inline: `(start, end)`.
        self.list(&s.dismissed_suggestions, |w, &(a, b)| {
            w.out.push('(');
            w.uint(a as u64);
            w.out.push_str(", ");
            w.uint(b as u64);
            w.out.push(')');
        });
        self.end();
        self.uint_field("next_claim_number", s.next_claim_number);
        if !s.conflicts.is_empty() {
            self.key("conflicts");
            self.generic(&s.conflicts);
            self.end();
        }
        self.key("article");
        self.article(&s.article);
        self.end();
        self.close(')');
    }

    fn scheme(&mut self, s: &RatingScheme) {
        self.open('(');
        self.str_field("id", &s.id);
        self.str_field("name", &s.name);
        self.str_field("unreviewed", &s.unreviewed);
        self.key("labels");
        self.list(&s.labels, Self::label);
        self.end();
        self.close(')');
    }

    fn label(&mut self, l: &RatingLabel) {
        self.open('(');
        self.str_field("id", &l.id);
        self.str_field("name", &l.name);
        self.str_field("colour", &l.colour);
        self.str_field("description", &l.description);
        self.key("rating");
        self.option(l.rating.as_ref(), Self::rating);
        self.end();
        self.close(')');
    }

    fn rating(&mut self, r: &NumericRating) {
        use std::fmt::Write;
        self.open('(');
        for (name, value) in [("value", r.value), ("best", r.best), ("worst", r.worst)] {
            self.key(name);
            // Signed and only in the scheme: not worth a fast path.
            let _ = write!(self.out, "{value}");
            self.end();
        }
        self.close(')');
    }

    fn claim(&mut self, c: &Claim) {
        self.open('(');
        self.uint_field("id", c.id.0);
        self.uint_field("number", c.number);
        self.key("anchor");
        self.anchor(&c.anchor);
        self.end();
        self.str_field("text", &c.text);
        self.str_field("claimant", &c.claimant);
        self.key("attribution");
        self.option(c.attribution.as_ref(), Self::attribution);
        self.end();
        self.str_field("status", &c.status);
        self.str_field_unless_empty("verdict_by", &c.verdict_by);
        self.str_field_unless_empty("verdict_date", &c.verdict_date);
        self.key("sources");
        self.list(&c.sources, Self::source);
        self.end();
        self.str_field("note", &c.note);
        self.key("needs_review");
        self.out
            .push_str(if c.needs_review { "true" } else { "false" });
        self.end();
        self.str_field_unless_empty("review_url", &c.review_url);
        self.str_field_unless_empty("claim_date", &c.claim_date);
        self.close(')');
    }

    fn anchor(&mut self, a: &Anchor) {
        self.open('(');
        self.uint_field("start", a.start as u64);
        self.uint_field("end", a.end as u64);
        self.str_field("exact", &a.exact);
        self.str_field("prefix", &a.prefix);
        self.str_field("suffix", &a.suffix);
        self.close(')');
    }

    fn attribution(&mut self, a: &Attribution) {
        self.open('(');
        self.str_field("claimant", &a.claimant);
        self.str_field("cue", &a.cue);
        self.uint_field("start", a.start as u64);
        self.uint_field("end", a.end as u64);
        self.close(')');
    }

    fn source(&mut self, s: &Source) {
        self.open('(');
        self.uint_field("id", s.id.0);
        self.str_field("url", &s.url);
        self.str_field("title", &s.title);
        self.str_field("quote", &s.quote);
        self.key("stance");
        self.out.push_str(match s.stance {
            Stance::Supports => "Supports",
            Stance::Refutes => "Refutes",
            Stance::Context => "Context",
        });
        self.end();
        self.str_field("accessed", &s.accessed);
        self.close(')');
    }

    fn article(&mut self, a: &Article) {
        self.open('(');
        self.str_field("title", &a.title);
        self.key("origin");
        self.open('(');
        self.key("path");
        self.option(a.origin.path.as_ref(), |w, p| w.string(p));
        self.end();
        self.str_field("sha256", &a.origin.sha256);
        self.key("kind");
        self.out.push_str(match a.origin.kind {
            ArticleKind::Text => "Text",
            ArticleKind::Html => "Html",
            ArticleKind::Pdf => "Pdf",
        });
        self.end();
        for (name, value) in [
            ("original_sha256", &a.origin.original_sha256),
            ("fetched_url", &a.origin.fetched_url),
            ("original_copy", &a.origin.original_copy),
        ] {
            self.key(name);
            self.option(value.as_ref(), |w, v| w.string(v));
            self.end();
        }
        self.key("pages");
        self.list(&a.origin.pages, |w, &(page, start)| {
            w.out.push('(');
            w.uint(u64::from(page));
            w.out.push_str(", ");
            w.uint(start as u64);
            w.out.push(')');
        });
        self.end();
        self.close(')');
        self.end();
        self.key("meta");
        self.article_meta(&a.meta);
        self.end();
        // Stored as its lines (see `Article::text`); `split` always yields at least
        // one line, so the list is never `[]`.
        self.key("text");
        self.open('[');
        for line in a.text.split('\n') {
            self.indent();
            self.string(line);
            self.end();
        }
        self.close(']');
        self.end();
        self.close(')');
    }

    fn article_meta(&mut self, m: &ArticleMeta) {
        self.open('(');
        self.str_field("byline", &m.byline);
        self.str_field("published", &m.published);
        self.str_field("site", &m.site);
        self.str_field("url", &m.url);
        self.str_field("language", &m.language);
        self.str_field("retrieved", &m.retrieved);
        self.close(')');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::format::to_ron_generic;

    #[test]
    fn sample_session_is_written_as_ron_writes_it() {
        let s = crate::sample::sample_session();
        assert_eq!(write_session(&s), to_ron_generic(&s));
    }

    #[test]
    fn large_session_is_written_as_ron_writes_it() {
        let mut s = crate::sample::large_session(300, 500, 3);
        // Cover what the generator leaves out: attributions, review flags, dismissed
        // suggestions, no origin path, a label without a rating, signed ratings.
        s.claims[0].attribution = Some(Attribution {
            claimant: "O'Brien \"the elder\"".into(),
            cue: "said".into(),
            start: 3,
            end: 10,
        });
        s.claims[1].needs_review = true;
        s.dismissed_suggestions = vec![(0, 5), (17, 1_000_000)];
        s.article.origin.path = None;
        s.article.origin.kind = ArticleKind::Pdf;
        s.article.origin.original_sha256 = Some("ab".repeat(32));
        s.article.origin.fetched_url = Some("https://example.org/a?b=1&c='d'".into());
        s.article.origin.original_copy = Some("large.original.pdf".into());
        s.article.origin.pages = vec![(1, 0), (2, 400), (u32::MAX, usize::MAX)];
        s.article.meta = ArticleMeta {
            byline: "Jane \"JD\" Doe".into(),
            published: "2024-03-05".into(),
            site: "The Times".into(),
            url: "https://example.org/a".into(),
            language: "en-GB".into(),
            retrieved: "2026-01-02".into(),
        };
        s.scheme.labels[1].rating = Some(NumericRating {
            value: -3,
            best: i32::MAX,
            worst: i32::MIN,
        });
        let ours = write_session(&s);
        assert_eq!(ours, to_ron_generic(&s));
        assert!(ours.capacity() <= 2 * ours.len(), "size hint far too big");
    }

    #[test]
    fn strings_are_escaped_as_ron_escapes_them() {
        let mut s = crate::sample::sample_session();
        let awkward = [
            "",
            "plain",
            "\"quoted\" and 'single' \\ back\\slash",
            "tab\there\r\nnewline\0nul\u{1}\u{1f}\u{7f}",
            "e\u{301} combining mid-string, \u{301} and at start",
            "\u{301}starts with a combining mark",
            "emoji 🎉👩‍👩‍👧 ZWJ \u{200d} BOM \u{feff} RTL \u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{202e}override",
            "unassigned \u{10ffff} \u{e000} private, \u{ad} soft hyphen, \u{a0} nbsp",
            "“curly” ‘quotes’ — dashes … and ünïcödé",
        ];
        for text in awkward {
            s.claims[0].note = text.into();
            s.claims[0].anchor.prefix = text.into();
            assert_eq!(write_session(&s), to_ron_generic(&s), "{text:?}");
        }
    }
}
