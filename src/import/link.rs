//! Links: fetching a page or PDF with `ureq` (rustls with the ring provider), with
//! connect and answer timeouts, at most 10 redirects, and a size cap enforced
//! while reading, after gzip or brotli decompression (so a gzip bomb stops at the
//! cap). Every failure says in plain words what happened: offline, not found,
//! refused, too large, not a page.

use super::Progress;
use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Limits for fetching a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchLimits {
    /// How long to wait for the connection (name lookup included).
    pub connect_timeout: Duration,
    /// How long to wait for the server to start answering.
    pub answer_timeout: Duration,
    /// How long the whole fetch may take, redirects and download included.
    pub total_timeout: Duration,
    /// How many redirects are followed.
    pub max_redirects: u32,
    /// The most bytes read (after decompression).
    pub max_bytes: u64,
}

impl Default for FetchLimits {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(15),
            answer_timeout: Duration::from_secs(30),
            total_timeout: Duration::from_secs(120),
            max_redirects: 10,
            max_bytes: 20_000_000,
        }
    }
}

/// Why a link could not be fetched.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// Not a usable web address.
    #[error(
        "\"{url}\" is not a web address Claimdesk can open ({reason}); it should look like https://example.org/page"
    )]
    BadAddress {
        /// The address as given.
        url: String,
        /// What is wrong.
        reason: String,
    },
    /// The server's name could not be found.
    #[error(
        "could not find the server {host}: check the address, and whether this computer is online"
    )]
    HostNotFound {
        /// The server's name.
        host: String,
    },
    /// No connection could be made.
    #[error(
        "could not connect to {host} ({reason}): check whether this computer is online, then try again"
    )]
    NoConnection {
        /// The server's name.
        host: String,
        /// The system's reason.
        reason: String,
    },
    /// The server took too long.
    #[error(
        "{host} did not answer within {seconds} seconds; try again later, or save the page from a browser and open the file"
    )]
    TimedOut {
        /// The server's name.
        host: String,
        /// The limit that ran out.
        seconds: u64,
    },
    /// The secure connection failed (certificate or TLS problem).
    #[error(
        "the secure connection to {host} failed ({reason}); the site's certificate may be invalid"
    )]
    Tls {
        /// The server's name.
        host: String,
        /// The TLS library's words.
        reason: String,
    },
    /// An HTTP error status.
    #[error("{}", status_message(*status, url))]
    Status {
        /// The HTTP status code.
        status: u16,
        /// The address that answered with it.
        url: String,
    },
    /// Redirected more than the limit.
    #[error(
        "{url} redirects more than {limit} times (perhaps in a loop); open it in a browser to see where it leads"
    )]
    TooManyRedirects {
        /// The address as given.
        url: String,
        /// The limit.
        limit: u32,
    },
    /// Larger than the size cap.
    #[error(
        "the page at {url} is larger than {megabytes} MB, too large for an article; save the article from a browser and open the file"
    )]
    TooLarge {
        /// The address.
        url: String,
        /// The cap in MB.
        megabytes: u64,
    },
    /// Something other than a page, PDF or text.
    #[error("{url} leads to {what}, not a web page or PDF")]
    NotAPage {
        /// The address.
        url: String,
        /// What it is ("an image (image/png)").
        what: String,
    },
    /// The connection broke or the server sent something that is not HTTP.
    #[error("the download from {host} failed ({reason}); try again")]
    Broken {
        /// The server's name.
        host: String,
        /// What went wrong.
        reason: String,
    },
}

fn status_message(status: u16, url: &str) -> String {
    let what = match status {
        404 | 410 => "the page was not found: it may have been moved or deleted (check the address, or look for it in the Wayback Machine at https://web.archive.org/)".to_owned(),
        401 | 403 => "the site refused to give the page to Claimdesk (it may need a login or block programs); open it in a browser, save it (File › Save Page As) and open the saved file".to_owned(),
        429 => "the site says too many requests were made; wait a while and try again".to_owned(),
        500..=599 => "the site had a server error; try again later".to_owned(),
        _ => "the site answered with an error".to_owned(),
    };
    format!("{url} answered {status}: {what}")
}

/// What a fetch brought back.
#[derive(Clone, Debug)]
pub struct Fetched {
    /// The address after redirects.
    pub final_url: String,
    /// The server's `Content-Type`, if any.
    pub content_type: Option<String>,
    /// The body, decompressed.
    pub body: Vec<u8>,
}

/// The host part of a URL, for messages.
pub fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    host.to_owned()
}

/// Fetches `url` within `limits`. Blocks: call it on a worker. `cancel` is checked
/// while the body downloads (connecting and waiting for the answer are bounded
/// by the timeouts).
pub fn fetch(
    url: &str,
    limits: &FetchLimits,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Fetched, super::ImportError> {
    let url = url.trim();
    let host = host_of(url);
    if host.is_empty() || url.contains(char::is_whitespace) {
        return Err(FetchError::BadAddress {
            url: url.to_owned(),
            reason: if host.is_empty() {
                "no server name".into()
            } else {
                "it contains spaces".into()
            },
        }
        .into());
    }
    progress(Progress::Connecting(url.to_owned()));
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(limits.connect_timeout))
        .timeout_recv_response(Some(limits.answer_timeout))
        .timeout_global(Some(limits.total_timeout))
        .max_redirects(limits.max_redirects)
        .http_status_as_error(false)
        .user_agent(concat!(
            "Claimdesk/",
            env!("CARGO_PKG_VERSION"),
            " (fact-checking workbench)"
        ))
        .accept("text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5")
        .build()
        .into();
    let response = agent
        .get(url)
        .call()
        .map_err(|e| describe(e, url, &host, limits))?;
    let final_url = ureq::ResponseExt::get_uri(&response).to_string();
    let status = response.status().as_u16();
    if status >= 400 {
        return Err(FetchError::Status {
            status,
            url: final_url,
        }
        .into());
    }
    if (300..400).contains(&status) {
        return Err(FetchError::TooManyRedirects {
            url: url.to_owned(),
            limit: limits.max_redirects,
        }
        .into());
    }
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    if let Some(what) = content_type.as_deref().and_then(not_a_page) {
        return Err(FetchError::NotAPage {
            url: final_url,
            what,
        }
        .into());
    }
    let total = response
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let compressed = response.headers().get("content-encoding").is_some();
    let too_large = || FetchError::TooLarge {
        url: final_url.clone(),
        megabytes: limits.max_bytes / 1_000_000,
    };
    if !compressed && total.is_some_and(|t| t > limits.max_bytes) {
        return Err(too_large().into());
    }
    let mut body = response.into_body();
    let mut reader = body.with_config().limit(limits.max_bytes + 1).reader();
    let mut out = Vec::with_capacity(total.unwrap_or(0).min(limits.max_bytes) as usize);
    let mut chunk = vec![0u8; 64 * 1024];
    let mut last_report = 0u64;
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Err(super::ImportError::Cancelled);
        }
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                let text = e.to_string();
                if text.contains("limit") || text.contains("exceed") {
                    return Err(too_large().into());
                }
                if e.kind() == std::io::ErrorKind::TimedOut || text.contains("timeout") {
                    return Err(FetchError::TimedOut {
                        host,
                        seconds: limits.total_timeout.as_secs(),
                    }
                    .into());
                }
                return Err(FetchError::Broken { host, reason: text }.into());
            }
        };
        out.extend_from_slice(chunk.get(..n).unwrap_or_default());
        if out.len() as u64 > limits.max_bytes {
            return Err(too_large().into());
        }
        let received = out.len() as u64;
        if received - last_report >= 256 * 1024 {
            last_report = received;
            progress(Progress::Downloading {
                received,
                total: if compressed { None } else { total },
            });
        }
    }
    Ok(Fetched {
        final_url,
        content_type,
        body: out,
    })
}

/// What a content type is when it is not something an article can be read from.
fn not_a_page(content_type: &str) -> Option<String> {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let readable = matches!(
        mime.as_str(),
        "" | "text/html"
            | "application/xhtml+xml"
            | "application/pdf"
            | "application/x-pdf"
            | "text/plain"
            | "text/markdown"
            | "application/octet-stream"
            | "binary/octet-stream"
            | "application/xml"
            | "text/xml"
    );
    if readable {
        return None;
    }
    let kind = mime.split('/').next().unwrap_or("");
    Some(match kind {
        "image" => format!("an image ({mime})"),
        "video" => format!("a video ({mime})"),
        "audio" => format!("a sound file ({mime})"),
        _ if mime.contains("json") => format!("data ({mime})"),
        _ if mime.contains("zip") || mime.contains("compressed") => {
            format!("an archive ({mime})")
        }
        _ => format!("a file of type {mime}"),
    })
}

/// Turns ureq's error into a message for the user.
fn describe(e: ureq::Error, url: &str, host: &str, limits: &FetchLimits) -> super::ImportError {
    let host = host.to_owned();
    let err = match e {
        ureq::Error::BadUri(reason) => FetchError::BadAddress {
            url: url.to_owned(),
            reason,
        },
        ureq::Error::HostNotFound => FetchError::HostNotFound { host },
        ureq::Error::TooManyRedirects => FetchError::TooManyRedirects {
            url: url.to_owned(),
            limit: limits.max_redirects,
        },
        ureq::Error::Timeout(which) => {
            let limit = match which {
                ureq::Timeout::Connect | ureq::Timeout::Resolve => limits.connect_timeout,
                ureq::Timeout::RecvResponse => limits.answer_timeout,
                _ => limits.total_timeout,
            };
            FetchError::TimedOut {
                host,
                seconds: limit.as_secs().max(1),
            }
        }
        ureq::Error::StatusCode(status) => FetchError::Status {
            status,
            url: url.to_owned(),
        },
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
            url: url.to_owned(),
            megabytes: limits.max_bytes / 1_000_000,
        },
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::TimedOut => FetchError::TimedOut {
                host,
                seconds: limits.answer_timeout.as_secs().max(1),
            },
            std::io::ErrorKind::ConnectionRefused => FetchError::NoConnection {
                host,
                reason: "the server refused the connection".into(),
            },
            _ => FetchError::NoConnection {
                host,
                reason: io.to_string(),
            },
        },
        ureq::Error::ConnectionFailed => FetchError::NoConnection {
            host,
            reason: "no route to the server".into(),
        },
        ureq::Error::Tls(reason) => FetchError::Tls {
            host,
            reason: reason.to_string(),
        },
        ureq::Error::Rustls(reason) => FetchError::Tls {
            host,
            reason: reason.to_string(),
        },
        other => FetchError::Broken {
            host,
            reason: other.to_string(),
        },
    };
    err.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_content_types() {
        assert_eq!(
            host_of("https://user@example.org:8080/a?b"),
            "example.org:8080"
        );
        assert_eq!(host_of("http://127.0.0.1/x"), "127.0.0.1");
        assert_eq!(not_a_page("text/html; charset=utf-8"), None);
        assert_eq!(not_a_page("application/pdf"), None);
        assert_eq!(
            not_a_page("image/png").as_deref(),
            Some("an image (image/png)")
        );
        assert_eq!(
            not_a_page("application/zip").as_deref(),
            Some("an archive (application/zip)")
        );
    }
}
