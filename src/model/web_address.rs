//! Checking the web addresses a fact check publishes (source URLs, the publisher's
//! home page): a ClaimReview or report with `deskcheck.example.org` or
//! `htp:/not a url` in it links nowhere. Parsing is the `url` crate's (the WHATWG
//! URL standard browsers follow); on top of it, an address must be http or https,
//! have a host, and contain no spaces.

use url::Url;

/// Why a web address is not usable, in words for a fact-checker.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AddressProblem {
    /// Nothing was given.
    #[error("the address is empty")]
    Empty,
    /// The `https://` is plainly missing: `fixed` is the address with it.
    #[error("the address has no https:// in front; did you mean {fixed}?")]
    NoScheme {
        /// The address with `https://` added.
        fixed: String,
    },
    /// The address has spaces in it.
    #[error("a web address has no spaces in it")]
    Spaces,
    /// It starts with something other than http:// or https://.
    #[error("“{scheme}:” is not a web address; it should start with https:// (or http://)")]
    NotWeb {
        /// What it starts with instead.
        scheme: String,
    },
    /// The `url` crate could not read it.
    #[error("this is not a web address ({reason})")]
    Invalid {
        /// The parser's reason.
        reason: String,
    },
}

impl AddressProblem {
    /// The address with `https://` added, when that is plainly what is missing.
    pub fn fixed(&self) -> Option<&str> {
        match self {
            AddressProblem::NoScheme { fixed } => Some(fixed),
            _ => None,
        }
    }
}

/// Checks that `address` is a usable http(s) address; returns it parsed.
pub fn check_web_address(address: &str) -> Result<Url, AddressProblem> {
    let address = address.trim();
    if address.is_empty() {
        return Err(AddressProblem::Empty);
    }
    if address.chars().any(char::is_whitespace) {
        return Err(AddressProblem::Spaces);
    }
    let missing_scheme = || {
        let fixed = format!("https://{address}");
        let host_has_dot = Url::parse(&fixed)
            .ok()
            .and_then(|u| u.host_str().map(|h| h.contains('.') || h == "localhost"))
            .unwrap_or(false);
        host_has_dot.then_some(AddressProblem::NoScheme { fixed })
    };
    match Url::parse(address) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => {
            if url.host_str().is_none_or(str::is_empty) {
                Err(AddressProblem::Invalid {
                    reason: "it names no site".into(),
                })
            } else {
                Ok(url)
            }
        }
        // "example.org:8080/page" reads as the scheme "example.org"; a scheme has no dot.
        Ok(url) => Err(
            if url.scheme().contains('.') || url.scheme() == "localhost" {
                missing_scheme().unwrap_or(AddressProblem::NotWeb {
                    scheme: url.scheme().to_owned(),
                })
            } else {
                AddressProblem::NotWeb {
                    scheme: url.scheme().to_owned(),
                }
            },
        ),
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            Err(missing_scheme().unwrap_or_else(|| AddressProblem::Invalid {
                reason: "it does not start with https://".into(),
            }))
        }
        Err(e) => Err(AddressProblem::Invalid {
            reason: e.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_pass() {
        for ok in [
            "https://factcheck.example.org",
            "http://example.org/a/b?c=d#e",
            "  https://www.nytimes.com/2021/07/17/us/politics/russia.html  ",
            "https://localhost:8080/x",
        ] {
            assert!(check_web_address(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn the_issues_examples_are_refused() {
        assert_eq!(check_web_address(""), Err(AddressProblem::Empty));
        assert_eq!(check_web_address("   "), Err(AddressProblem::Empty));
        assert_eq!(
            check_web_address("htp:/not a url"),
            Err(AddressProblem::Spaces)
        );
        assert_eq!(
            check_web_address("htp:/not-a-url"),
            Err(AddressProblem::NotWeb {
                scheme: "htp".into()
            })
        );
        assert_eq!(
            check_web_address("deskcheck.example.org")
                .unwrap_err()
                .fixed(),
            Some("https://deskcheck.example.org")
        );
        assert_eq!(
            check_web_address("www.example.org/page?a=1")
                .unwrap_err()
                .fixed(),
            Some("https://www.example.org/page?a=1")
        );
        assert_eq!(
            check_web_address("example.org:8080/x").unwrap_err().fixed(),
            Some("https://example.org:8080/x")
        );
        assert!(matches!(
            check_web_address("mailto:desk@example.org"),
            Err(AddressProblem::NotWeb { .. })
        ));
        // No dot, no guess: "notes" is not plainly a site.
        assert!(matches!(
            check_web_address("notes"),
            Err(AddressProblem::Invalid { .. })
        ));
        assert!(matches!(
            check_web_address("https://"),
            Err(AddressProblem::Invalid { .. })
        ));
    }

    #[test]
    fn messages_say_what_to_do() {
        let m = check_web_address("deskcheck.example.org")
            .unwrap_err()
            .to_string();
        assert!(m.contains("https://deskcheck.example.org"), "{m}");
        let m = check_web_address("ftp://x.org").unwrap_err().to_string();
        assert!(m.contains("https://"), "{m}");
    }
}
