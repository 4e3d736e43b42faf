//! Links, fetched from a server this test starts on 127.0.0.1 (nothing here touches
//! the internet): pages and PDFs come in with their final address and date; 404s,
//! images, redirect loops, gzip bombs, oversized pages and servers that never
//! answer get their own messages, within their time limits.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::import::{
    FetchError, FetchLimits, ImportError, ImportOptions, Progress, Source, import_source,
};
use flate2::Compression;
use flate2::write::GzEncoder;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

#[path = "support/http_server.rs"]
mod http_server;

use http_server::{PAGE, respond};

/// Serves the routes below; the listener ends after `max_connections` connections.
fn serve(max_connections: usize) -> String {
    http_server::serve(max_connections, route)
}

/// The routes describe themselves.
fn route(path: &str, stream: &mut TcpStream) {
    let route = path.split('?').next().unwrap_or("");
    match route {
        "/article" => respond(
            stream,
            "200 OK",
            &[("Content-Type", "text/html; charset=utf-8".into())],
            PAGE.as_bytes(),
        ),
        "/moved" => respond(
            stream,
            "301 Moved Permanently",
            &[("Location", "/article".into())],
            b"",
        ),
        "/loop" => {
            let n: u32 = path
                .split('=')
                .nth(1)
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            respond(
                stream,
                "302 Found",
                &[("Location", format!("/loop?n={}", n + 1))],
                b"",
            );
        }
        "/missing" => respond(
            stream,
            "404 Not Found",
            &[("Content-Type", "text/html".into())],
            b"<h1>Not found</h1>",
        ),
        "/forbidden" => respond(stream, "403 Forbidden", &[], b"no"),
        "/image" => respond(
            stream,
            "200 OK",
            &[("Content-Type", "image/png".into())],
            b"\x89PNG\r\n\x1a\n",
        ),
        "/gzip" => {
            let mut e = GzEncoder::new(Vec::new(), Compression::default());
            e.write_all(PAGE.as_bytes()).unwrap();
            let body = e.finish().unwrap();
            respond(
                stream,
                "200 OK",
                &[
                    ("Content-Type", "text/html".into()),
                    ("Content-Encoding", "gzip".into()),
                ],
                &body,
            );
        }
        "/bomb" => {
            respond(
                stream,
                "200 OK",
                &[
                    ("Content-Type", "text/html".into()),
                    ("Content-Encoding", "gzip".into()),
                ],
                gzip_bomb(),
            );
        }
        "/huge" => {
            // Announced honestly: refused before the body is read.
            let head =
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 900000000\r\n\r\n";
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&vec![b'a'; 1 << 20]);
        }
        "/endless" => {
            // No length, a body that never ends: stopped at the size cap.
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n";
            let _ = stream.write_all(head.as_bytes());
            let chunk = vec![b'a'; 64 * 1024];
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(20) {
                if stream.write_all(&chunk).is_err() {
                    break;
                }
            }
        }
        "/silent" => {
            // Reads the request, then says nothing.
            std::thread::sleep(Duration::from_secs(8));
        }
        "/pdf" => {
            let pdf = std::fs::read("tests/fixtures/import/report.pdf").unwrap();
            respond(
                stream,
                "200 OK",
                &[("Content-Type", "application/pdf".into())],
                &pdf,
            );
        }
        _ => respond(stream, "404 Not Found", &[], b""),
    }
}

/// 200 MB of zeros, about 200 kB on the wire; made once, before the server answers.
fn gzip_bomb() -> &'static [u8] {
    static BOMB: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BOMB.get_or_init(|| {
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..200 {
            e.write_all(&zeros).unwrap();
        }
        e.finish().unwrap()
    })
}

fn options() -> ImportOptions {
    ImportOptions {
        fetch: FetchLimits {
            connect_timeout: Duration::from_secs(2),
            answer_timeout: Duration::from_secs(1),
            total_timeout: Duration::from_secs(10),
            max_redirects: 10,
            max_bytes: 2_000_000,
        },
        today: Some("2026-01-15".into()),
        ..ImportOptions::default()
    }
}

fn fetch(url: &str) -> Result<claimdesk::import::Imported, ImportError> {
    let never = AtomicBool::new(false);
    import_source(&Source::parse(url), &options(), &never, &mut |_| {})
}

#[test]
fn a_page_comes_in_with_its_metadata_final_address_and_date() {
    let base = serve(4);
    let imported = fetch(&format!("{base}/moved")).unwrap();
    let a = &imported.article;
    assert_eq!(a.title, "Port traffic fell by a third");
    assert!(
        a.text
            .starts_with("Port traffic fell by a third\n\nContainer traffic"),
        "{}",
        a.text
    );
    assert!(
        !a.text.contains("Sport") && !a.text.contains("©"),
        "{}",
        a.text
    );
    assert_eq!(
        a.origin.fetched_url.as_deref(),
        Some(format!("{base}/article").as_str())
    );
    assert_eq!(
        a.origin.path.as_deref(),
        Some(format!("{base}/moved").as_str())
    );
    assert_eq!(a.meta.url, format!("{base}/article"));
    assert_eq!(a.meta.retrieved, "2026-01-15");
    assert_eq!(a.meta.site, "Harbour News");
    assert_eq!(a.meta.byline, "Sam Reed");
    assert_eq!(a.meta.published, "2024-02-03");
    assert_eq!(a.origin.kind, claimdesk::model::ArticleKind::Html);
    assert_eq!(imported.original, PAGE.as_bytes());
    assert_eq!(
        a.origin.original_sha256.as_deref(),
        Some(claimdesk::model::sha256_hex_bytes(PAGE.as_bytes()).as_str())
    );

    let gz = fetch(&format!("{base}/gzip")).unwrap();
    assert_eq!(gz.article.text, a.text, "gzip bodies are decompressed");
}

#[test]
fn a_pdf_link_is_read_as_a_pdf() {
    let base = serve(1);
    let a = fetch(&format!("{base}/pdf")).unwrap().article;
    assert_eq!(a.origin.kind, claimdesk::model::ArticleKind::Pdf);
    assert!(a.page_at(a.text.chars().count() - 1).is_some());
}

/// A path, what its error must be, and words its message must contain.
type Case = (&'static str, fn(&ImportError) -> bool, &'static str);

#[test]
fn bad_answers_get_plain_messages() {
    let base = serve(20);
    let cases: [Case; 5] = [
        (
            "/missing",
            |e| {
                matches!(
                    e,
                    ImportError::Fetch(FetchError::Status { status: 404, .. })
                )
            },
            "not found",
        ),
        (
            "/forbidden",
            |e| {
                matches!(
                    e,
                    ImportError::Fetch(FetchError::Status { status: 403, .. })
                )
            },
            "refused",
        ),
        (
            "/image",
            |e| matches!(e, ImportError::Fetch(FetchError::NotAPage { .. })),
            "an image (image/png), not a web page or PDF",
        ),
        (
            "/loop",
            |e| {
                matches!(
                    e,
                    ImportError::Fetch(FetchError::TooManyRedirects { limit: 10, .. })
                )
            },
            "redirects more than 10 times",
        ),
        (
            "/huge",
            |e| matches!(e, ImportError::Fetch(FetchError::TooLarge { .. })),
            "larger than 2 MB",
        ),
    ];
    for (path, is_expected, words) in cases {
        let err = fetch(&format!("{base}{path}")).unwrap_err();
        assert!(is_expected(&err), "{path}: {err:?}");
        assert!(err.to_string().contains(words), "{path}: {err}");
    }
}

#[test]
fn bombs_and_endless_bodies_stop_at_the_size_cap() {
    assert!(gzip_bomb().len() < 1_000_000);
    let base = serve(2);
    for path in ["/bomb", "/endless"] {
        let start = Instant::now();
        let err = fetch(&format!("{base}{path}")).unwrap_err();
        assert!(
            matches!(err, ImportError::Fetch(FetchError::TooLarge { .. })),
            "{path}: {err:?}"
        );
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{path} took {:?}",
            start.elapsed()
        );
    }
}

#[test]
fn a_silent_server_or_none_at_all_is_reported() {
    let base = serve(1);
    let err = fetch(&format!("{base}/silent")).unwrap_err();
    assert!(
        matches!(err, ImportError::Fetch(FetchError::TimedOut { .. })),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("did not answer within 1 seconds"),
        "{err}"
    );

    // Nothing listens on a port that was just released.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = fetch(&format!("http://127.0.0.1:{port}/")).unwrap_err();
    assert!(
        matches!(err, ImportError::Fetch(FetchError::NoConnection { .. })),
        "{err:?}"
    );
    assert!(err.to_string().contains("online"), "{err}");
}

#[test]
fn cancelling_a_download_stops_it() {
    let base = serve(1);
    let cancel = AtomicBool::new(false);
    let mut seen = Vec::new();
    let err = import_source(
        &Source::parse(&format!("{base}/endless")),
        &options(),
        &cancel,
        &mut |p| {
            if matches!(p, Progress::Downloading { .. }) {
                cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            }
            seen.push(p);
        },
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::Cancelled), "{err:?}");
    assert!(
        matches!(seen.first(), Some(Progress::Connecting(_))),
        "{seen:?}"
    );
}
